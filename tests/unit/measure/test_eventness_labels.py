"""The event filter's labels: train-half articles only, one per event, no article text."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from newswire.measure.audit import part_of

ROOT = Path(__file__).resolve().parents[3]
LABELS = ROOT / "bench/eventness/labels.jsonl"


def _load_collect() -> ModuleType:
    """bench/eventness/collect.py (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("collect", ROOT / "bench/eventness/collect.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


collect = _load_collect()


def _article(part: str) -> str:
    return next(
        f"guardian-dev:G{i:03d}" for i in range(200) if part_of(f"guardian-dev:G{i:03d}") == part
    )


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]


def test_every_label_is_of_a_train_half_article() -> None:
    rows = _rows()
    assert len(rows) >= 61
    assert all(part_of(str(r["article"])) == "train" for r in rows)


def test_one_label_per_event_and_nothing_but_labels() -> None:
    rows = _rows()
    assert len({str(r["key"])[:16] for r in rows}) == len(rows)
    assert all(set(r) == {*collect.FIELDS, "source"} for r in rows)
    assert all(isinstance(r["real"], bool) for r in rows)


def test_an_audit_half_label_in_the_pool_is_an_error(tmp_path: Path) -> None:
    audit_article = _article("audit")
    empty = tmp_path / "judgements.jsonl"
    empty.write_text("", encoding="utf-8")
    pool = tmp_path / "judged-P9.jsonl"
    row = {"key": "0123456789abcdef-00000000", "article": audit_article, "real": True}
    pool.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(collect.LabelError, match="audit-half"):
        collect.collect(empty, [pool])


def test_audit_half_rows_of_the_audit_file_are_left_out(tmp_path: Path) -> None:
    audit, train = _article("audit"), _article("train")
    judgements = tmp_path / "judgements.jsonl"
    rows = [
        {"key": "aaaaaaaaaaaaaaaa-00000000", "article": audit, "real": True, "reason": "x"},
        {"key": "bbbbbbbbbbbbbbbb-00000000", "article": train, "real": False, "reason": "y"},
    ]
    judgements.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (kept,) = collect.collect(judgements, [])
    assert (kept["article"], kept["real"], kept["source"]) == (train, False, "audit")


def test_the_training_labels_are_all_of_synthetic_stories() -> None:
    path = ROOT / "bench/eventness/synthetic.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 100
    assert all(str(r["article"]).startswith("ngec-synthetic:") for r in rows)
    assert len({str(r["key"])[:16] for r in rows}) == len(rows)


def test_a_real_news_label_among_the_training_labels_is_an_error(tmp_path: Path) -> None:
    judged = tmp_path / "judged-N9.jsonl"
    row = {"key": "0123456789abcdef-00000000", "article": _article("train"), "real": True}
    judged.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(collect.LabelError, match="not ngec-synthetic"):
        collect.collect_training([judged])
    with pytest.raises(collect.LabelError, match="not team-written"):
        collect.collect_training([judged], collect.TEAM_PREFIX, "team")


def test_team_labels_are_collected_with_their_judge(tmp_path: Path) -> None:
    judged = tmp_path / "judged-W1.jsonl"
    rows = [
        {"key": "0123456789abcdef-00000000", "article": "team-written:t-01", "real": False},
        {"key": "0123456789abcdef-11111111", "article": "team-written:t-01", "real": True},
    ]
    judged.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (label,) = collect.collect_training([judged], collect.TEAM_PREFIX, "team")
    assert (label["real"], label["source"], label["background"]) == (True, "team:W1", False)
