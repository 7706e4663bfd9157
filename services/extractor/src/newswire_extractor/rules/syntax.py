"""Dependency-tree helpers over spaCy tokens: subjects, objects, particles and noun phrases."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Prepositions whose objects are the recipients of an event ("met with", "sanctions on").
TARGET_PREPS = frozenset(
    {
        "with",
        "to",
        "on",
        "against",
        "from",
        "at",
        "toward",
        "towards",
        "into",
        "upon",
        "over",
        "for",
        "between",
        "among",
        "onto",
    }
)
# Verbs whose object is also the subject of their infinitive ("urged Russia to return").
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "tell",
        "order",
        "force",
        "allow",
        "permit",
        "invite",
        "persuade",
        "call",
        "press",
        "pressure",
        "encourage",
        "instruct",
        "direct",
        "compel",
        "request",
        "warn",
        "advise",
        "help",
        "enable",
        "push",
        "implore",
        "beg",
        "appeal",
        "authorize",
        "demand",
    }
)
# Heads that only quantify or classify the noun after "of" ("a state of emergency").
QUANTIFIER_HEADS = frozenset(
    {
        "state",
        "number",
        "group",
        "batch",
        "series",
        "team",
        "wave",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "some",
        "all",
        "most",
        "many",
        "part",
        "rest",
        "remainder",
        "majority",
        "lot",
        "couple",
        "handful",
        "squad",
        "total",
        "score",
        "scores",
        "tens",
        "millions",
        "each",
        "none",
        "several",
        "few",
        "both",
        # measures: '40 tonnes of medicines' is medicine
        "tonne",
        "ton",
        "kilogram",
        "litre",
        "liter",
        "gallon",
        "barrel",
        "truckload",
        "planeload",
        "consignment",
        "crate",
        "pallet",
        "load",
    }
)
_NP_LEFT_DEPS = frozenset(
    {
        "det",
        "predet",
        "amod",
        "compound",
        "poss",
        "case",
        "nmod",
        "nummod",
        "quantmod",
        "npadvmod",
        "punct",
        "prep",
        "pobj",
        "advmod",
    }
)
_NP_TRIM = frozenset({"det", "predet", "punct", "cc", "prep", "case"})
# 'went on strike', 'engaged in talks', 'resorted to violence', 'arrived for talks'; not
# 'imposed a curfew after clashes', where the noun only sets the scene.
_SUPPORT_PREPS = frozenset({"on", "in", "into", "to", "for", "at"})
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "acl", "xcomp", "csubj"})


def lemma(token: Token) -> str:
    return str(token.lemma_).casefold()


def lemma_candidates(token: Token) -> tuple[str, ...]:
    """The lemma, then guesses from the surface form, for lemmatizer slips ('staged' -> 'stag')."""
    word = str(token.lower_)
    found = [lemma(token), word]
    for suffix, replacement in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.append(word[: -len(suffix)] + replacement)
    return tuple(dict.fromkeys(found))


def lemma_in(token: Token, words: frozenset[str] | set[str]) -> bool:
    """Whether the token's lemma (or a guess at it) is one of the words."""
    return any(candidate in words for candidate in lemma_candidates(token))


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ('Bosnia and Slovenia')."""
    return [token, *token.conjuncts]


def first_conjunct(token: Token) -> Token:
    """The first of coordinated words ('met and agreed': 'met'), whose role the others share, as
    Universal Dependencies' enhanced graphs propagate it ('led by X and backed by Y': both
    describe)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def particles(verb: Token) -> set[str]:
    """Lemmas of particles and prepositions hanging off a verb ('call on', 'hand over')."""
    return {
        lemma(c)
        for c in verb.children
        if c.dep_ in ("prt", "prep", "agent") or (c.dep_ == "advmod" and c.tag_ == "RP")
    }


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to the token ('with X' -> X)."""
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and lemma(prep) in preps:
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield obj
            if lemma(prep) == "between":
                continue
        if prep.dep_ == "prt" and lemma(prep) in preps:
            yield from (c for c in prep.children if c.dep_ == "pobj")


def through_quantifier(token: Token) -> Token:
    """'15 of its observers' -> observers; 'a state of emergency' -> emergency."""
    if lemma(token) in QUANTIFIER_HEADS or token.pos_ == "NUM":
        for obj in prep_objects(token, {"of"}):
            return obj
    return token


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on: direct objects, passive subjects, particle objects."""
    heads = children(verb, "dobj", "nsubjpass", "attr", "oprd")
    heads += [o for o in prep_objects(verb, particles(verb)) if o.dep_ == "pobj"]
    found: set[str] = set()
    for head in heads:
        for token in conjuncts(head):
            inner = through_quantifier(token)
            found.add(lemma(inner))
            found.add(str(inner.lower_))
            found.update(lemma(c) for c in inner.children if c.dep_ in ("compound", "nmod"))
    return found


def subject_lemmas(verb: Token) -> set[str]:
    """Lemmas of who or what does a verb: its subject, or its head's for a participle or
    coordinated verb ('a plane landed … carrying aid' -> plane), or the noun a participle
    modifies ('trucks carrying food' -> truck)."""
    current = verb
    for _ in range(3):
        found = children(current, "nsubj", "nsubjpass")
        if found:
            return {lemma(t) for head in found for t in conjuncts(head)}
        if current.dep_ == "acl":
            return {lemma(current.head)}
        if current.dep_ not in ("advcl", "conj", "xcomp"):
            break
        current = current.head
    return set()


def direct_objects(verb: Token) -> list[Token]:
    """Direct objects (or passive subjects) of a verb, with coordinated ones."""
    deps = ("nsubjpass",) if is_passive(verb) else ("dobj", "dative")
    return [t for head in children(verb, *deps) for t in conjuncts(head)]


def nominal_anchor(noun: Token) -> Token:
    """The token in argument position for a noun ('state of emergency', 'sanctions and a ban')."""
    anchor = noun
    for _ in range(3):
        if anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
            anchor = anchor.head
        elif (
            anchor.dep_ == "pobj"
            and lemma(anchor.head) == "of"
            # 'some of the heaviest raids', 'dozens of strikes': the quantifier is the argument
            and anchor.head.head.pos_ in ("NOUN", "PRON", "NUM")
            and lemma(anchor.head.head) in QUANTIFIER_HEADS
        ):
            anchor = anchor.head.head
        else:
            break
    return anchor


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the argument of ('held talks' -> held; 'went on strike' -> went)."""
    anchor = nominal_anchor(noun)
    if anchor.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj", "dative"):
        return anchor.head if anchor.head.pos_ in ("VERB", "AUX") else None
    if (
        anchor.dep_ == "pobj"
        and anchor.head.dep_ in ("prep", "prt")
        and lemma(anchor.head) in _SUPPORT_PREPS
    ):
        head = anchor.head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


def noun_modifiers(noun: Token) -> set[str]:
    """Lemmas that classify a noun: compounds and adjectives ('hunger strike'), its 'X of' head."""
    found = {lemma(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    found |= {str(c.lower_) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    anchor = nominal_anchor(noun)
    if anchor != noun:
        found.add(lemma(anchor))
    if "-" in noun.text:
        found.add(noun.text.casefold().split("-")[0])
    return found


def has_xcomp(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase a head token stands for, determiners trimmed."""
    start = head.i
    stack = [c for c in head.lefts if c.dep_ in _NP_LEFT_DEPS]
    while stack:
        token = stack.pop()
        if token.dep_ in ("prep", "pobj") and token.head == head:
            continue
        start = min(start, token.i)
        stack.extend(c for c in token.lefts if c.dep_ in _NP_LEFT_DEPS)
    doc = head.doc
    while start < head.i and (doc[start].dep_ in _NP_TRIM or doc[start].is_punct):
        start += 1
    # The small model sometimes detaches a possessor: "Yemen’s internationally recognised
    # government" with 'Yemen' as a subject of 'recognised'. A possessive right before the
    # phrase belongs to it.
    if start >= 2 and doc[start - 1].lower_ in ("'s", "’s") and doc[start - 2].pos_ == "PROPN":
        start -= 2
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
    return start, head.i + 1


def path_to(token: Token, ancestor: Token, *, stop_deps: frozenset[str] = CLAUSE_DEPS) -> bool:
    """Whether ancestor governs token without crossing into another clause on the way."""
    current = token
    while current != ancestor:
        if current.dep_ in stop_deps or current.head == current:
            return False
        current = current.head
    return True
