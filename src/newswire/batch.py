"""Batch parse and extract over JSON Lines: one output line per input; bad lines are reported."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.progress import Progress

from newswire_contracts import ArticleV1, article_id_for
from newswire_extractor.rules import RulesExtractor
from newswire_fetcher.parse import parse_html

Emit = Callable[[dict[str, Any]], None]
ParseRecord = tuple[str, str, str | bytes] | str


def _article_json(article: ArticleV1) -> dict[str, Any]:
    return article.model_dump(mode="json")


def parse_records(records: Sequence[ParseRecord], emit: Emit, err: Console) -> int:
    """Parse (id, url, html) records; a string record is an input error. Returns failures."""
    failed = 0
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("parsing", total=len(records))
        for record in records:
            progress.advance(task)
            if isinstance(record, str):
                err.print(f"[red]error[/] {record}")
                emit({"id": None, "error": record})
                failed += 1
                continue
            rid, url, html = record
            try:
                article = parse_html(html, url)
            except ValueError as exc:
                err.print(f"[red]error[/] {rid}: {exc}")
                emit({"id": rid, "error": str(exc)})
                failed += 1
                continue
            emit({"id": rid, **_article_json(article)})
    return failed


def _result_json(extraction: Any) -> dict[str, Any]:
    return {
        "events": [e.model_dump(mode="json") for e in extraction.events],
        "quotes": [q.model_dump(mode="json") for q in extraction.quotes],
        "entities": [e.model_dump(mode="json") for e in extraction.entities],
    }


def _published(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError(f"published_at {value!r} has no time zone")
    return parsed


def extract_records(
    lines: Sequence[tuple[int, dict[str, Any] | str]], emit: Emit, err: Console, model: str
) -> int:
    """Extract events from {"id","text","published_at"?,"title"?} records. Returns failures."""
    extractor = RulesExtractor(model)
    failed = 0
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(lines))
        for number, obj in lines:
            progress.advance(task)
            if isinstance(obj, str):
                err.print(f"[red]error[/] {obj}")
                emit({"id": None, "error": obj})
                failed += 1
                continue
            rid = obj.get("id")
            try:
                text = obj["text"]
                if not isinstance(text, str):
                    raise ValueError("'text' must be a string")
                result = extractor.extract(
                    text,
                    article_id=str(rid) if rid is not None else article_id_for(text),
                    published_at=_published(obj.get("published_at")),
                    title=obj.get("title"),
                )
            except (KeyError, ValueError) as exc:
                reason = (
                    f"line {number}: missing {exc}"
                    if isinstance(exc, KeyError)
                    else (f"line {number}: {exc}")
                )
                err.print(f"[red]error[/] {reason}")
                emit({"id": rid, "error": reason})
                failed += 1
                continue
            emit({"id": rid, **_result_json(result)})
    return failed


def extract_html(html: bytes, url: str, model: str) -> dict[str, Any]:
    article = parse_html(html, url)
    result = RulesExtractor(model).extract(
        article.text,
        article_id=article.article_id,
        published_at=article.published_at,
        title=article.title,
    )
    return {"article": _article_json(article), **_result_json(result)}
