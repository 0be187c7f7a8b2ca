"""Stage 2b: roles from the cells, where the header leaves them open (SPEC §2).

Header words propose roles (stages/stitch.py); this stage reads each column's cells to settle
what the words leave open:

- a column whose header names no role takes the role its cells show, if that role is free:
  long sentences are content, unit names departments (partners beside a departments column),
  people's names the owner, date phrases the schedule, percentages and 已完成 the progress
  (not under a header naming a goal: 目标值 6% is planned),
  short labels left of the content a theme (recurring over runs of rows) or project;
- a column named only by 进度 (progress) whose cells report rather than plan is progress;
- a table always has a content column: where no header names one, the one project column,
  else the column with the longest text.

A user's role map wins: its columns are never changed. Each inferred role gets an
``inferred-role`` info, each unknown column that stays under extra an ``unknown-header``
warning saying how to give it a role.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Final

from ..context import Context
from ..messages import diagnostic
from ..models import Diagnostic
from ..patterns import compiled
from ..rules import repair, unchanged
from ..vocab.headers import (
    AMBIGUOUS_PROGRESS_WORD,
    HEADER_SYNONYMS,
    PERIOD_HEADER,
    PLAN_WORDS,
    ROLES,
    TARGET_WORDS,
    TASK_WORDS,
)
from ..vocab.shapes import PROGRESS_CUE
from .profiles import Kind, Profile, profile_of
from .realign import parse_seq, role_score, shape_of
from .stitch import Grid, GridRow, PageColumn, RoleMap, header_role, normalise_header

#: A column takes a role from its cells only when at least this share of them agree.
_CLEAR_SHARE: Final = 0.6
#: Share of a column's cells beyond which blanks and repeats of the cell above make runs of
#: rows: the label column is a merged cell, a theme.
_RUN_SHARE: Final = 0.2
#: Fewest cells whose kinds overrule the roles two headers name: one row may be shifted.
_MIN_EVIDENCE: Final = 2
#: Share of a 进度 column's cells that must report progress for it to be progress.
_PROGRESS_SHARE: Final = 0.5

#: A percentage (65%, 7.5%): a report's or a goal's, the words around it tell.
_PERCENT: Final = compiled(r"[0-9０-９]+(?:[.．][0-9]+)?\s*[%％]")

_EXTRA_WORDS: Final = frozenset(HEADER_SYNONYMS["extra"])
#: The roles that hold the task's own words, short or long.
_TEXT_ROLES: Final = ("theme", "project", "content")

#: The role each kind of cell proposes for a column whose header names none, in order of
#: preference: units lead, or assist where another column leads.
_ROLES_OF_KIND: Final[dict[Kind, tuple[str, ...]]] = {
    "sentence": ("content",),
    "unit": ("departments", "partners"),
    "person": ("owner",),
    "date": ("schedule",),
    "progress": ("progress",),
}


def assign_roles(grid: Grid, roles: RoleMap, ctx: Context) -> Grid:
    """The grid with every column's role settled from its cells where its header left it
    open (rule roles-from-cells); diagnostics for inferred and unplaceable columns go to
    ``ctx``."""
    return _roles_from_cells(ctx, grid, roles, ctx.diagnostics)


@repair("roles-from-cells", off=unchanged)
def _roles_from_cells(grid: Grid, roles: RoleMap, notes: list[Diagnostic]) -> Grid:
    """``assign_roles`` where the rule is on; its diagnostics are added to ``notes``."""
    columns = list(grid.columns)
    fixed = {i for i, c in enumerate(columns) if normalise_header(c.header) in roles}
    rows = _full_rows(grid.rows)
    profiles = _Profiles(rows, columns)
    diagnostics: list[Diagnostic] = []

    def taken(role: str) -> bool:
        return any(c.role == role for c in columns)

    header_line = grid.line

    def give(index: int, role: str, why: str) -> None:
        """Give column ``index`` the role ``role``; ``why`` names the reason's sentence."""
        column = columns[index]
        columns[index] = PageColumn(column.header, role)
        header = column.header or f"column {index + 1}"
        diagnostics.append(
            diagnostic(
                "inferred-role",
                "info",
                {"column": header, "role": role, "why": why},
                line=header_line,
                column=column.header or None,
                role=role,
                rule="roles-from-cells",
            )
        )

    for index, column in enumerate(columns):
        if index in fixed:
            continue
        named = column.role if column.role != "extra" else header_role(column.header)
        if named == "schedule" and _reports_progress(column, profiles, index):
            if not taken("progress"):
                give(index, "progress", "progress")
        elif column.role == "extra" and named == "content":
            _settle_two_text_columns(index, columns, profiles, fixed, give)
    swapped = _labels_named_content(columns, profiles, fixed)
    if swapped is not None:
        labels, sentences = swapped
        columns[labels] = PageColumn(columns[labels].header, "extra")
        give(sentences, "content", "longest-text")
    for index in _open_columns(columns, fixed, rows):
        role = _role_from_cells(index, columns, profiles, rows, {c.role for c in columns})
        if role is not None:
            give(index, role, "cells")
        elif profiles[index].main_kind()[0] == "sentence":
            _settle_two_text_columns(index, columns, profiles, fixed, give)
    if not taken("content"):
        text_column = _longest_text_column(columns, profiles, fixed)
        if text_column is not None:
            only = columns[text_column].role == "project"
            give(text_column, "content", "only-project" if only else "longest")
    for index, column in enumerate(columns):
        if column.role == "extra" and index not in fixed and _unknown(column.header):
            diagnostics.append(_unknown_header(column, header_line, header_role(column.header)))
    notes.extend(diagnostics)
    if columns == list(grid.columns):
        return grid
    pairs = enumerate(zip(grid.columns, columns, strict=True))
    changed = {(i, old.header): new for i, (old, new) in pairs if old != new}
    rows = [_with_roles(row, changed) for row in grid.rows]
    return replace(grid, columns=tuple(columns), rows=rows)


def _full_rows(rows: Sequence[GridRow]) -> Sequence[GridRow]:
    """The rows whose cells stand under their own headers as far as the source shows: those
    whose line writes every cell. A short row (markitdown drops a merged cell from Word's
    rows, | 2 | 开展…整治。 | 9月底前 |) has its texts left of their columns until
    realignment puts them back, and would lend 主要任务 a 工作措施's sentences. All rows where
    none writes every cell."""
    full = [row for row in rows if not row.short]
    return full or rows


class _Profiles:
    """Column profiles, each read from the cells once it is asked for: most tables name
    every column and never ask."""

    def __init__(self, rows: Sequence[GridRow], columns: Sequence[PageColumn]) -> None:
        self._rows = rows
        self._headers = [column.header for column in columns]
        self._known: dict[int, Profile] = {}

    def __getitem__(self, index: int) -> Profile:
        profile = self._known.get(index)
        if profile is None:
            header = self._headers[index]
            profile = self._known[index] = profile_of(
                row.cells[index]
                for row in self._rows
                if index < len(row.cells) and row.columns[index].header == header
            )
        return profile


def _open_columns(
    columns: Sequence[PageColumn], fixed: set[int], rows: Sequence[GridRow]
) -> list[int]:
    """Columns whose header names no role: unknown headers (kept under extra so far), and
    blank headers whose cells stand beside their neighbours' (a header merged over two
    columns, 责任单位 over lead and assisting units; a 序号 printed without its word). A
    blank-header column whose cells stand where a neighbour's are missing is the spurious
    column a converter adds: the text in it was shifted there, and realignment moves it
    back."""
    return [
        index
        for index, column in enumerate(columns)
        if index not in fixed
        and (
            (column.role == "extra" and header_role(column.header) is None)
            or (column.role is None and not column.header and _own_cells(index, columns, rows))
        )
    ]


def _own_cells(index: int, columns: Sequence[PageColumn], rows: Sequence[GridRow]) -> bool:
    """Whether a blank-header column's cells are its own: in most rows that write it, the
    named columns on either side hold text that fits them. A cell shifted into it leaves its
    own column blank, or the whole row shifted: its neighbour holds the text of another role
    (a schedule under 责任部门)."""
    neighbours = [
        i for i in (index - 1, index + 1) if 0 <= i < len(columns) and columns[i].role is not None
    ]
    written = [row.cells for row in rows if index < len(row.cells) and row.cells[index]]
    if not written or not neighbours:
        return False
    beside = sum(all(_fits(cells, i, columns[i].role) for i in neighbours) for cells in written)
    return beside >= _CLEAR_SHARE * len(written)


def _fits(cells: Sequence[str], index: int, role: str | None) -> bool:
    """Whether a row's cell in a column is written and looks like the column's role; the
    task's text roles pass for each other (工作任务 names the project or the content, and the
    cells settle which later)."""
    text = cells[index] if index < len(cells) else ""
    if not text:
        return False
    if role not in ROLES:
        return True
    shape = shape_of(text)
    alike = _TEXT_ROLES if role in _TEXT_ROLES else (role,)
    return max(role_score(shape, r) for r in alike) >= 0


def _unknown(header: str) -> bool:
    """A header the vocabulary does not keep under extra on purpose (联系电话, 备注)."""
    return normalise_header(header) not in _EXTRA_WORDS


def _role_from_cells(
    index: int,
    columns: Sequence[PageColumn],
    profiles: _Profiles,
    rows: Sequence[GridRow],
    taken: set[str | None],
) -> str | None:
    """The free role a column's cells clearly show, or None. A column whose header is a
    period (一季度) or whose cells are date phrases joins a schedule column beside it: the
    schedule is written over several columns (一季度 | 二季度…, 计划开工时间 | 计划竣工时间)."""
    kind, share = profiles[index].main_kind()
    dated = kind == "date" and share >= _CLEAR_SHARE
    if dated or PERIOD_HEADER.match(normalise_header(columns[index].header)):
        if "schedule" not in taken or _beside_schedule(index, columns):
            return "schedule"
    if kind is None or share < _CLEAR_SHARE:
        return None
    if kind == "label":
        return _label_role(index, columns, profiles, rows, taken)
    if kind == "number":
        return "seq" if "seq" not in taken and _counts_up(index, rows) else None
    if kind == "progress" and _names_target(columns[index].header):
        if not _reports_in_words(index, rows):
            return None  # 目标值: 6%: a goal, not how far the work got
    for role in _ROLES_OF_KIND.get(kind, ()):
        if role == "partners" and "departments" not in taken:
            continue
        if role not in taken:
            return role
    return None


def _beside_schedule(index: int, columns: Sequence[PageColumn]) -> bool:
    """Whether a column stands next to a schedule column."""
    return any(
        0 <= i < len(columns) and columns[i].role == "schedule" for i in (index - 1, index + 1)
    )


def _counts_up(index: int, rows: Sequence[GridRow]) -> bool:
    """Whether a column's numbers count up the rows (1, 2, 3…), as serial numbers do; other
    numbers (amounts, counts) do not."""
    numbers = [
        parse_seq(row.cells[index]) for row in rows if index < len(row.cells) and row.cells[index]
    ]
    known = [n for n in numbers if n is not None]
    rising = sum(b > a for a, b in pairwise(known))
    return len(known) >= 2 and rising >= _CLEAR_SHARE * (len(known) - 1)


def _label_role(
    index: int,
    columns: Sequence[PageColumn],
    profiles: _Profiles,
    rows: Sequence[GridRow],
    taken: set[str | None],
) -> str | None:
    """Short labels left of the content group the tasks: a theme where they recur over runs
    of rows (a merged cell, blank or written out in each row), a project where each row
    names its own; labels that come back after others (任务来源: 政府工作报告, 县委全会,
    政府工作报告) group nothing. Where no column is the content yet, labels that differ row
    by row right of the one project column say what the task is to do (重点工作 | 年度目标:
    外贸进出口总额 | 达到45亿元): they are the content, unless the project column holds the
    sentences (工作任务 | 工作要求: 开展…审计。 | 全覆盖), which short labels never take the
    content from; else the content is the column that will be (the one project, or the
    longest text), and labels right of it (a 单位 column of %, 人; 成果形式) are none of
    these."""
    texts = [row.cells[index] for row in rows if index < len(row.cells)]
    runs = sum(not text or text == above for above, text in pairwise(texts))
    recurring = runs > _RUN_SHARE * len(texts)
    content = next((i for i, c in enumerate(columns) if c.role == "content"), None)
    if content is None:
        projects = [i for i, c in enumerate(columns) if c.role == "project"]
        if (
            not recurring
            and len(projects) == 1
            and projects[0] < index
            and profiles[projects[0]].share("sentence") < _CLEAR_SHARE
        ):
            return "content"
        content = _longest_text_column(columns, profiles, set())
    if content is not None and index >= content:
        return None
    for role in ("theme", "project") if recurring else ("project",):
        if role not in taken:
            return role
    return None


def _settle_two_text_columns(
    index: int,
    columns: Sequence[PageColumn],
    profiles: _Profiles,
    fixed: set[int],
    give: Callable[[int, str, str], None],
) -> None:
    """Two columns whose headers both name the task text (主要任务 | 工作措施, 民生实事 | 目标
    任务): the one with the longer sentences is the content, and short labels left of it are
    the project, where the table has none."""
    holder = next((i for i, c in enumerate(columns) if c.role == "content"), None)
    if holder is None or holder in fixed or any(c.role == "project" for c in columns):
        return
    mine, theirs = profiles[index], profiles[holder]
    labels, text = (holder, index) if theirs.length < mine.length else (index, holder)
    if labels > text or profiles[labels].share("label") < _CLEAR_SHARE:
        return
    give(labels, "project", "labels-beside-text")
    if text == index:
        give(index, "content", "longest-text")


def _labels_named_content(
    columns: Sequence[PageColumn], profiles: _Profiles, fixed: set[int]
) -> tuple[int, int] | None:
    """(labels, sentences) where the content column, so named by its header, holds short
    labels and the one project column, named by a word for the task itself (工作任务), the
    task's sentences (工作任务 | 目标要求: 开展…审计，审计资金总额40亿元。 | 全覆盖): short
    labels never take the content from a column of sentences, which is then the content,
    and the labels stay under extra. A 项目名称 stays the project: its cells may be a shifted
    row's, which realignment puts back."""
    contents = [i for i, c in enumerate(columns) if c.role == "content"]
    projects = [i for i, c in enumerate(columns) if c.role == "project"]
    if len(contents) != 1 or len(projects) != 1 or {contents[0], projects[0]} & fixed:
        return None
    if normalise_header(columns[projects[0]].header) not in TASK_WORDS:
        return None
    labels, sentences = profiles[contents[0]], profiles[projects[0]]
    if (
        min(labels.cells, sentences.cells) >= _MIN_EVIDENCE
        and labels.share("label") >= _CLEAR_SHARE
        and sentences.share("sentence") >= _CLEAR_SHARE
        and labels.length < sentences.length
    ):
        return contents[0], projects[0]
    return None


def _reports_progress(column: PageColumn, profiles: _Profiles, index: int) -> bool:
    """A schedule column named by 进度 alone whose cells report progress (not 进度目标: a
    goal)."""
    word = normalise_header(column.header)
    if AMBIGUOUS_PROGRESS_WORD not in word or any(plan in word for plan in PLAN_WORDS):
        return False
    return not _names_target(word) and profiles[index].share("progress") >= _PROGRESS_SHARE


def _reports_in_words(index: int, rows: Sequence[GridRow]) -> bool:
    """Whether most of a column's cells report progress in words (已完成, 正在推进, 滞后),
    not by a bare percentage, which a column of goals holds too."""
    written = [row.cells[index] for row in rows if index < len(row.cells) and row.cells[index]]
    words = sum(PROGRESS_CUE.search(_PERCENT.sub("", text)) is not None for text in written)
    return bool(written) and words >= _PROGRESS_SHARE * len(written)


def _names_target(header: str) -> bool:
    """Whether a header says its column holds goals (目标值, 主要指标, 预期目标): percentages
    there are what is planned, never a report of progress."""
    word = normalise_header(header)
    return any(target in word for target in TARGET_WORDS)


def _longest_text_column(
    columns: Sequence[PageColumn], profiles: _Profiles, fixed: set[int]
) -> int | None:
    """The column that holds the task text where no header names one: the one project
    column (序号 | 重点工作任务 | 责任单位), else the unknown or grouping column with the
    longest sentences."""
    projects = [i for i, c in enumerate(columns) if c.role == "project" and i not in fixed]
    if len(projects) == 1:
        return projects[0]
    candidates = [
        i
        for i, c in enumerate(columns)
        if i not in fixed
        and c.role in ("extra", "theme", "project", None)
        and profiles[i].cells
        and profiles[i].share("sentence") + profiles[i].share("label") >= _CLEAR_SHARE
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda i: profiles[i].length)


def _unknown_header(column: PageColumn, line: int | None, named: str | None) -> Diagnostic:
    args = {"column": column.header, "named": named, "why": "taken" if named else "unknown"}
    return diagnostic(
        "unknown-header",
        "warning",
        args,
        line=line,
        column=column.header,
        rule="roles-from-cells",
    )


def _with_roles(row: GridRow, changed: dict[tuple[int, str], PageColumn]) -> GridRow:
    columns = tuple(changed.get((i, column.header), column) for i, column in enumerate(row.columns))
    return row if columns == row.columns else replace(row, columns=columns)
