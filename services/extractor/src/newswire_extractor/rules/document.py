"""One parsed article: the spaCy doc plus lookups every extraction step shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Span = Any  # spacy.tokens.Span
Token = Any  # spacy.tokens.Token

# 'ISTANBUL —', 'ACCRA, June 2 (Wire) -', 'THE HAGUE —': an upper-case place opening the text.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"  # 'BOGOTÁ', 'SÃO PAULO', 'ŁÓDŹ'
_DATELINE = re.compile(
    rf"\A\s*([{_UPPER}][{_UPPER}.'’ -]*[{_UPPER}])(?:,[^\n—–(]{{0,40}}?)?\s*"
    r"(?:\([^)\n]{0,40}\))?\s*(?:—|–|--|-|:)\s"
)


@dataclass(frozen=True)
class Dateline:
    """The place a wire story opens with; it says where the report was filed, not who acted."""

    place: str
    start: int  # offsets of the place name
    end: int
    stop: int  # where the story's first sentence starts


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of an article's text, if it has one."""
    match = _DATELINE.match(text[:160])
    if match is None:
        return None
    return Dateline(place=match[1], start=match.start(1), end=match.end(1), stop=match.end())


def lower_cased(text: str) -> bool:
    """Whether a text is written all in lower case, but for a stray token ('PS3bn' for '£3bn'
    in the BBC archive)."""
    letters = [c for c in text[:3000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) <= len(letters) // 200


@dataclass
class Article:
    """A parsed article and its metadata; entity and sentence lookups are built once."""

    doc: Any
    text: str
    published: date | None
    title: str | None = None
    publisher_country: str | None = None  # the outlet's country (rules/publisher.py)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline: Dateline | None = field(default=None, init=False)
    _entity_at: dict[int, Span] = field(default_factory=dict, init=False, repr=False)
    _ents: list[Span] = field(default_factory=list, init=False, repr=False)
    _ent_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _paragraph_of: list[int] = field(default_factory=list, init=False, repr=False)
    _sentence_of: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self.dateline = find_dateline(self.text)
        self._ents = list(self.doc.ents)  # doc.ents builds new spans on every access
        self._ent_starts = [ent.start for ent in self._ents]
        for ent in self._ents:
            for i in range(ent.start, ent.end):
                self._entity_at[i] = ent
        paragraph = 0
        for token in self.doc:
            self._paragraph_of.append(paragraph)
            if token.is_space and "\n" in token.text:
                following = token.nbor() if token.i + 1 < len(self.doc) else None
                if following is not None and following.is_sent_start:
                    paragraph += 1

    def entity(self, token: Token) -> Span | None:
        """The named entity a token belongs to, if any."""
        return self._entity_at.get(token.i)

    def entities_in(self, start: int, end: int) -> list[Span]:
        """Entities overlapping the token range [start, end), in order."""
        seen: dict[int, Span] = {}
        for i in range(start, end):
            ent = self._entity_at.get(i)
            if ent is not None:
                seen.setdefault(ent.start, ent)
        return list(seen.values())

    def entities_within(self, start: int, end: int) -> list[Span]:
        """Entities wholly inside the token range [start, end): ``doc[start:end].ents``."""
        found = []
        for ent in self._ents[bisect_left(self._ent_starts, start) :]:
            if ent.end > end:
                break
            found.append(ent)
        return found

    def in_dateline(self, token: Token) -> bool:
        """Whether a token is part of the dateline (never an actor)."""
        return self.dateline is not None and int(token.idx) < self.dateline.stop

    def quote_index(self, token: Token) -> int:
        """Which quote (index into quote_spans) a token is inside, or -1 outside quotes."""
        position = int(token.idx)
        for index, (start, end) in enumerate(self.quote_spans):
            if start <= position < end:
                return index
        return -1

    def sentence_number(self, token: Token) -> int:
        """Which sentence a token is in (0-based), without spaCy's per-call sentence search."""
        if not self._sentence_of:
            numbers = [0] * len(self.doc)
            for number, sentence in enumerate(self.doc.sents):
                numbers[sentence.start : sentence.end] = [number] * (sentence.end - sentence.start)
            self._sentence_of = numbers
        return self._sentence_of[int(token.i)]

    def paragraph(self, token: Token) -> int:
        """Paragraph number of a token (paragraphs are separated by line breaks)."""
        return self._paragraph_of[int(token.i)]

    @property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)


def sentence_bounds(sentence: Span) -> tuple[int, int]:
    """Character offsets of a sentence with surrounding whitespace trimmed."""
    tokens = [t for t in sentence if not t.is_space]
    if not tokens:
        return sentence.start_char, sentence.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
