"""Corpus loaders on team-made miniature files laid out like ../shared/corpora."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newswire.measure.corpora import CorpusError, load_bbc, load_documents, load_team, shared_dir


def write_bbc(shared: Path, train: list[str], dev: list[str]) -> None:
    folder = shared / "corpora" / "bbc-news"
    folder.mkdir(parents=True)
    (folder / "train.tsv").write_bytes("\r\n".join(train).encode() + b"\r\n")
    (folder / "dev.tsv").write_bytes("\r\n".join(dev).encode() + b"\r\n")


def test_bbc_is_deduplicated_and_split_by_label(tmp_path: Path) -> None:
    write_bbc(
        tmp_path,
        ["ministers meet in town\t1", "team wins cup\t0", "Ministers  meet in town!\t1"],
        ["ministers meet in town\t1", "budget vote delayed\t1"],
    )
    politics = load_bbc(tmp_path, label=1)
    assert [d.doc_id for d in politics] == ["bbc-news:train-1", "bbc-news:dev-2"]
    assert [d.doc_id for d in load_bbc(tmp_path, label=0)] == ["bbc-news:train-2"]
    assert all(d.published is None for d in politics)


def test_guardian_and_unknown_sets(tmp_path: Path) -> None:
    folder = tmp_path / "corpora" / "guardian-dev"
    folder.mkdir(parents=True)
    row = {"id": "G001", "date": "2018-03-02", "text": "Talks were held."}
    (folder / "articles.jsonl").write_text(json.dumps(row) + "\n")
    (doc,) = load_documents(tmp_path, ["guardian-dev"])
    assert (doc.doc_id, doc.published) == ("guardian-dev:G001", date(2018, 3, 2))
    with pytest.raises(CorpusError, match="unknown set 'sport'"):
        list(load_documents(tmp_path, ["sport"]))
    with pytest.raises(CorpusError, match="corpus file not found"):
        load_bbc(tmp_path)


def test_shared_dir_override_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_SHARED", str(tmp_path / "env"))
    assert shared_dir() == tmp_path / "env"
    assert shared_dir(tmp_path / "opt") == tmp_path / "opt"


def test_ngec_synthetic_stories_and_a_malformed_line(tmp_path: Path) -> None:
    folder = tmp_path / "corpora" / "ngec-synthetic"
    folder.mkdir(parents=True)
    path = folder / "gpt_synthetic_events_2023-10-19_19.jsonl"
    rows = [{"id": "syn-0001", "event": "PROTEST", "text": "Teachers in Freedonia struck."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    (doc,) = load_documents(tmp_path, ["ngec-synthetic"])
    assert (doc.doc_id, doc.published, doc.text) == (
        "ngec-synthetic:syn-0001",
        None,
        "Teachers in Freedonia struck.",
    )
    path.write_text(json.dumps({"id": "syn-0002"}) + "\n")
    with pytest.raises(CorpusError, match=r"gpt_synthetic_events_2023-10-19_19.jsonl:1: not an"):
        list(load_documents(tmp_path, ["ngec-synthetic"]))


def test_team_written_articles_keep_date_and_title_apart(tmp_path: Path) -> None:
    row = {"id": "t-01", "published": "2016-02-09", "title": "Talks open", "text": "Talks opened."}
    (tmp_path / "articles-w1.jsonl").write_text(json.dumps(row) + "\n\n")
    (doc,) = load_team(tmp_path)
    assert (doc.corpus, doc.doc_id, doc.published, doc.title, doc.text) == (
        "team-written",
        "team-written:t-01",
        date(2016, 2, 9),
        "Talks open",
        "Talks opened.",
    )
    (tmp_path / "articles-w2.jsonl").write_text(json.dumps(row) + "\n")
    with pytest.raises(CorpusError, match="article id used twice: team-written:t-01"):
        load_team(tmp_path)
    (tmp_path / "articles-w2.jsonl").write_text(json.dumps({**row, "published": "9 Feb"}) + "\n")
    with pytest.raises(CorpusError, match=r"articles-w2.jsonl:1: not a team-written article"):
        load_team(tmp_path)
    with pytest.raises(CorpusError, match="no team-written articles"):
        load_team(tmp_path / "none")
