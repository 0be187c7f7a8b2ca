"""Date phrases (SPEC §5): one line per phrase class, with its kind and dates.

Each case: (text, phrase found, kind, start, end). Dates are for plan year 2019 unless the
phrase names its own year. ``None`` as start means open (a deadline).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import tasktable
from golden import write_one_per_line
from tasktable import Period, find_periods

Y = 2019

CASES = [
    # months: Arabic, full-width, Chinese numerals, 月份
    ("6月拟定计划", "6月", "month", "2019-06-01", "2019-06-30"),
    ("6月份拟定计划", "6月份", "month", "2019-06-01", "2019-06-30"),
    ("６月份", "６月份", "month", "2019-06-01", "2019-06-30"),
    ("六月", "六月", "month", "2019-06-01", "2019-06-30"),
    ("十二月份下发", "十二月份", "month", "2019-12-01", "2019-12-31"),
    ("十一月", "十一月", "month", "2019-11-01", "2019-11-30"),
    ("2月份", "2月份", "month", "2019-02-01", "2019-02-28"),
    # quarters
    ("一季度摸底", "一季度", "quarter", "2019-01-01", "2019-03-31"),
    ("第一季度", "第一季度", "quarter", "2019-01-01", "2019-03-31"),
    ("1季度", "1季度", "quarter", "2019-01-01", "2019-03-31"),
    ("首季度", "首季度", "quarter", "2019-01-01", "2019-03-31"),
    ("四季度验收", "四季度", "quarter", "2019-10-01", "2019-12-31"),
    ("二、三、四季度指导", "二、三、四季度", "quarter", "2019-04-01", "2019-12-31"),
    ("二三季度", "二三季度", "quarter", "2019-04-01", "2019-09-30"),
    ("一至三季度", "一至三季度", "quarter", "2019-01-01", "2019-09-30"),
    ("一、二季度", "一、二季度", "quarter", "2019-01-01", "2019-06-30"),
    # ten-day periods (xun), and the doubled-月 typo
    ("5月上旬", "5月上旬", "xun", "2019-05-01", "2019-05-10"),
    ("4月中旬起草文件", "4月中旬", "xun", "2019-04-11", "2019-04-20"),
    ("2月下旬", "2月下旬", "xun", "2019-02-21", "2019-02-28"),
    ("12月份月上旬下发", "12月份月上旬", "xun", "2019-12-01", "2019-12-10"),
    # start, middle, end of a month
    ("6月初", "6月初", "approximate", "2019-06-01", "2019-06-10"),
    ("6月中完成", "6月中", "approximate", "2019-06-11", "2019-06-20"),
    ("3月底，联合", "3月底", "day", "2019-03-31", "2019-03-31"),
    ("3月末", "3月末", "day", "2019-03-31", "2019-03-31"),
    # deadlines
    ("5月底前完成", "5月底前", "deadline", None, "2019-05-31"),
    ("5月底之前", "5月底之前", "deadline", None, "2019-05-31"),
    ("5月末前", "5月末前", "deadline", None, "2019-05-31"),
    ("11月底之前完成", "11月底之前", "deadline", None, "2019-11-30"),
    ("6月前", "6月前", "deadline", None, "2019-05-31"),  # strictly before June
    ("6月份之前全面完成", "6月份之前", "deadline", None, "2019-05-31"),
    ("6月以前", "6月以前", "deadline", None, "2019-05-31"),
    ("7月1日前组织", "7月1日前", "deadline", None, "2019-07-01"),
    ("年底前新增", "年底前", "deadline", None, "2019-12-31"),
    # ranges, every joiner
    ("5月上旬-6月下旬举办", "5月上旬-6月下旬", "range", "2019-05-01", "2019-06-30"),
    ("5-10月做好", "5-10月", "range", "2019-05-01", "2019-10-31"),
    ("6-7月份举办", "6-7月份", "range", "2019-06-01", "2019-07-31"),
    ("5月至10月", "5月至10月", "range", "2019-05-01", "2019-10-31"),
    ("5月到10月", "5月到10月", "range", "2019-05-01", "2019-10-31"),
    ("5月－6月", "5月－6月", "range", "2019-05-01", "2019-06-30"),
    ("5月—6月", "5月—6月", "range", "2019-05-01", "2019-06-30"),
    ("5月——6月", "5月——6月", "range", "2019-05-01", "2019-06-30"),
    ("5月~6月", "5月~6月", "range", "2019-05-01", "2019-06-30"),
    ("5月～6月", "5月～6月", "range", "2019-05-01", "2019-06-30"),
    ("2019年1-五月", "2019年1-五月", "range", "2019-01-01", "2019-05-31"),
    ("从2015年1月至12月", "2015年1月至12月", "range", "2015-01-01", "2015-12-31"),
    ("9月下旬-10月下旬", "9月下旬-10月下旬", "range", "2019-09-21", "2019-10-31"),
    # days and day ranges
    ("5月30日", "5月30日", "day", "2019-05-30", "2019-05-30"),
    ("2019年4月12-19日", "2019年4月12-19日", "range", "2019-04-12", "2019-04-19"),
    ("五月三十日", "五月三十日", "day", "2019-05-30", "2019-05-30"),
    # halves and parts of the year
    ("上半年", "上半年", "half", "2019-01-01", "2019-06-30"),
    ("下半年开展", "下半年", "half", "2019-07-01", "2019-12-31"),
    ("年初", "年初", "approximate", "2019-01-01", "2019-01-31"),
    ("年中做好督促", "年中", "approximate", "2019-06-01", "2019-07-31"),
    ("年底完成", "年底", "approximate", "2019-12-01", "2019-12-31"),
    ("年末", "年末", "approximate", "2019-12-01", "2019-12-31"),
    ("年内召开", "年内", "year", "2019-01-01", "2019-12-31"),
    ("全年开展", "全年", "year", "2019-01-01", "2019-12-31"),
    ("总结年度工作", "年度", "year", "2019-01-01", "2019-12-31"),
    # explicit years win over the plan year
    ("2019年3月", "2019年3月", "month", "2019-03-01", "2019-03-31"),
    ("2020年底前", "2020年底前", "deadline", None, "2020-12-31"),
    ("2024年内", "2024年内", "year", "2024-01-01", "2024-12-31"),
    ("二〇〇六年十二月", "二〇〇六年十二月", "month", "2006-12-01", "2006-12-31"),
    ("2016—2020年", "2016—2020年", "range", "2016-01-01", "2020-12-31"),
    # named observances
    ("全国科技工作者日", "全国科技工作者日", "event", "2019-05-30", "2019-05-30"),
    ("全国科普日活动", "全国科普日", "event", "2019-09-01", "2019-09-30"),
    ("科普宣传周", "科普宣传周", "event", "2019-05-01", "2019-05-31"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "start", "end"), CASES, ids=[case[0] for case in CASES]
)
def test_phrase(text: str, phrase: str, kind: str, start: str | None, end: str) -> None:
    (period,) = find_periods(text, year=Y)
    assert (period.text, period.kind) == (phrase, kind)
    assert (str(period.start) if period.start else None, str(period.end)) == (start, end)
    assert text[period.span[0] : period.span[1]] == period.text


@pytest.mark.parametrize(
    ("text", "every"), [("每周发布", "P1W"), ("每月按时报送", "P1M"), ("每季度召开", "P3M")]
)
def test_recurring_phrase(text: str, every: str) -> None:
    (period,) = find_periods(text, year=Y)
    assert (period.kind, period.every) == ("recurring", every)
    assert (str(period.start), str(period.end)) == ("2019-01-01", "2019-12-31")


@pytest.mark.parametrize(
    ("text", "quarters"),
    [("二、三、四季度", [2, 3, 4]), ("二三季度", [2, 3]), ("一至三季度", [1, 2, 3])],
)
def test_quarter_list_has_one_part_per_quarter(text: str, quarters: list[int]) -> None:
    (period,) = find_periods(text, year=Y)
    assert [part.quarter for part in period.parts] == quarters
    assert [str(part.start) for part in period.parts] == [
        f"2019-{3 * q - 2:02d}-01" for q in quarters
    ]


def test_range_parts_are_its_two_ends() -> None:
    (period,) = find_periods("5月上旬-6月下旬举办", year=Y)
    assert [(p.text, p.kind, p.span) for p in period.parts] == [
        ("5月上旬", "xun", (0, 4)),
        ("6月下旬", "xun", (5, 9)),
    ]


def test_without_a_plan_year_dates_are_null_but_numbers_survive() -> None:
    month, quarter, explicit = find_periods("6月份；三季度；2020年底前")
    assert (month.kind, month.month, month.start, month.end) == ("month", 6, None, None)
    assert (quarter.kind, quarter.quarter, quarter.start) == ("quarter", 3, None)
    assert str(explicit.end) == "2020-12-31"  # the phrase names its own year


def test_several_phrases_in_order_with_spans() -> None:
    text = "一季度联合相关单位下发通知；5月底前完成申报；10月底前完成评选。"
    periods = find_periods(text, year=Y)
    assert [(p.text, p.span) for p in periods] == [
        ("一季度", (0, 3)),
        ("5月底前", (14, 18)),
        ("10月底前", (23, 28)),
    ]


NOT_PERIODS = [
    "成立6-8家学会党支部",  # a count: a range followed by a measure word
    "新设市级海智基地工作站1-2家",
    "组织推荐项目4-5个",
    "协助办好第三届国际医药技术大会",  # an ordinal
    "充分发挥“三长一家”作用",  # a fixed term with numerals
    "提升基层科协组织力“4+1”工作",
    "力争注册科普志愿者达5.5万人",
    "按照《连云港市全民科学素质行动计划纲要实施方案(2016—2020年)》要求",  # a title
    "做好我市2019年中国工程院院士候选人推选",  # 2019年 + 中国, not 2019年中
    "寻找连云港“十大最美科技创新之星”",
    "按季度分析存栏",  # 季度 without a number
    "2月30日",  # no such day
]


@pytest.mark.parametrize("text", NOT_PERIODS)
def test_not_a_period(text: str) -> None:
    assert [p.text for p in find_periods(text, year=Y)] == []


def test_verb_qicao_is_not_from_on() -> None:
    # 4月中旬起草文件: 4月中旬 followed by 起草 "draft", not "from mid-April on".
    assert [p.text for p in find_periods("4月中旬起草文件并下发通知", year=Y)] == ["4月中旬"]


SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"
SAMPLE_PERIODS = Path(__file__).parent / "fixtures" / "lianyungang-kexie-2019.periods.json"


def test_every_date_phrase_of_the_sample_schedules(update_golden: bool) -> None:
    """Golden: each schedule cell's phrases with exact span and dates (reviewed by eye)."""
    document = tasktable.parse_file(SAMPLE)
    found: dict[str, list[list[Any]]] = {
        str(task.seq): [
            [p.text, p.kind, list(p.span), str(p.start) if p.start else None, str(p.end)]
            for p in find_periods(task.schedule, year=document.year)
        ]
        for task in document.tasks
        if task.schedule
    }
    if update_golden:
        write_one_per_line(SAMPLE_PERIODS, found)
    assert found == json.loads(SAMPLE_PERIODS.read_text("utf-8"))
    for seq, periods in found.items():
        schedule = next(t.schedule or "" for t in document.tasks if str(t.seq) == seq)
        assert all(schedule[a:b] == text for text, _, (a, b), _, _ in periods)


def test_periods_copied_from_a_template_equal_validated_ones() -> None:
    """find_periods copies a validated Period per phrase instead of validating each find."""
    text = "一季度调研；二、三、四季度推进；5月上旬-6月下旬举办；二、三、四季度总结"
    first, *_, last = periods = find_periods(text, year=Y)
    for period in periods:
        rebuilt = Period.model_validate(period.model_dump())
        assert rebuilt == period
        assert rebuilt.model_dump_json() == period.model_dump_json()
        assert period.model_fields_set <= set(Period.model_fields)
    assert last.parts[0].span == last.span != periods[1].span  # moved, not shared
    assert last.parts is not periods[1].parts
    with pytest.raises(ValidationError):  # still frozen
        first.text = "x"  # type: ignore[misc]
