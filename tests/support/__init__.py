"""Helpers the test suites share, imported as ``tests.support.<module>`` (pytest puts the repo
root on sys.path through ``pythonpath`` in pyproject.toml; test modules are not packages)."""
