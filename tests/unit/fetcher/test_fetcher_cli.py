"""`newswire sources check` and `newswire eval parse` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import newswire.measure.parse_eval  # noqa: F401 - imports trafilatura (and its warnings) up front
from newswire.cli import app

CORPUS = Path(__file__).parents[3] / "bench" / "fetcher" / "corpus"


def test_sources_check_lists_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[feeds]]\nname = "world"\nurl = "https://news.example/world.rss"\ninterval = "5m"\n'
        '[[sitemaps]]\nurl = "https://news.example/news-sitemap.xml"\nmax_age = "2d"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["sources", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "world" in result.output
    assert "300s" in result.output and "172800s" in result.output


def test_sources_check_rejects_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[[feeds]]\nurl = "gopher://old.example/"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "check", str(path)])
    assert result.exit_code == 1
    assert "feeds #1" in result.output


def test_sources_check_error_is_one_line_whatever_the_path_and_width(tmp_path: Path) -> None:
    path = tmp_path / ("a-long-directory-name-" * 6) / "sources.toml"
    path.parent.mkdir()
    path.write_text('[[feeds]]\nurl = "gopher://old.example/"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "check", str(path)], env={"COLUMNS": "40"})
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert str(path) in line and "feeds #1" in line and "gopher://old.example/" in line


def test_eval_parse_scores_the_corpus() -> None:
    result = CliRunner().invoke(
        app, ["eval", "parse", "--corpus", str(CORPUS), "--rounds", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["pages"] >= 40
    assert summary["text_f1"] >= 0.96
    assert summary["date_accuracy"] >= 0.95
