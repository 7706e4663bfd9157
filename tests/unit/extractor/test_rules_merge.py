"""One event per happening per article: repeated mentions merge, every evidence span is kept."""

from __future__ import annotations

from datetime import date

from newswire_contracts import Actor, Event, Evidence, Occurred, Quantity
from newswire_extractor import RulesExtractor
from newswire_extractor.rules.merge import merge_mentions

from .conftest import PUBLISHED

KYIV = Actor(text="Ukraine", name="Ukraine", kind="GPE", country="UKR", sector="GOV")
MOSCOW = Actor(text="Russia", name="Russia", kind="GPE", country="RUS", sector="GOV")
MONDAY = Occurred(date=date(2025, 6, 2), precision="day", text="Monday")


def _event(
    event_type: str,
    start: int,
    trigger: str,
    *,
    trigger_start: int | None = None,
    actors: tuple[Actor, ...] = (KYIV,),
    targets: tuple[Actor, ...] = (MOSCOW,),
    occurred: Occurred = MONDAY,
    confidence: float = 0.5,
    quantities: tuple[Quantity, ...] = (),
) -> Event:
    at = start if trigger_start is None else trigger_start
    return Event(
        event_id=f"{event_type}-{start}-{at}",
        event_type=event_type,  # type: ignore[arg-type]
        actors=list(actors),
        targets=list(targets),
        occurred=occurred,
        quantities=list(quantities),
        confidence=confidence,
        evidence=Evidence(
            text="x" * 10,
            start=start,
            end=start + 10,
            trigger=trigger,
            trigger_start=at,
            trigger_end=at + len(trigger),
        ),
    )


def test_the_same_act_told_twice_is_one_event_with_both_sentences() -> None:
    lede = _event("ASSAULT", 0, "shelled", confidence=0.4)
    recap = _event(
        "ASSAULT",
        100,
        "the shelling",
        confidence=0.7,
        quantities=(Quantity(value=12, unit="people", category="killed", text="12 people"),),
    )
    merged = merge_mentions([recap, lede])
    assert len(merged) == 1
    event = merged[0]
    assert event.event_id == lede.event_id  # the first mention names the event
    assert event.evidence == lede.evidence
    assert [m.start for m in event.mentions] == [100]
    assert event.confidence == 0.7
    assert [q.value for q in event.quantities] == [12]


def test_different_days_actors_or_targets_stay_apart() -> None:
    events = [
        _event("ASSAULT", 0, "shelled"),
        _event("ASSAULT", 50, "shelled", occurred=Occurred(date=date(2025, 6, 1), precision="day")),
        _event("ASSAULT", 100, "shelled", actors=(MOSCOW,), targets=(KYIV,)),
        _event("ASSAULT", 150, "shelled", targets=()),
    ]
    assert len(merge_mentions(events)) == 4


def test_two_agreements_of_the_same_parties_on_one_day_stay_apart() -> None:
    # 'agreed to relaunch negotiations' and later 'had agreed to cooperate on a study'.
    first = _event("AGREE", 0, "agreed", targets=())
    second = _event("AGREE", 200, "agreed to cooperate", targets=())
    assert len(merge_mentions([first, second])) == 2
    again = _event("AGREE", 300, "agreed", targets=())
    merged = merge_mentions([first, second, again])
    assert len(merged) == 2
    assert [m.start for m in merged[0].mentions] == [300]


def test_events_without_participants_or_date_are_never_merged() -> None:
    nobody = [
        _event("ASSAULT", 0, "blast", actors=(), targets=()),
        _event("ASSAULT", 50, "blast", actors=(), targets=()),
    ]
    assert len(merge_mentions(nobody)) == 2
    undated = Occurred(date=None, precision="unknown", text=None)
    assert (
        len(
            merge_mentions(
                [
                    _event("ASSAULT", 0, "hit", occurred=undated),
                    _event("ASSAULT", 50, "hit", occurred=undated),
                ]
            )
        )
        == 2
    )


def test_one_trigger_word_gives_one_reading() -> None:
    weak = _event("PROTEST", 0, "strike", trigger_start=5, confidence=0.3, targets=())
    strong = _event("ASSAULT", 0, "strike", trigger_start=5, confidence=0.6)
    assert [e.event_type for e in merge_mentions([weak, strong])] == ["ASSAULT"]


def test_mentions_are_left_out_of_the_json_when_there_are_none() -> None:
    single = _event("ASSAULT", 0, "shelled")
    assert "mentions" not in single.model_dump(mode="json")
    merged = merge_mentions([single, _event("ASSAULT", 40, "shelling")])[0]
    dumped = merged.model_dump(mode="json")
    assert [m["start"] for m in dumped["mentions"]] == [40]
    assert Event.model_validate(dumped) == merged


def test_an_article_reports_its_talks_once(extractor: RulesExtractor) -> None:
    text = (
        "Armenian and Azerbaijani negotiators held talks in Geneva on Monday. "
        "The foreign ministers met for three hours.\n\n"
        "Armenia accused Azerbaijan of shelling border villages on Monday. "
        "In a statement, Armenia accused Azerbaijan of shelling border villages on Monday. "
        "Armenia also accused Azerbaijan of lying about the shelling."
    )
    result = extractor.extract(text, article_id="merge-demo", published_at=PUBLISHED)
    accusations = [e for e in result.events if e.event_type == "ACCUSE"]
    assert [len(e.mentions) for e in accusations] == [1, 0]  # 'also accused … of lying': another
    for event in result.events:
        for span in [event.evidence, *event.mentions]:
            assert text[span.start : span.end] == span.text
    assert [Event.model_validate_json(e.model_dump_json()) for e in result.events] == result.events


def test_one_act_told_by_two_verbs_of_a_sentence_is_one_event(extractor: RulesExtractor) -> None:
    text = "Russian jets struck Idlib on Friday, killing 12 people."
    result = extractor.extract(text, article_id="one-act", published_at=PUBLISHED)
    (strike,) = [e for e in result.events if e.event_type == "ASSAULT"]
    assert [t.name for t in strike.targets] == ["Idlib", "people"]
    assert [m.trigger for m in strike.mentions] == ["killing"]
    assert [q.value for q in strike.quantities] == [12]
