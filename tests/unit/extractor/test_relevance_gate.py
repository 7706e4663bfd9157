"""The article gate: off-topic news and other languages get no events and say why; political
news passes and keeps its events. All texts here are written by the team."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newswire_contracts import ArticleFetchedV1, ArticleV1
from newswire_extractor import RulesExtractor
from newswire_extractor.relevance import (
    ArticleGate,
    article_language,
    load_relevance_metrics,
    load_relevance_model,
)
from newswire_extractor.relevance.features import content_words, crude_lemma, text_words
from newswire_extractor.service import ExtractorService
from newswire_extractor.settings import ExtractorSettings

ROOT = Path(__file__).resolve().parents[3]
PUBLISHED = datetime(2025, 6, 3, 10, 0, tzinfo=UTC)

SPORTS = """MANCHESTER — Rovers came from a goal down to beat City 3-1 on Saturday and moved top of
the league table with four matches left. The visitors led at half-time through a header from
their captain, but the home side equalised within minutes of the restart when the substitute
striker curled a shot into the far corner. Two late goals, a penalty after a foul in the box and
a breakaway finish in stoppage time, sealed the win in front of a sell-out crowd.
"We showed great character after the break," the manager told reporters. "The players never
stopped running and the fans pushed us on." The visiting coach said his team had been tired
after the midweek cup tie and complained about the referee's decision to award the penalty.
The defeat leaves City third, two points behind the leaders, before next weekend's derby. The
champions host the bottom club on Wednesday evening, and their top scorer is expected to return
from a hamstring injury in time for the game."""

BUSINESS = """FRANKFURT — Shares in the carmaker rose 6 per cent on Thursday after it reported
quarterly profits well above analysts' forecasts and raised its outlook for the full year.
Operating profit climbed to 4.2 billion euros in the three months to September, helped by strong
demand for its electric models and lower costs for batteries and raw materials. Revenue grew
9 per cent. The company said it expected its operating margin to reach between 8 and 9 per cent
this year, up from a previous range of 7 to 8 per cent, and announced a share buyback of up to
2 billion euros. "Our order books are full and pricing remains firm," the chief financial
officer told investors on a conference call. Analysts said the results eased concerns about
slowing sales in its largest market, although several warned that higher interest rates could
weigh on car loans and leasing in the coming months. The stock has gained nearly 30 per cent
since January, outperforming the sector index."""

GERMAN = """BERLIN — Die Bundesregierung hat am Dienstag ein neues Gesetz zur Stärkung der
Bundeswehr beschlossen. Der Verteidigungsminister sagte nach der Sitzung des Kabinetts, die
Truppe brauche mehr Personal und eine bessere Ausrüstung. Die Opposition kritisierte den Entwurf
scharf und kündigte an, im Bundestag dagegen zu stimmen. Nach Angaben des Ministeriums sollen in
den nächsten fünf Jahren zusätzlich mehrere tausend Soldaten eingestellt werden. Auch die
Nachbarländer wurden über die Pläne informiert, die im Herbst in Kraft treten sollen."""

FRENCH = """PARIS — Le gouvernement français a annoncé mardi l'expulsion de deux diplomates
étrangers accusés d'espionnage. Le ministre des Affaires étrangères a déclaré que les deux hommes
avaient quitté le pays dans la soirée. Selon le ministère, ils étaient soupçonnés de collecter
des informations sur des installations militaires dans le sud de la France. L'ambassade
concernée a rejeté ces accusations et a promis une réponse. Les relations entre les deux pays
sont tendues depuis plusieurs mois, après une série d'incidents à la frontière."""


def istanbul() -> str:
    with (ROOT / "bench/extractor/gold/team.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] == "istanbul-talks-children":
                return str(record["text"])
    raise AssertionError("the Istanbul talks article is missing from the team gold")


def message(text: str, language: str | None = "en") -> ArticleFetchedV1:
    article = ArticleV1(
        article_id="a1",
        url="https://news.example/a1",
        canonical_url="https://news.example/a1",
        text=text,
        published_at=PUBLISHED,
        language=language,
    )
    return ArticleFetchedV1(article=article)


@pytest.mark.parametrize(("text", "label"), [(SPORTS, "sports"), (BUSINESS, "business")])
def test_off_topic_reports_are_gated_out_with_a_reason(
    extractor: RulesExtractor, text: str, label: str
) -> None:
    result = extractor.extract(text, article_id="x", published_at=PUBLISHED)
    assert result.events == [] and result.quotes == [] and result.entities == []
    assert result.relevance is not None
    assert not result.relevance.codeable
    assert result.relevance.label == label
    assert result.relevance.reason.startswith(f"not codeable: {label} (score ")
    assert result.relevance.score is not None
    assert result.relevance.score < result.relevance.threshold  # type: ignore[operator]


def test_the_istanbul_talks_pass_the_gate_and_keep_their_events(
    extractor: RulesExtractor,
) -> None:
    result = extractor.extract(istanbul(), article_id="x", published_at=PUBLISHED)
    assert result.relevance is not None and result.relevance.codeable
    assert result.relevance.label == "codeable"
    assert result.relevance.reason.startswith("codeable news (score ")
    consult = [e for e in result.events if e.event_type == "CONSULT"]
    assert consult and {a.country for a in consult[0].actors} == {"UKR", "RUS"}
    assert {"REQUEST", "REJECT"} <= {e.event_type for e in result.events}


def test_a_short_text_is_too_short_to_judge_and_is_coded(extractor: RulesExtractor) -> None:
    result = extractor.extract(
        "Ukrainian and Russian delegations held talks in Istanbul on Monday.",
        article_id="x",
        published_at=PUBLISHED,
    )
    assert result.relevance is not None and result.relevance.codeable
    assert result.relevance.reason.startswith("too short to judge")
    assert [e.event_type for e in result.events] == ["CONSULT"]


def test_the_gate_can_be_turned_off_or_made_stricter() -> None:
    off = ArticleGate(enabled=False).check(SPORTS)
    assert off.codeable and off.reason == "relevance gate off"
    strict = ArticleGate(threshold=1.0).check(istanbul())
    assert not strict.codeable and strict.reason.startswith("not codeable: ")
    settings = ExtractorSettings(relevance_gate=False, relevance_threshold=0.5)
    assert (settings.relevance_gate, settings.relevance_threshold) == (False, 0.5)
    assert ExtractorSettings().relevance_gate is True


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")])
@pytest.mark.parametrize("declared", [True, False])
def test_another_language_gets_no_events_and_a_language_reason(
    extractor: RulesExtractor, text: str, code: str, declared: bool
) -> None:
    service = ExtractorService(extractor)
    try:
        out = service.extract(message(text, code if declared else None))
    finally:
        service.close()
    assert out.events == [] and out.quotes == []
    assert out.relevance is not None and not out.relevance.codeable
    how = "declared" if declared else "detected"
    assert out.relevance.reason == (
        f"language '{code}' ({how}) not supported by rules/0.1.0 (serves en)"
    )
    assert out.relevance.language == code
    assert out.relevance.label == "language"


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_the_rules_backend_itself_refuses_text_clearly_in_another_language(
    extractor: RulesExtractor, text: str, code: str
) -> None:
    # `newswire extract`, the evaluation and a wrongly declared 'en' all end up here.
    result = extractor.extract(text, article_id="x", published_at=PUBLISHED)
    assert result.events == [] and result.relevance is not None
    assert result.relevance.reason.startswith(f"language '{code}' (detected) not supported")
    service = ExtractorService(extractor)
    try:
        out = service.extract(message(text, "en"))
    finally:
        service.close()
    assert out.events == [] and out.relevance == result.relevance


def test_the_message_carries_the_gate_decision(extractor: RulesExtractor) -> None:
    service = ExtractorService(extractor)
    try:
        gated = service.extract(message(SPORTS, "en-GB"))
        coded = service.extract(message(istanbul(), None))
    finally:
        service.close()
    assert gated.relevance is not None and gated.relevance.label == "sports"
    assert gated.relevance.language == "en" and gated.events == []
    assert coded.relevance is not None and coded.relevance.codeable
    assert coded.relevance.language == "en"  # not declared, not detected as another: English
    assert any(e.event_type == "CONSULT" for e in coded.events)
    assert coded.relevance.model == load_relevance_model().name
    round_trip = type(gated).model_validate_json(gated.model_dump_json())
    assert round_trip.relevance == gated.relevance


def test_language_is_declared_detected_or_assumed() -> None:
    assert article_language("fr_FR", "") == ("fr", "declared")
    assert article_language(None, GERMAN) == ("de", "detected")
    assert article_language(None, SPORTS) == ("en", "assumed")
    assert article_language(None, "Kurz.") == ("en", "assumed")


def test_raw_text_and_lemma_bags_meet_in_the_same_features() -> None:
    model = load_relevance_model()
    raw = content_words(
        text_words("Protesters were marching on Parliament, said officials."), model.stop_words
    )
    bag = content_words(["protester", "march", "parliament", "say", "official"], model.stop_words)
    assert raw == [w for w in bag if w != "parliament"]  # capitalised mid-sentence: a name
    assert crude_lemma("stopped") == crude_lemma("stop")
    assert crude_lemma("parties") == crude_lemma("party")
    assert crude_lemma(crude_lemma("negotiations")) == crude_lemma("negotiations")


def test_the_shipped_model_matches_its_card() -> None:
    model = load_relevance_model()
    metrics = load_relevance_metrics()
    assert metrics["model"] == model.name and metrics["threshold"] == model.threshold
    assert model.classes[0] == "codeable" and len(model.classes) == len(
        metrics["cross_validation"]["per_class"]
    )
    card = (ROOT / "docs/relevance-model.md").read_text(encoding="utf-8")
    assert f"`{model.name}`" in card
    assert f"threshold **{model.threshold:.2f}**" in card
    binary = metrics["cross_validation"]["codeable_at_threshold"]
    assert f"| codeable (binary, at the threshold) | {binary['precision']:.3f} |" in card
    for name, figures in metrics["external"].items():
        assert re.search(rf"\| {name} \| {figures['n']} \| {figures['passed']:.3f} \|", card), name
    assert "32937407c798c14118d6956ce44c6ce48aa69fae" in card  # fjty-filter's source commit
