"""Question–answer pairs: 问/答 marks, speaker turns, numbered questions, and articles that are not interviews."""
from policies.qa import extract_qa_pairs

INTERVIEW = (
    "针对群众关心的问题，记者采访了市人社局负责人。\n"
    "问：失业保险金怎么申领？\n"
    "答：参保人员可通过线上渠道申领。\n"
    "线下可到就业服务大厅办理。\n"
    "\n"
    "问:领取期限是多长?\n"
    "答:最长不超过24个月。\n"
    "（据《北方新报》）\n"
)


def test_it_pairs_each_question_with_its_answer_without_the_marks():
    pairs = extract_qa_pairs(INTERVIEW)
    assert [pair.question for pair in pairs] == ["失业保险金怎么申领？", "领取期限是多长?"]
    assert pairs[1].answer == "最长不超过24个月。"


def test_it_joins_a_multi_paragraph_answer_with_line_breaks():
    assert extract_qa_pairs(INTERVIEW)[0].answer == "参保人员可通过线上渠道申领。\n线下可到就业服务大厅办理。"


def test_it_stops_the_last_answer_before_a_source_note():
    assert "据" not in extract_qa_pairs(INTERVIEW)[-1].answer


def test_its_offsets_span_the_question_and_the_answer():
    pair = extract_qa_pairs(INTERVIEW)[0]
    assert INTERVIEW[pair.question_start:].startswith("失业保险金怎么申领？")
    assert INTERVIEW[:pair.answer_end].endswith("线下可到就业服务大厅办理。")


def test_it_reads_an_answer_on_the_same_line_as_its_question():
    pairs = extract_qa_pairs("问：补贴标准是多少？答：每人每月500元。\n问：何时发放？答：次月发放。")
    assert [(p.question, p.answer) for p in pairs] == [("补贴标准是多少？", "每人每月500元。"), ("何时发放？", "次月发放。")]


def test_it_joins_a_question_broken_by_a_hard_line_break():
    pairs = extract_qa_pairs("问：退役军人优待证与“三属”优待\n证有区别吗？\n答：没有区别。")
    assert pairs[0].question == "退役军人优待证与“三属”优待证有区别吗？"


def test_it_keeps_a_parenthesis_that_opens_an_answer_line():
    pairs = extract_qa_pairs("问：在哪里申请？\n答：向户籍地乡镇\n（街道）服务站提出申请。")
    assert pairs[0].answer == "向户籍地乡镇\n（街道）服务站提出申请。"


def test_it_reads_alternating_reporter_and_official_turns():
    text = (
        "记者：今年有哪些新政策？\n局长张明：新增了三项补贴。\n其中一项面向青年。\n"
        "记者：怎么申请？\n局长张明：登录平台即可。\n"
    )
    pairs = extract_qa_pairs(text)
    assert [(p.question, p.answer) for p in pairs] == [
        ("今年有哪些新政策？", "新增了三项补贴。\n其中一项面向青年。"),
        ("怎么申请？", "登录平台即可。"),
    ]


def test_it_reads_numbered_questions_followed_by_answers():
    text = "1.哪些人可以参保？\n本市户籍居民均可参保。\n2.缴费标准是多少？\n每人每年400元。\n"
    pairs = extract_qa_pairs(text)
    assert [(p.question, p.answer) for p in pairs] == [
        ("哪些人可以参保？", "本市户籍居民均可参保。"),
        ("缴费标准是多少？", "每人每年400元。"),
    ]


def test_it_finds_nothing_in_a_news_story_with_a_rhetorical_question():
    text = "如何让群众在家门口看好病？这是一道民生考题。\n记者从市卫健委获悉，全市已建成12个医共体。"
    assert extract_qa_pairs(text) == []


def test_it_needs_two_turns_before_trusting_a_single_speaker_label():
    assert extract_qa_pairs("记者：效果怎么样？\n村民王华：很方便。") == []
