"""Reads the TOML data files that ship inside the package."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def load_toml(package: str, name: str) -> dict[str, Any]:
    """Parse ``data/<name>`` of ``package`` (a dotted package name)."""
    text = (resources.files(package) / "data" / name).read_text(encoding="utf-8")
    return tomllib.loads(text)
