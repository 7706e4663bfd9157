"""Which judged actor, target, date and place values the current extractor changes, on the
train half.

    uv run python bench/audit/field_flips.py [--pool /tmp/newswire-pool --pool …] [--show]

Re-runs the extractor on the train-half articles the pool judges labelled (<pool>/judged-*.jsonl,
made on the sheets <pool>/sheet-*.jsonl; several --pool folders add up), finds each judged event
again by its event id (the key prefix) and compares its actors, targets, date and place, as the
sheet writes them, with the sheet's. A value that
did not change keeps its judgement; a changed value needs a new one (``--show`` lists them with
the old judgement and reason; the sheets hold article text, so the listing stays on screen). The
audit half is never read: part_of(article) must be 'train' for every judged article.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newswire.measure.audit import describe, part_of
from newswire.measure.corpora import CorpusError, load_documents, shared_dir

FIELDS = (
    ("actors", "actor_ok"),
    ("targets", "target_ok"),
    ("date", "date_ok"),
    ("place", "place_ok"),
)
POOLS = (Path("/tmp/newswire-pool"), Path("/tmp/newswire-train"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pool", type=Path, action="append", help="judged pool folder (repeatable)")
    ap.add_argument("--shared", type=Path, help="shared dir (default: ../shared)")
    ap.add_argument("--show", action="store_true", help="list every changed value")
    args = ap.parse_args(argv)
    try:
        pools = args.pool or [p for p in POOLS if p.is_dir()]
        judged = _rows(sorted(f for p in pools for f in p.glob("judged-*.jsonl")))
        sheets = _rows(sorted(f for p in pools for f in p.glob("sheet-*.jsonl")))
        if not judged:
            raise ValueError(f"no judged-*.jsonl in {[str(p) for p in pools]}")
        current = _extract({row["article"] for row in judged.values()}, args.shared)
    except (CorpusError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts: Counter[tuple[str, ...]] = Counter()
    for key, label in judged.items():
        if not (label["real"] or label.get("background")):
            continue
        kind = "real" if label["real"] else "background"
        now = current.get(key.split("-")[0])
        if now is None:
            counts[(kind, "event no longer emitted")] += 1
            continue
        for field, ok in FIELDS:
            before = sheets[key]["event"][field]
            if now[field] == before:
                counts[(kind, field, "same", f"judged {label[ok]}")] += 1
                continue
            counts[(kind, field, "changed", f"was judged {label[ok]}")] += 1
            if args.show:
                print(f"{key} {label['article']} {kind} {field}: {before} -> {now[field]}")
                print(f"    old judgement {label[ok]}: {label['reason']}")
    for row, n in sorted(counts.items()):
        print(" | ".join(row), n)
    return 0


def _rows(paths: list[Path]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["key"]] = row
    return rows


def _extract(articles: set[str], shared: Path | None) -> dict[str, dict[str, Any]]:
    from newswire.measure.extraction import ServiceRunner

    held = sorted(a for a in articles if part_of(a) != "train")
    if held:
        raise ValueError(f"judged articles outside the train half: {held[:3]}")
    runner = ServiceRunner()
    found: dict[str, dict[str, Any]] = {}
    for doc in load_documents(shared_dir(shared), ("guardian-dev", "bbc-politics")):
        if doc.doc_id in articles:
            for event in runner.run(doc).events:
                fields = describe(event)
                found[event.event_id[:16]] = {field: fields[field] for field, _ in FIELDS}
    runner.close()
    return found


if __name__ == "__main__":
    sys.exit(main())
