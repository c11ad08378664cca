"""The conversation reader triage uses: built-in, or an LLM service when set."""

from collections.abc import Mapping
from typing import Protocol

from services.triage_scorer.domain.reader import Reading, read_conversation
from services.triage_scorer.llm_reader import llm_reader_from


class TranscriptReader(Protocol):
    """Finds a stated reason for not paying, and the sentiment, in a transcript."""

    async def read(self, transcript: str) -> Reading: ...


class BuiltInReader:
    """The offline keyword reader; needs no network."""

    async def read(self, transcript: str) -> Reading:
        return read_conversation(transcript)


def reader_from(settings: Mapping[str, str]) -> TranscriptReader:
    """The LLM adapter when RECOURSE_LLM_BASE_URL is set, else the built-in one."""
    return llm_reader_from(settings) or BuiltInReader()
