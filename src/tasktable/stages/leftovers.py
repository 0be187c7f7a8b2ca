"""Part of stage 1 (read): what a DataFrame writer leaves in a table's cells, undone per table
before any header is looked for (SPEC §4 "Converter leftovers").

markitdown reads a spreadsheet with pandas and writes the DataFrame: every empty or merged-over
cell becomes ``NaN``, a line break inside a cell a literal backslash-n, an integer column with
a missing cell floats (``1.0``), and a sheet whose first row is a merged title gets pandas'
placeholder header (``滁州市…分解 | Unnamed: 1 | Unnamed: 2``); PyMuPDF (pymupdf4llm) names an
empty header cell ``Col2`` the same way. Each rule below is a named
function over one table; ``read.read_tables`` calls :func:`undo_leftovers` on every table it
reads (pipe or HTML), so the later stages never see these leftovers.

:func:`foreign_table` names a table in a Markdown dialect tasktable does not read (pandoc's
``-t markdown`` grid and multiline tables), for the error when no table is found.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ..rules import repair
from ..vocab.leftovers import (
    DATAFRAME_BLANKS,
    GRID_TABLE_BORDER,
    HEADER_PLACEHOLDER,
    INTEGRAL_FLOAT,
    LITERAL_LINE_BREAK,
    MULTILINE_TABLE_RULE,
)

if TYPE_CHECKING:  # read.py calls this module: its row types are for annotations only
    from .read import RawRow, RawTable


@dataclass(frozen=True, slots=True)
class Undone:
    table: RawTable
    #: The text of a title row pandas made the header (title | Unnamed: 1 | …), still held
    #: in the table's first row; None if the table has none.
    title: str | None


def _as_read(table: RawTable) -> Undone:
    """The table as the converter wrote it (the rule switched off)."""
    return Undone(table, None)


@repair("dataframe-leftovers", off=_as_read)
def undo_leftovers(table: RawTable) -> Undone:
    """``table`` with DataFrame blanks emptied, literal line breaks made real, integer
    columns printed as floats made integers and converters' placeholder headers blanked."""
    rows = list(table.rows)
    blank_columns: set[int] = set()
    head_blanks: set[int] = set()  # the first row's, where it is the header
    changed = False
    for index, row in enumerate(rows):
        cells = tuple(map(line_breaks_restored, row.cells))
        blanks = dataframe_blank_columns(cells)
        if blanks:
            blank_columns.update(blanks if not row.head else ())
            head_blanks = blanks if index == 0 and row.head else head_blanks
            cells = tuple("" if i in blanks else cell for i, cell in enumerate(cells))
        marks = frozenset(blanks) if blanks and not row.head else row.marks
        if cells != row.cells or marks != row.marks:
            rows[index] = replace(row, cells=cells, marks=marks)
            changed = True
    if rows and rows[0].head and rows[0].cells:
        indexed = _index_blanked(rows)
        changed = changed or indexed != rows
        rows = indexed
    title = None
    if rows and rows[0].head:
        header, title = placeholders_blanked(rows[0].cells, head_blanks)
        if header != rows[0].cells:
            rows[0] = replace(rows[0], cells=header)
            changed = True
    if blank_columns:
        integral = integers_restored(rows, blank_columns)
        changed = changed or integral != rows
        rows = integral
    if not changed:
        return Undone(table, title)
    return Undone(replace(table, rows=tuple(rows)), title)


def line_breaks_restored(cell: str) -> str:
    """A cell with each literal backslash-n (县文体广新局\\n县代建中心) made a line break."""
    if "\\" not in cell:
        return cell
    return LITERAL_LINE_BREAK.sub("\n", cell)


def dataframe_blank_columns(cells: Sequence[str]) -> set[int]:
    """The indices of cells a DataFrame writer filled for a missing value (NaN, nan, None)."""
    return {i for i, cell in enumerate(cells) if cell in DATAFRAME_BLANKS}


def placeholders_blanked(
    cells: tuple[str, ...], blanks: Collection[int] = ()
) -> tuple[tuple[str, ...], str | None]:
    """A header row with converters' placeholders (pandas' ``Unnamed: 1``, PyMuPDF's
    ``Col2``) blanked, and the title it holds: when every cell but the first is a placeholder
    or a writer's blank (``blanks``, the columns of the row's None and NaN, emptied already),
    the converter took a merged title row for the header (pdfplumber prints one so too), and
    the first cell is that title: the real header is a row below."""
    placeholders = [bool(HEADER_PLACEHOLDER.match(cell)) for cell in cells]
    if any(placeholders):
        cells = tuple("" if hit else cell for cell, hit in zip(cells, placeholders, strict=True))
    elif not blanks:
        return cells, None
    empty = (hit or column in blanks for column, hit in enumerate(placeholders) if column)
    title = cells[0] if len(cells) >= 2 and cells[0] and all(empty) else None
    return cells, title


def _column_index(cells: Sequence[str]) -> bool:
    """Whether a header row is a DataFrame's column index, not the table's header: 0, 1, 2…
    in order (camelot's tables as pandas ``to_markdown`` writes them), maybe after the blank
    cell over the row index."""
    numbers = list(cells[1:] if cells and not cells[0] else cells)
    return len(numbers) >= 2 and numbers == [str(i) for i in range(len(numbers))]


def _index_blanked(rows: list[RawRow]) -> list[RawRow]:
    """``rows`` with a DataFrame's column index (a header row 0, 1, 2…) blanked, and its
    row index (under a blank header cell, first cells counting 0, 1, 2…: pandas' default
    index) too: neither is text of the table, and the real header is the first row with
    header words (SPEC §4 "Converter leftovers"). ``rows`` itself where it has neither."""
    head, body = rows[0], rows[1:]
    indexed = (
        not head.cells[0]
        and len(body) >= 2
        and [row.cells[0] if row.cells else "" for row in body]
        == [str(i) for i in range(len(body))]
    )
    numbered = _column_index(head.cells)
    if not indexed and not numbered:
        return rows
    blanked = [replace(head, cells=("",) * len(head.cells)) if numbered else head]
    for row in body:
        blanked.append(replace(row, cells=("", *row.cells[1:])) if indexed else row)
    return blanked


def integers_restored(rows: Sequence[RawRow], columns: set[int]) -> list[RawRow]:
    """``rows`` with the integers of float columns printed without ``.0``.

    pandas turns a column of integers that misses a value into floats (序号 1.0, 2.0, NaN,
    3.0): a column that held a DataFrame blank (``columns``) and whose every other cell below
    the header is an integral float held integers. A column with one real decimal (2.5) or
    any text is left as written.
    """
    floats = set()
    for column in columns:
        written = [
            row.cells[column]
            for row in rows
            if not row.head and column < len(row.cells) and row.cells[column]
        ]
        if written and all(INTEGRAL_FLOAT.match(cell) for cell in written):
            floats.add(column)
    if not floats:
        return list(rows)
    restored = []
    for row in rows:
        if row.head:
            restored.append(row)
            continue
        cells = tuple(
            INTEGRAL_FLOAT.sub(r"\1", cell) if i in floats else cell
            for i, cell in enumerate(row.cells)
        )
        restored.append(row if cells == row.cells else replace(row, cells=cells))
    return restored


@dataclass(frozen=True, slots=True)
class ForeignTable:
    line: int  # 1-based line of its first border or column rule
    text: str  # that line, as written
    kind: Literal["grid", "rule"]  # a grid table's border, or a column rule


def foreign_table(text: str) -> ForeignTable | None:
    """The first line of a table written in pandoc's own Markdown (``pandoc -t markdown``),
    which is no GFM pipe table: a grid table's +---+ border or a multiline or simple table's
    column rule (dash runs split by spaces). None if the text shows neither."""
    for number, line in enumerate(text.split("\n"), start=1):
        if "-" not in line:
            continue
        if GRID_TABLE_BORDER.match(line):
            return ForeignTable(number, line.strip(), "grid")
        if MULTILINE_TABLE_RULE.match(line):  # of a multiline or simple table
            return ForeignTable(number, line.strip(), "rule")
    return None
