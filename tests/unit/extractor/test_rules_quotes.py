"""Direct quotes and their speakers."""

from __future__ import annotations

from newswire_contracts import Quote
from newswire_extractor import RulesExtractor

from .conftest import PUBLISHED

ARTICLE = """Foreign Minister Anna Kovacs met her Romanian counterpart in Budapest on Friday. \
“We have agreed to reopen the border crossings next week,” Kovacs said.
“This is a first step,” said Romanian Foreign Minister Mihai Ionescu. Ionescu told reporters: \
“Both governments want the trucks moving again.”
The deal was "long overdue and welcome news for drivers," according to the transport union.
Officials called it a "special arrangement" for the summer. “We will meet again in July,” he said.
"""


def _quotes(extractor: RulesExtractor) -> list[Quote]:
    return extractor.extract(ARTICLE, article_id="q", published_at=PUBLISHED).quotes


def test_quotes_with_speakers_before_and_after(extractor: RulesExtractor) -> None:
    quotes = _quotes(extractor)
    found = [(q.text[:20], q.speaker.name if q.speaker else None, q.cue) for q in quotes]
    assert found == [
        ("We have agreed to re", "Anna Kovacs", "said"),
        ("This is a first step", "Mihai Ionescu", "said"),
        ("Both governments wan", "Mihai Ionescu", "told"),
        ("long overdue and wel", "transport union", "according to"),
        ("We will meet again i", "Mihai Ionescu", "said"),
    ]


def test_quote_offsets_and_speaker_details(extractor: RulesExtractor) -> None:
    quotes = _quotes(extractor)
    for quote in quotes:
        assert ARTICLE[quote.start : quote.end] == quote.text
    ionescu = quotes[1].speaker
    assert ionescu is not None
    assert (ionescu.kind, ionescu.country, ionescu.sector) == ("PERSON", "ROU", "GOV")
    # 'he' after the last quote resolves to the last person named.
    last = quotes[-1].speaker
    assert last is not None
    assert (last.text, last.country) == ("he", "ROU")


def test_scare_quotes_are_not_quotes(extractor: RulesExtractor) -> None:
    assert all("special arrangement" not in q.text for q in _quotes(extractor))


def test_first_person_inside_a_quote_is_the_speaker(unfiltered: RulesExtractor) -> None:
    events = unfiltered.extract(ARTICLE, article_id="q", published_at=PUBLISHED).events
    meet = next(e for e in events if e.evidence.trigger == "meet")
    assert meet.event_type == "AGREE"  # 'will meet again': a commitment to consult
    assert meet.actors[0].text == "We"
    assert meet.actors[0].name == "Mihai Ionescu"
    assert meet.attribution is not None
    assert meet.attribution.cue == "said"
