"""`newswire demo`: the bundled sample site processed end to end in this process."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newswire.cli.console import err, out
from newswire.cli.store import DatabaseUrl

app = typer.Typer()


@app.command()
def demo(
    db: Annotated[Path | None, typer.Option(help="SQLite file for the results.")] = None,
    db_url: DatabaseUrl = None,
    fresh: Annotated[
        bool, typer.Option(help="Delete the SQLite store first (re-running adds nothing anyway).")
    ] = False,
    site_port: Annotated[
        int,
        typer.Option(min=1, max=65535, help="Loopback port of the sample site; keep it fixed."),
    ] = 47_811,
) -> None:
    """Serve the bundled sample news site on 127.0.0.1 and run the whole pipeline in-process."""
    from newswire.cli.database import resolve
    from newswire.demo import run_demo
    from newswire_runtime.sql import sqlite_url

    url = sqlite_url(db) if db is not None else resolve(db_url)
    raise typer.Exit(run_demo(url, fresh=fresh, out=out, err=err, port=site_port))
