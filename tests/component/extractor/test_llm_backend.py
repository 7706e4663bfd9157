"""The optional LLM backend against a fake OpenAI-compatible server on 127.0.0.1: evidence is
checked against the article, failures retry and then fall back to the rules backend."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newswire_extractor import RulesExtractor
from newswire_extractor.app import create_service
from newswire_extractor.llm import ChatClient, ChatError, LLMExtractor
from newswire_extractor.settings import ExtractorSettings

RECORDED = json.loads((Path(__file__).parent / "data" / "llm_reply.json").read_text("utf-8"))
ARTICLE: str = RECORDED["article"]
PUBLISHED = datetime.fromisoformat(RECORDED["published_at"])


@dataclass
class Script:
    """What the fake server answers, one step per request (the last step repeats)."""

    steps: list[tuple[int, Any, float, dict[str, str]]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next(self) -> tuple[int, Any, float, dict[str, str]]:
        with self.lock:
            index = min(len(self.requests) - 1, len(self.steps) - 1)
            return self.steps[index]


def _handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with script.lock:
                script.requests.append(
                    {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
                )
                script.in_flight += 1
                script.most_in_flight = max(script.most_in_flight, script.in_flight)
            status, reply, delay, headers = script.next()
            time.sleep(delay)
            with script.lock:
                script.in_flight -= 1
            data = json.dumps(reply).encode() if not isinstance(reply, bytes) else reply
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Script]]:
    script = Script()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", script
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _client(base: str, **options: Any) -> ChatClient:
    return ChatClient(base, "fake-model", api_key="test-key", sleep=lambda _: None, **options)


def test_events_are_kept_only_where_the_article_says_them(
    server: tuple[str, Script], extractor: RulesExtractor
) -> None:
    base, script = server
    script.steps = [(200, RECORDED["reply"], 0.0, {})]
    backend = LLMExtractor(_client(base), extractor)
    result = backend.extract(ARTICLE, article_id="a1", published_at=PUBLISHED, title="Talks")
    assert result.backend == "llm/fake-model"
    assert [e.event_type for e in result.events] == ["CONSULT", "AGREE"]  # no invented evidence
    consult, agree = result.events
    assert ARTICLE[consult.evidence.start : consult.evidence.end] == consult.evidence.text
    assert consult.evidence.text.startswith("Ukrainian and Russian delegations held talks")
    assert ARTICLE[consult.evidence.trigger_start : consult.evidence.trigger_end] == "held talks"
    assert consult.occurred.date == date(2025, 6, 2)
    assert consult.location is not None and consult.location.country == "TUR"
    assert agree.occurred.date is None  # the model's date was after publication
    assert agree.quantities[0].value == 10
    assert result.quotes and result.quotes[0].speaker is not None  # quotes from the rules
    (request,) = script.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer test-key"
    assert request["body"]["model"] == "fake-model"
    assert request["body"]["response_format"] == {"type": "json_object"}
    assert ARTICLE in request["body"]["messages"][-1]["content"]


def test_busy_and_failing_servers_are_retried(server: tuple[str, Script]) -> None:
    base, script = server
    script.steps = [
        (503, {"error": "loading"}, 0.0, {}),
        (429, {"error": "slow down"}, 0.0, {"Retry-After": "0"}),
        (200, RECORDED["reply"], 0.0, {}),
    ]
    reply = _client(base, max_retries=2).complete([{"role": "user", "content": "x"}])
    assert "CONSULT" in reply
    assert len(script.requests) == 3


def test_after_the_retries_the_rules_backend_answers(
    server: tuple[str, Script], extractor: RulesExtractor
) -> None:
    base, script = server
    script.steps = [(200, RECORDED["reply"], 0.4, {})]  # slower than the timeout
    backend = LLMExtractor(_client(base, timeout_s=0.1, max_retries=1), extractor)
    result = backend.extract(ARTICLE, article_id="a1", published_at=PUBLISHED)
    assert result.backend is not None and result.backend.endswith("(llm fallback)")
    rules = extractor.extract(ARTICLE, article_id="a1", published_at=PUBLISHED)
    assert [e.event_id for e in result.events] == [e.event_id for e in rules.events]
    assert len(script.requests) == 2


def test_an_answer_that_is_not_the_json_asked_for_falls_back(
    server: tuple[str, Script], extractor: RulesExtractor
) -> None:
    base, script = server
    garbage = {"choices": [{"message": {"role": "assistant", "content": "Sure! Here are events"}}]}
    script.steps = [(200, garbage, 0.0, {})]
    result = LLMExtractor(_client(base), extractor).extract(
        ARTICLE, article_id="a1", published_at=PUBLISHED
    )
    assert result.backend is not None and "fallback" in result.backend
    script.steps = [(400, {"error": "bad request"}, 0.0, {})]
    with pytest.raises(ChatError):
        _client(base).complete([{"role": "user", "content": "x"}])


def test_no_more_requests_in_flight_than_the_limit(server: tuple[str, Script]) -> None:
    base, script = server
    script.steps = [(200, RECORDED["reply"], 0.05, {})]
    client = _client(base, concurrency=2)
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda _: client.complete([{"role": "user", "content": "x"}]), range(6)))
    assert len(script.requests) == 6
    assert script.most_in_flight <= 2


def test_settings_select_the_backend() -> None:
    rules = create_service(ExtractorSettings())
    assert isinstance(rules.extractor, RulesExtractor)
    llm = create_service(
        ExtractorSettings(backend="llm", llm_model="fake-model", llm_base_url="http://127.0.0.1:9")
    )
    assert isinstance(llm.extractor, LLMExtractor)
    assert llm.extractor.name == "llm/fake-model"
    for service in (rules, llm):
        service.close()
    with pytest.raises(ValueError, match="LLM_MODEL"):
        create_service(ExtractorSettings(backend="llm"))
