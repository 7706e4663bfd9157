"""The staged front end: rule sentences, the lexicon prefilter, rule-based names, attributes."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.rules.attributes import FastAttributes
from newswire_extractor.rules.extractor import irregular_forms
from newswire_extractor.rules.lexicon import load_lexicon
from newswire_extractor.rules.prefilter import Inflections, Prefilter, sentence_words
from newswire_extractor.rules.sentences import split_sentences

STORY = (
    "ISTANBUL — Ukrainian and Russian delegations held talks on Monday.\n\n"
    "The U.S. envoy, Mr. Hale, arrived at 10 a.m. and said nothing. “We came in good faith. "
    "We will come back,” he said.\nThe weather was mild\n"
    "and the Bosphorus was calm."
)


def _sentences(nlp: Any, text: str) -> list[str]:
    doc = nlp.make_doc(text)
    return [doc[s:e].text.strip() for s, e in split_sentences(doc)]


def test_rule_sentences_split_datelines_paragraphs_and_quotes(nlp: Any) -> None:
    assert _sentences(nlp, STORY) == [
        "ISTANBUL —",
        "Ukrainian and Russian delegations held talks on Monday.",
        "The U.S. envoy, Mr. Hale, arrived at 10 a.m. and said nothing.",
        "“We came in good faith.",
        "We will come back,” he said.",
        "The weather was mild\nand the Bosphorus was calm.",
    ]


def test_sentences_cover_every_token(nlp: Any) -> None:
    doc = nlp.make_doc(STORY)
    bounds = split_sentences(doc)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert split_sentences(nlp.make_doc("")) == []


@pytest.fixture(scope="module")
def prefilter(nlp: Any) -> Prefilter:
    return Prefilter(load_lexicon(), Inflections(irregular_forms(nlp)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police detained three people on Sunday.", True),  # a plain verb trigger
        ("The ministers held talks in Geneva.", True),  # a noun with its support verb
        ("The talks in Geneva were long.", False),  # a noun trigger without a support verb
        ("Workers walked out at dawn.", True),  # 'walk' needs its particle
        ("She walked home at dawn.", False),
        ("The weather was mild and the sea was calm.", False),
        ("Russia said Sudan must return the helicopter.", True),  # a demand without a trigger
    ],
)
def test_prefilter_checks_words_and_their_constraints(
    prefilter: Prefilter, sentence: str, expected: bool
) -> None:
    words = sentence_words(sentence.rstrip(".").split())
    assert prefilter.may_have_event(words) is expected


def test_inflections_cover_regular_andirregular_forms() -> None:
    forms = Inflections({"seek": frozenset({"sought"})})
    assert {"stops", "stopped", "stopping"} <= forms.verb("stop")
    assert {"carries", "carried"} <= forms.verb("carry")
    assert "sought" in forms.verb("seek")
    assert {"talks", "ceasefires"} <= forms.noun("talk") | forms.noun("ceasefire")
    assert sentence_words(["Hunger-strike"]) == {"hunger-strike", "hunger", "strike"}


def _names(extractor: RulesExtractor, text: str) -> dict[str, str]:
    result = extractor.extract(text, article_id="n", published_at=None)
    return {e.text: e.label for e in result.entities}


def test_names_come_from_the_parse_and_the_knowledge_base(extractor: RulesExtractor) -> None:
    names = _names(
        extractor,
        "Deputy Commissioner Farhana Rahman of the Dhaka Metropolitan Police said officers "
        "detained 31 activists of the National Citizens' Alliance in the Motijheel district "
        "and near the village of Sotk on Saturday, after talks with the Department of "
        "Foreign Affairs in the Gulf of Finland, Ukraine and NATO.",
    )
    assert names["Farhana Rahman"] == "PERSON"
    assert names["Dhaka Metropolitan Police"] == "ORG"
    assert names["National Citizens' Alliance"] == "ORG"
    assert names["Motijheel"] == "GPE"
    assert names["Sotk"] == "GPE"
    assert names["Department of Foreign Affairs"] == "ORG"
    assert names["Gulf of Finland"] == "LOC"
    assert names["Saturday"] == "DATE"
    assert (names["Ukraine"], names["NATO"]) == ("GPE", "ORG")


def test_a_surname_after_a_full_name_is_the_same_person(extractor: RulesExtractor) -> None:
    names = _names(
        extractor,
        "Prosecutors said Helena Vasquez-Moor had asked judges to act. "
        "Vasquez-Moor said judges must now issue warrants.",
    )
    assert names["Helena Vasquez-Moor"] == "PERSON"
    assert names["Vasquez-Moor"] == "PERSON"


def test_only_parsed_sentences_are_parsed(extractor: RulesExtractor) -> None:
    text = "Police arrested 12 protesters. The weather was mild. Rain fell in Lisbon."
    analysis = extractor.analyzer(text)
    parsed = [analysis.doc[s:e].text.strip() for s, e in analysis.parsed]
    assert parsed == ["Police arrested 12 protesters."]
    entities = {e.text: e.label_ for e in analysis.doc.ents}
    assert entities["Lisbon"] == "GPE"  # names outside parsed sentences come from the KB


def test_fast_attributes_match_spacys_attribute_ruler(nlp: Any) -> None:
    text = (
        "There is no doubt that it wasn't the army's plan. I'm sure they're gonna ask "
        "whether we've seen it, although he gets bored and got lost."
    )
    slow, fast = nlp.make_doc(text), nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name in ("attribute_ruler", "lemmatizer", "ner"):
            break
        slow, fast = component(slow), component(fast)
    nlp.get_pipe("attribute_ruler")(slow)
    FastAttributes(nlp.get_pipe("attribute_ruler"))(fast)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in slow] == [
        (t.pos_, str(t.morph), t.lemma_) for t in fast
    ]
