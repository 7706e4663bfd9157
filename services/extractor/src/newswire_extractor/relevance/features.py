"""Article text -> hashed word features, the same for raw text and for FJTY's bags of lemmas.

The relevance model is trained on FJTY-Filter records, which keep only a story's spaCy lemmas
longer than three letters, alphabetic, outside named entities and not stop words, in text order.
Raw article text is brought to the same shape cheaply: capitalised words inside a sentence count
as names and go, words are lower-cased and crudely lemmatised (the same function runs over the
FJTY lemmas, so both sides meet in one form), and short words and stop words go. Unigrams and
bigrams of what is left are hashed (CRC-32) into a fixed number of buckets.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence

# A word (letters only) or a mark that ends a sentence; digits, quotes and brackets are skipped.
_TOKEN = re.compile(r"[^\W\d_]+|[.!?:;\n]")
_BOUNDARY = frozenset(".!?:;\n")
MIN_LENGTH = 4  # FJTY keeps lemmas longer than three characters

# Irregular forms whose crude lemma would not meet spaCy's lemma (team-written list).
IRREGULAR = {
    "said": "say",
    "says": "say",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "told": "tell",
    "went": "go",
    "gone": "go",
    "gave": "give",
    "given": "give",
    "made": "make",
    "left": "leave",
    "brought": "bring",
    "fought": "fight",
    "lost": "lose",
    "sought": "seek",
    "began": "begin",
    "begun": "begin",
    "came": "come",
    "fell": "fall",
    "fallen": "fall",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "shot": "shoot",
    "struck": "strike",
    "thought": "think",
    "found": "find",
    "kept": "keep",
    "sent": "send",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "rose": "rise",
    "risen": "rise",
    "knew": "know",
    "known": "know",
    "seen": "see",
    "chose": "choose",
    "chosen": "choose",
    "children": "child",
    "women": "woman",
    "stole": "steal",
    "stolen": "steal",
    "threw": "throw",
    "thrown": "throw",
    "drove": "drive",
    "driven": "drive",
    "fled": "flee",
    "hung": "hang",
    "built": "build",
    "spent": "spend",
    "felt": "feel",
    "meant": "mean",
    "heard": "hear",
    "stood": "stand",
    "understood": "understand",
    "forces": "force",
    "leaves": "leave",
}


def crude_lemma(word: str) -> str:
    """A lower-cased word's rough lemma: plural, -ed, -ing and final -e stripped; idempotent
    enough that spaCy's lemma and the inflected form usually meet."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= MIN_LENGTH:
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ied") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 5:
        word = word[:-2]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # 'stopped' -> 'stop'
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def text_words(text: str) -> list[str]:
    """The lower-cased words of raw text that FJTY's word-list maker would keep before its
    stop-word and length filters: capitalised words inside a sentence are names and go, and
    so does a sentence's first word when the text also has it capitalised inside a sentence."""
    words: list[tuple[str, bool]] = []
    names: set[str] = set()
    initial = True
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _BOUNDARY:
            initial = True
            continue
        if token[0].isupper():
            lower = token.lower()
            if not initial:
                names.add(lower)
            elif not token.isupper():
                words.append((lower, True))
        else:
            words.append((token, False))
        initial = False
    return [w for w, first in words if not (first and w in names)]


def content_words(words: Iterable[str], stop_words: frozenset[str]) -> list[str]:
    """Crude lemmas of the words that are neither stop words nor shorter than four letters."""
    kept = []
    for word in words:
        if word in stop_words or not word.isalpha():
            continue
        lemma = crude_lemma(word)
        if len(lemma) >= MIN_LENGTH and lemma not in stop_words:
            kept.append(lemma)
    return kept


def bucket(term: str, n_buckets: int) -> int:
    return zlib.crc32(term.encode("utf-8")) % n_buckets


def hashed_counts(lemmas: Sequence[str], n_buckets: int, *, bigrams: bool) -> Counter[int]:
    """Bucket -> count of the unigrams (and bigrams, joined by a space) of ``lemmas``."""
    terms: list[str] = list(lemmas)
    if bigrams:
        terms += [f"{a} {b}" for a, b in itertools.pairwise(lemmas)]
    return Counter(bucket(term, n_buckets) for term in terms)
