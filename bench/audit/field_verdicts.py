"""The judges' field verdicts next to what the current extractor says, on the train half.

    uv run python bench/audit/field_verdicts.py [--save /tmp/fv/base.json] [--show wrong]
    uv run python bench/audit/field_verdicts.py --baseline /tmp/fv/base.json [--show changed]

Collects every judgement with field verdicts made on a **train-half** article
(``part_of(article) == "train"``; audit-half rows are skipped before anything else is read):
``bench/audit/judgements.jsonl`` and the judged pools ``/tmp/newswire-pool``,
``/tmp/newswire-train`` (``--pool`` adds folders). Re-runs the extractor service as shipped
(``NEWSWIRE_EXTRACTOR_*``; the event filter on) over those articles, finds each judged real or
background event again by its event id, and tells per field (actors, targets, date, place)
whether the value the judge saw is still the value emitted (from the judged sheet when one is
at hand, else from the key's field hash) and what the verdict was.

``--save FILE`` keeps the current values (no article text: the described fields only) so that a
later run with ``--baseline FILE`` counts, per field, the values a change moved away from a
judged-right value (broken, unless the new value is as right) and from a judged-wrong value
(candidate fixes, to be checked against the reason). ``--show wrong|changed|all`` lists items
with the judge's reason. Listings hold extracted names only; keep saved files in /tmp.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newswire.measure.audit import describe, key_of, part_of
from newswire.measure.corpora import CorpusError, load_documents, shared_dir

FIELDS = (("actors", "actor_ok"), ("targets", "target_ok"), ("date", "date_ok"))
FIELDS_ALL = (*FIELDS, ("place", "place_ok"))
COMMITTED = Path("bench/audit/judgements.jsonl")
POOLS = (Path("/tmp/newswire-pool"), Path("/tmp/newswire-train"))
SHEET_GLOBS = ("/tmp/newswire-pool/sheet*.jsonl", "/tmp/newswire-train/sheet*.jsonl")
SHEET_DIRS = ("/tmp/newswire-audit*",)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pool", type=Path, action="append", default=[], help="more judged folders")
    ap.add_argument("--shared", type=Path, help="shared dir (default: ../shared)")
    ap.add_argument("--save", type=Path, help="write the current values here (a /tmp file)")
    ap.add_argument("--baseline", type=Path, help="compare with values saved by --save")
    ap.add_argument("--show", choices=("wrong", "changed", "all"), help="list items")
    ap.add_argument("--field", choices=[f for f, _ in FIELDS_ALL], action="append")
    ap.add_argument("--context", action="store_true", help="with --show: the judged sentence")
    args = ap.parse_args(argv)
    fields = [(f, ok) for f, ok in FIELDS_ALL if f in (args.field or [f for f, _ in FIELDS])]
    try:
        judged = _judgements([*POOLS, *args.pool])
        sheets = _sheets(set(judged))
        current = _extract({row["article"] for row in judged.values()}, args.shared)
        base = json.loads(args.baseline.read_text()) if args.baseline else None
    except (CorpusError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts: Counter[tuple[str, ...]] = Counter()
    saved: dict[str, Any] = {}
    for key, label in sorted(judged.items(), key=lambda kv: kv[1]["article"]):
        kind = "real" if label["real"] else "background"
        now = current.get(key.split("-")[0])
        if now is None:
            counts[(kind, "no longer emitted")] += 1
            continue
        saved[key] = now
        seen = _judged_values(key, now, sheets.get(key))
        lines = []
        for field, ok in fields:
            verdict = label.get(ok)
            was = seen.get(field)  # the judged value; None = unknown
            still = "unknown" if was is None else ("same" if now[field] == was else "changed")
            counts[(kind, field, f"judged {verdict}", still)] += 1
            if base is not None and key in base and base[key][field] != now[field]:
                # The verdict speaks of the baseline value only if that is what was judged.
                said = f"judged {verdict}" if base[key][field] == was else "baseline unjudged"
                counts[(kind, field, "moved from baseline", said)] += 1
                lines.append(f"  {field}: {base[key][field]} -> {now[field]} [{said}]")
            elif args.show == "all" or (
                args.show == "wrong" and verdict is False and still != "changed"
            ):
                lines.append(f"  {field}: {now[field]} [judged {verdict}, {still}]")
            elif args.show == "changed" and still == "changed":
                lines.append(f"  {field}: {was} -> {now[field]} [judged {verdict}]")
        if lines and (args.show or base is not None):
            print(f"{key} {label['article']} {kind} {now['type']} '{now['trigger']}'")
            print("\n".join(lines))
            print(f"    reason: {label.get('reason', '')}")
            if args.context and key in sheets:
                print(f"    before: {sheets[key]['before'][-200:]}")
                print(f"    sentence: {sheets[key]['sentence']}")
    for row, n in sorted(counts.items()):
        print(" | ".join(row), n)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps(saved, indent=0, sort_keys=True))
    return 0


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _judgements(pools: list[Path]) -> dict[str, dict[str, Any]]:
    """Train-half real or background judgements with field verdicts, one per key (the committed
    file first, then the pools in order)."""
    files = [COMMITTED, *(f for p in pools if p.is_dir() for f in sorted(p.glob("judged-*.jsonl")))]
    rows: dict[str, dict[str, Any]] = {}
    for path in files:
        for row in _read(path):
            if part_of(row["article"]) != "train":
                continue  # the audit half is never looked at
            if (row.get("real") or row.get("background")) and "actor_ok" in row:
                rows.setdefault(row["key"], row)
    if not rows:
        raise ValueError("no train-half judgements with field verdicts")
    return rows


def _sheets(keys: set[str]) -> dict[str, dict[str, Any]]:
    """The sheet item each judged key was judged on, when a sheet is still in /tmp."""
    found: dict[str, dict[str, Any]] = {}
    paths = [p for g in SHEET_GLOBS for p in Path("/").glob(g.lstrip("/"))]
    paths += [p for d in SHEET_DIRS for p in Path("/").glob(d.lstrip("/") + "/sheet*.jsonl")]
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            key = line[9 : 9 + 25] if line.startswith('{"key": "') else ""
            if key in keys:  # only train-half keys are parsed
                item = json.loads(line)
                found.setdefault(
                    key, {**item["event"], "sentence": item["sentence"], "before": item["before"]}
                )
    return found


def _judged_values(key: str, now: dict[str, Any], sheet: dict[str, Any] | None) -> dict[str, Any]:
    if sheet is not None:
        return {f: sheet[f] for f, _ in FIELDS_ALL}
    if now["key"] == key:  # nothing a judge looks at changed
        return {f: now[f] for f, _ in FIELDS_ALL}
    return {}


def _extract(articles: set[str], shared: Path | None) -> dict[str, dict[str, Any]]:
    from newswire.measure.extraction import ServiceRunner

    runner = ServiceRunner()
    found: dict[str, dict[str, Any]] = {}
    for doc in load_documents(shared_dir(shared), ("guardian-dev", "bbc-politics")):
        if doc.doc_id in articles and part_of(doc.doc_id) == "train":
            for event in runner.run(doc).events:
                fields = describe(event)
                found[event.event_id[:16]] = {
                    **{field: fields[field] for field, _ in FIELDS_ALL},
                    "type": fields["type"],
                    "trigger": fields["trigger_word"],
                    "key": key_of(event),
                }
    runner.close()
    return found


if __name__ == "__main__":
    sys.exit(main())
