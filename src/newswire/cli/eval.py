"""`newswire eval parse` and `newswire eval extract`: score the fetcher's parser on its gold
corpus, and the extractor on the team gold articles and the PLOVER dev set."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from newswire.cli.console import err, out

app = typer.Typer()
eval_app = typer.Typer(no_args_is_help=True, help="Score the pipeline against gold corpora.")
app.add_typer(eval_app, name="eval")
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
    from newswire.measure.parse_eval import evaluate, load_corpus, measure_speed

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
        ("day as published (no conversion)", summary.published_day_accuracy),
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


@eval_app.command("extract")
def evaluate_command(
    team: Annotated[
        Path | None,
        typer.Option(help="Team gold JSONL (default: bench/extractor/gold/team.jsonl)."),
    ] = None,
    dev: Annotated[
        Path | None,
        typer.Option(
            envvar="NEWSWIRE_EVAL_DEV",
            help="PLOVER GSR dev JSONL (default: ../shared/eval-dev/ beside the repository).",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(help="Write the Markdown report here (e.g. docs/extractor-eval.md)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Summary as JSON on stdout.")] = False,
    model: Annotated[
        str | None, typer.Option(help="spaCy model (default NEWSWIRE_EXTRACTOR_SPACY_MODEL).")
    ] = None,
    corpora: Annotated[
        bool,
        typer.Option(
            "--corpora",
            help="Also the corpus measures (BBC non-politics over-coding, ConfliBERT CAMEO "
            "classes and spans, main-event recall, gate figures); a few minutes.",
        ),
    ] = False,
    shared: Annotated[
        Path | None,
        typer.Option(envvar="NEWSWIRE_SHARED", help="Shared folder (default: ../shared)."),
    ] = None,
    bbc_sample: Annotated[
        int, typer.Option(min=0, help="BBC non-politics articles to sample (0: all).")
    ] = 200,
    corpora_report: Annotated[
        Path | None,
        typer.Option(help="Write the corpus measures here instead of appending them to --report."),
    ] = None,
) -> None:
    """Type accuracy and macro-F1, per-type F1, confusions, actor/target F1, places, dates,
    quantities and quotes of the rules backend on each gold set."""
    from newswire.measure.extract_eval import (
        evaluate,
        load_dev_set,
        load_team_gold,
        render,
        summary,
    )
    from newswire.measure.extract_eval.paths import default_dev_set, default_team_gold, repo_root
    from newswire_extractor.bootstrap import build_service
    from newswire_extractor.settings import ExtractorSettings

    root = repo_root()
    team = team or default_team_gold(root)
    dev = dev or default_dev_set(root)
    sets = []
    if team is None or not team.is_file():
        raise typer.BadParameter(f"team gold not found ({team}); give --team FILE")
    sets.append(("team articles", team, load_team_gold(team)))
    if dev is not None and dev.is_file():
        sets.append(("PLOVER GSR dev sentences", dev, load_dev_set(dev)))
    else:
        err.print(
            f"[yellow]dev set not found[/] at {dev}: expected ../shared/eval-dev/ beside the "
            "repository (or --dev FILE / NEWSWIRE_EVAL_DEV); scoring the team gold only"
        )
    # The extractor the services build (NEWSWIRE_EXTRACTOR_*), so the figures are theirs.
    settings = ExtractorSettings()
    if model is not None:
        settings = settings.model_copy(update={"spacy_model": model})
    extractor = build_service(settings).extractor
    extractor.load()
    model = settings.spacy_model
    results = {}
    scores = []
    for name, path, documents in sets:
        evaluation = evaluate(name, extractor, documents)
        scores.append(evaluation.score)
        results[name] = {
            "path": str(path),
            "seconds": round(evaluation.seconds, 2),
            **summary(evaluation.score),
        }
        err.print(f"{name}: {len(documents)} documents in {evaluation.seconds:.1f} s")
    section = _corpus_measures(shared, bbc_sample, results) if corpora else ""
    if section and corpora_report is not None:
        corpora_report.write_text("# Extractor corpus measures\n\n" + section, "utf-8")
        err.print(f"wrote {corpora_report}")
        section = ""
    if report is not None:
        text = render(scores, header=_header(extractor.name, model))
        report.write_text(text.rstrip("\n") + "\n\n" + section if section else text, "utf-8")
        err.print(f"wrote {report}")
    if as_json:
        sys.stdout.write(json.dumps(results, indent=2) + "\n")
    else:
        for name, figures in results.items():
            err.print(f"[bold]{name}[/]")
            for key, value in figures.items():
                err.print(f"  {key}: {value}")


@eval_app.command("main-events")
def main_events_command(
    which: Annotated[
        str,
        typer.Option(
            "--list",
            help="dev (bench/audit/main_events_dev.jsonl), measure (main_events.jsonl) or both.",
        ),
    ] = "both",
    why: Annotated[
        bool,
        typer.Option(
            "--why",
            help="Per missed event: the article's events of its type and the dropped "
            "candidates of its type, with the stage and reason that dropped them.",
        ),
    ] = False,
    shared: Annotated[
        Path | None,
        typer.Option(envvar="NEWSWIRE_SHARED", help="Shared folder (default: ../shared)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
) -> None:
    """Recall of the hand-listed main events only (the part of `eval extract --corpora` that
    takes seconds): develop on the dev list; the measure is reported, not tuned on."""
    from newswire.measure.corpora import CorpusError, repo_root, shared_dir
    from newswire.measure.suite import run_main_events

    keys = {"dev": ["main_events_dev"], "measure": ["main_events"]}.get(
        which, ["main_events_dev", "main_events"] if which == "both" else []
    )
    if not keys:
        raise typer.BadParameter(f"--list must be dev, measure or both, not {which!r}")
    try:
        results = run_main_events(shared_dir(shared), repo_root(), lists=keys, why=why)
    except (CorpusError, KeyError) as exc:
        err.print(f"[red]main-event recall failed[/]: {exc}")
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(json.dumps(results, indent=2) + "\n")
        return
    for key in keys:
        m = results[key]
        out.print(
            f"[bold]{m['set']}[/]: {m['type_actor_date_found']}/{m['main_events']} "
            f"type+actor(+date) {m['type_actor_date']}; +target "
            f"{m['type_actor_target_date']}; no date {m['type_actor']}"
        )
        for miss, lines in m.get("why", {}).items():
            out.print(f"  missed {miss}")
            for line in lines:
                out.print(f"    {line}", markup=False, highlight=False)


def _corpus_measures(
    shared: Path | None, bbc_sample: int, results: dict[str, dict[str, Any]]
) -> str:
    """Run the corpus measures into ``results["corpora"]``; their Markdown section."""
    from newswire.measure.corpora import CorpusError, repo_root, shared_dir
    from newswire.measure.suite import render_section, run_corpus_measures

    folder = shared_dir(shared)
    try:
        figures = run_corpus_measures(
            folder, repo_root(), bbc_sample=bbc_sample, log=lambda m: err.print(m)
        )
    except CorpusError as exc:
        err.print(f"[yellow]corpus measures skipped[/]: {exc}")
        return ""
    results["corpora"] = figures
    return render_section(figures)


def _header(backend: str, model: str) -> str:
    from newswire.measure.extract_eval.report import METHOD

    return (
        "# Extractor evaluation\n\n"
        f"Backend `{backend}`, spaCy model `{model}`. Written by "
        "`uv run newswire eval extract --report docs/extractor-eval.md` (the team gold is "
        "`bench/extractor/gold/team.jsonl`; the dev set is read from `../shared/eval-dev/` "
        "beside the repository and is not copied into it).\n\n" + METHOD
    )
