"""Renders scores as a Markdown report and as a flat summary for JSON and floor checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newswire.measure.extract_eval.scoring import NONE, Score


def summary(score: Score) -> dict[str, Any]:
    """The headline figures of one data set (what floors are asserted on)."""
    out: dict[str, Any] = {
        "documents": score.documents,
        "gold_events": score.gold_events,
        "predicted_events": score.predicted_events,
        "type_accuracy": round(score.type_accuracy.value, 3),
        "type_macro_f1": round(score.macro_f1, 3),
        "actor_f1": round(score.actors.f1, 3),
        "target_f1": round(score.targets.f1, 3),
    }
    if score.place_country.total:
        out["place_country_accuracy"] = round(score.place_country.value, 3)
    if score.dates.total:
        out["date_accuracy"] = round(score.dates.value, 3)
    if score.quantities.total:
        out["quantity_recall"] = round(score.quantities.value, 3)
    if score.quotes.total:
        out["quote_recall"] = round(score.quotes.value, 3)
        out["quote_speaker_accuracy"] = round(score.quote_speakers.value, 3)
        out["quote_speaker_country_accuracy"] = round(score.quote_countries.value, 3)
    if (
        any(d for d in (score.future_dated, score.unmatched_predictions))
        or score.place_country.total
    ):
        out["events_dated_after_publication"] = score.future_dated
        out["events_in_eventless_articles"] = score.events_in_eventless
        out["unmatched_predictions"] = score.unmatched_predictions
    if score.gated:
        out["articles_gated"] = score.gated
        out["articles_gated_with_gold_events"] = score.gated_with_events
    return out


METHOD = """\
How the figures are computed (newswire.measure.extract_eval):

- **Sentences (PLOVER GSR dev set)**: each record is one sentence with one gold event; labels are
  mapped to the 16 current types (DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT,
  INVESTIGATE→ACCUSE) and CAMEO country codes to ISO (JAP→JPN). The sentence's *most confident*
  extracted event is compared with the gold one (no event = NONE). Type accuracy counts
  `also_acceptable` types as right; macro-F1 is the mean F1 over every type in the gold or the
  output. Actor and target F1 are set F1 over all sentences, an extracted actor matching a gold
  one by ISO country (IGO/NGO/IMG codes by kind of international actor) or else by name (the
  same content words, or one name's proper words inside the other's).
- **Articles (team gold)**: each gold event is aligned with an extracted event whose evidence
  sentence overlaps the gold evidence, an acceptable type first, then the most confident. Type
  accuracy and the per-type F1 count unaligned extracted events as false positives (the team
  gold lists the reportable events, so precision is a lower bound). Place-country and date
  accuracy are over gold events that give a place or a day; quantity recall counts a gold number
  as found when an event of its sentence has it as value or range end; quote recall needs an
  extracted quote containing the gold text; speaker accuracy matches by name (descriptions such
  as 'the ministry' by country).
"""


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render(scores: Sequence[Score], *, header: str = "", max_misses: int = 40) -> str:
    """A Markdown report over several data sets."""
    lines = [header.rstrip(), ""] if header else []
    for score in scores:
        lines += _section(score, max_misses)
    return "\n".join(lines).rstrip() + "\n"


def _section(score: Score, max_misses: int) -> list[str]:
    lines = [f"## {score.name}", "", "| measure | value |", "|---|---|"]
    lines += [f"| {k.replace('_', ' ')} | {_fmt(v)} |" for k, v in summary(score).items()]
    lines += ["", "Per type (precision / recall / F1, support = gold events):", ""]
    lines += ["| type | P | R | F1 | support |", "|---|---|---|---|---|"]
    for event_type in sorted(t for t in score.per_type if t != NONE):
        c = score.per_type[event_type]
        lines.append(
            f"| {event_type} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} | {c.tp + c.fn} |"
        )
    confused = [(pair, n) for pair, n in score.confusions.most_common() if pair[0] != pair[1]]
    if confused:
        lines += ["", "Confusions (gold → extracted, count):", ""]
        lines += [f"- {g} → {p}: {n}" for (g, p), n in confused[:25]]
    if score.misses:
        lines += [
            "",
            f"Misses ({len(score.misses)}; first {min(max_misses, len(score.misses))}):",
            "",
        ]
        lines += [f"- {m}" for m in score.misses[:max_misses]]
    return [*lines, ""]
