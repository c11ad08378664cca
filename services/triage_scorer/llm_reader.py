"""Optional reader that asks an OpenAI-compatible chat-completions service.

Any failure (network error, timeout, non-2xx, malformed or off-schema answer)
falls back to the built-in offline reader, so triage never waits on the LLM.
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from services.triage_scorer.domain.case import ReasonCategory
from services.triage_scorer.domain.reader import Reading, Sentiment, read_conversation

ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["reason_stated", "category", "sentiment", "evidence"],
    "properties": {
        "reason_stated": {"type": "boolean"},
        "category": {
            "type": ["string", "null"],
            "enum": [*(c.value for c in ReasonCategory), None],
        },
        "sentiment": {"type": "string", "enum": [s.value for s in Sentiment]},
        "evidence": {"type": "array", "items": {"type": "string"}},
    },
}

INSTRUCTION = (
    "You read a debt-collection conversation in Chinese or English. Decide "
    "whether the borrower (not the agent) stated a reason for lacking money; a "
    "negated or hypothetical reason does not count. Give its category, the "
    "borrower's sentiment, and the borrower's sentences that show it. Answer "
    "with JSON only, matching the schema."
)


class InvalidAnswer(ValueError):
    """The service answered, but not with a reading that fits the schema."""


def reading_from(answer: Mapping[str, Any]) -> Reading:
    """Validate a chat-completions response body and turn it into a Reading."""
    try:
        content = answer["choices"][0]["message"]["content"]
        data = json.loads(content)
        if set(data) != set(ANSWER_SCHEMA["required"]):
            raise InvalidAnswer(f"unexpected keys {sorted(data)}")
        stated, category = data["reason_stated"], data["category"]
        evidence = data["evidence"]
        if not isinstance(stated, bool) or not isinstance(evidence, list):
            raise InvalidAnswer("wrong types")
        if stated != (category is not None):
            raise InvalidAnswer("category must be given exactly when stated")
        return Reading(
            reason_stated=stated,
            category=ReasonCategory(category) if category is not None else None,
            sentiment=Sentiment(data["sentiment"]),
            evidence=tuple(str(e) for e in evidence),
        )
    except (KeyError, IndexError, TypeError, ValueError) as e:
        raise InvalidAnswer(str(e)) from e


@dataclass(frozen=True)
class LlmReader:
    base_url: str
    model: str
    api_key: str | None = None
    timeout_seconds: float = 10.0
    fallback: Callable[[str], Reading] = read_conversation

    def _request(self, transcript: str) -> dict[str, Any]:
        return {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": INSTRUCTION},
                {"role": "user", "content": transcript},
            ],
            "response_format": {
                "type": "json_schema",
                "json_schema": {
                    "name": "reading",
                    "strict": True,
                    "schema": ANSWER_SCHEMA,
                },
            },
        }

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    @property
    def _url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    async def read(self, transcript: str) -> Reading:
        """Ask the service; fall back to the built-in reader on any failure."""
        try:
            async with httpx.AsyncClient(timeout=self.timeout_seconds) as client:
                response = await client.post(
                    self._url, json=self._request(transcript), headers=self._headers()
                )
                response.raise_for_status()
                return reading_from(response.json())
        except (httpx.HTTPError, InvalidAnswer, ValueError):
            return self.fallback(transcript)

    def read_blocking(self, transcript: str) -> Reading:
        """Same as `read`, for callers without an event loop (the CLI)."""
        try:
            with httpx.Client(timeout=self.timeout_seconds) as client:
                response = client.post(
                    self._url, json=self._request(transcript), headers=self._headers()
                )
                response.raise_for_status()
                return reading_from(response.json())
        except (httpx.HTTPError, InvalidAnswer, ValueError):
            return self.fallback(transcript)


def llm_reader_from(settings: Mapping[str, str]) -> LlmReader | None:
    """Build the reader from RECOURSE_LLM_* settings; None when no URL is set."""
    base_url = settings.get("RECOURSE_LLM_BASE_URL")
    if not base_url:
        return None
    return LlmReader(
        base_url=base_url,
        model=settings.get("RECOURSE_LLM_MODEL", "default"),
        api_key=settings.get("RECOURSE_LLM_API_KEY"),
        timeout_seconds=float(settings.get("RECOURSE_LLM_TIMEOUT_SECONDS", "10")),
    )
