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
from typing import NamedTuple

from ..context import Context
from ..messages import diagnostic
from ..models import FORCED_STYLES, Diagnostic, How, MergedStyle, Origin, Placement
from ..rules import absent, never, nothing, repair
from ..vocab.headers import MERGED_ROLES
from ..vocab.shapes import ITEM_MARKER, ITEM_NUMBER
from ..wraps import ends_sentence, sentence_tail
from .centred import (
    PLACED_ROLES,
    Evidence,
    evidence,
    fill_centred,
    fits_centred,
    flat,
    hints_centred,
    is_centred,
    printed_lines,
    style_doubts,
)
from .drafts import Draft, origin_of, set_value
from .realign import AlignedRow
from .stitch import PageColumn

#: A mark between clauses: a text holding one is more than a single phrase.
_CLAUSE_MARK = re.compile(r"[，,；;。]")

_TEXT_FIELDS = ("theme", "project", "content", "schedule", "owner")
_LIST_FIELDS = ("departments", "partners")


def fill_tasks(
    rows: Sequence[AlignedRow],
    columns: Sequence[PageColumn],
    ctx: Context,
    *,
    merged: Placement = "auto",
    left_filled: frozenset[str] = frozenset(),
) -> Filled:
    """Tasks with every merged-cell field resolved; continuation rows joined.

    Section rows (一、…) are no tasks; in a table without a theme column their title is
    the theme of the rows below them, up to the next section. ``merged`` forces where the
    converter put merged text; "auto" detects it per column. ``left_filled`` names the
    columns stitching found filled from the left.
    """
    diagnostics = ctx.diagnostics
    roles = {column.role for column in columns}
    drafts = _join_continuations(
        rows,
        ctx,
        has_seq=any(row.fields.get("seq") for row in rows),
        has_theme="theme" in roles,
        has_project="project" in roles,
    )
    untouched = [
        replace(d, values=dict(d.values), origin=dict(d.origin), doubted=set(d.doubted))
        for d in drafts
    ]
    forced = FORCED_STYLES.get(merged)
    reading = _Reading(ctx, left_filled)
    shown: list[Evidence] = []  # what each column showed the detection, if it ran
    styles = _fill_levels(
        drafts, diagnostics, reading, centred=forced == "centred", forced=forced, shown=shown
    )
    if styles is None:  # a column read top-style showed centred labels: read them so
        drafts = untouched
        styles = _fill_levels(drafts, diagnostics, reading, centred=True, forced=None)
        assert styles is not None  # centred=True never asks for a second reading
        diagnostics.extend(_item_doubts(drafts))
    elif shown and (any(map(hints_centred, shown)) or fits_centred(untouched)):
        # Blank heads of spans, too few to call the table centred, or labels that a centred
        # cut fits as well: read the untouched rows so too, and warn where the readings differ.
        _fill_levels(untouched, list(diagnostics), reading, centred=True, forced=None)
        diagnostics.extend(style_doubts(drafts, untouched))
        diagnostics.extend(_item_doubts(drafts))
    diagnostics.extend(_lost_text(ctx, drafts))
    diagnostics.extend(_empty_columns(ctx, columns, drafts))
    return Filled(drafts, styles)


class _Reading(NamedTuple):
    """What the filling of merged columns takes from the stages before and the rules."""

    ctx: Context  # the rules in force: backfill, centred-labels
    left_filled: frozenset[str]  # columns stitching found filled from the left


def _fill_levels(
    drafts: list[Draft],
    diagnostics: list[Diagnostic],
    reading: _Reading,
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
        placed_by_height = role in _CENTRED_ROLES
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
            fill_centred(drafts, role, parents, carry=carry, diagnostics=found)
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
            )
    diagnostics.extend(found)
    return styles


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


class Filled(NamedTuple):
    drafts: list[Draft]
    styles: dict[str, MergedStyle]  # role -> where the converter put its merged text


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
#: The merged roles whose labels a renderer may print mid-span (centred.py); an owner cell
#: is short and read top-style.
_CENTRED_ROLES = frozenset({"theme", "project", "departments"})


def _join_continuations(
    rows: Sequence[AlignedRow],
    ctx: Context,
    *,
    has_seq: bool,
    has_theme: bool,
    has_project: bool,
) -> list[Draft]:
    diagnostics = ctx.diagnostics
    drafts: list[Draft] = []
    #: (title, line) of the first-level (一、) and second-level (（一）) headings in force
    headings: list[tuple[str, int] | None] = [None, None]
    themes_rows = not has_theme  # whether the section in force is the theme of its rows
    section_start = 0  # drafts before this index belong to earlier sections
    page = 0  # the page of the row before: a row on a new page may continue the one above
    for row in rows:
        page_top, page = row.page != page, row.page
        if row.section is not None:
            if row.section_level == 1:
                headings = [(row.section, row.line), None]
            else:
                headings[1] = (row.section, row.line)
            section_start = len(drafts)
            # Under a theme column, a section themes its rows only if it stands in that column.
            themes_rows = not has_theme or row.section_role == "theme"
            diagnostics.append(
                diagnostic(
                    "section",
                    "info",
                    {"why": "theme" if themes_rows else "heading"},
                    line=row.line,
                    text=row.written,
                    rule="section-headings",
                )
            )
            continue
        seq_text = row.fields.get("seq")
        if seq_text and len(drafts) > section_start:
            if row.seq is not None and row.seq == drafts[-1].seq:
                # The 序号 above repeated (a rowspan written out, or repeated at a page top):
                # the row is read as if it had none.
                seq_text = None
        sub = 1
        if has_seq and not seq_text and len(drafts) > section_start:
            # With continuations off every such row is an item; with sub-tasks off (both off
            # too) none is: its text joins the row above, as before either rule existed.
            continues = _continues(ctx, drafts[-1], row, page_top=page_top)
            if not _is_sub_task(ctx, continues):
                _join(drafts[-1], row, diagnostics)
                continue
            sub = drafts[-1].sub + 1
        if sub > 1:
            seq: int | None = drafts[-1].seq
        elif seq_text:
            seq = row.seq
        else:
            seq = None if has_seq else _marker_number(row)
        draft = Draft(row.line, row.page, seq, sub, extra=dict(row.extra))
        explicit = origin_of("explicit", row.line)
        for role, text in row.fields.items():
            if role != "seq":
                draft.values[role] = text
                span = row.spans.get(role)
                draft.origin[role] = origin_of("explicit", *span) if span else explicit
        if seq_text and seq is None:
            diagnostics.append(
                diagnostic(
                    "seq-not-a-number",
                    "warning",
                    line=row.line,
                    role="seq",
                    text=seq_text,
                )
            )
        elif sub > 1:
            _carry_merged_content(drafts[-1], draft)
            diagnostics.append(
                diagnostic(
                    "sub-task",
                    "info",
                    {"sub": sub, "above": drafts[-1].line},
                    line=row.line,
                    seq=seq,
                    rule="sub-tasks",
                )
            )
        elif has_seq and not seq_text:
            diagnostics.append(diagnostic("row-without-seq", "warning", line=row.line))
        _take_headings(draft, headings, themes_rows=themes_rows, has_project=has_project)
        drafts.append(draft)
    return drafts


def _take_headings(
    draft: Draft,
    headings: Sequence[tuple[str, int] | None],
    *,
    themes_rows: bool,
    has_project: bool,
) -> None:
    """Give a task the section headings above it (SPEC §4): the first level (一、) is its
    theme, the second (（一）) its project, where the table has no column for them. A table
    that uses one level only makes that level the theme."""
    first, second = headings
    if first is None:
        first, second = second, None
    if first is not None and themes_rows and "theme" not in draft.values:
        set_value(draft, "theme", first[0], origin_of("carried", first[1]))
    if second is not None and not has_project and "project" not in draft.values:
        set_value(draft, "project", second[0], origin_of("carried", second[1]))


#: The fields a row of its own writes: a row without 序号 that has one is a task's item.
_OWN_FIELDS = ("content", "schedule", "departments", "progress")


@repair("continuations", off=never)
def _continues(above: Draft, row: AlignedRow, *, page_top: bool) -> bool:
    """Whether a row without 序号 is the rest of the row above (``_starts_new_item``)."""
    return not _starts_new_item(above, row, page_top=page_top)


@repair("sub-tasks", off=never)
def _is_sub_task(continues: bool) -> bool:
    """Whether a row without 序号 is an item of its own, numbered as the row above's next
    sub-task: any row that does not continue the row above. Switched off, every such row
    is joined to the row above, as before either rule existed; with continuations off
    instead, every one is an item."""
    return not continues


def _starts_new_item(above: Draft, row: AlignedRow, *, page_top: bool) -> bool:
    """Whether a row without 序号 is a new item (a sub-task) rather than the rest of the row
    above (SPEC §4).

    A row holding only merged labels (a theme or project printed across rows) is joined to
    the row above; a row whose content starts like a list item ((2)…) is an item. A row
    continues the row above when that row was cut (its content or schedule does not end its
    sentence: a page break, or a converter that split one tall row in two), unless it names
    a department of its own beside its own content and schedule. A row without content
    first after a page break continues the row above too (a schedule cut after its ；, or
    the tail of a row whose first part the converter lost). Any other row with text of its
    own is a sub-task: one with its own content, or with its own schedule or department
    under a content cell merged over it.
    """
    content = row.fields.get("content")
    if content and ITEM_MARKER.match(content):
        return True
    if not any(row.fields.get(role) for role in _OWN_FIELDS):
        return False
    if _cut(above, page_top=page_top):
        schedule = row.fields.get("schedule")
        department = row.fields.get("departments")
        return bool(
            content and schedule and department and department != above.values.get("departments")
        )
    return bool(content) or not page_top


def _cut(above: Draft, *, page_top: bool) -> bool:
    """Whether the row above stops mid-sentence. After a page break its content must end in
    。！？； to count as whole (a page may cut 全面梳理政务|服务事项…); on one page, a content
    or schedule that is a single phrase (新建学校2所, 全年) is whole too."""
    content, schedule = above.values.get("content"), above.values.get("schedule")
    if page_top and content and not ends_sentence(content):
        return True
    return not (_ends_sentence(content) and _ends_sentence(schedule))


def _carry_merged_content(above: Draft, draft: Draft) -> None:
    """A sub-task with no content of its own stands under a content cell merged over the
    item's rows (its own department or schedule beside it): it carries that content."""
    if "content" not in draft.values and "content" in above.values:
        line = above.origin["content"].line
        set_value(draft, "content", above.values["content"], origin_of("carried", line))


def _marker_number(row: AlignedRow) -> int | None:
    """The task number a table without a 序号 column writes as a list marker: that of the
    task text (a theme repeated before it, as docling writes, is no number), else that of
    the row's first text (1.城市人居环境提升项目 is task 1)."""
    first = next((text for text in row.fields.values() if text), None)
    for text in (row.fields.get("content"), first):
        match = ITEM_NUMBER.match(text) if text else None
        if match:
            return int(match.group(1) or match.group(2))
    return None


def _ends_sentence(text: str | None) -> bool:
    """True for a text that ends in 。！？； (before closing quotes), for a single phrase
    without clause marks (全年, 12月底前), and for no text: 一季度制定方案，二季度 is cut."""
    if not text:
        return True
    return ends_sentence(text) or (bool(sentence_tail(text)) and not _CLAUSE_MARK.search(text))


def _join(draft: Draft, row: AlignedRow, diagnostics: list[Diagnostic]) -> None:
    """Append an unnumbered row's text to the numbered row above it."""
    for role, text in row.fields.items():
        if role == "seq" and row.seq == draft.seq:
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
        diagnostic(
            "joined-row",
            "info",
            {"above": draft.line},
            line=row.line,
            seq=draft.seq,
            rule="continuations",
        )
    )


def _fill_span(
    drafts: list[Draft],
    role: str,
    *,
    parents: tuple[str, ...],
    carry: bool,
    diagnostics: list[Diagnostic],
    ctx: Context,
) -> None:
    """Fill blank ``role`` values from the merged cell they belong to.

    ``parents`` are the enclosing merged roles; a change in them starts a new span. ``carry``
    says whether a value may carry across a parent change when the new span names none.
    With the rule backfill on in ``ctx``, a blank span start takes the label below.
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
            later = _first_in_span(ctx, drafts, index, role, parents, key)
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
