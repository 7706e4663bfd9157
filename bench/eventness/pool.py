"""Write a judging sheet of every event the extractor emits on a seeded sample of the
machine-generated ngec-synthetic stories: the event filter's training labels come from these
(the corpora README allows a shipped model on them with a note; guardian-dev and bbc-news must
not go into a shipped model, so their labels only measure the filter).

    NEWSWIRE_EXTRACTOR_EVENT_FILTER=off uv run python bench/eventness/pool.py [--stories 200]
        [--seed 8] [--out /tmp/newswire-ngec/pool.jsonl]

The sheet has the audit's format (bench/audit/GUIDE.md); it holds corpus text: never commit it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from newswire.measure.audit import Candidate, sheet_item
from newswire.measure.corpora import CorpusError, load_ngec, shared_dir

DEFAULT_OUT = Path("/tmp/newswire-ngec/pool.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--shared", type=Path, help="shared dir (default: $NEWSWIRE_SHARED or ../shared)"
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="judging sheet (JSONL)")
    ap.add_argument("--stories", type=int, default=200, help="stories to sample")
    ap.add_argument("--skip", type=int, default=0, help="skip the first N sampled stories")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args(argv)
    try:
        return run(args)
    except (CorpusError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    from newswire.measure.extraction import ServiceRunner

    stories = load_ngec(shared_dir(args.shared))
    chosen = random.Random(args.seed).sample(stories, len(stories))
    chosen = chosen[args.skip : args.skip + args.stories]
    runner = ServiceRunner()
    started = time.perf_counter()
    items = []
    for doc in chosen:
        result = runner.run(doc)
        items += [
            sheet_item(Candidate("ngec-synthetic", doc.doc_id, e, doc.text, None))
            for e in result.events
        ]
    runner.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(
        f"{len(chosen)} stories, {len(items)} events in {time.perf_counter() - started:.0f} s;"
        f" wrote {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
