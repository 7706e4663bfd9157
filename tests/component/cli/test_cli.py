"""Batch commands: JSON on stdout, one line per input, bad lines reported, the rest kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswire import demo_site
from newswire.cli import app

ISTANBUL = next(p for p in demo_site.list_pages() if "istanbul" in p)
BASE = "http://news.example"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_parse_jsonl_echoes_ids_and_reports_bad_lines(runner: CliRunner, tmp_path: Path) -> None:
    html = demo_site.read_page(ISTANBUL, BASE)
    assert html is not None
    src = tmp_path / "pages.jsonl"
    src.write_text(
        json.dumps({"id": "a1", "url": BASE + ISTANBUL, "html": html.decode()})
        + "\n{broken\n"
        + json.dumps({"id": "empty", "url": BASE + "/x", "html": "<html></html>"})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["parse", "--jsonl", str(src)])
    out = lines(result.stdout)
    assert [o["id"] for o in out] == ["a1", None, "empty"]
    assert "Istanbul" in str(out[0]["text"])
    assert str(out[0]["published_at"]).startswith("2025-06-0")
    assert "error" in out[1] and "error" in out[2]
    assert result.exit_code == 1


def test_extract_jsonl_gives_events_quotes_and_entities(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "texts.jsonl"
    records = [
        {
            "id": "t1",
            "text": "Ukrainian and Russian delegations held talks in Istanbul on Monday. "
            "Ukraine handed over a list of nearly 400 children.",
            "published_at": "2025-06-03T10:00:00+00:00",
        },
        {"id": "t2"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(src)])
    first, second = lines(result.stdout)
    assert first["id"] == "t1"
    events = first["events"]
    assert isinstance(events, list)
    consult = [e for e in events if e["event_type"] == "CONSULT"]
    assert consult and consult[0]["occurred"]["date"] == "2025-06-02"
    assert {"id", "events", "quotes", "entities"} <= set(first)
    assert second["id"] == "t2" and "text" in str(second["error"])
    assert result.exit_code == 1


def test_extract_html_prints_article_and_events(runner: CliRunner, tmp_path: Path) -> None:
    html = demo_site.read_page(ISTANBUL, BASE)
    assert html is not None
    page = tmp_path / "page.html"
    page.write_bytes(html)
    result = runner.invoke(app, ["extract", "--html", str(page), "--url", BASE + ISTANBUL])
    assert result.exit_code == 0, result.output
    [doc] = lines(result.stdout)
    assert set(doc) == {"article", "events", "quotes", "entities", "relevance"}
    assert doc["relevance"]["codeable"] is True  # type: ignore[index]
    values = {q["value"] for e in doc["events"] for q in e["quantities"]}  # type: ignore[union-attr]
    assert {400, 10, 20000} <= values
    # The typical article, as the demo serves it (headline and all), keeps its events.
    types = {e["event_type"] for e in doc["events"]}  # type: ignore[index]
    assert {"CONSULT", "REQUEST", "REJECT", "CONCEDE"} <= types
    assert doc["quotes"], "the negotiator's quote must be found"


def test_schemas_export_writes_schemas_and_asyncapi(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["schemas", "export", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert "asyncapi.json" in names and "EventsExtractedV1.schema.json" in names
    doc = json.loads((tmp_path / "s" / "asyncapi.json").read_text())
    assert doc["asyncapi"].startswith("3.")
