"""ConfliBERT CAMEO sentences: quad-class agreement of the extracted event types and
actor/target span F1 (conflibert-cameo training split, read from ../shared/corpora)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newswire.measure.corpora import CorpusError
from newswire_contracts import Event

# PLOVER type -> CAMEO quad class of this data set (corpora/conflibert-cameo/README.md).
QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
CLASS_NAMES = (
    "0 statement",
    "1 verbal coop",
    "2 material coop",
    "3 verbal conflict",
    "4 material conflict",
)
Extract = Callable[[str, str], list[Event]]


def _file(shared: Path, name: str) -> Path:
    path = shared / "corpora" / "conflibert-cameo" / name
    if not path.is_file():
        raise CorpusError(f"corpus file not found: {path}")
    return path


def _nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load_classes(shared: Path) -> list[tuple[str, int]]:
    """Unique (sentence, label) rows of ``cameo_class_train.tsv`` (split on the tab; CRLF)."""
    path = _file(shared, "cameo_class_train.tsv")
    seen: dict[str, tuple[str, int]] = {}
    for n, line in enumerate(path.read_bytes().decode("utf-8").split("\r\n"), 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise CorpusError(f"{path}:{n}: expected sentence<TAB>0-4")
        seen.setdefault(text.strip(), (text.strip(), int(label)))
    return list(seen.values())


def top_event(events: Sequence[Event]) -> Event | None:
    """The sentence's event for a one-label comparison: the most confident, the first on ties."""
    return max(events, key=lambda e: e.confidence) if events else None


@dataclass
class ClassScore:
    """Quad-class agreement; a sentence with no event is predicted class 0 (statement)."""

    sentences: int = 0
    correct: int = 0
    correct_lenient: int = 0  # REQUEST also right on label 0 (appeals are label 0 in CAMEO)
    positives: int = 0  # labels 1-4
    positives_correct: int = 0
    positives_any: int = 0  # some event of the sentence has the label's class
    with_event: int = 0
    with_event_correct: int = 0
    confusion: dict[str, int] = field(default_factory=dict)  # "gold>predicted" -> count
    event_rate: dict[int, tuple[int, int]] = field(default_factory=dict)  # label -> (events, n)

    def as_dict(self) -> dict[str, object]:
        def pct(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "sentences": self.sentences,
            "accuracy": pct(self.correct, self.sentences),
            "accuracy_request_on_0_ok": pct(self.correct_lenient, self.sentences),
            "accuracy_labels_1_4": pct(self.positives_correct, self.positives),
            "any_event_right_labels_1_4": pct(self.positives_any, self.positives),
            "precision_when_event": pct(self.with_event_correct, self.with_event),
            "share_with_event_by_label": {
                str(k): pct(a, b) for k, (a, b) in sorted(self.event_rate.items())
            },
        }


def score_classes(rows: Sequence[tuple[str, int]], extract: Extract) -> ClassScore:
    score = ClassScore()
    confusion: Counter[str] = Counter()
    rate: Counter[tuple[int, bool]] = Counter()
    for i, (text, label) in enumerate(rows):
        events = extract(text, f"cameo-class-{i}")
        top = top_event(events)
        predicted = QUAD[top.event_type] if top else 0
        score.sentences += 1
        score.correct += predicted == label
        score.correct_lenient += predicted == label or (
            label == 0 and top is not None and top.event_type == "REQUEST"
        )
        confusion[f"{label}>{predicted}"] += 1
        rate[(label, bool(events))] += 1
        if label:
            score.positives += 1
            score.positives_correct += predicted == label
            score.positives_any += label in {QUAD[e.event_type] for e in events}
        if events:
            score.with_event += 1
            score.with_event_correct += predicted == label
    score.confusion = dict(sorted(confusion.items()))
    score.event_rate = {k: (rate[(k, True)], rate[(k, True)] + rate[(k, False)]) for k in range(5)}
    return score


# ---------------------------------------------------------------------------------------------
# actor/target spans


@dataclass(frozen=True)
class SpanSentence:
    """A CoNLL sentence: its text, each token's character range and the gold role spans."""

    text: str
    tokens: list[tuple[int, int]]
    spans: list[tuple[str, int, int]]  # (S|T|R, first token, last token + 1)


_NO_SPACE_BEFORE = {
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    "%",
    ")",
    "]",
    "'s",
    "'",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "’s",
    "’",
}


def _detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    text, offsets = "", []
    for i, tok in enumerate(tokens):
        if i and tok not in _NO_SPACE_BEFORE and not text.endswith(("(", "[", "$")):
            text += " "
        offsets.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offsets


def _align(text: str, tokens: Sequence[str]) -> list[tuple[int, int]] | None:
    """Each token's range in ``text`` (same characters, whitespace aside), or None."""
    offsets, pos = [], 0
    for tok in tokens:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if text[pos : pos + len(tok)] != tok:
            return None
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
    return offsets


def _spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        prefix, _, role = tag.partition("-")
        if prefix == "B" or (
            prefix == "I" and not (spans and spans[-1][0] == role and spans[-1][2] == i)
        ):
            spans.append((role, i, i + 1))  # an I- without its B- starts a span too
        elif prefix == "I":
            spans[-1] = (role, spans[-1][1], i + 1)
    return spans


def load_spans(shared: Path, originals: Sequence[str] = ()) -> list[SpanSentence]:
    """``cameo_ner_train.txt``; a sentence whose text (whitespace aside) is one of
    ``originals`` (the class file's sentences) uses that text, else the tokens re-joined."""
    path = _file(shared, "cameo_ner_train.txt")
    by_letters = {_nospace(t): t for t in originals}
    sentences = []
    for n, block in enumerate(re.split(r"\r?\n\s*\r?\n", path.read_text(encoding="utf-8")), 1):
        rows = [line.rsplit(" ", 1) for line in block.splitlines() if line.strip()]
        if not rows:
            continue
        if any(len(r) != 2 for r in rows):
            raise CorpusError(f"{path}: sentence {n}: expected 'token TAG' lines")
        tokens, tags = [r[0] for r in rows], [r[1] for r in rows]
        original = by_letters.get("".join(tokens))
        offsets = _align(original, tokens) if original else None
        if original is None or offsets is None:
            text, offsets = _detokenize(tokens)
        else:
            text = original
        sentences.append(SpanSentence(text, offsets, _spans(tags)))
    return sentences


@dataclass
class SpanCounts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0

    def as_dict(self) -> dict[str, object]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def _token_set(sentence: SpanSentence, start: int | None, end: int | None) -> frozenset[int]:
    if start is None or end is None:
        return frozenset()
    return frozenset(i for i, (a, b) in enumerate(sentence.tokens) if a < end and b > start)


def _match(
    predicted: list[tuple[str, frozenset[int]]],
    gold: list[tuple[str, frozenset[int]]],
    exact: bool,
) -> int:
    """One-to-one greedy matches: actor with S or R, target with T or R; by token overlap or,
    with ``exact``, the same tokens."""
    allowed = {"actor": {"S", "R"}, "target": {"T", "R"}}
    used: set[int] = set()
    hits = 0
    for role, tokens in predicted:
        for j, (g_role, g_tokens) in enumerate(gold):
            if j in used or g_role not in allowed[role]:
                continue
            if (tokens == g_tokens) if exact else bool(tokens & g_tokens):
                used.add(j)
                hits += 1
                break
    return hits


def _predicted(sentence: SpanSentence, event: Event | None) -> list[tuple[str, frozenset[int]]]:
    if event is None:
        return []
    return [
        (role, _token_set(sentence, a.start, a.end))
        for role, actors in (("actor", event.actors), ("target", event.targets))
        for a in actors
    ]


def score_spans(
    sentences: Sequence[SpanSentence], extract: Extract
) -> dict[str, dict[str, object]]:
    """Actor/target span precision, recall and F1 of the sentence's top event (by token overlap
    and exact), plus the best-matching event of the sentence as an upper bound."""
    counts = {k: SpanCounts() for k in ("overlap", "exact", "overlap_best_event")}
    for i, sentence in enumerate(sentences):
        gold = [(role, frozenset(range(a, b))) for role, a, b in sentence.spans]
        events = extract(sentence.text, f"cameo-ner-{i}")

        top = _predicted(sentence, top_event(events))
        for name, exact in (("overlap", False), ("exact", True)):
            c = counts[name]
            c.predicted += len(top)
            c.gold += len(gold)
            c.matched += _match(top, gold, exact)
        options = [_predicted(sentence, e) for e in events] or [[]]
        best = max(options, key=lambda p: (_match(p, gold, False), -len(p)))
        c = counts["overlap_best_event"]
        c.predicted += len(best)
        c.gold += len(gold)
        c.matched += _match(best, gold, False)
    return {k: v.as_dict() for k, v in counts.items()}
