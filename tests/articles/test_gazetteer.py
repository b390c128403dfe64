"""The gazetteer data: real GB/T 2260 codes, complete levels, consistent parents and short names."""

from articles.extract import gazetteer as gz


def _divisions():
    return gz.divisions().values()


def test_it_has_all_34_province_level_divisions():
    provinces = [d for d in _divisions() if d.level == "province"]
    assert len(provinces) == 34
    assert {"710000", "810000", "820000"} <= {d.code for d in provinces}


def test_it_has_about_333_prefecture_level_divisions():
    assert len([d for d in _divisions() if d.level == "prefecture"]) == 333


def test_it_has_the_12_prefectures_and_103_counties_of_inner_mongolia():
    inner = [d for d in _divisions() if d.code.startswith("15")]
    assert len([d for d in inner if d.level == "prefecture"]) == 12
    assert len([d for d in inner if d.level == "county"]) == 103


def test_every_parent_exists_and_is_one_level_up_or_a_province():
    for division in _divisions():
        if division.level == "province":
            assert division.parent_code is None
            continue
        parent = gz.get_division(division.parent_code)
        assert parent is not None, division
        assert gz.LEVEL_RANK[parent.level] < gz.LEVEL_RANK[division.level]


def test_it_carries_known_codes():
    expected = {
        "150122": "托克托县", "150929": "四子王旗", "152222": "科尔沁右翼中旗", "150824": "乌拉特中旗",
        "150203": "昆都仑区", "150921": "卓资县", "152224": "突泉县", "150721": "阿荣旗",
        "150726": "新巴尔虎左旗", "150430": "敖汉旗", "150404": "松山区", "152201": "乌兰浩特市",
        "150302": "海勃湾区", "150125": "武川县", "150823": "乌拉特前旗", "150222": "固阳县",
        "150204": "青山区", "110109": "门头沟区", "152500": "锡林郭勒盟",
    }
    for code, name in expected.items():
        assert gz.get_division(code).name == name


def test_it_strips_official_suffixes_into_short_names():
    assert gz.get_division("150000").short_names == ("内蒙古",)
    assert gz.get_division("450000").short_names == ("广西",)
    assert gz.get_division("650000").short_names == ("新疆",)
    assert "延边" in gz.get_division("222400").short_names
    assert "锡林郭勒" in gz.get_division("152500").short_names
    assert "鄂温克" in gz.get_division("150724").short_names


def test_it_does_not_cut_a_banner_down_to_a_direction_word():
    assert gz.get_division("152222").short_names == ()
    assert "科右中旗" in gz.get_division("152222").aliases


def test_a_shared_short_name_goes_to_the_higher_level_only():
    assert "吉林" in gz.get_division("220000").short_names
    assert "吉林" not in gz.get_division("220200").short_names


def test_press_abbreviations_are_aliases():
    assert "呼市" in gz.get_division("150100").aliases
    assert "昆区" in gz.get_division("150203").aliases
    assert "达茂旗" in gz.get_division("150223").aliases


def test_context_aliases_name_the_province_they_need():
    alias = gz.region_aliases()["鹿城"]
    assert alias.codes == ("150200",)
    assert alias.requires_home == "150000"


def test_every_abbreviation_points_to_a_known_division():
    for code in [*gz.province_abbreviations().values(), *gz.prefecture_abbreviations().values()]:
        assert gz.get_division(code) is not None
