"""`newswire fetch` (embedded: fetcher, extractor and store in this process) and `newswire
submit` (fetch requests to a running Kafka deployment)."""

from __future__ import annotations

import typer

app = typer.Typer()
