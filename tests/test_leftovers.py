"""Converter leftovers (SPEC §4, issue 16): what spreadsheet and document converters leave in a
table that is no text of it. Each fixture below is made from the rule it tests, in the shape
the converter writes (markitdown on XLSX: pandas' DataFrame as a pipe table; docling: merged
text repeated in every covered cell; pymupdf4llm without layout: covered cells filled from
the left; pandoc -t markdown: multiline and grid tables)."""

from __future__ import annotations

from datetime import date

import pytest

import tasktable
from tasktable import ForeignTableError
from tasktable.models import Placement
from tasktable.stages.read import read_tables
from tasktable.stages.stitch import Grid, stitch_tables


def _cells(text: str) -> list[tuple[str, ...]]:
    return [row.cells for table in read_tables(text).tables for row in table.rows]


# markitdown on XLSX -------------------------------------------------------------------------

_DATAFRAME = """## Sheet1
| 序号 | 项目名称 | 项目内容 | 责任单位 |
| --- | --- | --- | --- |
| 1.0 | 道路 | 修建道路3公里。 | 县交通局\\n县住建局 |
| 2.0 | NaN | 硬化路面2公里。 | NaN |
| 3.0 | 供水 | 新建水厂1座。 | 县水务局 |
| NaN | None | 改造管网5公里。 | nan |
"""


@pytest.mark.parametrize("blank", ["NaN", "nan", "None"])
def test_a_dataframe_writers_missing_value_is_a_blank_cell(blank: str) -> None:
    text = f"| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n| 1 | 修路。 | {blank} |\n"
    assert _cells(text)[1] == ("1", "修路。", "")


def test_missing_values_are_carried_like_any_blank_merged_cell() -> None:
    doc = tasktable.parse(_DATAFRAME)
    assert [(t.seq, t.project, t.departments) for t in doc.tasks][:3] == [
        (1, "道路", ["县交通局", "县住建局"]),
        (2, "道路", ["县交通局", "县住建局"]),
        (3, "供水", ["县水务局"]),
    ]
    assert "改造管网5公里。" in (doc.tasks[-1].content or "")  # NaN, None, nan: no text


_MERGE_MARKED = """## Sheet1
| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |
| --- | --- | --- | --- | --- | --- |
| 1 | 蓝天保卫战 | 重点行业减排 | 完成钢铁企业超低排放改造2家。 | 11月底前 | 大气环境科 |
| 2 | {b} | 移动源污染防治 | 淘汰国三柴油货车500辆。 | 12月底前 | {b} |
| 3 | {b} | {b} | 开展非道路移动机械抽测。 | 全年 | 执法支队 |
"""


@pytest.mark.parametrize("blank", ["NaN", "nan", "None"])
def test_a_department_marked_merged_over_at_a_new_project_carries_not_backfills(
    blank: str,
) -> None:
    """A DataFrame writer (NaN) or pdfplumber (None) marks the cells a merge covers: the
    merged department is in its span's top cell, row 1, and row 2 is under it; the
    backfill from below (SPEC §4) is for converters that leave covered cells empty."""
    doc = tasktable.parse(_MERGE_MARKED.format(b=blank))
    second = doc.tasks[1]
    assert [t.departments for t in doc.tasks] == [["大气环境科"], ["大气环境科"], ["执法支队"]]
    assert (second.origin["departments"].how, second.origin["departments"].line) == (
        "carried",
        4,
    )
    assert "backfilled" not in [d.code for d in doc.diagnostics]


def test_an_empty_department_cell_at_a_new_project_is_still_backfilled() -> None:
    """Only a column whose blanks are written as merge marks is read so: with empty cells
    the merged text may sit mid-span, and the row takes the department below."""
    doc = tasktable.parse(_MERGE_MARKED.format(b=""))
    assert doc.tasks[1].departments == ["执法支队"]
    assert doc.tasks[1].origin["departments"].how == "backfilled"


def test_only_the_columns_holding_merge_marks_carry_instead_of_backfilling() -> None:
    """A department column left empty stays backfilled where another column (the theme)
    holds the marks: the flag is per column."""
    text = _MERGE_MARKED.format(b="NaN").replace("| NaN |\n", "|  |\n")
    assert "| 12月底前 |  |" in text
    doc = tasktable.parse(text)
    assert doc.tasks[1].departments == ["执法支队"]


_THEME_BELOW_ITS_FIRST_ROW = """## Sheet1
| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |
| --- | --- | --- | --- | --- | --- |
| 1 | NaN | 重点行业减排 | 完成钢铁企业超低排放改造2家。 | 11月底前 | 大气环境科 |
| 2 | 蓝天保卫战 | NaN | 淘汰国三柴油货车500辆。 | 12月底前 | NaN |
| 3 | NaN | NaN | 开展非道路移动机械抽测。 | 全年 | 执法支队 |
| 4 | 碧水保卫战 | 水源地保护 | 开展水源地排查。 | 全年 | 水环境科 |
"""


def test_a_table_with_merge_marks_is_never_read_as_centred() -> None:
    """A blank first-row theme is a sign of labels printed mid-span (SPEC §4), but a writer
    that marks merged-over cells put every label in its span's top cell: row 1's theme cell
    is empty in the sheet, 蓝天保卫战 starts on row 2, and no style is in doubt."""
    doc = tasktable.parse(_THEME_BELOW_ITS_FIRST_ROW)
    assert [t.theme for t in doc.tasks] == [None, "蓝天保卫战", "蓝天保卫战", "碧水保卫战"]
    assert not [d.code for d in doc.diagnostics if d.code.startswith("uncertain")]
    assert "backfilled" not in [d.code for d in doc.diagnostics]


def test_a_literal_backslash_n_is_a_line_break() -> None:
    text = "| 序号 | 责任单位 |\n|---|---|\n| 1 | 县交通局\\n县住建局 |\n| 2 | 甲\\r\\n乙 |\n"
    assert _cells(text)[1:] == [("1", "县交通局\n县住建局"), ("2", "甲\n乙")]


def test_integers_a_float_column_printed_as_floats_are_integers() -> None:
    """pandas prints a column of integers with a missing cell as floats: 1.0, NaN, 2.0."""
    assert [row[0] for row in _cells(_DATAFRAME)] == ["序号", "1", "2", "3", ""]
    assert [t.seq for t in tasktable.parse(_DATAFRAME).tasks][:3] == [1, 2, 3]


@pytest.mark.parametrize(
    ("column", "kept"),
    [
        (["1.0", "NaN", "2.5"], ["1.0", "", "2.5"]),  # a real decimal: a float column
        (["1.0", "2.0", "3.0"], ["1.0", "2.0", "3.0"]),  # no missing cell: as written
        (["1.0", "NaN", "第二"], ["1.0", "", "第二"]),  # text: no number column at all
    ],
    ids=["decimal", "no-missing-cell", "text"],
)
def test_floats_stay_where_the_column_is_no_integer_column(
    column: list[str], kept: list[str]
) -> None:
    text = "| 目标值 | 项目内容 |\n|---|---|\n" + "".join(f"| {c} | 做。 |\n" for c in column)
    assert [row[0] for row in _cells(text)[1:]] == kept


_TITLED = """## Sheet1
| 某县2021年重点工作责任分解 | Unnamed: 1 | Unnamed: 2 |
| --- | --- | --- |
| 序号 | 项目内容 | 责任单位 |
| 1 | 修建道路3公里。 | 县交通局 |
| 2 | 新建水厂1座。 | 县水务局 |
"""


def test_a_header_of_pandas_placeholders_is_a_title_over_the_real_header() -> None:
    doc = tasktable.parse(_TITLED)
    assert (doc.title, doc.year) == ("某县2021年重点工作责任分解", 2021)
    assert [c.role for c in doc.columns] == ["seq", "content", "departments"]
    assert [t.content for t in doc.tasks] == ["修建道路3公里。", "新建水厂1座。"]
    # The title row is the title, not a row before the header, nor a table row lost.
    assert not [d for d in doc.diagnostics if d.level != "info"]


@pytest.mark.parametrize("blank", ["None", "NaN", "nan", "Unnamed: {i}"])
def test_title_row_with_none_cells_gave_no_title_and_no_year(blank: str) -> None:
    # pdfplumber writes a merged title row as title | None | None: read as pandas' title |
    # Unnamed: 1 | Unnamed: 2 is, the title over the real header.
    cells = " | ".join(blank.format(i=i) for i in (1, 2))
    text = _TITLED.replace("Unnamed: 1 | Unnamed: 2", cells)
    doc = tasktable.parse(text)
    assert (doc.title, doc.year) == ("某县2021年重点工作责任分解", 2021)
    assert [t.content for t in doc.tasks] == ["修建道路3公里。", "新建水厂1座。"]
    assert not [d for d in doc.diagnostics if d.level != "info"]


def test_a_header_of_placeholders_only_names_no_title() -> None:
    """Unnamed: 0 | Unnamed: 1 | Unnamed: 2 (a sheet without a header row) gave the title
    "Unnamed: 0": the title rule for blanks took a placeholder first cell for text."""
    text = _TITLED.replace("某县2021年重点工作责任分解", "Unnamed: 0")
    assert (tasktable.parse(text).title, read_tables(text).title) == (None, None)


def test_a_title_over_blanks_has_its_line_breaks_restored() -> None:
    """title\\n(草案) | NaN | NaN kept the literal backslash-n in the title: the rule for
    blanks read the row as written, the rule for placeholders the row with breaks made real."""
    text = _TITLED.replace("责任分解 | Unnamed: 1 | Unnamed: 2", "责任分解\\n（草案） | NaN | NaN")
    assert tasktable.parse(text).title == "某县2021年重点工作责任分解\n（草案）"


def test_a_title_row_that_is_not_the_title_stays_in_the_table() -> None:
    """A line above naming the document wins; the title row's text is kept, not lost."""
    doc = tasktable.parse("2021年重点工作任务分解表\n\n" + _TITLED.split("\n", 1)[1])
    assert doc.title == "2021年重点工作任务分解表"
    skipped = [d for d in doc.diagnostics if d.code == "row-before-header"]
    assert [d.text for d in skipped] == ["某县2021年重点工作责任分解"]


def test_placeholders_in_a_header_are_no_header_text() -> None:
    text = "| 序号 | Unnamed: 1 | 项目内容 |\n|---|---|---|\n| 1 | 道路 | 修路。 |\n"
    assert _cells(text)[0] == ("序号", "", "项目内容")


# pymupdf4llm: PyMuPDF's Table.to_markdown names an empty header cell Col1, Col2…
_PAGED = """|序号|主题|项目内容|责任部门|
|---|---|---|---|
|1|碧水保卫战|国省考断面水质优良比例达到85%以上。|水生态环境科|
|2||完成饮用水水源地环境问题排查整治。||

|3|Col2|推进受污染耕地安全利用。|Col4|
|---|---|---|---|
|4|净土保卫战|完成土壤污染重点监管单位隐患排查。|土壤科|
"""


def test_pymupdf_col_placeholders_on_a_headerless_page_were_read_as_theme_and_unit() -> None:
    """A page whose table has no header row: PyMuPDF took task 3 for the header and wrote its
    blank theme and unit cells as Col2 and Col4, which were read as the theme and the unit
    rather than blanks carried from task 2."""
    doc = tasktable.parse(_PAGED)
    assert [(t.seq, t.theme, t.departments) for t in doc.tasks] == [
        (1, "碧水保卫战", ["水生态环境科"]),
        (2, "碧水保卫战", ["水生态环境科"]),
        (3, "碧水保卫战", ["水生态环境科"]),
        (4, "净土保卫战", ["土壤科"]),
    ]


@pytest.mark.parametrize(
    ("cell", "blank"),
    [("Col2", True), ("Col12", True), ("Col", False), ("Col2a", False), ("col2", False)],
)
def test_only_a_whole_col_and_digits_header_cell_is_a_placeholder(cell: str, blank: bool) -> None:
    text = f"| 序号 | {cell} | 项目内容 |\n|---|---|---|\n| 1 | {cell} | 修路。 |\n"
    header, row = _cells(text)
    assert header[1] == ("" if blank else cell)
    assert row[1] == cell  # a data row's cell is text, whatever it says


def test_a_header_of_col_placeholders_is_a_title_over_the_real_header() -> None:
    doc = tasktable.parse(_TITLED.replace("Unnamed: 1 | Unnamed: 2", "Col2 | Col3"))
    assert (doc.title, doc.year) == ("某县2021年重点工作责任分解", 2021)
    assert [t.content for t in doc.tasks] == ["修建道路3公里。", "新建水厂1座。"]


@pytest.mark.parametrize("sheet", ["Sheet1", "sheet2", "工作表1"])
def test_a_default_sheet_name_is_not_the_title(sheet: str) -> None:
    text = f"## {sheet}\n| 序号 | 项目内容 |\n| --- | --- |\n| 1 | 修路。 |\n"
    assert read_tables(text).title is None


def test_a_named_sheet_is_a_title() -> None:
    text = "## 2021年民生实事\n| 序号 | 项目内容 |\n| --- | --- |\n| 1 | 修路。 |\n"
    assert read_tables(text).title == "2021年民生实事"


# docling: bold header cells, merged text repeated across and down -------------------------

_DOCLING = """| **序号** | **重点工作** | **牵头单位** | **责任单位** |
|---|---|---|---|
| **一、稳定经济增长** | **一、稳定经济增长** | **一、稳定经济增长** | **一、稳定经济增长** |
| 1 | 地区生产总值增长6%。 | 区发改局 | 各街道 |
| 2 | 规模工业增加值增长5%。 | 区工信局 | 区工信局 |
| 二、改善民生 | 二、改善民生 | 二、改善民生 | 二、改善民生 |
| 3 | 新增就业1000人。 | 区人社局 | 各街道 |
"""


def _grid(text: str) -> Grid:
    grid = stitch_tables(read_tables(text).tables)
    assert grid is not None
    return grid


def test_bold_header_cells_are_a_header() -> None:
    assert [c.role for c in tasktable.parse(_DOCLING).columns] == [
        "seq",
        "content",
        "departments",
        "partners",
    ]


def test_a_heading_repeated_in_every_cell_is_one_heading() -> None:
    grid = _grid(_DOCLING)
    assert [row.cells for row in grid.rows if not row.cells[0].isdigit()] == [
        ("一、稳定经济增长", "", "", ""),
        ("二、改善民生", "", "", ""),
    ]
    doc = tasktable.parse(_DOCLING)
    assert [(t.seq, t.theme) for t in doc.tasks] == [
        (1, "稳定经济增长"),
        (2, "稳定经济增长"),
        (3, "改善民生"),
    ]
    assert [d.text for d in doc.diagnostics if d.code == "section"] == [
        "一、稳定经济增长",
        "二、改善民生",
    ]


@pytest.mark.parametrize(
    "cells",
    [
        ("一、改善民生", "一、改善民生", "一、改善民生", ""),  # a named column left blank
        ("一、改善民生", "二、扩大开放", "一、改善民生", "一、改善民生"),  # another text
    ],
    ids=["blank-named-column", "another-text"],
)
def test_a_row_not_one_text_across_every_named_column_stays_as_written(
    cells: tuple[str, ...],
) -> None:
    text = "| 序号 | 项目内容 | 牵头单位 | 责任单位 |\n|---|---|---|---|\n| " + " | ".join(cells)
    assert _grid(text + " |\n").rows[0].cells[:2] == cells[:2]  # not one heading in cell 1


# pymupdf4llm without layout: cells under a merge filled from the left ---------------------

_LEFT_FILLED = """| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 牵头单位 | 责任单位 |
|---|---|---|---|---|---|---|
| 1 | 稳定生产 | 粮食 | 稳定播种面积。 | 全年 | 种植股 | 各乡镇 |
| 2 | 2 | 2 | 抓好田间管理。 | 6月底前 | 6月底前 | 6月底前 |
| 3 | 3 | 生猪 | 稳定生猪出栏。 | 全年 | 畜牧股 | 畜牧股 |
"""


def test_left_filled_cells_are_blank_where_the_table_shows_that_style() -> None:
    grid = _grid(_LEFT_FILLED)
    assert [row.cells[1:3] + row.cells[5:] for row in grid.rows] == [
        ("稳定生产", "粮食", "种植股", "各乡镇"),
        ("", "", "", ""),
        ("", "生猪", "畜牧股", "畜牧股"),  # 牵头单位 = 责任单位: two unit columns, data
    ]
    assert grid.left_filled == {"theme", "project", "departments", "partners"}
    doc = tasktable.parse(_LEFT_FILLED)
    assert [(t.theme, t.project, t.departments) for t in doc.tasks] == [
        ("稳定生产", "粮食", ["种植股"]),
        ("稳定生产", "粮食", ["种植股"]),
        ("稳定生产", "生猪", ["畜牧股"]),
    ]
    assert doc.merged["theme"] == "left-filled"


_NO_LEFT_FILL = """| 序号 | 主题 | 项目名称 | 项目内容 | 牵头单位 | 责任单位 |
|---|---|---|---|---|---|
| 1 | 商贸 | 市场 | 新建农贸市场1个。 | 县发改局 | 县财政局 |
| 2 | 党建 | 党建 | 开展主题党日12次。 | 县商务局 | 县商务局 |
"""


def test_repeats_are_data_where_the_table_shows_no_left_fill() -> None:
    """No cell repeats a neighbour of another kind: a project named like its theme and two
    unit columns naming the same unit are the table's text, not copies to blank."""
    grid = _grid(_NO_LEFT_FILL)
    assert grid.rows[1].cells == ("2", "党建", "党建", "开展主题党日12次。", "县商务局", "县商务局")
    assert grid.left_filled == frozenset()
    doc = tasktable.parse(_NO_LEFT_FILL)
    assert (doc.tasks[1].project, doc.tasks[1].departments) == ("党建", ["县商务局"])
    assert "县财政局" not in doc.tasks[1].partners
    assert not [d for d in doc.diagnostics if d.code == "left-repeat"]


def test_a_copy_of_a_copy_is_of_the_kind_it_was_copied_from() -> None:
    """|…|推进改造。|推进改造。|推进改造。|: a sentence copied into 牵头单位 and on into 责任单位
    is no pair of equal units: both copies are blank."""
    text = _LEFT_FILLED + "| 4 | 4 | 4 | 推进改造。 | 推进改造。 | 推进改造。 | 推进改造。 |\n"
    assert _grid(text).rows[-1].cells[4:] == ("推进改造。", "", "")


# pandoc -t markdown: tables that are not GFM -----------------------------------------------

_MULTILINE = """2021年重点工作任务分解表

---------------------------------------
 序号   项目内容
------ --------------------------------
 1      修建道路3公里，
        硬化路面2公里。
---------------------------------------
"""

_GRID = """2021年重点工作任务分解表

+------+--------------------+
| 序号 | 项目内容           |
+======+====================+
| 1    | 修建道路3公里。    |
+------+--------------------+
"""


@pytest.mark.parametrize(
    ("text", "line", "seen"),
    [(_MULTILINE, 5, "multiline or simple table"), (_GRID, 3, "grid table")],
    ids=["multiline", "grid"],
)
def test_a_pandoc_markdown_table_names_its_line_and_the_way_to_convert(
    text: str, line: int, seen: str
) -> None:
    with pytest.raises(ForeignTableError) as caught:
        tasktable.parse(text, source="plan.md")
    assert isinstance(caught.value, tasktable.NoTableError)
    assert caught.value.line == line
    assert seen in str(caught.value)
    assert "pandoc -t gfm" in str(caught.value)
    assert str(caught.value).startswith(f"plan.md:{line}: ")


def test_text_without_any_table_keeps_the_plain_message() -> None:
    with pytest.raises(tasktable.NoTableError) as caught:
        tasktable.parse("标题\n\n---\n\n只有一段文字。\n")
    assert type(caught.value) is tasktable.NoTableError
    assert "no Markdown table found" in str(caught.value)


def test_the_foreign_table_error_pickles() -> None:
    import pickle

    error = ForeignTableError("found; expected", source="in.md", line=5)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again)) == (ForeignTableError, "in.md:5: found; expected")


@pytest.mark.parametrize(
    ("merged", "project"),
    [("auto", "党建"), ("left", None), ("top", "党建")],
)
def test_the_users_merged_style_decides_left_fills(merged: Placement, project: str | None) -> None:
    """merged="left" reads every repeat as a copy (a project blank under a new theme);
    another forced style reads none."""
    doc = tasktable.parse(_NO_LEFT_FILL, merged=merged)
    assert doc.tasks[1].project == project
    assert tasktable.parse(_LEFT_FILLED, merged="top").tasks[1].theme == "2"


_TITLE_IN_TABLE = {
    # pymupdf4llm / MinerU: the merged title printed as the table's first (header) row.
    "pipe, blank cells": (
        "|**某区2024年城市管理重点工作任务分解表**||||\n|---|---|---|---|\n"
        "|**序号**|**工作任务**|**责任单位**|**完成时限**|\n"
    ),
    # docling: the merged title repeated in every cell it covers.
    "pipe, repeated": (
        "| 某区2024年城市管理重点工作任务分解表 | 某区2024年城市管理重点工作任务分解表 |"
        " 某区2024年城市管理重点工作任务分解表 | 某区2024年城市管理重点工作任务分解表 |\n"
        "|---|---|---|---|\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n"
    ),
}
_TITLE_ROWS = (
    "|1|完成背街小巷改造30条。|区城管局|10月底前|\n|2|新增泊位2000个。|区城管局|12月底前|\n"
)


@pytest.mark.parametrize("head", _TITLE_IN_TABLE.values(), ids=_TITLE_IN_TABLE.keys())
def test_a_title_row_inside_the_table_gave_no_title_and_no_year(head: str) -> None:
    doc = tasktable.parse(head + _TITLE_ROWS)
    assert (doc.title, doc.year) == ("某区2024年城市管理重点工作任务分解表", 2024)
    assert [t.content for t in doc.tasks] == ["完成背街小巷改造30条。", "新增泊位2000个。"]
    assert [t.milestones[0].when.end for t in doc.tasks] == [
        date(2024, 10, 31),
        date(2024, 12, 31),
    ]
    assert not [d for d in doc.diagnostics if d.level != "info"]


@pytest.mark.parametrize("head", _TITLE_IN_TABLE.values(), ids=_TITLE_IN_TABLE.keys())
def test_a_title_row_is_read_with_dataframe_leftovers_off(head: str) -> None:
    """A title merged over the table is no DataFrame leftover: switching that rule off left
    the title row a row before the header, and the document without a title and a year."""
    doc = tasktable.parse(head + _TITLE_ROWS, disable=["dataframe-leftovers"])
    assert (doc.title, doc.year) == ("某区2024年城市管理重点工作任务分解表", 2024)


def test_a_title_spanning_an_html_header_gave_no_title_and_no_year() -> None:
    text = (
        '<table><thead><tr><th colspan="4"><strong>附件：某县2024年安全生产重点工作任务清单'
        "</strong></th></tr>\n<tr><th>序号</th><th>工作任务</th><th>责任单位</th>"
        "<th>时间节点</th></tr></thead>\n<tbody><tr><td>1</td><td>排查隐患200处。</td>"
        "<td>县应急管理局</td><td>12月底前</td></tr></tbody></table>\n"
    )
    doc = tasktable.parse(text)
    assert (doc.title, doc.year) == ("附件：某县2024年安全生产重点工作任务清单", 2024)
    assert [t.content for t in doc.tasks] == ["排查隐患200处。"]


@pytest.mark.parametrize(
    "first",
    [
        "|重点任务||||",  # a header word of its own, not a title: a header of one word
        "|城市管理||||",  # names no plan: a row of text kept as written
    ],
)
def test_a_first_row_of_one_text_that_names_no_plan_is_no_title(first: str) -> None:
    text = first + "\n|---|---|---|---|\n|序号|工作任务|责任单位|完成时限|\n" + _TITLE_ROWS
    assert read_tables(text).title is None


_CAMELOT = (
    "|  | 0 | 1 | 2 | 3 | 4 |\n|---|---|---|---|---|---|\n"
    "| 0 | 序号 |  | 重点任务 | 责任股室 | 完成时限 |\n"
    "| 1 | 1 |  | 开展食品安全监督抽检2000批\\n次。 | 食品抽检股 | 2024 年 11\\n月底前 |\n"
    "| 2 | 2 |  | 新增注册商标500件。 | 知识产权股 | 全年 |\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _CAMELOT,
        # without the row index (index=False)
        "\n".join(
            line.split("|", 2)[0] + "|" + line.split("|", 2)[2]
            for line in _CAMELOT.split("\n")[:-1]
        )
        + "\n",
        # the real header as the DataFrame's, the row index kept
        "|  | 序号 | 重点任务 | 责任股室 |\n|---|---|---|---|\n"
        "| 0 | 1 | 开展食品安全监督抽检2000批次。 | 食品抽检股 |\n"
        "| 1 | 2 | 新增注册商标500件。 | 知识产权股 |\n",
    ],
    ids=["column and row index", "column index", "row index"],
)
def test_a_dataframe_index_hid_the_header(text: str) -> None:
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.departments) for t in doc.tasks] == [(1, ["食品抽检股"]), (2, ["知识产权股"])]
    assert doc.tasks[0].content == "开展食品安全监督抽检2000批次。"


def test_a_first_column_not_counting_from_zero_is_kept() -> None:
    text = "|  | 序号 | 重点任务 |\n|---|---|---|\n| 甲 | 1 | 修路。 |\n| 乙 | 2 | 建桥。 |\n"
    assert [row[0] for row in _cells(text)] == ["", "甲", "乙"]
