"""`newswire eval extract`: scores the rules backend, writes the report, says when no dev set."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newswire.cli import app

TEAM = {
    "id": "talks",
    "published_at": "2025-06-03T09:00:00+00:00",
    "text": "ISTANBUL — Ukrainian and Russian delegations held talks in Istanbul on Monday. "
    "“We came in good faith,” said Ukrainian negotiator Oksana Melnyk.",
    "events": [
        {
            "type": "CONSULT",
            "evidence": "Ukrainian and Russian delegations held talks in Istanbul on Monday",
            "actors": [{"name": "Ukraine", "country": "UKR"}, {"name": "Russia", "country": "RUS"}],
            "place": {"name": "Istanbul", "country": "TUR"},
            "date": "2025-06-02",
        }
    ],
    "quotes": [
        {"text": "We came in good faith", "speaker": "Oksana Melnyk", "speaker_country": "UKR"}
    ],
}
DEV = {
    "id": "GSR-TEST-1",
    "text": "Bosnia and Slovenia agreed to a ceasefire on Tuesday.",
    "event": "AGREE",
    "source": [{"actorText": "Bosnia", "code": "BIH"}, {"actorText": "Slovenia", "code": "SVN"}],
    "target": "",
}


def _jsonl(path: Path, record: dict[str, object]) -> Path:
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_eval_extract_scores_both_sets_and_writes_the_report(tmp_path: Path) -> None:
    team = _jsonl(tmp_path / "team.jsonl", TEAM)
    dev = _jsonl(tmp_path / "dev.jsonl", DEV)
    report = tmp_path / "report.md"
    args = ["eval", "extract", "--team", str(team), "--dev", str(dev), "--report", str(report)]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    articles = figures["team articles"]
    assert (articles["type_accuracy"], articles["actor_f1"]) == (1.0, 1.0)
    assert (articles["place_country_accuracy"], articles["date_accuracy"]) == (1.0, 1.0)
    assert articles["quote_speaker_country_accuracy"] == 1.0
    assert figures["PLOVER GSR dev sentences"]["type_accuracy"] == 1.0
    text = report.read_text(encoding="utf-8")
    assert "## team articles" in text and "## PLOVER GSR dev sentences" in text


def test_eval_extract_says_clearly_when_the_dev_set_is_missing(tmp_path: Path) -> None:
    team = _jsonl(tmp_path / "team.jsonl", TEAM)
    missing = tmp_path / "nowhere" / "plover_gsr_dev.jsonl"
    result = CliRunner().invoke(
        app, ["eval", "extract", "--team", str(team), "--dev", str(missing), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert "dev set not found" in result.stderr
    assert list(json.loads(result.stdout)) == ["team articles"]
