"""The extractor on the demo site's articles: the problems a reader of the demo table would see."""

from __future__ import annotations

from newswire_contracts import ArticleV1
from newswire_extractor import Extraction

ISTANBUL = "/world/2025/06/03/istanbul-talks-children.html"
SPORT = "/sport/2025/06/08/porto-half-marathon-course-record.html"


def test_no_event_is_dated_after_its_article_was_published(
    demo_articles: dict[str, ArticleV1], demo_extractions: dict[str, Extraction]
) -> None:
    checked = 0
    for path, result in demo_extractions.items():
        published = demo_articles[path].published_at
        assert published is not None
        for event in result.events:
            if event.occurred.date is not None:
                checked += 1
                assert event.occurred.date <= published.date(), (path, event.evidence.text)
    assert checked > 50


def test_a_dateline_city_is_a_place_not_an_actor(
    demo_articles: dict[str, ArticleV1], demo_extractions: dict[str, Extraction]
) -> None:
    for path, result in demo_extractions.items():
        dateline = demo_articles[path].text.split("—", 1)[0].strip()
        for event in result.events:
            for actor in [*event.actors, *event.targets]:
                if actor.start is not None and actor.start < len(dateline):
                    raise AssertionError(f"{path}: dateline {dateline} is an actor")
    consult = next(e for e in demo_extractions[ISTANBUL].events if e.event_type == "CONSULT")
    assert {a.country for a in consult.actors} == {"UKR", "RUS"}
    assert consult.location is not None
    assert (consult.location.name, consult.location.basis) == ("Istanbul", "clause")


def test_a_sports_report_has_no_political_events(
    demo_extractions: dict[str, Extraction],
) -> None:
    assert demo_extractions[SPORT].events == []
    # The article gate stops it before parsing: no quotes either, and the reason is given.
    relevance = demo_extractions[SPORT].relevance
    assert relevance is not None and not relevance.codeable
    assert relevance.reason.startswith("not codeable: sports")


def test_the_political_demo_articles_pass_the_article_gate(
    demo_extractions: dict[str, Extraction],
) -> None:
    for path, result in demo_extractions.items():
        if path != SPORT:
            assert result.relevance is not None and result.relevance.codeable, path
            assert result.events, path
