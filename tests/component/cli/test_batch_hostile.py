"""Hostile input to `newswire parse` and `newswire extract`: one JSON line out per line in.

Each case is a JSON Lines file (or an HTML file) built from bytes. Whatever it holds, the command
must not crash or hang: it writes exactly one valid JSON line per input line (the result or
{"id", "error"}), keeps going after a bad line, and exits 0 (all good) or 1 (some failed).

Run as a script to count crashes and hangs of the installed `newswire` in subprocesses (the
figures in docs/cli.md): ``uv run python tests/component/cli/test_batch_hostile.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

GOOD_HTML = (
    "<html><head><title>Talks</title></head><body><article><p>Ukrainian and Russian "
    "delegations held talks in Istanbul on Monday, officials said, and agreed to meet again "
    "next week to discuss an exchange of prisoners.</p></article></body></html>"
)
GOOD_TEXT = "Ukrainian and Russian delegations held talks in Istanbul on Monday."
MAX_BYTES = 4096  # the cases pass --max-bytes so "oversized" stays small


def line(obj: object) -> bytes:
    return json.dumps(obj).encode() + b"\n"


def good_parse(rid: str) -> bytes:
    return line({"id": rid, "url": f"https://news.example/{rid}", "html": GOOD_HTML})


def good_extract(rid: str) -> bytes:
    return line({"id": rid, "text": GOOD_TEXT, "published_at": "2025-06-03T10:00:00Z"})


@dataclass(frozen=True)
class Case:
    name: str
    command: str  # "parse" or "extract"
    body: bytes  # the --jsonl file; every case is framed by a good line before and after
    good: bool = False  # the middle line is valid: its output line is a result, not an error


PARSE = [
    Case("valid", "parse", good_parse("mid"), good=True),
    Case("no url: ids from content", "parse", line({"id": "x", "html": GOOD_HTML}), good=True),
    Case("invalid UTF-8", "parse", b'{"id": "x", "html": "\xff\xfe<p>"}\n'),
    Case("invalid UTF-8 inside JSON string", "parse", b'{"id":"x","html":"<p>caf\xe9</p>"}\n'),
    Case(
        "lone surrogate",
        "parse",
        b'{"id": "x", "url": "https://a.example/", "html": "' + GOOD_HTML.encode() + b'\\ud800"}\n',
        good=True,
    ),
    Case("lone surrogate id", "parse", b'{"id": "\\udfff", "html": "<p>x</p>"}\n', good=True),
    Case("NaN", "parse", b'{"id": NaN, "html": "<p>x</p>"}\n'),
    Case("Infinity", "parse", b'{"id": "x", "html": "<p>x</p>", "n": Infinity}\n'),
    Case("-Infinity", "parse", b'{"id": -Infinity}\n'),
    Case("5,000-digit integer", "parse", b'{"id": ' + b"9" * 5000 + b', "html": "<p>x</p>"}\n'),
    Case("deep array", "parse", b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    Case("deep object", "parse", b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"\n"),
    Case("html is a number", "parse", line({"id": "x", "html": 123})),
    Case("html is null", "parse", line({"id": "x", "html": None})),
    Case("html is a list", "parse", line({"id": "x", "html": ["<p>"]})),
    Case("url is a number", "parse", line({"id": "x", "url": 5, "html": GOOD_HTML})),
    Case("url is javascript:", "parse", line({"id": "x", "url": "javascript:1", "html": "<p>"})),
    Case("id is true", "parse", line({"id": True, "html": GOOD_HTML})),
    Case("id is an object", "parse", line({"id": {"a": 1}, "html": GOOD_HTML})),
    Case("array line", "parse", b"[1, 2, 3]\n"),
    Case("string line", "parse", b'"hello"\n'),
    Case("number line", "parse", b"42\n"),
    Case("null line", "parse", b"null\n"),
    Case("empty line", "parse", b"\n"),
    Case("blank line", "parse", b"   \t \n"),
    Case("broken JSON", "parse", b"{broken\n"),
    Case("two objects on a line", "parse", b'{"id": 1}{"id": 2}\n'),
    Case("oversized line", "parse", line({"id": "big", "html": "<p>" + "x" * 10_000})),
    Case("NUL bytes in html", "parse", line({"id": "x", "html": "\x00\x01\x02" * 50})),
    Case("empty html", "parse", line({"id": "x", "html": ""})),
    Case("html without text", "parse", line({"id": "x", "html": "<html><body></body></html>"})),
    Case("deeply nested tags", "parse", line({"id": "x", "html": "<div>" * 3000 + "hi"})),
    Case("CRLF line end", "parse", good_parse("crlf")[:-1] + b"\r\n", good=True),
    Case("latin-1 line", "parse", '{"id": "x", "html": "café"}\n'.encode("latin-1")),
    Case("UTF-16 line", "parse", '{"id": "x"}'.encode("utf-16") + b"\n"),
    Case("control characters", "parse", b'{"id": "x\x01", "html": "<p>"}\n'),
]
EXTRACT = [
    Case("valid", "extract", good_extract("mid"), good=True),
    Case("text is a number", "extract", line({"id": "x", "text": 123})),
    Case("text missing", "extract", line({"id": "x"})),
    Case("text is null", "extract", line({"id": "x", "text": None})),
    Case("text empty", "extract", line({"id": "x", "text": ""}), good=True),
    Case("published_at not a time", "extract", line({"id": "x", "text": "a", "published_at": "y"})),
    Case("published_at a number", "extract", line({"id": "x", "text": "a", "published_at": 5})),
    Case(
        "published_at naive",
        "extract",
        line({"id": "x", "text": "a", "published_at": "2025-06-03T10:00:00"}),
    ),
    Case("title is a list", "extract", line({"id": "x", "text": "a", "title": []})),
    Case(
        "lone surrogate text", "extract", b'{"id": "x", "text": "Talks \\ud800 held."}\n', good=True
    ),
    Case("NaN", "extract", b'{"id": "x", "text": NaN}\n'),
    Case("5,000-digit integer", "extract", b'{"id": ' + b"1" * 5000 + b', "text": "a"}\n'),
    Case("deep array", "extract", b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    Case("invalid UTF-8", "extract", b'{"id": "x", "text": "\xc3\x28"}\n'),
    Case("oversized line", "extract", line({"id": "big", "text": "war " * 5000})),
    Case("integer id", "extract", line({"id": 7, "text": GOOD_TEXT}), good=True),
]
CASES = PARSE + EXTRACT


def framed(case: Case, *, default_cap: bool = False) -> bytes:
    """The case between two good lines; with ``default_cap`` an oversized case is over the
    default limit (5 MiB) instead of the tests' --max-bytes."""
    make = good_parse if case.command == "parse" else good_extract
    body = case.body
    if default_cap and case.name == "oversized line":
        key = "html" if case.command == "parse" else "text"
        body = line({"id": "big", key: "<p>war " * (20 * 1024 * 1024 // 7)})  # a 20 MB page
    return make("first") + body + make("last")


def _refuse(name: str) -> object:
    raise ValueError(f"{name} written as if it were JSON")


def check_output(case: Case, stdout: str, exit_code: int) -> None:
    """The contract: three valid JSON lines for three input lines, in order."""
    out = [json.loads(text, parse_constant=_refuse) for text in stdout.splitlines()]
    assert len(out) == 3, f"{len(out)} output lines for 3 input lines"
    assert out[0]["id"] == "first" and "error" not in out[0]
    assert out[2]["id"] == "last" and "error" not in out[2], "the run went on after the case"
    assert ("error" not in out[1]) == case.good, out[1]
    if not case.good:
        assert isinstance(out[1]["error"], str) and out[1]["error"]
    assert exit_code == (0 if case.good else 1)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.command}: {c.name}" for c in CASES])
def test_hostile_lines_give_one_json_line_each(
    case: Case, runner: CliRunner, tmp_path: Path
) -> None:
    from newswire.cli import app

    source = tmp_path / "in.jsonl"
    source.write_bytes(framed(case))
    result = runner.invoke(
        app, [case.command, "--jsonl", str(source), "--max-bytes", str(MAX_BYTES)]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    check_output(case, result.stdout, result.exit_code)
    assert all(line.count("\n") == 0 for line in result.stderr.splitlines())


@pytest.mark.parametrize("content", [b"", b"\n"], ids=["empty file", "one empty line"])
def test_an_empty_jsonl_file(runner: CliRunner, tmp_path: Path, content: bytes) -> None:
    from newswire.cli import app

    source = tmp_path / "in.jsonl"
    source.write_bytes(content)
    result = runner.invoke(app, ["parse", "--jsonl", str(source)])
    if content:
        assert result.exit_code == 1 and "empty line" in result.stdout
    else:
        assert result.exit_code == 0 and result.stdout == ""
        assert "holds no records: nothing to do" in result.stderr


def test_html_files_each_give_one_line(runner: CliRunner, tmp_path: Path) -> None:
    from newswire.cli import app

    good = tmp_path / "good.html"
    good.write_text(GOOD_HTML, encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text(GOOD_HTML.replace("Istanbul", "Geneva"), encoding="utf-8")
    binary = tmp_path / "binary.html"
    binary.write_bytes(bytes(range(256)) * 4)
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 10_000)
    files = [good, tmp_path / "missing.html", binary, big, tmp_path, other]
    result = runner.invoke(app, ["parse", *map(str, files), "--max-bytes", str(MAX_BYTES)])
    out = [json.loads(text) for text in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [str(f) for f in files]
    assert ["error" in o for o in out] == [False, True, True, True, True, False]
    assert out[0]["article_id"] != out[5]["article_id"], "two files, two articles"
    assert out[0]["url"] == good.resolve().as_uri()
    assert result.exit_code == 1


def test_a_page_that_declares_its_url_gets_ids_from_it(runner: CliRunner, tmp_path: Path) -> None:
    from newswire.cli import app
    from newswire_contracts import article_id_for

    page = tmp_path / "saved.html"
    canonical = "https://news.example/world/talks"
    page.write_text(
        GOOD_HTML.replace("<head>", f'<head><link rel="canonical" href="{canonical}">'),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", "--html", str(page)])
    assert result.exit_code == 0, result.output
    [doc] = [json.loads(text) for text in result.stdout.splitlines()]
    assert doc["article"]["article_id"] == article_id_for(canonical)
    assert doc["events"], "the talks are an event"


def measure() -> None:
    """Crashes (a traceback, a lost or invalid line, a wrong exit) and hangs, per case."""
    import tempfile

    crashes: list[str] = []
    hangs: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            source = Path(tmp) / "in.jsonl"
            source.write_bytes(framed(case, default_cap=True))
            command = [sys.executable, "-m", "newswire", case.command, "--jsonl", str(source)]
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=60)
            except subprocess.TimeoutExpired:
                hangs.append(f"{case.command}: {case.name}")
                continue
            try:
                assert "Traceback" not in done.stderr, "traceback"
                check_output(case, done.stdout, done.returncode)
            except (AssertionError, ValueError, KeyError, TypeError) as exc:
                crashes.append(f"{case.command}: {case.name}: {str(exc)[:80]}")
    print(f"{len(CASES)} cases, {len(crashes)} failed the contract, {len(hangs)} hung")
    for name in crashes + hangs:
        print("  " + name)


if __name__ == "__main__":
    measure()
