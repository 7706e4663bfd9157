"""Draw the blind precision audit's sample and write the judging sheet (outside the repository).

    uv run python bench/audit/sample.py [--only-unjudged] [--out /tmp/newswire-audit/sheet.jsonl]

Runs the extractor service's own entry (backend and any relevance gate it applies) over
../shared/corpora/guardian-dev and the BBC politics articles of ../shared/corpora/bbc-news,
samples events by seeded hash rank (at most --per-article per article) and writes:
- the judging sheet (JSONL, contains corpus text: never commit it), and
- the sample manifest (JSON, keys and sets only) that tally.py joins with the judgements.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newswire.measure.audit import (
    PARTS,
    Candidate,
    manifest_item,
    part_of,
    rank,
    sheet_item,
    stratified_sample,
)
from newswire.measure.corpora import CorpusError, load_documents, repo_root, shared_dir
from newswire.measure.provenance import commit_of, now

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = Path("/tmp/newswire-audit/sheet.jsonl")
SETS = ("guardian-dev", "bbc-politics")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--shared", type=Path, help="shared dir (default: $NEWSWIRE_SHARED or ../shared)"
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="judging sheet (JSONL)")
    ap.add_argument("--manifest", type=Path, help="sample manifest (default: sample.json by --out)")
    ap.add_argument("--judgements", type=Path, default=HERE / "judgements.jsonl")
    ap.add_argument("--only-unjudged", action="store_true", help="sheet of unjudged items only")
    ap.add_argument(
        "--part",
        choices=PARTS,
        default="audit",
        help="audit: the seeded sample from the audit half of the articles (default);"
        " train: every event of the other half, to label for the event filter",
    )
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--per-article", type=int, default=4)
    ap.add_argument("--guardian", type=int, default=100, help="events from guardian-dev")
    ap.add_argument("--bbc", type=int, default=60, help="events from BBC politics")
    args = ap.parse_args(argv)
    try:
        return run(args)
    except (CorpusError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    from newswire.measure.audit import load_judgements
    from newswire.measure.extraction import ServiceRunner

    shared = shared_dir(args.shared)
    docs = [d for d in load_documents(shared, SETS) if part_of(d.doc_id) == args.part]
    judgements = load_judgements(args.judgements)
    runner = ServiceRunner()
    candidates: list[Candidate] = []
    articles, events, gated = (dict.fromkeys(SETS, 0) for _ in range(3))
    started = time.perf_counter()
    for i, doc in enumerate(docs, 1):
        set_name = "guardian-dev" if doc.corpus == "guardian-dev" else "bbc-politics"
        result = runner.run(doc)
        articles[set_name] += 1
        events[set_name] += len(result.events)
        gated[set_name] += result.relevance is not None and not result.relevance.codeable
        published = doc.published.isoformat() if doc.published else None
        candidates += [
            Candidate(set_name, doc.doc_id, e, doc.text, published) for e in result.events
        ]
        if i % 50 == 0:
            print(
                f"{i}/{len(docs)} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr
            )
    runner.close()
    if args.part == "train":  # every event, for labelling
        quotas = dict.fromkeys(SETS, len(candidates))
        per_article = len(candidates)
    else:
        quotas = {"guardian-dev": args.guardian, "bbc-politics": args.bbc}
        per_article = args.per_article
    chosen = stratified_sample(candidates, seed=args.seed, quotas=quotas, per_article=per_article)
    chosen.sort(key=lambda c: rank(args.seed, c.key))  # interleave the sets for the judges
    if len(chosen) < sum(quotas.values()):
        print(f"warning: only {len(chosen)} events to sample", file=sys.stderr)
    manifest = {
        "commit": commit_of(repo_root()),
        "extractor": runner.name,
        "created": now(),
        "part": args.part,
        "seed": args.seed,
        "per_article": args.per_article,
        "quotas": quotas,
        "articles": articles,
        "events": events,
        "gated_out": gated,
        "items": [manifest_item(c) for c in chosen],
    }
    sheet = [c for c in chosen if not (args.only_unjudged and c.key in judgements)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for c in sheet:
            fh.write(json.dumps(sheet_item(c), ensure_ascii=False) + "\n")
    manifest_path = args.manifest or args.out.with_name("sample.json")
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    judged = sum(1 for c in chosen if c.key in judgements)
    seconds = time.perf_counter() - started
    print(
        f"{len(docs)} articles, {sum(events.values())} events in {seconds:.0f} s;"
        f" sampled {len(chosen)} ({judged} already judged); wrote {len(sheet)} items to {args.out}"
        f" and the manifest to {manifest_path}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
