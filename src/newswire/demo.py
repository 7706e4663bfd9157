"""`newswire demo`: the sample site served on loopback, processed end to end in one process."""

from __future__ import annotations

import asyncio
import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newswire import render
from newswire.cli.database import sqlite_file
from newswire.pipeline import read_feed, run_embedded
from newswire.site_server import serve_site
from newswire_contracts import EventsExtractedV1
from newswire_fetcher.service import create_client
from newswire_fetcher.settings import FetcherSettings
from newswire_store.repository import EventStore


async def _run(url: str, out: Console, err: Console) -> int:
    started = time.perf_counter()
    with serve_site() as base:
        err.print(f"[bold]Sample news site[/] serving on {base}")
        async with create_client(FetcherSettings(allow_hosts=["127.0.0.1"])) as client:
            links = await read_feed(client, f"{base}/feed.xml")
        err.print(f"Feed lists {len(links)} articles; fetching, extracting and storing…")
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
        ) as progress:
            task = progress.add_task("articles", total=len(links))

            def advance(msg: EventsExtractedV1) -> None:
                title = (msg.article.title or msg.article.url)[:60]
                progress.update(
                    task, advance=1, description=f"{len(msg.events):>2} events · {title}"
                )

            report = await run_embedded(links, url, on_stored=advance)
            progress.update(
                task, completed=report.stored + len(report.dead_letters), description="done"
            )
    store = EventStore.from_url(url)
    try:
        events = await store.list_events(limit=10_000)
        n_articles, n_events = await store.count()
    finally:
        await store.close()
    out.print(render.events_table(events, title="Events extracted from the sample site"))
    for letter in report.dead_letters:
        err.print(f"[red]dead letter[/] from {letter.service}: {letter.error}")
    elapsed = time.perf_counter() - started
    out.print(
        f"{n_articles} articles and {n_events} events stored in [bold]{sqlite_file(url) or url}[/] "
        f"({elapsed:.1f} s). List them again with: newswire events"
    )
    return 1 if report.stored == 0 else 0


def run_demo(url: str, *, fresh: bool, out: Console, err: Console) -> int:
    db = sqlite_file(url)
    if fresh and db is not None and db.exists():
        db.unlink()
    return asyncio.run(_run(url, out, err))
