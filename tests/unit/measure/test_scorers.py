"""CAMEO quad classes and spans, main-event recall and the off-topic rate, scored on team-made
sentences and records with a stand-in extraction function (no corpus text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newswire.measure import cameo
from newswire.measure.audit import part_of
from newswire.measure.corpora import Document, repo_root
from newswire.measure.gate import gate_metrics
from newswire.measure.mainevents import (
    MAIN_EVENTS,
    MAIN_EVENTS_DEV,
    MainEvent,
    MainEventsError,
    load_main_events,
    score_main_events,
)
from newswire.measure.offtopic import offtopic_rate, seeded_sample
from newswire_contracts import (
    Actor,
    ArticleV1,
    Event,
    EventsExtractedV1,
    Evidence,
    Occurred,
    Relevance,
)


def ev(
    kind: str,
    text: str = "x",
    *,
    actor: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
    country: str | None = None,
    confidence: float = 0.5,
    on: date | None = None,
    precision: str = "day",
) -> Event:
    def who(span: tuple[int, int] | None, c: str | None = None) -> list[Actor]:
        if span is None:
            return []
        return [
            Actor(text=text[span[0] : span[1]], name="n", country=c, start=span[0], end=span[1])
        ]

    return Event(
        event_id=f"{kind}{confidence}",
        event_type=kind,  # type: ignore[arg-type]
        actors=who(actor, country) if actor else [Actor(text="a", name="a", country=country)],
        targets=who(target),
        occurred=Occurred(date=on, precision=precision),  # type: ignore[arg-type]
        confidence=confidence,
        evidence=Evidence(text=text, start=0, end=len(text), trigger="t"),
    )


def test_quad_map_covers_the_16_types() -> None:
    assert len(cameo.QUAD) == 16
    assert {cameo.QUAD[t] for t in ("CONCEDE", "RETREAT", "AID")} == {2}
    assert cameo.QUAD["SANCTION"] == 3 and cameo.QUAD["COERCE"] == 4


def test_class_score_counts_no_event_as_statement() -> None:
    rows = [("s1", 4), ("s2", 0), ("s3", 0), ("s4", 1), ("s5", 3)]
    found = {
        "s1": [ev("ASSAULT", confidence=0.9), ev("AGREE", confidence=0.3)],
        "s2": [],
        "s3": [ev("REQUEST")],
        "s4": [ev("ACCUSE", confidence=0.8), ev("CONSULT", confidence=0.4)],
        "s5": [],
    }
    score = cameo.score_classes(rows, lambda text, _id: found[text])
    d = score.as_dict()
    assert d["accuracy"] == 0.4  # s1, s2
    assert d["accuracy_request_on_0_ok"] == 0.6  # + s3
    assert d["accuracy_labels_1_4"] == 0.3333
    assert d["any_event_right_labels_1_4"] == 0.6667  # s1, s4 (CONSULT)
    assert d["precision_when_event"] == 0.3333
    assert score.confusion == {"0>0": 1, "0>3": 1, "1>3": 1, "3>0": 1, "4>4": 1}
    assert d["share_with_event_by_label"] == {"0": 0.5, "1": 1.0, "2": None, "3": 0.0, "4": 1.0}


def test_span_tags_alignment_and_detokenizing() -> None:
    tags = ["B-S", "I-S", "O", "I-T", "I-T", "O", "B-R"]
    assert cameo._spans(tags) == [("S", 0, 2), ("T", 3, 5), ("R", 6, 7)]
    tokens = ["The", "council", "'s", "envoy", "met", "rebels", "."]
    assert cameo._align("The council's envoy met rebels.", tokens) == [
        (0, 3), (4, 11), (11, 13), (14, 19), (20, 23), (24, 30), (30, 31)
    ]  # fmt: skip
    assert cameo._align("The councils envoy", tokens) is None
    text, offsets = cameo._detokenize(tokens)
    assert text == "The council's envoy met rebels."
    assert [text[a:b] for a, b in offsets] == tokens


def test_span_scores_overlap_exact_and_roles() -> None:
    text = "Northland troops shelled the Southland border town ."
    tokens = text.split()
    offsets = cameo._align(text, tokens)
    assert offsets is not None
    sentence = cameo.SpanSentence(text, offsets, [("S", 0, 2), ("T", 4, 7)])
    actor = (0, len("Northland"))  # one of two tokens: overlap yes, exact no
    target = (text.index("Southland"), text.index(" ."))  # exact
    found = [ev("ASSAULT", text, actor=actor, target=target, confidence=0.9)]
    scores = cameo.score_spans([sentence], lambda _t, _i: found)
    assert scores["overlap"]["f1"] == 1.0
    assert (scores["exact"]["matched"], scores["exact"]["predicted"]) == (1, 2)
    swapped = [ev("ASSAULT", text, actor=target, target=actor)]
    assert cameo.score_spans([sentence], lambda _t, _i: swapped)["overlap"]["matched"] == 0
    reciprocal = cameo.SpanSentence(text, offsets, [("R", 0, 2), ("R", 4, 7)])
    assert cameo.score_spans([reciprocal], lambda _t, _i: swapped)["overlap"]["f1"] == 1.0


def test_main_event_recall_rules() -> None:
    items = [
        MainEvent("a", "CONSULT", "AAA", "BBB", "2020-05-04"),
        MainEvent("a", "ASSAULT", None, None, "2020-05"),
        MainEvent("b", "ACCUSE", "CCC", "DDD", None),
        MainEvent("c", None, None, None, None, "no main event"),
    ]
    events = {
        "a": [
            ev("CONSULT", country="AAA", on=date(2020, 5, 3)),  # wrong day
            ev("ASSAULT", on=date(2020, 1, 1), precision="year"),  # coarser but true
        ],
        "b": [ev("ACCUSE", country="CCC")],  # no target
    }
    out = score_main_events(items, events)
    assert (out["articles"], out["main_events"]) == (3, 3)
    assert out["type_actor_date_found"] == 2
    assert out["type_actor_target_date_found"] == 1
    assert out["type_actor_found"] == 3
    assert out["missed"] == ["a CONSULT AAA>BBB 2020-05-04"]


def test_main_events_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps({"article": "a", "type": "AID", "date": "2020-13"}) + "\n")
    with pytest.raises(MainEventsError, match=r"m.jsonl:1"):
        load_main_events(path)


def test_the_development_list_is_train_half_and_apart_from_the_measure() -> None:
    dev = load_main_events(repo_root() / MAIN_EVENTS_DEV)
    measure = load_main_events(repo_root() / MAIN_EVENTS)
    dev_articles = {i.article for i in dev}
    assert len(dev_articles) == 30  # 10 of session 1, 20 listed blind in session 3
    assert {part_of(a) for a in dev_articles} == {"train"}
    assert not dev_articles & {i.article for i in measure}


def test_offtopic_rate_and_seeded_sample() -> None:
    docs = [Document("c", f"c:{i}", "t") for i in range(10)]
    assert seeded_sample(docs, 4, 1) == seeded_sample(docs, 4, 1)
    assert len(seeded_sample(docs, 0, 1)) == 10

    def run(doc: Document) -> EventsExtractedV1:
        article = ArticleV1(
            article_id=doc.doc_id,
            url="https://x.invalid/",
            canonical_url="https://x.invalid/",
            text="t",
        )
        events = [ev("ASSAULT"), ev("PROTEST")] if doc.doc_id == "c:3" else []
        gate = (
            Relevance(codeable=False, reason="not codeable: sports")
            if doc.doc_id == "c:5"
            else None
        )
        return EventsExtractedV1(
            article_id=doc.doc_id, article=article, events=events, extractor="t", relevance=gate
        )

    out = offtopic_rate(docs, run)
    assert (out["events_per_article"], out["share_with_event"]) == (0.2, 0.1)
    assert out["top_types"] == {"ASSAULT": 1, "PROTEST": 1}
    assert out["articles_gated_out"] == 1


def test_gate_metrics_found_and_flattened(tmp_path: Path) -> None:
    assert gate_metrics(tmp_path) is None
    folder = tmp_path / "services" / "extractor" / "gate"
    folder.mkdir(parents=True)
    metrics = {"threshold": 0.5, "cv": {"codeable": {"precision": 0.9, "recall": 0.8}}, "name": "x"}
    (folder / "metrics.json").write_text(json.dumps(metrics))
    found = gate_metrics(tmp_path)
    assert found is not None
    assert found["figures"] == {
        "threshold": 0.5,
        "cv.codeable.precision": 0.9,
        "cv.codeable.recall": 0.8,
    }
