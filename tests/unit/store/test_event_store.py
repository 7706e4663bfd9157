"""Behaviour of EventStore and its migrations, written once and run on SQLite and PostgreSQL.

``store_url`` (this directory's conftest) runs each test on SQLite and, marked ``integration``,
on a fresh PostgreSQL database.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Sequence

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, column, delete, func, insert, inspect, select, table
from sqlalchemy.exc import IntegrityError

from newswire_contracts import ArticleV1, Event, article_id_for
from newswire_runtime.sql import create_engine
from newswire_store import EventStore, current_revision, downgrade, head_revision, migrate
from newswire_store.filters import EventFilter
from newswire_store.mapping import PUBLISHED_OFFSET, actor_rows, article_row, event_row
from newswire_store.schema import (
    ARTICLE_VERSIONS,
    ARTICLES,
    EVENT_ACTORS,
    EVENT_QUANTITIES,
    EVENTS,
    QUOTES,
    Base,
    include_in_comparison,
)
from tests.support.samples import (
    ACCUSATION,
    AGREEMENT,
    PLEDGE,
    RALLY,
    article,
    events_of,
    extraction,
    quote,
)

# Late evening in Moscow; the instant is 20:30 UTC.
MOSCOW_LATE = dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))

STORE_TABLES = {
    "articles",
    "article_versions",
    "events",
    "event_actors",
    "event_quantities",
    "quotes",
}


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
    # The same hook the migrations use, so PostgreSQL's full-text index is not reported as drift.
    opts = {"compare_type": True, "include_name": include_in_comparison}
    context = MigrationContext.configure(connection, opts=opts)
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


async def test_upgrade_from_0001_keeps_rows_and_fills_the_new_tables(store_url: str) -> None:
    await migrate(store_url, "0001")
    item = article("aid", [PLEDGE])
    pledge = events_of(item, [PLEDGE])[0]
    await _insert_as_0001(store_url, item, pledge)

    await migrate(store_url)
    async with EventStore.from_url(store_url) as store:
        page = await store.search_events(EventFilter(actor="poland"))
        assert ids(page.items) == [pledge.event_id]
        record = await store.get_article_record(item.article_id)
        assert record is not None
        assert [(v.version, v.content_hash) for v in record.versions] == [(1, "v1")]
        assert await _quantities(store) == [(pledge.event_id, 40.0, "ambulances", "supplied")]

    await downgrade(store_url, "0001")
    assert await current_revision(store_url) == "0001"
    async with EventStore.from_url(store_url) as store, store.engine.connect() as conn:
        tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        kept = (await conn.execute(select(EVENT_ACTORS.c.name))).scalars().all()
    assert not tables & {"article_versions", "event_quantities"}
    assert sorted(kept) == ["Poland", "Ukraine"]


async def test_upgrade_to_0005_reads_older_articles_as_utc_and_downgrade_keeps_them(
    store_url: str,
) -> None:
    await migrate(store_url, "0004")
    item = article("late", [AGREEMENT]).model_copy(update={"published_at": MOSCOW_LATE})
    engine = create_engine(store_url)
    try:
        async with engine.begin() as conn:
            now = dt.datetime.now(dt.UTC)
            await conn.execute(insert(ARTICLES_0001), [_row_before_0005(article_row(item, now))])
    finally:
        await engine.dispose()

    await migrate(store_url)
    async with EventStore.from_url(store_url) as store:
        old = await store.get_article(item.article_id)
        assert old is not None and old.published_at == MOSCOW_LATE
        assert old.published_at.utcoffset() == dt.timedelta(0)
        # The same article delivered again gains its offset, though its instant is unchanged.
        await store.upsert_article(item)
        again = await store.get_article(item.article_id)
        assert again is not None and again.published_at is not None
        assert again.published_at.isoformat() == "2025-06-02T23:30:00+03:00"

    await downgrade(store_url, "0004")
    assert await current_revision(store_url) == "0004"
    async with EventStore.from_url(store_url) as store, store.engine.connect() as conn:
        columns = await conn.run_sync(
            lambda sync: {c["name"] for c in inspect(sync).get_columns("articles")}
        )
        kept = (await conn.execute(select(ARTICLES.c.published_at))).scalars().all()
    assert PUBLISHED_OFFSET not in columns
    assert kept == [MOSCOW_LATE]


async def _insert_as_0001(store_url: str, item: ArticleV1, event: Event) -> None:
    """Rows as revision 0001's store wrote them (no name keys, versions or quantities)."""
    engine = create_engine(store_url)
    now = dt.datetime.now(dt.UTC)
    try:
        async with engine.begin() as conn:
            await conn.execute(insert(ARTICLES_0001), [_row_before_0005(article_row(item, now))])
            row = event_row(event, item.article_id, "rules/0.0.9", now)
            await conn.execute(insert(EVENTS_0001), [row])
            actors = [
                {k: v for k, v in a.items() if k in ACTOR_0001_COLUMNS} for a in actor_rows(event)
            ]
            await conn.execute(insert(ACTORS_0001), actors)
    finally:
        await engine.dispose()


def _row_before_0005(row: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in row.items() if k != PUBLISHED_OFFSET}


async def _quantities(store: EventStore) -> list[tuple[str, float, str | None, str | None]]:
    q = EVENT_QUANTITIES.c
    stmt = select(q.event_id, q.value, q.unit, q.category).order_by(q.event_id, q.idx)
    async with store.engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(stmt)]  # type: ignore[misc]


ACTOR_0001_COLUMNS = ("event_id", "role", "idx", "name", "country", "sector", "kind")
# Revisions 0002-0004 added no column to these two tables; 0005 added the publication offset.
ARTICLES_0001 = table(
    "articles",
    *(column(c.name, c.type) for c in ARTICLES.columns if c.name != PUBLISHED_OFFSET),
)
EVENTS_0001 = table("events", *(column(c.name, c.type) for c in EVENTS.columns))
ACTORS_0001 = table("event_actors", *(column(c) for c in ACTOR_0001_COLUMNS))


# --- versions and normalized rows ---------------------------------------------------------


async def test_a_changed_article_keeps_its_earlier_versions(store: EventStore) -> None:
    first = article("roundup", [AGREEMENT])
    await store.save_extraction(extraction(first, events_of(first, [AGREEMENT])))
    await store.save_extraction(extraction(first, events_of(first, [AGREEMENT])))
    changed = article("roundup", [AGREEMENT, ACCUSATION], content_hash="v2")
    await store.save_extraction(extraction(changed, events_of(changed, [AGREEMENT, ACCUSATION])))
    retitled = changed.model_copy(update={"title": "Omo river deal signed"})
    await store.upsert_article(retitled)

    record = await store.get_article_record(first.article_id)
    assert record is not None
    assert record.version == 2
    assert record.article == retitled
    assert [(v.version, v.content_hash) for v in record.versions] == [(1, "v1"), (2, "v2")]
    assert record.versions[0].recorded_at <= record.versions[1].recorded_at
    async with store.engine.connect() as conn:
        texts = (await conn.execute(select(ARTICLE_VERSIONS.c.text).order_by("version"))).all()
    assert [t for (t,) in texts] == [first.text, changed.text]
    assert record.event_count == 2


async def test_quantities_actor_names_and_quote_cues_are_stored_as_rows(
    store: EventStore,
) -> None:
    item = article("aid", [PLEDGE, ACCUSATION])
    said = quote("We will not wait.", "Radosław Sikorski", "POL").model_copy(update={"cue": "said"})
    await store.save_extraction(extraction(item, events_of(item, [PLEDGE, ACCUSATION]), [said]))
    pledge = events_of(item, [PLEDGE])[0]
    assert await _quantities(store) == [(pledge.event_id, 40.0, "ambulances", "supplied")]
    async with store.engine.connect() as conn:
        keys = (await conn.execute(select(EVENT_ACTORS.c.name_key))).scalars().all()
    assert sorted(keys) == ["brazil", "poland", "ukraine", "venezuela"]
    record = await store.get_article_record(item.article_id)
    assert record is not None
    assert [(q.speaker_name, q.cue) for q in record.quotes] == [("Radosław Sikorski", "said")]

    await store.save_extraction(extraction(item, events_of(item, [ACCUSATION])))
    assert await _quantities(store) == []  # replaced with the article's events


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
    # The publisher's offset (samples.KYIV, +02:00) comes back, not just the instant.
    assert stored.published_at.utcoffset() == dt.timedelta(hours=2)
    assert await store.get_article(article_id_for("https://missing.example.test")) is None


async def test_published_at_keeps_the_publishers_offset_in_every_read(store: EventStore) -> None:
    item = article("late", [AGREEMENT]).model_copy(update={"published_at": MOSCOW_LATE})
    await store.save_extraction(extraction(item, events_of(item, [AGREEMENT])))
    record = await store.get_article_record(item.article_id)
    assert record is not None
    page = await store.search_events(EventFilter(article_id=item.article_id))
    streamed = [e async for e in store.stream_events(EventFilter(article_id=item.article_id))]
    found = await store.get_event(page.items[0].event_id)
    assert found is not None
    shown = [
        record.article.published_at,
        page.items[0].article.published_at,
        streamed[0].article.published_at,
        found.article.published_at,
    ]
    assert [s.isoformat() if s else None for s in shown] == ["2025-06-02T23:30:00+03:00"] * 4
    # The column itself holds the instant, which ordering and filters compare.
    async with store.engine.connect() as conn:
        stmt = select(ARTICLES.c.published_at, ARTICLES.c[PUBLISHED_OFFSET])
        instant, minutes = (await conn.execute(stmt)).one()
    assert (instant, instant.utcoffset(), minutes) == (MOSCOW_LATE, dt.timedelta(0), 180)


async def test_a_new_offset_for_the_same_instant_is_stored(store: EventStore) -> None:
    item = article("late", [AGREEMENT]).model_copy(update={"published_at": MOSCOW_LATE})
    await store.upsert_article(item)
    await store.upsert_article(
        item.model_copy(update={"published_at": MOSCOW_LATE.astimezone(dt.UTC)})
    )
    stored = await store.get_article(item.article_id)
    assert stored is not None and stored.published_at is not None
    assert stored.published_at.isoformat() == "2025-06-02T20:30:00+00:00"


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
