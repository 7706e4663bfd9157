"""Check a judge's judgements and add them to bench/audit/judgements.jsonl.

    uv run python bench/audit/record.py JUDGED.jsonl [--sample /tmp/newswire-audit/sample.json]
                                                     [--replace] [--dry-run]

Each line needs `key` and the labels of GUIDE.md (`real`, `background`, `type_ok`, `actor_ok`,
`target_ok`, `date_ok`, `place_ok`: true/false, "yes"/"no", or null for the *_ok fields) and a
one-line `reason`. Keys must belong to the current sample; `article` is taken from the sample;
text fields other than `reason` are dropped (no article text goes into the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newswire.measure.audit import JudgementError, load_judgements, merge_judgements

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("judged", type=Path, help="the judge's JSONL")
    ap.add_argument("--sample", type=Path, default=Path("/tmp/newswire-audit/sample.json"))
    ap.add_argument("--judgements", type=Path, default=HERE / "judgements.jsonl")
    ap.add_argument("--replace", action="store_true", help="a new judgement replaces an old one")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    try:
        sample = {i["key"]: i for i in json.loads(args.sample.read_text("utf-8"))["items"]}
        new = load_judgements(args.judged)
        old = load_judgements(args.judgements)
    except FileNotFoundError as exc:
        print(f"error: {exc.filename} not found", file=sys.stderr)
        return 2
    except (JudgementError, json.JSONDecodeError, KeyError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not new:
        print(f"error: no judgements in {args.judged}", file=sys.stderr)
        return 2
    try:
        merged, counts = merge_judgements(old, new, sample, replace=args.replace)
    except JudgementError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{counts['added']} added, {counts['replaced']} replaced, {counts['kept']} already "
        "judged (kept; --replace to change)",
        file=sys.stderr,
    )
    if not args.dry_run:
        lines = [json.dumps(merged[k], ensure_ascii=False) for k in merged]
        args.judgements.write_text("\n".join(lines) + "\n" if lines else "", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
