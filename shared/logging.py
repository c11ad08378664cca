"""structlog setup: constant event names, key-value data, JSON off a terminal."""

import logging
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from shared.masking import mask_address, mask_id_number, mask_phone, scrub_text

MASKED_KEYS = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "address": mask_address,
    "service_address": mask_address,
}


def _mask(value: Any, key: str | None = None) -> Any:
    if isinstance(value, str):
        masker = MASKED_KEYS.get(key or "")
        return masker(value) if masker else scrub_text(value)
    if isinstance(value, MutableMapping):
        return {k: _mask(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_mask(v) for v in value]
    return value


def mask_personal_data(
    _logger: Any, _name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Mask id numbers, phone numbers and addresses in every logged value."""
    return {key: _mask(value, key) for key, value in event_dict.items()}


def configure_logging(
    service: str, json: bool | None = None, level: str = "info"
) -> None:
    """Configure structlog once per process."""
    use_json = (not sys.stderr.isatty()) if json is None else json
    renderer: Any = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if use_json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    logging.basicConfig(level=level.upper(), stream=sys.stderr, format="%(message)s")
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            mask_personal_data,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelName(level.upper())
        ),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
