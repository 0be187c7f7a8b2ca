"""Stage 3: put each cell under the role its text belongs to (SPEC §3).

Converters shift cells left (a merged cell was dropped) or right (a spurious empty column).
A row's non-empty cells keep their order, so realignment is a monotone assignment of cells to
the page's roles. It is solved exactly by dynamic programming over a score that adds, per cell,
how much its text looks like the role (``role_score``) and how far it would move.

A row whose cells all look plausible where they stand is never touched; only rows with an
implausible cell are realigned. Values seen in such untouched rows form a small lexicon of the
document's themes, projects and departments, which breaks ties such as a short heading that
could be a theme or a project.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import Diagnostic
from ..vocab.shapes import (
    CLOSERS,
    DATE_CUE,
    DEPARTMENT_LIST,
    SENTENCE_ENDS,
    SENTENCE_PUNCT,
    SEQ_NUMBER,
)
from .stitch import Column, Grid, GridRow

#: Score of a cell left where no role fits (it goes to a diagnostic instead).
UNPLACED = -20.0
#: Cost of moving a cell by one column.
MOVE_COST = 0.5
#: A cell whose score for its own column is below this makes its row a candidate for moving.
PLAUSIBLE = -2.0
#: Bonus for a text already seen under this role in an untouched row of the same document.
KNOWN_VALUE = 3.0
#: Penalty for a new theme whose row names no project: a merged theme spans whole projects.
THEME_WITHOUT_PROJECT = -3.0
#: Longest text tried as a list of organisation names; longer cells are sentences.
_LONGEST_DEPARTMENT_LIST = 80
#: Roles whose values recur over merged spans and so feed the lexicon.
_LEXICON_ROLES = ("theme", "project", "departments")


class Shape(NamedTuple):
    """What a cell's text looks like, computed once per distinct text."""

    length: int
    number: bool
    sentence_end: bool
    punct: bool
    dates: int
    starts_with_date: bool
    department: bool


@dataclass(slots=True)
class AlignedRow:
    line: int
    page: int
    fields: dict[str, str] = field(default_factory=dict)  # role -> text
    sources: dict[str, str] = field(default_factory=dict)  # role -> header it was written under
    extra: dict[str, str] = field(default_factory=dict)  # header -> text, for unknown columns
    unplaced: list[str] = field(default_factory=list)


def shape_of(text: str) -> Shape:
    flat = text.replace("\n", "").strip()
    dates, first = 0, -1
    for match in DATE_CUE.finditer(flat):
        if not dates:
            first = match.start()
        dates += 1
    closed = flat.rstrip(CLOSERS)
    return Shape(
        length=len(flat),
        number=SEQ_NUMBER.match(flat) is not None,
        sentence_end=bool(closed) and closed[-1] in SENTENCE_ENDS,
        punct=SENTENCE_PUNCT.search(flat) is not None,
        dates=dates,
        starts_with_date=0 <= first < 4,
        department=len(flat) <= _LONGEST_DEPARTMENT_LIST
        and DEPARTMENT_LIST.match(text) is not None,
    )


def role_score(shape: Shape, role: str) -> float:
    """How much a text of this shape looks like a value of ``role``: 0 neutral, <0 unlike."""
    if shape.number:
        return 3.0 if role == "seq" else -8.0
    if role == "seq":
        return -8.0
    if role in ("departments", "partners"):
        if shape.department:
            return 3.0
        return -2.0 if shape.length <= 8 and not shape.punct else -6.0
    if shape.department:
        return -4.0
    if role == "owner":
        return 0.0 if shape.length <= 10 and not shape.punct else -4.0
    if role == "theme":
        score = -6.0 if shape.sentence_end else 0.0
        if shape.punct and not shape.sentence_end and 8 <= shape.length <= 40:
            score += 1.0  # two clauses in one heading: 夯实三大基础，提升科协服务效能
        return score - min(shape.dates, 2) - (3.0 if shape.length > 50 else 0.0)
    if role == "project":
        score = -6.0 if shape.sentence_end else (-2.0 if shape.punct else 0.0)
        if shape.length <= 16 and not shape.punct:
            score += 1.0
        return score - min(shape.dates, 2) - (3.0 if shape.length > 30 else 0.0)
    if role == "content":
        score = 1.0 if shape.length >= 15 else (-1.0 if shape.length < 6 else 0.0)
        return score - (1.0 if shape.starts_with_date else 0.0)
    if role == "schedule":
        if shape.dates == 0:
            return -1.0
        return 1.0 + 0.5 * min(shape.dates, 4) + (1.0 if shape.starts_with_date else 0.0)
    return 0.0  # extra: anything goes, but only in its own column


def realign_rows(grid: Grid) -> list[AlignedRow]:
    """Assign every non-empty cell of every row to a role; moved cells get diagnostics."""
    shapes: dict[str, Shape] = {}
    for row in grid.rows:
        for text in row.cells:
            if text and text not in shapes:
                shapes[text] = shape_of(text)
    untouched = [_is_plausible(row, shapes) for row in grid.rows]
    lexicon = _build_lexicon(row for row, ok in zip(grid.rows, untouched, strict=True) if ok)
    aligned: list[AlignedRow] = []
    theme = ""
    for row, ok in zip(grid.rows, untouched, strict=True):
        cells = [(i, text) for i, text in enumerate(row.cells) if text]
        if not cells:
            continue
        if ok:
            roles = [row.columns[i].role for i, _ in cells]
        else:
            roles = best_assignment(row, cells, shapes, lexicon, theme)
        result = _apply(row, cells, roles, grid.diagnostics)
        theme = result.fields.get("theme", theme)
        aligned.append(result)
    return aligned


def _is_plausible(row: GridRow, shapes: dict[str, Shape]) -> bool:
    for column, text in zip(row.columns, row.cells, strict=True):
        if not text:
            continue
        if column.role is None:
            return False
        if column.role != "extra" and role_score(shapes[text], column.role) < PLAUSIBLE:
            return False
    return True


def _build_lexicon(rows: Iterable[GridRow]) -> dict[str, set[str]]:
    lexicon: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for column, text in zip(row.columns, row.cells, strict=True):
            if text and column.role in _LEXICON_ROLES:
                lexicon[column.role].add(text)
    return lexicon


def best_assignment(
    row: GridRow,
    cells: Sequence[tuple[int, str]],
    shapes: dict[str, Shape],
    lexicon: dict[str, set[str]],
    theme: str,
) -> list[str | None]:
    """The highest-scoring monotone assignment of ``cells`` to the page's roles.

    ``cells`` are (column index, text) in column order; the result gives each cell's role,
    or None for a cell no role fits. ``theme`` is the theme in force before this row.
    """
    slots = [(i, c.role) for i, c in enumerate(row.columns) if c.role is not None]
    project = next((k for k, (_, role) in enumerate(slots) if role == "project"), len(slots))
    gains = [
        [_gain(column, text, slot, shapes, lexicon) for slot in slots] for column, text in cells
    ]
    # Forward DP. A state is (last slot used, whether that slot opened a new theme that no
    # project followed yet); it maps to the best score so far and a back-pointer
    # (previous state, slot picked for this cell or None for unplaced).
    start: _State = (-1, False)
    layers: list[dict[_State, tuple[float, _State, int | None]]] = []
    scores: dict[_State, float] = {start: 0.0}
    for index, (_, text) in enumerate(cells):
        layer: dict[_State, tuple[float, _State, int | None]] = {}
        row_gains = gains[index]
        for state, score in scores.items():
            last, theme_open = state
            unplaced = layer.get(state)
            if unplaced is None or score + UNPLACED > unplaced[0]:
                layer[state] = (score + UNPLACED, state, None)
            for slot in range(last + 1, len(slots)):
                gain = row_gains[slot]
                if gain == _NEVER:
                    continue
                if theme_open and slot > project:
                    gain += THEME_WITHOUT_PROJECT
                opens = slots[slot][1] == "theme" and text != theme and project < len(slots)
                key = (slot, opens)
                best = layer.get(key)
                if best is None or score + gain > best[0]:
                    layer[key] = (score + gain, state, slot)
        layers.append(layer)
        scores = {state: entry[0] for state, entry in layer.items()}
    state = max(scores, key=lambda s: scores[s] + (THEME_WITHOUT_PROJECT if s[1] else 0.0))
    picks: list[int | None] = []
    for layer in reversed(layers):
        _, state, pick = layer[state]
        picks.append(pick)
    picks.reverse()
    return [None if pick is None else slots[pick][1] for pick in picks]


_State = tuple[int, bool]
_NEVER = float("-inf")


def _gain(
    column: int,
    text: str,
    slot: tuple[int, str | None],
    shapes: dict[str, Shape],
    lexicon: dict[str, set[str]],
) -> float:
    position, role = slot
    if role == "extra":
        return 0.0 if position == column else _NEVER
    assert role is not None
    score = role_score(shapes[text], role) - MOVE_COST * abs(position - column)
    if text in lexicon.get(role, ()):
        score += KNOWN_VALUE
    return score


def _apply(
    row: GridRow,
    cells: Sequence[tuple[int, str]],
    roles: Sequence[str | None],
    diagnostics: list[Diagnostic],
) -> AlignedRow:
    result = AlignedRow(row.line, row.page)
    moved: list[tuple[str, str, str]] = []  # (header, role, text)
    for (position, text), role in zip(cells, roles, strict=True):
        column: Column = row.columns[position]
        header = column.header or f"column {position + 1}"
        if role is None:
            result.unplaced.append(text)
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="unplaced",
                    message=f"no role fits the text under {header!r}; it is kept only here",
                    line=row.line,
                    column=header,
                    text=text,
                )
            )
        elif role == "extra":
            result.extra[header] = text
        else:
            result.fields[role] = text
            result.sources[role] = header
            if role != column.role:
                moved.append((header, role, text))
    seq = parse_seq(result.fields.get("seq", ""))
    for header, role, text in moved:
        diagnostics.append(
            Diagnostic(
                level="info",
                code="realigned",
                message=f"text under {header!r} moved to {role}",
                line=row.line,
                seq=seq,
                column=header,
                role=role,
                text=text,
            )
        )
    return result


def parse_seq(text: str) -> int | None:
    """The serial number in a 序号 cell (1, ０１, 3.), or None."""
    match = SEQ_NUMBER.match(text)
    return int(match.group(1)) if match else None
