"""`newswire eval extract --corpora` on a team-made miniature of ../shared/corpora: the
off-topic rate, CAMEO classes and spans and the gate figures come out in JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newswire.cli import app

TEAM = {
    "id": "talks",
    "published_at": "2025-06-03T09:00:00+00:00",
    "text": "Ukrainian and Russian delegations held talks in Istanbul on Monday.",
    "events": [],
}
TALKS = "Ukrainian and Russian delegations held talks in Istanbul on Monday."
ARREST = "Russian police arrested 20 opposition activists in Moscow on Sunday."
SPORT = (
    "united beat city in derby  the home side won 2-0 on saturday with two late goals. "
    "the manager praised his players after the match."
)


def miniature(root: Path) -> Path:
    corpora = root / "shared" / "corpora"
    bbc = corpora / "bbc-news"
    bbc.mkdir(parents=True)
    (bbc / "train.tsv").write_bytes(f"{SPORT}\t0\r\n{SPORT}\t0\r\n".encode())
    (bbc / "dev.tsv").write_bytes(b"ministers meet to discuss the budget\t1\r\n")
    cameo = corpora / "conflibert-cameo"
    cameo.mkdir()
    (cameo / "cameo_class_train.tsv").write_bytes(f"{TALKS}\t1\r\n{ARREST}\t4\r\n".encode())
    tags = ["B-S", "I-S", "O", "B-T", "I-T", "I-T", "O", "O", "O", "O", "O"]
    tokens = [*ARREST[:-1].split(), "."]
    (cameo / "cameo_ner_train.txt").write_text(
        "\n".join(f"{t} {g}" for t, g in zip(tokens, tags, strict=True)) + "\n\n"
    )
    guardian = corpora / "guardian-dev"
    guardian.mkdir()
    row = {"id": "G017", "date": "2019-03-02", "text": TALKS}
    (guardian / "articles.jsonl").write_text(json.dumps(row) + "\n")
    return root / "shared"


def test_eval_extract_corpora_measures(tmp_path: Path) -> None:
    shared = miniature(tmp_path)
    team = tmp_path / "team.jsonl"
    team.write_text(json.dumps(TEAM) + "\n")
    out = tmp_path / "corpora.md"
    args = ["eval", "extract", "--team", str(team), "--dev", str(tmp_path / "none.jsonl")]
    args += ["--corpora", "--shared", str(shared), "--corpora-report", str(out), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["corpora"]
    offtopic = figures["bbc_non_politics"]
    assert (offtopic["pool"], offtopic["articles"]) == (1, 1)  # the copy is deduplicated
    assert offtopic["events"] == 0
    classes = figures["cameo_class"]
    assert classes["sentences"] == 2
    assert classes["accuracy"] == 1.0  # CONSULT -> 1, COERCE -> 4
    spans = figures["cameo_spans"]
    assert spans["sentences"] == 1
    assert spans["overlap"]["gold"] == 2
    assert figures["main_events"]["articles"] == 10  # the committed list, scored on what is there
    text = out.read_text(encoding="utf-8")
    assert "Over-coding on BBC non-politics" in text and "CAMEO quad classes" in text


def test_eval_extract_corpora_says_when_they_are_missing(tmp_path: Path) -> None:
    team = tmp_path / "team.jsonl"
    team.write_text(json.dumps(TEAM) + "\n")
    args = ["eval", "extract", "--team", str(team), "--dev", str(tmp_path / "none.jsonl")]
    result = CliRunner().invoke(app, [*args, "--corpora", "--shared", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert "corpus measures skipped" in result.stderr
    assert "corpora" not in json.loads(result.stdout)
