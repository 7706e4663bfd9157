"""Behaviour of EventStore and its migrations, written once and run on SQLite and PostgreSQL.

The unit suite runs these tests on SQLite (``store_url`` from this directory's conftest);
tests/integration/store runs the very same functions on PostgreSQL with its own ``store_url``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, delete, func, inspect, select
from sqlalchemy.exc import IntegrityError

from newswire_contracts import (
    Actor,
    ArticleV1,
    Event,
    EventsExtractedV1,
    Evidence,
    Location,
    Modality,
    Occurred,
    Quote,
    article_id_for,
    event_id_for,
)
from newswire_store import EventStore, current_revision, downgrade, head_revision, migrate
from newswire_store.models import Base
from newswire_store.repository import ARTICLES, EVENT_ACTORS, QUOTES

KYIV = dt.timezone(dt.timedelta(hours=2))
PUBLISHED = dt.datetime(2025, 3, 4, 9, 30, tzinfo=KYIV)
STORE_TABLES = {"articles", "events", "event_actors", "quotes"}


def actor(name: str, country: str | None, sector: str | None = "GOV", kind: str = "GPE") -> Actor:
    return Actor(text=name, name=name, country=country, sector=sector, kind=kind)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a synthetic article and the event it reports."""

    text: str
    event_type: str
    trigger: str
    actors: Sequence[Actor]
    targets: Sequence[Actor]
    day: dt.date | None


AGREEMENT = Sentence(
    "Kenyan and Ethiopian water ministers signed an agreement on sharing the Omo river on Monday.",
    "AGREE",
    "signed an agreement",
    [actor("Kenya", "KEN")],
    [actor("Ethiopia", "ETH")],
    dt.date(2025, 3, 3),
)
ACCUSATION = Sentence(
    "Brazil's foreign ministry accused Venezuela of moving troops toward the border last week.",
    "ACCUSE",
    "accused",
    [actor("Brazil", "BRA")],
    [actor("Venezuela", "VEN", sector="MIL")],
    dt.date(2025, 2, 24),
)
PLEDGE = Sentence(
    "Poland pledged forty ambulances to Ukraine's health ministry in February.",
    "AID",
    "pledged",
    [actor("Poland", "POL")],
    [actor("Ukraine", "UKR")],
    dt.date(2025, 2, 1),
)
RALLY = Sentence(
    "Thousands of students rallied outside parliament in Tbilisi, organisers said.",
    "PROTEST",
    "rallied",
    [actor("students", "GEO", sector="CVL", kind="NORP")],
    [],
    None,
)


def article(slug: str, sentences: Sequence[Sentence], content_hash: str = "v1") -> ArticleV1:
    url = f"https://news.example.test/world/{slug}"
    return ArticleV1(
        article_id=article_id_for(url),
        url=f"{url}?utm_source=feed",
        canonical_url=url,
        title=f"Regional roundup: {slug}",
        text=" ".join(s.text for s in sentences),
        authors=["Amara Okafor", "Lena Sato"],
        published_at=PUBLISHED,
        language="en",
        site_name="Example World News",
        section="World",
        tags=["diplomacy", slug],
        content_hash=content_hash,
    )


def events_of(item: ArticleV1, sentences: Sequence[Sentence]) -> list[Event]:
    """The events an extractor would report for these sentences of the article."""
    return [_event(item, s) for s in sentences]


def _event(item: ArticleV1, sentence: Sentence) -> Event:
    start = item.text.index(sentence.text)
    end = start + len(sentence.text)
    return Event(
        event_id=event_id_for(item.article_id, sentence.event_type, start, end, sentence.trigger),
        event_type=sentence.event_type,  # type: ignore[arg-type]
        actors=list(sentence.actors),
        targets=list(sentence.targets),
        location=Location(text="Tbilisi", name="Tbilisi", country="GEO", lat=41.69, lon=44.8)
        if sentence is RALLY
        else None,
        occurred=Occurred(date=sentence.day, precision="day" if sentence.day else "unknown"),
        modality=Modality(future=sentence is PLEDGE),
        confidence=0.8,
        evidence=Evidence(text=sentence.text, start=start, end=end, trigger=sentence.trigger),
    )


def extraction(
    item: ArticleV1, events: Sequence[Event], quotes: Sequence[Quote] = ()
) -> EventsExtractedV1:
    return EventsExtractedV1(
        article_id=item.article_id,
        article=item,
        events=list(events),
        quotes=list(quotes),
        extractor="rules/0.1.0",
    )


def quote(words: str, speaker: str, country: str) -> Quote:
    return Quote(
        text=words, speaker=actor(speaker, country, kind="PERSON"), start=0, end=len(words)
    )


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[EventStore]:
    await migrate(store_url)
    async with EventStore.from_url(store_url) as event_store:
        yield event_store


async def rows(store: EventStore, table: str) -> int:
    """How many rows a table holds."""
    tables = {"articles": ARTICLES, "event_actors": EVENT_ACTORS, "quotes": QUOTES}
    stmt = select(func.count()).select_from(tables[table])
    async with store.engine.connect() as conn:
        return int(await conn.scalar(stmt) or 0)


def ids(events: Sequence[Event]) -> list[str]:
    return [e.event_id for e in events]


# --- migrations ---------------------------------------------------------------------------


async def test_migrate_builds_the_schema_the_models_describe(store_url: str) -> None:
    assert await current_revision(store_url) is None
    await migrate(store_url)
    assert await current_revision(store_url) == head_revision()
    async with EventStore.from_url(store_url) as store, store.engine.connect() as conn:
        tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        drift = await conn.run_sync(_schema_drift)
    assert tables >= STORE_TABLES
    assert drift == []


def _schema_drift(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrate_twice_is_a_no_op(store_url: str) -> None:
    await migrate(store_url)
    await migrate(store_url)
    assert await current_revision(store_url) == head_revision()


async def test_downgrade_to_base_then_upgrade_again(store_url: str) -> None:
    await migrate(store_url)
    item = article("omo-river", [AGREEMENT])
    async with EventStore.from_url(store_url) as store:
        await store.save_extraction(extraction(item, events_of(item, [AGREEMENT])))

    await downgrade(store_url, "base")
    assert await current_revision(store_url) is None
    async with EventStore.from_url(store_url) as store, store.engine.connect() as conn:
        tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    assert not tables & STORE_TABLES

    await migrate(store_url)
    async with EventStore.from_url(store_url) as store:
        assert await store.count() == (0, 0)
        await store.save_extraction(extraction(item, events_of(item, [AGREEMENT])))
        assert await store.count() == (1, 1)


# --- writes -------------------------------------------------------------------------------


async def test_save_extraction_twice_stores_everything_once(store: EventStore) -> None:
    item = article("roundup", [AGREEMENT, ACCUSATION, PLEDGE])
    msg = extraction(
        item,
        events_of(item, [AGREEMENT, ACCUSATION, PLEDGE]),
        [quote("The river belongs to both our peoples.", "Alice Wanjiru", "KEN")],
    )
    await store.save_extraction(msg)
    first = await store.get_article(item.article_id)
    await store.save_extraction(msg)

    assert await store.count() == (1, 3)
    assert await rows(store, "event_actors") == 6
    assert await rows(store, "quotes") == 1
    assert set(ids(await store.list_events())) == set(ids(msg.events))
    again = await _bookkeeping(store, item.article_id)
    assert first == await store.get_article(item.article_id)
    assert again["version"] == 1
    assert again["updated_at"] == again["first_seen_at"]


async def test_reextraction_replaces_the_articles_events(store: EventStore) -> None:
    old = article("roundup", [AGREEMENT, ACCUSATION])
    other = article("tbilisi", [RALLY])
    await store.save_extraction(extraction(other, events_of(other, [RALLY])))
    await store.save_extraction(
        extraction(old, events_of(old, [AGREEMENT, ACCUSATION]), [quote("No.", "A", "BRA")])
    )

    new = article("roundup", [AGREEMENT, ACCUSATION, PLEDGE], content_hash="v2")
    kept_and_added = events_of(new, [ACCUSATION, PLEDGE])
    await store.save_extraction(extraction(new, kept_and_added))

    assert ids(await store.list_events(article_id=new.article_id)) == ids(kept_and_added)
    assert ids(await store.list_events(article_id=other.article_id)) == ids(
        events_of(other, [RALLY])
    )
    assert await store.count() == (2, 3)
    assert await rows(store, "event_actors") == 4 + 1  # old AGREEMENT's actors are gone
    assert await rows(store, "quotes") == 0


async def test_reextraction_with_no_events_clears_them(store: EventStore) -> None:
    item = article("roundup", [AGREEMENT, ACCUSATION])
    await store.save_extraction(extraction(item, events_of(item, [AGREEMENT, ACCUSATION])))
    await store.save_extraction(extraction(item, []))
    assert await store.count() == (1, 0)
    assert await rows(store, "event_actors") == 0


async def test_failed_reextraction_leaves_previous_events_untouched(store: EventStore) -> None:
    bystander = article("tbilisi", [RALLY])
    await store.save_extraction(extraction(bystander, events_of(bystander, [RALLY])))
    item = article("roundup", [AGREEMENT, ACCUSATION])
    before = events_of(item, [AGREEMENT, ACCUSATION])
    await store.save_extraction(extraction(item, before))

    # The last insert collides with another article's event after the delete already ran,
    # so only a rolled-back transaction can leave the old events in place.
    stolen = events_of(bystander, [RALLY])[0]
    changed = article("roundup", [AGREEMENT, ACCUSATION, PLEDGE], content_hash="v2")
    with pytest.raises(IntegrityError):
        await store.save_extraction(extraction(changed, [*events_of(changed, [PLEDGE]), stolen]))

    assert ids(await store.list_events(article_id=item.article_id)) == ids(before)
    assert await store.get_article(item.article_id) == item
    assert (await _bookkeeping(store, item.article_id))["version"] == 1
    assert await store.count() == (2, 3)


async def test_concurrent_replacements_never_mix_event_sets(store: EventStore) -> None:
    item = article("roundup", [AGREEMENT, ACCUSATION, PLEDGE])
    one = extraction(item, events_of(item, [AGREEMENT]))
    other = extraction(item, events_of(item, [ACCUSATION, PLEDGE]))
    await asyncio.gather(*(store.save_extraction(m) for m in [one, other, one, other]))
    stored = set(ids(await store.list_events()))
    assert stored in ({*ids(one.events)}, {*ids(other.events)})


async def test_a_batch_is_applied_as_if_one_message_at_a_time(store: EventStore) -> None:
    roundup = article("roundup", [AGREEMENT, ACCUSATION])
    tbilisi = article("tbilisi", [RALLY])
    revised = article("roundup", [AGREEMENT, ACCUSATION, PLEDGE], content_hash="v2")
    batch = [
        extraction(roundup, events_of(roundup, [AGREEMENT, ACCUSATION])),
        extraction(tbilisi, events_of(tbilisi, [RALLY])),
        extraction(revised, events_of(revised, [PLEDGE])),
    ]
    await store.save_extractions(batch)
    await store.save_extractions(batch)

    assert ids(await store.list_events(article_id=roundup.article_id)) == ids(batch[2].events)
    assert ids(await store.list_events(article_id=tbilisi.article_id)) == ids(batch[1].events)
    assert await store.get_article(roundup.article_id) == revised
    assert await store.count() == (2, 2)


async def test_a_batch_with_a_failing_message_writes_nothing(store: EventStore) -> None:
    bystander = article("tbilisi", [RALLY])
    await store.save_extraction(extraction(bystander, events_of(bystander, [RALLY])))
    fine = article("roundup", [AGREEMENT])
    clashing = article("border", [ACCUSATION])
    stolen = events_of(bystander, [RALLY])[0]
    with pytest.raises(IntegrityError):
        await store.save_extractions(
            [
                extraction(fine, events_of(fine, [AGREEMENT])),
                extraction(clashing, [*events_of(clashing, [ACCUSATION]), stolen]),
            ]
        )
    assert await store.count() == (1, 1)
    assert await store.get_article(fine.article_id) is None


async def test_an_empty_batch_writes_nothing(store: EventStore) -> None:
    await store.save_extractions([])
    assert await store.count() == (0, 0)


async def test_repeated_event_ids_in_one_message_are_stored_once(store: EventStore) -> None:
    item = article("roundup", [ACCUSATION])
    event = events_of(item, [ACCUSATION])[0]
    await store.save_extraction(extraction(item, [event, event]))
    assert await store.count() == (1, 1)


async def test_save_extraction_rejects_a_message_about_another_article(
    store: EventStore,
) -> None:
    item = article("roundup", [AGREEMENT])
    msg = extraction(item, []).model_copy(update={"article_id": article_id_for("https://x.test")})
    with pytest.raises(ValueError, match="differs"):
        await store.save_extraction(msg)
    assert await store.count() == (0, 0)


async def test_deleting_an_article_deletes_its_events_actors_and_quotes(
    store: EventStore,
) -> None:
    item = article("roundup", [AGREEMENT, ACCUSATION])
    msg = extraction(item, events_of(item, [AGREEMENT, ACCUSATION]), [quote("Yes.", "B", "KEN")])
    await store.save_extraction(msg)
    async with store.engine.begin() as conn:
        await conn.execute(delete(ARTICLES).where(ARTICLES.c.article_id == item.article_id))
    assert await store.count() == (0, 0)
    assert await rows(store, "event_actors") == 0
    assert await rows(store, "quotes") == 0


# --- articles -----------------------------------------------------------------------------


async def test_get_article_round_trips_every_field(store: EventStore) -> None:
    item = article("roundup", [AGREEMENT]).model_copy(
        update={
            "modified_at": dt.datetime(2025, 3, 4, 11, 0, 0, 123456, tzinfo=dt.UTC),
            "description": "Water, troops and ambulances.",
            "image_url": "https://news.example.test/img/omo.jpg",
            "duplicate_of": article_id_for("https://wire.example.test/omo"),
        }
    )
    await store.upsert_article(item)
    stored = await store.get_article(item.article_id)
    assert stored == item
    assert stored is not None and stored.published_at is not None
    assert stored.published_at.utcoffset() == dt.timedelta(0)
    assert await store.get_article(article_id_for("https://missing.example.test")) is None


async def test_version_bumps_only_when_the_content_hash_changes(store: EventStore) -> None:
    item = article("roundup", [AGREEMENT])
    await store.upsert_article(item)
    await store.upsert_article(item)
    assert (await _bookkeeping(store, item.article_id))["version"] == 1

    retitled = item.model_copy(update={"title": "Kenya and Ethiopia share the Omo"})
    await store.upsert_article(retitled)
    after_retitle = await _bookkeeping(store, item.article_id)
    assert after_retitle["version"] == 1
    assert await store.get_article(item.article_id) == retitled

    rewritten = retitled.model_copy(
        update={"text": item.text + " Talks resume in May.", "content_hash": "v2"}
    )
    await store.upsert_article(rewritten)
    await store.upsert_article(rewritten)
    after_rewrite = await _bookkeeping(store, item.article_id)
    assert after_rewrite["version"] == 2
    assert after_rewrite["first_seen_at"] == after_retitle["first_seen_at"]
    assert after_rewrite["updated_at"] >= after_retitle["updated_at"]
    assert await store.get_article(item.article_id) == rewritten


async def _bookkeeping(store: EventStore, article_id: str) -> dict[str, object]:
    stmt = select(ARTICLES.c.version, ARTICLES.c.first_seen_at, ARTICLES.c.updated_at).where(
        ARTICLES.c.article_id == article_id
    )
    async with store.engine.connect() as conn:
        row = (await conn.execute(stmt)).mappings().one()
    return dict(row)


# --- reads --------------------------------------------------------------------------------


@pytest.fixture
async def roundup(store: EventStore) -> list[Event]:
    """A stored article reporting one event of each sample sentence."""
    sentences = [AGREEMENT, ACCUSATION, PLEDGE, RALLY]
    item = article("roundup", sentences)
    events = events_of(item, sentences)
    await store.save_extraction(extraction(item, events))
    return events


async def test_list_events_returns_the_records_as_extracted(
    store: EventStore, roundup: list[Event]
) -> None:
    assert sorted(await store.list_events(), key=lambda e: e.event_id) == sorted(
        roundup, key=lambda e: e.event_id
    )


async def test_list_events_orders_newest_first_and_undated_last(
    store: EventStore, roundup: list[Event]
) -> None:
    agreement, accusation, pledge, rally = roundup
    assert ids(await store.list_events()) == ids([agreement, accusation, pledge, rally])
    assert ids(await store.list_events(limit=2)) == ids([agreement, accusation])


async def test_list_events_filters_by_type(store: EventStore, roundup: list[Event]) -> None:
    assert ids(await store.list_events(event_type="ACCUSE")) == ids([roundup[1]])
    assert ids(await store.list_events(event_type="protest")) == ids([roundup[3]])
    assert await store.list_events(event_type="ASSAULT") == []


async def test_list_events_matches_country_as_actor_or_target(
    store: EventStore, roundup: list[Event]
) -> None:
    agreement, accusation, pledge, _ = roundup
    assert ids(await store.list_events(country="KEN")) == ids([agreement])  # actor
    assert ids(await store.list_events(country="ven")) == ids([accusation])  # target
    assert ids(await store.list_events(country="UKR", event_type="AID")) == ids([pledge])
    assert await store.list_events(country="UKR", event_type="ACCUSE") == []
    assert await store.list_events(country="FRA") == []


async def test_list_events_since_a_date_excludes_older_and_undated(
    store: EventStore, roundup: list[Event]
) -> None:
    agreement, accusation, _, _ = roundup
    assert ids(await store.list_events(since=dt.date(2025, 2, 24))) == ids([agreement, accusation])
    assert ids(await store.list_events(since=dt.date(2025, 3, 3))) == ids([agreement])
    assert await store.list_events(since=dt.date(2025, 3, 4)) == []


async def test_list_events_rejects_a_limit_below_one(store: EventStore) -> None:
    with pytest.raises(ValueError, match="limit"):
        await store.list_events(limit=0)
