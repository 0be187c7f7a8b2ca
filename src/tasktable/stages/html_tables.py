"""HTML tables inside the Markdown (MinerU and marker write ``<table>`` with rowspan and
colspan): rows of cell texts, with every span resolved exactly.

A cell with ``rowspan="3"`` stands in three rows: its text is written into each of them, as a
merged cell is read (SPEC §4), so that nothing downstream has to guess where a label belongs.
A cell with ``colspan="2"`` takes its first column; the others are blank (a section heading
spanning the whole row stays the row's only text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Tags that break a line inside a cell: <br>, and the ends of paragraphs, blocks and list
#: items (<td><p>县教育局</p><p>县财政局</p></td> is two names).
_BREAKS = frozenset({"br", "p", "div", "li"})

#: Largest span honoured: a converter's rowspan="9999" must not make 9,999 rows.
MAX_SPAN = 1000


@dataclass(slots=True)
class HtmlRow:
    line: int  # 1-based line of the <tr> within the HTML text
    cells: list[str] = field(default_factory=list)
    head: bool = False  # the row's cells are <th>
    #: per cell, for a cell with rowspan: (line of the row it is written in, rows it spans)
    spans: list[tuple[int, int] | None] = field(default_factory=list)


def read_html_tables(html: str) -> list[list[HtmlRow]]:
    """Each ``<table>`` in ``html`` as rows of cell texts, spans resolved."""
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    return [_resolve_spans(table) for table in parser.tables]


@dataclass(slots=True)
class _Cell:
    text: str
    rowspan: int
    colspan: int


@dataclass(slots=True)
class _Row:
    line: int
    cells: list[_Cell] = field(default_factory=list)
    head: bool = False


class _TableParser(HTMLParser):
    """Collects tables, rows and cells; text inside a cell with <br> as a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[_Row]] = []
        self._stack: list[list[_Row]] = []  # open tables, innermost last
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append([])
        elif not self._stack:
            return
        elif tag == "tr":
            self._stack[-1].append(_Row(self.getpos()[0]))
        elif tag in ("td", "th"):
            if not self._stack[-1]:  # a cell before any <tr>
                self._stack[-1].append(_Row(self.getpos()[0]))
            self._finish_cell()
            values = dict(attrs)
            self._span = (_span(values.get("rowspan")), _span(values.get("colspan")))
            self._cell = []
            self._stack[-1][-1].head = self._stack[-1][-1].head or tag == "th"
        elif tag in _BREAKS and self._cell is not None:
            self._cell.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        if tag in _BREAKS and self._cell is not None:
            self._cell.append("\n")
        if tag in ("td", "th", "tr"):
            self._finish_cell()
        elif tag == "table":
            self._finish_cell()
            self.tables.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def close(self) -> None:
        super().close()
        self._finish_cell()
        while self._stack:  # an unclosed table still counts
            self.tables.append(self._stack.pop())

    def _finish_cell(self) -> None:
        if self._cell is None or not self._stack or not self._stack[-1]:
            self._cell = None
            return
        text = "".join(self._cell)
        lines = [" ".join(part.split()) for part in text.split("\n")]
        self._stack[-1][-1].cells.append(_Cell("\n".join(lines).strip(), *self._span))
        self._cell = None


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value or 1)))
    except ValueError:
        return 1


def _resolve_spans(rows: list[_Row]) -> list[HtmlRow]:
    """Place each cell in its grid column, copying rowspan cells down into later rows."""
    # column -> (text, rows still to fill, (line of its first row, rows it spans))
    pending: dict[int, tuple[str, int, tuple[int, int]]] = {}
    resolved: list[HtmlRow] = []
    for row in rows:
        out: list[str] = []
        spans: list[tuple[int, int] | None] = []
        cells = iter(row.cells)
        column = 0
        while True:
            if column in pending:
                _fill_down(pending, column, out, spans)
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            for offset in range(cell.colspan):
                text = cell.text if offset == 0 else ""
                span = (row.line, cell.rowspan) if cell.rowspan > 1 and text else None
                out.append(text)
                spans.append(span)
                if cell.rowspan > 1:
                    pending[column + offset] = (text, cell.rowspan - 1, span or (row.line, 1))
            column += cell.colspan
        while any(c >= column for c in pending):  # spans reaching past this row's last cell
            if column in pending:
                _fill_down(pending, column, out, spans)
            else:
                out.append("")
                spans.append(None)
            column += 1
        resolved.append(HtmlRow(row.line, out, row.head, spans))
    return resolved


def _fill_down(
    pending: dict[int, tuple[str, int, tuple[int, int]]],
    column: int,
    out: list[str],
    spans: list[tuple[int, int] | None],
) -> None:
    """Write a rowspan cell's text into one more row below it."""
    text, left, span = pending[column]
    out.append(text)
    spans.append(span if text else None)
    if left > 1:
        pending[column] = (text, left - 1, span)
    else:
        del pending[column]
