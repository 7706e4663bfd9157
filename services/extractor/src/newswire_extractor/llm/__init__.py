"""Optional LLM backend: an OpenAI-compatible chat-completions model proposes events as JSON,
checked against the article; the rules backend stays the default and the fallback."""

from newswire_extractor.llm.backend import LLMExtractor
from newswire_extractor.llm.client import ChatClient, ChatError

__all__ = ["ChatClient", "ChatError", "LLMExtractor"]
