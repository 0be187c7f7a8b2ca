"""Stage 2: tables to grids. Headers recognised by their words, pages stitched (SPEC §1–2).

Converters write one table per PDF page and repeat the header on each. A header row fixes a
grid's columns; a later header repeating it is dropped (its page keeps its own column list,
which may have an extra empty column); a page without a header continues the previous one. A
header naming other words starts a grid of its own (an appendix with its own columns), and
a table naming too few roles beside a task table is kept in diagnostics (``stitch_segments``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..context import Context
from ..messages import diagnostic
from ..models import Diagnostic
from ..patterns import compiled, on_first_use
from ..rules import absent, nothing, repair, unchanged
from ..vocab.furniture import NOTE, PAGE_LINE, TOTAL, TOTAL_AMOUNT, TOTAL_OPENINGS
from ..vocab.headers import (
    HEAD_END,
    HEADER_SYNONYMS,
    LEAD_HEADERS,
    MERGED_ROLES,
    MIN_HEADER_ROLES,
    PERIOD_HEADER,
    ROLE_KINDS,
    SAME_TEXT_KINDS,
)
from .centred import PLACED_ROLES

if TYPE_CHECKING:  # read.py imports this module (read_header): its row types annotate only
    from .read import RawRow, RawTable

#: Characters that never matter in a header word: spaces (also ideographic), line breaks, colons.
_HEADER_NOISE = compiled(r"[\s\u3000:：*]+")

#: Longest header allowed to match by containment (责任部门（单位） contains 责任部门).
_MAX_CONTAINING_HEADER = 12

_EXACT = {word: role for role, words in HEADER_SYNONYMS.items() for word in words}
#: Header words longest first, so that 主要责任单位 is found before 责任单位 inside a header.
_BY_LENGTH = sorted((w for w in _EXACT if len(w) > 1), key=len, reverse=True)

#: A cell of a Markdown delimiter row (---, :--:), repeated by a converter as a data row.
_DELIMITER_CELL = compiled(r"^:?-{2,}:?$")

#: A bare number: no header cell is one, so a row holding one is data.
_NUMBER = compiled(r"^[0-9０-９]+[.．、]?$")


@dataclass(frozen=True, slots=True)
class PageColumn:
    header: str  # as written, line breaks removed
    role: str | None  # a role from vocab.headers.ROLES, "extra", or None for a spurious column


@dataclass(frozen=True, slots=True)
class GridRow:
    line: int
    page: int
    cells: tuple[str, ...]
    columns: tuple[PageColumn, ...]  # this page's columns, one per cell
    spans: tuple[tuple[int, int] | None, ...] = ()  # HTML rowspans, per cell (read.RawRow)
    short: bool = False  # its source line wrote fewer cells than the table has (read.RawRow)
    bold: frozenset[int] = frozenset()  # the cells that are bold and nothing else (read.RawRow)
    marks: frozenset[int] = frozenset()  # the cells a writer marked merged over (read.RawRow)


@dataclass(slots=True)
class Grid:
    columns: tuple[PageColumn, ...]
    rows: list[GridRow] = field(default_factory=list)
    line: int = 0  # the source line of the document's header row
    #: The roles whose cells copying their left neighbour were read as blank: the table shows
    #: a converter's left fill (pymupdf4llm without layout, SPEC §4). Empty where it does not.
    left_filled: frozenset[str] = frozenset()


def marked_roles(grid: Grid) -> frozenset[str]:
    """The roles of the columns whose blanks a writer marked as merged over (NaN, None:
    read.RawRow.marks): their merged text stands in the top cell of its span, and the
    marked cells below carry it (SPEC §4). Read from the rows' own columns, so from a grid
    whose roles are assigned."""
    return frozenset(
        role
        for row in grid.rows
        for index in row.marks
        if index < len(row.columns) and (role := row.columns[index].role)
    )


#: A user's own header words: header text (noise removed) -> role.
RoleMap = Mapping[str, str]


def header_role(cell: str, roles: RoleMap | None = None) -> str | None:
    """The role a header cell names, or None if it names none."""
    return _header_cell(cell, roles or {})[0]


def normalise_header(header: str) -> str:
    """A header as matched: spaces, line breaks, colons and emphasis marks removed."""
    return _HEADER_NOISE.sub("", header)


def normalised_roles(roles: RoleMap | None) -> dict[str, str]:
    """A user's role map keyed by header text as matched (noise removed)."""
    return {normalise_header(header): role for header, role in (roles or {}).items()}


def read_header(
    cells: Sequence[str],
    first: tuple[PageColumn, ...] = (),
    roles: RoleMap | None = None,
    *,
    lenient: bool = False,
) -> tuple[tuple[PageColumn, ...], tuple[str, ...]] | None:
    """Columns of a header row and any text in it that is not a header, or None.

    A header names at least two roles, one of them with an exact header word, and holds no
    bare number (a data row's 序号). In a
    repeated header (``first`` is the document's first header), text that is no header word
    is returned per column: a converter sometimes writes the next row into the header's cells
    (``项目内容\n创新开展…``), and that text must not be lost. ``lenient`` reads the header
    row of the document's first table (markdown-it's own head row) with one exact word
    enough, the rest left to the cells (stages/roles.py): 序号 | 事由 | 经手 | 期限说明.
    """
    header, full = _read_header(cells, first, roles, lenient=lenient)
    return header if full or lenient else None


def _read_header(
    cells: Sequence[str],
    first: tuple[PageColumn, ...],
    roles: RoleMap | None,
    *,
    lenient: bool,
) -> tuple[tuple[tuple[PageColumn, ...], tuple[str, ...]] | None, bool]:
    """read_header's reading, and whether the row is a header read strictly too (the same
    columns: a lenient read only lets more rows through). Strictly, a data row is given up
    at the cell that shows it."""
    columns: list[PageColumn] = []
    leftovers: list[str] = []
    candidates: list[tuple[int, str, bool]] = []  # (column, role, exact?) of named columns
    exact = unknown = 0
    # Made at the first cell that needs it: a data row, most rows, returns at its 序号 first.
    known_headers: set[str] | None = None
    for index, cell in enumerate(cells):
        if _NUMBER.match(cell):
            return None, False
        # Only a repeated header that differs from the first can hold the next row's text.
        # (Asked only of a cell printed on several lines, the one that can hold such text.)
        swallows = (
            "\n" in cell
            and bool(first)
            and (
                index >= len(first)
                or normalise_header(first[index].header) != normalise_header(cell)
            )
        )
        role, is_exact, header, leftover = _header_cell(cell, roles or {}, swallows=swallows)
        exact += is_exact
        if role is None and cell:
            unknown += 1
            if 2 * unknown > len(cells) and not lenient:
                return None, False  # a data row: most of its cells name no role
        if first and cell and not is_exact:
            if known_headers is None:
                known_headers = {normalise_header(column.header) for column in first}
            if normalise_header(header) not in known_headers:
                # Not a header word: text of the row below, under the first header's column.
                column = first[index] if index < len(first) else PageColumn("", None)
                columns.append(column)
                leftovers.append(cell)
                continue
        if role is None and cell:
            role = "extra"
        elif role is not None and role != "extra":
            candidates.append((len(columns), role, is_exact))
        columns.append(PageColumn(header, role))
        leftovers.append(leftover)
    named = _settle_duplicates(columns, candidates)
    if not exact:
        return None, False
    full = 2 * unknown <= len(cells) and len(named) >= MIN_HEADER_ROLES and unknown <= len(named)
    if not full and not lenient:
        return None, False
    return (tuple(columns), tuple(leftovers)), full


#: Where a second column naming a taken role goes, if that role is free: under 重点工作 |
#: 工作任务 the second is the task text (content); under 牵头单位 | 责任单位 the second names
#: the other units (partners).
_SECOND_ROLE = {"project": "content", "departments": "partners"}


def _settle_duplicates(
    columns: list[PageColumn], candidates: Sequence[tuple[int, str, bool]]
) -> set[str]:
    """Give each role to one column: an exact header word wins over a contained one, then
    the first. The others take another role their header names, or their second role, if it
    is free; else they stay under extra."""
    by_role: dict[str, list[tuple[int, bool]]] = {}
    for index, role, is_exact in candidates:
        by_role.setdefault(role, []).append((index, is_exact))
    named = set(by_role)
    for role, claims in by_role.items():
        if len(claims) == 1:
            continue
        winner = next((i for i, is_exact in claims if is_exact), claims[0][0])
        if role == "departments":  # a lead column leads, wherever it stands (SPEC §2)
            winner = next((i for i, _ in claims if _is_lead(columns[i].header)), winner)
        for index, _ in claims:
            if index == winner:
                continue
            header = columns[index].header
            second = _contained_role(header, exclude=named) or _SECOND_ROLE.get(role)
            if second is not None and second not in named:
                named.add(second)
            else:
                second = "extra"
            columns[index] = PageColumn(header, second)
    return named


def _is_lead(header: str) -> bool:
    """Whether a departments header names the lead units (牵头单位, 主要责任单位)."""
    return normalise_header(header) in LEAD_HEADERS


def _contained_role(header: str, exclude: set[str]) -> str | None:
    """The role of the longest (then last) header word naming ``header`` among roles not
    taken: 民生实事项目 beside 主要内容 is the project (项目), not a second content."""
    word = _HEADER_NOISE.sub("", header)
    named = [(w, at) for w in _BY_LENGTH if (at := _names(w, word)) >= 0]
    named = [(w, at) for w, at in named if _EXACT[w] not in exclude]
    if not named:
        return None
    return _EXACT[max(named, key=lambda pair: (len(pair[0]), pair[1]))[0]]


def _names(word: str, header: str) -> int:
    """Where header word ``word`` last stands in ``header`` as the head of it or of a part of
    it (followed by its end, a conjunction or a bracket: vocab.headers.HEAD_END), or -1: a
    word something else follows only qualifies the header's head (任务 in 任务来源)."""
    at = header.rfind(word)
    while at >= 0:
        if HEAD_END.match(header, at + len(word)):
            return at
        at = header.rfind(word, 0, at + len(word) - 1)
    return -1


def _header_cell(
    cell: str, roles: RoleMap, *, swallows: bool = True
) -> tuple[str | None, bool, str, str]:
    """(role, exact match?, header text, swallowed text) of one candidate header cell.

    The user's role map (``roles``) is an exact match that wins over the vocabulary. A cell
    whose first line is a header word and whose other lines are not may hold the next row's
    text (``swallows``, in a repeated header): that text is returned apart. Where it cannot
    (the document's first header, or one that repeats it), the lines are one header printed
    on two (责任单位 / （科室）, or a grouped header's 责任单位 / 配合单位), and the header word
    it names is its longest, then last, as for any header that contains one."""
    word = _HEADER_NOISE.sub("", cell)
    role = roles.get(word) or _EXACT.get(word)
    if role is not None:
        return role, True, cell.replace("\n", "").strip(), ""
    if "\n" in cell:
        first, rest = cell.split("\n", 1)
        role = _EXACT.get(_HEADER_NOISE.sub("", first))
        if role is not None and swallows:
            return role, True, first.strip(), rest.strip()
        if role is not None:
            return _contained_role(cell, set()) or role, True, cell.replace("\n", "").strip(), ""
    if word and len(word) <= _MAX_CONTAINING_HEADER:
        # Chinese compounds end in their head noun, so 项目进度 (project progress) is a
        # schedule, 项目责任单位 a department and 任务来源 (a task's source) none; of words
        # that head the header or a part of it, the longest wins, then the last.
        role = _contained_role(word, set())
        if role is not None:
            return role, False, cell.replace("\n", "").strip(), ""
    return None, False, cell.replace("\n", "").strip(), ""


@dataclass(slots=True)
class _Segment:
    """The tables read under one header: a grid and what stitching keeps for it."""

    grid: Grid
    weak: bool  # its header names fewer than MIN_HEADER_ROLES roles (read leniently)
    at: int  # index in the stage's diagnostics where its diagnostics begin
    words: set[str]  # the header words seen in its header rows, as matched
    header: tuple[int, str]  # (line, text) of its first header row
    repeats: list[_LeftRepeats] = field(default_factory=list)


def stitch_tables(
    tables: Sequence[RawTable],
    roles: RoleMap | None = None,
    ctx: Context | None = None,
    *,
    left_fill: bool | None = None,
) -> Grid | None:
    """The first task table's grid (``stitch_segments``), or None if no table has a
    recognisable header."""
    grids = stitch_segments(tables, roles, ctx, left_fill=left_fill)
    return grids[0] if grids else None


def stitch_segments(
    tables: Sequence[RawTable],
    roles: RoleMap | None = None,
    ctx: Context | None = None,
    *,
    left_fill: bool | None = None,
) -> list[Grid]:
    """One grid of data rows per header, over all tables; empty if no table has a
    recognisable header.

    Pages repeating a header continue its grid. A table whose header names other words than
    the grid's (an appendix's 序号 | 重点任务 | 牵头单位 after 序号 | 工作任务 | 责任单位) starts
    a grid of its own: its roles are its own, and no merged cell carries across (SPEC §2
    "per table"). A table whose header names fewer than MIN_HEADER_ROLES roles (a liaison
    list 科室 | 联络员 | 联系电话, an indicator table) is no task table where another table
    is one: its rows are kept as ``other-table`` diagnostics, not read as tasks.
    ``roles`` maps the user's own header words to roles (``{"牵头处室": "departments"}``).
    ``left_fill`` says whether cells repeating their left neighbour are a converter's copies
    (``merged="left"``) or never (another forced style); None decides from the table. The
    rules one-heading, unfuse-rows and left-fill run where ``ctx`` has them on.
    """
    ctx = ctx or Context()
    diagnostics: list[Diagnostic] = []  # this stage's, in row order, then handed to ctx
    segments: list[_Segment] = []
    grid: Grid | None = None
    page_columns: tuple[PageColumn, ...] = ()
    skipped: list[Diagnostic] = []
    last_seq: int | None = None  # the 序号 of the last data row read, for fused rows
    roles = normalised_roles(roles)
    for table in tables:
        upper: tuple[PageColumn, ...] | None = None  # the header row just above, if any
        opening = True  # no row of this table read yet
        for row in _joined_header(table.rows, roles):
            if all(not cell or _DELIMITER_CELL.match(cell) for cell in row.cells):
                continue  # a delimiter row repeated as data, or an empty row
            # The row read as a header (of the grid's, or the first): each row once.
            header = read_header(row.cells, grid.columns if grid else (), roles)
            if opening and grid is not None and grid.rows:
                other = _other_header(row, header, segments[-1].words, roles)
                if other is not None:
                    page_columns, weak = other
                    grid = Grid(page_columns, line=row.line)
                    segments.append(_new_segment(grid, weak, len(diagnostics), row))
                    upper, last_seq, opening = page_columns, None, False
                    continue
            opening = False
            weak = False
            if header is None and grid is None and row.head and not skipped:
                # Read strictly above (no grid yet: no first header), it is no header: one
                # read leniently is a weak one.
                header = read_header(row.cells, (), roles, lenient=True)
                weak = header is not None
            if header is not None:
                columns = header[0] if upper is None else _stacked(upper, header[0])
                page_columns, leftovers = columns, header[1]
                if grid is None:
                    grid = Grid(page_columns, line=row.line)
                    segments.append(_new_segment(grid, weak, len(diagnostics), row))
                elif upper is not None and not grid.rows:
                    # The header's two rows together.
                    grid = segments[-1].grid = Grid(page_columns, line=row.line)
                segments[-1].words.update(_words(page_columns))
                if any(leftovers):
                    columns_here = _fit(page_columns, len(leftovers))
                    grid.rows.append(GridRow(row.line, table.page, leftovers, columns_here))
                upper = columns
                continue
            periods = None if upper is None else _period_row(row.cells, upper)
            if periods is not None and grid is not None:
                # The header's second row names the periods under a merged 时间节点.
                page_columns = upper = periods
                if not grid.rows:
                    grid.columns = periods
                continue
            upper = None
            if grid is None:
                skipped.append(_skipped_row(row))
                continue
            columns_here = _fit(page_columns, len(row.cells))
            cells = _one_heading(ctx, row.cells, columns_here)
            note = _note_row(ctx, cells, row.line)
            if note is not None:
                diagnostics.append(note)
                continue
            first, at = len(grid.rows), len(diagnostics)
            parts = _unfused(ctx, cells, columns_here, row.line, diagnostics, after=last_seq)
            last_seq = _last_seq(parts, columns_here, last_seq)
            for part in parts:
                grid.rows.append(
                    GridRow(
                        row.line,
                        table.page,
                        part,
                        columns_here,
                        row.spans,
                        row.short,
                        row.bold,
                        row.marks,
                    )
                )
            found = _left_repeats(row.line, cells, columns_here, (first, len(grid.rows)), at)
            if found is not None:
                segments[-1].repeats.append(found)
    tasks_somewhere = any(not segment.weak for segment in segments)
    kept: list[Grid] = []
    for segment in reversed(segments):  # later first: each inserts at its own index
        if tasks_somewhere and segment.weak:
            diagnostics[segment.at : segment.at] = _other_table(segment)
            continue
        _settle_left_fills(ctx, segment.grid, segment.repeats, diagnostics, left_fill)
        kept.append(segment.grid)
    ctx.diagnostics.extend(skipped + diagnostics)
    return kept[::-1]


def _joined_header(rows: tuple[RawRow, ...], roles: RoleMap) -> tuple[RawRow, ...]:
    """A table's rows with a header printed over its first two rows as one row.

    A narrow column prints its header word over two lines, which a converter may write as
    two rows: 序 | 工作 | 责任 | 完成 over 号 | 任务 | 单位 | 时限. Each cell read top to
    bottom is a header word (序号, 工作任务, 责任单位, 完成时限) where the top row's cells are
    not all one; a row of header words over a row of sub-headers (责任单位 over 牵头单位 |
    配合单位) is no such case: 责任单位牵头单位 is no header word (``_stacked`` reads it)."""
    if len(rows) < 2:
        return rows
    top, bottom = rows[0], rows[1]
    if all(_is_word(cell, roles) for cell in top.cells if cell):
        return rows  # a header on its own, or a row of text
    width = max(len(top.cells), len(bottom.cells))
    cells = tuple(
        (top.cells[i] if i < len(top.cells) else "")
        + (bottom.cells[i] if i < len(bottom.cells) else "")
        for i in range(width)
    )
    if not all(_is_word(cell, roles) for cell in cells if cell):
        return rows
    if read_header(cells, (), roles) is None:
        return rows
    return (replace(top, cells=cells), *rows[2:])


def _is_word(cell: str, roles: RoleMap) -> bool:
    """Whether a cell is a header word as it stands (the user's or the vocabulary's)."""
    word = normalise_header(cell)
    return word in roles or word in _EXACT


def _new_segment(grid: Grid, weak: bool, at: int, row: RawRow) -> _Segment:
    text = " | ".join(cell for cell in row.cells if cell)
    return _Segment(grid, weak, at, _words(grid.columns), (row.line, text))


def _words(columns: Sequence[PageColumn]) -> set[str]:
    """The header words of a header row's columns, as matched."""
    return {normalise_header(c.header) for c in columns if c.header}


def _other_header(
    row: RawRow,
    repeat: tuple[tuple[PageColumn, ...], tuple[str, ...]] | None,
    words: set[str],
    roles: RoleMap,
) -> tuple[tuple[PageColumn, ...], bool] | None:
    """The columns of a table's first row where it is a header naming other words than
    ``words`` (the current grid's), and whether it names fewer than MIN_HEADER_ROLES roles;
    None where it is no header, or repeats the grid's (``repeat``, the row read as a repeat
    of the grid's header: maybe with the next row's text swallowed, which read_header
    returns apart)."""
    if repeat is not None and _words(repeat[0]) <= words:
        return None
    # markdown-it's head row of a table, in short cells: a header with one word enough. One
    # read says both whether it is one so and whether it is a full header.
    lenient = row.head and all(len(c) <= _MAX_CONTAINING_HEADER for c in row.cells)
    header, full = _read_header(row.cells, (), roles, lenient=lenient)
    if header is None or _words(header[0]) <= words:
        return None
    return header[0], not full


def _other_table(segment: _Segment) -> list[Diagnostic]:
    """Every row of a table that is no task table, its header first, as diagnostics."""
    rows = [segment.header] + [
        (row.line, " | ".join(cell for cell in row.cells if cell)) for row in segment.grid.rows
    ]
    return [
        diagnostic("other-table", "warning", line=line, text=text or None) for line, text in rows
    ]


@repair("note-rows", off=absent)
def _note_row(cells: tuple[str, ...], line: int) -> Diagnostic | None:
    """The diagnostic that keeps a row that is no row of the table, or None: a note
    (注：…, 说明：…, its one text, maybe repeated in every cell and so written once by
    one-heading) or a line of page furniture (续表, — 2 —, 第 2 页 共 5 页) that GFM read into
    the table because no blank line stood between; or a totals row (合计 | | 170600 | 3项:
    a total word alone as its first text, numbers or nothing beside it). None is a task, a
    heading or a part of the task above."""
    texts = [cell for cell in cells if cell]
    if not texts:
        return None
    if (
        texts[0].lstrip()[:1] in TOTAL_OPENINGS
        and TOTAL.match(texts[0])
        and all(TOTAL_AMOUNT.match(text) for text in texts[1:])
    ):
        text = " | ".join(texts)
        return diagnostic("totals-row", "info", line=line, text=text, rule="note-rows")
    if len(texts) != 1:
        return None
    if NOTE.match(texts[0]):
        return diagnostic("note-row", "info", line=line, text=texts[0], rule="note-rows")
    if PAGE_LINE.match(texts[0]):
        return diagnostic("page-line", "info", line=line, text=texts[0], rule="note-rows")
    return None


@repair("one-heading", off=unchanged)
def _one_heading(cells: tuple[str, ...], columns: Sequence[PageColumn]) -> tuple[str, ...]:
    """A row holding one text in every named column, as that text once, in its first cell.

    docling (and pymupdf4llm without layout) repeat a merged cell's text into every cell it
    covers, across as well as down: a section heading merged over the whole row comes as
    |一、…|一、…|一、…|. Written once, it is the heading the section rules know (SPEC §4
    "Section headings": the text in the 序号 cell); no text is lost, all cells were copies.
    """
    text = next((cell for cell in cells if cell), "")
    if not text or sum(1 for cell in cells if cell) < 2:
        return cells
    for cell, column in zip(cells, columns, strict=False):
        if cell != text and (cell or column.role is not None):
            return cells  # another text, or a named column left blank: no merged row
    return (text,) + ("",) * (len(cells) - 1)


@dataclass(frozen=True, slots=True)
class _LeftRepeats:
    """The cells of one source row that repeat their left neighbour, blanked only if the
    table shows a left fill (``_settle_left_fills``)."""

    rows: tuple[int, int]  # its parts in Grid.rows, first and end (a fused row gives several)
    at: int  # index in the stage's diagnostics where its diagnostics belong
    cells: tuple[int, ...]  # the repeating cells' indices
    evidence: bool  # a repeat across kinds (a 序号 under 主题): no table writes that as data
    diagnostics: tuple[Diagnostic, ...]


def _left_repeats(
    line: int,
    cells: tuple[str, ...],
    columns: Sequence[PageColumn],
    rows: tuple[int, int],
    at: int,
) -> _LeftRepeats | None:
    """The cells of merged columns in this row that repeat their left neighbour, or None.

    pymupdf4llm without its layout module fills the cells under a merged cell with the text
    of the cell to their left (|10|10|10|做好…|全年。|全年。|): the copy is no text of its own,
    and its column's value comes from the merged cell above, as for a blank cell (SPEC §4).
    Content and schedule are never merged, so a schedule equal to its content is no repeat;
    two unit columns holding the same text (牵头单位 = 责任单位) are data, never a repeat,
    unless the text was copied into both from a column of another kind.
    """
    found: list[int] = []
    evidence = False
    for i in range(len(cells) - 1, 0, -1):
        role = columns[i].role
        if not cells[i] or cells[i] != cells[i - 1] or role not in MERGED_ROLES:
            continue
        # A copy of a copy (|提升改造…|提升改造…|提升改造…| over 主要内容, 牵头单位, 配合单位) is
        # of the kind of the run's first cell, where the text was written.
        start = i - 1
        while start > 0 and cells[start - 1] == cells[i]:
            start -= 1
        kind, source = ROLE_KINDS.get(role), ROLE_KINDS.get(columns[start].role or "")
        if kind == source and kind in SAME_TEXT_KINDS:
            continue
        found.append(i)
        evidence = evidence or kind != source
    if not found:
        return None
    notes = tuple(
        diagnostic(
            "left-repeat",
            "info",
            line=line,
            role=columns[i].role,
            text=cells[i],
            rule="left-fill",
        )
        for i in found
    )
    return _LeftRepeats(rows, at, tuple(found), evidence, notes)


#: Rows with a repeat across kinds that show a table's cells are filled from the left. One
#: is enough: a 序号 under 主题 or a sentence under 责任单位 is never what a table means.
_LEFT_FILL_EVIDENCE = 1


@repair("left-fill", off=nothing)
def _settle_left_fills(
    grid: Grid,
    repeats: Sequence[_LeftRepeats],
    diagnostics: list[Diagnostic],
    forced: bool | None = None,
) -> None:
    """Blank the repeating cells and record them, where the table shows a left fill.

    A cell equal to its left neighbour is a converter's copy only in a table written that
    way, seen in its repeats across kinds; elsewhere (one project named like its theme) it
    is the table's own text, kept. ``forced`` (the user's merged= style) overrides that.
    """
    shown = sum(r.evidence for r in repeats) >= _LEFT_FILL_EVIDENCE
    if not (shown if forced is None else forced):
        return
    roles: set[str] = set()
    for found in repeats:
        for index in range(*found.rows):
            row = grid.rows[index]
            cells = tuple("" if i in found.cells else c for i, c in enumerate(row.cells))
            grid.rows[index] = replace(row, cells=cells)
        roles.update(d.role for d in found.diagnostics if d.role)
    for found in reversed(repeats):  # each row's notes where the row's other notes are
        diagnostics[found.at : found.at] = found.diagnostics
    grid.left_filled = frozenset(roles)


#: A 序号 cell holding several consecutive numbers, one a line: 26\n27, two rows fused.
_FUSED_SEQ = compiled(r"^\s*[0-9]{1,6}(?:\s*\n\s*[0-9]{1,6})+\s*$")
#: A line break after a sentence end: where one fused row's text ends and the next begins.
_ROW_BREAK = on_first_use(compiled, r"(?<=[。！？；])\n")
#: A line break after a full stop only: where a cell breaks after ； inside one row's text too
#: (一季度…；\n二、三季度…验收。\n4月底前…), the rows end at full stops.
_STRONG_ROW_BREAK = on_first_use(compiled, r"(?<=[。！？])\n")


def _whole(cells: tuple[str, ...], *args: object, **kwargs: object) -> list[tuple[str, ...]]:
    """The row as one row (the rule unfuse-rows switched off)."""
    return [cells]


@repair("unfuse-rows", off=_whole)
def _unfused(
    cells: tuple[str, ...],
    columns: Sequence[PageColumn],
    line: int,
    diagnostics: list[Diagnostic],
    after: int | None = None,
) -> list[tuple[str, ...]]:
    """Rows a converter fused into one, split again where the 序号 cell says so.

    pymupdf4llm sometimes writes two rows as one: |26<br>27|…|A。<br>B…|C。<br>D…|. The
    序号 cell gives the rows; each other cell is cut at its line breaks after a sentence end
    when it has one per boundary (after a full stop, where breaks after ； are too many), and
    otherwise stays whole on the first row; a theme, project or department label that a
    converter prints by height (centred.PLACED_ROLES) stays whole on the tallest row. Numbers that
    do not follow the row before (``after``) are one number wrapped in a narrow column
    (1<br>2 after 11 is 12), joined again.
    """
    seq = next((i for i, c in enumerate(columns) if c.role == "seq"), None)
    if seq is None or not _FUSED_SEQ.match(cells[seq]):
        return [cells]
    numbers = [int(n) for n in cells[seq].split()]
    if after is not None and numbers[0] != after + 1:
        joined = "".join(cells[seq].split())
        if int(joined) == after + 1:
            return [(*cells[:seq], joined, *cells[seq + 1 :])]
        return [cells]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return [cells]
    parts: list[list[str]] = [[""] * len(cells) for _ in numbers]
    whole: list[int] = []  # the cells not cut, each left on one row
    heights = [1] * len(numbers)  # printed lines of each row, as its cut cells show
    for i, text in enumerate(cells):
        pieces = [str(n) for n in numbers] if i == seq else _ROW_BREAK.split(text)
        if len(pieces) > len(numbers):
            pieces = _STRONG_ROW_BREAK.split(text)
        if len(pieces) != len(numbers):
            pieces = [text] + [""] * (len(numbers) - 1)
            whole.append(i)
        elif i != seq:
            heights = [max(h, p.count("\n") + 1) for h, p in zip(heights, pieces, strict=True)]
        for part, piece in zip(parts, pieces, strict=True):
            part[i] = piece
    tallest = heights.index(max(heights))
    for i in whole:
        if tallest and i < len(columns) and columns[i].role in PLACED_ROLES:
            # a merged label printed where its span's middle falls, somewhere in the fused
            # rows: most likely in the tallest
            parts[0][i], parts[tallest][i] = "", cells[i]
    diagnostics.append(
        diagnostic(
            "unfused-rows",
            "info",
            {"count": len(numbers)},
            line=line,
            text=cells[seq],
            rule="unfuse-rows",
        )
    )
    return [tuple(part) for part in parts]


def _last_seq(
    parts: Sequence[tuple[str, ...]], columns: Sequence[PageColumn], before: int | None
) -> int | None:
    """The 序号 of the last of ``parts`` where it is a number, else ``before``."""
    seq = next((i for i, c in enumerate(columns) if c.role == "seq"), None)
    if seq is None or seq >= len(parts[-1]):
        return before
    text = parts[-1][seq].strip().rstrip(".．、")
    return int(text) if text.isascii() and text.isdigit() else before


def _stacked(
    upper: tuple[PageColumn, ...], lower: tuple[PageColumn, ...]
) -> tuple[PageColumn, ...]:
    """The columns of a two-row header: a lower cell that names a role wins over the one
    above it (责任单位 over 牵头单位 | 配合单位); a blank lower cell keeps the upper (序号)."""
    width = max(len(upper), len(lower))
    blank = PageColumn("", None)
    stacked = []
    for i in range(width):
        below = lower[i] if i < len(lower) else blank
        above = upper[i] if i < len(upper) else blank
        stacked.append(below if below.header and below.role is not None else above)
    return tuple(stacked)


def _period_row(
    cells: Sequence[str], upper: tuple[PageColumn, ...]
) -> tuple[PageColumn, ...] | None:
    """The columns of a header's second row that names periods (一季度 | 二季度 | 三季度 |
    四季度 under a merged 时间节点), or None for any other row. Its other cells are blank or
    repeat the header above (an HTML rowspan's copies); the period columns are left to the
    cells' stage (stages/roles.py), which makes them the schedule."""
    columns: list[PageColumn] = []
    periods = 0
    for index, cell in enumerate(cells):
        above = upper[index] if index < len(upper) else PageColumn("", None)
        word = normalise_header(cell)
        if not word or word == normalise_header(above.header):
            columns.append(above)
        elif PERIOD_HEADER.match(word):
            periods += 1
            columns.append(PageColumn(cell.replace("\n", "").strip(), "extra"))
        else:
            return None
    if periods < 2:
        return None
    return (*columns, *upper[len(cells) :])


def _fit(columns: tuple[PageColumn, ...], width: int) -> tuple[PageColumn, ...]:
    """The page's columns cut or padded (with spurious columns) to a row's width."""
    if len(columns) >= width:
        return columns[:width]
    return columns + (PageColumn("", None),) * (width - len(columns))


def _skipped_row(row: RawRow) -> Diagnostic:
    text = " | ".join(cell for cell in row.cells if cell)
    return diagnostic("row-before-header", "warning", line=row.line, text=text or None)
