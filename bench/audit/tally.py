"""Tally the blind precision audit: join the current sample with the committed judgements.

uv run python bench/audit/tally.py [--sample /tmp/newswire-audit/sample.json]
                                    [--report docs/precision-audit.md] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from newswire.measure.audit import JudgementError, load_judgements, render, tally

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sample", type=Path, default=Path("/tmp/newswire-audit/sample.json"))
    ap.add_argument("--judgements", type=Path, default=HERE / "judgements.jsonl")
    ap.add_argument("--report", type=Path, help="write the Markdown report here")
    ap.add_argument("--json", action="store_true", help="figures as JSON on stdout")
    args = ap.parse_args(argv)
    try:
        manifest = json.loads(args.sample.read_text(encoding="utf-8"))
        items = manifest["items"]
        judgements = load_judgements(args.judgements)
    except FileNotFoundError:
        print(
            f"error: no sample at {args.sample}: run bench/audit/sample.py first", file=sys.stderr
        )
        return 2
    except (JudgementError, json.JSONDecodeError, KeyError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = tally(items, judgements)
    text = render(result, manifest)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
        print(f"wrote {args.report}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(asdict(result), indent=1, default=str) + "\n")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
