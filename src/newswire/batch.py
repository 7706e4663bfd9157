"""Batch parse and extract: exactly one JSON output line per input line, whatever the bytes.

Input is read as bytes, one line at a time with a size cap, so invalid UTF-8, lone surrogates,
NaN, huge numbers, deep nesting, wrong JSON types and oversized records each become one
``{"id", "error"}`` line and the run goes on. Local files are sources too: an article's ids come
from the URL the page declares (its canonical link), else from the file's path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

from newswire_contracts import ArticleV1, article_id_for

Emit = Callable[[dict[str, Any]], None]
RecordId = str | int | None
# The fetcher's own cap on a page body (FetcherSettings.max_bytes): no page it would accept is
# refused here, and nothing much larger reaches the parser.
MAX_RECORD_BYTES = 5 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
# Parsing a local file without a declared URL: relative links resolve under this base and are
# mapped back to file: URLs afterwards.
_LOCAL_BASE = "http://localhost"


class InputError(ValueError):
    """A record that cannot be processed as given; its message says why."""


@dataclass(frozen=True)
class Record:
    """One input line (or file): its fields, or why it cannot be read."""

    line: int
    id: RecordId = None
    fields: dict[str, Any] | None = None
    error: str | None = None


def read_jsonl(stream: IO[bytes], *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Record]:
    """Every line of a JSON Lines stream as a Record; never raises for what the bytes hold."""
    number = 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream)
            yield Record(
                number,
                error=f"line {number}: {size:,} bytes, over the limit of "
                f"{max_bytes:,} (--max-bytes)",
            )
            continue
        yield _decode_line(
            number, raw[len(_BOM) :] if number == 1 and raw.startswith(_BOM) else raw
        )


def _skip_line(stream: IO[bytes]) -> int:
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _decode_line(number: int, raw: bytes) -> Record:
    def failed(reason: str, rid: RecordId = None) -> Record:
        return Record(number, id=rid, error=f"line {number}: {reason}")

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return failed(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")
    if not line.strip():
        return failed("empty line")
    try:
        obj = json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return failed(f"not JSON: {exc.msg} at column {exc.colno}")
    except ValueError as exc:  # a number too long for int(), or NaN/Infinity
        return failed(f"not JSON: {_number_message(exc)}")
    except RecursionError:
        return failed("not JSON this program reads: nested too deeply")
    if not isinstance(obj, dict):
        return failed(f"expected a JSON object, got {_json_type(obj)}")
    rid = obj.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int | None):
        return failed(f"'id' must be a string or an integer, not {_json_type(rid)}")
    return Record(number, id=clean_text(rid) if isinstance(rid, str) else rid, fields=obj)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _number_message(exc: ValueError) -> str:
    message = str(exc)
    if "digits" in message:
        return "a number with more digits than this program reads (4,300)"
    return message


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def clean_text(value: str) -> str:
    """``value`` with lone surrogates (valid in JSON escapes, not in UTF-8) replaced by U+FFFD."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def field(obj: dict[str, Any], name: str, *, required: bool = False, kind: type = str) -> Any:
    """A record's field checked for type; strings come back cleaned."""
    if name not in obj or obj[name] is None:
        if required:
            raise InputError(f"missing '{name}'")
        return None
    value = obj[name]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InputError(f"'{name}' must be {_json_type(kind())}, not {_json_type(value)}")
    return clean_text(value) if isinstance(value, str) else value


def file_records(paths: Iterable[Path], *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Record]:
    """Local files as records ({"html": bytes, "path": Path}); unreadable ones as errors."""
    for number, path in enumerate(paths, 1):
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(f"{size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
            data = path.read_bytes()
        except (OSError, InputError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield Record(number, id=str(path), error=f"{path}: {reason}")
            continue
        yield Record(number, id=str(path), fields={"html": data, "path": path})


def local_article(html: str | bytes, path: Path | None, url: str | None = None) -> ArticleV1:
    """The article in a page that was not fetched: ids from ``url``, else from the URL the page
    declares (canonical link or og:url), else from the file's path, else from its content."""
    from newswire_fetcher.parse import parse_html

    url = url or declared_url(html)
    if url is not None:
        return parse_html(html, url)
    if path is not None:
        source = path.resolve().as_uri()
        stand_in = _LOCAL_BASE + quote(path.resolve().as_posix())
    else:
        data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
        digest = hashlib.sha256(data).hexdigest()
        source = f"urn:newswire:content:{digest}"
        stand_in = f"{_LOCAL_BASE}/content/{digest}"
    article = parse_html(html, stand_in)
    image = article.image_url
    if image and image.startswith(_LOCAL_BASE + "/") and path is not None:
        image = "file://" + image[len(_LOCAL_BASE) :]
    elif image and image.startswith(_LOCAL_BASE + "/"):
        image = None
    return article.model_copy(
        update={
            "article_id": article_id_for(source),
            "url": source,
            "canonical_url": source,
            "image_url": image,
        }
    )


def declared_url(html: str | bytes) -> str | None:
    """The absolute http(s) URL a page declares for itself, if any."""
    from newswire_fetcher.encoding import decode_html
    from newswire_fetcher.metadata import read_metadata
    from newswire_fetcher.parse import ParseError, load_tree

    try:
        tree = load_tree(decode_html(html) if isinstance(html, bytes) else html)
    except ParseError:
        return None
    for candidate in read_metadata(tree).canonical:
        parts = urlsplit(candidate.strip())
        if parts.scheme in ("http", "https") and parts.hostname:
            return candidate.strip()
    return None


def parse_record(record: Record, url: str | None = None) -> dict[str, Any]:
    """A parse result line for one record: the article, or an error."""
    assert record.fields is not None
    fields = record.fields
    if "path" in fields:
        article = local_article(fields["html"], fields["path"], url)
    else:
        html = field(fields, "html", required=True)
        source = field(fields, "url")
        if source is not None and urlsplit(source).scheme not in ("http", "https"):
            raise InputError(f"'url' must be an http(s) URL, not {source[:200]!r}")
        article = local_article(html, None, source)
    return {"id": record.id, **article.model_dump(mode="json")}


def extract_record(record: Record, extractor: Any) -> dict[str, Any]:
    """An extract result line for a {"id","text","published_at"?,"title"?} record."""
    assert record.fields is not None
    text = field(record.fields, "text", required=True)
    published = _published(field(record.fields, "published_at"))
    title = field(record.fields, "title")
    rid = record.id
    result = extractor.extract(
        text,
        article_id=str(rid) if rid is not None else article_id_for(text),
        published_at=published,
        title=title,
    )
    return {"id": rid, **result_json(result)}


def result_json(extraction: Any) -> dict[str, Any]:
    relevance = getattr(extraction, "relevance", None)  # the article gate's decision and reason
    return {
        "events": [e.model_dump(mode="json") for e in extraction.events],
        "quotes": [q.model_dump(mode="json") for q in extraction.quotes],
        "entities": [e.model_dump(mode="json") for e in extraction.entities],
        "relevance": relevance.model_dump(mode="json") if relevance is not None else None,
    }


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"'published_at' is not an ISO 8601 time: {value[:100]!r}") from None
    if parsed.tzinfo is None:
        raise InputError(f"'published_at' {value[:100]!r} has no time zone")
    return parsed


def run_records(
    records: Iterable[Record],
    work: Callable[[Record], dict[str, Any]],
    emit: Emit,
    report: Callable[[str], None],
) -> tuple[int, int]:
    """Emit exactly one line per record; returns (records, failures). One bad record never
    ends the run: whatever a record raises becomes its error line."""
    total = failed = 0
    for record in records:
        total += 1
        line = _result_or_error(record, work)
        if "error" in line:
            failed += 1
            report(str(line["error"]))
        emit(line)
    return total, failed


def _result_or_error(record: Record, work: Callable[[Record], dict[str, Any]]) -> dict[str, Any]:
    if record.error is not None:
        return {"id": record.id, "error": record.error}
    where = f"line {record.line}" if "path" not in (record.fields or {}) else str(record.id)
    try:
        result = work(record)
        json.dumps(result, allow_nan=False)  # refuse now what could not be written as JSON
    except InputError as exc:
        return {"id": record.id, "error": f"{where}: {exc}"}
    except RecursionError:
        return {"id": record.id, "error": f"{where}: nested too deeply to process"}
    except Exception as exc:  # a batch reports each record's failure and goes on
        message = str(exc) or type(exc).__name__
        if not isinstance(exc, ValueError):
            message = f"{type(exc).__name__}: {message}"
        return {"id": record.id, "error": f"{where}: {message}"}
    return result
