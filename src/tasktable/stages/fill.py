"""Stage 4: aligned rows to tasks. Merged cells filled, each value with its origin (SPEC §4).

A merged cell's text stands in one row of its span and the other rows are blank. Theme and
project carry forward; a project never carries into a new theme (spans nest). Departments
carry forward too, except at the first row of a new project span whose department is blank:
the label may sit in the middle of its span, so that row takes the first department written
later in the same span, and carries only if the span has none. Content and schedule never
carry. Rows without a 序号 continue the numbered row above them (a row broken by a page break).
Where a converter prints labels in the middle of their spans (pymupdf4llm), a column is read
as centred and its spans are placed around their labels by printed height instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Literal, NamedTuple, get_args

from ..models import Diagnostic, How, MergedStyle, Origin
from ..vocab.headers import MERGED_ROLES
from ..vocab.shapes import ITEM_MARKER
from ..wraps import ends_sentence, sentence_tail, split_names, split_roles, unwrap
from .centred import (
    Evidence,
    evidence,
    fill_centred,
    fits_centred,
    hints_centred,
    is_centred,
    style_doubts,
)
from .drafts import Draft, origin_of, set_value
from .realign import AlignedRow, parse_seq

#: A mark between clauses: a text holding one is more than a single phrase.
_CLAUSE_MARK = re.compile(r"[，,；;。]")

_TEXT_FIELDS = ("theme", "project", "content", "schedule", "owner")
_LIST_FIELDS = ("departments", "partners")


def fill_tasks(
    rows: Sequence[AlignedRow],
    diagnostics: list[Diagnostic],
    *,
    has_seq: bool,
    has_theme: bool = False,
    merged: Placement = "auto",
) -> Filled:
    """Tasks with every merged-cell field resolved; continuation rows joined.

    Section rows (一、…) are no tasks; in a table without a theme column (``has_theme``)
    their title is the theme of the rows below them, up to the next section. ``merged``
    forces where the converter put merged text; "auto" detects it per column.
    """
    drafts = _join_continuations(rows, diagnostics, has_seq=has_seq, has_theme=has_theme)
    untouched = [
        replace(d, values=dict(d.values), origin=dict(d.origin), doubted=set(d.doubted))
        for d in drafts
    ]
    forced = _FORCED.get(merged)
    shown: list[Evidence] = []  # what each column showed the detection, if it ran
    styles = _fill_levels(
        drafts, diagnostics, centred=merged == "centre", forced=forced, shown=shown
    )
    if styles is None:  # a column read top-style showed centred labels: read them so
        drafts = untouched
        styles = _fill_levels(drafts, diagnostics, centred=True, forced=None)
        assert styles is not None  # centred=True never asks for a second reading
    elif shown and (any(map(hints_centred, shown)) or fits_centred(untouched)):
        # Blank heads of spans, too few to call the table centred, or labels that a centred
        # cut fits as well: read the untouched rows so too, and warn where the readings differ.
        _fill_levels(untouched, list(diagnostics), centred=True, forced=None)
        diagnostics.extend(style_doubts(drafts, untouched))
    diagnostics.extend(_lost_text(drafts))
    return Filled(drafts, styles)


def _fill_levels(
    drafts: list[Draft],
    diagnostics: list[Diagnostic],
    *,
    centred: bool,
    forced: MergedStyle | None,
    shown: list[Evidence] | None = None,
) -> dict[str, MergedStyle] | None:
    """Fill the merged columns from the outside in and record where each one's text was.

    Read top-style with nothing forced, each column is first checked for centred labels,
    inside its enclosing spans as that reading cuts them; the first that shows them stops
    the reading (None), for the caller to read the untouched rows as centred. One column is
    enough: one renderer placed them all, and a column may show no sign of its own (a theme
    whose middle falls in a tall first row is printed on that row). What each column
    showed is added to ``shown``.
    """
    detect = not centred and forced is None
    found: list[Diagnostic] = []  # kept only if this reading stands
    styles: dict[str, MergedStyle] = {}
    for role, parents, carry in _MERGED_LEVELS:
        if detect:
            seen = evidence(drafts, role, parents)
            if is_centred(seen):
                return None
            if shown is not None:
                shown.append(seen)
        if not any(role in draft.values for draft in drafts):
            continue  # no such column, or nothing in it: nothing placed anywhere
        # A column that comes with its extents (rowspan), or written on every row, or
        # copied from the left, is read the same whatever the table's labels do.
        style = forced or _style(drafts, role, diagnostics)
        if centred and style in ("top", "centred"):
            fill_centred(drafts, role, parents, carry=carry, diagnostics=found)
            styles[role] = "centred"
        else:
            styles[role] = style
            _fill_span(drafts, role, parents=parents, carry=carry, diagnostics=found)
    diagnostics.extend(found)
    return styles


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
                yield Diagnostic(
                    level="warning",
                    code="missing-rows",
                    message=f"序号 (serial number) jumps from {previous.seq} to {draft.seq}: "
                    f"{missing} row{'s' if missing > 1 else ''} may have been lost by the "
                    "converter, and text joined to the wrong row",
                    line=draft.line,
                    seq=draft.seq,
                )
        for role, line in draft.orphans.items():
            text = draft.values.get(role)
            if previous is None or previous.values.get(role) != text:
                yield Diagnostic(
                    level="warning",
                    code="label-without-start",
                    message=f"the {role} of this task comes only from a row continued on the "
                    "next page: the first part of that label may have been lost",
                    line=line,
                    seq=draft.seq,
                    role=role,
                    text=text,
                )
        previous = draft


#: What the user can say of a table's merged cells: auto (detect), or the style to assume.
Placement = Literal["auto", "top", "repeat", "left", "centre"]
PLACEMENTS: tuple[str, ...] = get_args(Placement)
_FORCED: dict[str, MergedStyle] = {
    "top": "top",
    "repeat": "repeated",
    "left": "left-filled",
    "centre": "centred",
}


class Filled(NamedTuple):
    drafts: list[Draft]
    styles: dict[str, MergedStyle]  # role -> where the converter put its merged text


def _style(drafts: Sequence[Draft], role: str, diagnostics: Sequence[Diagnostic]) -> MergedStyle:
    """How a column that is not centred was written, for the record: spanned where cells
    came with their extent (HTML rowspan), left-filled where cells copying their left
    neighbour were read as blank, repeated where (nearly) every row writes the text and rows
    repeat the row above, else top."""
    if any(role in draft.origin and draft.origin[role].rows for draft in drafts):
        return "spanned"
    if any(d.code == "left-repeat" and d.role == role for d in diagnostics):
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


#: The merged roles from the outside in: (role, the roles whose spans enclose it, whether a
#: value carries into a new enclosing span that names none).
_MERGED_LEVELS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("theme", (), True),
    ("project", ("theme",), False),
    ("departments", ("theme", "project"), True),
)


def resolved_text(draft: Draft, role: str) -> str | None:
    text = draft.values.get(role)
    return unwrap(text) if text else None


def resolved_names(draft: Draft, role: str) -> list[str]:
    text = draft.values.get(role)
    return split_names(text) if text else []


def resolved_roles(draft: Draft, role: str) -> tuple[list[str], list[str]]:
    """The names of a department cell as (leads, partners), split where it marks them."""
    text = draft.values.get(role)
    return split_roles(text) if text else ([], [])


def _join_continuations(
    rows: Sequence[AlignedRow], diagnostics: list[Diagnostic], *, has_seq: bool, has_theme: bool
) -> list[Draft]:
    drafts: list[Draft] = []
    section: tuple[str, int] | None = None  # (title, line) of the section in force
    themes_rows = not has_theme  # whether the section in force is the theme of its rows
    section_start = 0  # drafts before this index belong to earlier sections
    for row in rows:
        if row.section is not None:
            section, section_start = (row.section, row.line), len(drafts)
            # Under a theme column, a section themes its rows only if it stands in that column.
            themes_rows = not has_theme or row.section_role == "theme"
            diagnostics.append(
                Diagnostic(
                    level="info",
                    code="section",
                    message="a section heading, not a task"
                    + ("; it is the theme of the rows below it" if themes_rows else ""),
                    line=row.line,
                    text=row.written,
                )
            )
            continue
        seq_text = row.fields.get("seq")
        if seq_text and len(drafts) > section_start and drafts[-1].sub == 1:
            if parse_seq(seq_text) is not None and parse_seq(seq_text) == drafts[-1].seq:
                # The 序号 above repeated (a rowspan written out, or repeated at a page top):
                # the row is read as if it had none.
                seq_text = None
        sub = 1
        if has_seq and not seq_text and len(drafts) > section_start:
            if not _starts_new_item(drafts[-1], row):
                _join(drafts[-1], row, diagnostics)
                continue
            sub = drafts[-1].sub + 1
        seq = parse_seq(seq_text) if seq_text else drafts[-1].seq if sub > 1 else None
        draft = Draft(row.line, row.page, seq, sub, extra=dict(row.extra))
        explicit = origin_of("explicit", row.line)
        for role, text in row.fields.items():
            if role != "seq":
                draft.values[role] = text
                span = row.spans.get(role)
                draft.origin[role] = origin_of("explicit", *span) if span else explicit
        if seq_text and seq is None:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="seq-not-a-number",
                    message="the 序号 (serial number) cell is not a number",
                    line=row.line,
                    role="seq",
                    text=seq_text,
                )
            )
        elif sub > 1:
            diagnostics.append(
                Diagnostic(
                    level="info",
                    code="sub-task",
                    message=f"row without 序号 (serial number) starts a new item: sub-task {sub} "
                    f"of the task at line {drafts[-1].line}",
                    line=row.line,
                    seq=seq,
                )
            )
        elif has_seq and not seq_text:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="row-without-seq",
                    message="first row has no 序号 (serial number); read as a task",
                    line=row.line,
                )
            )
        if section is not None and themes_rows and "theme" not in draft.values:
            draft.values["theme"] = section[0]
            draft.origin["theme"] = origin_of("carried", section[1])
        drafts.append(draft)
    return drafts


def _starts_new_item(above: Draft, row: AlignedRow) -> bool:
    """Whether a row without 序号 is a new item (a sub-task) rather than the rest of the row
    above (a row broken by a page break). It is a new item when its content starts like a
    list item (（2）…); when it has a content, a schedule and a department of its own, the
    department not the one above (a converter may repeat a merged department on the next
    page); or when the content and schedule above both end their sentences and this row has
    a content and a schedule of its own."""
    content = row.fields.get("content")
    if not content:
        return False
    if ITEM_MARKER.match(content):
        return True
    schedule = row.fields.get("schedule")
    department = row.fields.get("departments")
    if schedule and department and department != above.values.get("departments"):
        return True
    return (
        bool(schedule)
        and all(_ends_sentence(above.values.get(role)) for role in ("content", "schedule"))
        and bool(above.values.get("content"))
    )


def _ends_sentence(text: str | None) -> bool:
    """True for a text that ends in 。！？； (before closing quotes), for a single phrase
    without clause marks (全年, 12月底前), and for no text: 一季度制定方案，二季度 is cut."""
    if not text:
        return True
    return ends_sentence(text) or (bool(sentence_tail(text)) and not _CLAUSE_MARK.search(text))


def _join(draft: Draft, row: AlignedRow, diagnostics: list[Diagnostic]) -> None:
    """Append an unnumbered row's text to the numbered row above it."""
    for role, text in row.fields.items():
        if role == "seq" and parse_seq(text) == draft.seq:
            continue  # the 序号 above, repeated
        before = draft.values.get(role)
        if before == text and role in MERGED_ROLES:
            continue  # a merged label repeated at the top of the next page, not new text
        if not before and role in MERGED_ROLES and row.page != draft.page:
            draft.orphans[role] = row.line  # checked once spans are filled: _lost_text
        draft.values[role] = f"{before}\n{text}" if before else text
        draft.origin.setdefault(role, origin_of("explicit", row.line))
    for header, text in row.extra.items():
        before = draft.extra.get(header)
        draft.extra[header] = f"{before}\n{text}" if before else text
    diagnostics.append(
        Diagnostic(
            level="info",
            code="joined-row",
            message=f"row without 序号 (serial number) joined to the row at line {draft.line}",
            line=row.line,
            seq=draft.seq,
        )
    )


def _fill_span(
    drafts: list[Draft],
    role: str,
    *,
    parents: tuple[str, ...],
    carry: bool,
    diagnostics: list[Diagnostic],
) -> None:
    """Fill blank ``role`` values from the merged cell they belong to.

    ``parents`` are the enclosing merged roles; a change in them starts a new span. ``carry``
    says whether a value may carry across a parent change when the new span names none.
    """
    previous_key: tuple[str | None, ...] | None = None
    current: tuple[str, Origin] | None = None
    for index, draft in enumerate(drafts):
        key = tuple(draft.values.get(p) for p in parents)
        starts_span = key != previous_key
        previous_key = key
        text = draft.values.get(role)
        if text:
            current = (text, draft.origin[role])
            continue
        if starts_span:
            later = _first_in_span(drafts, index, role, parents, key)
            if later is not None:
                current = later
                set_value(draft, role, later[0], origin_of("backfilled", later[1].line))
                diagnostics.append(
                    Diagnostic(
                        level="info",
                        code="backfilled",
                        message=f"blank {role} at the start of its span taken from line "
                        f"{later[1].line}, further down the same span",
                        line=draft.line,
                        seq=draft.seq,
                        role=role,
                        text=later[0],
                    )
                )
                continue
            if not carry:
                current = None
        if current is not None:
            line = current[1].line
            how: How = "backfilled" if line > draft.line else "carried"
            set_value(draft, role, current[0], origin_of(how, line))


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
