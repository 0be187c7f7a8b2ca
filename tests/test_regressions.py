"""One test per bug, named after what broke."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import tasktable
from tasktable.cli import main
from tasktable.wraps import unwrap

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"

HEADER = "| 序号 | 项目内容 | 责任部门 |\n|---|---|---|\n"


@pytest.mark.parametrize("run", ["一" * 100_000, "1" * 100_000, "、一" * 50_000])
def test_long_run_of_quarter_numerals_in_a_cell_is_read(run: str) -> None:
    # The quarter cue (一、二、三季度) had an unbounded repetition: a cell of 10,000 一 took
    # seconds, growing with the square of its length. Now each repetition is bounded.
    document = tasktable.parse(f"{HEADER}| 1 | {run} | 办公室 |\n")
    assert document.tasks[0].content == run


def test_long_run_of_spaces_around_a_line_break_is_unwrapped() -> None:
    # The wrap remover scanned spaces before every break from every position: quadratic.
    text = "甲" + " " * 100_000 + "\n" + " " * 100_000 + "乙"
    assert unwrap(text) == "甲乙"  # spaces around a wrap are layout, not text


def test_output_file_is_readable_by_others_like_a_plain_write(tmp_path: Path) -> None:
    # The atomic write went through mkstemp, which creates files private to the owner (0600).
    out = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        assert main([str(SAMPLE), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_replaced_output_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", "utf-8")
    out.chmod(0o640)
    assert main([str(SAMPLE), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


H6 = "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|---|---|\n"


def rows(document: tasktable.Document) -> list[tuple[object, ...]]:
    return [(t.seq, t.project, t.content, t.schedule, t.departments) for t in document.tasks]


def test_data_row_with_header_words_inside_cells_is_not_a_header() -> None:
    # 重大项目建设 contains 项目 and 各责任单位 contains 责任单位: the row was read as a
    # repeated header and dropped, with every row after it.
    # Without a content column, the task text under 工作任务 is the content.
    text = "| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| 1 | 抓好重大项目建设 | 各责任单位 |\n| 2 | 落实目标任务 | 项目办 |\n"
    assert rows(tasktable.parse(text)) == [
        (1, None, "抓好重大项目建设", None, ["各责任单位"]),
        (2, None, "落实目标任务", None, ["项目办"]),
    ]


def test_cell_past_the_delimiter_row_without_a_closing_pipe_is_kept() -> None:
    text = "| 序号 | 项目名称 | 责任部门 |\n|---|---|---|\n| 1 | 项目A | 办公室 | 多出来的文字\n"
    diagnostics = tasktable.parse(text).diagnostics
    assert [d.text for d in diagnostics if d.code == "unplaced"] == ["多出来的文字"]


def test_text_swallowed_into_a_short_repeated_header_cell_is_kept() -> None:
    text = (
        H6 + "| 1 | 主题A | 项目A | 开展调查研究，形成报告。 | 年底前 | 办公室 |\n\n"
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门<br>科普部 |\n|---|---|---|---|---|---|\n"
        "| 2 | | 项目B | 组织科普活动。 | 全年 | 科普部 |\n"
    )
    assert tasktable.parse(text).tasks[0].departments == ["办公室", "科普部"]


def test_page_whose_header_is_wider_than_its_delimiter_row_is_not_lost() -> None:
    # markdown-it reads no table there; its lines are kept as warnings.
    text = (
        H6 + "| 1 | 主题A | 项目A | 开展调查研究。 | 年底前 | 办公室 |\n\n"
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 | |\n|---|---|---|---|---|---|\n"
        "| 2 | | 作风建设 | 开展作风建设年活动。 | 上半年 | 办公室 |\n"
    )
    kept = [d.text for d in tasktable.parse(text).diagnostics if d.code == "row-outside-table"]
    assert kept[-1] == "| 2 | | 作风建设 | 开展作风建设年活动。 | 上半年 | 办公室 |"


def test_repeated_delimiter_row_is_not_a_task() -> None:
    text = (
        H6 + "| 1 | 主题A | 项目A | 开展调查研究。 | 年底前 | 办公室 |\n|---|---|---|---|---|---|\n"
    )
    assert [t.seq for t in tasktable.parse(text).tasks] == [1]


def test_two_columns_with_one_unknown_header_keep_both_texts() -> None:
    text = "| 序号 | 项目名称 | 备注 | 备注 | 责任部门 |\n|---|---|---|---|---|\n| 1 | 项目A | 甲 | 乙 | 办公室 |\n"
    assert tasktable.parse(text).tasks[0].extra == {"备注": "甲\n乙"}


def test_table_without_any_serial_numbers_gives_one_task_per_row() -> None:
    text = "| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| | 开展安全生产大检查。 | 区应急局 |\n| | 完善应急预案体系。 | 区应急局 |\n"
    assert [t.content for t in tasktable.parse(text).tasks] == [  # no content column: content
        "开展安全生产大检查。",
        "完善应急预案体系。",
    ]


def test_continuation_row_repeating_merged_labels_does_not_double_them() -> None:
    text = (
        H6
        + "| 1 | 加强党建 | 强化政治引领 | 开展理论学习活动。 | 一季度制定方案； | 办公室 |\n\n"
        + H6
        + "| | 加强党建 | 强化政治引领 | | 年底前组织验收。 | 办公室 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.theme, task.project, task.departments) == ("加强党建", "强化政治引领", ["办公室"])
    assert task.schedule == "一季度制定方案；年底前组织验收。"


@pytest.mark.parametrize(
    "row",
    [
        "| 1 | | 作风建设 | 建章立制 | 按上级要求 | 县委组织部（牵头） |",
        "| 1 | 加强党的建设 | 作风建设 | 推进综合改革，完善工作机制。 | | 县委组织部（牵头） |",
        "| 1 | 加强党的建设 | 作风建设 | 推进综合改革，完善工作机制。 | | 市发改委牵头，各相关部门配合 |",
        "| 1 | 加强党的建设 | 作风建设 | 推进综合改革。 | 全年 | 市科协、县妇联 |",
    ],
)
def test_aligned_row_with_an_unusual_department_is_not_realigned(row: str) -> None:
    # Department forms the name patterns did not know scored so low in their own column
    # that moving every cell one role left looked better.
    assert not [d for d in tasktable.parse(H6 + row + "\n").diagnostics if d.code == "realigned"]


def test_gb18030_file_with_a_bad_byte_names_that_byte() -> None:
    data = (H6 + "| 1 | 主题 | 项目 | 内容。 | 全年 | 办公室 |\n").encode(
        "gb18030"
    ) + b"| 2 | x \xff |\n"
    with pytest.raises(tasktable.DecodeError) as caught:
        tasktable.parse(data)
    assert caught.value.offset == data.index(b"\xff")


def test_text_with_an_unpaired_surrogate_is_a_decode_error() -> None:
    with pytest.raises(tasktable.DecodeError):
        tasktable.parse("| 序号 | 项目内容 |\n|---|---|\n| 1 | a\ud800b |\n")


def test_path_with_a_nul_byte_is_an_input_error() -> None:
    with pytest.raises(tasktable.InputFileError):
        tasktable.parse_file("a\0b")


def test_latin_text_in_angle_brackets_is_kept() -> None:
    text = "| 序号 | 项目内容 |\n|---|---|\n| 1 | 上线<APP>客户端 |\n"
    assert tasktable.parse(text).tasks[0].content == "上线<APP>客户端"


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("项目责任单位", "departments"),
        ("项目进度", "schedule"),
        ("责任部门（单位）", "departments"),
    ],
)
def test_header_containing_two_words_takes_the_longest_then_the_last(
    header: str, role: str
) -> None:
    from tasktable.stages.stitch import header_role

    assert header_role(header) == role


def test_long_department_cell_of_wrapped_fragments_is_split_in_linear_time() -> None:
    from tasktable.names import split_names

    assert split_names("办公\n" * 20_000) == ["办公" * 20_000]


# --- found by an adversarial review of other bureaus' tables (issue 7) ------------------------


def test_second_header_row_narrower_than_the_first_does_not_crash() -> None:
    text = (
        "<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>"
        "<tr><td>序号</td><td>完成时限<br>年底前</td></tr>"
        "<tr><td>1</td><td>新建幼儿园5所。</td><td>县教育局</td></tr></table>\n"
    )
    doc = tasktable.parse(text)  # raised ValueError from zip() in realign
    kept = str([t.model_dump() for t in doc.tasks]) + str(doc.diagnostics)
    assert "新建幼儿园5所。" in kept and "年底前" in kept


def test_blank_lines_inside_an_html_table_lose_no_rows() -> None:
    text = (
        "<table><tr><td>序号</td><td>项目内容</td><td>责任单位</td></tr>\n\n"
        "<tr><td>1</td><td>新改建农村公路100公里。\n\n同步实施安防工程。</td>"
        "<td>县交通运输局</td></tr>\n\n<tr><td>2</td><td>改造危桥20座。</td><td>县公路中心</td></tr>\n"
        "</table>\n"
    )
    assert [(t.seq, t.content) for t in tasktable.parse(text).tasks] == [
        (1, "新改建农村公路100公里。同步实施安防工程。"),
        (2, "改造危桥20座。"),
    ]


def test_html_table_after_text_on_its_line_is_read() -> None:
    text = (
        "续表 <table><tr><td>序号</td><td>项目内容</td><td>责任单位</td></tr>"
        "<tr><td>1</td><td>新建学校2所。</td><td>县教育局</td></tr></table>\n"
    )
    assert [t.content for t in tasktable.parse(text).tasks] == ["新建学校2所。"]


def test_continuation_sentence_with_an_item_number_is_no_section() -> None:
    text = (
        "| 序号 | 工作任务 | 具体措施 | 完成时限 | 责任单位 |\n|---|---|---|---|---|\n"
        "| 1 | 交通工程 | （一）新改建农村公路100公里； | 年底前 | 县交通运输局 |\n"
        "| | | （二）改造危桥20座。 | | |\n"
        "| 2 | 教育工程 | 新建学校2所。 | 8月底前 | 县教育局 |\n"
    )
    doc = tasktable.parse(text)
    assert not [d for d in doc.diagnostics if d.code == "section"]
    assert doc.tasks[-1].content == "新建学校2所。"


def test_table_numbered_with_chinese_ordinals_gives_tasks() -> None:
    text = (
        "| 序号 | 民生实事 |\n|---|---|\n"
        "| 一 | 新建改扩建幼儿园5所，新增学位1200个 |\n| 二 | 新增公交线路3条 |\n"
    )
    doc = tasktable.parse(text)
    assert [t.content for t in doc.tasks] == [
        "新建改扩建幼儿园5所，新增学位1200个",
        "新增公交线路3条",
    ]


@pytest.mark.parametrize(
    ("cell", "leads", "partners"),
    [
        ("县卫健委牵头、县医保局配合", ["县卫健委"], ["县医保局"]),
        ("县应急管理局牵头<br>县消防救援大队配合", ["县应急管理局"], ["县消防救援大队"]),
    ],
)
def test_lead_verb_before_a_list_mark_ends_its_clause(
    cell: str, leads: list[str], partners: list[str]
) -> None:
    text = f"| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n| 1 | 做好工作。 | {cell} |\n"
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (leads, partners)


def test_unnumbered_row_with_its_own_schedule_and_department_is_a_sub_task() -> None:
    text = (
        "| 序号 | 工作任务 | 具体措施 | 完成时限 | 责任单位 |\n|---|---|---|---|---|\n"
        "| 1 | 交通民生工程 | 新改建农村公路100公里 | 12月底前 | 县交通运输局 |\n"
        "| | | 改造危桥20座 | 10月底前 | 县公路事业发展中心 |\n"
    )
    assert [(t.seq, t.sub, t.departments) for t in tasktable.parse(text).tasks] == [
        (1, 1, ["县交通运输局"]),
        (1, 2, ["县公路事业发展中心"]),
    ]


def test_page_break_inside_content_and_schedule_is_joined() -> None:
    head = "| 序号 | 工作任务 | 具体措施 | 完成时限 | 责任单位 |\n|---|---|---|---|---|\n"
    text = (
        head
        + "| 1 | 医共体 | 推进县域医共体建设。 | 一季度制定方案，二季度 | 县卫健委 |\n\n"
        + head
        + "| | | 实现乡镇卫生院全覆盖。 | 完成组建，年底前验收。 | |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.schedule == "一季度制定方案，二季度完成组建，年底前验收。"


def test_repeated_header_with_spaces_is_not_task_text() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 | 备注 |\n|---|---|---|---|\n| 1 | 做好工作。 | 办公室 | 省定 |\n\n"
        "| 序号 | 项目内容 | 责任单位 | 备　注 |\n|---|---|---|---|\n| 2 | 抓好落实。 | 办公室 | |\n"
    )
    assert [t.extra for t in tasktable.parse(text).tasks] == [{"备注": "省定"}, {}]


def test_html_paragraphs_in_a_cell_are_line_breaks() -> None:
    text = (
        "<table><tr><td>序号</td><td>项目内容</td><td>责任单位</td></tr><tr><td>1</td>"
        "<td>做好工作。</td><td><p>县教育局</p><p>县财政局</p></td></tr></table>\n"
    )
    assert tasktable.parse(text).tasks[0].departments == ["县教育局", "县财政局"]


@pytest.mark.parametrize("roles", [{1: "seq"}, [("a", "seq")], {"": "seq"}])
def test_role_map_of_the_wrong_shape_is_a_role_map_error(roles: object) -> None:
    with pytest.raises(tasktable.RoleMapError):
        tasktable.parse("| 序号 | 项目内容 |\n|---|---|\n| 1 | 做好。 |\n", roles=roles)  # type: ignore[arg-type]


def test_serial_number_repeated_by_a_rowspan_joins_the_row_above() -> None:
    text = (
        "<table><tr><td>序号</td><td>项目内容</td><td>序时进度</td><td>责任单位</td></tr>"
        '<tr><td rowspan="2">1</td><td>推进县域医共体建设，</td><td rowspan="2">年底前</td>'
        '<td rowspan="2">县卫健委</td></tr><tr><td>实现全覆盖。</td></tr>'
        "<tr><td>2</td><td>新建学校2所。</td><td>8月底前</td><td>县教育局</td></tr></table>\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.sub, t.content) for t in doc.tasks] == [
        (1, 1, "推进县域医共体建设，实现全覆盖。"),
        (2, 1, "新建学校2所。"),
    ]


def test_two_row_header_with_bare_lead_and_partner_words() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 | |\n|---|---|---|---|\n| | | 牵头 | 配合 |\n"
        "| 1 | 新建学校2所。 | 县教育局 | 县财政局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (["县教育局"], ["县财政局"])


def test_section_title_in_the_theme_column_sets_the_theme() -> None:
    text = (
        "| 序号 | 类别 | 项目内容 | 责任单位 |\n|---|---|---|---|\n"
        "| 一 | 就业创业 | | |\n| 1 | | 新增就业5000人。 | 县人社局 |\n"
        "| 二 | 教育 | | |\n| 2 | | 新建学校2所。 | 县教育局 |\n"
    )
    assert [t.theme for t in tasktable.parse(text).tasks] == ["就业创业", "教育"]


def test_heading_alone_in_the_serial_number_column_is_a_section() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n| 交通运输（2项） | | |\n"
        "| 1 | 新改建农村公路100公里。 | 县交通运输局 |\n| 2 | 改造危桥20座。 | 县交通运输局 |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.theme) for t in doc.tasks] == [(1, "交通运输（2项）"), (2, "交通运输（2项）")]


def test_wrap_before_a_quarter_list_is_no_list_item() -> None:
    """二、三季度 at the start of a printed line is the second and third quarters, not item 二."""
    from tasktable.wraps import unwrap

    assert unwrap("一季度分解任务；\n二、三季度开展调度") == "一季度分解任务；二、三季度开展调度"
    assert unwrap("完成以下工作：\n二、加强督查") == "完成以下工作：\n二、加强督查"


def test_column_empty_on_every_row_is_a_warning_and_nothing_is_invented() -> None:
    text = (
        "| 序号 | 主题 | 项目内容 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | | 新建学校2所。 | 县教育局 |\n| 2 | | 新增学位1000个。 | 县教育局 |\n"
    )
    doc = tasktable.parse(text)
    assert [t.theme for t in doc.tasks] == [None, None]
    (warning,) = [d for d in doc.diagnostics if d.code == "empty-column"]
    assert (warning.level, warning.role, warning.column) == ("warning", "theme", "主题")


def test_centred_labels_far_apart_are_placed_around_their_middles() -> None:
    """Issue 18: three project labels in long blank runs took quadratic time to place (6.8 s
    at 4,000 rows; benchmarks/bench_parse.py shows the scaling). The search is now bounded
    near each label; the spans must still be the thirds (201 rows each) whose middle rows the
    labels stand in. One-line rows leave each cut a row either way (a middle on the line
    between two rows prints on either), so only the two rows at each cut are doubted."""
    header = (
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|---|---|\n"
    )
    labels = {100: "推进数字政府建设", 301: "实施科技企业培育", 502: "建设智慧城市平台"}
    rows = [
        f"| {index + 1} | | {labels.get(index, '')} | 开展专项工作。 | 全年。 | |\n"
        for index in range(603)
    ]
    doc = tasktable.parse(header + "".join(rows), merged="centre")
    assert [t.project for t in doc.tasks] == [
        label for label in labels.values() for _ in range(201)
    ]
    doubted = {d.seq for d in doc.diagnostics if d.code == "uncertain-span"}
    assert doubted == {201, 202, 402, 403}


@pytest.mark.parametrize(
    "line", ["１.开展巡查", "1 .开展巡查", "（１）开展巡查", "2)开展巡查", "③开展巡查"]
)
def test_list_markers_agree_between_wraps_and_sub_tasks(line: str) -> None:
    """Issue 18: the wrap rule and the sub-task rule read list markers from two patterns that
    disagreed (１.开展 matched one, 1 .开展 the other); both read vocab.shapes.LIST_MARKER now."""
    from tasktable.vocab.shapes import ITEM_MARKER

    assert unwrap(f"完成整改。\n{line}") == f"完成整改。\n{line}"  # the break before it stays
    assert ITEM_MARKER.match(line)


def test_a_decimal_is_no_list_marker() -> None:
    from tasktable.vocab.shapes import ITEM_MARKER

    assert unwrap("增长\n1.5个百分点") == "增长1.5个百分点"
    assert not ITEM_MARKER.match("1.5万人")


# Found by a newcomer's review of the issue 15-19 work.


@pytest.mark.parametrize("merged", ["left", "left-filled"])
def test_forcing_left_filled_blanks_copies_in_either_word(merged: str) -> None:
    # the CLI passes the output's word (left-filled); stitching used to know only "left"
    text = (
        "| 序号 | 主题 | 项目名称 | 项目内容 | 责任部门 |\n|---|---|---|---|---|\n"
        "| 1 | 党建 | 党建 | 开展主题党日活动。 | 办公室 |\n"
    )
    (task,) = tasktable.parse(text, merged=merged).tasks  # type: ignore[arg-type]
    assert (task.theme, task.project) == ("党建", None)


@pytest.mark.parametrize(
    "options",
    [
        {"year": 0},
        {"year": "2019"},
        {"year": 2019.5},
        {"year": True},
        {"year": 10**6},
        {"disable": 5},
        {"disable": [["realign"]]},
        {"source": 123},
    ],
)
def test_bad_options_are_option_errors(options: dict[str, object]) -> None:
    with pytest.raises(tasktable.OptionError):
        tasktable.parse("| 序号 | 项目内容 |\n|---|---|\n| 1 | 做好。 |\n", **options)  # type: ignore[arg-type]


def test_two_columns_given_one_role_by_a_two_row_header_keep_both_texts() -> None:
    text = (
        "| 序号 | 项目内容 | 完成时限 | 责任单位 |\n|---|---|---|---|\n"
        "| | | 项目内容 | 牵头 |\n| 1 | 建设项目。 | 新建学校2所。 | 县发改局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.content is not None and "建设项目。" in task.content
    assert "新建学校2所。" in task.content


def test_a_serial_number_wrapped_in_a_narrow_column_is_one_number() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n"
        "| 11 | 甲。 | 县局 |\n| 1<br>2 | 乙。 | 县局 |\n| 13 | 丙。 | 县局 |\n"
    )
    assert [t.seq for t in tasktable.parse(text).tasks] == [11, 12, 13]


def test_a_theme_column_that_holds_section_headings_is_not_empty() -> None:
    text = (
        "| 序号 | 主题 | 项目内容 | 责任单位 |\n|---|---|---|---|\n"
        "| 一、 | 经济发展 | | |\n| 1 | | 新建厂房。 | 县局 |\n| 2 | | 修建道路。 | 县局 |\n"
    )
    doc = tasktable.parse(text)
    assert [t.theme for t in doc.tasks] == ["经济发展", "经济发展"]
    assert not [d for d in doc.diagnostics if d.code == "empty-column"]


def test_a_unit_name_wrapped_in_a_narrow_column_is_a_unit() -> None:
    from tasktable.names import is_unit_list

    assert is_unit_list("县科技服务\n中心")
    assert is_unit_list("县水务局\n县住建局")


NOTE_TABLE = (
    "| 序号 | 工作任务 | 责任股室 | 完成时限 |\n|---|---|---|---|\n"
    "| 1 | 政务服务事项“一网通办”率达到95%以上。 | 政务服务股 | 2024年12月底前 |\n"
    "| 2 | 新增集成服务场景15个。 | 政务服务股 | 2024年10月底前 |\n"
)


@pytest.mark.parametrize(
    "row",
    [
        "| 注：各责任股室于每季度末5日前报送工作进展情况。 |  |  |  |",
        "| 注1：完成时限均为2024年。 |  |  |  |",
        "| 备注：以上任务按季度督查。 |  |  |  |",
        "|  | 说明：1.以上项目由区政府督查室按季度督查通报；2.各单位每月报送。 |  |  |",
        "| 说明：以上任务按季度督查。 | 说明：以上任务按季度督查。 "
        "| 说明：以上任务按季度督查。 | 说明：以上任务按季度督查。 |",
    ],
)
def test_note_row_inside_the_table_became_a_sub_task(row: str) -> None:
    doc = tasktable.parse(NOTE_TABLE + row + "\n", year=2024)
    assert [(t.seq, t.sub) for t in doc.tasks] == [(1, 1), (2, 1)]
    (note,) = [d for d in doc.diagnostics if d.code == "note-row"]
    assert note.text is not None and note.text in row and note.line == 5


@pytest.mark.parametrize(
    "line",
    [
        "续表",
        "续上表",
        "（续表）",
        "接上表",
        "— 2 —",
        "-2-",
        "第 2 页 共 5 页",
        "第2页",
        "共5页 第2页",
    ],
)
def test_page_line_swallowed_into_the_table_became_a_task_or_heading(line: str) -> None:
    rows = "| 3 | 完成县级政务数据共享交换平台升级。 | 数据资源股 | 2024年9月底前 |\n"
    text = NOTE_TABLE + line + "\n" + NOTE_TABLE.split("\n", 2)[0] + "\n|---|---|---|---|\n" + rows
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.theme, t.project) for t in doc.tasks] == [
        (1, None, None),
        (2, None, None),
        (3, None, None),
    ]
    assert [d.text for d in doc.diagnostics if d.code == "page-line"] == [line]


_PROJECTS = (
    "| 序号 | 项目名称 | 建设内容 | 总投资（万元） | 责任单位 |\n|---|---|---|---|---|\n"
    "| 1 | 县医院新院区 | 新建综合楼12万平方米。 | 98000 | 县卫健委 |\n"
    "| 2 | 乡村振兴示范带 | 打造示范村5个。 | 12000 | 县农业农村局 |\n"
)


@pytest.mark.parametrize(
    "row",
    [
        "| 合计 |  |  | 110000 |  |",
        "|  | 总计 |  | 110000 |  |",
        "| 小计： | 2项 |  | 110,000 |  |",
        "| 共 计 |  |  | 11亿元 |  |",
        "| 合计 |  |  |  |  |",
    ],
)
def test_totals_row_was_merged_into_the_last_task_or_became_a_sub_task(row: str) -> None:
    doc = tasktable.parse(_PROJECTS + row + "\n", year=2024)
    assert [(t.seq, t.sub, t.project) for t in doc.tasks] == [
        (1, 1, "县医院新院区"),
        (2, 1, "乡村振兴示范带"),
    ]
    assert doc.tasks[1].extra == {"总投资（万元）": "12000"}
    (total,) = [d for d in doc.diagnostics if d.code == "totals-row"]
    assert total.line == 5 and total.text is not None
    assert all(text.strip() in total.text for text in row.split("|") if text.strip())


@pytest.mark.parametrize(
    "row",
    [
        "| 3 | 合计 | 统计全县投资。 | 100 | 县统计局 |",  # a task: 合计 is not its first text
        "| 合计 | 汇总全县项目投资。 |  |  |  |",  # text beside 合计, not numbers
        "| 合计投资 |  |  | 110000 |  |",  # 合计 not alone in its cell
    ],
)
def test_rows_naming_a_total_with_text_are_no_totals_row(row: str) -> None:
    doc = tasktable.parse(_PROJECTS + row + "\n", year=2024)
    assert not [d for d in doc.diagnostics if d.code == "totals-row"]


def test_one_cell_rows_that_are_task_text_stay_tasks() -> None:
    # Only a note's or a page line's text is set apart: a heading or task text is not.
    doc = tasktable.parse(NOTE_TABLE + "| 注重实效，完成年度目标 |  |  |  |\n", year=2024)
    assert not [d for d in doc.diagnostics if d.code in ("note-row", "page-line")]


@pytest.mark.parametrize("written", ["1★", "★1", "1☆", "▲1", "1*", "1＊", "1※", "（1）★", "1.★"])
def test_a_marked_seq_was_not_a_number(written: str) -> None:
    text = NOTE_TABLE.replace("| 1 |", f"| {written} |")
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.sub) for t in doc.tasks] == [(1, 1), (2, 1)]
    assert not [d for d in doc.diagnostics if d.code == "seq-not-a-number"]
    (marked,) = [d for d in doc.diagnostics if d.code == "marked-seq"]
    assert (marked.seq, marked.text, marked.line) == (1, written, 3)
    assert marked.args["mark"] == "".join(c for c in written if c in "★☆▲*＊※")


@pytest.mark.parametrize(
    "table",
    [
        # a 任务来源 (source) column left of the tasks: 任务来源 holds 任务 (task), a content
        # word, and took the content from 工作任务
        "| 序号 | 任务来源 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 政府工作报告 | 建成县城第二水厂，日供水能力达到5万吨。 | 县水务集团 | 12月底前 |\n"
        "| 2 | 县委全会 | 新引进10亿元以上项目3个。 | 县招商服务中心 | 12月底前 |\n"
        "| 3 | 政府工作报告 | 完成城区雨污分流改造15公里。 | 县住建局 | 9月底前 |\n",
        # a 工作要求 (requirement) column of short labels right of the tasks
        "| 序号 | 工作任务 | 工作要求 | 责任股室 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 开展县本级预算执行和决算草案审计。 | 全覆盖 | 财政审计股 | 7月底前 |\n"
        "| 2 | 完成领导干部经济责任审计项目12个。 | 按计划推进 | 经济责任审计股 | 12月底前 |\n",
        # a column whose header names the content (目标要求, goals and requirements) holding
        # short labels beside the sentences of 工作任务: the sentences are the content
        "| 序号 | 重点工作 | 目标要求 | 责任股室 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 开展县本级预算执行和决算草案审计。 | 全覆盖 | 财政审计股 | 7月底前 |\n"
        "| 2 | 完成领导干部经济责任审计项目12个。 | 按计划推进 | 经济责任审计股 | 12月底前 |\n",
        # a 成果形式 (form of the result) column after the others
        "| 序号 | 重点任务 | 责任科室 | 完成时限 | 成果形式 |\n|---|---|---|---|---|\n"
        "| 1 | 编制全区规划基本思路研究报告。 | 规划科 | 10月底前 | 研究报告 |\n"
        "| 2 | 开展年度重大项目谋划储备，形成项目库。 | 投资科 | 6月底前 | 项目清单 |\n",
    ],
)
def test_a_short_label_column_took_the_content_from_the_task_sentences(table: str) -> None:
    # An unknown column of short labels became the content and the task sentences under
    # 工作任务 / 重点任务 the project. The labels stay extra, under their header.
    document = tasktable.parse(table)
    roles = {column.header: column.role for column in document.columns}
    short = next(header for header in roles if header not in _NAMED)
    assert (roles[short], list(roles.values()).count("content")) == ("extra", 1)
    assert "project" not in roles.values()
    assert all(task.content and task.content.endswith("。") for task in document.tasks)
    assert all(task.extra.get(short) for task in document.tasks)


_NAMED = {
    "序号",
    "工作任务",
    "重点工作",
    "重点任务",
    "责任单位",
    "责任股室",
    "责任科室",
    "完成时限",
}


def test_a_source_written_again_further_down_is_no_theme() -> None:
    # 政府工作报告 came back after 县委全会: labels that recur without running over rows
    # group nothing (a merged theme runs over the rows below it, blank or repeated).
    table = (
        "| 序号 | 来源 | 工作内容 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 政府工作报告 | 建成县城第二水厂。 | 县水务集团 |\n"
        "| 2 | 县委全会 | 新引进10亿元以上项目3个。 | 县招商服务中心 |\n"
        "| 3 | 政府工作报告 | 完成城区雨污分流改造15公里。 | 县住建局 |\n"
        "| 4 | 民生实事 | 新建口袋公园8个。 | 县城管局 |\n"
    )
    document = tasktable.parse(table)
    assert [column.role for column in document.columns][1] == "project"
    assert [task.theme for task in document.tasks] == [None] * 4


def test_short_rows_of_a_word_table_flipped_the_text_roles() -> None:
    # markitdown from Word drops the merged 主要任务 cell from rows 2 and 4: their sentence
    # stood under 主要任务 and their date under 工作措施, and 主要任务 read as the content.
    # Roles are read from the rows that write every cell; realignment places the others.
    table = (
        "| **序号** | **主要任务** | **工作措施** | **完成时限** | **责任科室** |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 安全生产专项整治 | 开展危险化学品企业安全风险隐患排查。 | 6月底前 | 危化科 |\n"
        "| 2 | 开展工贸行业有限空间作业专项整治。 | 9月底前 |\n"
        "| 3 | 防灾减灾救灾 | 修订区级自然灾害救助应急预案。 | 汛期前 | 救灾科 |\n"
        "| 4 | 创建全国综合减灾示范社区2个。 | 10月底前 |\n"
    )
    document = tasktable.parse(table)
    assert [column.role for column in document.columns][1:3] == ["project", "content"]
    assert [(t.project, t.schedule, t.departments) for t in document.tasks] == [
        ("安全生产专项整治", "6月底前", ["危化科"]),
        ("安全生产专项整治", "9月底前", ["危化科"]),
        ("防灾减灾救灾", "汛期前", ["救灾科"]),
        ("防灾减灾救灾", "10月底前", ["救灾科"]),
    ]
    assert document.tasks[1].content == "开展工贸行业有限空间作业专项整治。"


@pytest.mark.parametrize("header", ["目标值", "预期目标", "2024年指标"])
def test_a_column_of_target_percentages_was_read_as_progress(header: str) -> None:
    # 6%, 8% under a header naming a goal are what is planned: no progress report.
    table = (
        f"| 序号 | 主要指标 | {header} | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 地区生产总值增速 | 6% | 县发改委 | 全年 |\n"
        "| 2 | 固定资产投资增速 | 8% | 县发改委 | 全年 |\n"
        "| 3 | 社会消费品零售总额增速 | 7.5% | 县商务局 | 全年 |\n"
    )
    document = tasktable.parse(table)
    assert "progress" not in [column.role for column in document.columns]
    assert [(t.progress, t.extra) for t in document.tasks] == [
        (None, {header: "6%"}),
        (None, {header: "8%"}),
        (None, {header: "7.5%"}),
    ]
    assert document.tasks[0].content == "地区生产总值增速"


def test_a_goal_column_that_reports_in_words_is_progress() -> None:
    # The header names a goal, but the cells say what was done: a report.
    table = (
        "| 序号 | 工作内容 | 目标完成 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 新建污水处理厂一座。 | 已完成 | 县住建局 |\n"
        "| 2 | 改造雨污管网20公里。 | 正在推进 | 县住建局 |\n"
    )
    roles = [column.role for column in tasktable.parse(table).columns]
    assert roles == ["seq", "content", "progress", "departments"]


_CUT_HEAD = "| 序号 | 具体措施 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n"


@pytest.mark.parametrize(
    ("above", "below", "unit"),
    [
        ("市自然资源", "局", "市自然资源局"),  # a unit suffix alone
        ("市政务服务", "中心", "市政务服务中心"),
        ("公共法律服", "务股", "公共法律服务股"),  # 务股 alone reads as a name; joined, one
    ],
)
def test_row_cut_at_a_page_break_with_its_unit_cell_cut_became_a_sub_task(
    above: str, below: str, unit: str
) -> None:
    text = (
        _CUT_HEAD
        + "| 1 | 一般登记办理时间压缩至3个工作日。 | 市自然资源局 | 2024年9月底前 |\n"
        + f"| 2 | 推进水电气网联动过户，实现“一窗 | {above} | 2024年12月 |\n\n"
        + _CUT_HEAD
        + f"|  | 受理”。 | {below} | 底前 |\n"
        + "| 3 | 开展政银企对接活动不少于10场。 | 市金融办 | 全年 |\n"
    )
    tasks = tasktable.parse(text).tasks
    assert [(t.seq, t.sub) for t in tasks] == [(1, 1), (2, 1), (3, 1)]
    assert (tasks[1].content, tasks[1].schedule, tasks[1].departments) == (
        "推进水电气网联动过户，实现“一窗受理”。",
        "2024年12月底前",
        [unit],
    )


@pytest.mark.parametrize(
    ("above", "below", "page_break"),
    [
        ("市自然资源局", "市金融办", "\n" + _CUT_HEAD),  # a whole name above: a unit of its own
        ("市自然资源", "局", ""),  # on one page a row is never a page-break continuation
    ],
)
def test_a_unit_of_its_own_below_a_cut_row_still_makes_a_sub_task(
    above: str, below: str, page_break: str
) -> None:
    text = (
        _CUT_HEAD
        + f"| 1 | 推进水电气网联动过户，实现“一窗 | {above} | 2024年12月 |\n"
        + page_break
        + f"|  | 开展政银企对接活动。 | {below} | 全年 |\n"
    )
    assert [(t.seq, t.sub) for t in tasktable.parse(text).tasks] == [(1, 1), (1, 2)]


_TASK_HEAD = "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"


@pytest.mark.parametrize(
    "label_row",
    [
        "|  | **党的建设** |  |  |",  # in the content column
        "| **党的建设** |  |  |  |",  # in the 序号 column
        "|  |  | __党的建设__ |  |",  # in any other
    ],
)
def test_bold_label_without_a_number_became_a_task_with_a_backfilled_department(
    label_row: str,
) -> None:
    text = (
        _TASK_HEAD
        + label_row
        + "\n| 1 | 组织党员干部集中轮训2期。 | 机关党委 | 上半年 |\n"
        + "| 2 | 开展“模范机关”创建。 | 机关党委 | 每季度 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.theme) for t in doc.tasks] == [(1, "党的建设"), (2, "党的建设")]


@pytest.mark.parametrize(
    "row",
    [
        "|  | 完成办公用房清理整治 |  |  |",  # not bold: a sub-task's short text
        "|  | **完成办公用房清理整治。** |  |  |",  # a bold sentence
        "|  |  | **县机关事务局** |  |",  # a bold unit
    ],
)
def test_a_short_row_that_is_no_bold_label_is_no_heading(row: str) -> None:
    text = _TASK_HEAD + "| 1 | 组织党员干部集中轮训2期。 | 机关党委 | 上半年 |\n" + row + "\n"
    assert [(t.seq, t.sub) for t in tasktable.parse(text, year=2024).tasks] == [(1, 1), (1, 2)]


def test_a_bold_label_among_a_tasks_sub_rows_took_the_next_sub_task_as_a_heading() -> None:
    """| | **完成验收** | above a row without 序号 gave that row seq None, theme 完成验收 and
    a first-row warning: a heading opens numbered tasks, a label among sub-rows is one."""
    text = (
        _TASK_HEAD
        + "| 1 | 推进老旧小区改造 | 县住建局 | 6月底前 |\n"
        + "|  | **完成验收** |  |  |\n"
        + "|  | 开展综合评估 | 县财政局 | 12月底前 |\n"
    )
    tasks = tasktable.parse(text, year=2024).tasks
    assert [(t.seq, t.theme) for t in tasks] == [(1, None)] * len(tasks)


def test_bold_label_below_a_numbered_heading_is_the_second_level() -> None:
    text = (
        _TASK_HEAD
        + "| 一 | 机关建设 |  |  |\n"
        + "|  | **党的建设** |  |  |\n"
        + "| 1 | 组织党员干部集中轮训2期。 | 机关党委 | 上半年 |\n"
    )
    (task,) = tasktable.parse(text, year=2024).tasks
    assert (task.theme, task.project) == ("机关建设", "党的建设")


_NUMBERED_HEAD = "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"


@pytest.mark.parametrize("numbers", ["| 1 | 2 | 3 | 4 | 5 |", "| 0 | 1 | 2 | 3 | 4 |"])
def test_row_of_column_numbers_under_the_header_became_a_task(numbers: str) -> None:
    task_row = "| {} | 新增规上工业企业15家。 | 县经信局 | 县统计局 | 2024年12月底前 |\n"
    text = (
        _NUMBERED_HEAD
        + numbers
        + "\n"
        + task_row.format(1)
        + "\n"
        + _NUMBERED_HEAD
        + numbers
        + "\n"
        + task_row.format(2)
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.departments) for t in doc.tasks] == [(1, ["县经信局"]), (2, ["县经信局"])]
    kept = [d.text for d in doc.diagnostics if d.code == "column-numbers"]
    assert kept == [numbers.strip("| ").replace(" | ", " | ")] * 2


@pytest.mark.parametrize(
    "row",
    [
        "| 1 | 2 | 3 | 4 | 6 |",  # not in order
        "| 1 | 2 | 3 | 4 |  |",  # a cell blank
    ],
)
def test_a_row_of_numbers_that_does_not_number_the_columns_is_read(row: str) -> None:
    text = _NUMBERED_HEAD + row + "\n"
    doc = tasktable.parse(text, year=2024)
    assert not [d for d in doc.diagnostics if d.code == "column-numbers"]


def test_column_numbers_below_a_task_on_the_same_page_are_no_header_furniture() -> None:
    text = (
        _NUMBERED_HEAD
        + "| 1 | 新增规上工业企业15家。 | 县经信局 | 县统计局 | 2024年12月底前 |\n"
        + "| 1 | 2 | 3 | 4 | 5 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert not [d for d in doc.diagnostics if d.code == "column-numbers"]
