"""Loaders for the shared development corpora, found beside the repository (never copied in)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

SHARED_ENV = "NEWSWIRE_SHARED"
BBC_SPLITS = ("train", "dev")
TEAM_DIR = Path("bench/eventness/team")  # in the repository: team-written, so committed


class CorpusError(Exception):
    """A corpus file is missing or malformed (the message says which and where)."""


@dataclass(frozen=True)
class Document:
    """One article of a corpus: ``doc_id`` is ``<corpus>:<id within the corpus>``."""

    corpus: str
    doc_id: str
    text: str
    published: date | None = None
    label: int | None = None
    site: str | None = None  # the outlet the corpus says its articles come from
    title: str | None = None  # the headline, apart from the text as a fetcher gives it


def repo_root() -> Path:
    """The checkout this package runs from (the folder holding the workspace pyproject)."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file() and (folder / "services").is_dir():
            return folder
    return Path.cwd()


def shared_dir(override: Path | None = None) -> Path:
    """``--shared`` if given, else ``$NEWSWIRE_SHARED``, else the repository's parent + ``shared``
    (or, for a worktree nested deeper, the nearest ancestor's ``shared`` that holds corpora)."""
    if override is not None:
        return override
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env)
    root = repo_root()
    for folder in root.parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared"
    return root.parent / "shared"


def _corpus_file(shared: Path, *parts: str) -> Path:
    path = shared.joinpath("corpora", *parts)
    if not path.is_file():
        raise CorpusError(f"corpus file not found: {path} (give --shared DIR or ${SHARED_ENV})")
    return path


def _jsonl_documents(
    path: Path, what: str, build: Callable[[dict[str, Any]], Document]
) -> list[Document]:
    """One document per non-blank JSON line; a malformed line names the file, line and ``what``."""
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            docs.append(build(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise CorpusError(f"{path}:{n}: not {what} ({exc})") from None
    return docs


def load_guardian(shared: Path) -> list[Document]:
    """``corpora/guardian-dev/articles.jsonl``: 104 Guardian articles with publication dates."""
    return _jsonl_documents(
        _corpus_file(shared, "guardian-dev", "articles.jsonl"),
        "a guardian-dev article",
        lambda row: Document(
            corpus="guardian-dev",
            doc_id=f"guardian-dev:{row['id']}",
            text=row["text"],
            published=date.fromisoformat(row["date"]),
            site="The Guardian",  # the source CSV's `source` column: always "Guardian"
        ),
    )


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def load_bbc(shared: Path, *, label: int | None = None) -> list[Document]:
    """BBC News train + dev (``text<TAB>label``), deduplicated on lower-cased alphanumerics as
    the corpus README asks; ids are ``bbc-news:<split>-<1-based line>`` of the first copy."""
    seen: set[str] = set()
    docs = []
    for split in BBC_SPLITS:
        path = _corpus_file(shared, "bbc-news", f"{split}.tsv")
        raw = path.read_bytes().decode("utf-8")
        for n, line in enumerate(raw.split("\r\n"), 1):
            if not line.strip():
                continue
            text, sep, value = line.rpartition("\t")
            if not sep or value.strip() not in {"0", "1"}:
                raise CorpusError(f"{path}:{n}: expected text<TAB>0|1")
            key = _norm(text)
            if key in seen:
                continue
            seen.add(key)
            doc_label = int(value)
            if label is not None and doc_label != label:
                continue
            docs.append(
                Document(
                    corpus="bbc-news",
                    doc_id=f"bbc-news:{split}-{n}",
                    text=text.strip(),
                    label=doc_label,
                    site="BBC News",  # the BBC News archive (see the corpus README)
                )
            )
    return docs


def load_ngec(shared: Path) -> list[Document]:
    """``corpora/ngec-synthetic``: 4,500 machine-generated stories (no publication dates); the
    label is not kept (the story's PLOVER type is a pseudo-label of its headline template)."""
    return _jsonl_documents(
        _corpus_file(shared, "ngec-synthetic", "gpt_synthetic_events_2023-10-19_19.jsonl"),
        "an ngec-synthetic story",
        lambda row: Document(
            corpus="ngec-synthetic", doc_id=f"ngec-synthetic:{row['id']}", text=row["text"]
        ),
    )


def load_team(folder: Path | None = None) -> list[Document]:
    """``bench/eventness/team/articles-*.jsonl`` (or ``folder``): news articles the team's
    writers made up (``{"id", "published", "title", "text"}``), the one real-news-like set a
    shipped model may learn from. The headline stays apart from the text, as a fetcher gives it."""
    folder = folder if folder is not None else repo_root() / TEAM_DIR
    paths = sorted(folder.glob("articles-*.jsonl"))
    if not paths:
        raise CorpusError(f"no team-written articles (articles-*.jsonl) in {folder}")
    docs: list[Document] = []
    for path in paths:
        docs += _jsonl_documents(
            path,
            "a team-written article",
            lambda row: Document(
                corpus="team-written",
                doc_id=f"team-written:{row['id']}",
                text=row["text"],
                published=date.fromisoformat(row["published"]),
                title=row.get("title") or None,
            ),
        )
    ids = Counter(d.doc_id for d in docs)
    if twice := sorted(i for i, n in ids.items() if n > 1):
        raise CorpusError(f"{folder}: article id used twice: {', '.join(twice)}")
    return docs


def load_documents(shared: Path, names: Iterable[str]) -> Iterator[Document]:
    """Documents of the named sets: ``guardian-dev``, ``bbc-politics``, ``bbc-other``,
    ``ngec-synthetic``, ``team-written`` (the last from the repository, not ``shared``)."""
    for name in names:
        if name == "ngec-synthetic":
            yield from load_ngec(shared)
        elif name == "team-written":
            yield from load_team()
        elif name == "guardian-dev":
            yield from load_guardian(shared)
        elif name == "bbc-politics":
            yield from load_bbc(shared, label=1)
        elif name == "bbc-other":
            yield from load_bbc(shared, label=0)
        else:
            raise CorpusError(
                f"unknown set {name!r}"
                " (guardian-dev, bbc-politics, bbc-other, ngec-synthetic, team-written)"
            )
