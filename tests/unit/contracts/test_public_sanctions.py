from datetime import date

import pytest
from pydantic import ValidationError

from contracts.sanctions import PublicSanctionEntry

ENTRY = {
    "entry_id": "entry-1",
    "name": "张三",
    "sex": "male",
    "age": 35,
    "masked_id_number": "1101051990****123X",
    "court_id": "cn-110105",
    "court": "北京市朝阳区人民法院",
    "case_number": "(2026)京0105执1234号",
    "basis_document": "(2026)京0105民初1234号",
    "obligation": "偿还借款本金8000元",
    "performance_status": "not_performed",
    "conduct": "有履行能力而拒不履行生效法律文书确定义务",
    "published_on": date(2026, 6, 1),
}


def test_accepts_an_id_number_with_birth_month_and_day_masked() -> None:
    assert PublicSanctionEntry.model_validate(ENTRY).masked_id_number.count("*") == 4


@pytest.mark.parametrize(
    "id_number", ["11010519900307123X", "110105199003****3X", "1101051990****12"]
)
def test_refuses_a_full_or_wrongly_masked_id_number(id_number: str) -> None:
    with pytest.raises(ValidationError):
        PublicSanctionEntry.model_validate({**ENTRY, "masked_id_number": id_number})


def test_has_no_place_for_a_phone_or_an_address() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        PublicSanctionEntry.model_validate({**ENTRY, "phone": "13800138000"})
    assert not {"phone", "address"} & PublicSanctionEntry.model_fields.keys()


def test_names_the_court_as_the_public_list_shows_it() -> None:
    entry = PublicSanctionEntry.model_validate(ENTRY)

    assert entry.court == "北京市朝阳区人民法院"
    with pytest.raises(ValidationError, match="court"):
        PublicSanctionEntry.model_validate({**ENTRY, "court": ""})


def test_a_first_publication_is_version_one_and_versions_count_from_one() -> None:
    assert PublicSanctionEntry.model_validate(ENTRY).version == 1
    with pytest.raises(ValidationError, match="version"):
        PublicSanctionEntry.model_validate({**ENTRY, "version": 0})
