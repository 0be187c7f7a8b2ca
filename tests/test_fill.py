"""Merged cells (SPEC §4): carry forward, backfill, and what never carries."""

from __future__ import annotations

import tasktable

HEADER = "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|---|---|\n"


def parse(rows: str) -> tasktable.Document:
    # A plan year, as real plans have: these cases count diagnostics, and a table with dates
    # but no year gets a no-year warning (tests/test_cli.py).
    return tasktable.parse(HEADER + rows, year=2019)


def test_theme_project_and_department_carry_forward() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台。 | 6月底前完成。 | 大数据局 |\n"
        "| 2 | | | 推进数据共享。 | 年底前完成。 | |\n"
    )
    second = doc.tasks[1]
    assert (second.theme, second.project, second.departments) == (
        "坚持创新驱动，增强发展动能",
        "推进数字政府建设",
        ["大数据局"],
    )
    assert {f: o.how for f, o in second.origin.items()} == {
        "theme": "carried",
        "project": "carried",
        "departments": "carried",
        "content": "explicit",
        "schedule": "explicit",
    }
    assert second.origin["departments"].line == doc.tasks[0].line


def test_content_and_schedule_never_carry() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台。 | 6月底前完成。 | 大数据局 |\n"
        "| 2 | | | | | |\n"
        "| 3 | | | 推进数据共享。 | | |\n"
    )
    assert [(t.content, t.schedule) for t in doc.tasks[1:]] == [
        (None, None),
        ("推进数据共享。", None),
    ]


def test_blank_department_at_new_project_is_backfilled_from_its_span() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台。 | 6月底前完成。 | 大数据局 |\n"
        "| 2 | | 优化营商环境 | 压缩审批时限。 | 全年。 | |\n"
        "| 3 | | | 推行一网通办。 | 年底前完成。 | 政务服务中心 |\n"
    )
    second = doc.tasks[1]
    assert second.departments == ["政务服务中心"]
    assert second.origin["departments"].how == "backfilled"
    assert second.origin["departments"].line == doc.tasks[2].line
    assert [d.code for d in doc.diagnostics] == ["backfilled"]


def test_blank_department_at_new_project_carries_if_the_span_names_none() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台。 | 6月底前完成。 | 大数据局 |\n"
        "| 2 | | 优化营商环境 | 压缩审批时限。 | 全年。 | |\n"
    )
    assert doc.tasks[1].departments == ["大数据局"]
    assert doc.tasks[1].origin["departments"].how == "carried"


def test_project_does_not_carry_into_a_new_theme() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台。 | 6月底前完成。 | 大数据局 |\n"
        "| 2 | 深化改革开放，激发市场活力 | | 压缩审批时限。 | 全年。 | 发改局 |\n"
    )
    assert doc.tasks[1].project is None


def test_page_top_repeat_continues_the_same_span() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台。 | 6月底前完成。 | 大数据局 |\n"
        "\n"
        + HEADER
        + "| 2 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 推进共享。 | 全年。 | |\n"
    )
    second = doc.tasks[1]
    assert second.departments == ["大数据局"]
    assert second.origin["departments"].how == "carried"
    assert second.page == 2


def test_departments_split_into_names() -> None:
    doc = parse("| 1 | 主题一，副题 | 项目 | 内容。 | 全年。 | 县水务局、县住建局，县交通局 |\n")
    assert doc.tasks[0].departments == ["县水务局", "县住建局", "县交通局"]


def test_row_without_seq_is_joined_to_the_row_above() -> None:
    doc = parse(
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 建设政务云平台，| 6月底前 | 大数据局 |\n"
        "| | | | 实现数据共享。 | 完成。 | |\n"
    )
    assert len(doc.tasks) == 1
    assert doc.tasks[0].content == "建设政务云平台，实现数据共享。"
    assert doc.tasks[0].schedule == "6月底前完成。"
    assert [d.code for d in doc.diagnostics] == ["joined-row"]


def test_seq_that_is_not_a_number_is_reported_and_kept() -> None:
    # 甲 (the first Heavenly Stem) orders items but is no number (一 is: test_headers.py)
    doc = parse("| 甲 | 主题一，副题 | 项目 | 内容。 | 全年。 | 办公室 |\n")
    assert doc.tasks[0].seq is None
    (diagnostic,) = doc.diagnostics
    assert (diagnostic.code, diagnostic.text) == ("seq-not-a-number", "甲")


def test_unknown_header_is_kept_verbatim_under_its_name() -> None:
    text = "| 序号 | 项目内容 | 责任单位 | 备注 |\n|---|---|---|---|\n| 1 | 做好工作。 | 办公室 | 联系人张三 |\n"
    doc = tasktable.parse(text)
    assert doc.tasks[0].extra == {"备注": "联系人张三"}
    assert [(c.header, c.role) for c in doc.columns][-1] == ("备注", "extra")


def test_soft_wraps_inside_a_cell_are_removed() -> None:
    doc = parse(
        "| 1 | 主题一，副题 | 项目 | 开展科普<br>活动，不少于50<br>人。 | 全年。 | 科普部 |\n"
    )
    assert doc.tasks[0].content == "开展科普活动，不少于50人。"
