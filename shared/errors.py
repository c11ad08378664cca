"""The error roots that the delivery plumbing turns into outcomes."""


class RecourseError(Exception):
    """Root of every error raised on purpose by Recourse code."""


class BadInput(RecourseError):
    """An input that can never be processed; it goes to the dead-letter topic."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InfrastructureError(RecourseError):
    """Postgres or Kafka failed; the work is retried, never skipped."""
