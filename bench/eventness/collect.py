"""Collect the blind judges' labels the event filter learns from and is measured on.

    uv run python bench/eventness/collect.py [--pool /tmp/newswire-pool] [--train
        /tmp/newswire-train] [--ngec /tmp/newswire-ngec] [--team /tmp/newswire-team]

Three files, labels only (key, article, real, background, reason; no article text):
- ``synthetic.jsonl``: TRAINING labels, events of machine-generated ngec-synthetic stories
  (``bench/eventness/pool.py`` writes their sheet; judges write <ngec>/judged-N*.jsonl).
- ``team.jsonl``: TRAINING labels, events of the team-written articles of bench/eventness/team
  (``pool.py --corpus team``; judges write <team>/judged-*.jsonl).
- ``labels.jsonl``: the MEASUREMENT labels, events of the train half of guardian-dev and BBC
  politics (the train-half rows of bench/audit/judgements.jsonl and the judges' files
  <pool>/judged-P*.jsonl and <train>/judged-T*.jsonl, judged from sheets of
  ``bench/audit/sample.py --part train``). guardian-dev and
  bbc-news may not go into a shipped model, so these only measure the filter. Every one must
  belong to an article of the train half (``newswire.measure.audit.part_of``): an audit-half
  label in a pool file is an error, never silently dropped, so the held-out audit stays held
  out; the audit file's audit-half rows are left out.

A set whose folder holds no judged files is left as it is (its file is not emptied).

One label per event: the event id (the key's first 16 hex, fixed by article, type and evidence)
joins a label to the extractor's event; when an event was judged twice, the later source wins
(the pool judges' label, made on the current sheets, over the older audit file's).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newswire.measure.audit import part_of

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
AUDIT = ROOT / "bench/audit/judgements.jsonl"
LABELS = HERE / "labels.jsonl"
SYNTHETIC = HERE / "synthetic.jsonl"
TEAM = HERE / "team.jsonl"
DEFAULT_POOL = Path("/tmp/newswire-pool")
DEFAULT_TRAIN = Path("/tmp/newswire-train")
DEFAULT_NGEC = Path("/tmp/newswire-ngec")
DEFAULT_TEAM = Path("/tmp/newswire-team")
NGEC_PREFIX = "ngec-synthetic:"
TEAM_PREFIX = "team-written:"
FIELDS = ("key", "article", "real", "background", "reason")


class LabelError(Exception):
    """A label that cannot be used (the message names the file and line)."""


def read_labels(path: Path, source: str) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row.get("key"), str) or not isinstance(row.get("real"), bool):
            raise LabelError(f"{path}:{number}: needs a string key and a boolean real")
        label = {f: row.get(f) for f in FIELDS}
        label["background"] = bool(row.get("background"))
        label["source"] = source
        rows.append(label)
    return rows


def collect(audit: Path, pool_files: list[Path]) -> list[dict[str, Any]]:
    """Train-half labels of the audit file, then the pool's (later sources win per event)."""
    by_event: dict[str, dict[str, Any]] = {}
    audit_rows = [r for r in read_labels(audit, "audit") if part_of(str(r["article"])) == "train"]
    for row in audit_rows:
        by_event[row["key"][:16]] = row
    for path in pool_files:
        source = "train" if path.stem.startswith("judged-T") else "pool"
        for row in read_labels(path, f"{source}:{path.stem.removeprefix('judged-')}"):
            if part_of(str(row["article"])) != "train":
                raise LabelError(f"{path}: {row['key']} is of audit-half article {row['article']}")
            by_event[row["key"][:16]] = row
    labels = sorted(by_event.values(), key=lambda r: (r["article"], r["key"]))
    assert all(part_of(str(r["article"])) == "train" for r in labels)
    return labels


def collect_training(
    pool_files: list[Path], prefix: str = NGEC_PREFIX, source: str = "ngec"
) -> list[dict[str, Any]]:
    """The labels of a training set's judges (later files win per event); every one must be of
    an article of that set (``prefix``)."""
    by_event: dict[str, dict[str, Any]] = {}
    for path in pool_files:
        for row in read_labels(path, f"{source}:{path.stem.removeprefix('judged-')}"):
            if not str(row["article"]).startswith(prefix):
                raise LabelError(f"{path}: {row['key']} is of {row['article']}, not {prefix}")
            by_event[row["key"][:16]] = row
    return sorted(by_event.values(), key=lambda r: (r["article"], r["key"]))


def write(path: Path, labels: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in labels:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    real = sum(r["real"] for r in labels)
    articles = len({r["article"] for r in labels})
    print(f"{len(labels)} labels ({real} real) of {articles} articles -> {path}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pool", type=Path, default=DEFAULT_POOL, help="folder of judged-P*.jsonl")
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="folder of judged-T*.jsonl")
    ap.add_argument("--ngec", type=Path, default=DEFAULT_NGEC, help="folder of judged-N*.jsonl")
    ap.add_argument("--team", type=Path, default=DEFAULT_TEAM, help="folder of judged-*.jsonl")
    ap.add_argument("--audit", type=Path, default=AUDIT)
    ap.add_argument("--out", type=Path, default=LABELS, help="measurement labels")
    ap.add_argument("--synthetic-out", type=Path, default=SYNTHETIC, help="training labels")
    ap.add_argument("--team-out", type=Path, default=TEAM, help="training labels")
    args = ap.parse_args(argv)
    pool = sorted(args.pool.glob("judged-P*.jsonl")) + sorted(args.train.glob("judged-T*.jsonl"))
    ngec = sorted(args.ngec.glob("judged-N*.jsonl"))
    team = sorted(args.team.glob("judged-*.jsonl"))
    try:
        outputs = [
            (args.out, collect(args.audit, pool) if pool else []),
            (args.synthetic_out, collect_training(ngec)),
            (args.team_out, collect_training(team, TEAM_PREFIX, "team")),
        ]
    except (LabelError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path, labels in outputs:
        if labels:
            write(path, labels)
        else:
            print(f"no judged labels for {path.name}: left as it is", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
