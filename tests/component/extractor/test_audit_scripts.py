"""bench/audit: sample.py writes a sheet and a manifest from a team-made miniature of the
corpora, keys repeat on a re-run, record.py adds labels only and tally.py counts them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

AUDIT = Path(__file__).resolve().parents[3] / "bench" / "audit"
ARTICLES = [
    {
        "id": "G001",
        "date": "2025-06-03",
        "text": "Ukrainian and Russian delegations held talks in Istanbul on Monday. "
        "Russian police arrested 20 opposition activists in Moscow on Sunday.",
    },
    {
        "id": "G002",
        "date": "2025-06-04",
        "text": "Turkey's foreign minister met his Greek counterpart in Athens on Tuesday.",
    },
]
BBC = "blair meets chirac in paris  the prime minister met the french president on monday.\t1"


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"audit_{name}", AUDIT / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    guardian = tmp_path / "shared" / "corpora" / "guardian-dev"
    guardian.mkdir(parents=True)
    (guardian / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    bbc = tmp_path / "shared" / "corpora" / "bbc-news"
    bbc.mkdir()
    (bbc / "train.tsv").write_bytes(BBC.encode() + b"\r\n")
    (bbc / "dev.tsv").write_bytes(b"")
    return tmp_path / "shared"


def test_sample_record_tally(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet, judgements = tmp_path / "out" / "sheet.jsonl", tmp_path / "judgements.jsonl"
    common = ["--shared", str(shared), "--judgements", str(judgements)]
    assert script("sample").main([*common, "--out", str(sheet)]) == 0
    items = [json.loads(line) for line in sheet.read_text().splitlines()]
    manifest = json.loads((sheet.parent / "sample.json").read_text())
    assert items and [i["key"] for i in items] == [i["key"] for i in manifest["items"]]
    assert {i["article"].split(":")[0] for i in items} <= {"guardian-dev", "bbc-news"}
    assert all(i["sentence"] and i["event"]["type"] for i in items)
    assert "confidence" not in sheet.read_text()

    judged = tmp_path / "judged.jsonl"
    first = items[0]["key"]
    label = {"real": True, "background": False, "type_ok": True, "actor_ok": True}
    label |= {"target_ok": None, "date_ok": True, "place_ok": True, "reason": "fine"}
    judged.write_text(json.dumps({"key": first, **label}) + "\n")
    sample = str(sheet.parent / "sample.json")
    assert (
        script("record").main([str(judged), "--sample", sample, "--judgements", str(judgements)])
        == 0
    )
    saved = json.loads(judgements.read_text())
    assert saved["article"] == items[0]["article"] and saved["real"] is True

    # a re-run keeps the keys, and --only-unjudged leaves out the judged one
    assert script("sample").main([*common, "--out", str(sheet), "--only-unjudged"]) == 0
    again = [json.loads(line)["key"] for line in sheet.read_text().splitlines()]
    assert first not in again and set(again) == {i["key"] for i in items} - {first}

    capsys.readouterr()
    assert (
        script("tally").main(["--sample", sample, "--judgements", str(judgements), "--json"]) == 0
    )
    figures = json.loads(capsys.readouterr().out)
    assert (figures["judged"], figures["real"]["hits"]) == (1, 1)
    assert len(figures["unjudged"]) == len(items) - 1


def test_tally_without_a_sample_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert script("tally").main(["--sample", str(tmp_path / "none.json")]) == 2
    assert "run bench/audit/sample.py first" in capsys.readouterr().err
