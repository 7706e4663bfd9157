"""The command line's consoles: results on stdout; progress and one-line errors on stderr."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape

# Piped output keeps wide tables readable instead of wrapping at 80 columns.
out = Console(width=None if sys.stdout.isatty() else 160)
# soft_wrap: messages are never hard-wrapped at the terminal width, so an error stays one line
# whatever the width or the length of the paths in it.
err = Console(stderr=True, soft_wrap=True)


def one_line(message: object) -> str:
    """``message`` as one line: newlines and runs of blanks become single spaces."""
    return " ".join(str(message).split())


def error(message: object, *, label: str = "error") -> None:
    """Print ``label: message`` on one stderr line; the message is never read as Rich markup."""
    err.print(f"[red]{escape(label)}[/]: {escape(one_line(message))}", highlight=False)
