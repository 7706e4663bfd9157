"""`newswire parse` and `newswire extract`: HTML files or JSON Lines in, one JSON line out each."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from newswire.batch import MAX_RECORD_BYTES, Record, file_records, read_jsonl
from newswire.cli.console import EXIT_FAILED, EXIT_UNAVAILABLE, emit, error, fail, warn

app = typer.Typer()

JsonlOption = Annotated[
    Path | None,
    typer.Option(
        help="JSON Lines file ('-' for stdin).", dir_okay=False, allow_dash=True, exists=False
    ),
]
MaxBytes = Annotated[
    int,
    typer.Option(min=1024, help="Largest record (a JSON line or an HTML file) in bytes."),
]
Model = Annotated[
    str | None, typer.Option(help="spaCy model (default NEWSWIRE_EXTRACTOR_SPACY_MODEL).")
]


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    if str(path) == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc.strerror}") from None
    with stream:
        yield stream


def _finish(total: int, failed: int, source: str) -> None:
    if total == 0:
        warn(f"{source} holds no records: nothing to do")
    elif failed:
        error(f"{failed} of {total} records failed (their lines hold the reason)")
        raise typer.Exit(EXIT_FAILED)


@app.command()
def parse(
    files: Annotated[list[Path] | None, typer.Argument(help="HTML files.")] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            help='JSON Lines with {"id","html","url"?} per line (\'-\' for stdin).',
            dir_okay=False,
            allow_dash=True,
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(help="URL the one HTML file was fetched from (ids derive from it)."),
    ] = None,
    max_bytes: MaxBytes = MAX_RECORD_BYTES,
) -> None:
    """HTML to one JSON article per input on stdout (id echoed), or {"id","error"}.

    A file without --url is its own source: ids come from the URL the page declares
    (canonical link), else from the file's path.
    """
    from newswire.batch import parse_record, run_records

    if not files and jsonl is None:
        raise typer.BadParameter("give HTML files or --jsonl FILE")
    if url is not None and len(files or []) != 1:
        raise typer.BadParameter("--url names the page of exactly one HTML file")
    total = failed = 0
    if files:
        total, failed = run_records(
            file_records(files, max_bytes=max_bytes),
            lambda record: parse_record(record, url),
            emit,
            error,
        )
    if jsonl is not None:
        with _open(jsonl) as stream:
            more, more_failed = run_records(
                read_jsonl(stream, max_bytes=max_bytes), parse_record, emit, error
            )
        total, failed = total + more, failed + more_failed
    _finish(total, failed, str(jsonl or "the input"))


@app.command()
def extract(
    jsonl: Annotated[
        Path | None,
        typer.Option(
            help='JSON Lines with {"id","text","published_at"?,"title"?} per line (\'-\': stdin).',
            dir_okay=False,
            allow_dash=True,
        ),
    ] = None,
    html: Annotated[
        Path | None, typer.Option(help="One HTML page to parse and extract.", dir_okay=False)
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="URL the --html page was fetched from (default: its own).")
    ] = None,
    model: Model = None,
    max_bytes: MaxBytes = MAX_RECORD_BYTES,
) -> None:
    """Events, quotes and entities as JSON on stdout, one line per input; errors on stderr."""
    from newswire.batch import extract_record, local_article, result_json, run_records

    if (jsonl is None) == (html is None):
        raise typer.BadParameter("give exactly one of --jsonl FILE or --html FILE")
    extractor = _extractor(model)
    if html is not None:
        [record] = list(file_records([html], max_bytes=max_bytes))

        def work(record: Record) -> dict[str, Any]:
            assert record.fields is not None
            article = local_article(record.fields["html"], record.fields["path"], url)
            result = extractor.extract(
                article.text,
                article_id=article.article_id,
                published_at=article.published_at,
                title=article.title,
            )
            return {"article": article.model_dump(mode="json"), **result_json(result)}

        _, failed = run_records([record], work, emit, error)
        if failed:
            raise typer.Exit(EXIT_FAILED)
        return
    assert jsonl is not None
    with _open(jsonl) as stream:
        total, failed = run_records(
            read_jsonl(stream, max_bytes=max_bytes),
            lambda record: extract_record(record, extractor),
            emit,
            error,
        )
    _finish(total, failed, str(jsonl))


def _extractor(model: str | None) -> Any:
    """The extraction backend the settings select (NEWSWIRE_EXTRACTOR_*), loaded up front."""
    from newswire_extractor.bootstrap import build_service
    from newswire_extractor.settings import ExtractorSettings

    settings = ExtractorSettings()
    if model is not None:
        settings = settings.model_copy(update={"spacy_model": model})
    try:
        service = build_service(settings)
        service.extractor.load()
    except (OSError, ValueError, ImportError) as exc:
        fail(f"cannot load the extractor: {exc}", code=EXIT_UNAVAILABLE)
    return service.extractor
