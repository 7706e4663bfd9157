"""The command line's one console module: results on stdout; progress and errors on stderr.

Every command prints through these, so the width rules are the same everywhere and an error is
always one line, whatever the terminal width or the length of the paths in it.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

# Exit statuses of every command (README, "Exit statuses"); 2 is Click's usage error.
EXIT_OK = 0
EXIT_FAILED = 1  # some inputs failed: bad lines, unparseable pages, dead letters
EXIT_USAGE = 2  # a bad option, argument or input file
EXIT_UNAVAILABLE = 3  # the store, the broker or the model cannot be used

# Piped output keeps wide tables readable instead of wrapping at 80 columns.
out = Console(width=None if sys.stdout.isatty() else 160)
# soft_wrap: messages are never hard-wrapped at the terminal width.
err = Console(stderr=True, soft_wrap=True)


def one_line(message: object) -> str:
    """``message`` as one line: newlines and runs of blanks become single spaces."""
    return " ".join(str(message).split())


def error(message: object, *, label: str = "error") -> None:
    """Print ``label: message`` on one stderr line; the message is never read as Rich markup."""
    err.print(f"[red]{escape(label)}[/]: {escape(one_line(message))}", highlight=False)


def warn(message: object) -> None:
    """Print ``warning: message`` on one stderr line."""
    err.print(f"[yellow]warning[/]: {escape(one_line(message))}", highlight=False)


def fail(message: object, *, code: int) -> NoReturn:
    """Print a one-line error and leave with exit status ``code``."""
    error(message)
    raise typer.Exit(code)


def emit(obj: dict[str, Any]) -> None:
    """One JSON object per stdout line (flushed, so a pipe sees each result as it comes)."""
    try:
        line = json.dumps(obj, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or Infinity: not JSON, so never written as if it were
        line = json.dumps({"id": obj.get("id"), "error": "result holds a non-finite number"})
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
