"""Scoring against gold: actor matching, alignment by evidence, the figures of a report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newswire.measure.extract_eval import (
    GoldFormatError,
    load_dev_set,
    load_team_gold,
    render,
    score_articles,
    score_sentences,
    summary,
)
from newswire.measure.extract_eval.gold import GoldActor
from newswire.measure.extract_eval.matching import actor_matches, same_name
from newswire.measure.extract_eval.paths import default_dev_set, repo_root
from newswire_contracts import Actor, Event, Evidence, Occurred, Quantity, Quote
from newswire_extractor import Extraction

TEXT = (
    "Ruritania and Freedonia held talks in Geneva on Monday. "
    "Ruritania accused Freedonia of shelling 12 villages. "
    "“We will not yield,” said Freedonian envoy Ana Vos."
)


def _actor(name: str, country: str | None = None, **extra: str) -> Actor:
    return Actor(text=name, name=name, country=country, **extra)


def _event(
    kind: str,
    sentence: str,
    *,
    actors: Sequence[Actor] = (),
    day: date | None = None,
    quantities: Sequence[float] = (),
    conf: float = 0.7,
) -> Event:
    start = TEXT.index(sentence)
    return Event(
        event_id=f"{kind}-{start}",
        event_type=kind,
        actors=list(actors),
        occurred=Occurred(date=day, precision="day" if day else "unknown"),
        quantities=[Quantity(value=q, text=str(q)) for q in quantities],
        confidence=conf,
        evidence=Evidence(text=sentence, start=start, end=start + len(sentence), trigger="x"),
    )


def _write(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _team_record() -> dict[str, object]:
    return {
        "id": "t1",
        "published_at": "2025-06-03T10:00:00+00:00",
        "text": TEXT,
        "events": [
            {
                "type": "CONSULT",
                "evidence": "held talks in Geneva",
                "actors": [{"name": "Ruritania", "country": "RUR"}, {"name": "Freedonia"}],
                "date": "2025-06-02",
            },
            {
                "type": "ACCUSE",
                "evidence": "Ruritania accused Freedonia",
                "actors": [{"name": "Ruritania", "country": "RUR"}],
                "targets": [{"name": "Freedonia", "country": "FRE"}],
                "quantities": [12],
            },
        ],
        "quotes": [{"text": "We will not yield", "speaker": "Ana Vos", "speaker_country": "FRE"}],
    }


def test_names_match_by_proper_words_not_by_common_nouns() -> None:
    assert same_name("Voronin", "Arkady Voronin")
    assert same_name("the U.N.", "UN")
    assert not same_name("negotiators", "Russian negotiators")
    assert actor_matches(GoldActor("Iran", "IRN"), _actor("Tehran", "IRN"))
    assert actor_matches(GoldActor("United Nations", "IGO"), _actor("UN", kind="IGO"))
    assert not actor_matches(GoldActor("Russian envoy", "RUS"), _actor("envoy", "UKR"))


def test_article_scoring_aligns_events_by_evidence(tmp_path: Path) -> None:
    (gold,) = load_team_gold(_write(tmp_path, [_team_record()]))
    sentence_1 = "Ruritania and Freedonia held talks in Geneva on Monday."
    sentence_2 = "Ruritania accused Freedonia of shelling 12 villages."
    result = Extraction(
        events=[
            _event(
                "CONSULT",
                sentence_1,
                actors=[_actor("Ruritania", "RUR"), _actor("Freedonia", "FRE")],
                day=date(2025, 6, 2),
            ),
            _event("ASSAULT", sentence_2, conf=0.9),
            _event("ACCUSE", sentence_2, actors=[_actor("Ruritania", "RUR")], quantities=[12]),
            _event("AID", sentence_1, day=date(2025, 6, 9), conf=0.1),  # after publication
        ],
        quotes=[
            Quote(
                text="We will not yield",
                speaker=_actor("Ana Vos", "FRE"),
                start=TEXT.index("We will"),
                end=TEXT.index("We will") + 17,
            )
        ],
        entities=[],
    )
    score = score_articles("team", [gold], [result])
    figures = summary(score)
    assert figures["type_accuracy"] == 1.0  # ACCUSE is chosen over the stronger ASSAULT
    assert score.actors.tp == 3 and score.actors.fn == 0
    assert score.targets.fn == 1  # Freedonia was not found as the target
    assert figures["date_accuracy"] == 1.0
    assert figures["quantity_recall"] == 1.0
    assert (figures["quote_recall"], figures["quote_speaker_accuracy"]) == (1.0, 1.0)
    assert figures["events_dated_after_publication"] == 1
    assert figures["unmatched_predictions"] == 2
    assert score.per_type["ASSAULT"].fp == 1
    assert "## team" in render([score])


def test_sentence_scoring_takes_the_most_confident_event() -> None:
    record = {
        "id": "s1",
        "text": TEXT.split(". ")[1],
        "event": "DISAPPROVE",
        "source": [{"actorText": "Ruritania", "code": "RUR"}],
        "target": "",
    }
    from newswire.measure.extract_eval.gold import gsr_document

    gold = gsr_document(record)
    assert gold.events[0].event_type == "ACCUSE"  # PLOVER 0.5 label mapped
    sentence = "Ruritania accused Freedonia of shelling 12 villages."
    weak = _event("ASSAULT", sentence, conf=0.3)
    strong = _event("ACCUSE", sentence, actors=[_actor("Ruritania", "RUR")], conf=0.8)
    score = score_sentences(
        "dev", [gold], [Extraction(events=[weak, strong], quotes=[], entities=[])]
    )
    assert score.type_accuracy.value == 1.0
    assert score.actors.f1 == 1.0
    empty = score_sentences("dev", [gold], [Extraction(events=[], quotes=[], entities=[])])
    assert empty.confusions[("ACCUSE", "NONE")] == 1


def test_gold_files_are_checked(tmp_path: Path) -> None:
    record = _team_record()
    record["events"] = [{"type": "ACCUSE", "evidence": "not in the text"}]
    with pytest.raises(GoldFormatError):
        load_team_gold(_write(tmp_path, [record]))
    path = _write(tmp_path, [{"id": "x", "text": "t", "event": "FIGHT", "source": []}])
    assert load_dev_set(path)[0].events[0].event_type == "ASSAULT"


def test_the_dev_set_is_looked_for_beside_the_repository(tmp_path: Path) -> None:
    gold = tmp_path / "repo" / "bench" / "extractor" / "gold"
    gold.mkdir(parents=True)
    (gold / "team.jsonl").write_text("", encoding="utf-8")
    root = repo_root(tmp_path / "repo" / "bench")
    assert root == tmp_path / "repo"
    assert default_dev_set(root) == tmp_path / "shared" / "eval-dev" / "plover_gsr_dev.jsonl"
    assert repo_root(Path("/")) is None or repo_root(Path("/")) != root


def test_publication_times_are_read_with_their_zone(tmp_path: Path) -> None:
    (gold,) = load_team_gold(_write(tmp_path, [_team_record()]))
    assert gold.published_at == datetime(2025, 6, 3, 10, tzinfo=UTC)
