"""Personal data: resident IDs checked by MOD 11-2 and birth date, private phones, and same-length masking."""
from articles.extract.pii import extract_personal_data, id_check_digit, mask_fragment, mask_personal_data


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


# --- Written forms (issue 11): spaced, dashed, full-width, prefixed ------------------------------------------------

SPACED_ID = f"{VALID_ID[:4]} {VALID_ID[4:8]} {VALID_ID[8:12]} {VALID_ID[12:16]} {VALID_ID[16:]}"
DASHED_ID = f"{VALID_ID[:6]}-{VALID_ID[6:14]}-{VALID_ID[14:]}"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_it_finds_an_id_grouped_by_spaces_or_dashes():
    assert found(f"身份证号 {SPACED_ID}，") == [("id_card", SPACED_ID)]
    assert found(f"证件：{DASHED_ID}。") == [("id_card", DASHED_ID)]


def test_it_masks_a_grouped_id_keeping_its_separators_and_length():
    text = f"身份证号 {SPACED_ID}，"
    masked = mask_personal_data(text, extract_personal_data(text))
    assert SPACED_ID == "1501 0519 8802 2930 17"
    assert masked == "身份证号 1501 05** **** **30 17，"


def test_it_finds_full_width_ids_and_mobiles():
    wide_id, wide_phone = VALID_ID.translate(FULL_WIDTH), "１３８１２３４５６７８"
    assert found(f"身份证{wide_id}，手机{wide_phone}") == [("id_card", wide_id), ("phone", wide_phone)]
    assert mask_personal_data(wide_phone, extract_personal_data(wide_phone)) == "１３８****５６７８"


def test_it_finds_mobiles_behind_a_letter_prefix_or_a_label():
    for text in ("Tel13712345678", "TEL:13712345678", "电话:13712345678", "手机号13712345678", "M.13712345678"):
        assert found(text) == [("phone", "13712345678")], text


def test_it_ignores_a_mobile_shaped_run_inside_a_product_code():
    assert found("型号AB13712345678") == []


def test_it_finds_mobiles_with_spaces_dashes_and_country_code():
    for phone in ("137 1234 5678", "137-1234-5678", "+86 137 1234 5678", "+86-13712345678", "1371 234 5678"):
        assert found(f"联系方式：{phone}。") == [("phone", phone)], phone


def test_it_finds_a_landline_next_to_a_person_but_not_a_hotline():
    assert found("请联系张先生，电话0471-6921234。") == [("phone", "0471-6921234")]
    assert found("政策咨询热线0471-6921234。") == []


def test_it_finds_a_bank_card_that_passes_luhn_near_a_card_word():
    assert found("银行卡号：6222 0212 3456 7894，户名") == [("bank_card", "6222 0212 3456 7894")]
    assert found("账号4111111111111111") == [("bank_card", "4111111111111111")]


def test_it_ignores_a_long_number_that_fails_luhn_or_has_no_card_context():
    assert found("银行卡号：6222 0212 3456 7890") == []
    assert found("统计编号4111111111111111") == []


def test_it_masks_a_bank_card_keeping_its_first_and_last_four_digits():
    text = "卡号6222021234567894"
    assert mask_personal_data(text, extract_personal_data(text)) == "卡号6222********7894"


def test_it_finds_and_masks_an_email_address():
    text = "请将材料发至zhangsan1985@example.com。"
    assert found(text) == [("email", "zhangsan1985@example.com")]
    assert mask_personal_data(text, extract_personal_data(text)) == "请将材料发至z***********@example.com。"


def test_it_leaves_a_newsroom_submission_address_alone():
    assert found("投稿邮箱：news@nmgdaily.com.cn") == []


# --- Names of private persons: only in notices or after a label -------------------------------------------------

def test_it_finds_labelled_names_and_keeps_the_surname_when_masking():
    text = "户主：张三，失主王某某，寻找亲人李四"
    assert found(text) == [("name", "张三"), ("name", "王某某"), ("name", "李四")]
    assert mask_personal_data(text, extract_personal_data(text)) == "户主：张*，失主王**，寻找亲人李*"


def test_it_finds_a_described_person_in_a_notice():
    text = "寻人启事\n欧阳明华（男，1985年生），于11月3日走失。"
    assert found(text) == [("name", "欧阳明华")]
    assert mask_personal_data(text, extract_personal_data(text)).startswith("寻人启事\n欧阳**（男")


def test_it_leaves_officials_and_reporters_in_ordinary_news_alone():
    text = "自治区人社厅副厅长王建国（男，1968年生）介绍，记者张丽华报道。"
    assert found(text) == []


def test_it_skips_names_when_asked_for_a_byline():
    assert found("户主：张三") == [("name", "张三")]
    assert extract_personal_data("户主：张三", names=False) == []


def test_it_finds_a_private_person_named_before_an_id_in_a_loss_notice():
    text = "四子王旗牧民赵忠山(身份证号码:152634195501256017)不慎将草场确权证丢失，声明作废。"
    assert ("name", "赵忠山") in found(text)


def test_it_does_not_take_a_patient_or_a_word_after_a_name_for_a_name():
    assert [kind for kind, _ in found("患者和家属奔波劳累。购药患者刘涛拿起一盒药。")] == []
    assert found("户主刘涛拿起一盒药") == [("name", "刘涛")]


def test_a_labelled_name_keeps_both_given_characters_when_the_second_starts_no_word():
    # 华家 and 实手 are no words (明华 + 家庭, 秋实 + 手机): the masked measure must not show the name's last character
    assert found("户主：欧阳明华家庭年收入2.5万元") == [("name", "欧阳明华")]
    assert found("户主王明家庭年收入2.5万元") == [("name", "王明")]


def test_a_contact_person_is_a_labelled_private_person():
    text = "联系人房秋实手机13912345678"
    assert ("name", "房秋实") in found(text)
    assert "房秋实" not in mask_personal_data(text, extract_personal_data(text))


def test_a_fragment_rewritten_from_the_text_is_masked_whatever_the_width_or_spacing_of_its_numbers():
    # Names built from the text (a programme named by a 《title》) make digits half-width and fold spaces and line
    # breaks: the number is still the person's and is masked in every form it takes there.
    text = "印发《求助热线１３６１２３４５６７８使用办法》，手机+86 150-1234-5678，身份证号1501 0519 8802 2930 17。"
    items = extract_personal_data(text)
    assert mask_fragment("求助热线13612345678使用办法", items) == "求助热线136****5678使用办法"
    assert mask_fragment("热线15012345678", items) == "热线150****5678"
    assert mask_fragment("号150105198802293017", items) == "号150105********3017"
    assert mask_fragment("证号150105 1988\n02293017止", items) == "证号150105 ****\n****3017止"
    assert mask_fragment("编号2136123456789", items) == "编号2136123456789"  # another, longer number: not the phone
