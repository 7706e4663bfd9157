"""The instructions and the article as chat messages, asking for events as one JSON object."""

from __future__ import annotations

from datetime import datetime

from newswire_contracts.messages import EVENT_TYPES

SYSTEM = f"""You extract political events from news articles using the PLOVER ontology.
Event types: {", ".join(EVENT_TYPES)}.
Conventions: a visitor is the actor and the host the target; 'X met (or called) Y' has actor
X and target Y, while parties named together ('X and Y met') are all actors; announced future
cooperation is AGREE; a committed or conditional use of force is THREATEN. Only report events
the article states, about political actors (states, governments, armed groups, international
organisations, parties, protesters, police ...).

Answer with one JSON object and nothing else:
{{"events": [{{
  "event_type": one of the types above,
  "mode": PLOVER mode or null,
  "actors": [{{"text": as written, "name": normalized name, "country": ISO 3166-1 alpha-3 or
              null, "sector": GOV|MIL|COP|REB|OPP|CVL|IGO|NGO|JUD|LEG|MED|... or null}}],
  "targets": [same shape as actors],
  "place": place name or null,
  "date": "YYYY-MM-DD" when the article says the day, else null (never after publication),
  "quantities": [{{"value": number, "text": as written, "unit": counted noun or null}}],
  "evidence": the whole sentence that states the event, copied exactly from the article,
  "trigger": the word or phrase in that sentence that evokes the event,
  "negated": bool, "future": bool, "hypothetical": bool,
  "confidence": number between 0 and 1
}}]}}"""


def messages(text: str, published: datetime | None, title: str | None) -> list[dict[str, str]]:
    """System instructions plus the article (title, publication time, text)."""
    header = [f"Title: {title}"] if title else []
    header.append(f"Published: {published.isoformat() if published else 'unknown'}")
    user = "\n".join(header) + "\n\nArticle:\n" + text
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
