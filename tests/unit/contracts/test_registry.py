import pytest

from contracts.errors import InvalidPayloadError, UnknownEventTypeError
from contracts.loans import Borrower
from contracts.platform import LoanOverdue
from contracts.registry import MODELS, decode, encode, event_type, model_for


def test_event_type_names_the_model_and_version(loan_overdue: LoanOverdue) -> None:
    assert event_type(LoanOverdue) == "io.recourse.LoanOverdue.v1"
    assert event_type(loan_overdue) == "io.recourse.LoanOverdue.v1"
    assert model_for("io.recourse.LoanOverdue.v1") is LoanOverdue


def test_every_registered_model_has_a_distinct_type() -> None:
    assert len({event_type(model) for model in MODELS}) == len(MODELS)


def test_unknown_types_are_refused() -> None:
    with pytest.raises(UnknownEventTypeError):
        model_for("io.recourse.Nope.v1")
    with pytest.raises(UnknownEventTypeError):
        decode("io.recourse.Nope.v1", b"{}")


def test_value_objects_are_not_messages(borrower: Borrower) -> None:
    with pytest.raises(UnknownEventTypeError):
        encode(borrower)


def test_encode_decode_round_trip(loan_overdue: LoanOverdue) -> None:
    payload = encode(loan_overdue)
    assert '"principal_owed":"8000.50"' in payload.decode()
    assert "张三".encode() in payload
    assert decode(event_type(loan_overdue), payload) == loan_overdue


def test_not_json_is_reported_as_such() -> None:
    with pytest.raises(InvalidPayloadError, match="not UTF-8 JSON"):
        decode("io.recourse.LoanOverdue.v1", b"\xff{")


def test_schema_errors_name_fields_but_never_their_values(
    loan_overdue: LoanOverdue,
) -> None:
    id_number = loan_overdue.borrower.id_number
    leaked = f'"{id_number}-court"'.encode()
    payload = encode(loan_overdue).replace(b'"cn-110105"', leaked)
    with pytest.raises(InvalidPayloadError) as caught:
        decode("io.recourse.LoanOverdue.v1", payload)
    assert "agreed_court_id" in caught.value.reason
    assert id_number not in str(caught.value)
