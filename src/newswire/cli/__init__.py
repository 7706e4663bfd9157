"""The `newswire` command: a root Typer app; each group of commands lives in its own module.

Modules define their own Typer apps and never import this one, so there are no import cycles;
they all print through newswire.cli.console.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from newswire.cli import batch, demo, ingest, services, sources, store
from newswire.cli import eval as evaluation
from newswire.cli.console import out

# rich_markup_mode=None: Click prints usage errors as one "Error: …" line instead of a panel
# wrapped at the terminal width.
app = typer.Typer(
    no_args_is_help=True,
    help="Newswire: news articles to verifiable event data.",
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
)
for group in (services, ingest, batch, store, demo, sources, evaluation):
    app.add_typer(group.app)


def _version(show: bool) -> None:
    if show:
        try:
            out.print(f"newswire {version('newswire')}", highlight=False)
        except PackageNotFoundError:
            out.print("newswire (not installed)")
        raise typer.Exit()


@app.callback()
def main(
    _version_flag: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Newswire: news articles to verifiable event data."""
