"""`newswire eval parse` and `newswire sources check`: the fetcher's command-line tools."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newswire.console import err, error, out

app = typer.Typer(no_args_is_help=True)
eval_app = typer.Typer(no_args_is_help=True, help="Score the pipeline against gold corpora.")
sources_app = typer.Typer(no_args_is_help=True, help="The fetcher's sources file.")
app.add_typer(eval_app, name="eval")
app.add_typer(sources_app, name="sources")
DEFAULT_CORPUS = Path("bench/fetcher/corpus")


@eval_app.command("parse")
def eval_parse(
    corpus: Annotated[
        Path, typer.Option(help="Directory of NAME.html + NAME.json gold pairs.")
    ] = DEFAULT_CORPUS,
    rounds: Annotated[int, typer.Option(min=0, help="Timed rounds for pages/s (0: skip).")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Text F1 (4-token shingles), title/date/author/language accuracy and pages/s per core."""
    from newswire_fetcher.evaluate import evaluate, load_corpus, measure_speed

    pages = load_corpus(corpus)
    if not pages:
        raise typer.BadParameter(f"no NAME.json/NAME.html pairs in {corpus}")
    summary = evaluate(pages)
    speed = measure_speed(pages, rounds=rounds) if rounds else None
    if as_json:
        result = {"summary": asdict(summary), "speed": asdict(speed) if speed else None}
        typer.echo(json.dumps(result, indent=2))
        return
    table = Table(title=f"parse on {len(pages)} pages of {corpus}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for label, value in (
        ("text F1 (mean per page)", summary.text_f1),
        ("text precision", summary.text_precision),
        ("text recall", summary.text_recall),
        ("title accuracy", summary.title_accuracy),
        ("date accuracy (day)", summary.date_accuracy),
        ("date+time accuracy (minute)", summary.time_accuracy),
        ("author accuracy", summary.author_accuracy),
        ("language accuracy", summary.language_accuracy),
    ):
        table.add_row(label, f"{value:.4f}")
    if speed is not None:
        table.add_row("pages/s on one core", f"{speed.pages_per_second:.1f}")
    out.print(table)
    for score in summary.scores:
        if score.f1 < 0.96 or score.notes or score.error:
            detail = score.error or "; ".join(score.notes)
            err.print(f"{score.name}: F1 {score.f1:.3f} {detail}")


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
