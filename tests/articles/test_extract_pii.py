"""Personal data: resident IDs checked by MOD 11-2 and birth date, private phones, and same-length masking."""
from articles.extract.pii import extract_personal_data, id_check_digit, mask_personal_data


def make_id(first17: str) -> str:
    return first17 + id_check_digit(first17)


VALID_ID = make_id("15010519880229301")  # born 1988-02-29, a real leap day


def found(text: str) -> list[tuple[str, str]]:
    return [(item.kind, item.text) for item in extract_personal_data(text)]


def test_it_computes_the_iso_7064_check_digit_including_x():
    assert id_check_digit("11010519491231002") == "X"


def test_it_finds_an_id_number_with_a_valid_check_digit():
    text = f"牧民张某（身份证号：{VALID_ID}）不慎遗失草场证。"
    item = extract_personal_data(text)[0]
    assert (item.kind, item.text) == ("id_card", VALID_ID)
    assert text[item.start:item.end] == VALID_ID


def test_it_accepts_a_lower_case_x_check_character():
    number = make_id("11010519491231002")
    assert found(f"编号{number.lower()}号") == [("id_card", number.lower())]


def test_it_rejects_an_id_with_a_wrong_check_digit_outside_an_id_context():
    wrong = VALID_ID[:17] + str((int(VALID_ID[17]) + 1) % 10 if VALID_ID[17].isdigit() else 0)
    assert found(f"订单编号{wrong}已受理") == []


def test_it_still_flags_a_mistyped_id_that_the_notice_calls_an_id_number():
    wrong = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")
    assert found(f"身份证号码：{wrong}，特此声明。") == [("id_card", wrong)]


def test_it_rejects_an_id_whose_birth_date_does_not_exist():
    assert found("证件" + make_id("15010519890229301") + "作废") == []


def test_it_rejects_an_id_inside_a_longer_alphanumeric_code():
    assert found("地籍号为：150929204211JC00218，统一代码A" + VALID_ID) == []


def test_it_finds_an_old_fifteen_digit_id_with_a_real_date():
    assert found("原证号152634550125601作废") == [("id_card", "152634550125601")]
    assert found("原证号152634551325601作废") == []


def test_it_finds_mobile_numbers_also_with_separators():
    text = "联系电话：13912345678，或139-1234-5678，或+86 150 1234 5678。"
    assert [kind for kind, _ in found(text)] == ["phone", "phone", "phone"]


def test_it_ignores_an_eleven_digit_mobile_shape_inside_a_longer_number():
    assert found("流水号213912345678901") == []


def test_it_keeps_a_landline_next_to_a_contact_person():
    assert found("联系人：王先生，联系电话：0471-6921234。") == [("phone", "0471-6921234")]


def test_it_ignores_a_landline_without_a_person_and_public_hotlines():
    assert found("服务热线0471-6921234，联系人可拨打咨询电话。") == []
    assert found("市民可拨打12345或12333热线，也可拨打400-810-1234。") == []
    assert found("咨询电话：0471-6921234。") == []


def test_masking_keeps_length_and_the_usual_visible_digits():
    text = f"身份证号{VALID_ID}，手机13812345678。"
    masked = mask_personal_data(text, extract_personal_data(text))
    assert len(masked) == len(text)
    assert VALID_ID[:6] + "********" + VALID_ID[-4:] in masked
    assert "138****5678" in masked


def test_masking_leaves_separators_and_the_area_code_in_place():
    text = "联系人李女士 0471-6921234"
    assert mask_personal_data(text, extract_personal_data(text)) == "联系人李女士 0471-***1234"


def test_masking_keeps_the_country_code_and_the_mobile_prefix_visible():
    text = "手机+86 150 1234 5678"
    assert mask_personal_data(text, extract_personal_data(text)) == "手机+86 150 **** 5678"


def test_the_seed_notice_id_number_is_valid_and_found():
    assert found("牧民赵某(身份证号码:152634195501256017)不慎") == [("id_card", "152634195501256017")]
