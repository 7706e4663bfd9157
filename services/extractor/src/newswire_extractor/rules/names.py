"""Named entities from the parse and the knowledge base, without a statistical NER model.

spaCy's NER costs as much as tagging and parsing together, so parsed sentences get their names
from rules instead: knowledge-base names (countries, capitals, demonyms, organisations) as they
are; other runs of proper nouns by their last word ('… Police' is an organisation, '… Sea' a
place), the gazetteer (towns), the words around them ('the Kalbajar district', 'village of
Sotk', 'President …') and what the article said before (a surname after a full name). Dates come
from patterns (analysis.DATE_PATTERN).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newswire_extractor.kb import KnowledgeBase
from newswire_extractor.kb.data import load_toml

Doc = Any
Token = Any
Found = tuple[int, int, str]  # token start, end, label

_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "appos", "agent"})
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "around",
        "across",
        "on",
        "off",
        "over",
        "along",
        "through",
        "toward",
        "towards",
        "inside",
    }
)


@dataclass(frozen=True)
class NameWords:
    """The keyword lists of kb/data/names.toml."""

    org: frozenset[str]
    loc: frozenset[str]
    fac: frozenset[str]
    place_nouns: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]


def load_name_words() -> NameWords:
    data = load_toml("newswire_extractor.kb", "names.toml")
    return NameWords(
        org=frozenset(data["org_words"]),
        loc=frozenset(data["loc_words"]),
        fac=frozenset(data["fac_words"]),
        place_nouns=frozenset(data["place_nouns"]),
        titles=frozenset(data["person_titles"]),
        particles=frozenset(data["name_particles"]),
        connectors=frozenset(data["connectors"]),
    )


@dataclass
class NameMemory:
    """What one article has already said about names ('Voronin' after 'Arkady Voronin')."""

    people: set[str] = field(default_factory=set)


class NameFinder:
    """Finds and labels the names of one parsed sentence (a Doc of its own)."""

    def __init__(self, kb: KnowledgeBase, words: NameWords) -> None:
        self._kb = kb
        self._words = words

    @property
    def titles(self) -> frozenset[str]:
        """Words that introduce a person's name ('President', 'Mr', 'Minister')."""
        roles = {word.capitalize() for word in self._kb.roles.words()}
        return frozenset(self._words.titles) | roles

    def find(
        self, doc: Doc, known: Sequence[Found], taken: Iterable[int], memory: NameMemory
    ) -> list[Found]:
        """Names in ``doc`` besides ``known`` (knowledge-base matches, kept as they are) and
        the ``taken`` tokens (dates)."""
        blocked = set(taken)
        found: list[Found] = []
        for start, end in self._runs(doc, blocked):
            inside = [k for k in known if start <= k[0] and k[1] <= end]
            found += self._label_run(doc, start, end, inside, memory)
        covered = {i for s, e, _ in found for i in range(s, e)}
        found += [k for k in known if not covered & set(range(k[0], k[1]))]
        return sorted(found)

    # ------------------------------------------------------------------ runs
    def _runs(self, doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
        """Runs of proper nouns ('Omar al-Bashir'); two runs joined by a connector only when the
        whole is an organisation or a place ('Department of Foreign Affairs')."""
        runs = self._plain_runs(doc, blocked)
        merged: list[tuple[int, int]] = []
        for start, end in runs:
            if merged and self._joined(doc, merged[-1], (start, end)):
                merged[-1] = (merged[-1][0], end)
                continue
            merged.append((start, end))
        return merged

    def _joined(self, doc: Doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
        """'Department of Foreign Affairs', 'Gulf of Finland' (the first part is an organisation
        or place word), 'National Citizens' Alliance'; not 'Farhana Rahman of the … Police'."""
        gap = doc[first[1] : second[0]]
        if not 0 < len(gap) <= 2:
            return False
        head_words = [t.text for t in doc[first[0] : first[1]]]
        if all(t.text.lower() in self._words.connectors for t in gap):
            return self._keyword(head_words) is not None
        if len(gap) == 1 and gap[0].text in ("'", "’"):  # a plural possessive inside a name
            return self._keyword([t.text for t in doc[first[0] : second[1]]]) is not None
        return False

    def _plain_runs(self, doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
        runs = []
        i, n = 0, len(doc)
        while i < n:
            if not self._namey(doc[i]) or i in blocked:
                i += 1
                continue
            end = i + 1
            while end < n and end not in blocked:
                if self._namey(doc[end]):
                    end += 1
                elif end + 1 < n and end + 1 not in blocked and self._continues(doc, end):
                    end += 2
                elif end + 2 < n and not blocked & {end + 1, end + 2} and self._particle(doc, end):
                    end += 3
                else:
                    break
            runs.append((self._with_particles(doc, i), end))
            i = end
        return runs

    def _hyphen(self, doc: Doc, i: int) -> bool:
        """'Vasquez-Moor', 'Yahya al-Sharafi': hyphens and name particles inside a name."""
        return doc[i].text == "-" or doc[i].text in self._words.particles

    def _continues(self, doc: Doc, i: int) -> bool:
        """A hyphen or particle followed by more of the name."""
        return (self._hyphen(doc, i) and self._namey(doc[i + 1])) or self._syllable(doc, i)

    def _particle(self, doc: Doc, i: int) -> bool:
        """'Bashar al-Assad', 'Tahrir al-Sham': a particle and hyphen inside a name."""
        return bool(
            doc[i].text.lower() in self._words.particles
            and doc[i + 1].text == "-"
            and self._namey(doc[i + 2])
        )

    def _syllable(self, doc: Doc, i: int) -> bool:
        """'Park Ji-won', 'Kim Soo-hyun': a lower-case syllable glued to a name by a hyphen."""
        return bool(
            doc[i].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
            and i + 1 < len(doc)
            and doc[i + 1].text.isalpha()
            and doc[i + 1].text.islower()
        )

    def _namey(self, token: Token) -> bool:
        text = token.text
        if token.tag_ in _PROPER_TAGS:
            return bool(text[:1].isupper() or text[:1].isdigit())
        # The tagger calls unfamiliar accented names nouns: 'Echeverría/NNS said'.
        return bool(token.pos_ == "NOUN" and text[:1].isupper() and any(ord(c) > 127 for c in text))

    def _with_particles(self, doc: Doc, start: int) -> int:
        """'Omar al-Bashir': a lower-case particle and hyphen before the run belong to it."""
        while start >= 2 and doc[start - 1].text == "-":
            if doc[start - 2].text.lower() not in self._words.particles:
                break
            start -= 2
        return start

    # ------------------------------------------------------------------ labels
    def _label_run(
        self, doc: Doc, start: int, end: int, inside: Sequence[Found], memory: NameMemory
    ) -> list[Found]:
        while end > start and doc[end - 1].text.lower() in self._words.connectors:
            end -= 1
        words = [t.text for t in doc[start:end]]
        keyword = self._keyword(words)
        if inside and not (len(inside) == 1 and inside[0][:2] == (start, end)):
            place = self._kb.gazetteer.geocode(doc[start:end].text)
            if place is not None and place.precision in ("city", "region"):
                return [(start, end, "GPE" if place.precision == "city" else "LOC")]  # Port Sudan
        if inside and keyword is None:
            return self._around(doc, start, end, inside, memory)
        if inside and len(inside) == 1 and inside[0][:2] == (start, end):
            return list(inside)
        if keyword is not None:
            return [(start, end, keyword)]
        return self._unknown(doc, start, end, memory)

    def _keyword(self, words: Sequence[str]) -> str | None:
        """ORG, LOC or FAC from the name's head word: its last word, or the word before 'of'
        ('Gulf of Finland', 'Bank of England')."""
        w = self._words
        joints = [i for i, word in enumerate(words) if word.lower() in w.connectors and i > 0]
        last = words[joints[0] - 1] if joints else words[-1]
        if last in w.loc:
            return "LOC"
        if last in w.fac:
            return "FAC"
        if any(word in w.org for word in words):
            return "ORG"
        return None

    def _around(
        self, doc: Doc, start: int, end: int, inside: Sequence[Found], memory: NameMemory
    ) -> list[Found]:
        """Knowledge-base names inside a longer run; the rest is labelled on its own."""
        found = list(inside)
        cursor = start
        for k_start, k_end, _ in sorted(inside):
            if cursor < k_start:
                found += self._unknown(doc, cursor, k_start, memory)
            cursor = max(cursor, k_end)
        if cursor < end:
            found += self._unknown(doc, cursor, end, memory)
        return found

    def _unknown(self, doc: Doc, start: int, end: int, memory: NameMemory) -> list[Found]:
        """A run the knowledge base does not know: a town, a person or an organisation."""
        while start < end and self._is_title(doc[start]):
            start += 1  # 'President Francois Mitterand', 'Interior Minister Rasa ...'
        while end > start and not doc[end - 1].text[:1].isalnum():
            end -= 1
        if start >= end:
            return []
        span = doc[start:end]
        text = span.text
        label = self._by_context(doc, start, end, text, memory)
        if label == "PERSON":
            memory.people.add(text)
            memory.people.add(doc[end - 1].text)
        return [(start, end, label)]

    def _by_context(self, doc: Doc, start: int, end: int, text: str, memory: NameMemory) -> str:
        first, last = doc[start], doc[end - 1]
        following = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        if text in memory.people:
            return "PERSON"
        if following is not None and following.lower_ in self._words.place_nouns:
            return "GPE"  # 'the Kalbajar district'
        of_place = start > 1 and doc[start - 2].lower_ in self._words.place_nouns
        if before is not None and before.lower_ == "of" and of_place:
            return "GPE"  # 'the village of Sotk'
        place = self._kb.gazetteer.geocode(text)
        if place is not None and not (before is not None and self._is_title(before)):
            return "LOC" if place.precision == "region" else "GPE"
        if before is not None and self._is_title(before):
            return "PERSON"
        if end - start == 1 and first.text.isupper() and len(first.text) > 1:
            return "ORG"  # 'KCNA', 'RSF'
        if last.dep_ == "compound" and last.head.pos_ == "NOUN":
            return "ORG"  # 'the Vaca Muerta shale field': a name used as a modifier
        if end - start >= 2 and all(
            t.text[:1].isupper() or t.text == "-" or t.text.lower() in self._words.particles
            for t in doc[start:end]
        ):
            return "PERSON"
        if last.dep_ in ("amod", "compound") and last.head.tag_ == "NNS":
            return "NORP"  # 'Druze inhabitants'
        if last.dep_ in _SUBJECT_DEPS:
            return "PERSON"
        if last.dep_ == "pobj" and last.head.lower_ in _LOCATIVE:
            return "GPE"
        return "ORG"

    def _is_title(self, token: Token) -> bool:
        text = token.text
        if text in self._words.titles:
            return True
        return bool(text[:1].isupper() and text.lower() in self._kb.roles)
