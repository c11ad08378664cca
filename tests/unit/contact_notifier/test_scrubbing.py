from hypothesis import given
from hypothesis import strategies as st

from services.contact_notifier.domain.scrubbing import scrub_transcript
from shared.masking import contains_unmasked_pii

ID_NUMBER = "110105199003071234"


def test_masks_an_id_number_and_a_mobile_number_said_in_a_call() -> None:
    text = f"借款人：我身份证是{ID_NUMBER}，手机139 1234 5678。"

    scrubbed = scrub_transcript(text)

    assert scrubbed == "借款人：我身份证是1101051990****1234，手机139****5678。"


def test_masks_a_landline_number() -> None:
    assert scrub_transcript("座机010-12345678找我") == "座机010****5678找我"


def test_keeps_only_the_city_of_a_chinese_street_address() -> None:
    text = "借款人：我住在北京市朝阳区建国路88号3单元502室，你们寄过来吧。"

    scrubbed = scrub_transcript(text)

    assert scrubbed == "借款人：我住在北京市***，你们寄过来吧。"
    assert "建国路" not in scrubbed and "502" not in scrubbed


def test_hides_a_street_address_that_names_no_city() -> None:
    assert "建国路" not in scrub_transcript("寄到建国路88号吧")


def test_hides_an_english_street_address() -> None:
    text = "Borrower: send it to No. 88 Jianguo Road, Beijing."

    assert scrub_transcript(text) == "Borrower: send it to ***, Beijing."


def test_masks_the_borrowers_own_details_even_when_no_pattern_knows_them() -> None:
    text = "我的号码是0755 1234567，证件11010519900399999X，住西湖边小屋。"

    scrubbed = scrub_transcript(
        text,
        ids=["11010519900399999X"],
        phones=["0755-1234567"],
        addresses=["西湖边小屋"],
    )

    assert scrubbed == "我的号码是075****4567，证件1101051990****999X，住***。"


def test_leaves_dates_amounts_and_hardship_untouched() -> None:
    text = "借款人：我知道5号要还5000元，可我上个月失业了。I will pay 200 on the road."

    assert scrub_transcript(text) == text


@given(
    before=st.text(alphabet="借款人我住在说，。 abc", max_size=15),
    after=st.text(alphabet="借款人我住在说，。 abc", max_size=15),
)
def test_no_full_id_or_mobile_survives_scrubbing(before: str, after: str) -> None:
    text = f"{before}{ID_NUMBER}{after}13912345678{before}"

    assert not contains_unmasked_pii(scrub_transcript(text))
