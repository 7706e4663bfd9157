"""`newswire sources check`: validate the fetcher's sources file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newswire.cli.console import error, out

app = typer.Typer()
sources_app = typer.Typer(no_args_is_help=True, help="The fetcher's sources file.")
app.add_typer(sources_app, name="sources")


@sources_app.command("check")
def sources_check(
    path: Annotated[Path, typer.Argument(help="The TOML sources file.")],
) -> None:
    """Validate a sources file and list what the fetcher would poll."""
    from newswire_fetcher.sources import SourcesError, load_sources

    try:
        sources = load_sources(path)
    except SourcesError as exc:
        error(exc, label="invalid sources file")
        raise typer.Exit(1) from exc
    table = Table(title=f"{len(sources)} source(s) in {path}")
    for column in ("id", "kind", "url", "every", "max age"):
        table.add_column(column)
    for source in sources:
        table.add_row(
            source.source_id,
            source.kind,
            source.url,
            f"{source.interval_s:.0f}s",
            f"{source.max_age_s:.0f}s" if source.max_age_s else "-",
        )
    out.print(table)
