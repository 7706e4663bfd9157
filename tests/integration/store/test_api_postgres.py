"""The read API suite (tests/unit/store/test_api.py) run against PostgreSQL.

The test functions and fixtures are loaded from that module, so both databases are held to the
same bodies; ``store_url`` comes from this directory's conftest and points at a fresh database.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SUITE = Path(__file__).parents[2] / "unit" / "store" / "test_api.py"


def _load_suite() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_api_suite_on_postgres", SUITE)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the store suite from {SUITE}")
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while the module body runs.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# The equivalent of ``from test_event_store import *``: tests, fixtures and helpers alike.
globals().update({k: v for k, v in vars(_load_suite()).items() if not k.startswith("__")})

pytestmark = pytest.mark.integration
