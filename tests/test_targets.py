"""Numeric targets: a phrase table (each line a case a reviewer can read), the negatives, the
subjects, and the sample's targets as a golden file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tasktable
from golden import write_one_per_line
from tasktable import Target, find_targets

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"
SAMPLE_TARGETS = FIXTURES / "lianyungang-kexie-2019.targets.json"


def only(text: str) -> Target:
    (target,) = find_targets(text)
    return target


def amount(target: Target) -> str:
    """50 for one number, 6-8 for a range; integers without .0."""

    def number(x: float | None) -> str:
        return f"{x:g}" if x is not None and x != int(x) else str(int(x or 0))

    if target.comparator == "range":
        return f"{number(target.low)}-{number(target.high)}"
    return number(target.value)


# text | the target as written | comparator | amount | unit
PHRASES = [
    # comparators before the number
    ("全年宣传不少于50人", "不少于50人", ">=", "50", "人"),
    ("确保不低于95%", "不低于95%", ">=", "95", "%"),
    ("至少3次", "至少3次", ">=", "3", "次"),
    ("力争注册科普志愿者达5.5万人", "达5.5万人", ">=", "55000", "人"),
    ("参保人数达到1200人", "达到1200人", ">=", "1200", "人"),
    ("培训超300人次", "超300人次", ">", "300", "人次"),
    ("服务群众超过2万人次", "超过2万人次", ">", "20000", "人次"),
    ("注册人数突破5.5万人", "突破5.5万人", ">", "55000", "人"),
    ("会议不超过3次", "不超过3次", "<=", "3", "次"),
    ("空置率低于5%", "低于5%", "<", "5", "%"),
    ("参训少于20人的班次", "少于20人", "<", "20", "人"),
    ("举办规模约200人的培训班", "约200人", "~", "200", "人"),
    # comparators after the unit
    ("举办学术交流活动200场次以上", "200场次以上", ">=", "200", "场次"),
    ("覆盖率达90%及以上", "达90%及以上", ">=", "90", "%"),
    ("误差控制在2%以内", "2%以内", "<=", "2", "%"),
    ("班额45人以下", "45人以下", "<=", "45", "人"),
    ("培训200人左右", "200人左右", "~", "200", "人"),
    ("规模约200人左右的培训班", "约200人左右", "~", "200", "人"),
    ("吸纳会员300余人", "300余人", ">", "300", "人"),
    ("服务1万多人次", "1万多人次", ">", "10000", "人次"),
    # ranges
    ("全年成立6-8家学会党支部", "6-8家", "range", "6-8", "家"),
    ("培育1－2家科普动漫企业", "1－2家", "range", "1-2", "家"),
    ("推荐项目4~5个", "4~5个", "range", "4-5", "个"),
    ("推荐项目4～5个", "4～5个", "range", "4-5", "个"),
    ("新建3至5所学校", "3至5所", "range", "3-5", "所"),
    ("组织10到15场讲座", "10到15场", "range", "10-15", "场"),
    ("新增三至五家", "三至五家", "range", "3-5", "家"),
    ("投入5万-6万元", "5万-6万元", "range", "50000-60000", "元"),
    # ranges with the unit after both numbers
    ("完成投资180亿元至200亿元", "180亿元至200亿元", "range", "18000000000-20000000000", "元"),
    ("培训10人到20人", "10人到20人", "range", "10-20", "人"),
    ("建设5公里～8公里", "5公里～8公里", "range", "5-8", "公里"),
    # currencies other than 元, with multipliers
    ("实际使用外资2000万美元", "2000万美元", "=", "20000000", "美元"),
    ("实际使用外资1.5亿美元", "1.5亿美元", "=", "150000000", "美元"),
    ("引进欧元贷款300万欧元", "300万欧元", "=", "3000000", "欧元"),
    # concentrations: PM2.5 is a name, no number
    ("PM2.5浓度控制在35微克/立方米以内", "35微克/立方米以内", "<=", "35", "微克/立方米"),
    # compound measure words of visits and runs
    ("检查在建工地100个次以上", "100个次以上", ">=", "100", "个次"),
    ("走访企业200户次", "200户次", "=", "200", "户次"),
    ("开通公交300车次", "300车次", "=", "300", "车次"),
    # multipliers, decimals, percentages, full-width digits, thousands
    ("总投资1330亿元", "1330亿元", "=", "133000000000", "元"),
    ("奖补资金200万元", "200万元", "=", "2000000", "元"),
    ("推广3千亩", "3千亩", "=", "3000", "亩"),
    ("新增会员3%以上", "3%以上", ">=", "3", "%"),
    ("稳定在90％以上", "90％以上", ">=", "90", "%"),
    ("增长2.5个百分点", "2.5个百分点", "=", "2.5", "个百分点"),
    ("培训５０人", "５０人", "=", "50", "人"),
    ("发放1,200册", "1,200册", "=", "1200", "册"),
    ("建设0.5公里", "0.5公里", "=", "0.5", "公里"),
    # Chinese numerals
    ("召开两次会议", "两次", "=", "2", "次"),
    ("举办三场讲座", "三场", "=", "3", "场"),
    ("打造十个示范点", "十个", "=", "10", "个"),
    ("刊发二十篇", "二十篇", "=", "20", "篇"),
    ("培训一百二十人", "一百二十人", "=", "120", "人"),
    ("服务五万人次", "五万人次", "=", "50000", "人次"),
    ("至少一次", "至少一次", ">=", "1", "次"),
    # the common measure words
    ("创建2个", "2个", "=", "2", "个"),
    ("实施100项", "100项", "=", "100", "项"),
    ("命名50名", "50名", "=", "50", "名"),
    ("发布600条", "600条", "=", "600", "条"),
    ("发行12期", "12期", "=", "12", "期"),
    ("新建3座", "3座", "=", "3", "座"),
    ("帮扶30户", "30户", "=", "30", "户"),
    ("种植500亩", "500亩", "=", "500", "亩"),
    ("处理垃圾20吨", "20吨", "=", "20", "吨"),
    ("购置5台", "5台", "=", "5", "台"),
    ("配备10套", "10套", "=", "10", "套"),
    ("办理40件", "40件", "=", "40", "件"),
    ("分3批", "3批", "=", "3", "批"),
    ("整治12处", "12处", "=", "12", "处"),
    ("组建4支", "4支", "=", "4", "支"),
    ("拍摄2部", "2部", "=", "2", "部"),
    ("印制1000份", "1000份", "=", "1000", "份"),
    ("改造8000平方米", "8000平方米", "=", "8000", "平方米"),
    ("粮食产量100亿斤以上", "100亿斤以上", ">=", "10000000000", "斤"),
    ("储备粮食500公斤", "500公斤", "=", "500", "公斤"),
    # spaces a PDF converter prints between a number and its multiplier or 余 (camelot,
    # pymupdf4llm): read through, the text as written
    ("粮食产量 100 亿斤以上", "100 亿斤以上", ">=", "10000000000", "斤"),
    ("播种面积稳定在 68 万亩以上", "68 万亩以上", ">=", "680000", "亩"),
    ("完成投资 3000 余万元", "3000 余万元", ">", "30000000", "元"),
    # 余 / 多 before the multiplier, as after it
    ("争取上级资金1000余万元", "1000余万元", ">", "10000000", "元"),
    ("完成投资3000余万元", "3000余万元", ">", "30000000", "元"),
    ("带动村集体增收1000多万元", "1000多万元", ">", "10000000", "元"),
    ("实现营业收入1.2亿余元", "1.2亿余元", ">", "120000000", "元"),
    # 约 with a verb is still about
    ("约占30%", "约占30%", "~", "30", "%"),
    ("约为30%", "约为30%", "~", "30", "%"),
    ("全市约有200家", "约有200家", "~", "200", "家"),
    ("参与群众约达5万人", "约达5万人", "~", "50000", "人"),
    # per mille and shares in words keep their unit, as % does (docs/targets.md)
    ("生产安全事故死亡率控制在3‰以内", "3‰以内", "<=", "3", "‰"),
    ("人口自然增长率控制在万分之五以内", "万分之五以内", "<=", "5", "‱"),
    ("不得超过千分之三", "不得超过千分之三", "<=", "3", "‰"),
    ("覆盖率达到百分之九十以上", "达到百分之九十以上", ">=", "90", "%"),
    # thousands in full-width digits, with either comma
    ("馆藏图书１，２００册", "１，２００册", "=", "1200", "册"),
    ("馆藏图书１,２００册", "１,２００册", "=", "1200", "册"),
    ("完成造林1.2万亩次", "1.2万亩次", "=", "12000", "亩次"),
    # energy in standard coal: one unit, not 吨 and a subject 标准煤以内
    ("能源消费总量控制在50万吨标准煤以内", "50万吨标准煤以内", "<=", "500000", "吨标准煤"),
    ("万元GDP能耗下降至0.5吨标煤", "0.5吨标煤", "=", "0.5", "吨标煤"),
    ("发放残疾人两项补贴3200万元", "3200万元", "=", "32000000", "元"),  # 两项补贴 a fixed term
]


@pytest.mark.parametrize(("text", "written", "comparator", "expected", "unit"), PHRASES)
def test_target(text: str, written: str, comparator: str, expected: str, unit: str) -> None:
    target = only(text)
    assert (target.text, target.comparator, amount(target), target.unit) == (
        written,
        comparator,
        expected,
        unit,
    )
    assert text[target.span[0] : target.span[1]] == target.text


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每周发布科普微信3期", "周"),
        ("每月报送2次", "月"),
        ("每季度召开1次", "季度"),
        ("发布3期，每期4条", "期"),
    ],
)
def test_rate(text: str, per: str) -> None:
    assert find_targets(text)[-1].per == per


def test_rate_counts_the_every_of_its_own_clause_only() -> None:
    weekly, per_issue, total = find_targets("每周发布科普微信3期，每期4条，全年不少于600条")
    assert (weekly.value, weekly.unit, weekly.per) == (3, "期", "周")
    assert (per_issue.value, per_issue.unit, per_issue.per) == (4, "条", "期")
    assert (total.comparator, total.value, total.per) == (">=", 600, None)


def test_distributive_list_pairs_each_number_with_its_item() -> None:
    text = "年底表彰先进基层科协组织、先进个人和创新案例各30家、50人和10个"
    assert [(t.subject, t.value, t.unit) for t in find_targets(text)] == [
        ("先进基层科协组织", 30, "家"),
        ("先进个人", 50, "人"),
        ("创新案例", 10, "个"),
    ]


def test_distributive_list_of_another_length_pairs_nothing() -> None:
    """Two items and three numbers: no pairing is sure, so no item is claimed."""
    targets = find_targets("表彰先进集体和先进个人各30家、50人和10个")
    assert [t.value for t in targets] == [30, 50, 10]
    assert "先进集体" not in [t.subject for t in targets]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("培养50名大学生创客", "大学生创客"),  # after the number
        ("积极举办各类学术交流活动200场次以上", "学术交流活动"),  # after its verb
        ("其中高层次学术交流活动20场次", "高层次学术交流活动"),
        ("全年组织不少于1000名科技辅导员参加培训班", "科技辅导员"),  # up to the next verb
        ("建立15家科技服务站", "科技服务站"),  # 服务 inside a noun is no verb
        ("命名市级科普惠农服务站10个", "市级科普惠农服务站"),
        ("活跃指数稳定在90%以上", "活跃指数"),
        ("主题科普重点活动共不少于50项", "主题科普重点活动"),
        ("组织推荐“基层科普行动计划”项目4-5个", "“基层科普行动计划”项目"),
        ("全年不少于600条", None),
        # a verb of change before the number is no part of the subject
        ("城镇化率提高到62%", "城镇化率"),
        ("化肥使用量下降到3万吨以下", "化肥使用量"),
        ("公共服务满意度提升至60%", "公共服务满意度"),
        ("审批时限压缩至3个工作日以内", "审批时限"),
        ("地区生产总值增长6%左右", "地区生产总值"),
        # nor what the change is measured from, nor a date
        ("单位GDP能耗比2020年下降13.5%", "单位GDP能耗"),
        ("比2020年下降13.5%", None),
        ("12月底前完成80%", None),
        ("2024年城镇化率提高到62%", "城镇化率"),
        ("7月上旬-8月下旬采集土壤样品不少于300个", "土壤样品"),
        ("河长巡河每月不少于1次", "河长巡河"),
        # 服务 starting a noun is no verb (服务业, 服务中心, 服务站, 服务事项)
        ("现代服务业增加值增长8%", "现代服务业增加值"),
        ("建设便民服务中心5个", "便民服务中心"),
        ("退役军人服务站建站率达到100%", "退役军人服务站建站率"),
        ("政务服务事项网上可办率达到100%", "政务服务事项网上可办率"),
        ("服务对象满意度达到95%以上", "服务对象满意度"),
        ("服务群众超过2万人次", "群众"),  # 服务 before its object is a verb
        ("进出口总额同比增长8%", "进出口总额"),
        ("同比增长5%", None),
        ("城乡低保标准分别提高到每人每月780元", "城乡低保标准"),  # a rate at its end
    ],
)
def test_subject(text: str, subject: str | None) -> None:
    assert find_targets(text)[-1].subject == subject


NOT_TARGETS = [
    "开展第五届青年科技奖评选",  # ordinals
    "组织第六届市长奖评选",
    "公布第3批名单",
    "2019年工作要点",  # years and dates
    "6月份下发通知",
    "5-10月做好工作推进",
    "一季度摸底调研",
    "二、三、四季度指导",
    "深化“百名教授兴百村工程”",  # names in quotes and titles
    "提升基层科协组织力“4+1”工作",
    "寻找连云港“十大最美科技创新之星”",
    "按照《三年行动计划(2016—2020年)》",
    "充分发挥三长一家作用",  # fixed terms
    "建设一支高素质干部队伍",  # 一 + measure word as an article
    "形成一批成果",
    "会同3部门联合发文",  # 部门 is no measure word 部
    "一次性补助",
    "开展两岸科技交流",  # a numeral before a noun that is no measure word
    "上级下达任务",
    "保持全省前三名",  # a rank, not a count
    "进入全国前10名",
]


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_not_a_target(text: str) -> None:
    assert find_targets(text) == []


def test_verb_ending_in_a_comparator_is_no_comparator() -> None:
    """下达3项任务 "hand down 3 tasks" is 3 项, not "at least 3"."""
    (target,) = find_targets("上级下达3项任务")
    assert (target.text, target.comparator, target.value) == ("3项", "=", 3)
    (target,) = find_targets("签约为3家企业")  # 签约 "sign", then 为: no 约为 "about"
    assert (target.text, target.comparator, target.value) == ("3家", "=", 3)


def test_theme_and_project_give_no_targets() -> None:
    text = (
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任单位 |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | 实施十大工程 | 建设5个中心 | 新建3个中心 | 6月底前完成2个 | 办公室 |\n"
    )
    (task,) = tasktable.parse(text, year=2019).tasks
    assert [(t.field, t.text) for t in task.targets] == [("content", "3个"), ("schedule", "2个")]


def test_every_target_of_the_sample(update_golden: bool) -> None:
    """Golden: every target of every content and schedule cell (reviewed by eye)."""
    document = tasktable.parse_file(SAMPLE)
    found = {
        str(task.seq): [
            [
                t.field[0],
                t.text,
                list(t.span),
                t.comparator,
                amount(t),
                t.unit,
                t.per,
                t.subject,
            ]
            for t in task.targets
        ]
        for task in document.tasks
        if task.targets
    }
    if update_golden:
        write_one_per_line(SAMPLE_TARGETS, found)
    assert found == json.loads(SAMPLE_TARGETS.read_text("utf-8"))
    for task in document.tasks:
        for t in task.targets:
            field = task.content if t.field == "content" else task.schedule
            assert field is not None and field[t.span[0] : t.span[1]] == t.text


def test_the_sample_targets_the_issue_names() -> None:
    tasks = {t.seq: t for t in tasktable.parse_file(SAMPLE).tasks}

    def described(seq: int, field: str) -> list[tuple[str, str, str | None, str | None]]:
        return [
            (t.comparator, amount(t), t.unit, t.per) for t in tasks[seq].targets if t.field == field
        ]

    assert described(8, "schedule") == [
        (">=", "50", "人", None),
        (">=", "4", "个", None),
        (">=", "1000", "条", None),
    ]
    assert described(2, "schedule") == [("range", "6-8", "家", None)]
    assert described(34, "content") == [(">=", "55000", "人", None)]
    assert described(34, "schedule") == [(">", "55000", "人", None)]
    assert described(53, "schedule")[-3:] == [
        ("=", "30", "家", None),
        ("=", "50", "人", None),
        ("=", "10", "个", None),
    ]
    assert described(48, "schedule") == [
        ("=", "3", "期", "周"),
        ("=", "4", "条", "期"),
        (">=", "600", "条", None),
    ]
    assert tasks[5].targets == tasks[38].targets == tasks[44].targets == []


# --- property: a generated target rendered in any of its spellings is found again ----------

_COMPARATOR_SPELLINGS = {
    ">=": [
        ("不少于", ""),
        ("不低于", ""),
        ("至少", ""),
        ("达到", ""),
        ("", "以上"),
        ("", "及以上"),
    ],
    ">": [("超过", ""), ("突破", ""), ("超", "")],
    "<=": [("不超过", ""), ("", "以内"), ("", "以下")],
    "<": [("低于", ""), ("少于", "")],
    "~": [("约", ""), ("", "左右"), ("约", "左右")],
    "=": [("", "")],
}
_CHINESE_NUMBERS = {2: "两", 3: "三", 10: "十", 20: "二十", 120: "一百二十", 45: "四十五"}
_SENTENCE_UNITS = ["人", "人次", "家", "个", "项", "场次", "次", "篇", "条", "期", "所", "亩", "%"]


@st.composite
def rendered_targets(draw: st.DrawFn) -> tuple[str, str, float, str]:
    comparator = draw(st.sampled_from(sorted(_COMPARATOR_SPELLINGS)))
    before, after = draw(st.sampled_from(_COMPARATOR_SPELLINGS[comparator]))
    unit = draw(st.sampled_from(_SENTENCE_UNITS))
    spelling = draw(st.sampled_from(["digits", "full-width", "wan", "chinese"]))
    if spelling == "chinese":
        value, number = draw(st.sampled_from(sorted(_CHINESE_NUMBERS.items())))
    elif spelling == "wan":
        tenths = draw(st.integers(11, 99))
        value, number = tenths * 1000, f"{tenths / 10:g}万"
    else:
        value = draw(st.integers(2, 99999))
        number = str(value)
        if spelling == "full-width":
            number = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    lead = draw(st.sampled_from(["全年开展活动", "力争", "新增会员", "", "二季度完成"]))
    tail = draw(st.sampled_from(["。", "，并做好总结。", "；", ""]))
    written = f"{before}{number}{unit}{after}"
    return f"{lead}{written}{tail}", comparator, float(value), unit + "|" + written


@given(rendered_targets())
def test_rendered_target_is_found_again(case: tuple[str, str, float, str]) -> None:
    text, comparator, value, unit_and_written = case
    unit, written = unit_and_written.split("|")
    target = only(text)
    assert (target.text, target.comparator, target.value, target.unit) == (
        written,
        comparator,
        value,
        unit,
    )


# --- regressions found by an adversarial review ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "comparator", "expected"),
    [
        ("办理时限不得超过5个工作日", "不得超过5个工作日", "<=", "5"),
        ("进场率不得低于90%", "不得低于90%", ">=", "90"),
        ("每班学生人数不得少于20人", "不得少于20人", ">=", "20"),
        ("原则上不超3天", "不超3天", "<=", "3"),
    ],
)
def test_negated_comparator_is_turned_round(
    text: str, written: str, comparator: str, expected: str
) -> None:
    target = only(text)
    assert (target.text, target.comparator, amount(target)) == (written, comparator, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增30家、50人", ["30家", "50人"]),  # other units: a list, no range
        ("由20人至10人", ["20人", "10人"]),  # falling: no range
        ("培训10人到20人以上", ["10人", "20人以上"]),  # an open end: no range, 以上 kept
        ("2019年至2020年", []),
    ],
)
def test_two_amounts_joined_by_a_range_word_are_a_range_only_in_one_unit_rising(
    text: str, expected: list[str]
) -> None:
    """Regression: 180亿元至200亿元 was two = targets, not one range."""
    assert [t.text for t in find_targets(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("给予3-5万元奖励", "30000-50000"),
        ("每家奖励1.5-2万元", "15000-20000"),
        ("三至五万元", "30000-50000"),
    ],
)
def test_range_multiplier_after_the_second_number_holds_for_both(text: str, expected: str) -> None:
    assert amount(only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("组建三五支队伍", "3-5"), ("配备两三名", "2-3"), ("七八个村", "7-8")]
)
def test_two_chinese_digits_side_by_side_are_a_range(text: str, expected: str) -> None:
    target = only(text)
    assert (target.comparator, amount(target)) == ("range", expected)


def test_thousands_separator_with_decimals_is_one_number() -> None:
    target = only("总投资1,234.56万元")
    assert (target.text, target.value) == ("1,234.56万元", 12345600)


@pytest.mark.parametrize(
    "text",
    ["二次供水设施改造", "推进地铁二期工程", "三支一扶", "第一、二批", "第3、4批", "数十家企业"],
)
def test_ordinals_categories_and_vague_counts_are_no_targets(text: str) -> None:
    assert find_targets(text) == []


@pytest.mark.parametrize(
    ("text", "comparator"),
    [("近5000人", "~"), ("逾200人", ">"), ("不足10人", "<"), ("最多3次", "<="), ("≥50人", ">=")],
)
def test_more_comparator_words(text: str, comparator: str) -> None:
    assert only(text).comparator == comparator


def test_spaces_left_by_converters_between_words_and_digits() -> None:
    target = only("全年不少于 50 人")
    assert (target.text, target.comparator, target.value, target.unit) == (
        "不少于 50 人",
        ">=",
        50,
        "人",
    )


def test_slash_rate() -> None:
    target = only("安全检查不少于4次/年")
    assert (target.text, target.per, target.subject) == ("不少于4次/年", "年", "安全检查")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("新增床位500张", "张"),
        ("新增公交车100辆", "辆"),
        ("抽检食品3000批次", "批次"),
        ("面积达30平方公里", "平方公里"),
    ],
)
def test_more_measure_words(text: str, unit: str) -> None:
    assert only(text).unit == unit


def test_verb_alone_is_no_subject() -> None:
    assert only("全年培训5000人").subject is None


def test_each_item_before_ge_drops_the_ge() -> None:
    assert only("家庭农场各20家").subject == "家庭农场"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("七", 7),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三十五", 35),
        ("两", 2),
        ("一百二十", 120),
    ],
)
def test_chinese_numerals_read_without_and_with_cn2an(numeral: str, value: int) -> None:
    """numerals.py reads 0-99 itself (cn2an costs start-up time) and hands the rest to cn2an."""
    from tasktable.numerals import chinese_int

    assert chinese_int(numeral) == value


def test_rank_words_leave_a_count_after_a_deadline() -> None:
    """前 after a date is the deadline's: 年底前300名 counts 300 people; a full-width comma
    after ASCII digits ends a clause (1，200册 is item 1 and 200 books)."""
    assert [t.text for t in find_targets("年底前300名干部完成培训")] == ["300名"]
    assert [(t.text, t.value) for t in find_targets("1，200册")] == [("200册", 200)]
