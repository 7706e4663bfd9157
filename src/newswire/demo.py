"""`newswire demo`: the sample site served on loopback, processed end to end in one process.

The site is served on a fixed port when it is free, so its URLs, and with them the article and
event ids, are the same on every run: re-running the demo over a store adds nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newswire import render
from newswire.cli.console import error, warn
from newswire.cli.database import sqlite_file
from newswire.pipeline import EmbeddedSettings, read_feed, run_embedded
from newswire.site_server import serve_site
from newswire_contracts import DeadLetterV1, EventsExtractedV1
from newswire_store import EventStore

# The sample site's port: fixed, so the demo's URLs and ids are stable from run to run.
SITE_PORT = 47_811


@contextlib.contextmanager
def _site(port: int) -> Iterator[str]:
    try:
        server = serve_site(port=port)
        base = server.__enter__()
    except OSError:
        warn(
            f"port {port} is busy; serving on another port, so articles already in the store "
            "from earlier demos get new ids (choose a free one with --site-port)"
        )
        with serve_site() as base:
            yield base
        return
    try:
        yield base
    finally:
        server.__exit__(None, None, None)


async def _run(url: str, port: int, out: Console, err: Console) -> int:
    started = time.perf_counter()
    with _site(port) as base:
        err.print(f"[bold]Sample news site[/] serving on {base}")
        async with httpx.AsyncClient(trust_env=False) as client:
            links = await read_feed(client, f"{base}/feed.xml")
        err.print(f"Feed lists {len(links)} articles; fetching, extracting and storing…")
        # The site is ours and on loopback: the address guard is told so, and no politeness
        # gap is needed between its pages. Everything else comes from NEWSWIRE_* as usual.
        settings = EmbeddedSettings.from_env(url, allow_hosts=["127.0.0.1"], min_host_delay_s=0)
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

            def dead(letter: DeadLetterV1) -> None:
                progress.update(task, advance=1)

            report = await run_embedded(links, settings, on_stored=advance, on_dead_letter=dead)
            progress.update(task, description="done")
    store = EventStore.from_url(url)
    try:
        events = await store.list_events(limit=10_000)
        n_articles, n_events = await store.count()
    finally:
        await store.close()
    out.print(render.events_table(events, title="Events extracted from the sample site"))
    for letter in report.dead_letters:
        error(f"{letter.service}: {letter.error}", label="dead letter")
    elapsed = time.perf_counter() - started
    where = sqlite_file(url) or "the store"
    out.print(
        f"{n_articles} articles and {n_events} events stored in [bold]{where}[/] "
        f"({elapsed:.1f} s). List them again with: newswire events"
    )
    return 1 if report.stored == 0 else 0


def run_demo(url: str, *, fresh: bool, out: Console, err: Console, port: int = SITE_PORT) -> int:
    db = sqlite_file(url)
    if fresh and db is not None and db.exists():
        db.unlink()
    return asyncio.run(_run(url, port, out, err))
