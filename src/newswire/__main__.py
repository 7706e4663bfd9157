"""`python -m newswire` runs the CLI."""

from newswire.cli import app

app(prog_name="newswire")
