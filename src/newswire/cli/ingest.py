"""`newswire fetch`: fetch, extract and store in this process (no Kafka); `newswire submit`:
fetch requests to a running Kafka deployment."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newswire.cli.console import EXIT_FAILED, EXIT_UNAVAILABLE, err, error, fail, out
from newswire.cli.store import DatabaseUrl

if TYPE_CHECKING:
    from newswire.pipeline import RunReport
    from newswire_contracts import FetchRequestedV1
    from newswire_fetcher.sources import Source

app = typer.Typer()

Urls = Annotated[list[str] | None, typer.Argument(help="Article URLs (http or https).")]


def _checked_urls(urls: list[str]) -> list[str]:
    from newswire_contracts import FetchRequestedV1

    for url in urls:
        try:
            FetchRequestedV1(url=url, source="cli")
        except ValidationError:
            raise typer.BadParameter(f"not an http(s) URL: {url[:200]!r}") from None
    return urls


def _sources(feeds: list[str], sources_file: Path | None) -> list[Source]:
    from newswire_fetcher.sources import SourcesError, load_sources, parse_sources

    try:
        found = parse_sources({"feeds": [{"url": u} for u in feeds]}, origin="--feed")
        if sources_file is not None:
            found += load_sources(sources_file)
    except SourcesError as exc:
        raise typer.BadParameter(str(exc)) from None
    return found


@app.command()
def fetch(
    urls: Urls = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="RSS/Atom feed whose articles to fetch.")
    ] = None,
    sources_file: Annotated[
        Path | None,
        typer.Option("--sources", help="TOML sources file: every feed, sitemap and URL in it."),
    ] = None,
    db_url: DatabaseUrl = None,
) -> None:
    """Fetch, extract and store articles in this process, without Kafka.

    The same fetcher as the deployment (address guard, politeness, robots.txt, dedup, the
    seen-URL record), configured by NEWSWIRE_FETCHER_* and NEWSWIRE_EXTRACTOR_*; the store and
    the fetcher's state share one database (default newswire.sqlite in this directory).
    Exit status 1 when some article failed, 3 when the store cannot be opened.
    """
    from newswire.cli.database import resolve
    from newswire.pipeline import EmbeddedSettings

    requested = _checked_urls(urls or [])
    sources = _sources(feed or [], sources_file)
    if not requested and not sources:
        raise typer.BadParameter("give article URLs, --feed URL or --sources FILE")
    url = resolve(db_url)
    try:
        settings = EmbeddedSettings.from_env(url)
    except ValueError as exc:  # pydantic's ValidationError included: a bad NEWSWIRE_* value
        fail(f"bad settings: {exc}", code=2)
    report = _run_with_progress(requested, sources, settings)
    _summarise(report)
    failed = report.dead_letters or any(p.error for p in report.polled)
    raise typer.Exit(EXIT_FAILED if failed else 0)


def _run_with_progress(requested: list[str], sources: list[Source], settings: object) -> RunReport:
    from sqlalchemy.exc import SQLAlchemyError

    from newswire.pipeline import EmbeddedSettings, run_embedded
    from newswire_contracts import DeadLetterV1, EventsExtractedV1

    assert isinstance(settings, EmbeddedSettings)
    stored = Table(title="Stored articles", title_justify="left")
    for column in ("events", "title", "url"):
        stored.add_column(column, overflow="fold")
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("fetching", total=None)

        def on_requested(count: int) -> None:
            progress.update(task, total=count)

        def on_stored(msg: EventsExtractedV1) -> None:
            title = msg.article.title or "—"
            stored.add_row(str(len(msg.events)), escape(title), escape(msg.article.url))
            progress.update(task, advance=1, description=escape(title[:50]))

        def on_dead_letter(letter: DeadLetterV1) -> None:
            progress.update(task, advance=1)

        try:
            report = asyncio.run(
                run_embedded(
                    requested,
                    settings,
                    sources=sources,
                    on_requested=on_requested,
                    on_stored=on_stored,
                    on_dead_letter=on_dead_letter,
                )
            )
        except (OSError, SQLAlchemyError) as exc:
            fail(f"cannot use the store or the fetcher's state: {exc}", code=EXIT_UNAVAILABLE)
    if stored.row_count:
        out.print(stored)
    return report


def _summarise(report: RunReport) -> None:
    for outcome in report.polled:
        if outcome.error:
            error(f"{outcome.source_id}: {outcome.error}", label="source failed")
        else:
            err.print(
                f"{escape(outcome.source_id)}: {outcome.listed} listed, {outcome.requested} new",
                highlight=False,
            )
    for letter in report.dead_letters:
        where = letter.original_key or letter.original_topic
        error(f"{where}: {letter.service}: {letter.error}", label="not stored")
    err.print(
        f"{report.requested} requested, {report.stored} stored with {report.events} events, "
        f"{len(report.dead_letters)} failed",
        highlight=False,
    )


@app.command()
def submit(
    urls: Annotated[list[str], typer.Argument(help="Article URLs (http or https).")],
    bootstrap: Annotated[
        str,
        typer.Option(envvar="NEWSWIRE_KAFKA_BOOTSTRAP", help="Kafka bootstrap servers."),
    ] = "127.0.0.1:9092",
    prefix: Annotated[
        str, typer.Option(envvar="NEWSWIRE_TOPIC_PREFIX", help="The deployment's topic prefix.")
    ] = "newswire.",
    source: Annotated[str, typer.Option(help="Recorded as the requests' source.")] = "cli",
    timeout: Annotated[float, typer.Option(min=1, help="Seconds to reach the broker.")] = 15.0,
) -> None:
    """Publish a FetchRequestedV1 per URL to a running Kafka deployment (exit 3 if unreachable)."""
    from newswire_contracts import FetchRequestedV1

    requests = [FetchRequestedV1(url=url, source=source) for url in _checked_urls(urls)]
    try:
        asyncio.run(_publish(requests, bootstrap, prefix, timeout))
    except Exception as exc:  # aiokafka's errors have no common base beyond this
        fail(f"cannot publish to Kafka at {bootstrap}: {exc or type(exc).__name__}", code=3)
    err.print(
        f"submitted {len(requests)} fetch request(s) to {prefix}fetch.requested.v1", highlight=False
    )


async def _publish(
    requests: list[FetchRequestedV1], bootstrap: str, prefix: str, wait_s: float
) -> None:
    from aiokafka import AIOKafkaProducer

    from newswire_contracts.topics import FETCH_REQUESTED, topic

    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        enable_idempotence=True,
        request_timeout_ms=int(wait_s * 1000),
        client_id="newswire-cli",
    )
    try:
        await asyncio.wait_for(producer.start(), wait_s)
        for request in requests:
            await asyncio.wait_for(
                producer.send_and_wait(
                    topic(FETCH_REQUESTED, prefix),
                    request.model_dump_json().encode(),
                    key=request.url.encode(),
                    headers=[("content-type", b"application/json")],
                ),
                wait_s,
            )
    finally:
        await producer.stop()
