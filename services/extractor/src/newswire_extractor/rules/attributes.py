"""A faster stand-in for spaCy's attribute_ruler on one-token patterns (same results).

en_core_web_sm's attribute_ruler maps tags to parts of speech and morphology with ~180 Matcher
patterns, which costs about a tenth of the pipeline. Almost all patterns look at one token's
tag, lower-case form, dependency label or whitespace; those are indexed here by tag and by form
and applied in the ruler's own order (later patterns win, as in spaCy). The few patterns that
span several tokens ('gon na', 'there is') stay with a small spaCy AttributeRuler run after.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.pipeline import AttributeRuler

Doc = Any
_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
_MAX_PLANS = 200_000


@dataclass(frozen=True)
class _Test:
    """One token attribute's condition: equal, IN, NOT_IN or REGEX."""

    key: str
    equal: object = None
    within: frozenset[str] | None = None
    without: frozenset[str] | None = None
    regex: re.Pattern[str] | None = None

    def passes(self, value: object) -> bool:
        if self.within is not None:
            return value in self.within
        if self.without is not None:
            return value not in self.without
        if self.regex is not None:
            return isinstance(value, str) and self.regex.search(value) is not None
        return value == self.equal


@dataclass(frozen=True)
class _Rule:
    order: int
    tests: tuple[_Test, ...]
    attrs: Mapping[str, str]


def _tests(token_pattern: Mapping[str, Any]) -> tuple[_Test, ...] | None:
    tests = []
    for key, value in token_pattern.items():
        if key not in _KEYS:
            return None
        if isinstance(value, dict):
            if "IN" in value:
                tests.append(_Test(key, within=frozenset(value["IN"])))
            elif "NOT_IN" in value:
                tests.append(_Test(key, without=frozenset(value["NOT_IN"])))
            elif "REGEX" in value:
                tests.append(_Test(key, regex=re.compile(value["REGEX"])))
            else:
                return None
        else:
            tests.append(_Test(key, equal=value))
    return tuple(tests)


class FastAttributes:
    """Applies an AttributeRuler's patterns token by token, indexed by tag and form."""

    def __init__(self, ruler: Any) -> None:
        self._by_tag: dict[str, list[_Rule]] = defaultdict(list)
        self._by_lower: dict[str, list[_Rule]] = defaultdict(list)
        self._general: list[_Rule] = []
        self._cache: dict[tuple[str, str], tuple[_Rule, ...]] = {}
        self._plans: dict[tuple[str, str, str, bool], tuple[Mapping[str, str], ...]] = {}
        rest = []
        for order, spec in enumerate(ruler.patterns):
            patterns = spec["patterns"]
            tests = _tests(patterns[0][0]) if len(patterns) == 1 and len(patterns[0]) == 1 else None
            if tests is None:
                rest.append(spec)
                continue
            self._index(_Rule(order, tests, spec["attrs"]))
        self._rest = AttributeRuler(ruler.vocab)
        self._rest.add_patterns(rest)
        self._vocab = ruler.vocab

    def _index(self, rule: _Rule) -> None:
        keyed = {t.key: t.equal for t in rule.tests if t.equal is not None}
        if isinstance(keyed.get("TAG"), str):
            self._by_tag[str(keyed["TAG"])].append(rule)
        elif isinstance(keyed.get("LOWER"), str):
            self._by_lower[str(keyed["LOWER"])].append(rule)
        else:
            self._general.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        plans = self._plans
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            plan = plans.get(key)
            if plan is None:
                if len(plans) >= _MAX_PLANS:
                    plans.clear()  # a long-running service meets ever more word forms
                plan = plans[key] = self._plan(*key)
            for attrs in plan:
                self._apply(token, attrs)
        return self._rest(doc)

    def _plan(
        self, tag: str, lower: str, dep: str, is_space: bool
    ) -> tuple[Mapping[str, str], ...]:
        """The attribute sets a token with these values receives, in order: the outcome only
        depends on them, so it is worked out once per distinct (tag, form, dep, space)."""
        values: dict[str, object] = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": is_space}
        applied = []
        for rule in self._rules_for(tag, lower):
            if all(test.passes(values[test.key]) for test in rule.tests):
                applied.append(rule.attrs)
                # later rules see the tag and dependency earlier ones set, as in spaCy
                values.update((k, v) for k, v in rule.attrs.items() if k in ("TAG", "DEP"))
        return tuple(applied)

    def _rules_for(self, tag: str, lower: str) -> tuple[_Rule, ...]:
        key = (tag, lower)
        rules = self._cache.get(key)
        if rules is None:
            found = [*self._by_tag.get(tag, ()), *self._by_lower.get(lower, ()), *self._general]
            rules = tuple(sorted(found, key=lambda r: r.order))
            self._cache[key] = rules
        return rules

    def _apply(self, token: Any, attrs: Mapping[str, str]) -> None:
        for name, value in attrs.items():
            if name == "POS":
                token.pos_ = value
            elif name == "MORPH":
                token.set_morph(value)
            elif name == "LEMMA":
                token.lemma_ = value
            elif name == "TAG":
                token.tag_ = value
            elif name == "DEP":
                token.dep_ = value

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
