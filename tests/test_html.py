"""HTML tables inside the Markdown (issue 7): spans resolved exactly, and the same table
written by MinerU (HTML with rowspan), marker (merged cells blank) and docling (merged text
repeated) parses to the same records."""

from __future__ import annotations

import pytest

import tasktable
from tasktable.stages.html_tables import MAX_SPAN, read_html_tables

HEAD = ["序号", "主题", "项目名称", "项目内容", "序时进度", "责任部门"]
ROWS = [
    [
        "1",
        "坚持创新驱动，增强发展动能",
        "推进数字政府建设",
        "梳理政务服务事项，实现网上办理。",
        "6月底前完成",
        "县发改局",
    ],
    [
        "2",
        "坚持创新驱动，增强发展动能",
        "推进数字政府建设",
        "建设县级数据共享交换平台。",
        "年底前完成",
        "县发改局",
    ],
    [
        "3",
        "坚持创新驱动，增强发展动能",
        "实施科技企业培育",
        "培育国家高新技术企业5家。",
        "三季度",
        "县工信局",
    ],
    [
        "4",
        "聚焦民生实事，提升群众获得感",
        "完善养老服务体系",
        "新建日间照料站点3个。",
        "11月底前",
        "县民政局",
    ],
]
TITLE = "2024年某县重点工作任务分解表\n\n"

MINERU = TITLE + (
    "<table><tr><td>序号</td><td>主题</td><td>项目名称</td><td>项目内容</td><td>序时进度</td>"
    "<td>责任部门</td></tr>"
    '<tr><td>1</td><td rowspan="3">坚持创新驱动，增强发展动能</td><td rowspan="2">推进数字政府建设</td>'
    '<td>梳理政务服务事项，实现网上办理。</td><td>6月底前完成</td><td rowspan="2">县发改局</td></tr>'
    "<tr><td>2</td><td>建设县级数据共享交换平台。</td><td>年底前完成</td></tr>"
    "<tr><td>3</td><td>实施科技企业培育</td><td>培育国家高新技术企业5家。</td><td>三季度</td>"
    "<td>县工信局</td></tr>"
    "<tr><td>4</td><td>聚焦民生实事，提升群众获得感</td><td>完善养老服务体系</td>"
    "<td>新建日间照料站点3个。</td><td>11月底前</td><td>县民政局</td></tr></table>\n"
)


def pipe(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


def blank_repeats(rows: list[list[str]]) -> list[list[str]]:
    """marker: a merged cell's text on the first row of its span only."""
    out, before = [], None
    for row in rows:
        cells = list(row)
        if before:
            for column in (1, 2, 5):
                parents_same = all(row[c] == before[c] for c in range(1, column) if c in (1, 2))
                if row[column] == before[column] and parents_same:
                    cells[column] = ""
        out.append(cells)
        before = row
    return out


MARKER = TITLE + pipe(blank_repeats(ROWS))
DOCLING = TITLE + pipe(ROWS)


def records(text: str) -> list[tuple[object, ...]]:
    doc = tasktable.parse(text)
    return [(t.seq, t.theme, t.project, t.content, t.schedule, t.departments) for t in doc.tasks]


EXPECTED = [(int(r[0]), r[1], r[2], r[3], r[4], [r[5]]) for r in ROWS]


@pytest.mark.parametrize("text", [MINERU, MARKER, DOCLING], ids=["mineru", "marker", "docling"])
def test_three_converters_give_the_same_records(text: str) -> None:
    assert records(text) == EXPECTED


def test_table_continued_across_pages_in_both_forms() -> None:
    first, second = ROWS[:2], ROWS[2:]
    html_then_pipe = TITLE + MINERU.split("<tr><td>3</td>")[0] + "</table>\n\n" + pipe(second)
    pipe_then_html = (
        TITLE
        + pipe(blank_repeats(first))
        + "\n<table><tr><th>序号</th><th>主题</th><th>项目名称</th><th>项目内容</th>"
        + "<th>序时进度</th><th>责任部门</th></tr>"
        + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in second)
        + "</table>\n"
    )
    assert records(html_then_pipe) == EXPECTED
    assert records(pipe_then_html) == EXPECTED


def test_colspan_takes_its_first_column_and_rowspan_fills_down() -> None:
    (table,) = read_html_tables(
        '<table><tr><td colspan="3">一、总体目标</td></tr>'
        '<tr><td rowspan="2">a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>'
    )
    assert [row.cells for row in table] == [
        ["一、总体目标", "", ""],
        ["a", "b", "c"],
        ["a", "d", "e"],
    ]


def test_rowspan_past_the_last_cell_of_a_row_is_kept() -> None:
    (table,) = read_html_tables(
        '<table><tr><td>1</td><td rowspan="2">x</td></tr><tr><td>2</td></tr></table>'
    )
    assert [row.cells for row in table] == [["1", "x"], ["2", "x"]]


def test_cell_text_keeps_br_as_a_line_break_and_reads_entities() -> None:
    (table,) = read_html_tables(
        "<table><tr><td>县水务局<br/>县住建局</td><td>A &amp; B</td></tr></table>"
    )
    assert table[0].cells == ["县水务局\n县住建局", "A & B"]


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><td>1",  # unclosed
        '<table><tr><td rowspan="abc">1</td></tr></table>',  # bad span
        '<table><tr><td rowspan="99999999">1</td></tr></table>',  # huge span
        "<table><td>no row</td></table>",
        "</table></tr></td>",
    ],
)
def test_broken_html_never_raises(html: str) -> None:
    read_html_tables(html)


def test_a_huge_rowspan_is_cut_to_max_span_rows() -> None:
    """rowspan="99999999" from a broken converter: its text fills MAX_SPAN rows (the first
    included), no more, and the span recorded for its origin says MAX_SPAN, not 99999999."""
    rows = "".join(f"<tr><td>{number}</td></tr>" for number in range(2, MAX_SPAN + 3))
    (table,) = read_html_tables(
        f'<table><tr><td rowspan="99999999">标签</td><td>1</td></tr>{rows}</table>'
    )
    assert len(table) == MAX_SPAN + 2
    assert [row.cells[0] for row in table[:MAX_SPAN]] == ["标签"] * MAX_SPAN
    assert table[0].spans[0] == (1, MAX_SPAN)
    assert table[MAX_SPAN].cells == [str(MAX_SPAN + 1)]


def test_rowspan_values_are_explicit_with_the_rows_they_span() -> None:
    doc = tasktable.parse(MINERU)
    origins = [
        {role: (o.how, o.rows) for role, o in t.origin.items() if role in ("theme", "project")}
        for t in doc.tasks
    ]
    assert origins == [
        {"theme": ("explicit", 3), "project": ("explicit", 2)},
        {"theme": ("explicit", 3), "project": ("explicit", 2)},
        {"theme": ("explicit", 3), "project": ("explicit", None)},
        {"theme": ("explicit", None), "project": ("explicit", None)},
    ]


def _html_table(rows: list[tuple[str, str, str, str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>{cells}</table>"


_HEADER_ROW = ("序号", "工作任务", "责任股室", "完成时限")


@pytest.mark.parametrize("between", ["\n", "", "\n\n"])
def test_second_html_table_in_the_same_html_block_was_dropped(between: str) -> None:
    first = _html_table([_HEADER_ROW, ("1", "开展安全检查。", "综合协调股", "6月底前")])
    second = _html_table([_HEADER_ROW, ("2", "组织应急演练2次。", "应急救援股", "9月底前")])
    doc = tasktable.parse("某县应急管理局2024年重点工作任务分解表\n\n" + first + between + second)
    assert [(t.seq, t.content) for t in doc.tasks] == [
        (1, "开展安全检查。"),
        (2, "组织应急演练2次。"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "<p><strong>某县水利局2024年重点工作任务分解表</strong></p>\n",
        "<p><strong>某县水利局2024年重点工作任务分解表</strong></p>\n\n",
        "<h2>某县水利局2024年重点工作任务分解表</h2>\n",
        "<p>某县水利局2024年重点工作任务&amp;分解表</p>\n\n",
    ],
)
def test_html_title_right_before_the_table_gave_no_table_or_no_title(title: str) -> None:
    table = _html_table([_HEADER_ROW, ("1", "加固小型水库5座。", "县水利局", "5月底前")])
    table = table.replace("<tr>", "\n<tr>")  # pandoc writes a row a line
    doc = tasktable.parse(title + table + "\n")
    assert doc.title is not None and doc.title.startswith("某县水利局2024年重点工作任务")
    assert doc.year == 2024
    assert [t.content for t in doc.tasks] == ["加固小型水库5座。"]
