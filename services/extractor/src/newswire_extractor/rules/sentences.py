"""Rule-based sentence boundaries on a tokenized text, before any parsing.

A sentence ends after '.', '!' or '?' (and any closing quotes or brackets) when the next word
starts a sentence (capital letter, digit or opening quote); at a blank line; at a single line
break unless it only wraps a sentence (a lower-case word or comma before it and a lower-case word
after it); before a bullet ('•', which separates the letters of a letters page); and after a
dateline ('ISTANBUL —'), which is a sentence of its own.
"""

from __future__ import annotations

from typing import Any

from newswire_extractor.rules.document import find_dateline

Doc = Any  # spacy.tokens.Doc

_ENDS = frozenset({".", "!", "?", "…", "?!", "!?", "..."})
_BULLETS = frozenset({"•", "▪", "■", "●"})
_CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»", "''"})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "``", "—", "–", "-"})


def split_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the sentences of a tokenized doc, covering every token."""
    n = len(doc)
    if n == 0:
        return []
    starts = {0}
    dateline = find_dateline(doc.text)
    for token in doc:
        i = token.i
        if dateline is not None and i > 0 and doc[i - 1].idx < dateline.stop <= token.idx:
            starts.add(i)
        if token.is_space and "\n" in token.text and i + 1 < n:
            if "\n\n" in token.text or not _wrapped(doc, i):
                starts.add(i + 1)
                starts.discard(i)  # the break belongs to the sentence before it
        elif token.text in _BULLETS and i > 0:
            # 'Margaret Owen, Peace in Kurdistan • Last week Karen Pierce …': a letters page
            # or list separator starts a new sentence.
            starts.add(i)
        elif token.text in _ENDS or (token.text.endswith(".") and token.text[:-1] in _ENDS):
            end = i + 1
            while end < n and doc[end].text in _CLOSERS:
                end += 1
            while end < n and doc[end].is_space:
                end += 1
            if end < n and _opens_sentence(doc[end]):
                starts.add(end)
    ordered = sorted(s for s in starts if s < n)
    return list(zip(ordered, [*ordered[1:], n], strict=True))


def _wrapped(doc: Doc, i: int) -> bool:
    before, after = doc[i - 1] if i > 0 else None, doc[i + 1]
    if before is None:
        return False
    return (before.text[-1:].islower() or before.text == ",") and bool(after.is_lower)


def _opens_sentence(token: Any) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.text in _OPENERS or token.is_space
