"""Where and when an event happened: place and date expressions near its trigger.

Places: a GPE/LOC/FAC governed by a locative preposition in the trigger's clause ("in Istanbul",
basis "clause"); else the nearest other place in the sentence ("sentence"); else the dateline
("ISTANBUL, June 2 (Reuters) -", "dateline"); else the title's or lede's first place ("article").

Dates: a date expression in the trigger's clause, else the nearest in the sentence, else the last
date named earlier in the same paragraph (news paragraphs keep one time frame), else the
publication date with precision "unknown" (an upper bound, not a finding; text None). Never a date
after the publication day: future and hypothetical events keep the announced expression in
``text`` with ``date`` None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from newswire_contracts import Location, Occurred
from newswire_extractor.kb import KnowledgeBase
from newswire_extractor.rules.dates import resolve_date
from newswire_extractor.rules.document import Article
from newswire_extractor.rules.syntax import lemma, path_to

Token = Any
Span = Any

LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "into",
        "within",
        "off",
        "along",
        "over",
    }
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATE_LABELS = frozenset({"DATE", "TIME"})


class PlaceFinder:
    """Geocodes the place of each event of one article."""

    def __init__(
        self, article: Article, kb: KnowledgeBase, parse: Callable[[str], Any] | None = None
    ) -> None:
        self._article = article
        self._kb = kb
        self._parse = parse
        self._fallback: Location | bool | None = False  # False: not computed yet

    def locate(
        self,
        heads: Sequence[Token],
        sentence: Span,
        exclude: Sequence[tuple[int, int]],
        prefer: Sequence[str],
    ) -> Location | None:
        places = [
            e
            for e in self._article.entities_in(sentence.start, sentence.end)
            if e.label_ in _PLACE_LABELS and _locative(e) and not _overlaps(e, exclude)
        ]
        clause = [e for e in places if any(path_to(e.root, h) for h in heads)]
        anchor = heads[0].i
        for basis, pool in (("clause", clause), ("sentence", places)):
            for ent in sorted(pool, key=lambda e: abs(e.root.i - anchor)):
                location = self._location(ent.text, basis, prefer)
                if location is not None:
                    return location
        return self._article_place(prefer)

    def _location(self, text: str, basis: str, prefer: Sequence[str]) -> Location | None:
        place = self._kb.gazetteer.geocode(text, prefer)
        if place is None:
            return None
        return Location(
            text=text,
            name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            precision=place.precision,
            basis=basis,
        )

    def _article_place(self, prefer: Sequence[str]) -> Location | None:
        if self._fallback is False:
            self._fallback = self._dateline(prefer) or self._title_or_lede(prefer)
        return self._fallback if isinstance(self._fallback, Location) else None

    def _dateline(self, prefer: Sequence[str]) -> Location | None:
        dateline = self._article.dateline
        if dateline is None:
            return None
        return self._location(dateline.place.title(), "dateline", prefer)

    def _title_or_lede(self, prefer: Sequence[str]) -> Location | None:
        if self._article.title and self._parse is not None:
            places = [e for e in self._parse(self._article.title).ents if e.label_ in _PLACE_LABELS]
            # 'Russia and Ukraine hold talks in Istanbul': the place is Istanbul, not Russia.
            for ent in sorted(places, key=lambda e: not _locative(e)):
                found = self._location(ent.text, "article", prefer)
                if found is not None and (_locative(ent) or found.precision != "country"):
                    return found
        for sentence in list(self._article.doc.sents)[:1]:
            for ent in self._article.entities_in(sentence.start, sentence.end):
                if ent.label_ in _PLACE_LABELS and _locative(ent):
                    found = self._location(ent.text, "article", prefer)
                    if found is not None:
                        return found
        return None


def _under(token: Token, ancestor: Token) -> bool:
    current = token
    while current != ancestor:
        if current.head == current:
            return False
        current = current.head
    return True


def _locative(ent: Span) -> bool:
    root = ent.root
    return bool(root.dep_ == "pobj" and lemma(root.head) in LOCATIVE_PREPS)


def _overlaps(ent: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(ent.start_char < end and start < ent.end_char for start, end in ranges)


class DateFinder:
    """Resolves the date of each event of one article against its publication date.

    No event is ever dated after the publication day: a date expression that resolves later
    names something planned (the meeting 'next week'), not when the reported event happened.
    For an event that has happened such expressions are skipped; an event reported as future
    or hypothetical keeps the expression in ``text`` with ``date`` None.
    """

    def __init__(self, article: Article) -> None:
        self._article = article
        self._published = article.published
        self._dates: list[tuple[Span, Occurred]] = []
        self._unresolved: list[Span] = []  # recognised, but relative and no publication date
        for ent in article.doc.ents:
            if ent.label_ in _DATE_LABELS:
                found = resolve_date(ent.text, article.published)
                if found is not None and found.date is not None:
                    self._dates.append((ent, found))
                elif found is not None:
                    self._unresolved.append(ent)

    def occurred(
        self,
        heads: Sequence[Token],
        sentence: Span,
        *,
        future: bool,
        exclude_under: Token | None = None,
    ) -> Occurred:
        """The event's date; dates under ``exclude_under`` (a promised action) are skipped."""
        anchor = heads[0]
        in_sentence = [
            (e, o)
            for e, o in self._dates
            if sentence.start <= e.start < sentence.end
            and (exclude_under is None or not _under(e.root, exclude_under))
        ]
        clause = [(e, o) for e, o in in_sentence if any(path_to(e.root, h) for h in heads)]
        if future:
            return self._planned(clause, anchor)
        for pool in (clause, in_sentence):
            past = [(e, o) for e, o in pool if self._not_after_publication(o)]
            if past:
                return min(past, key=lambda p: abs(p[0].root.i - anchor.i))[1]
        earlier = [
            o
            for e, o in self._dates
            if e.start < sentence.start
            and self._article.paragraph(e.root) == self._article.paragraph(anchor)
            and self._not_after_publication(o)
        ]
        if earlier:
            return earlier[-1]
        return self._undated(sentence)

    def _not_after_publication(self, found: Occurred) -> bool:
        published = self._published
        return published is None or found.date is None or found.date <= published

    def _planned(self, clause: list[tuple[Span, Occurred]], anchor: Token) -> Occurred:
        """A future or hypothetical event: when it is announced for, never a date after
        publication ('will meet on Monday' -> text 'Monday', date None)."""
        if not clause:
            return Occurred(date=None, precision="unknown", text=None)
        ent, found = min(clause, key=lambda p: abs(p[0].root.i - anchor.i))
        ahead = resolve_date(ent.text, self._published, future=True) or found
        if self._published is not None and ahead.date is not None and ahead.date > self._published:
            return Occurred(date=None, precision="unknown", text=ent.text)
        return ahead

    def _undated(self, sentence: Span) -> Occurred:
        for ent in self._unresolved:
            if sentence.start <= ent.start < sentence.end:
                return Occurred(date=None, precision="unknown", text=ent.text)
        if self._published is not None:
            return Occurred(date=self._published, precision="unknown", text=None)
        return Occurred()


def not_after(occurred: Occurred, published: date | None) -> Occurred:
    """The hard rule, applied last: an event is never dated after its article's publication."""
    if published is None or occurred.date is None or occurred.date <= published:
        return occurred
    return Occurred(date=None, precision="unknown", text=occurred.text)
