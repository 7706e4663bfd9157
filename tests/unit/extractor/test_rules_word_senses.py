"""The word-sense table (lang/en/wordsenses.toml, rules/senses.py): a trigger word in its everyday
sense, or a private act between relatives, gives no event; the same word in its political sense
keeps its event. Team-written sentences, each wrong sense next to the right one."""

from __future__ import annotations

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.rules import trace
from newswire_extractor.rules.senses import load_senses, parse_senses

from .conftest import PUBLISHED


def _types(extractor: RulesExtractor, sentence: str) -> list[str]:
    result = extractor.extract(sentence, article_id="senses", published_at=PUBLISHED, title="")
    return [e.event_type for e in result.events]


def _drops(extractor: RulesExtractor, sentence: str) -> list[str]:
    with trace.recording() as drops:
        extractor.extract(sentence, article_id="senses", published_at=PUBLISHED, title="")
    return [d.reason for d in drops]


# (a word in its everyday sense, a part of the reason it is dropped for)
WRONG = [
    ("Refugees abandoned their clothes and shoes at the border.", "abandoned a thing"),
    ("Ministers were fed up of waiting for the report.", "weariness"),
    ("The minister is backing out of a pledge to resign.", "backing out"),
    ("The Tories snatched victory from the Labour party in 1970.", "a win"),
    ("The government's plans have met with strong disapproval from unions.", "a reception"),
    ("The uprising was met with a brutal crackdown.", "a reception"),
    ("It is striking how quickly the rebels advanced.", "evaluation"),
    ("The coalition's united stance dissolved as the vote approached.", "nothing acted on"),
    ('"Why should we pay for their war?" the senator asked on Twitter.', "a question"),
    ("The minister, asked about the remark by reporters, said it was wrong.", "a question"),
    ("The senator asked whether the army had enough troops.", "a question"),
    ("The alliance, which received American logistical support, was formed in May.", "received"),
    ("The alliance received US, British and French logistical support on Monday.", "received"),
    ("The spokesman regretted that his wisdom would no longer be available.", "sorrow"),
    ("The minister regretted the death of the former president.", "sorrow"),
    ("The minister's once patriotic stance dissolved as the vote approached.", "nothing acted on"),
    ("The two party leaders clashed on Tuesday over taxes.", "war of words"),
    ("The British ambassador clashed with Trump over the air strikes.", "war of words"),
    ("The police were called but the attacker had gone.", "summoned help"),
    ("The minister insisted his concerns had been met.", "met a target"),
    (
        "The alliance, led by Kurdish militias and backed by the US, controls the north.",
        "relationship",
    ),
    ("Backed by Russian air power, government troops swept through the south.", "relationship"),
    ("The group said it was moving from a war of open confrontation to raids.", "change of"),
    ("The ministry declined to comment on the case.", "no comment"),
    ("The chancellor refused to rule out tax rises.", "no comment"),
    ("The foreign minister left the summit early, pleading urgent business at home.", "excuse"),
    ("The movement threatens the regime by offering an alternative vision.", "figure of speech"),
    ("The party squandered the opportunity offered by its strong result.", "opportunity"),
    ("Since leaving office he has toured the country with his one-man show.", "stage tour"),
    ("The committee's report also discussed the visa scandal.", "a text discussing"),
    ("The prime minister was not worried by their Commons clashes.", "war of words"),
    ("The foreign secretary hit back by saying the opposition had failed.", "words"),
    ("The envoy resigned over the president's decision to withdraw troops.", "in protest"),
    ("The regime defied the norms of civilised nations on Monday.", "defying norms"),
    ("Many of the fighters dispersed before the final battle.", "nothing acted on"),
]

# The political reading of the same words keeps its event.
RIGHT = [
    ("The army abandoned its positions near the city on Monday.", "RETREAT"),
    ("Rebels abandoned the town of Raqqa on Monday.", "RETREAT"),
    ("The government fed thousands of refugees in the camps on Monday.", "AID"),
    ("The opposition leader backed the peace plan on Monday.", "SUPPORT"),
    ("Gunmen snatched two aid workers in the north on Monday.", "ASSAULT"),
    ("The Iranian foreign minister met his Turkish counterpart in Ankara on Monday.", "CONSULT"),
    ("Workers at the port went on strike on Monday.", "PROTEST"),
    ("The president dissolved parliament on Monday.", "COERCE"),
    ("Police dispersed the protesters in the capital on Monday.", "COERCE"),
    ("The prime minister asked the United Nations to send peacekeepers on Monday.", "REQUEST"),
    ("The president received the Iranian foreign minister in Cairo on Monday.", "CONSULT"),
    ("Ministers discussed the ceasefire in Geneva on Monday.", "CONSULT"),
    ("Russian troops withdrew from the border town on Monday.", "RETREAT"),
    ("The ministry refused to release the detained journalists on Monday.", "REJECT"),
    ("The families pleaded with the government to free the hostages on Monday.", "REQUEST"),
    ("Iran threatened to close the strait on Monday.", "THREATEN"),
    ("The president visited the troops in the north on Monday.", "CONSULT"),
    ("Rebels clashed with government troops near the border town on Tuesday.", "ASSAULT"),
    ("The government defied the United Nations resolution on Monday.", "REJECT"),
    ("The minister spoke to his Iranian counterpart on the phone on Monday.", "CONSULT"),
    ("The families of the hostages met the prime minister on Monday.", "CONSULT"),
    ("The army apologised for the killing of three civilians on Monday.", "CONCEDE"),
    ("Police clashed with fans of the two clubs after the match on Sunday.", "ASSAULT"),
    ("The president received the US and British ambassadors in Cairo on Monday.", "CONSULT"),
]

PRIVATE = [
    '"I spoke to him on the phone for the first time today," his mother said.',
    "Her brother said the family had spoken to her on the phone.",
    "The family met her at the airport on Monday.",
    "Her relatives visited him in hospital on Sunday.",
]


@pytest.mark.parametrize(("sentence", "why"), WRONG)
def test_a_word_in_its_everyday_sense_gives_no_event(
    extractor: RulesExtractor, sentence: str, why: str
) -> None:
    assert _types(extractor, sentence) == []
    assert any(why in reason for reason in _drops(extractor, sentence))


@pytest.mark.parametrize(("sentence", "event_type"), RIGHT)
def test_the_political_sense_of_the_same_word_keeps_its_event(
    extractor: RulesExtractor, sentence: str, event_type: str
) -> None:
    assert event_type in _types(extractor, sentence)


@pytest.mark.parametrize("sentence", PRIVATE)
def test_a_private_act_between_relatives_gives_no_event(
    extractor: RulesExtractor, sentence: str
) -> None:
    assert _types(extractor, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Scottish families accused the ferry operator of abandoning the islands.", "ACCUSE"),
        ("The parents wrote to the minister on Monday demanding an inquiry.", "REQUEST"),
    ],
)
def test_relatives_campaigning_stay_political(
    extractor: RulesExtractor, sentence: str, event_type: str
) -> None:
    assert event_type in _types(extractor, sentence)


def test_every_sense_rule_has_a_reason_and_a_condition() -> None:
    senses = load_senses("en")
    assert senses.rule_count > 20


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sense": [{"lemmas": ["meet"]}]}, "needs a 'why'"),
        ({"sense": [{"why": "x", "lemmas": ["meet"]}]}, "has no condition"),
        ({"sense": [{"why": "x", "objects": ["a"], "colour": ["b"]}]}, "unknown keys"),
        ({"sense": [{"why": "x", "objects": "a"}]}, "must be a list"),
    ],
)
def test_a_malformed_sense_table_is_refused_with_a_clear_message(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_senses(data)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        # Giving up a demand is a concession; giving up a position is a retreat.
        ("The rebels abandoned their demand for a separate state on Monday.", "CONCEDE"),
        ("The army abandoned its positions near the city on Monday.", "RETREAT"),
        # Sanctions imposed are SANCTION, a curfew imposed is COERCE.
        ("The United States reimposed sanctions on Iran on Monday.", "SANCTION"),
        ("The government reimposed a curfew in the capital on Monday.", "COERCE"),
        # An act welcomed is support, a visitor welcomed is a meeting.
        ("Beijing welcomed the EU move on Monday.", "SUPPORT"),
        ("The president welcomed the Iranian foreign minister in Cairo on Monday.", "CONSULT"),
    ],
)
def test_the_object_decides_the_type(
    extractor: RulesExtractor, sentence: str, event_type: str
) -> None:
    assert _types(extractor, sentence) == [event_type]
