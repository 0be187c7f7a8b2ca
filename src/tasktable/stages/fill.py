"""Stage 4b: merged cells placed, each value with its origin (SPEC §4).

A merged cell's text stands in one row of its span and the other rows are blank. Theme and
project carry forward; a project never carries into a new theme (spans nest). Departments
carry forward too, except at the first row of a new project span whose department is blank:
the label may sit in the middle of its span, so that row takes the first department written
later in the same span, and carries only if the span has none; in a column whose blanks a
converter wrote as merge marks (NaN, None) the text is in the span's top cell, and such a
row carries instead. Content and schedule never
carry. Where a converter prints labels in the middle of their spans (pymupdf4llm), a column
is read as centred and its spans are placed around their labels by printed height instead
(centred.py). Last, the drafts are checked for text the Markdown shows a converter lost.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from ..context import Context
from ..messages import diagnostic
from ..models import FORCED_STYLES, Diagnostic, How, MergedStyle, Origin, Placement
from ..rules import absent, nothing, repair
from .centred import (
    PLACED_ROLES,
    Evidence,
    evidence,
    fill_centred,
    first_row_backfilled,
    fits_centred,
    flat,
    hints_centred,
    is_centred,
    printed_lines,
    style_doubts,
)
from .drafts import Draft, origin_of, set_value
from .stitch import PageColumn


class Filled(NamedTuple):
    drafts: list[Draft]
    styles: dict[str, MergedStyle]  # role -> where the converter put its merged text


def fill_tasks(
    drafts: list[Draft],
    columns: Sequence[PageColumn],
    ctx: Context,
    *,
    merged: Placement = "auto",
    left_filled: frozenset[str] = frozenset(),
    marked: frozenset[str] = frozenset(),
) -> Filled:
    """The drafts with every merged-cell field resolved, and where each merged column's
    text was written.

    ``merged`` forces where the converter put merged text; "auto" detects it per column.
    ``left_filled`` names the columns stitching found filled from the left, ``marked`` those
    whose blanks the converter wrote as merge marks (NaN, None: stitch.marked_roles). The
    drafts are filled in place, unless the table is read as centred after all: then copies
    of them as they came are, and those are returned.
    """
    diagnostics = ctx.diagnostics
    untouched = _copied(drafts)
    forced = FORCED_STYLES.get(merged)
    reading = _Reading(ctx, left_filled, marked)
    shown: list[Evidence] = []  # what each column showed the detection, if it ran
    kept = len(diagnostics)  # those before this table's reading
    styles = _fill_levels(
        drafts, diagnostics, reading, centred=forced == "centred", forced=forced, shown=shown
    )
    if styles is not None and _cut_labels_centred(ctx, shown, untouched):
        del diagnostics[kept:]  # the top reading's, dropped with it
        styles = None
    if styles is None:  # a column read top-style showed centred labels: read them so
        drafts = untouched
        styles = _fill_levels(drafts, diagnostics, reading, centred=True, forced=None)
        assert styles is not None  # centred=True never asks for a second reading
        diagnostics.extend(_item_doubts(ctx, drafts))
    elif shown and (
        (fitted := fits_centred(untouched) if _printed_tall(drafts, diagnostics) else None)
        or any(map(hints_centred, shown))
        or (fitted is None and fits_centred(untouched))
    ):
        # Labels that a centred cut fits as well, or blank heads of spans, too few to call the
        # table centred: read the untouched rows so too, and warn where the readings differ.
        # An open centred reading is offered too (style_doubts) where the first row takes
        # its labels from below, or where rows printed taller than one line fit it.
        offered = bool(fitted) or first_row_backfilled(drafts)
        strict = _copied(untouched)
        _fill_levels(untouched, list(diagnostics), reading, centred=True, forced=None)
        if offered and any(draft.doubted for draft in untouched):
            # the rows a centred reading leaves open as pymupdf4llm places lines, for
            # style_doubts: the doubts above allow more points than that converter's
            _fill_levels(strict, [], reading, centred=True, forced=None, strict=True)
        items = list(_item_doubts(ctx, drafts))
        said = {(item.line, item.role) for item in items}  # one warning per task and role
        diagnostics.extend(
            doubt
            for doubt in style_doubts(drafts, untouched, strict, offered=offered)
            if (doubt.line, doubt.role) not in said
        )
        diagnostics.extend(items)
    diagnostics.extend(_lost_text(ctx, drafts))
    diagnostics.extend(_empty_columns(ctx, columns, drafts))
    return Filled(drafts, styles)


@repair("centred-labels", off=absent)
def _cut_labels_centred(shown: Sequence[Evidence], untouched: Sequence[Draft]) -> bool | None:
    """Whether the table is centred after all, though no column's blank heads or cuts said
    so (is_centred): a column holds a label printed one line a row whose pieces are no
    words alone (深化“一网 / 通办”, 优化企业开 / 办: evidence's ``unfinished``; a top-placing
    converter writes a merged cell's text whole in its first row), and the table shows a
    second sign of its own: a column's spans begin with blank rows (hints_centred), or a
    centred cut of every level fits every label (fits_centred). Pieces that are words alone,
    or a table without the second sign, are left to the top reading (and its doubts)."""
    if not any(seen.unfinished for seen in shown):
        return False
    return any(map(hints_centred, shown)) or fits_centred(untouched)


def _printed_tall(drafts: Sequence[Draft], diagnostics: Sequence[Diagnostic]) -> bool:
    """Whether some row is printed taller than one line in a row of its own: rows joined
    from several (a row broken by a page break, joined-row) count one line a piece, not the
    lines of their parts on other pages."""
    joined = {d.args.get("above") for d in diagnostics if d.code == "joined-row" and d.args}
    return any(printed_lines(draft) > 1 for draft in drafts if draft.line not in joined)


def _copied(drafts: Sequence[Draft]) -> list[Draft]:
    """Copies of the drafts, to be filled apart."""
    return [
        replace(d, values=dict(d.values), origin=dict(d.origin), doubted=set(d.doubted))
        for d in drafts
    ]


class _Reading(NamedTuple):
    """What the filling of merged columns takes from the stages before and the rules."""

    ctx: Context  # the rules in force: backfill, centred-labels
    left_filled: frozenset[str]  # columns stitching found filled from the left
    #: columns whose blanks the converter wrote as merge marks (NaN, None): a merged cell's
    #: text is in its span's top cell there, and a blank at a span's start is covered by the
    #: merged cell above, never backfilled (SPEC §4)
    marked: frozenset[str]


#: The merged roles from the outside in: (role, the roles whose spans enclose it, whether a
#: value carries into a new enclosing span that names none).
_MERGED_LEVELS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("theme", (), True),
    ("project", ("theme",), False),
    ("departments", ("theme", "project"), True),
    # The assisting units' cell is merged like the lead units' beside it.
    ("partners", ("theme", "project"), True),
    # A leader's cell is merged over the tasks they lead, across projects (SPEC §4: sub-tasks
    # carry the owner too); converters print it on its first row.
    ("owner", (), True),
)


def _fill_levels(
    drafts: list[Draft],
    diagnostics: list[Diagnostic],
    reading: _Reading,
    *,
    centred: bool,
    forced: MergedStyle | None,
    shown: list[Evidence] | None = None,
    strict: bool = False,
) -> dict[str, MergedStyle] | None:
    """Fill the merged columns from the outside in and record where each one's text was.

    Read top-style with nothing forced, each column is first checked for centred labels,
    inside its enclosing spans as that reading cuts them; the first that shows them stops
    the reading (None), for the caller to read the untouched rows as centred. One column is
    enough: one renderer placed them all, and a column may show no sign of its own (a theme
    whose middle falls in a tall first row is printed on that row). What each column
    showed is added to ``shown``. ``strict`` doubts centred spans only where the points
    pymupdf4llm places lines by leave them open (fill_centred).
    """
    # A converter that marks the cells a merge covers (NaN, None) writes the merged text in
    # the span's top cell: no column of its table is centred.
    detect = not centred and forced is None and not reading.marked
    found: list[Diagnostic] = []  # kept only if this reading stands
    styles: dict[str, MergedStyle] = {}
    for role, parents, carry in _MERGED_LEVELS:
        placed_by_height = role in PLACED_ROLES
        seen = None
        if detect and placed_by_height:
            seen = _centred_evidence(reading.ctx, drafts, role, parents)
        if seen is not None:
            if is_centred(seen):
                return None
            if shown is not None:
                shown.append(seen)
        if not any(role in draft.values for draft in drafts):
            continue  # no such column, or nothing in it: nothing placed anywhere
        # A column that comes with its extents (rowspan), or written on every row, or
        # copied from the left, is read the same whatever the table's labels do.
        style = forced or _style(drafts, role, reading.left_filled)
        if centred and placed_by_height and style in ("top", "centred"):
            fill_centred(drafts, role, parents, carry=carry, diagnostics=found, strict=strict)
            styles[role] = "centred"
        else:
            styles[role] = style
            _fill_span(
                drafts,
                role,
                parents=parents,
                carry=carry,
                ctx=reading.ctx,
                diagnostics=found,
                marked=role in reading.marked,
            )
    diagnostics.extend(found)
    return styles


@repair("centred-labels", off=absent)
def _centred_evidence(
    drafts: Sequence[Draft], role: str, parents: tuple[str, ...]
) -> Evidence | None:
    """What a column shows of labels printed mid-span, for the detection (centred.py)."""
    return evidence(drafts, role, parents)


def _style(drafts: Sequence[Draft], role: str, left_filled: frozenset[str]) -> MergedStyle:
    """How a column that is not centred was written, for the record: spanned where cells
    came with their extent (HTML rowspan), left-filled where cells copying their left
    neighbour were read as blank, repeated where (nearly) every row writes the text and rows
    repeat the row above, else top."""
    if any(role in draft.origin and draft.origin[role].rows for draft in drafts):
        return "spanned"
    if role in left_filled:
        return "left-filled"
    written = [
        draft.values.get(role) if draft.origin.get(role, _NONE).how == "explicit" else None
        for draft in drafts
    ]
    repeats = sum(1 for above, text in pairwise(written) if text and text == above)
    share = sum(map(bool, written)) / len(written)
    if share >= _WRITTEN_SHARE and repeats >= _REPEAT_SHARE * len(written):
        return "repeated"
    return "top"


#: A column read as repeated: nearly every row writes its text, and many repeat the row
#: above. A column where every row names its own department is no merged column at all.
_WRITTEN_SHARE = 0.9
_REPEAT_SHARE = 0.25
_NONE = origin_of("explicit", 0)


def _fill_span(
    drafts: list[Draft],
    role: str,
    *,
    parents: tuple[str, ...],
    carry: bool,
    diagnostics: list[Diagnostic],
    ctx: Context,
    marked: bool = False,
) -> None:
    """Fill blank ``role`` values from the merged cell they belong to.

    ``parents`` are the enclosing merged roles; a change in them starts a new span. ``carry``
    says whether a value may carry across a parent change when the new span names none.
    With the rule backfill on in ``ctx``, a blank span start takes the label below, unless
    the column is ``marked``: its blanks were written as cells a merge covers (NaN, None), so
    a blank span start is under the merged cell above and carries it.
    """
    previous_key: tuple[str | None, ...] | None = None
    current: tuple[str, Origin] | None = None
    for index, draft in enumerate(drafts):
        key = tuple(map(draft.values.get, parents))
        starts_span = key != previous_key
        previous_key = key
        text = draft.values.get(role)
        if text:
            current = (text, draft.origin[role])
            continue
        if starts_span:
            later = None if marked else _first_in_span(ctx, drafts, index, role, parents, key)
            if later is not None:
                current = later
                set_value(draft, role, later[0], origin_of("backfilled", later[1].line))
                diagnostics.append(
                    diagnostic(
                        "backfilled",
                        "info",
                        {"role": role, "source": later[1].line},
                        line=draft.line,
                        seq=draft.seq,
                        role=role,
                        text=later[0],
                        rule="backfill",
                    )
                )
                continue
            if not carry:
                current = None
        if current is not None:
            line = current[1].line
            how: How = "backfilled" if line > draft.line else "carried"
            set_value(draft, role, current[0], origin_of(how, line))


@repair("backfill", off=absent)
def _first_in_span(
    drafts: Sequence[Draft],
    start: int,
    role: str,
    parents: tuple[str, ...],
    key: tuple[str | None, ...],
) -> tuple[str, Origin] | None:
    for draft in drafts[start + 1 :]:
        if tuple(draft.values.get(p) for p in parents) != key:
            return None
        text = draft.values.get(role)
        if text and draft.origin[role].how == "explicit":
            return text, draft.origin[role]
    return None


@repair("centred-labels", off=nothing)
def _item_doubts(drafts: Sequence[Draft]) -> Iterator[Diagnostic]:
    """Warnings where a sub-task may be the first row of the task below it, in a table whose
    labels may stand in the middle of their spans: a 序号 merged over a task's rows is such
    a label, printed on its second row where that row is the taller (zoo zhonglou: 3 on the
    row below 完成瞿秋白纪念馆…), and the Markdown cannot tell the two readings apart. Each
    merged value the row takes from above and would take from the task below instead is
    said to be in doubt; the row stays a sub-task of the task above (SPEC §4). A table in
    which some task of several rows has its 序号 on a first row that its middle cannot fall
    in prints its numbers on top, and gets none."""
    if not _numbers_may_be_centred(drafts):
        return
    for draft, below in pairwise(drafts):
        if draft.sub == 1 or below.sub != 1 or below.seq is None or below.page != draft.page:
            continue
        for role in PLACED_ROLES:
            given, other = draft.values.get(role), below.values.get(role)
            if given is None:
                continue  # no such column, or a value nothing gave: no reading to doubt
            if not other or given == other or draft.origin[role].how == "explicit":
                continue
            yield diagnostic(
                "uncertain-span",
                "warning",
                {"role": role, "why": "item", "first": flat(given), "second": flat(other)},
                line=draft.line,
                seq=draft.seq,
                role=role,
                text=given or None,
                rule="centred-labels",
            )


def _numbers_may_be_centred(drafts: Sequence[Draft]) -> bool:
    """Whether there are tasks of several rows on one page, and each has its 序号 on a first
    row that holds the middle of its rows (printed_lines), off the border: a centring
    converter prints it there, and one that prints on top as well. Rows of one line each
    (converters that keep no line breaks) say nothing."""
    several = False
    start = 0
    for end in range(1, len(drafts) + 1):
        if end < len(drafts) and drafts[end].sub != 1:
            continue
        rows = drafts[start:end]
        start = end
        if len(rows) < 2 or len({draft.page for draft in rows}) > 1:
            continue
        several = True
        heights = [printed_lines(draft) for draft in rows]
        if sum(heights) / 2 >= heights[0]:
            return False
    return several


@repair("lost-text", off=nothing)
def _lost_text(drafts: Sequence[Draft]) -> Iterator[Diagnostic]:
    """Warnings where the Markdown shows that a converter dropped text (pdfplumber drops
    cells not closed by a rule at a page break): a 序号 that jumps (14, then 16: row 15 is
    gone), and a merged label that only a row continued from the page before brings, to a
    task that had none and unlike the task above (its first part is gone). The values are
    still filled as the Markdown says; the warning says which to check against the PDF."""
    previous: Draft | None = None
    for draft in drafts:
        if previous is not None and draft.sub == 1 and previous.seq and draft.seq:
            if draft.seq > previous.seq + 1:
                missing = draft.seq - previous.seq - 1
                yield diagnostic(
                    "missing-rows",
                    "warning",
                    {
                        "before": previous.seq,
                        "after": draft.seq,
                        "missing": missing,
                        "why": "one" if missing == 1 else "many",
                    },
                    line=draft.line,
                    seq=draft.seq,
                    rule="lost-text",
                )
        for role, line in draft.orphans.items():
            text = draft.values.get(role)
            if previous is None or previous.values.get(role) != text:
                yield diagnostic(
                    "label-without-start",
                    "warning",
                    {"role": role},
                    line=line,
                    seq=draft.seq,
                    role=role,
                    text=text,
                    rule="lost-text",
                )
        previous = draft


@repair("lost-text", off=nothing)
def _empty_columns(columns: Sequence[PageColumn], drafts: Sequence[Draft]) -> list[Diagnostic]:
    """A warning for each named column that holds no text in any row: a converter may have
    dropped its cells (pdfplumber loses merged labels at open page borders). No value is
    invented for it."""
    if not drafts:
        return []
    return [
        diagnostic(
            "empty-column",
            "warning",
            {"role": column.role, "column": column.header},
            column=column.header,
            role=column.role,
            rule="lost-text",
        )
        for column in columns
        if column.role not in (None, "extra", "seq")
        and not any(column.role in d.values for d in drafts)
    ]
