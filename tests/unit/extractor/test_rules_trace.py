"""The drop trace: why candidate events gave no event, recorded only when someone listens."""

from __future__ import annotations

from newswire_extractor import RulesExtractor
from newswire_extractor.rules import trace

from .conftest import PUBLISHED


def _extract(extractor: RulesExtractor, text: str) -> list[str]:
    return [
        e.event_type for e in extractor.extract(text, article_id="a", published_at=PUBLISHED).events
    ]


def test_a_dropped_condition_is_recorded_with_its_stage_and_trigger(
    extractor: RulesExtractor,
) -> None:
    text = "If Ruritania attacks the border posts, Borduria will respond."
    with trace.recording() as drops:
        assert "ASSAULT" not in _extract(extractor, text)
    dropped = [d for d in drops if d.trigger == "attacks"]
    assert dropped, drops
    assert (dropped[0].stage, dropped[0].reason) == ("assertion", "condition")
    assert dropped[0].start == text.index("attacks")
    assert "'attacks'" in dropped[0].line()


def test_an_event_without_actor_is_recorded_as_such(extractor: RulesExtractor) -> None:
    with trace.recording() as drops:
        _extract(extractor, "Talks were held in the capital on Monday.")
    assert any(d.stage == "actor" and d.event_type == "CONSULT" for d in drops), drops


def test_nothing_is_recorded_outside_a_recording(extractor: RulesExtractor) -> None:
    with trace.recording() as drops:
        pass
    _extract(extractor, "If Ruritania attacks the border posts, Borduria will respond.")
    assert drops == []
    assert not trace.active()


def test_a_kept_event_is_not_a_drop(extractor: RulesExtractor) -> None:
    with trace.recording() as drops:
        types = _extract(
            extractor, "Ruritanian troops shelled the Bordurian town of Szohod on Monday."
        )
    assert "ASSAULT" in types
    assert not [d for d in drops if d.event_type == "ASSAULT"], drops


def test_events_the_event_filter_turns_away_are_recorded() -> None:
    from newswire_extractor.eventness import EventFilter

    strict = RulesExtractor(event_filter=EventFilter(threshold=1.0))
    text = "Ruritanian troops shelled the Bordurian town of Szohod on Monday."
    with trace.recording() as drops:
        events = strict.extract(text, article_id="a", published_at=PUBLISHED).events
    filtered = [d for d in drops if d.stage == "eventness"]
    assert len(filtered) == 1 - len(events)  # a score of exactly 1.0 would keep it
    assert not filtered or filtered[0].event_type == "ASSAULT"
