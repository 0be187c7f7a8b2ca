"""Stage 2: tables to one grid. Headers recognised by their words, pages stitched (SPEC §1–2).

Converters write one table per PDF page and repeat the header on each. The first header row
fixes the document's columns; a later header is dropped (its page keeps its own column list,
which may have an extra empty column); a page without a header continues the previous one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..models import Diagnostic
from ..vocab.headers import HEADER_SYNONYMS, MIN_HEADER_ROLES
from .read import RawRow, RawTable

#: Characters that never matter in a header word: spaces (also ideographic), line breaks, colons.
_HEADER_NOISE = regex.compile(r"[\s\u3000:：*]+")

#: Longest header allowed to match by containment (责任部门（单位） contains 责任部门).
_MAX_CONTAINING_HEADER = 12
#: Longest cell read as a whole header, wraps included (责任\n单位); longer cells are data,
#: or a header word on its first line with swallowed row text after it.
_MAX_HEADER_CELL = 24

_EXACT = {word: role for role, words in HEADER_SYNONYMS.items() for word in words}
#: Any header word of two or more characters, longest first so that 责任单位 beats 单位.
_CONTAINED_WORD = regex.compile(
    "|".join(regex.escape(w) for w in sorted(_EXACT, key=len, reverse=True) if len(w) > 1)
)


@dataclass(frozen=True, slots=True)
class Column:
    header: str  # as written, line breaks removed
    role: str | None  # a role from vocab.headers.ROLES, "extra", or None for a spurious column


@dataclass(frozen=True, slots=True)
class GridRow:
    line: int
    page: int
    cells: tuple[str, ...]
    columns: tuple[Column, ...]  # this page's columns, one per cell


@dataclass(slots=True)
class Grid:
    columns: tuple[Column, ...]
    rows: list[GridRow] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def header_role(cell: str) -> str | None:
    """The role a header cell names, or None if it names none."""
    word = _HEADER_NOISE.sub("", cell)
    role = _EXACT.get(word)
    if role is None and word and len(word) <= _MAX_CONTAINING_HEADER:
        match = _CONTAINED_WORD.search(word)
        role = _EXACT[match.group()] if match else None
    return role


def read_header(cells: Sequence[str]) -> tuple[tuple[Column, ...], tuple[str, ...]] | None:
    """Columns of a header row and any text swallowed into its cells, or None if not a header.

    A converter sometimes writes the start of the next row into the repeated header's cells
    (``项目内容\n创新开展…``); that text is returned per column so it is not lost.
    """
    columns: list[Column] = []
    leftovers: list[str] = []
    named: set[str] = set()
    unknown = 0
    for cell in cells:
        role, header, leftover = _header_cell(cell)
        if role is None:
            if cell:
                unknown += 1
                if 2 * unknown > len(cells):
                    return None  # a data row: most of its cells name no role
                role = "extra"
        elif role in named:
            role = "extra"  # a second column naming the same role keeps its text under its header
        else:
            named.add(role)
        columns.append(Column(header, role))
        leftovers.append(leftover)
    if len(named) < MIN_HEADER_ROLES or unknown > len(named):
        return None
    return tuple(columns), tuple(leftovers)


def _header_cell(cell: str) -> tuple[str | None, str, str]:
    """(role, header text, swallowed text) of one cell of a candidate header row."""
    if len(cell) <= _MAX_HEADER_CELL:
        role = header_role(cell)
        if role is not None:
            return role, cell.replace("\n", "").strip(), ""
    if "\n" in cell:
        first, rest = cell.split("\n", 1)
        role = _EXACT.get(_HEADER_NOISE.sub("", first))
        if role is not None:
            return role, first.strip(), rest.strip()
    return None, cell.replace("\n", "").strip(), ""


def stitch_tables(tables: Sequence[RawTable]) -> Grid | None:
    """One grid of data rows over all tables; None if no table has a recognisable header."""
    grid: Grid | None = None
    page_columns: tuple[Column, ...] = ()
    skipped: list[Diagnostic] = []
    for table in tables:
        for row in table.rows:
            header = read_header(row.cells)
            if header is not None:
                page_columns, leftovers = header
                if grid is None:
                    grid = Grid(page_columns)
                if any(leftovers):
                    grid.rows.append(GridRow(row.line, table.page, leftovers, page_columns))
                continue
            if grid is None:
                skipped.append(_skipped_row(row))
                continue
            grid.rows.append(
                GridRow(row.line, table.page, row.cells, _fit(page_columns, len(row.cells)))
            )
    if grid is not None:
        grid.diagnostics[:0] = skipped
    return grid


def _fit(columns: tuple[Column, ...], width: int) -> tuple[Column, ...]:
    """The page's columns cut or padded (with spurious columns) to a row's width."""
    if len(columns) >= width:
        return columns[:width]
    return columns + (Column("", None),) * (width - len(columns))


def _skipped_row(row: RawRow) -> Diagnostic:
    text = " | ".join(cell for cell in row.cells if cell)
    return Diagnostic(
        level="warning",
        code="row-before-header",
        message="row before any recognised header row; kept here, not read as a task",
        line=row.line,
        text=text or None,
    )
