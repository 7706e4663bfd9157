"""A missing or unmigrated store is one line on stderr, exit 3, and no file is left behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newswire.cli import app


@pytest.mark.parametrize("command", [["events"], ["export"], ["events", "--json"]])
def test_a_missing_store_is_reported_and_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, command, env={"NEWSWIRE_DATABASE_URL": ""})
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith("error: no store at newswire.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_an_unmigrated_store_is_reported_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    result = CliRunner().invoke(app, ["events", "--database-url", f"sqlite:///{path}"])
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert "has no schema" in line and "newswire migrate" in line


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("newswire ")


def test_the_demo_run_twice_adds_nothing(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a free port, as a user's fixed --site-port would be
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = tmp_path / "demo.sqlite"
    runs = [
        CliRunner().invoke(app, ["demo", "--db", str(db), "--site-port", str(port)])
        for _ in range(2)
    ]
    assert [r.exit_code for r in runs] == [0, 0], runs[-1].output
    with sqlite3.connect(db) as conn:
        articles, events = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
        ).fetchone()
    assert f"{articles} articles and {events} events stored" in runs[0].stdout
    assert f"{articles} articles and {events} events stored" in runs[1].stdout
