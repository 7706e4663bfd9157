"""Write a judging sheet of every event the extractor emits (filter off) on the sets the event
filter may learn from: a seeded sample of the machine-generated ngec-synthetic stories (the
corpora README allows a shipped model on them with a note), or every team-written article of
bench/eventness/team/ (the team's own text). guardian-dev and bbc-news must not go into a
shipped model, so their labels (bench/audit/sample.py --part train) only measure the filter.

    uv run python bench/eventness/pool.py [--stories 200] [--skip 0] [--seed 8]
        [--out /tmp/newswire-ngec/pool.jsonl]
    uv run python bench/eventness/pool.py --corpus team --out /tmp/newswire-team/sheet.jsonl
        [--team DIR]   # every event of every team-written article (default: bench/eventness/team)

The filter is switched off here whatever NEWSWIRE_EXTRACTOR_EVENT_FILTER says: judges label
every event the rules emit. The sheet has the audit's format (bench/audit/GUIDE.md); a sheet of
ngec-synthetic stories holds corpus text: never commit it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from newswire.measure.audit import Candidate, sheet_item
from newswire.measure.corpora import CorpusError, Document, load_ngec, load_team, shared_dir
from newswire_contracts import Event

DEFAULT_OUT = Path("/tmp/newswire-ngec/pool.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--shared", type=Path, help="shared dir (default: $NEWSWIRE_SHARED or ../shared)"
    )
    ap.add_argument("--corpus", choices=("ngec", "team"), default="ngec")
    ap.add_argument("--team", type=Path, help="folder of team articles-*.jsonl")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="judging sheet (JSONL)")
    ap.add_argument("--stories", type=int, default=200, help="ngec stories to sample")
    ap.add_argument("--skip", type=int, default=0, help="skip the first N sampled stories")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args(argv)
    try:
        return run(args)
    except (CorpusError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def documents(args: argparse.Namespace) -> list[Document]:
    if args.corpus == "team":
        return load_team(args.team)
    stories = load_ngec(shared_dir(args.shared))
    chosen = random.Random(args.seed).sample(stories, len(stories))
    return chosen[args.skip : args.skip + args.stories]


def sheet(doc: Document, event: Event) -> dict[str, Any]:
    published = doc.published.isoformat() if doc.published else None
    item = sheet_item(Candidate(doc.corpus, doc.doc_id, event, doc.text, published))
    item["title"] = doc.title
    return item


def run(args: argparse.Namespace) -> int:
    from newswire.measure.extraction import ServiceRunner
    from newswire_extractor.settings import ExtractorSettings

    chosen = documents(args)
    runner = ServiceRunner(ExtractorSettings(event_filter=False))
    started = time.perf_counter()
    items = []
    for doc in chosen:
        items += [sheet(doc, e) for e in runner.run(doc).events]
    runner.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(
        f"{len(chosen)} articles, {len(items)} events in {time.perf_counter() - started:.0f} s;"
        f" wrote {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
