"""The guard rails at each event filter threshold: team gold and PLOVER dev figures against their
floors (tests/component/extractor/test_eval_floors.py) and the Istanbul acceptance article.

    uv run python bench/eventness/guard.py [--thresholds 0.05 0.1 ...] [--json]
    uv run python bench/eventness/guard.py --out bench/eventness/guard.json   # for card.py

Prints, per threshold (and with the filter off), the figures the floors guard, whether each
holds, and whether the acceptance article (tests/unit/extractor/test_rules_acceptance.py) keeps
the events its test asks for; and whether the demo site's Istanbul page, as the CLI extracts it
(tests/component/cli/test_cli.py: headline first), keeps its CONSULT, REQUEST, REJECT and CONCEDE
and the quantities 400, 10 and 20,000; the highest threshold at which everything holds is the
highest the filter can ship at without moving a floor.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from newswire.measure.extract_eval import evaluate, load_dev_set, load_team_gold, summary
from newswire.measure.extract_eval.paths import default_dev_set, default_team_gold, repo_root
from newswire_extractor import RulesExtractor
from newswire_extractor.eventness import EventFilter

ROOT = repo_root(Path(__file__).resolve()) or Path.cwd()
FLOORS = ROOT / "tests/component/extractor/test_eval_floors.py"
ACCEPTANCE = ROOT / "tests/unit/extractor/test_rules_acceptance.py"
PUBLISHED = datetime(2025, 6, 3, 10, 0, tzinfo=UTC)  # as tests/unit/extractor/conftest.py
# What the acceptance test asks of the article: (type, trigger word) pairs by Russia/Ukraine.
WANTED = {
    ("CONSULT", None),
    ("REQUEST", None),
    ("REJECT", "dismissed"),
    ("CONCEDE", "acknowledged"),
}
DEMO_TYPES = {"CONSULT", "REQUEST", "REJECT", "CONCEDE"}
DEFAULT_THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _acceptance_text() -> str:
    source = ACCEPTANCE.read_text(encoding="utf-8")
    return source.split('ARTICLE = """', 1)[1].split('"""', 1)[0].replace("\\\n", "")


def _acceptance_holds(extractor: RulesExtractor, text: str) -> bool:
    events = extractor.extract(text, article_id="istanbul-1", published_at=PUBLISHED).events
    found = {(e.event_type, e.evidence.trigger.split()[0]) for e in events}
    types = {t for t, _ in found}
    quantities = {q.value for e in events for q in e.quantities}
    return (
        all((kind in types) if word is None else ((kind, word) in found) for kind, word in WANTED)
        and {400.0, 10.0, 20000.0} <= quantities
    )


def _demo_page() -> tuple[str, str, str, datetime | None]:
    """The demo site's Istanbul page as `newswire extract --html` reads it: id, text, title,
    publication time."""
    from newswire import demo_site
    from newswire.batch import local_article

    base = "http://news.example"
    page = next(p for p in demo_site.list_pages() if "istanbul" in p)
    html = demo_site.read_page(page, base)
    assert html is not None
    article = local_article(html, None, base + page)
    return article.article_id, article.text, article.title or "", article.published_at


def _demo_page_holds(
    extractor: RulesExtractor, page: tuple[str, str, str, datetime | None]
) -> bool:
    article_id, text, title, published = page
    events = extractor.extract(
        text, article_id=article_id, published_at=published, title=title
    ).events
    types = {e.event_type for e in events}
    quantities = {q.value for e in events for q in e.quantities}
    return types >= DEMO_TYPES and {400.0, 10.0, 20000.0} <= quantities


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--thresholds", type=float, nargs="*", default=list(DEFAULT_THRESHOLDS))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--out", type=Path, help="also write them to this JSON file (for card.py)")
    args = ap.parse_args(argv)
    floors = _module(FLOORS)
    team_path, dev_path = default_team_gold(ROOT), default_dev_set(ROOT)
    if team_path is None or dev_path is None or not dev_path.is_file():
        print(
            "error: team gold or ../shared/eval-dev/plover_gsr_dev.jsonl not found", file=sys.stderr
        )
        return 2
    team, dev = load_team_gold(team_path), load_dev_set(dev_path)
    article = _acceptance_text()
    page = _demo_page()
    rows: list[dict[str, Any]] = []
    for threshold in [None, *args.thresholds]:
        extractor = RulesExtractor(
            event_filter=EventFilter(enabled=threshold is not None, threshold=threshold)
        )
        extractor.load()
        team_figures = summary(evaluate("team", extractor, team).score)
        dev_figures = summary(evaluate("dev", extractor, dev).score)
        low = [
            f"team {k} {team_figures[k]:.3f} < {v}"
            for k, v in floors.TEAM_FLOORS.items()
            if team_figures[k] < v
        ] + [
            f"dev {k} {dev_figures[k]:.3f} < {v}"
            for k, v in floors.DEV_FLOORS.items()
            if dev_figures[k] < v
        ]
        accepted = _acceptance_holds(extractor, article)
        demo = _demo_page_holds(extractor, page)
        rows.append(
            {
                "threshold": threshold,
                "team": {k: round(team_figures[k], 3) for k in floors.TEAM_FLOORS},
                "dev": {k: round(dev_figures[k], 3) for k in floors.DEV_FLOORS},
                "below_floor": low,
                "acceptance_article": accepted,
                "demo_page": demo,
            }
        )
        label = "off" if threshold is None else f"{threshold:.2f}"
        failed = low + ([] if accepted else ["acceptance article"])
        failed += [] if demo else ["demo page"]
        status = "ok" if not failed else "; ".join(failed)
        print(
            f"{label}: team type acc {team_figures['type_accuracy']:.3f}"
            f" macro-F1 {team_figures['type_macro_f1']:.3f}"
            f" | dev type acc {dev_figures['type_accuracy']:.3f}"
            f" macro-F1 {dev_figures['type_macro_f1']:.3f} | {status}",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(rows, indent=1))
    if args.out is not None:
        args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
