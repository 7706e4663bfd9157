"""The relevance gate's own cross-validated figures, if its trainer left a metrics JSON next to
the model under services/extractor (reported as found; skipped when there is none)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_WANTED = {"precision", "recall", "f1", "threshold", "support", "accuracy", "n", "folds"}


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
        if any(w in leaf for w in _WANTED):
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
    _flatten(data, "", figures)
    return {"path": str(path.relative_to(root)), "figures": figures}
