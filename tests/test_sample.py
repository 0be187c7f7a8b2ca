"""The reference sample, field by field where SPEC §3–4 name a hard case (issue 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tasktable
from tasktable import Document, Task

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"


@pytest.fixture(scope="module")
def doc() -> Document:
    return tasktable.parse_file(SAMPLE)


def task(doc: Document, seq: int) -> Task:
    (found,) = [t for t in doc.tasks if t.seq == seq]
    return found


def test_sample_has_61_numbered_tasks_in_order(doc: Document) -> None:
    assert [t.seq for t in doc.tasks] == list(range(1, 62))


def test_sample_title_and_year(doc: Document) -> None:
    assert doc.title == "2019年市科协重点工作任务分解表"
    assert doc.year == 2019


def test_year_argument_wins_over_title() -> None:
    assert tasktable.parse_file(SAMPLE, year=2020).year == 2020


def test_sample_columns_come_from_the_first_header(doc: Document) -> None:
    assert [(c.header, c.role) for c in doc.columns] == [
        ("序号", "seq"),
        ("主题", "theme"),
        ("项目名称", "project"),
        ("项目内容", "content"),
        ("序时进度", "schedule"),
        ("责任部门", "departments"),
    ]


def test_every_task_has_theme_project_content_and_a_department(doc: Document) -> None:
    for t in doc.tasks:
        assert t.theme and t.project and t.content and t.departments, t.seq


def test_task_4_content_moved_out_of_the_project_column(doc: Document) -> None:
    t = task(doc, 4)
    assert t.project == "强化政治引领"
    assert t.content is not None and "第五届青年科技奖" in t.content
    assert t.schedule is not None and t.schedule.startswith("一季度")
    assert t.origin["project"].how == "carried"


def test_task_23_content_moved_out_of_the_theme_column(doc: Document) -> None:
    t = task(doc, 23)
    assert t.content is not None and t.content.startswith("加大农技协建设力度")
    assert t.schedule is not None and t.schedule.startswith("强化农技协组织建设")
    assert t.theme == "擦亮四个品牌，融合各类创新资源服务“高质量发展”大局"
    assert t.project == "擦亮科普惠农品牌"


def test_task_25_project_written_under_theme(doc: Document) -> None:
    t = task(doc, 25)
    assert t.project == "擦亮建言献策品牌"
    assert t.departments == ["学会部"]
    assert t.theme == "擦亮四个品牌，融合各类创新资源服务“高质量发展”大局"


def test_task_49_shifted_right_with_department_backfilled(doc: Document) -> None:
    t = task(doc, 49)
    assert t.theme == "夯实三大基础，提升科协服务效能"
    assert t.project == "夯实思想基础"
    assert t.content is not None and t.content.startswith("持续加强机关党的建设")
    assert t.schedule is None
    assert t.departments == ["办公室"]
    assert t.origin["departments"].how == "backfilled"
    assert t.origin["departments"].line == task(doc, 50).line


def test_task_53_project_written_under_theme(doc: Document) -> None:
    t = task(doc, 53)
    assert t.theme == "夯实三大基础，提升科协服务效能"
    assert t.project == "夯实组织基础"
    assert t.content is not None and t.content.startswith("以党科共建为突破点")
    assert t.schedule is not None and t.schedule.startswith("不断健全完善督查")
    assert t.departments == ["学会部"]


@pytest.mark.parametrize(("seq", "department"), [(20, "科普部"), (48, "科技服务中心")])
def test_department_written_in_a_seventh_column(doc: Document, seq: int, department: str) -> None:
    t = task(doc, seq)
    assert t.departments == [department]
    moved = [d for d in doc.diagnostics if d.seq == seq and d.code == "realigned"]
    assert [(d.role, d.text) for d in moved] == [("departments", department)]


@pytest.mark.parametrize(
    ("seq", "content_start", "schedule_start"),
    [
        (9, "隆重开展", "4月份制定活动方案"),
        (10, "加快推进网上科协建设", "丰富与科技工作者联络服务的手段"),
        (27, "探索产学研用和科企联盟", "促进科企联盟提质增量"),
        (39, "开展第三届连云港市青少年机器人竞赛", "4月份举办"),
        (51, "驰而不息整治形式主义", "按上级文件要求"),
        (55, "不断优化学会理事会人才结构", "积极吸纳权威专家"),
    ],
)
def test_shifted_rows_get_content_and_schedule(
    doc: Document, seq: int, content_start: str, schedule_start: str
) -> None:
    t = task(doc, seq)
    assert t.content is not None and t.content.startswith(content_start)
    assert t.schedule is not None and t.schedule.startswith(schedule_start)


def test_rows_under_their_own_headers_are_not_realigned(doc: Document) -> None:
    moved = {d.seq for d in doc.diagnostics if d.code == "realigned"}
    shifted = {4, 9, 10, 20, 23, 24, 25, 26, 27, 28, 39, 40, 41, 48}
    shifted |= set(range(49, 56))
    assert moved == shifted


def test_content_and_schedule_never_carry(doc: Document) -> None:
    for t in doc.tasks:
        assert t.origin.get("content") is None or t.origin["content"].how == "explicit"
        assert t.origin.get("schedule") is None or t.origin["schedule"].how == "explicit"


def test_department_carries_within_a_span(doc: Document) -> None:
    t = task(doc, 3)
    assert t.departments == ["学会部"]
    assert t.origin["departments"].how == "carried"
    assert t.origin["departments"].line == task(doc, 2).line


def test_every_task_knows_its_page(doc: Document) -> None:
    assert {t.page for t in doc.tasks} == {1, 2, 3, 4, 5}
    assert task(doc, 14).page == 2 and task(doc, 13).page == 1
