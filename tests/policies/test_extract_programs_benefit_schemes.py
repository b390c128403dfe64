"""Programme recognition on real sentences (issue 15, from the errors of the fourth real reserve): the short forms of
named benefit schemes, pilots of a listed scheme, names whose subject has two parts, and the words that are no
scheme (an office, a verb, a sector of work, a person's post)."""
from policies.extract import extract_programs


def names(text: str) -> list[str]:
    return [mention.name for mention in extract_programs(text)]


def test_taiwan_social_insurances_are_found_by_their_short_forms():
    text = "國保是國民在沒有參加勞保、公保、軍保或農保期間的「基本保障」"
    assert names(text) == ["国保", "劳保", "公保", "军保", "农保"]


def test_the_national_pension_insurance_is_found_under_its_full_name():
    assert names("國民年金保險自今（115）年元旦起，月投保金額由1萬9,761元調高") == ["国民年金保险"]


def test_the_bureau_named_after_a_scheme_is_an_office_not_a_mention():
    assert names("勞保局舉例，一位國保年資15年的民眾，按月領取國保老年年金給付") == ["国保", "国保"]


def test_a_scheme_name_before_an_office_word_names_the_office():
    text = "至於有關職津計劃的查詢,則可致電在職家庭及學生資助事務處轄下在職家庭津貼辦事處的熱線"
    assert names(text) == ["职津计划"]


def test_macau_old_age_allowance_counts_without_a_kind_word():
    assert "敬老金" in names("養老金屬於社會保障制度,而敬老金旨在體現對長者的關懷")


def test_the_three_special_enrolment_plans_are_each_a_programme():
    text = "全面實施高校招生傾斜,即面向貧困地區定向招生的國家專項計劃、地方專項計劃、高校專項計劃"
    assert names(text) == ["国家专项计划", "地方专项计划", "高校专项计划"]


def test_a_listed_scheme_followed_by_pilot_names_the_pilot():
    assert names("住房城鄉建設部、發展改革委和財政部聯合開展農村危房改造試點工作。") == ["农村危房改造试点"]


def test_a_city_that_plans_is_not_a_plan():
    text = "今年,辽宁省政府下达给沈阳市的保障性住房建设任务是49355套,沈阳市计划超额完成"
    assert "沈阳市计划" not in names(text)


def test_two_nouns_joined_by_ji_share_one_project_name():
    assert names("并启动为期3年的老旧小区及平房区综合改造工程。") == ["老旧小区及平房区综合改造工程"]


def test_national_housing_schemes_for_mining_and_state_farm_areas():
    text = "沈阳市政府明确要求:中央下放地方煤矿棚户区改造当年开工、当年竣工;垦区危房改造6月底前开工建设"
    assert names(text) == ["中央下放地方煤矿棚户区改造", "垦区危房改造"]


def test_hainan_education_relocation_is_found_by_its_short_form():
    assert names("教育扶贫移民学子韩如雪大学毕业后回到王下乡政府工作。") == ["教育扶贫移民"]


def test_a_post_a_sector_and_a_line_of_work_are_not_schemes():
    assert names("最该感谢的,是第一书记李玉栋。") == []
    assert names("二、发展壮大了农村集体经济。") == []
    assert names("筑牢社会保障兜底扶贫基本防线") == []


def test_a_subject_and_duizhao_before_a_document_are_not_part_of_its_name():
    assert names("今年,我省對照教育扶貧工程實施方案,將實施一系列專項行動") == ["教育扶贫工程实施方案"]


def test_a_budget_in_title_marks_is_a_document():
    assert names("政府在2024至25年度《財政預算案》公布向領取社會保障援助的合資格人士") == ["财政预算案"]


def test_the_umbrella_category_of_housing_schemes_is_not_one():
    assert names("辽宁省政府下达给沈阳市的保障性住房建设任务是49355套") == []
