"""Tokenize a whole article, then tag, parse and find names only where an event can be.

1. tokenize: spaCy's tokenizer over the whole text; rule-based sentences (sentences.py).
2. select: the lexicon pass (prefilter.py) keeps sentences that may hold an event, plus those
   with or beside a direct quote (their speakers are needed).
3. parse: the kept sentences go through the spaCy pipeline (tok2vec, tagger, parser, attributes,
   lemmas) as one batch. spaCy's NER costs as much again, so by default names come from rules
   over the parse and the knowledge base (names.py); ``use_ner`` runs the NER model instead.
4. annotate: every sentence gets knowledge-base names and dates from patterns (parsed ones also
   the rule-based names); every annotation is written back into the one article Doc, so token
   indices and character offsets are those of the whole text.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.matcher import PhraseMatcher

from newswire_extractor.rules.attributes import FastAttributes
from newswire_extractor.rules.lang import word_data, word_set
from newswire_extractor.rules.names import Found, NameFinder, NameMemory
from newswire_extractor.rules.nlp import PARAGRAPHS
from newswire_extractor.rules.prefilter import Prefilter, sentence_words
from newswire_extractor.rules.sentences import split_sentences

Doc = Any  # spacy.tokens.Doc
_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
_DEP, _HEAD, _IOB, _TYPE = 4, 5, 6, 7
_I, _O, _B = 1, 2, 3
_SPEAKER_SENTENCE = 12  # tokens: 'he told reporters.' after a quote
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she)\s+(?:said|says|told|added|wrote|asked|continued|explained)\b"
    r"|\b(?:said|says|told|added)\s+(?:he|she)\b",
    re.IGNORECASE,
)

# 'Howard accepted his decision': who 'his' is (actors.owner_for) is named in the sentence
# before, which must be parsed too.
_OWNER_REFERENCE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            w[:-1] if w.endswith("e") else w
            for w in word_set("actors.toml", "recipients.others_things")
        )
    )
    + r")\w*\s+(?:his|her|its|their)\b",
    re.IGNORECASE,
)

_DATE_WORDS = word_data("dates.toml")
_WEEKDAY = "(?:" + "|".join(w.title() for w in _DATE_WORDS["weekdays"]) + ")"
_MONTH = (
    "(?:"
    + "|".join(m.title() for m in _DATE_WORDS["months"])
    + "|"
    + "|".join(re.escape(a) for a in _DATE_WORDS["written_abbreviations"])
    + ")"
)
_PARTS = "|".join(_DATE_WORDS["parts_of_day"])
_STEP_WORDS = "|".join(_DATE_WORDS["periods"]["steps"])
_COUNTS = r"\d+|" + "|".join(_DATE_WORDS["periods"]["counts"])
# Date expressions resolve_date understands (names come from rules, not the NER model).
DATE_PATTERN = re.compile(
    rf"\b(?:(?i:{_STEP_WORDS})\s+)?{_WEEKDAY}(?:\s+(?:{_PARTS}))?(?:\s+next\s+week)?\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b"
    rf"|\b(?:early\s+|mid-|late\s+)?{_MONTH}\s+\d{{4}}\b"
    r"|\b(?i:"
    + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in _DATE_WORDS["relative_days"])
    + r")\b(?!\s+programme)"
    rf"|\b(?i:the\s+(?:past|last)\s+(?:(?:{_COUNTS})\s+)?(?:hours?|days?|weeks?|months?|years?))\b"
    rf"|\b(?i:{_STEP_WORDS})\s+(?:week|weekend|month|year)\b"
    r"|(?:(?<=\bover )|(?<=\bat )|(?<=\bduring ))the\s+weekend\b"
    r"|\b(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago\b"
    rf"|\b(?i:last|this)\s+{_MONTH}\b(?!\s+\d)"
    r"|\b(?<=[Ii]n )(?:19|20)\d\d\b"
)


# A bare month is a date after these words ('between April and November'); 'May' alone is not.
# 'a letter to May', 'Corbyn and May': after these words 'May' is a person, not the month.
BARE_MONTH = re.compile(
    r"\b(?i:" + "|".join(_DATE_WORDS["bare_month_after"]) + rf")\s+({_MONTH})(?!\s+\d)\b"
)
_NOT_MAY_AFTER = frozenset(_DATE_WORDS["bare_may_not_after"])


@dataclass
class StageTimes:
    """Seconds spent in each stage, summed over calls (for the benchmark)."""

    tokenize: float = 0.0
    select: float = 0.0
    parse: float = 0.0
    annotate: float = 0.0
    sentences: int = 0
    parsed_sentences: int = 0
    tokens: int = 0
    parsed_tokens: int = 0

    def as_dict(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in ("tokenize", "select", "parse", "annotate")}


@dataclass
class Analysis:
    """The article Doc and which of its sentences (token ranges) were fully parsed."""

    doc: Doc
    parsed: list[tuple[int, int]] = field(default_factory=list)


class Analyzer:
    """Turns article text into one annotated spaCy Doc, parsing only candidate sentences."""

    def __init__(
        self,
        nlp: Any,
        prefilter: Prefilter,
        names: Mapping[str, str],
        finder: NameFinder,
        *,
        use_ner: bool = False,
    ) -> None:
        self._nlp = nlp
        self.use_ner = use_ner
        self._components = [
            (n, FastAttributes(p) if n == "attribute_ruler" else p)
            for n, p in nlp.pipeline
            if n != PARAGRAPHS
        ]
        self._prefilter = prefilter
        self._finder = finder
        self._country_words = frozenset(
            n for n, label in names.items() if label not in ("ORG", "PERSON")
        )
        self._titles = finder.titles
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {}
        for name, label in names.items():
            by_label.setdefault(label, []).append(name)
        for label, spellings in by_label.items():
            self._names.add(label, list(nlp.tokenizer.pipe(spellings)))
        self._strings = nlp.vocab.strings
        self._dep = self._strings.add("dep")
        self._root = self._strings.add("ROOT")
        self.times = StageTimes()
        self.parse_all = False  # parse every sentence (for comparisons)

    def __call__(self, text: str, quotes: Sequence[tuple[int, int]] = ()) -> Analysis:
        started = time.perf_counter()
        doc = self._nlp.make_doc(text)
        bounds = split_sentences(doc)
        tokenized = time.perf_counter()
        keep = self._select(doc, bounds, quotes)
        selected = time.perf_counter()
        chosen = [b for b, k in zip(bounds, keep, strict=True) if k]
        rows = numpy.zeros((len(doc), len(_ATTRS)), dtype="int64")
        rows[:, _IOB] = _O
        parsed_docs = self._parse(doc, chosen)
        for (start, end), parsed in zip(chosen, parsed_docs, strict=True):
            rows[start:end] = parsed.to_array(_ATTRS).astype("int64")
        parsed_at = time.perf_counter()
        for (start, end), kept in zip(bounds, keep, strict=True):
            if not kept:
                self._flat(rows, start, end)
        self._entities(doc, rows, bounds, keep, parsed_docs)
        doc.from_array(_ATTRS, rows.astype("uint64"))
        done = time.perf_counter()
        self._count(started, tokenized, selected, parsed_at, done, doc, bounds, chosen)
        return Analysis(doc=doc, parsed=chosen)

    # ------------------------------------------------------------------ stages
    def _select(
        self, doc: Doc, bounds: Sequence[tuple[int, int]], quotes: Sequence[tuple[int, int]]
    ) -> list[bool]:
        if self.parse_all:
            return [True] * len(bounds)
        keep = [
            self._prefilter.may_have_event(sentence_words(t.text for t in doc[s:e]))
            for s, e in bounds
        ]
        quoted = [_overlaps(doc, s, e, quotes) for s, e in bounds]
        for i, (start, end) in enumerate(bounds):
            text = doc[start:end].text
            if quoted[i]:
                keep[i] = True
                if i > 0 and _PRONOUN_SPEAKER.search(text):
                    keep[i - 1] = True  # who 'he' is: the sentence before names him
            elif self._introduces_person(doc[start:end]):
                keep[i] = True  # 'Uganda's Isaac Kiplagat', 'Amina Cheruiyot of Kenya'
            elif i > 0 and quoted[i - 1] and end - start <= _SPEAKER_SENTENCE:
                keep[i] = True  # '“…,” he said.' split after the quote
            elif i + 1 < len(bounds) and quoted[i + 1] and text.rstrip()[-1:] == ":":
                keep[i] = True  # 'A negotiator dismissed the demand: “…”'
        for i in range(1, len(bounds)):
            if keep[i] and not keep[i - 1]:
                start, end = bounds[i]
                keep[i - 1] = bool(_OWNER_REFERENCE.search(doc[start:end].text))
        return keep

    def _introduces_person(self, sentence: Any) -> bool:
        """A new full name next to a nationality, a country or a title ('Uganda's Isaac
        Kiplagat', 'President Volodymyr Zelensky'): who they are is needed later."""
        words = [t.text for t in sentence]
        countries = self._country_words
        if not any(w in countries or w in self._titles for w in words):
            return False
        return any(
            a[:1].isupper() and b[:1].isupper() and a not in countries and b not in countries
            for a, b in itertools.pairwise(words[1:])
        )

    def _parse(self, doc: Doc, chosen: Iterable[tuple[int, int]]) -> list[Doc]:
        # as_doc would otherwise copy the whole text's attribute array once per sentence; the
        # sentences do not overlap, so they can share one (each writes only its own rows).
        head = doc._get_array_attrs()
        array = doc.to_array(head)
        docs = [doc[s:e].as_doc(array_head=head, array=array) for s, e in chosen]
        for name, component in self._components:
            if name != "ner" or self.use_ner:
                docs = list(component.pipe(docs, batch_size=256))
        return docs

    def _flat(self, rows: Any, start: int, end: int) -> None:
        """A sentence that is not parsed: one flat tree, so it stays a sentence of its own."""
        rows[start:end, _DEP] = self._dep
        rows[start, _DEP] = self._root
        rows[start:end, _HEAD] = start - numpy.arange(start, end)

    def _entities(
        self,
        doc: Doc,
        rows: Any,
        bounds: Sequence[tuple[int, int]],
        keep: Sequence[bool],
        parsed: Sequence[Doc],
    ) -> None:
        """Names and dates, sentence by sentence, in document order (names remember people)."""
        known = self._known_names(doc)
        memory = NameMemory()
        parsed_docs = iter(parsed)
        for (start, end), kept in zip(bounds, keep, strict=True):
            sentence = next(parsed_docs) if kept else None
            if sentence is not None and self.use_ner:
                continue
            local = [(s - start, e - start, label) for s, e, label in known if start <= s < end]
            dates = self._dates(doc, start, end)
            taken = {i for s, e, _ in dates for i in range(s, e)}
            local = [k for k in local if not taken & set(range(k[0], k[1]))]
            if sentence is not None:
                local = self._finder.find(sentence, local, taken, memory)
            self._write(rows, start, [*dates, *local])

    def _known_names(self, doc: Doc) -> list[Found]:
        """Knowledge-base names in the whole text, longest first where they overlap."""
        found = sorted(self._names(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        out: list[Found] = []
        last_end = -1
        for label, start, end in found:
            if start >= last_end:
                out.append((start, end, self._strings[label]))
                last_end = end
        return out

    def _dates(self, doc: Doc, start: int, end: int) -> list[Found]:
        offset = doc[start].idx
        found = []
        text = doc[start:end].text
        matches = [m.span() for m in DATE_PATTERN.finditer(text)]
        matches += [
            m.span(1)
            for m in BARE_MONTH.finditer(text)
            if m[1] != "May" or m[0].split()[0].casefold() not in _NOT_MAY_AFTER
        ]
        for first, last in matches:
            span = doc.char_span(offset + first, offset + last, "expand")
            if span is not None:
                found.append((span.start - start, span.end - start, "DATE"))
        return found

    def _write(self, rows: Any, offset: int, found: Sequence[Found]) -> None:
        taken: set[int] = set()
        for start, end, label in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
            if taken & set(range(start, end)):
                continue
            taken.update(range(start, end))
            rows[offset + start, _IOB] = _B
            rows[offset + start + 1 : offset + end, _IOB] = _I
            rows[offset + start : offset + end, _TYPE] = self._strings.add(label)

    def _count(
        self,
        started: float,
        tokenized: float,
        selected: float,
        parsed: float,
        done: float,
        doc: Doc,
        bounds: Sequence[tuple[int, int]],
        chosen: Sequence[tuple[int, int]],
    ) -> None:
        times = self.times
        times.tokenize += tokenized - started
        times.select += selected - tokenized
        times.parse += parsed - selected
        times.annotate += done - parsed
        times.sentences += len(bounds)
        times.parsed_sentences += len(chosen)
        times.tokens += len(doc)
        times.parsed_tokens += sum(e - s for s, e in chosen)


def _overlaps(doc: Doc, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    if not spans:
        return False
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return any(s < last and first < e for s, e in spans)
