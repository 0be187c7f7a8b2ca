"""Other bureaus' tables (issue 7): header vocabulary, user role maps, section rows, and a
table whose task text has no content column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tasktable
from tasktable import RoleMapError
from tasktable.cli import main

# 序号 and 完成时限 are known; 承办事宜 "matters handled" and 经办 "handled by" are not. The
# first holds the task text; the cells of the second (见附件 "see the annex") show no role.
TABLE = (
    "| 序号 | 承办事宜 | 经办 | 完成时限 |\n|---|---|---|---|\n"
    "| 1 | 完成审计工作，6月底前报送 | 见附件 | 6月底前 |\n"
)


def test_unknown_header_whose_cells_show_no_role_is_extra_with_a_warning() -> None:
    doc = tasktable.parse(TABLE, year=2024)
    assert [c.role for c in doc.columns] == ["seq", "content", "extra", "schedule"]
    assert doc.tasks[0].extra == {"经办": "见附件"}
    unknown = [d for d in doc.diagnostics if d.code == "unknown-header"]
    assert [(d.level, d.column) for d in unknown] == [("warning", "经办")]
    assert "--role 经办=" in unknown[0].message


def test_role_map_names_the_columns_the_vocabulary_lacks() -> None:
    roles = {"承办事宜": "content", "经办": "departments"}
    doc = tasktable.parse(TABLE, year=2024, roles=roles)
    (task,) = doc.tasks
    assert (task.content, task.departments, task.schedule) == (
        "完成审计工作，6月底前报送",
        ["见附件"],
        "6月底前",
    )
    assert str(task.due) == "2024-06-30"
    assert not [d for d in doc.diagnostics if d.code == "unknown-header"]


def test_role_map_matches_headers_with_spaces_and_breaks() -> None:
    text = TABLE.replace("经办", "经<br> 办")
    (task,) = tasktable.parse(text, roles={"经办": "departments"}).tasks
    assert task.departments == ["见附件"]


def test_role_map_with_an_unknown_role_is_an_error() -> None:
    with pytest.raises(RoleMapError, match="'boss'"):
        tasktable.parse(TABLE, roles={"经办": "boss"})


def test_cli_role_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.md"
    path.write_text(TABLE, "utf-8")
    argv = [str(path), "--role", "承办事宜=content", "--role", "经办=departments"]
    assert main(argv) == 0
    (task,) = json.loads(capsys.readouterr().out)["tasks"]
    assert (task["content"], task["departments"]) == ("完成审计工作，6月底前报送", ["见附件"])
    assert main([str(path), "--role", "oops"]) == 2


@pytest.mark.parametrize(
    ("row", "title"),
    [
        ("| 一、 | 经济社会发展的主要预期目标 | | |", "经济社会发展的主要预期目标"),
        ("| 二 | 加快新型工业化进程 | | |", "加快新型工业化进程"),
        ("| （三） | 推进乡村振兴 | | |", "推进乡村振兴"),
        ("| 一、经济社会发展的主要预期目标 | | | |", "经济社会发展的主要预期目标"),
        ("| | （二）加快新型工业化进程 | | |", "加快新型工业化进程"),
    ],
)
def test_section_row_is_no_task_and_themes_the_rows_below(row: str, title: str) -> None:
    text = (
        "| 序号 | 重点工作任务 | 主要责任单位 | 协同配合单位 |\n|---|---|---|---|\n"
        f"{row}\n| 1 | 新增规上工业企业20家 | 县工信局 | 县统计局 |\n"
        "| 2 | 实施技改项目50个 | 县工信局 | |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.theme) for t in doc.tasks] == [(1, title), (2, title)]
    (section,) = [d for d in doc.diagnostics if d.code == "section"]
    assert title in (section.text or "")


def test_row_with_an_ordinal_and_task_texts_is_a_task() -> None:
    text = (
        "| 序号 | 项目名称 | 项目内容 | 序时进度 | 责任单位 |\n|---|---|---|---|---|\n"
        "| 一 | 数字政府 | 建设数据平台。 | 年底前 | 大数据局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.seq, task.content) == (None, "建设数据平台。")


def test_table_without_content_column_takes_the_task_text_as_content() -> None:
    text = (
        "| 序号 | 重点工作任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 新建5G基站300个，年底前完成 | 县工信局 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    (task,) = doc.tasks
    assert (task.project, task.content) == (None, "新建5G基站300个，年底前完成")
    assert [t.text for t in task.targets] == ["300个"]
    assert [m.when.text for m in task.milestones] == ["年底前"]


@pytest.mark.parametrize(
    ("cell", "leads", "partners"),
    [
        ("县发改局、县财政局", ["县发改局", "县财政局"], []),
        ("县发改局（牵头）、县财政局（配合）", ["县发改局"], ["县财政局"]),
        ("县发改局(牵头)，县财政局", ["县发改局", "县财政局"], []),
        (
            "牵头单位：县发改局；配合单位：县财政局、县统计局",
            ["县发改局"],
            ["县财政局", "县统计局"],
        ),
        ("牵头：县发改局 配合：县财政局", ["县发改局"], ["县财政局"]),
        ("县发改局牵头，县财政局、县统计局配合", ["县发改局"], ["县财政局", "县统计局"]),
        ("县发改局<br>配合：县财政局", ["县发改局"], ["县财政局"]),
        ("县协同创新中心", ["县协同创新中心"], []),  # 协同 inside a name marks nothing
    ],
)
def test_department_cell_keeps_leads_and_partners_apart(
    cell: str, leads: list[str], partners: list[str]
) -> None:
    text = f"| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n| 1 | 做好工作。 | {cell} |\n"
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (leads, partners)


def test_partners_from_the_department_cell_join_the_partner_column() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 做好工作。 | 县发改局（牵头）、县统计局（配合） | 县审计局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (["县发改局"], ["县审计局", "县统计局"])


TWO_ROW_PIPE = """| 序号 | 工作任务 | 责任单位 | |
|---|---|---|---|
| | | 牵头单位 | 配合单位 |
| 1 | 新建5G基站300个，年底前完成 | 县工信局 | 县电信公司 |

| 序号 | 工作任务 | 责任单位 | |
|---|---|---|---|
| | | 牵头单位 | 配合单位 |
| 2 | 新增规上企业20家 | 县工信局 | 县统计局 |
"""

TWO_ROW_HTML = (
    '<table><tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th>'
    '<th colspan="2">责任单位</th></tr><tr><th>牵头单位</th><th>配合单位</th></tr>'
    "<tr><td>1</td><td>新建5G基站300个，年底前完成</td><td>县工信局</td><td>县电信公司</td></tr>"
    "<tr><td>2</td><td>新增规上企业20家</td><td>县工信局</td><td>县统计局</td></tr></table>\n"
)


@pytest.mark.parametrize("text", [TWO_ROW_PIPE, TWO_ROW_HTML], ids=["pipe", "html"])
def test_two_row_header(text: str) -> None:
    doc = tasktable.parse(text, year=2020)  # a year: no no-year warning for 年底前
    assert [c.role for c in doc.columns] == ["seq", "content", "departments", "partners"]
    assert [(t.seq, t.departments, t.partners) for t in doc.tasks] == [
        (1, ["县工信局"], ["县电信公司"]),
        (2, ["县工信局"], ["县统计局"]),
    ]
    assert not [d for d in doc.diagnostics if d.level == "warning"]


SUB_TASKS = """| 序号 | 项目名称 | 项目内容 | 序时进度 | 责任单位 |
|---|---|---|---|---|
| 1 | 民生工程 | （1）新建学校2所。 | 8月底前 | 县教育局 |
| | | （2）改造老旧小区12个。 | 年底前 | 县住建局 |
| 2 | 数字政府 | 建设数据平台，推动更多 | 年底前 | 县大数据局 |
| | | 事项网上办理。 | | |
| 3 | 安全生产 | 开展安全检查。 | 全年 | 县应急局 |
| | | 完成隐患整改。 | 11月底前 | |
"""


def test_row_without_seq_is_a_sub_task_or_the_rest_of_the_row_above() -> None:
    doc = tasktable.parse(SUB_TASKS, year=2024)
    assert [(t.seq, t.sub, t.content) for t in doc.tasks] == [
        (1, 1, "（1）新建学校2所。"),
        (1, 2, "（2）改造老旧小区12个。"),  # starts like a list item
        (2, 1, "建设数据平台，推动更多事项网上办理。"),  # continues the sentence above
        (3, 1, "开展安全检查。"),
        (3, 2, "完成隐患整改。"),  # a new sentence with its own schedule
    ]
    assert [d.code for d in doc.diagnostics].count("sub-task") == 2


def test_sub_tasks_survive_the_md_output() -> None:
    doc = tasktable.parse(SUB_TASKS, year=2024)
    again = tasktable.parse(tasktable.render(doc, "md"))
    assert [(t.seq, t.sub, t.content) for t in again.tasks] == [
        (t.seq, t.sub, t.content) for t in doc.tasks
    ]


@pytest.mark.parametrize(
    "header",
    ["责任单位", "责 任 单 位", "责任<br>单位", "**责任单位**", "责任单位：", "责　任　单　位"],
)
def test_header_with_spaces_breaks_or_markup_names_its_role(header: str) -> None:
    text = f"| 序号 | 项目内容 | {header} |\n|---|---|---|\n| 1 | 做好工作。 | 办公室 |\n"
    (task,) = tasktable.parse(text).tasks
    assert task.departments == ["办公室"]


def test_columns_in_any_order() -> None:
    text = (
        "| 责任单位 | 完成时限 | 序号 | 工作内容 |\n|---|---|---|---|\n"
        "| 县教育局 | 8月底前 | 1 | 新建学校2所。 |\n"
    )
    (task,) = tasktable.parse(text, year=2024).tasks
    assert (task.seq, task.content, task.schedule, task.departments) == (
        1,
        "新建学校2所。",
        "8月底前",
        ["县教育局"],
    )


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        # an exact word wins over a contained one; the loser takes another role it names
        (
            "| 序号 | 民生实事项目 | 主要内容 | 责任单位 |",
            ["seq", "project", "content", "departments"],
        ),
        # a second project column with no content column is the task text
        ("| 序号 | 重点工作 | 工作任务 | 责任单位 |", ["seq", "project", "content", "departments"]),
        # a second departments column with no partners column names the other units
        (
            "| 序号 | 项目内容 | 牵头单位 | 责任单位 |",
            ["seq", "content", "departments", "partners"],
        ),
        # nothing free: kept under extra
        (
            "| 序号 | 项目名称 | 重点工作 | 项目内容 | 责任单位 |",
            ["seq", "project", "extra", "content", "departments"],
        ),
    ],
)
def test_two_columns_naming_one_role(header: str, roles: list[str]) -> None:
    width = header.count("|") - 1
    text = header + "\n" + "|---" * width + "|\n| 1 |" + " 文本 |" * (width - 1) + "\n"
    assert [c.role for c in tasktable.parse(text).columns] == roles


def test_role_map_fixture() -> None:
    """tests/fixtures/role-map.md: without a map under extra (its golden file), with one read."""
    path = Path(__file__).parent / "fixtures" / "role-map.md"
    doc = tasktable.parse_file(path, roles={"工作事项": "content", "承办处室": "departments"})
    assert [(t.seq, t.content, t.departments, str(t.due)) for t in doc.tasks] == [
        (1, "完成审计整改工作，6月底前报送", ["审计处"], "2024-06-30"),
        (2, "编制重大项目投资计划", ["投资处"], "2024-03-31"),
    ]


#: A header whose cells a PDF converter printed on two lines (责任单位 / （科室） department
#: (section), 完成时限 / （时间节点） deadline (milestone)), repeated on the second page.
WRAPPED_HEADER = (
    "|序号|工作任务|责任单位<br>（科室）|完成时限<br>（时间节点）|\n|---|---|---|---|\n"
)


def test_a_header_printed_on_two_lines_is_one_header_on_every_page() -> None:
    """The second lines were read as a row swallowed into the header: the first header made
    a task of them, and each repeated header joined them to the last row of the page."""
    text = (
        WRAPPED_HEADER
        + "|1|完成城区主次干道提升改造8条。|市政科|2024年10月底前|\n"
        + "|2|新建改造城市公厕20座。|环卫科|2024年9月底前|\n\n"
        + WRAPPED_HEADER
        + "|3|开展违法建设专项治理。|执法大队|持续推进|\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [c.header for c in doc.columns] == [
        "序号",
        "工作任务",
        "责任单位（科室）",
        "完成时限（时间节点）",
    ]
    assert [(t.seq, t.departments, t.schedule) for t in doc.tasks] == [
        (1, ["市政科"], "2024年10月底前"),
        (2, ["环卫科"], "2024年9月底前"),
        (3, ["执法大队"], "持续推进"),
    ]


def test_a_grouped_header_on_one_row_names_each_column_by_its_own_line() -> None:
    text = (
        "| 序号 | 工作任务 | 责任单位<br>牵头单位 | 责任单位<br>配合单位 | 完成时限 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 新建学校2所。 | 县教育局 | 县财政局、县自然资源局 | 2024年9月底前 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (["县教育局"], ["县财政局", "县自然资源局"])


def test_a_repeated_header_unlike_the_first_gives_back_the_text_it_swallowed() -> None:
    text = (
        "| 序号 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|\n"
        "| 1 | 开展科普活动， | 6月底前 | 办公室 |\n\n"
        "| 序号 | **项目内容**<br>做好宣传工作。 | 序时进度 | 责任部门 |\n|---|---|---|---|\n"
        "| 2 | 举办培训班。 | 9月底前 | 学会部 |\n"
    )
    doc = tasktable.parse(text, year=2019)
    assert [t.content for t in doc.tasks] == ["开展科普活动，做好宣传工作。", "举办培训班。"]


# A second table (an appendix) whose header names other words than the first's.
FIRST_TABLE = (
    "某县2024年重点任务分解表\n\n"
    "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
    "| 1 | 地区生产总值增长6%以上。 | 县发改委 | 2024年12月底前 |\n"
    "| 2 | 新增规上工业企业30家。 | 县工信局 | 2024年11月底前 |\n"
)
APPENDIX_HEADERS = [
    "| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n",
    "| 序号 | 项目名称 | 建设内容 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n",
]


@pytest.mark.parametrize("header", APPENDIX_HEADERS)
def test_second_table_with_other_header_words_is_read_under_its_own_header(header: str) -> None:
    rows = (
        "| 1 | 新建公办幼儿园3所。 | 县教育局 | 2024年8月底前 |\n"
        "| 2 | 完成农村供水管网改造120公里。 | 县水利局 | 2024年10月底前 |\n"
    )
    if header.count("|") > 6:  # the five-column header: a project name before the content
        rows = rows.replace("| 1 | ", "| 1 | 学前教育 | ").replace("| 2 | ", "| 2 | 农村供水 | ")
    doc = tasktable.parse(FIRST_TABLE + "\n附件2：2024年民生实事\n\n" + header + rows)
    assert [t.content for t in doc.tasks] == [
        "地区生产总值增长6%以上。",
        "新增规上工业企业30家。",
        "新建公办幼儿园3所。",
        "完成农村供水管网改造120公里。",
    ]
    # No label leaks from one table into the other, forward or back.
    assert [t.project for t in doc.tasks[:2]] == [None, None]
    assert [t.departments for t in doc.tasks[2:]] == [["县教育局"], ["县水利局"]]
    assert [t.seq for t in doc.tasks] == [1, 2, 1, 2]
    # The document's columns are the first task table's.
    assert [c.header for c in doc.columns] == ["序号", "工作任务", "责任单位", "完成时限"]


def test_indicator_table_before_the_task_table_gives_no_tasks_and_no_columns() -> None:
    indicators = (
        "| 指标名称 | 2024年目标 | 责任单位 |\n|---|---|---|\n"
        "| 地区生产总值增速 | 6.5%左右 | 县发改委 |\n"
    )
    doc = tasktable.parse("主要预期指标\n\n" + indicators + "\n" + FIRST_TABLE)
    assert [t.content for t in doc.tasks] == ["地区生产总值增长6%以上。", "新增规上工业企业30家。"]
    assert [c.header for c in doc.columns] == ["序号", "工作任务", "责任单位", "完成时限"]
    kept = [d.text for d in doc.diagnostics if d.code == "other-table"]
    assert kept == ["指标名称 | 2024年目标 | 责任单位", "地区生产总值增速 | 6.5%左右 | 县发改委"]


def test_liaison_table_after_the_task_table_is_kept_in_diagnostics_not_tasks() -> None:
    liaison = (
        "| 科室 | 联络员 | 联系电话 |\n|---|---|---|\n"
        "| 财政审计科 | 张丽 | 6023101 |\n| 投资审计科 | 李军 | 6023103 |\n"
    )
    doc = tasktable.parse(FIRST_TABLE + "\n附件：各科室联络员名单\n\n" + liaison)
    assert len(doc.tasks) == 2
    other = [d for d in doc.diagnostics if d.code == "other-table"]
    assert [d.text for d in other] == [
        "科室 | 联络员 | 联系电话",
        "财政审计科 | 张丽 | 6023101",
        "投资审计科 | 李军 | 6023103",
    ]
    assert {d.level for d in other} == {"warning"}


@pytest.mark.parametrize(
    ("top", "bottom", "roles"),
    [
        (
            "| 序 | 工作 | 责任 | 完成 |",
            "| 号 | 任务 | 单位 | 时限 |",
            ["seq", "content", "departments", "schedule"],
        ),
        (
            "| **序** | **项目** | **项目** | **序时** | **责任** |",
            "| **号** | **名称** | **内容** | **进度** | **部门** |",
            ["seq", "project", "content", "schedule", "departments"],
        ),
    ],
)
def test_header_split_over_two_rows_whose_lower_row_became_a_task(
    top: str, bottom: str, roles: list[str]
) -> None:
    width = top.count("|") - 1
    delimiter = "|" + "---|" * width
    row = "| 1 |" + " 甲 |" * (width - 4) + " 完成审计工作。 | 县审计局 | 全年 |"
    if roles[-1] == "departments":
        row = "| 1 | 甲 | 完成审计工作。 | 全年 | 县审计局 |"
    doc = tasktable.parse("\n".join([top, delimiter, bottom, row, ""]), year=2024)
    assert [c.role for c in doc.columns] == roles
    assert doc.columns[0].header == "序号"
    (task,) = doc.tasks
    assert (task.seq, task.content, task.departments) == (1, "完成审计工作。", ["县审计局"])
