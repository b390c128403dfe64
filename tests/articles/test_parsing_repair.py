"""Repair of extracted page text: wraps joined, doubled bold undone, page-break splits rejoined."""
from articles.parsing.lines import read_lines, undouble
from articles.parsing.repair import repair_blocks


def _texts(text, role=None):
    return [b.text for b in repair_blocks(text) if role is None or b.role == role]


def test_it_undoes_a_doubled_bold_headline():
    keep = undouble("““点对点点对点””送务工人员返岗复工送务工人员返岗复工。。")
    text = "““点对点点对点””送务工人员返岗复工送务工人员返岗复工。。"
    assert "".join(text[i] for i in keep) == "“点对点”送务工人员返岗复工。"


def test_it_leaves_real_repeats_alone():
    for word in ("天天", "常常", "一一", "点对点", "实实在在", "高高兴兴", "谢谢谢谢"):
        assert undouble(word) is None


def test_it_splits_a_doubled_headline_glued_to_the_end_of_a_body_line():
    lines = read_lines("就近转移就业。 ““返岗返岗””专列开通专列开通\n")
    assert [line.text for line in lines] == ["就近转移就业。", "“返岗”专列开通"]
    assert lines[1].doubled


def test_it_joins_a_number_split_by_a_line_break():
    body = ("今年56岁的董林患有重症肌无力，每年治\n疗费用给家庭带来沉重的负担，一支5608\n"
            "元。今年进入医保目录，可报销75%，减轻\n了他的家庭负担，现在每月只花一万多。\n") * 2
    assert "一支5608元。" in _texts(body)[0]


def test_it_rejoins_a_word_split_across_a_page_break():
    text = ("“不用带着生病的孩子到处奔波，在家门口就能看上国内权威专家。”手术成功后，两个孩子的妈\n\n"
            "妈难掩激动。\n\n这场跨越千里的携手救治，让许多患者看到希望。\n")
    assert _texts(text)[0].endswith("两个孩子的妈妈难掩激动。")


def test_it_keeps_a_subheading_as_its_own_paragraph():
    text = ("全区就业形势保持总体稳定，城镇新增就业六万余人。\n\n政策加力稳根基\n\n"
            "今年，自治区人社部门强化稳就业政策支持，延续实施稳岗返还政策。\n")
    assert _texts(text) == ["全区就业形势保持总体稳定，城镇新增就业六万余人。", "政策加力稳根基",
                            "今年，自治区人社部门强化稳就业政策支持，延续实施稳岗返还政策。"]


def test_it_joins_a_short_fragment_that_ends_a_column_before_a_speaker():
    text = ("同时，系统将自动拦截未上传追溯码的药品。\n\n内蒙古自治区医疗保障局医保基金\n\n"
            "监测中心负责人岳峰说：“这项措施既能保障群众用药安全。”\n")
    assert _texts(text)[1].startswith("内蒙古自治区医疗保障局医保基金监测中心负责人岳峰说")


def test_it_keeps_a_caption_printed_inside_a_split_paragraph_apart():
    text = ("当日，包头市民政局开展了一场场关爱活动：包头市未成年人救助保护中心举办孤独症孩\n\n\n\n"
            "康复老师带领孤独症儿童进行认知训练。\n\n子家长赋能座谈会，为困境家庭答疑解惑。\n")
    blocks = repair_blocks(text)
    assert blocks[0].text.endswith("举办孤独症孩子家长赋能座谈会，为困境家庭答疑解惑。")
    assert (blocks[1].role, blocks[1].text) == ("caption", "康复老师带领孤独症儿童进行认知训练。")


def test_it_strips_markdown_heading_marks_and_spaced_out_titles():
    blocks = repair_blocks("## 短评\n\n# 京 蒙 平 安 校 园 共 建\n\n正文第一段，内容较长，说明了活动的具体情况和意义。\n")
    assert [(b.role, b.text) for b in blocks[:2]] == [("column", "短评"), ("title", "京蒙平安校园共建")]


def test_it_recognises_bylines_captions_and_closing_credits():
    text = ("□文/图 本报记者 于欣莉\n\n正文写了很多内容，介绍活动的来龙去脉，这里是一段足够长的正文。\n\n"
            "(本栏图片由包头市新华书店提供)\n\n(李云逸 姚建丽)\n")
    blocks = repair_blocks(text)
    assert [b.role for b in blocks] == ["byline", "body", "caption", "credit"]
    assert blocks[0].names == ["于欣莉"] and blocks[3].names == ["李云逸", "姚建丽"]
