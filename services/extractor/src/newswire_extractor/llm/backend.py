"""The LLM backend: events from a chat model, checked against the article; quotes, entities and
the fallback events from the rules backend."""

from __future__ import annotations

import logging
from datetime import datetime

from newswire_extractor.kb import load_knowledge_base
from newswire_extractor.llm.client import ChatClient, ChatError
from newswire_extractor.llm.parse import ReplyError, parse_reply
from newswire_extractor.llm.prompt import messages
from newswire_extractor.rules.extractor import MAX_CHARS, Extraction, RulesExtractor

log = logging.getLogger(__name__)


class LLMExtractor:
    """Asks an OpenAI-compatible model for the events of an article.

    Evidence the article does not contain is dropped (parse.py). When the model cannot be
    reached, times out after its retries or answers something that is not the JSON asked for,
    the article gets the rules backend's events instead, and the result says so.
    """

    def __init__(self, client: ChatClient, rules: RulesExtractor) -> None:
        self._client = client
        self._rules = rules
        self.name = f"llm/{client.model}"
        self.languages = rules.languages  # quotes, entities and the fallback are the rules'

    def load(self) -> None:
        self._rules.load()

    def extract(
        self,
        text: str,
        *,
        article_id: str,
        published_at: datetime | None,
        title: str | None = None,
        site_name: str | None = None,
        url: str | None = None,
    ) -> Extraction:
        base = self._rules.extract(
            text,
            article_id=article_id,
            published_at=published_at,
            title=title,
            site_name=site_name,
            url=url,
        )
        if not text.strip() or (base.relevance is not None and not base.relevance.codeable):
            return base  # empty, or gated out before any parsing: no request either
        try:
            reply = self._client.complete(messages(text[:MAX_CHARS], published_at, title))
            events = parse_reply(
                reply,
                text,
                article_id=article_id,
                published=published_at.date() if published_at else None,
                kb=load_knowledge_base(),
            )
        except (ChatError, ReplyError) as exc:
            log.warning("LLM backend failed for %s, using the rules backend: %s", article_id, exc)
            return Extraction(
                events=base.events,
                quotes=base.quotes,
                entities=base.entities,
                backend=f"{self._rules.name} (llm fallback)",
                relevance=base.relevance,
            )
        return Extraction(
            events=events,
            quotes=base.quotes,
            entities=base.entities,
            backend=self.name,
            relevance=base.relevance,
        )

    def close(self) -> None:
        self._client.close()
