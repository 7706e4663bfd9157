"""The relevance gate's own cross-validated figures, if its trainer left a metrics JSON next to
the model under services/extractor (reported as found; skipped when there is none)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_EXACT = {"n", "support", "folds", "passed", "threshold"}
_PART = ("precision", "recall", "f1", "accuracy")


def find_gate_metrics(root: Path) -> Path | None:
    base = root / "services" / "extractor"
    found = sorted(
        p
        for p in base.rglob("*.json")
        if "metric" in p.name.lower() and ("gate" in str(p).lower() or "relevan" in str(p).lower())
    )
    return found[0] if found else None


def _flatten(value: Any, prefix: str, out: dict[str, float]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        leaf = prefix.rsplit(".", 1)[-1].lower()
        if leaf in _EXACT or any(w in leaf for w in _PART):
            out[prefix] = value


def gate_metrics(root: Path) -> dict[str, Any] | None:
    """``{"path", "figures": {dotted key: number}}`` or None when no metrics file exists."""
    path = find_gate_metrics(root)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return {"path": str(path.relative_to(root)), "error": str(exc), "figures": {}}
    figures: dict[str, float] = {}
    cv = data.get("cross_validation") if isinstance(data, dict) else None
    per_class = cv.get("per_class") if isinstance(cv, dict) else None
    if isinstance(per_class, dict) and isinstance(cv, dict):  # the trainer's layout: per class
        _flatten({k: v for k, v in data.items() if k != "cross_validation"}, "", figures)
        _flatten({k: v for k, v in cv.items() if k != "per_class"}, "cross_validation", figures)
    else:
        _flatten(data, "", figures)
        per_class = None
    return {"path": str(path.relative_to(root)), "figures": figures, "per_class": per_class}
