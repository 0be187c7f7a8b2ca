"""Date phrases (SPEC §5): one line per phrase class, with its kind and dates.

Each case: (text, phrase found, kind, start, end). Dates are for plan year 2019 unless the
phrase names its own year. ``None`` as start means open (a deadline).
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import tasktable
from golden import write_one_per_line
from tasktable import Period, find_periods
from tasktable.stages.milestones import find_milestones
from tasktable.vocab.dates import (
    CLAUSE_OPENERS,
    EVENTS,
    MONTH_PARTS,
    NEXT_YEAR,
    ONGOING,
    ONGOING_ALONE,
    RECURRING,
    YEAR_PARTS,
)

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
    ("年度内完成", "年度", "year", "2019-01-01", "2019-12-31"),
    ("学会年度新增会员3%以上", "年度", "year", "2019-01-01", "2019-12-31"),  # before a verb
    # two neighbouring parts of a month: one xun
    ("9月中下旬", "9月中下旬", "xun", "2019-09-11", "2019-09-30"),
    ("3月上中旬", "3月上中旬", "xun", "2019-03-01", "2019-03-20"),
    # 起 "from … on": to the end of that year (docs/decisions.md)
    ("7月1日起执行", "7月1日起", "range", "2019-07-01", "2019-12-31"),
    ("自2024年3月起实施", "2024年3月起", "range", "2024-03-01", "2024-12-31"),
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
    [
        ("二、三、四季度", [2, 3, 4]),
        ("二三季度", [2, 3]),
        ("一至三季度", [1, 2, 3]),
        ("2-4季度", [2, 3, 4]),
        ("一到二季度", [1, 2]),
    ],
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


# --- issue 17: the forms other bureaus write ------------------------------------------------
# Each case: (text, kind, start, end, span) for the one period the text holds, plan year 2021
# (the year of the issue's examples). From the issue's table, SPEC §5's new rows, and the
# deadline columns of the real tables in ../shared/real (2024年底前, 12月底前, 9月投入使用).

Y2 = 2021

NEW_FORMS = [
    # dotted, dashed and slashed dates with a year: a month or a day
    ("2021.8", "month", "2021-08-01", "2021-08-31", (0, 6)),
    ("2021.12", "month", "2021-12-01", "2021-12-31", (0, 7)),
    ("2021-08", "month", "2021-08-01", "2021-08-31", (0, 7)),
    ("2022/3", "month", "2022-03-01", "2022-03-31", (0, 6)),
    ("完成时间：2021.8", "month", "2021-08-01", "2021-08-31", (5, 11)),
    ("２０２１．８", "month", "2021-08-01", "2021-08-31", (0, 6)),
    ("2023-06-30", "day", "2023-06-30", "2023-06-30", (0, 10)),
    ("2023.6.30", "day", "2023-06-30", "2023-06-30", (0, 9)),
    ("2023/6/30", "day", "2023-06-30", "2023-06-30", (0, 9)),
    ("于2022.1.15前完成", "deadline", None, "2022-01-15", (1, 11)),
    ("2021.8前", "deadline", None, "2021-07-31", (0, 7)),  # a month: strictly before
    # a month and a day with a dot, no year
    ("6.30", "day", "2021-06-30", "2021-06-30", (0, 4)),
    ("12.31完成验收", "day", "2021-12-31", "2021-12-31", (0, 5)),
    ("6.30前", "deadline", None, "2021-06-30", (0, 5)),
    ("6.30之前完成", "deadline", None, "2021-06-30", (0, 6)),
    ("7.1日前", "deadline", None, "2021-07-01", (0, 5)),
    ("3.2前", "deadline", None, "2021-03-02", (0, 4)),
    # 号 days
    ("6月30号前", "deadline", None, "2021-06-30", (0, 6)),
    ("9月9号", "day", "2021-09-09", "2021-09-09", (0, 4)),
    ("十二月九号", "day", "2021-12-09", "2021-12-09", (0, 5)),
    # ranges whose second part leaves out 月 or 日
    ("1月3至2月10", "range", "2021-01-03", "2021-02-10", (0, 8)),
    ("1月3日至2月10", "range", "2021-01-03", "2021-02-10", (0, 9)),
    ("12月9号到15号", "range", "2021-12-09", "2021-12-15", (0, 9)),
    ("从2018年12月九号到十五号", "range", "2018-12-09", "2018-12-15", (1, 15)),
    ("3月1日-15日", "range", "2021-03-01", "2021-03-15", (0, 8)),
    ("5月20-6月10", "range", "2021-05-20", "2021-06-10", (0, 9)),
    ("4月1至10日", "range", "2021-04-01", "2021-04-10", (0, 7)),
    # bare years and year ranges, outside 《》
    ("2023年", "year", "2023-01-01", "2023-12-31", (0, 5)),
    ("到2025年，基本建成", "year", "2025-01-01", "2025-12-31", (1, 6)),
    ("2023年前", "deadline", None, "2023-12-31", (0, 6)),
    ("二〇二三年", "year", "2023-01-01", "2023-12-31", (0, 5)),
    ("2021—2023年", "range", "2021-01-01", "2023-12-31", (0, 10)),
    ("2021-2023年", "range", "2021-01-01", "2023-12-31", (0, 10)),
    ("2021年-2023年", "range", "2021-01-01", "2023-12-31", (0, 11)),
    # the en dash of typeset text and the doubled Chinese dash join years too (RANGE_JOINER)
    ("2021–2023年", "range", "2021-01-01", "2023-12-31", (0, 10)),
    ("2021——2023年", "range", "2021-01-01", "2023-12-31", (0, 11)),
    # the year after the plan year
    ("次年3月", "month", "2022-03-01", "2022-03-31", (0, 4)),
    ("明年3月", "month", "2022-03-01", "2022-03-31", (0, 4)),
    ("下一年", "year", "2022-01-01", "2022-12-31", (0, 3)),
    ("次年", "year", "2022-01-01", "2022-12-31", (0, 2)),
    ("明年底前", "deadline", None, "2022-12-31", (0, 4)),
    ("次年一季度", "quarter", "2022-01-01", "2022-03-31", (0, 5)),
    ("次年6月底", "day", "2022-06-30", "2022-06-30", (0, 5)),
    ("2021年12月至次年3月", "range", "2021-12-01", "2022-03-31", (0, 13)),
    # quarter ends
    ("第三季度末", "day", "2021-09-30", "2021-09-30", (0, 5)),
    ("三季度末", "day", "2021-09-30", "2021-09-30", (0, 4)),
    ("一季度末前完成", "deadline", None, "2021-03-31", (0, 5)),
    ("四季度底", "day", "2021-12-31", "2021-12-31", (0, 4)),
    ("季度末", "day", None, None, (0, 3)),  # which quarter is not written
    ("2022年二季度末", "day", "2022-06-30", "2022-06-30", (0, 9)),
    # yearly and end-of-period recurrences
    ("每年", "recurring", "2021-01-01", "2021-12-31", (0, 2)),
    ("每季度末", "recurring", "2021-01-01", "2021-12-31", (0, 4)),
    ("每月底报送", "recurring", "2021-01-01", "2021-12-31", (0, 3)),
    ("每月末", "recurring", "2021-01-01", "2021-12-31", (0, 3)),
    ("每半年", "recurring", "2021-01-01", "2021-12-31", (0, 3)),
    ("每年底", "recurring", "2021-01-01", "2021-12-31", (0, 3)),
    # ongoing work
    ("持续推进", "ongoing", "2021-01-01", None, (0, 4)),
    ("长期坚持", "ongoing", "2021-01-01", None, (0, 4)),
    ("常态化推进", "ongoing", "2021-01-01", None, (0, 5)),
    ("长期", "ongoing", "2021-01-01", None, (0, 2)),
    ("长期。", "ongoing", "2021-01-01", None, (0, 2)),
    ("持续开展", "ongoing", "2021-01-01", None, (0, 4)),
    ("常年", "ongoing", "2021-01-01", None, (0, 2)),
    # the real tables' deadline cells, as before
    ("2024年底前", "deadline", None, "2024-12-31", (0, 7)),
    ("9月投入使用", "month", "2021-09-01", "2021-09-30", (0, 2)),
    # a 序号 or list marker run into a date phrase
    ("2，二季度", "quarter", "2021-04-01", "2021-06-30", (2, 5)),
    ("1.6月底前完成", "deadline", None, "2021-06-30", (2, 6)),
    ("2.年底前建成", "deadline", None, "2021-12-31", (2, 5)),
]


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "span"), NEW_FORMS, ids=[case[0] for case in NEW_FORMS]
)
def test_new_form(
    text: str, kind: str, start: str | None, end: str | None, span: tuple[int, int]
) -> None:
    (period,) = find_periods(text, year=Y2)
    dates = (str(period.start) if period.start else None, str(period.end) if period.end else None)
    assert (period.kind, *dates, period.span) == (kind, start, end, span)
    assert text[span[0] : span[1]] == period.text


# --- converter spaces, dotted-month ranges and quarter ranges (plan year 2024) -------------
#: (text, phrase as written, kind, start, end): the phrase's text keeps the spaces of the field.
PHRASES_2024 = [
    # spaces a PDF converter prints between a number and its date word (camelot, pymupdf4llm)
    ("6 月底前", "6 月底前", "deadline", None, "2024-06-30"),
    ("9 月投入使用", "9 月", "month", "2024-09-01", "2024-09-30"),
    ("2024 年 12 月", "2024 年 12 月", "month", "2024-12-01", "2024-12-31"),
    ("2025 年底前", "2025 年底前", "deadline", None, "2025-12-31"),  # not 年底前 of 2024
    ("2024年 6月底前", "2024年 6月底前", "deadline", None, "2024-06-30"),
    ("2024年6 月底前", "2024年6 月底前", "deadline", None, "2024-06-30"),
    ("7 月 1 日前组织", "7 月 1 日前", "deadline", None, "2024-07-01"),
    ("3 季度完成", "3 季度", "quarter", "2024-07-01", "2024-09-30"),
    ("１２ 月底前", "１２ 月底前", "deadline", None, "2024-12-31"),  # full-width digits
    ("2024\t年底前", "2024\t年底前", "deadline", None, "2024-12-31"),  # a tab
    (
        "2024 年 3 月至 2024 年 12 月",
        "2024 年 3 月至 2024 年 12 月",
        "range",
        "2024-03-01",
        "2024-12-31",
    ),
    # dotted months joined by any range word are one range (SPEC §5: 2021.8 is a month)
    ("2024.3-2024.12", "2024.3-2024.12", "range", "2024-03-01", "2024-12-31"),
    ("2023.1-2024.12", "2023.1-2024.12", "range", "2023-01-01", "2024-12-31"),
    ("2024.03-2024.12", "2024.03-2024.12", "range", "2024-03-01", "2024-12-31"),
    ("2024.3～2024.12", "2024.3～2024.12", "range", "2024-03-01", "2024-12-31"),
    ("2024.3至2024.12", "2024.3至2024.12", "range", "2024-03-01", "2024-12-31"),
    ("2024.06—2024.12", "2024.06—2024.12", "range", "2024-06-01", "2024-12-31"),
    ("2024.3-2025.6", "2024.3-2025.6", "range", "2024-03-01", "2025-06-30"),
    ("2024.3-12", "2024.3-12", "range", "2024-03-01", "2024-12-31"),  # second in the first's year
    ("2024.3.1-2024.6.30", "2024.3.1-2024.6.30", "range", "2024-03-01", "2024-06-30"),
    ("2024.3-2024.12前", "2024.3-2024.12前", "deadline", None, "2024-12-31"),
    # quarter ranges with any range word, as with 至
    ("1-3季度", "1-3季度", "quarter", "2024-01-01", "2024-09-30"),
    ("1~3季度", "1~3季度", "quarter", "2024-01-01", "2024-09-30"),
    ("一—三季度", "一—三季度", "quarter", "2024-01-01", "2024-09-30"),
    ("2-4季度", "2-4季度", "quarter", "2024-04-01", "2024-12-31"),
    ("一到三季度", "一到三季度", "quarter", "2024-01-01", "2024-09-30"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "start", "end"), PHRASES_2024, ids=[c[0] for c in PHRASES_2024]
)
def test_phrase_with_spaces_or_a_range_word(
    text: str, phrase: str, kind: str, start: str | None, end: str
) -> None:
    (period,) = find_periods(text, year=2024)
    assert (period.text, period.kind) == (phrase, kind)
    assert (str(period.start) if period.start else None, str(period.end)) == (start, end)
    assert text[period.span[0] : period.span[1]] == period.text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2020年 3项", ["2020年"]),  # no month after the space: the year stands alone
        ("6\n月底前", []),  # a line break is never squeezed
        ("2024.12-2024.3", []),  # the second month before the first: no range
        ("2024.3-2024.3.31", []),  # a month and a day are no range
        ("A2024.3-2024.12", []),  # a code
        ("5 月下旬-6 月中旬、9 月下旬-10 月下旬", ["5 月下旬-6 月中旬", "9 月下旬-10 月下旬"]),
    ],
)
def test_spaces_and_dotted_ranges_found(text: str, found: list[str]) -> None:
    assert [p.text for p in find_periods(text, year=2024)] == found


def test_parts_of_a_spaced_or_dotted_range_are_its_ends_as_written() -> None:
    (period,) = find_periods("于 5 月下旬-6 月中旬开展", year=2024)
    assert [(p.text, p.span) for p in period.parts] == [("5 月下旬", (2, 7)), ("6 月中旬", (8, 13))]
    (period,) = find_periods("2024.3～2025.6", year=2024)
    assert [(p.text, p.kind, str(p.end)) for p in period.parts] == [
        ("2024.3", "month", "2024-03-31"),
        ("2025.6", "month", "2025-06-30"),
    ]


NOT_DATES = [
    "升级到2.0版",  # a version
    "V2.0.1",
    "Python 3.11",
    "增长6.5%",  # amounts
    "新增1.5万人",
    "投资2021.8万元",
    "达到3.5倍",
    "A1-02-02",  # codes
    "599B",
    "编号2021-08A",
    "0558-5555097",  # phone numbers
    "13912345678",
    "0518-85201234",
    "3.2",  # a 序号
    "3.2 加强组织领导",
    "第3.12条",
    "国发〔2019〕9号",  # a document number, a building, a line: no month before them
    "3号楼",
    "地铁1号线",
    "一号工程",
    "统一号召",
    "9号",  # a day with no month written before it
    "做好我市2019年中国工程院院士候选人推选",  # a year that names which candidates
    "2019年工作总结",
    "本次年会",  # 次年 inside 本次年会 "this annual meeting"
    "服务5000人次年均增长",
    "长期护理保险",  # 长期 as part of a name
    "长期以来",
    "按季度分析",
    "2月29日",  # 2021 is no leap year
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert [p.text for p in find_periods(text, year=Y2)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("说明年度目标", []),  # 说明 "explain" + 年度目标 "annual goal": no 明年 "next year"
        ("6月1号启动，31号完成", ["6月1号"]),  # no 31 June
        ("2021年3月，国发〔2019〕9号", ["2021年3月"]),  # a document number after a month
    ],
)
def test_only_the_date_in_a_text_with_a_lookalike(text: str, found: list[str]) -> None:
    assert [p.text for p in find_periods(text, year=Y2)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 年度 before a noun it modifies is an adjective (ANNUAL_NOUNS), no period
        ("完成年度征兵任务。", []),
        ("发布年度统计公报", []),
        ("完成年度目标任务", []),
        ("制定年度计划", []),
        ("四季度梳理总结年度工作", ["四季度"]),
        ("6月份下发2019年度市级青少年科技创新大赛通知", ["6月份"]),
        ("2019年度", ["2019年度"]),
        # 起 inside a word is no "from"
        ("3月起草方案", ["3月"]),
        # a list marker before a month is no dotted day (3.10 is item 3, October)
        ("1.3月底前制定方案；2.6月底前自查；3.10月底前测评。", ["3月底前", "6月底前", "10月底前"]),
        ("目标5.5万人，6.30前完成", ["6.30前"]),
    ],
)
def test_adjective_year_and_list_markers_are_no_dates(text: str, found: list[str]) -> None:
    assert [p.text for p in find_periods(text, year=Y)] == found


def test_day_with_hao_takes_the_month_before_it() -> None:
    periods = find_periods("12月1号启动，9号完成，31号验收", year=Y2)
    assert [(p.text, str(p.start), p.span) for p in periods] == [
        ("12月1号", "2021-12-01", (0, 5)),
        ("9号", "2021-12-09", (8, 10)),
        ("31号", "2021-12-31", (13, 16)),
    ]


def test_day_range_across_months_has_its_two_ends() -> None:
    (period,) = find_periods("1月3至2月10", year=Y2)
    assert [(p.text, p.kind, p.span, str(p.start)) for p in period.parts] == [
        ("1月3", "day", (0, 3), "2021-01-03"),
        ("2月10", "day", (4, 8), "2021-02-10"),
    ]


def test_next_year_without_a_plan_year_has_no_dates() -> None:
    (period,) = find_periods("次年3月")
    assert (period.kind, period.month, period.start, period.end) == ("month", 3, None, None)


def test_a_year_named_before_next_year_is_its_base() -> None:
    # 次年 is the year after the year the phrase names, not after the plan year.
    (period,) = find_periods("2019年12月至次年3月", year=Y2)
    assert (str(period.start), str(period.end)) == ("2019-12-01", "2020-03-31")


def test_ongoing_has_an_open_end_and_survives_a_round_trip() -> None:
    (period,) = find_periods("持续推进", year=Y2)
    assert Period.model_validate_json(period.model_dump_json()) == period
    (without_year,) = find_periods("长期坚持")
    assert (without_year.kind, without_year.start, without_year.end) == ("ongoing", None, None)


def test_2_comma_quarter_does_not_crash_in_term() -> None:
    """Issue 17: find_periods("2，二季度") raised TypeError in _term (a 序号 run into a
    schedule, found by mutating converter outputs); parse() of a table holding it failed."""
    assert [p.text for p in find_periods("2，二季度")] == ["二季度"]
    for text in ("1，二季度", "3、二季度", "4，1季度", "2，二、三季度", "三，一季度"):
        assert all(text[a:b] == p.text for p in find_periods(text) for a, b in [p.span])
    table = (
        "2021年任务表\n\n| 序号 | 工作任务 | 完成时限 |\n|---|---|---|\n| 1 | 推进 | 2，二季度 |\n"
    )
    (task,) = tasktable.parse(table).tasks
    assert [m.when.text for m in task.milestones] == ["二季度"]


# --- a property over strings made of the date vocabulary itself -----------------------------
# Random text almost never forms a date phrase; these strings are made of the pieces date
# phrases are made of, so most examples hold several phrases and near misses (the crash of
# issue 17 was 2，二季度). The strategy lives here, not in strategies.py, since it is built from
# the recogniser's own vocabulary. CI runs 500 examples (tests/conftest.py).

#: Digits in every script: Arabic, full-width, Chinese numerals (with 〇, 零 and 两).
DIGITS = (*"0123456789", *"０１２３４５６７８９", *"〇零一二三四五六七八九十两")
#: Date words and their parts: year, month, day, 号, quarter, ten-day period, upper / middle /
#: lower, end, start, before / after, and the words joined to them.
DATE_WORDS = (*"年月日号旬上中下底末初前后份半第首全每内度之以起", "季度", "季", "月份", "之前")
#: List and range separators, dashes and the dots of dotted dates.
SEPARATORS = (
    *"、，,-－—~～./．／",
    "至",
    "到",
    "和",
    "——",
    "<br>",
    "\n",
    "\n2、",
    " ",
    "\t",
    "\u3000",
)
#: Whole words of the vocabulary.
VOCAB_WORDS = (
    *EVENTS,
    *RECURRING,
    *ONGOING,
    *ONGOING_ALONE,
    *NEXT_YEAR,
    *YEAR_PARTS,
    *MONTH_PARTS,
    *CLAUSE_OPENERS,
)
#: Noise: text around dates in tables, codes and amounts, brackets of titles, spaces.
NOISE = (*"《》（）()“”%万家个人。；: AVB ", "完成", "推进", "工作", "2.0版", "0558-", "〔2019〕")


def numbers() -> st.SearchStrategy[str]:
    """One to four digits, mostly of one script, sometimes mixed (as converters leave them)."""
    return st.lists(st.sampled_from(DIGITS), min_size=1, max_size=4).map("".join)


def date_vocabulary_texts() -> st.SearchStrategy[str]:
    # Numbers joined by a separator, then a date word: the shape of most phrases (6月,
    # 5-10月, 二、三季度, 2021.8, 9号), so that near misses (2，二季度) are common too.
    near_phrase = st.builds(
        lambda numbers, separator, word: separator.join(numbers) + word,
        st.lists(numbers(), min_size=1, max_size=3),
        st.sampled_from(("", *SEPARATORS)),
        st.sampled_from((*DATE_WORDS, *VOCAB_WORDS)),
    )
    piece = st.one_of(
        near_phrase,
        numbers(),
        st.sampled_from(DATE_WORDS),
        st.sampled_from(SEPARATORS),
        st.sampled_from(VOCAB_WORDS),
        st.sampled_from(NOISE),
        st.text(max_size=2),
    )
    return st.lists(piece, max_size=40).map("".join)


def check_period(text: str, period: Period, within: tuple[int, int]) -> None:
    a, b = period.span
    assert within[0] <= a < b <= within[1]
    assert text[a:b] == period.text
    if period.start is not None and period.end is not None:
        assert period.start <= period.end
    for part in period.parts:
        check_period(text, part, (a, b))


@given(date_vocabulary_texts(), st.sampled_from([None, 2019, 2021, 2024]))
def test_any_text_of_date_words_gives_periods_inside_it(text: str, year: int | None) -> None:
    periods = find_periods(text, year=year)
    for period in periods:
        check_period(text, period, (0, len(text)))
    starts = [p.span[0] for p in periods]
    assert starts == sorted(starts)
    assert all(x.span[1] <= y.span[0] for x, y in pairwise(periods))
    for field in ("schedule", "content"):
        for milestone in find_milestones(text, periods, [], field=field):
            a, b = milestone.span
            assert 0 <= a <= b <= len(text) and milestone.action in text[a:b]


def test_no_word_phrase_is_of_a_numeric_form() -> None:
    """The word forms are tried first (so that a word phrase compiles no numeric form's
    pattern): that changes no phrase's form only while no other form takes one of theirs."""
    from tasktable.stages.dates import _FORMS, _form_re
    from tasktable.vocab.dates import DEADLINE, EVENTS, ONGOING, ONGOING_ALONE, RECURRING

    deadlines = ("之前", "以前", "前", "起")  # before, and from: DEADLINE's words
    assert all(re.fullmatch(DEADLINE, word) for word in deadlines)
    words = {
        "recurring": list(RECURRING),
        "ongoing": [*ONGOING, *ONGOING_ALONE],
        "event": [e + d for e in EVENTS for d in ("", *deadlines)],
    }
    assert list(_FORMS)[: len(words)] == list(words)
    for phrases in words.values():
        for phrase in phrases:
            assert not [f for f in _FORMS if f not in words and _form_re(f).fullmatch(phrase)]


@pytest.mark.parametrize(
    ("schedule", "when", "due"),
    [
        ("2024.3-2024.12", "2024.3-2024.12", "2024-12-31"),
        ("2024.3～2024.12", "2024.3～2024.12", "2024-12-31"),
        ("2023.6-2025.12", "2023.6-2025.12", "2025-12-31"),
        ("1~3季度", "1~3季度", "2024-09-30"),
        ("12 月底前", "12 月底前", "2024-12-31"),
        ("2024 年 6 月底前", "2024 年 6 月底前", "2024-06-30"),
    ],
)
def test_a_spaced_or_ranged_schedule_is_one_milestone_and_sets_due(
    schedule: str, when: str, due: str
) -> None:
    table = (
        "2024年重点工作任务分解表\n\n| 序号 | 项目内容 | 序时进度 | 责任部门 |\n"
        f"|---|---|---|---|\n| 1 | 实施棚户区改造 | {schedule} | 区住建局 |\n"
    )
    (task,) = tasktable.parse(table).tasks
    assert [m.when.text for m in task.milestones] == [when]
    assert str(task.due) == due
