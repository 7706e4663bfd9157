"""Write docs/relevance-model.md from the shipped model's metadata and measured figures.

    uv run python bench/relevance/card.py > docs/relevance-model.md

The prose is card_template.md; every number comes from relevance-model.json and
relevance-metrics.json, which bench/relevance/train.py writes, so card and model agree.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

from newswire_extractor.relevance import load_relevance_metrics, load_relevance_model
from newswire_extractor.relevance.model import MODEL_NPZ

TEMPLATE = Path(__file__).with_name("card_template.md")


def table_rows(rows: list[list[str]]) -> str:
    return "".join("| " + " | ".join(row) + " |\n" for row in rows)


def main() -> int:
    model = load_relevance_model()
    metrics: dict[str, Any] = load_relevance_metrics()
    meta = model.meta
    cv = metrics["cross_validation"]
    external = metrics["external"]
    per_class = table_rows(
        [
            [
                name,
                f"{v['precision']:.3f}",
                f"{v['recall']:.3f}",
                f"{v['f1']:.3f}",
                str(v["support"]),
            ]
            for name, v in cv["per_class"].items()
        ]
    )
    ext = table_rows([[name, str(v["n"]), f"{v['passed']:.3f}"] for name, v in external.items()])
    sweep = table_rows(
        [
            [
                f"{r['threshold']:.2f}",
                f"{r['bbc_politics']:.3f}",
                f"{r['bbc_other']:.3f}",
                f"{r['guardian_dev']:.3f}",
            ]
            for r in metrics["threshold_sweep"]
        ]
    )
    records = meta["training"]["records"]
    sources = meta["training"]["sources"] | metrics["measurement_sources"]
    size = len((resources.files("newswire_extractor.relevance") / "data" / MODEL_NPZ).read_bytes())
    sys.stdout.write(
        TEMPLATE.read_text(encoding="utf-8").format(
            name=model.name,
            threshold=model.threshold,
            min_words=metrics["min_words"],
            C=meta["training"]["C"],
            seed=meta["training"]["seed"],
            classes=", ".join(model.classes),
            buckets=model.n_buckets,
            used=model.used_buckets,
            size_kb=round(size / 1024),
            drift=metrics["float16_max_score_drift"],
            fjty_source=sources["fjty-filter"].split()[1],
            ngec_source=sources["ngec-synthetic"].split()[1],
            bbc_source=sources["bbc-news"].split()[1],
            guardian_source=sources["guardian-dev"].split()[1],
            n_fjty=records["fjty-filter (CC BY-SA)"],
            n_ngec=records["ngec-synthetic (sample)"],
            n_bbc=external["bbc_politics"]["n"] + external["bbc_other"]["n"],
            n_guardian=external["guardian_dev"]["n"],
            n_team=external["team_gold_with_events"]["n"]
            + external["team_gold_without_events"]["n"],
            folds=cv["folds"],
            per_class=per_class,
            bin_p=cv["codeable_at_threshold"]["precision"],
            bin_r=cv["codeable_at_threshold"]["recall"],
            bin_n=cv["codeable_at_threshold"]["support"],
            fjty_p=cv["codeable_at_threshold_fjty_only"]["precision"],
            fjty_r=cv["codeable_at_threshold_fjty_only"]["recall"],
            fjty_n=cv["codeable_at_threshold_fjty_only"]["support"],
            accuracy=cv["accuracy"],
            external=ext,
            bbc_other_labels=", ".join(
                f"{k} {v}" for k, v in external["bbc_other"]["labels"].items()
            ),
            sweep=sweep,
            guardian_pct=f"{external['guardian_dev']['passed']:.1%}",
            g_ms=metrics["timing"]["guardian_dev"]["median_ms"],
            g_words=metrics["timing"]["guardian_dev"]["median_words"],
            g_p95=metrics["timing"]["guardian_dev"]["p95_ms"],
            g_max=metrics["timing"]["guardian_dev"]["max_ms"],
            g_max_words=metrics["timing"]["guardian_dev"]["max_words"],
            b_ms=metrics["timing"]["bbc"]["median_ms"],
            b_words=metrics["timing"]["bbc"]["median_words"],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
