"""Direct quotes (“…”, "…", ``…'') with their speakers ('X said', 'said X', 'according to X')."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from newswire_contracts import Actor, Quote
from newswire_extractor.rules.document import Article
from newswire_extractor.rules.modality import ActorOf, speaker_actor
from newswire_extractor.rules.syntax import children, lemma

Token = Any
Span = Any

QUOTE_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "declare",
        "insist",
        "warn",
        "state",
        "explain",
        "ask",
        "tweet",
        "post",
        "note",
        "stress",
        "argue",
        "continue",
        "reply",
        "respond",
        "shout",
        "announce",
        "claim",
        "quote",
        "remark",
        "conclude",
        "urge",
        "vow",
        "repeat",
        "recall",
        "call",  # 'called the offer “humiliating”'
        "describe",
        "dub",
        "term",
        "brand",
    }
)
_PAIRS = (("“", "”"), ("``", "''"), ("«", "»"))
_STRAIGHT = re.compile(r'"([^"\n]+)"')
_MIN_WORDS = 3
_CONTINUATION_GAP = 160  # characters between a quote and its unattributed continuation


def find_quotes(article: Article, actor_of: ActorOf) -> list[Quote]:
    """All direct quotes of at least a few words, each with its speaker where one is named."""
    quotes: list[Quote] = []
    for start, end in sorted(set(_quote_spans(article.text))):
        if any(q.start <= start < q.end for q in quotes):
            continue  # a quote inside a quote
        if len(article.text[start:end].split()) < _MIN_WORDS:
            continue  # scare quotes ('a "special law"') are not statements
        speaker, cue = _speaker(article, start, end, actor_of)
        if speaker is None and quotes and _continues(article.text, quotes[-1], start):
            speaker, cue = quotes[-1].speaker, quotes[-1].cue
        quotes.append(
            Quote(text=article.text[start:end], speaker=speaker, cue=cue, start=start, end=end)
        )
    return quotes


def _continues(text: str, previous: Quote, start: int) -> bool:
    """'“A,” she said. “B.”': an unattributed quote right after another goes on with the same
    speaker, within the paragraph."""
    gap = text[previous.end : start]
    return previous.speaker is not None and "\n" not in gap and len(gap) <= _CONTINUATION_GAP


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the direct quotes in a text (what find_quotes will look at)."""
    return sorted({(s, e) for s, e in _quote_spans(text) if len(text[s:e].split()) >= _MIN_WORDS})


def _quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges of quoted text, without the quote marks."""
    for opening, closing in _PAIRS:
        position = 0
        while (start := text.find(opening, position)) != -1:
            end = text.find(closing, start + len(opening))
            if end == -1:
                break
            yield _trim(text, start + len(opening), end)
            position = end + len(closing)
    for match in _STRAIGHT.finditer(text):
        yield _trim(text, match.start(1), match.end(1))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _speaker(
    article: Article, start: int, end: int, actor_of: ActorOf
) -> tuple[Actor | None, str | None]:
    """The speaker from the quote's own sentences, else a short 'he said.' sentence after it."""
    doc = article.doc
    sentences = _sentences_around(doc, start, end)
    for sentence in sentences:
        found = _reporting_speaker(sentence, start, end, actor_of)
        if found is not None:
            return found
    for sentence in sentences:
        found = _colon_speaker(article, sentence, start, end, actor_of)
        if found is not None:
            return found
    return None, None


def _sentences_around(doc: Any, start: int, end: int) -> list[Span]:
    """Sentences overlapping the quote, then the one before (ending in ':') and the one after."""
    sentences = list(doc.sents)
    inside = [i for i, s in enumerate(sentences) if s.start_char < end and s.end_char > start]
    if not inside:
        return []
    found = [sentences[i] for i in inside]
    before, after = inside[0] - 1, inside[-1] + 1
    if after < len(sentences) and len(sentences[after]) <= 12:
        found.append(sentences[after])
    if before >= 0 and sentences[before].text.rstrip().endswith(":"):
        found.append(sentences[before])
    return found


def _outside(token: Token, start: int, end: int) -> bool:
    return bool(token.idx + len(token.text) <= start or token.idx >= end)


def _reporting_speaker(
    sentence: Span, start: int, end: int, actor_of: ActorOf
) -> tuple[Actor | None, str | None] | None:
    candidates = [
        t
        for t in sentence
        if _outside(t, start, end) and t.pos_ in ("VERB", "AUX") and lemma(t) in QUOTE_VERBS
    ]
    candidates.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    for verb in candidates:
        for subject in children(verb, "nsubj"):
            if _outside(subject, start, end):
                return speaker_actor(subject, actor_of), verb.text
    for token in sentence:
        if token.lower_ == "according" and _outside(token, start, end):
            for obj in (o for prep in children(token, "prep") for o in children(prep, "pobj")):
                return speaker_actor(obj, actor_of), "according to"
    return None


def _colon_speaker(
    article: Article, sentence: Span, start: int, end: int, actor_of: ActorOf
) -> tuple[Actor | None, str | None] | None:
    """'A Russian negotiator dismissed the demand: “…”' — the subject introduces the quote."""
    before = article.text[max(sentence.start_char, start - 3) : start]
    if ":" not in before:
        return None
    root = sentence.root
    if not _outside(root, start, end):
        return None
    for subject in children(root, "nsubj"):
        return speaker_actor(subject, actor_of), root.text
    return None
