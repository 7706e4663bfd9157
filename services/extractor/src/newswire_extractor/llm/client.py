"""An OpenAI-compatible chat-completions client (vLLM, Ollama, llama.cpp server, OpenAI) with
timeouts, retries with backoff and a limit on concurrent requests."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx

_RETRY_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})


class ChatError(RuntimeError):
    """The model could not be asked, or gave no usable answer (the caller falls back)."""


class ChatClient:
    """Sends chat requests; thread-safe, at most ``concurrency`` requests in flight."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 60.0,
        max_retries: int = 2,
        backoff_s: float = 0.5,
        concurrency: int = 2,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers=headers,
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
            transport=transport,
        )
        self._retries = max_retries
        self._backoff = backoff_s
        self._slots = threading.BoundedSemaphore(concurrency)
        self._sleep = sleep

    def complete(self, messages: Sequence[dict[str, str]], *, json_mode: bool = True) -> str:
        """The assistant's reply text; retries timeouts, 429 and 5xx, raises ChatError."""
        body: dict[str, Any] = {"model": self.model, "messages": list(messages), "temperature": 0}
        if json_mode:
            body["response_format"] = {"type": "json_object"}
        last: Exception | None = None
        for attempt in range(self._retries + 1):
            if attempt:
                self._sleep(self._delay(attempt, last))
            try:
                with self._slots:
                    response = self._http.post("/chat/completions", json=body)
            except httpx.TransportError as exc:  # timeouts and connection failures
                last = exc
                continue
            if response.status_code in _RETRY_STATUS:
                last = _StatusError(response)
                continue
            if response.is_error:
                raise ChatError(f"model server answered {response.status_code}")
            return _content(response)
        raise ChatError(f"model server failed after {self._retries + 1} tries: {last}")

    def _delay(self, attempt: int, error: Exception | None) -> float:
        if isinstance(error, _StatusError) and error.retry_after is not None:
            return error.retry_after
        return float(self._backoff * 2 ** (attempt - 1) * (1 + random.random() / 4))

    def close(self) -> None:
        self._http.close()


class _StatusError(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        value = response.headers.get("Retry-After")
        self.retry_after = float(value) if value and value.isdigit() else None


def _content(response: httpx.Response) -> str:
    try:
        payload = response.json()
        content = payload["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ChatError(f"not a chat completion: {exc}") from exc
    if not isinstance(content, str):
        raise ChatError("the reply has no text content")
    return content
