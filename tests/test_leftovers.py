"""Converter leftovers (SPEC §4, issue 16): what spreadsheet and document converters leave in a
table that is no text of it. Each fixture below is made from the rule it tests, in the shape
the converter writes (markitdown on XLSX: pandas' DataFrame as a pipe table; docling: merged
text repeated in every covered cell; pymupdf4llm without layout: covered cells filled from
the left; pandoc -t markdown: multiline and grid tables)."""

from __future__ import annotations

import pytest

import tasktable
from tasktable.stages.read import read_tables


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


def test_a_title_row_that_is_not_the_title_stays_in_the_table() -> None:
    """A line above naming the document wins; the title row's text is kept, not lost."""
    doc = tasktable.parse("2021年重点工作任务分解表\n\n" + _TITLED.split("\n", 1)[1])
    assert doc.title == "2021年重点工作任务分解表"
    skipped = [d for d in doc.diagnostics if d.code == "row-before-header"]
    assert [d.text for d in skipped] == ["某县2021年重点工作责任分解"]


def test_placeholders_in_a_header_are_no_header_text() -> None:
    text = "| 序号 | Unnamed: 1 | 项目内容 |\n|---|---|---|\n| 1 | 道路 | 修路。 |\n"
    assert _cells(text)[0] == ("序号", "", "项目内容")


@pytest.mark.parametrize("sheet", ["Sheet1", "sheet2", "工作表1"])
def test_a_default_sheet_name_is_not_the_title(sheet: str) -> None:
    text = f"## {sheet}\n| 序号 | 项目内容 |\n| --- | --- |\n| 1 | 修路。 |\n"
    assert read_tables(text).title is None


def test_a_named_sheet_is_a_title() -> None:
    text = "## 2021年民生实事\n| 序号 | 项目内容 |\n| --- | --- |\n| 1 | 修路。 |\n"
    assert read_tables(text).title == "2021年民生实事"
