"""Scoring parsed articles against gold JSON: text F1 over 4-token shingles, title, date, speed.

Text is scored as the public article-extraction benchmark does: both texts are cut into
lowercased word tokens, each run of 4 tokens is a shingle, and precision/recall are the shares
of predicted/gold shingles (counted with multiplicity) found in the other.
"""

from __future__ import annotations

import contextlib
import cProfile
import datetime as dt
import json
import pstats
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newswire_contracts import ArticleV1
from newswire_fetcher.parse import ParseError, parse_html

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
# Fixed "now" for the corpus: later than every gold date, so none is refused as future.
FETCHED_AT = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
# The stages of parse_html whose cumulative time is reported (module-qualified names).
STAGES = {
    "HTML → lxml tree": ("newswire_fetcher/parse.py", "load_tree"),
    "declared metadata (JSON-LD, meta)": ("newswire_fetcher/metadata.py", "read_metadata"),
    "main text (trafilatura)": ("newswire_fetcher/text.py", "extract_paragraphs"),
    "visible date lines": ("newswire_fetcher/metadata.py", "date_lines"),
    "date fallback (htmldate)": ("newswire_fetcher/parse.py", "_fallback_date"),
    "authors": ("newswire_fetcher/parse.py", "_authors"),
    "language (py3langid)": ("newswire_fetcher/language.py", "choose_language"),
    "canonical URL": ("newswire_fetcher/parse.py", "choose_canonical"),
}


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    words = _TOKEN.findall(text.casefold())
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """Shingle precision and recall of ``predicted`` against ``gold`` (1.0 when both empty)."""
    p, g = shingles(predicted), shingles(gold)
    if not p and not g:
        return 1.0, 1.0
    common = sum((p & g).values())
    return (common / sum(p.values()) if p else 0.0, common / sum(g.values()) if g else 0.0)


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class Page:
    """One corpus page and its gold record."""

    name: str
    html: bytes
    gold: dict[str, object]

    @property
    def url(self) -> str:
        return str(self.gold["url"])


def load_corpus(directory: Path) -> list[Page]:
    """Every ``NAME.html`` with its ``NAME.json`` gold record, sorted by name."""
    pages = []
    for gold_path in sorted(directory.glob("*.json")):
        html_path = gold_path.with_suffix(".html")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pages.append(Page(gold_path.stem, html_path.read_bytes(), gold))
    return pages


@dataclass
class Score:
    """How one page was parsed."""

    name: str
    template: str
    precision: float
    recall: float
    title_ok: bool
    date_ok: bool
    time_ok: bool | None
    authors_ok: bool
    language_ok: bool
    error: str | None = None
    # The day of published_at exactly as delivered (extractors resolve "on Monday" against
    # it), with no conversion to the gold's zone.
    published_day_ok: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def _norm(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


def _list(gold: dict[str, object]) -> list[object]:
    authors = gold.get("authors")
    return list(authors) if isinstance(authors, list) else []


def _date_scores(article: ArticleV1, gold: dict[str, object]) -> tuple[bool, bool | None]:
    expected = dt.datetime.fromisoformat(str(gold["published_at"]))
    found = article.published_at
    if found is None:
        return False, False if gold.get("date_precision") == "minute" else None
    local = found.astimezone(expected.tzinfo)
    day_ok = local.date() == expected.date()
    if gold.get("date_precision") != "minute":
        return day_ok, None
    return day_ok, abs((found - expected).total_seconds()) < 60


def _published_day(article: ArticleV1, gold: dict[str, object]) -> bool:
    expected = dt.datetime.fromisoformat(str(gold["published_at"]))
    found = article.published_at
    return found is not None and found.date() == expected.date()


def score(page: Page) -> Score:
    gold = page.gold
    try:
        article = parse_html(page.html, page.url, fetched_at=FETCHED_AT)
    except ParseError as error:
        return Score(page.name, str(gold.get("template")), 0, 0, False, False, False, False,
                     False, error=str(error))  # fmt: skip
    precision, recall = precision_recall(article.text, str(gold["text"]))
    day_ok, time_ok = _date_scores(article, gold)
    result = Score(
        page.name,
        str(gold.get("template")),
        precision,
        recall,
        title_ok=_norm(article.title) == _norm(gold["title"]),
        date_ok=day_ok,
        time_ok=time_ok,
        authors_ok=sorted(map(_norm, article.authors)) == sorted(map(_norm, _list(gold))),
        language_ok=article.language == gold.get("language"),
        published_day_ok=_published_day(article, gold),
    )
    if not result.title_ok:
        result.notes.append(f"title {article.title!r}")
    if not day_ok or time_ok is False:
        result.notes.append(f"date {article.published_at}")
    if not result.authors_ok:
        result.notes.append(f"authors {article.authors}")
    if not result.language_ok:
        result.notes.append(f"language {article.language}")
    return result


@dataclass
class Summary:
    pages: int
    text_f1: float  # mean of per-page F1
    text_precision: float
    text_recall: float
    title_accuracy: float
    date_accuracy: float
    time_accuracy: float
    # Share of pages whose published_at, read without converting, falls on the gold's day.
    published_day_accuracy: float
    author_accuracy: float
    language_accuracy: float
    scores: list[Score]

    @property
    def text_f1_of_means(self) -> float:
        """F1 of mean precision and mean recall (how the public benchmark reports it)."""
        return f1(self.text_precision, self.text_recall)


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def evaluate(pages: list[Page]) -> Summary:
    """Parse every page once and score it against its gold record."""
    scores = [score(page) for page in pages]
    timed = [s.time_ok for s in scores if s.time_ok is not None]
    return Summary(
        pages=len(scores),
        text_f1=_mean(s.f1 for s in scores),
        text_precision=_mean(s.precision for s in scores),
        text_recall=_mean(s.recall for s in scores),
        title_accuracy=_mean(float(s.title_ok) for s in scores),
        date_accuracy=_mean(float(s.date_ok) for s in scores),
        time_accuracy=_mean(float(t) for t in timed),
        published_day_accuracy=_mean(float(s.published_day_ok) for s in scores),
        author_accuracy=_mean(float(s.authors_ok) for s in scores),
        language_accuracy=_mean(float(s.language_ok) for s in scores),
        scores=scores,
    )


@dataclass
class Speed:
    pages: int
    seconds: float
    stages: dict[str, float]  # share of the parse time per stage

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def measure_speed(pages: list[Page], *, rounds: int = 3) -> Speed:
    """Pages per second for the whole parse (text and metadata) in this one thread.

    A first round warms caches and imports; then ``rounds`` timed rounds. The stage shares come
    from a separate profiled round (profiling slows everything, the shares stay comparable).
    """
    for page in pages:
        _parse_quietly(page)
    started = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            _parse_quietly(page)
    elapsed = time.perf_counter() - started
    return Speed(len(pages) * rounds, elapsed, _stage_shares(pages))


def _parse_quietly(page: Page) -> None:
    with contextlib.suppress(ParseError):
        parse_html(page.html, page.url, fetched_at=FETCHED_AT)


def _stage_shares(pages: list[Page]) -> dict[str, float]:
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        _parse_quietly(page)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(
        cumulative
        for (filename, _, name), (_, _, _, cumulative, _) in stats.items()
        if name == "parse_html" and filename.endswith("newswire_fetcher/parse.py")
    )
    shares = {}
    for label, (suffix, function) in STAGES.items():
        spent = sum(
            cumulative
            for (filename, _, name), (_, _, _, cumulative, _) in stats.items()
            if name == function and filename.endswith(suffix)
        )
        shares[label] = spent / total if total else 0.0
    return shares
