"""Milestones (SPEC §7): schedules cut into dated clauses, with actions, targets and due dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import tasktable
from tasktable import Milestone, Task, find_periods, find_targets
from tasktable.stages.milestones import find_milestones

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"
Y = 2019


def milestones(text: str) -> list[Milestone]:
    found = find_targets(text, field="schedule")
    return find_milestones(text, find_periods(text, year=Y), found, field="schedule")


def described(text: str) -> list[tuple[str, str]]:
    return [(m.when.text, m.action) for m in milestones(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cut at 。；; and at ，before a date phrase
        ("一季度调研；二季度推进。", [("一季度", "调研"), ("二季度", "推进")]),
        (
            "6月份拟定计划，做好对接；7月份举办活动",
            [("6月份", "拟定计划，做好对接"), ("7月份", "举办活动")],
        ),
        ("4月份下发通知，5-10月做好推进", [("4月份", "下发通知"), ("5-10月", "做好推进")]),
        # an undated clause continues the milestone before it
        ("一季度调研。加强督促，跟踪问效", [("一季度", "调研。加强督促，跟踪问效")]),
        # text before the first dated clause stays only in the schedule
        ("开展主题活动，3月份制定方案", [("3月份", "制定方案")]),
        # an opener word before the date phrase: the action starts after the phrase
        ("做好准备，于5月底前完成", [("5月底前", "完成")]),
        ("加强对接，力争年底前验收", [("年底前", "验收")]),
        # a date phrase inside a clause: the whole clause is the action
        ("学会年度新增会员3%以上", [("年度", "学会年度新增会员3%以上")]),
        # a named event inside an action opens no milestone
        ("3月份制定科普宣传周活动方案", [("3月份", "制定科普宣传周活动方案")]),
        ("在科普周期间组织场馆开放", []),
        # a dated clause with nothing after the phrase
        ("全年。", [("全年", "")]),
        ("按上级要求推进", []),
    ],
)
def test_milestones(text: str, expected: list[tuple[str, str]]) -> None:
    assert described(text) == expected


# --- several periods in one clause (SPEC §7: every date phrase gives a milestone) ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月份启动、11月完成", [("9月份", "启动"), ("11月", "完成")]),
        ("5月、10月", [("5月", ""), ("10月", "")]),
        (
            "夏粮6月中旬前收获，秋粮10月底前收获。",
            [("6月中旬前", "夏粮6月中旬前收获"), ("10月底前", "秋粮10月底前收获")],
        ),
        (
            "春季造林3月底前完成，秋冬季造林12月底前完成",
            [("3月底前", "春季造林3月底前完成"), ("12月底前", "秋冬季造林12月底前完成")],
        ),
        # periods with no words of their own share the words after the last one
        (
            "3月、6月、9月、12月各开展一次",
            [
                ("3月", "各开展一次"),
                ("6月", "各开展一次"),
                ("9月", "各开展一次"),
                ("12月", "各开展一次"),
            ],
        ),
        ("5月和10月召开", [("5月", "召开"), ("10月", "召开")]),
        # a quarter list stays one period, one milestone
        ("二、三、四季度推进", [("二、三、四季度", "推进")]),
        # an inline numbered list: the marker is no part of the action
        (
            "1.3月底前制定创建方案；2.6月底前完成中期自查；3.10月底前迎接测评。",
            [("3月底前", "制定创建方案"), ("6月底前", "完成中期自查"), ("10月底前", "迎接测评")],
        ),
        # 每月 in a rate is the target's per, no milestone
        ("城乡低保标准分别提高到每人每月780元、620元。", []),
        ("每月780元", []),
        ("每月至少1次", [("每月", "至少1次")]),
        # a 每 word of any length makes the period a rate's per (_in_rate looked two characters back)
        pytest.param("每家企业每季度至少1次", [], id="long-mei-word-rate-per-firm"),
        pytest.param("每个村（社区）每年开展2次", [], id="long-mei-word-rate-per-village"),
        # ... but another period or punctuation before it is no 每 word
        ("每周和每月开展", [("每周", "开展"), ("每月", "开展")]),
        ("每人一份，每月至少1次", [("每月", "至少1次")]),
        ("7月1日起执行", [("7月1日起", "执行")]),
    ],
)
def test_each_period_of_a_clause_opens_a_milestone(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert described(text) == expected


def test_due_is_the_latest_date_of_a_clause_not_its_first() -> None:
    """Regression: 9月份启动、11月完成 was one milestone (9月份), due 09-30."""
    assert max(m.when.end for m in milestones("9月份启动、11月完成") if m.when.end) == date(
        Y, 11, 30
    )


# --- numbered parts (issue 17) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each numbered part holding a date is a milestone, its undated lead-in included
        (
            "1、完成初步设计，7月1日前开工\n2、主体完工，2022年12月底竣工验收",
            [
                ("7月1日前", "完成初步设计，7月1日前开工"),
                ("2022年12月底", "主体完工，2022年12月底竣工验收"),
            ],
        ),
        # a part that opens with its date: the action is what follows it
        ("1.6月底前完成招标；\n2.年底前建成", [("6月底前", "完成招标"), ("年底前", "建成")]),
        ("（1）3月底前摸底\n（2）持续推进", [("3月底前", "摸底"), ("持续推进", "")]),
        # a part without a date continues the milestone before it
        ("1、6月底前完成设计\n2、做好施工准备", [("6月底前", "完成设计\n2、做好施工准备")]),
        # two dated clauses in one part are two milestones
        (
            "1、编制方案，6月底前报批，9月底前开工\n2、年底前验收",
            [("6月底前", "编制方案，6月底前报批"), ("9月底前", "开工"), ("年底前", "验收")],
        ),
        # one marker is no list: text before the first dated clause stays in the schedule
        ("1、完成初步设计，7月1日前开工", [("7月1日前", "开工")]),
        # 二、三季度 is a quarter list, not part 二
        ("二、三季度推进\n四季度验收", [("二、三季度", "推进"), ("四季度", "验收")]),
    ],
)
def test_numbered_parts(text: str, expected: list[tuple[str, str]]) -> None:
    assert described(text) == expected


def test_numbered_parts_of_a_deadline_cell_in_a_table() -> None:
    table = (
        "2021年民生实事目标任务分解表\n\n| 序号 | 民生实事 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 建设东湖湿地公园。 | 县住建局 | 1、完成初步设计，7月1日前开工<br>"
        "2、主体完工，2022年12月底竣工验收 |\n"
    )
    (task,) = tasktable.parse(table).tasks
    assert [(m.when.text, m.action) for m in task.milestones if m.field == "schedule"] == [
        ("7月1日前", "完成初步设计，7月1日前开工"),
        ("2022年12月底", "主体完工，2022年12月底竣工验收"),
    ]
    assert str(task.due) == "2022-12-31"


def test_ongoing_opens_a_milestone_only_in_the_schedule() -> None:
    text = "持续推进县级科协创新发展"
    periods = find_periods(text, year=Y)
    assert [p.kind for p in periods] == ["ongoing"]
    assert find_milestones(text, periods, [], field="content") == []
    (milestone,) = find_milestones(text, periods, [], field="schedule")
    assert (milestone.when.end, milestone.action) == (None, "县级科协创新发展")


def test_milestone_holds_the_targets_of_its_clauses() -> None:
    text = "二季度实施项目50项；三季度实施项目30项，推广新技术20个"
    q2, q3 = milestones(text)
    assert [t.text for t in q2.targets] == ["50项"]
    assert [t.text for t in q3.targets] == ["30项", "20个"]


def test_action_and_span_are_substrings_of_the_field() -> None:
    text = "有效扩大覆盖面。一季度摸底调研；二、三、四季度指导开展工作。全年成立6-8家党支部。"
    for milestone in milestones(text):
        a, b = milestone.span
        assert milestone.action in text[a:b]
        assert (
            text[a:b].lstrip().startswith(milestone.when.text) or milestone.when.text in text[a:b]
        )


# --- the sample ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tasks() -> dict[int, Task]:
    return {t.seq: t for t in tasktable.parse_file(SAMPLE).tasks if t.seq is not None}


def schedule_milestones(task: Task) -> list[Milestone]:
    return [m for m in task.milestones if m.field == "schedule"]


def test_sample_task_1_has_two_monthly_milestones(tasks: dict[int, Task]) -> None:
    june, july = schedule_milestones(tasks[1])
    assert (june.when.text, str(june.when.start), str(june.when.end)) == (
        "6月份",
        "2019-06-01",
        "2019-06-30",
    )
    assert june.action.startswith("拟定宣讲计划")
    assert july.when.text == "7月份"


def test_sample_task_16_has_three_quarters_and_a_deadline(tasks: dict[int, Task]) -> None:
    found = schedule_milestones(tasks[16])
    assert [(m.when.kind, m.when.quarter, str(m.when.end)) for m in found] == [
        ("quarter", 1, "2019-03-31"),
        ("quarter", 2, "2019-06-30"),
        ("quarter", 3, "2019-09-30"),
        ("deadline", None, "2019-11-30"),
    ]


def test_sample_task_9_milestones_in_order(tasks: dict[int, Task]) -> None:
    found = schedule_milestones(tasks[9])
    assert [(str(m.when.start), str(m.when.end)) for m in found] == [
        ("2019-04-01", "2019-04-30"),
        ("2019-05-01", "2019-05-31"),
        ("2019-05-01", "2019-06-30"),
        ("2019-06-01", "2019-06-10"),
    ]


def test_sample_task_33_event_inside_an_action_opens_no_milestone(tasks: dict[int, Task]) -> None:
    march = [m for m in schedule_milestones(tasks[33]) if m.when.text == "3月份"]
    assert len(march) == 1
    assert "科普宣传周" in march[0].action
    assert all(m.when.kind != "event" for t in tasks.values() for m in t.milestones)


def test_sample_task_13_has_no_milestone_and_no_due_date(tasks: dict[int, Task]) -> None:
    assert tasks[13].milestones == []
    assert tasks[13].due is None


def test_sample_content_dates_give_content_milestones(tasks: dict[int, Task]) -> None:
    (within_year,) = [m for m in tasks[16].milestones if m.field == "content"]
    assert within_year.when.text == "年内"
    assert [t.text for t in within_year.targets] == ["5家", "20名", "15家"]


def test_sample_due_is_the_latest_milestone_end(tasks: dict[int, Task]) -> None:
    for task in tasks.values():
        ends = [m.when.end for m in task.milestones if m.when.end]
        assert task.due == (max(ends) if ends else None)
    assert str(tasks[30].due) == "2019-12-10"  # 12月上旬完成结项验收


def test_sample_every_action_is_a_substring_of_its_field(tasks: dict[int, Task]) -> None:
    for task in tasks.values():
        for milestone in task.milestones:
            field = task.schedule if milestone.field == "schedule" else task.content
            assert field is not None
            a, b = milestone.span
            assert milestone.action in field[a:b]
            assert all(a <= t.span[0] < b and t.field == milestone.field for t in milestone.targets)
