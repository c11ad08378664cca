"""Errors raised while naming, decoding or encoding contract messages."""


class ContractError(Exception):
    """Root of every error raised by the contracts package."""


class TopicNameError(ContractError, ValueError):
    """A topic name cannot be built from the given plaintiff, court or kind."""


class MissingHeadersError(ContractError):
    """Required CloudEvents headers are absent from a Kafka record."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        self.missing = missing
        super().__init__(f"missing CloudEvents headers: {', '.join(missing)}")


class InvalidHeadersError(ContractError):
    """A CloudEvents header is present but unreadable or out of spec."""


class UnknownEventTypeError(ContractError):
    """No contract model is registered for a CloudEvents type."""


class InvalidPayloadError(ContractError):
    """A payload is not JSON or does not match its contract model."""

    def __init__(self, ce_type: str, reason: str) -> None:
        self.ce_type = ce_type
        self.reason = reason
        super().__init__(f"{ce_type}: {reason}")
