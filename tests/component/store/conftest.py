"""Fixtures for the store's component tests; the sample articles come from tests/unit/store."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "unit" / "store"))
