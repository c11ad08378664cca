from hypothesis import given
from hypothesis import strategies as st

from shared.masking import (
    contains_unmasked_pii,
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    scrub_text,
)

ID_NUMBER = "110105199003071234"
NOISE = st.text(alphabet="借款人手机号码，。 abcXYZ+-", max_size=20)


def test_masks_birth_month_and_day_of_an_eighteen_character_id() -> None:
    assert mask_id_number(ID_NUMBER) == "1101051990****1234"


def test_masks_birth_month_and_day_of_an_id_ending_in_x() -> None:
    assert mask_id_number("44030419851231002X") == "4403041985****002X"


def test_keeps_only_two_characters_at_each_end_of_other_ids() -> None:
    assert mask_id_number("110105900307123") == "11***********23"


def test_masks_a_very_short_id_entirely() -> None:
    assert mask_id_number("1234") == "****"


def test_masks_the_middle_four_digits_of_a_mobile_number() -> None:
    assert mask_phone("13812345678") == "138****5678"


def test_masks_a_mobile_number_with_country_code_and_separators() -> None:
    assert mask_phone("+86 138-1234-5678") == "+86 138****5678"


def test_keeps_address_up_to_the_first_city_marker() -> None:
    assert mask_address("北京市朝阳区建国路88号") == "北京市***"


def test_keeps_province_and_city_of_a_provincial_address() -> None:
    assert mask_address("广东省深圳市南山区科技园1栋") == "广东省深圳市***"


def test_keeps_first_six_characters_of_an_address_without_marker() -> None:
    assert mask_address("内蒙古自治旗某乡某村12号") == "内蒙古自治旗***"


def test_keeps_only_the_surname_of_a_name() -> None:
    assert mask_name("张三丰") == "张**"


def test_scrubs_id_numbers_and_mobiles_from_free_text() -> None:
    text = f"借款人身份证{ID_NUMBER}，手机+8613912345678，备用139 1234 5678。"

    scrubbed = scrub_text(text)

    assert scrubbed == (
        "借款人身份证1101051990****1234，手机+86139****5678，备用139****5678。"
    )
    assert not contains_unmasked_pii(scrubbed)


def test_detects_a_full_id_number_in_text() -> None:
    assert contains_unmasked_pii(f"证件号{ID_NUMBER}")


def test_detects_a_lowercase_x_id_number_in_text() -> None:
    assert contains_unmasked_pii("证件号44030419851231002x")


def test_detects_a_mobile_number_in_text() -> None:
    assert contains_unmasked_pii("请致电13812345678")


def test_ignores_masked_values_and_case_numbers() -> None:
    text = "(2026)京0105民初1234号 1101051990****1234 138****5678"

    assert not contains_unmasked_pii(text)


def test_ignores_digits_of_a_longer_bank_card_number() -> None:
    assert not contains_unmasked_pii("卡号6222021101051990030712345")


@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True), NOISE)
def test_scrubbed_text_never_holds_a_mobile_number(mobile: str, noise: str) -> None:
    assert not contains_unmasked_pii(scrub_text(f"{noise} {mobile} {noise}"))


@given(st.text(alphabet="0123456789Xx+- 元号", max_size=60))
def test_scrubbed_digit_soup_never_holds_pii(text: str) -> None:
    assert not contains_unmasked_pii(scrub_text(text))
