from datetime import UTC, datetime, timedelta, timezone

import pytest

from contracts.cloudevents import EventMeta, decode_headers, derived_id, encode_headers
from contracts.errors import ContractError, InvalidHeadersError, MissingHeadersError

META = EventMeta(
    id="0b6a6e5e-4f4e-4b8c-9d1a-2f2f0d9c1e11",
    type="io.recourse.CaseTriaged.v1",
    source="recourse/triage-scorer",
    time=datetime(2026, 2, 1, 9, 30, tzinfo=timezone(timedelta(hours=8))),
    subject="case-0001",
    traceparent="00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
)


def test_headers_round_trip() -> None:
    assert decode_headers(encode_headers(META)) == META


def test_encodes_binary_mode_header_names() -> None:
    headers = dict(encode_headers(META))
    assert headers["ce_specversion"] == b"1.0"
    assert headers["content-type"] == b"application/json"
    assert headers["ce_time"] == b"2026-02-01T09:30:00+08:00"


def test_optional_headers_are_left_out_when_absent() -> None:
    meta = EventMeta(id="1", type="t", source="s", time=datetime.now(UTC))
    names = {name for name, _ in encode_headers(meta)}
    assert "ce_subject" not in names and "traceparent" not in names
    assert decode_headers(encode_headers(meta)) == meta


def test_missing_headers_are_listed() -> None:
    headers = [(k, v) for k, v in encode_headers(META) if k not in {"ce_id", "ce_time"}]
    with pytest.raises(MissingHeadersError) as caught:
        decode_headers(headers)
    assert caught.value.missing == ("ce_id", "ce_time")
    assert isinstance(caught.value, ContractError)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ce_time", b"2026-02-01T09:30:00"),
        ("ce_time", b"yesterday"),
        ("ce_specversion", b"0.3"),
        ("content-type", b"application/avro"),
        ("ce_id", b"\xff"),
    ],
)
def test_rejects_bad_header_values(name: str, value: bytes) -> None:
    headers = [(k, value if k == name else v) for k, v in encode_headers(META)]
    with pytest.raises(InvalidHeadersError):
        decode_headers(headers)


def test_accepts_utc_z_suffix_and_charset_parameter() -> None:
    replaced = {
        "ce_time": b"2026-02-01T01:30:00Z",
        "content-type": b"application/json; charset=utf-8",
    }
    headers = [(k, replaced.get(k, v)) for k, v in encode_headers(META)]
    assert decode_headers(headers).time == META.time


def test_naive_time_is_refused_when_building_meta() -> None:
    with pytest.raises(InvalidHeadersError):
        EventMeta(id="1", type="t", source="s", time=datetime(2026, 1, 1))


def test_derived_ids_are_deterministic_per_cause_and_name() -> None:
    first = derived_id("cause-1", "CaseOpened")
    assert first == derived_id("cause-1", "CaseOpened")
    assert first != derived_id("cause-1", "CaseTriaged")
    assert first != derived_id("cause-2", "CaseOpened")
