"""Realignment (SPEC §3): what each text looks like, and which rows move where."""

from __future__ import annotations

import pytest

import tasktable
from tasktable.stages.realign import role_score, shape_of

HEADER = "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|---|---|\n"
FIRST = (
    "| 1 | 畅通交通网络，服务区域发展 | 推进农村公路建设 | 新改建农村公路50公里，完成危桥改造8座。 "
    "| 一季度完成前期工作；6月底前开工建设。 | 建设管理科 |\n"
)


def best_role(text: str, roles: tuple[str, ...]) -> str:
    return max(roles, key=lambda role: role_score(shape_of(text), role))


ALL = ("theme", "project", "content", "schedule", "departments")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("办公室", "departments"),
        ("县水务局、县住建局", "departments"),
        ("科技服务中心", "departments"),
        ("一季度摸底调研；二、三、四季度指导学会序时开展党建工作。", "schedule"),
        ("5月底前完成申报；10月底前完成评选。", "schedule"),
        ("紧贴我市医药产业发展需求，协助办好国际医药技术大会，吸引更多英才。", "content"),
        ("擦亮海智工作品牌", "project"),
    ],
)
def test_text_looks_like_its_role(text: str, role: str) -> None:
    assert best_role(text, ALL) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("认真贯彻全面从严治党各项要求。", "theme"),  # a theme does not end in 。
        ("研究制定工作站认定及管理办法，促进产学研成果对接。", "project"),  # no sentences
        ("学会部", "schedule"),  # an organisation is not a schedule
        ("持续加强机关党的建设，扎实开展主题教育，提高学习效果。", "departments"),
        ("12", "content"),  # a bare number is a 序号
    ],
)
def test_text_is_implausible_in_role(text: str, role: str) -> None:
    assert role_score(shape_of(text), role) < -2


def parse_row(row: str) -> tasktable.Task:
    return tasktable.parse(HEADER + FIRST + row).tasks[1]


def test_content_and_schedule_shifted_left_by_one() -> None:
    t = parse_row("| 2 | | 开展日常养护，提升路况水平。 | 全年开展养护；每季度检查一次。 | | |\n")
    assert (t.project, t.content, t.schedule) == (
        "推进农村公路建设",
        "开展日常养护，提升路况水平。",
        "全年开展养护；每季度检查一次。",
    )


def test_content_and_schedule_shifted_left_by_two() -> None:
    t = parse_row("| 2 | 开展日常养护，提升路况水平。 | 全年开展养护；每季度检查一次。 | | | |\n")
    assert (t.theme, t.content, t.schedule) == (
        "畅通交通网络，服务区域发展",
        "开展日常养护，提升路况水平。",
        "全年开展养护；每季度检查一次。",
    )


def test_project_content_schedule_department_shifted_left_by_one() -> None:
    t = parse_row(
        "| 2 | 优化客运服务 | 新开通镇村公交线路3条。 | 9月底前开通运营。 | 运输管理科 | |\n"
    )
    assert (t.project, t.content, t.schedule, t.departments) == (
        "优化客运服务",
        "新开通镇村公交线路3条。",
        "9月底前开通运营。",
        ["运输管理科"],
    )


def test_cells_shifted_right_past_the_last_column() -> None:
    t = parse_row("| 2 | | | | 开展日常养护，提升路况水平。 | 全年开展养护。 | 公路管理站 |\n")
    assert (t.content, t.schedule, t.departments) == (
        "开展日常养护，提升路况水平。",
        "全年开展养护。",
        ["公路管理站"],
    )


def test_aligned_row_with_unusual_text_is_not_moved() -> None:
    document = tasktable.parse(
        HEADER + FIRST + "| 2 | | | 做好防汛工作。 | 按要求推进。 | 办公室 |\n"
    )
    assert not [d for d in document.diagnostics if d.code == "realigned"]
    t = document.tasks[1]
    assert (t.content, t.schedule, t.departments) == ("做好防汛工作。", "按要求推进。", ["办公室"])


def test_each_moved_cell_gets_a_diagnostic_naming_header_and_role() -> None:
    text = HEADER + FIRST + "| 2 | | 开展日常养护，提升路况水平。 | 全年开展养护。 | | |\n"
    moved = [d for d in tasktable.parse(text).diagnostics if d.code == "realigned"]
    assert [(d.line, d.seq, d.column, d.role, d.text) for d in moved] == [
        (4, 2, "项目名称", "content", "开展日常养护，提升路况水平。"),
        (4, 2, "项目内容", "schedule", "全年开展养护。"),
    ]


def test_known_project_name_written_under_theme_is_a_project() -> None:
    # 优化客运服务 stands under 项目名称 on row 3, so on row 2 (under 主题) it is a project too.
    text = (
        HEADER
        + FIRST
        + "| 2 | 优化客运服务 | 新开通镇村公交线路3条。 | | 9月底前开通运营。 | 运输管理科 |\n"
        + "| 3 | | 优化客运服务 | 更新新能源公交车20辆。 | 6月底前完成。 | |\n"
    )
    t = tasktable.parse(text).tasks[1]
    assert (t.theme, t.project) == ("畅通交通网络，服务区域发展", "优化客运服务")


def test_text_no_role_fits_is_kept_in_a_diagnostic() -> None:
    header = "| 序号 | 项目内容 |\n|---|---|\n"
    document = tasktable.parse(header + "| 1 | 做好工作。 | 多余的文字。 | 还有一段。 |\n")
    unplaced = [d.text for d in document.diagnostics if d.code == "unplaced"]
    assert document.tasks[0].content is not None
    assert len(unplaced) == 2


def test_right_shift_leaving_content_blank_is_put_back() -> None:
    # Found by the hypothesis generator: content under 序时进度 with no date phrase, content
    # column blank. The row looked plausible cell by cell, so it was never realigned.
    text = (
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 | |\n|---|---|---|---|---|---|---|\n"
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 全面梳理政务服务事项，推动更多事项网上办理。 | | 县发改局 | |\n"
        "| 2 | | | | 建设县级数据共享交换平台，实现部门间数据互联互通。 | | |\n"
    )
    t = tasktable.parse(text).tasks[1]
    assert (t.content, t.schedule) == ("建设县级数据共享交换平台，实现部门间数据互联互通。", None)


def test_right_shift_of_project_into_content_is_put_back() -> None:
    # Found by the hypothesis generator: a heading under 项目内容 and a sentence without dates
    # under 序时进度 each looked plausible alone; together they are a project and its content.
    text = (
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 | |\n|---|---|---|---|---|---|---|\n"
        "| 1 | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | 全面梳理政务服务事项，推动更多事项网上办理。 | 6月底前完成。 | 县发改局 | |\n"
        "| 2 | | | 建设智慧城市平台 | 建设县级数据共享交换平台，实现部门间数据互联互通。 | | |\n"
    )
    t = tasktable.parse(text).tasks[1]
    assert (t.project, t.content, t.schedule) == (
        "建设智慧城市平台",
        "建设县级数据共享交换平台，实现部门间数据互联互通。",
        None,
    )


def test_the_rest_of_a_cut_row_stays_in_its_column_though_it_reads_like_a_schedule() -> None:
    """每月不少于1次。 finishes the content cut by the page break (…，校本研修); realignment
    read it as a schedule and joined it to 全年."""
    header = "| 序号 | 重点工作 | 工作措施 | 责任股室 | 完成时限 |\n|---|---|---|---|---|\n"
    text = (
        header
        + "| 1 | 学前教育 | 新建公办幼儿园2所。 | 计财股 | 8月底前 |\n"
        + "| 2 | 教师培训 | 实施教师全员培训，县级培训每学期不少于2次，校本研修 | 教研室 | 全年 |\n\n"
        + header
        + "|  |  | 每月不少于1次。 |  |  |\n"
        + "| 3 | 校园安全 | 开展校园安全隐患排查整治。 | 安全股 | 每季度 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.content, t.schedule) for t in doc.tasks][1] == (
        "实施教师全员培训，县级培训每学期不少于2次，校本研修每月不少于1次。",
        "全年",
    )
    assert not [d for d in doc.diagnostics if d.code == "realigned"]


def test_a_row_under_a_label_is_realigned_as_before() -> None:
    """A label (老城厢复兴发展) is whole without a full stop: the row below it is no rest of it,
    and its sentence under the project column moves to content."""
    text = (
        "| 序号 | 项目名称 | 主要内容 | 牵头单位 |\n|---|---|---|---|\n"
        "| 1 | 优化养老服务 | 为全区老年人提供居家上门服务。 | 民政局 |\n"
        "|  | 提升改造8家城乡社区居家养老服务中心，对300户困难老人家庭进行居家适老化改造。 |  |  |\n"
    )
    doc = tasktable.parse(text, year=2021)
    assert doc.tasks[-1].content is not None and "提升改造8家" in doc.tasks[-1].content


@pytest.mark.parametrize(
    ("cells", "content"),
    [
        # The task text split over two cells, the row one cell wider than the header.
        ("| 完成国道G328改建工程 | 路面施工20公里。 |", "完成国道G328改建工程路面施工20公里。"),
        ("| 推进城乡公交一体化， | 新开通线路2条。 |", "推进城乡公交一体化，新开通线路2条。"),
    ],
)
def test_a_row_one_cell_too_wide_joins_its_two_task_text_pieces(cells: str, content: str) -> None:
    # The second piece was kept only in an `unplaced` warning.
    text = (
        "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
        f"| 1 {cells} 县公路中心 | 2024年11月底前 |\n"
        "| 2 | 新改建农村公路70公里。 | 县农村公路所 | 2024年12月底前 |\n"
        "| 3 | 开通城乡公交线路2条。 | 县运输服务中心 | 2024年6月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    first = doc.tasks[0]
    assert (first.content, first.departments, first.schedule) == (
        content,
        ["县公路中心"],
        "2024年11月底前",
    )
    assert not [d for d in doc.diagnostics if d.code == "unplaced"]
