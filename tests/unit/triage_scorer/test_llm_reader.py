import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from services.triage_scorer.domain.case import ReasonCategory
from services.triage_scorer.domain.reader import Sentiment
from services.triage_scorer.llm_reader import LlmReader, llm_reader_from

TRANSCRIPT = "Borrower: I lost my job in May, sorry."
VALID = {
    "reason_stated": True,
    "category": "illness",
    "sentiment": "negative",
    "evidence": ["I have been sick"],
}


class FakeChatService:
    """Answers by path: /valid, /garbled, /off-schema, /slow (held until release)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.requests: list[dict[str, Any]] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                service.requests.append(json.loads(body))
                if self.path.startswith("/slow"):
                    service.release.wait(timeout=10)
                content = {
                    "/valid": json.dumps(VALID),
                    "/garbled": "{not json",
                    "/off-schema": json.dumps({**VALID, "category": "boredom"}),
                }.get(self.path.rsplit("/chat", 1)[0], json.dumps(VALID))
                reply = {"choices": [{"message": {"content": content}}]}
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def service() -> Iterator[FakeChatService]:
    fake = FakeChatService()
    thread = threading.Thread(
        target=fake.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield fake
    fake.release.set()
    fake.server.shutdown()
    fake.server.server_close()
    thread.join(timeout=5)


async def test_valid_answer_is_used(service: FakeChatService) -> None:
    reader = LlmReader(service.url + "/valid", model="tiny", timeout_seconds=5)
    reading = await reader.read(TRANSCRIPT)
    assert (reading.category, reading.sentiment) == (
        ReasonCategory.ILLNESS,
        Sentiment.NEGATIVE,
    )
    sent = service.requests[0]
    assert sent["model"] == "tiny"
    assert sent["response_format"]["json_schema"]["strict"] is True


async def test_invalid_json_falls_back_to_builtin_reader(
    service: FakeChatService,
) -> None:
    reader = LlmReader(service.url + "/garbled", model="tiny", timeout_seconds=5)
    reading = await reader.read(TRANSCRIPT)
    assert reading.category is ReasonCategory.JOB_LOSS


async def test_answer_outside_schema_falls_back(service: FakeChatService) -> None:
    reader = LlmReader(service.url + "/off-schema", model="tiny", timeout_seconds=5)
    assert (await reader.read(TRANSCRIPT)).category is ReasonCategory.JOB_LOSS


async def test_timeout_falls_back_to_builtin_reader(service: FakeChatService) -> None:
    reader = LlmReader(service.url + "/slow", model="tiny", timeout_seconds=0.2)
    reading = await reader.read(TRANSCRIPT)
    assert reading.category is ReasonCategory.JOB_LOSS


def test_blocking_read_uses_valid_answer(service: FakeChatService) -> None:
    reader = LlmReader(service.url + "/valid", model="tiny", timeout_seconds=5)
    assert reader.read_blocking(TRANSCRIPT).category is ReasonCategory.ILLNESS


def test_unreachable_service_falls_back() -> None:
    reader = LlmReader("http://127.0.0.1:9", model="tiny", timeout_seconds=1)
    assert reader.read_blocking(TRANSCRIPT).category is ReasonCategory.JOB_LOSS


def test_settings_without_url_mean_no_llm_reader() -> None:
    assert llm_reader_from({}) is None
    reader = llm_reader_from(
        {"RECOURSE_LLM_BASE_URL": "http://x/v1", "RECOURSE_LLM_MODEL": "m"}
    )
    assert reader is not None
    assert (reader.base_url, reader.model) == ("http://x/v1", "m")
