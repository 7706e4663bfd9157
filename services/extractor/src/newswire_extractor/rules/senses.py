"""Word senses from data: a trigger used in an everyday sense ('fed up', 'backing out', 'met with
disapproval', 'snatched victory', 'abandoned clothes') or a private act between family members
gives no event, while the political reading of the same word keeps its event.

The rules are the ``[[sense]]`` entries of ``lang/<code>/wordsenses.toml``: each names trigger
lemmas and event types plus conditions over the trigger's parsed clause, all of which must hold
for the entry to drop the event. Fixed phrases (``phrase``) are matched over lemmas with spaCy's
``Matcher``. Precision first: each answer drops the event; none retypes it."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from newswire_contracts import Actor
from newswire_extractor.rules.lang import word_data
from newswire_extractor.rules.syntax import children, conjuncts, first_conjunct, is_passive, lemma
from newswire_extractor.rules.triggers import Match

_OBJECT_DEPS = ("dobj", "nsubjpass")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NATIONALITY_LABELS = frozenset({"GPE", "NORP"})
_CLAUSES = ("xcomp", "ccomp")
_MODIFIERS = ("compound", "amod")
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_CONDITIONS = (
    "phrase",
    "particles",
    "objects",
    "other_objects",
    "preps",
    "prep_objects",
    "subjects",
    "complements",
    "modifiers",
    "deps",
    "tags",
    "by",
    "intransitive",
    "passive",
    "question",
)


@dataclass(frozen=True, slots=True)
class SenseRule:
    """One entry: when its conditions all hold, the trigger is not read in the event's sense."""

    why: str
    lemmas: frozenset[str] = frozenset()  # trigger lemmas (empty: any)
    types: frozenset[str] = frozenset()  # event types (empty: any)
    kind: str | None = None  # "verb" or "noun" (None: both)
    phrase: tuple[str, ...] = ()  # the trigger is inside this lemma sequence ('feed up')
    particles: frozenset[str] = frozenset()  # one of these particles or prepositions hangs off it
    objects: frozenset[str] = frozenset()  # it has objects and every one is one of these
    other_objects: frozenset[str] = frozenset()  # it has objects, none of these and no place
    preps: frozenset[str] = frozenset()  # with prep_objects: a 'with X' whose X is listed
    prep_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # its subject is one of these
    complements: frozenset[str] = frozenset()  # it governs one of these infinitives / clauses
    modifiers: frozenset[str] = frozenset()  # (nouns) a compound or adjective is one of these
    deps: frozenset[str] = frozenset()  # its own dependency is one of these ('acl', 'advcl')
    tags: frozenset[str] = frozenset()  # its tag is one of these ('VBN')
    by: frozenset[str] = frozenset()  # it is done 'by' a gerund of one of these ('by saying')
    intransitive: bool = False  # no object and not passive ('the stance dissolved')
    passive: bool = False  # passive
    question: bool = False  # it reports a question ('asked whether', 'asked about', '?')

    def holds(
        self, match: Match, event_type: str, phrases: Mapping[tuple[str, ...], frozenset[int]]
    ) -> bool:
        word, head = match.word, match.head
        if self.lemmas and lemma(word) not in self.lemmas and word.lower_ not in self.lemmas:
            return False
        if self.types and event_type not in self.types:
            return False
        if self.kind is not None and match.rule.kind != self.kind:
            return False
        if self.phrase and word.i not in phrases.get(self.phrase, frozenset()):
            return False
        return self._clause_fits(word, head)

    def _clause_fits(self, word: Token, head: Token) -> bool:
        objects = _objects(head)
        failed = (
            (self.particles and not _particles(head) & self.particles)
            or (self.objects and not _all_in(objects, self.objects))
            or (self.other_objects and not _none_in(objects, self.other_objects))
            or (
                self.prep_objects
                and not _any_in(_prep_objects(head, self.preps), self.prep_objects)
            )
            or (self.subjects and not _any_in(_subjects(head), self.subjects))
            or (self.complements and not _any_in(children(head, *_CLAUSES), self.complements))
            or (self.modifiers and not _any_in(children(word, *_MODIFIERS), self.modifiers))
            or (self.deps and _dep(head) not in self.deps)
            or (self.tags and head.tag_ not in self.tags)
            or (self.by and not _any_in(_by_gerunds(head), self.by))
            or (self.intransitive and (objects or is_passive(head)))
            or (self.passive and not _passive(head))
            or (self.question and not _question(head))
        )
        return not failed


@dataclass(frozen=True)
class Private:
    """Who acts privately: a family member or a first-person speaker with no political side."""

    types: frozenset[str]
    kin: frozenset[str]
    persons: frozenset[str]
    political_sectors: frozenset[str]
    political_kinds: frozenset[str]


class Senses:
    """Applies the word-sense table and the private-act check to one trigger at a time."""

    def __init__(self, rules: Sequence[SenseRule], private: Private) -> None:
        self._rules = rules
        self._private = private
        self._phrases = [r.phrase for r in rules if r.phrase]
        self._matchers: dict[int, Matcher] = {}

    @property
    def rule_count(self) -> int:
        return len(self._rules)

    def reason(self, match: Match, event_type: str) -> str | None:
        """Why the trigger is not read in the sense of this event type here, or None."""
        phrases = self._phrase_tokens(match.word.sent) if self._phrases else {}
        for rule in self._rules:
            if rule.holds(match, event_type, phrases):
                return rule.why
        return None

    def _phrase_tokens(self, sentence: Span) -> dict[tuple[str, ...], frozenset[int]]:
        """The tokens each phrase covers in the sentence (a phrase holds only for its own
        entry: 'asked not to be named' is not 'it is striking')."""
        matcher = self._matcher(sentence.doc.vocab)
        offset = sentence.start  # a Span's matches count from the span's start
        found: dict[tuple[str, ...], set[int]] = {}
        for match_id, start, end in matcher(sentence):
            phrase = self._phrases[int(sentence.doc.vocab.strings[match_id][len("sense") :])]
            found.setdefault(phrase, set()).update(offset + i for i in range(start, end))
        return {phrase: frozenset(tokens) for phrase, tokens in found.items()}

    def _matcher(self, vocab: Vocab) -> Matcher:
        found = self._matchers.get(id(vocab))
        if found is None:
            found = Matcher(vocab)
            for n, phrase in enumerate(self._phrases):
                found.add(f"sense{n}", [[{"LEMMA": {"IN": _forms(w)}} for w in phrase]])
            self._matchers[id(vocab)] = found
        return found

    def private_act(self, event_type: str, parties: Sequence[Actor]) -> str | None:
        """'I spoke to him on the phone', 'the family had spoken to her': no party with a country
        or a political sector on either side, and a relative or the first-person speaker among
        them ('Scottish families accused the ferry operator' stays: the families have a country)."""
        private = self._private
        if event_type not in private.types or not parties:
            return None
        for party in parties:
            if party.country or (party.sector or "").casefold() in private.political_sectors:
                return None
            if party.kind.casefold() in private.political_kinds:
                return None
        if any(_is_private(p, private) for p in parties):
            return "private act"
        return None


def _is_private(party: Actor, private: Private) -> bool:
    words = party.text.casefold().replace("-", " ").split()
    if not words:
        return False
    return words[-1] in private.kin or party.text.casefold() in private.persons


def _forms(word: str) -> list[str]:
    return [word, word.capitalize()]


def _particles(verb: Token) -> set[str]:
    return {lemma(c) for c in verb.children if c.dep_ in ("prt", "prep") or c.tag_ == "RP"}


def _objects(head: Token) -> list[Token]:
    """What the trigger acts on: its objects, or the noun its participle describes."""
    found = [t for o in children(head, *_OBJECT_DEPS) for t in _coordinated(o)]
    if not found and head.dep_ == "acl" and head.tag_ == "VBN":
        found = [head.head]
    return found


def _coordinated(token: Token) -> list[Token]:
    """The coordinated objects; 'US, British and European support' is one thing (the parser
    often makes the first nationality the object and the noun its conjunct)."""
    found = conjuncts(token)
    last = found[-1]
    named = all(t.ent_type_ in _NATIONALITY_LABELS for t in found[:-1])
    if len(found) > 1 and last.pos_ == "NOUN" and not last.ent_type_ and named:
        return [last]
    return found


def _dep(head: Token) -> str:
    """The dependency of a coordinated verb is its first conjunct's ('led by X and backed by
    Y': both describe)."""
    return str(first_conjunct(head).dep_)


def _passive(head: Token) -> bool:
    return is_passive(head) or (head.tag_ == "VBN" and head.dep_ == "acl")


def _subjects(head: Token) -> list[Token]:
    return [t for s in children(head, "nsubj", "nsubjpass") for t in conjuncts(s)]


def _prep_objects(head: Token, preps: frozenset[str]) -> list[Token]:
    return [
        obj
        for p in children(head, "prep", "agent")
        if not preps or lemma(p) in preps
        for pobj in children(p, "pobj")
        for named in conjuncts(pobj)
        for obj in (named, *children(named, "compound", "appos"))
    ]


def _by_gerunds(head: Token) -> list[Token]:
    return [g for p in children(head, "prep") if lemma(p) == "by" for g in children(p, "pcomp")]


def _question(head: Token) -> bool:
    """'asked whether ...', 'asked why ...', 'asked about ...', or a quoted question."""
    if any(t.text == "?" for t in head.sent) or _after_question(head):
        return True
    if any(lemma(p) == "about" for p in children(head, "prep")):
        return True
    for clause in children(head, "ccomp"):
        marks = {lemma(m) for m in children(clause, "mark")}
        first = next(iter(clause.subtree))
        if marks & {"if", "whether"} or first.tag_ in _WH_TAGS:
            return True
    return False


def _after_question(head: Token) -> bool:
    """'"Why should we pay?" the senator asked': a bare 'asked' right after a quoted question
    (the parser often ends the sentence at the question mark)."""
    if children(head, "dobj", "dative", "xcomp", "ccomp", "prep"):
        if any(lemma(p) in ("for", "to") for p in children(head, "prep")):
            return False
        if children(head, "dobj", "dative", "xcomp", "ccomp"):
            return False
    start = head.sent.start
    before = [t for t in head.doc[max(0, start - 3) : start] if not (t.is_quote or t.is_space)]
    return bool(before) and before[-1].text == "?"


def _words(tokens: Iterable[Token]) -> list[set[str]]:
    return [{lemma(t), t.lower_} for t in tokens]


def _any_in(tokens: Iterable[Token], words: frozenset[str]) -> bool:
    return any(w & words for w in _words(tokens))


def _all_in(tokens: Sequence[Token], words: frozenset[str]) -> bool:
    return bool(tokens) and all(w & words for w in _words(tokens))


def _none_in(tokens: Sequence[Token], words: frozenset[str]) -> bool:
    if not tokens or any(t.ent_type_ in _PLACE_LABELS for t in tokens):
        return False
    return not any(w & words for w in _words(tokens))


def parse_senses(data: Mapping[str, object]) -> Senses:
    """Build the checks from the parsed wordsenses.toml structure."""
    entries = data.get("sense", [])
    if not isinstance(entries, list):
        raise ValueError("wordsenses: [[sense]] must be an array of tables")
    rules = [_rule(entry) for entry in entries]
    table = data.get("private", {})
    if not isinstance(table, Mapping):
        raise ValueError("wordsenses: [private] must be a table")
    private = Private(
        types=frozenset(str(t) for t in _list(table, "types")),
        kin=_set(table, "kin"),
        persons=_set(table, "persons"),
        political_sectors=_set(table, "political_sectors"),
        political_kinds=_set(table, "political_kinds"),
    )
    return Senses(rules, private)


def _rule(entry: object) -> SenseRule:
    if not isinstance(entry, Mapping) or not isinstance(entry.get("why"), str):
        raise ValueError(f"wordsenses: each [[sense]] needs a 'why': {entry!r}")
    unknown = set(entry) - {"why", "lemmas", "types", "kind", *_CONDITIONS}
    if unknown:
        raise ValueError(f"wordsenses: unknown keys {sorted(unknown)} in {entry['why']!r}")
    if not any(entry.get(c) for c in _CONDITIONS):
        raise ValueError(f"wordsenses: {entry['why']!r} has no condition")
    kind = entry.get("kind")
    return SenseRule(
        why=str(entry["why"]),
        lemmas=_set(entry, "lemmas"),
        types=frozenset(str(t) for t in _list(entry, "types")),
        kind=str(kind) if kind is not None else None,
        phrase=tuple(str(w).casefold() for w in _list(entry, "phrase")),
        particles=_set(entry, "particles"),
        objects=_set(entry, "objects"),
        other_objects=_set(entry, "other_objects"),
        preps=_set(entry, "preps"),
        prep_objects=_set(entry, "prep_objects"),
        subjects=_set(entry, "subjects"),
        complements=_set(entry, "complements"),
        modifiers=_set(entry, "modifiers"),
        deps=_set(entry, "deps"),
        tags=frozenset(str(t) for t in _list(entry, "tags")),
        by=_set(entry, "by"),
        intransitive=bool(entry.get("intransitive", False)),
        passive=bool(entry.get("passive", False)),
        question=bool(entry.get("question", False)),
    )


def _list(entry: Mapping[str, object], key: str) -> list[object]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"wordsenses: {key} must be a list")
    return value


def _set(entry: Mapping[str, object], key: str) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in _list(entry, key))


@functools.cache
def load_senses(code: str = "en") -> Senses:
    """The word-sense table of a language (``lang/<code>/wordsenses.toml``, from the one cached
    parse of the language's files)."""
    return parse_senses(word_data("wordsenses", code))
