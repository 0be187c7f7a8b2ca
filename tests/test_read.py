"""The reader: tables, cells, lines, title and year (SPEC §1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import tasktable
import tasktable.stages.read as read_module
from strategies import TaskTable, task_tables
from tasktable.stages.decode import decode_bytes, normalise_newlines
from tasktable.stages.read import read_tables, split_row, title_year


def cells(text: str) -> list[tuple[str, ...]]:
    return [row.cells for table in read_tables(text).tables for row in table.rows]


def test_row_longer_than_its_delimiter_row_keeps_every_cell() -> None:
    text = "| a | b |\n|---|---|\n| 1 | 2 | 3 | **4** |\n"
    assert cells(text)[1] == ("1", "2", "3", "4")


def test_short_row_is_padded_with_blank_cells() -> None:
    assert cells("| a | b | c |\n|---|---|---|\n| 1 |\n")[1] == ("1", "", "")


def test_a_short_row_is_told_from_a_row_written_with_blank_cells() -> None:
    # Padded, both read ("1", "", ""); only the short one lacks cells in the source, and its
    # texts may stand left of their columns (markitdown drops Word's merged cells).
    text = "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 |  |  |\n| 1 | 2 | 3 |\n"
    rows = read_tables(text).tables[0].rows
    assert [row.short for row in rows] == [False, True, False, False]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("x \\| y", "x | y"),  # escaped pipe is text, not a cell boundary
        ("**序**<br>**号**", "序\n号"),  # bold dropped, <br> kept as a line break
        ("a<br/>b", "a\nb"),
        ("a<BR />b", "a\nb"),
        ("A &amp; B", "A & B"),  # entities decoded
        ("`code`", "code"),
        ("*强调*文字", "强调文字"),
        ("  空格  ", "空格"),
        # bold markdown-it leaves as text (punctuation before the closing run, a letter after)
        ("**深化“跨省通办”。**新增事项30项。", "深化“跨省通办”。新增事项30项。"),
        (
            "**（一）提升。**完成3个。**（二）改造。**完成5个。",
            "（一）提升。完成3个。（二）改造。完成5个。",
        ),
        ("5**2", "5**2"),  # one run pairs with nothing: text
        ("**a<br>b**", "a\nb"),  # over a line break markdown-it pairs them itself
    ],
)
def test_cell_markup_is_reduced_to_text(cell: str, text: str) -> None:
    assert cells(f"| h |\n|---|\n| {cell} |\n")[1] == (text,)


def test_overflow_cells_get_markup_reduced_too() -> None:
    assert cells("| a |\n|---|\n| 1 | x \\| y | a<br>b |\n")[1] == ("1", "x | y", "a\nb")


def test_rows_carry_their_source_line_and_page() -> None:
    text = "title\n\n| a |\n|---|\n| 1 |\n\nnote\n\n| a |\n|---|\n| 2 |\n"
    tables = read_tables(text).tables
    assert [(t.page, [(r.line, r.head) for r in t.rows]) for t in tables] == [
        (1, [(3, True), (5, False)]),
        (2, [(9, True), (11, False)]),
    ]


def test_split_row_honours_escaped_pipes() -> None:
    assert split_row("| a | b \\| c |d|") == ["a", "b \\| c", "d"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("2019年市科协重点工作任务分解表\n\n| 序号 |\n|---|\n", "2019年市科协重点工作任务分解表"),
        ("# **某县2021年工作要点**\n\n| a |\n|---|\n", "某县2021年工作要点"),
        ("附件1\n\n关于印发2020年计划的通知\n\n| a |\n|---|\n", "关于印发2020年计划的通知"),
        ("附件1\n\n| a |\n|---|\n", "附件1"),  # no line names a document: the first line
        ("| a |\n|---|\n\n2019年表\n", None),  # text after the first table is no title
    ],
)
def test_title_is_the_line_naming_the_document(text: str, title: str | None) -> None:
    assert read_tables(text).title == title


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2019年市科协重点工作任务分解表", 2019),
        ("２０２１年重点工作", 2021),  # full-width digits
        ("二〇〇六年工作计划", 2006),  # Chinese numerals
        ("十四五规划重点任务", None),
        ("第1998号文", None),  # not followed by 年
        # two years: the task table's, not the review's or the date of issue
        ("某县2023年工作总结暨2024年重点工作任务分解表", 2024),
        ("2024年重点工作（2023年12月印发）", 2024),
        # a multi-year plan: its first year (docs/decisions.md)
        ("某县2024—2026年乡村振兴重点任务分解表", 2024),
        ("2024-2026年行动计划", 2024),
        ("2024年至2026年行动计划", 2024),
    ],
)
def test_plan_year_from_title(title: str, year: int | None) -> None:
    assert title_year(title) == year


def test_utf8_with_bom_and_crlf_reads_like_plain_utf8() -> None:
    data = "\ufeff标题\r\n\r\n| a |\r\n|---|\r\n| 1 |\r\n".encode()
    text = normalise_newlines(decode_bytes(data).text)
    assert cells(text) == [("a",), ("1",)]
    assert read_tables(text).title == "标题"


def test_gb18030_bytes_are_decoded() -> None:
    decoded = decode_bytes("| 序号 | 责任部门 |".encode("gb18030"))
    assert decoded.encoding == "gb18030" and decoded.text == "| 序号 | 责任部门 |"


# --- reading piece by piece (bounded memory) ---------------------------------------------------

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"


def test_pieces_end_only_at_blank_lines_outside_code_fences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_module, "CHUNK_LINES", 1)
    lines = ["a", "", "```", "| x | y |", "", "|---|---|", "```", "", "b", "", "c"]
    assert list(read_module._pieces(lines)) == [(0, 1), (2, 7), (8, 9), (10, 11)]


@pytest.mark.parametrize("chunk", [1, 2, 5, 40])
def test_reading_in_pieces_gives_the_whole_reading(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n\n".join([SAMPLE.read_text("utf-8")] * 3)
    whole = read_tables(text)
    monkeypatch.setattr(read_module, "CHUNK_LINES", chunk)
    assert read_tables(text) == whole


def test_fenced_table_with_blank_lines_stays_code_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "| 序号 | 项目内容 |\n|---|---|\n| 1 | 甲 |\n\n```\n| 2 | 乙 |\n\n\n| 3 | 丙 |\n```\n"
    monkeypatch.setattr(read_module, "CHUNK_LINES", 1)
    assert [row.cells for t in read_tables(text).tables for row in t.rows] == [
        ("序号", "项目内容"),
        ("1", "甲"),
    ]


@settings(max_examples=50)
@given(task_tables())
def test_generated_tables_read_the_same_in_pieces(table: TaskTable) -> None:
    whole = read_tables(table.markdown)
    saved = read_module.CHUNK_LINES
    read_module.CHUNK_LINES = 2
    try:
        assert read_tables(table.markdown) == whole
    finally:
        read_module.CHUNK_LINES = saved


@pytest.mark.parametrize(
    ("headers", "year"),
    [
        ("| 序号 | 2024年目标任务 | 责任单位 | 完成时限 |", 2024),  # the one year a header names
        ("| 序号 | 工作任务 | 责任单位 | 2024年完成时限 |", 2024),
        ("| 序号 | 工作任务 | 2023年完成值 | 2024年目标 | 完成时限 |", None),  # two: none
        ("| 序号 | 工作任务 | 责任单位 | 完成时限 |", None),
    ],
)
def test_without_a_year_in_the_title_a_header_naming_one_gives_it(
    headers: str, year: int | None
) -> None:
    width = headers.count("|") - 1
    cells = ["1", "新建学校2所。", "教育局", "12月底前", "是"][:width]
    text = f"{headers}\n|{'---|' * width}\n| {' | '.join(cells)} |\n"
    doc = tasktable.parse(text)
    assert doc.year == year
    assert any(d.code == "year-from-header" for d in doc.diagnostics) == (year is not None)


def test_the_title_year_wins_over_a_header_year() -> None:
    text = "2023年重点工作任务分解表\n\n| 序号 | 2024年目标任务 | 责任单位 |\n|---|---|---|\n| 1 | 做好工作。 | 办公室 |\n"
    assert tasktable.parse(text).year == 2023
