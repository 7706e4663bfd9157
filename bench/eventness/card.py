"""Write the event filter's model card from the shipped model and its measured figures.

uv run python bench/eventness/card.py > docs/event-filter-model.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from string import Template
from typing import Any

from newswire_extractor.eventness import load_event_metrics, load_event_model

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "card_template.md"
GUARD = HERE / "guard.json"


def _table(
    rows: list[dict[str, Any]], chosen: float, target: float | None, *, lowest: bool = True
) -> str:
    head = "| threshold | precision (mean of 5 seeds) | lowest of the 5 | recall | events kept |"
    if not lowest:
        head = "| threshold | precision | recall | events kept |"
    lines = [head, "|---|---|---|---|---|" if lowest else "|---|---|---|---|"]
    for row in rows:
        mark = " **(shipped)**" if row["threshold"] == chosen else ""
        if target is not None and row["threshold"] == target and target != chosen:
            mark = " (first to reach the target)"
        precision = row["precision"]
        shown = "–" if precision != precision else f"{precision:.3f}"  # NaN: nothing kept
        low = ""
        if lowest:
            worst = row["precision_min"]
            low = f" {'–' if worst != worst else f'{worst:.3f}'} |"
        lines.append(
            f"| {row['threshold']:.2f}{mark} | {shown} |{low} {row['recall']:.3f}"
            f" | {row['kept']:.3f} |"
        )
    return "\n".join(lines)


def _guard(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| threshold | team type acc. | team macro-F1 | team actor F1 | team quantity recall"
        " | dev type acc. | dev macro-F1 | dev actor F1 | below a floor |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        team, dev = row["team"], row["dev"]
        failed = [f.split(" <")[0] for f in row["below_floor"]]
        if not row["acceptance_article"]:
            failed.append("Istanbul acceptance article")
        if not row.get("demo_page", True):
            failed.append("demo site's Istanbul page")
        label = "off" if row["threshold"] is None else f"{row['threshold']:.2f}"
        lines.append(
            f"| {label} | {team['type_accuracy']:.3f} | {team['type_macro_f1']:.3f}"
            f" | {team['actor_f1']:.3f} | {team['quantity_recall']:.3f}"
            f" | {dev['type_accuracy']:.3f} | {dev['type_macro_f1']:.3f} | {dev['actor_f1']:.3f}"
            f" | {', '.join(failed) or 'none'} |"
        )
    return "\n".join(lines)


def _weights(pairs: list[list[Any]]) -> str:
    return ", ".join(f"`{name}` {weight:+.2f}" for name, weight in pairs)


def main() -> int:
    model = load_event_model()
    metrics = load_event_metrics()
    cv = metrics["cross_validation"]
    trained = model.meta["trained"]
    events = metrics["train_half_events"]
    real = metrics["real_news"]
    per_set = "\n".join(
        f"| {name} | {v['articles']} | {v['events_before']:.2f} | {v['events_after']:.2f} |"
        f" {v['kept_fraction']:.3f} |"
        for name, v in sorted(events.items())
    )
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        name=model.name,
        threshold=f"{model.threshold:.2f}",
        target_threshold=f"{cv.get('target_threshold', cv['threshold']):.2f}",
        labels=metrics["labels"]["total"],
        matched=metrics["labels"]["matched"],
        real=metrics["labels"]["real"],
        base_rate=f"{cv['base_rate']:.3f}",
        articles=trained["articles"],
        **{
            f"{short}_{key}": metrics["labels"]["by_set"][name][key]
            for short, name in (("syn", "ngec-synthetic"), ("team", "team-written"))
            for key in ("matched", "real", "articles")
        },
        team_auc=f"{cv['team_auc']:.3f}",
        real_auc_tied=", ".join(f"C = {c}: {a:.3f}" for c, a in cv["real_auc_of_tied_c"].items()),
        c=trained["c"],
        features=len(model.weights),
        auc=f"{cv['auc']:.3f}",
        auc_low=f"{cv['auc_range'][0]:.3f}",
        auc_high=f"{cv['auc_range'][1]:.3f}",
        auc_by_c=", ".join(f"C = {c}: {a:.3f}" for c, a in cv["auc_by_c"].items()),
        table=_table(cv["table"], model.threshold, cv.get("target_threshold")),
        per_set=per_set,
        m_total=real["labels"],
        r_labels=real["labels"],
        r_articles=real["articles"],
        r_real=real["real"],
        r_base=f"{real['base_rate']:.3f}",
        r_auc=f"{real['auc']:.3f}",
        r_table=_table(real["table"], model.threshold, real["target_threshold"], lowest=False),
        r_target=(
            f"**{real['target_threshold']:.2f}**"
            if real["target_threshold"] is not None
            else "no threshold reaches it"
        ),
        guard=_guard(json.loads(GUARD.read_text(encoding="utf-8"))) if GUARD.is_file() else "",
        negative=_weights(metrics["most_negative"]),
        positive=_weights(metrics["most_positive"]),
        commit=trained["commit"],
        created=trained["created"],
    )
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
