"""Stage 4a: aligned rows to drafts, one for each task (SPEC §4).

Rows without a 序号 continue the numbered row above them (a row broken by a page break, or
split in two by a converter) or are its sub-tasks (a row with text of its own). Section rows
(一、…, （一）…) are no tasks; where the table has no column for them, their titles are the
theme and project of the rows below them, up to the next section. Merged cells stay as
written: stage 4b (fill.py) places them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..context import Context
from ..messages import diagnostic
from ..models import Diagnostic
from ..names import ends_like_unit, split_names
from ..rules import absent, never, repair
from ..vocab.headers import MERGED_ROLES
from ..vocab.shapes import DEPARTMENT_SUFFIXES, ITEM_MARKER, ITEM_NUMBER, SEQ_MARKS
from ..wraps import ends_sentence, has_clauses, sentence_tail
from .drafts import Draft, origin_of, set_value
from .realign import AlignedRow
from .stitch import PageColumn


def join_rows(
    rows: Sequence[AlignedRow], columns: Sequence[PageColumn], ctx: Context
) -> list[Draft]:
    """A draft for each task: rows without a 序号 joined to the row above or numbered as its
    sub-tasks, section rows given to the rows below them as theme and project."""
    roles = {column.role for column in columns}
    has_seq = any(row.fields.get("seq") for row in rows)
    has_theme = "theme" in roles
    has_project = "project" in roles
    diagnostics = ctx.diagnostics
    drafts: list[Draft] = []
    #: (title, line) of the first-level (一、) and second-level (（一）) headings in force
    headings: list[tuple[str, int] | None] = [None, None]
    themes_rows = not has_theme  # whether the section in force is the theme of its rows
    grouped = False  # whether the second-level heading in force is a numbered group's label
    section_start = 0  # drafts before this index belong to earlier sections
    page = 0  # the page of the row before: a row on a new page may continue the one above
    for index, row in enumerate(rows):
        page_top, page = row.page != page, row.page
        if row.section is not None:
            if row.section_level == 1:
                headings = [(row.section, row.line), None]
            else:
                headings[1] = (row.section, row.line)
            grouped = row.section_level == 3
            section_start = len(drafts)
            # Under a theme column, a section themes its rows only if it stands in that column.
            themes_rows = not has_theme or row.section_role == "theme"
            diagnostics.append(
                diagnostic(
                    "section",
                    "info",
                    {"why": "theme" if themes_rows and (has_project or not grouped) else "heading"},
                    line=row.line,
                    text=row.written,
                    rule=row.section_rule,
                )
            )
            continue
        seq_text = row.fields.get("seq")
        if (
            seq_text
            and row.part is None  # 1.2 is item 2 of group 1, whatever the row above
            and len(drafts) > section_start
            and row.seq is not None
            and row.seq == drafts[-1].seq
        ):
            # The 序号 above repeated (a rowspan written out, or repeated at a page top): the
            # row is read as if it had none.
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
        lost = _lost_number(ctx, rows, index) if sub == 2 else None
        if lost is not None:
            sub = 1
        if sub > 1:
            seq: int | None = drafts[-1].seq
        elif lost is not None:
            seq = lost
            diagnostics.append(
                diagnostic(
                    "lost-seq",
                    "warning",
                    {"seq": lost, "before": lost - 1, "after": lost + 1},
                    line=row.line,
                    seq=lost,
                    rule="lost-numbers",
                )
            )
        elif seq_text:
            seq = row.seq
        else:
            seq = None if has_seq else _marker_number(row)
        if row.part is not None:
            sub = row.part
        draft = Draft(row.line, row.page, seq, sub, extra=dict(row.extra))
        explicit = origin_of("explicit", row.line)
        for role, text in row.fields.items():
            if role != "seq":
                draft.values[role] = text
                span = row.spans.get(role)
                draft.origin[role] = origin_of("explicit", *span) if span else explicit
        if seq is not None and seq_text and any(mark in seq_text for mark in SEQ_MARKS):
            # ★3: the number is the seq; the mark (an assessed or key item) is kept here.
            mark = "".join(c for c in seq_text if c in SEQ_MARKS)
            diagnostics.append(
                diagnostic(
                    "marked-seq", "info", {"mark": mark}, line=row.line, seq=seq, text=seq_text
                )
            )
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
            if row.part is None:  # a dotted 序号 says it: 1.2 is item 2 of 1
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
        elif has_seq and not seq_text and lost is None:
            diagnostics.append(diagnostic("row-without-seq", "warning", line=row.line))
        _take_headings(
            draft, headings, themes_rows=themes_rows, has_project=has_project, grouped=grouped
        )
        drafts.append(draft)
    return drafts


@repair("lost-numbers", off=absent)
def _lost_number(rows: Sequence[AlignedRow], index: int) -> int | None:
    """The 序号 a converter lost from an item row: where the row stands alone between rows
    numbered n and n + 2 and holds a content of its own, it is task n + 1 (a cell shifted
    left over the 序号, or a 序号 the converter dropped), not a sub-task of n. None where
    the numbers around it do not say so."""
    if index == 0 or index + 1 >= len(rows) or not rows[index].fields.get("content"):
        return None
    above, below = rows[index - 1].seq, rows[index + 1].seq
    if above is None or below != above + 2:
        return None
    return above + 1


def _take_headings(
    draft: Draft,
    headings: Sequence[tuple[str, int] | None],
    *,
    themes_rows: bool,
    has_project: bool,
    grouped: bool,
) -> None:
    """Give a task the section headings above it (SPEC §4): the first level (一、) is its
    theme, the second (（一）) its project, where the table has no column for them. A table
    that uses one level only makes that level the theme, unless the table has a theme
    column the heading does not stand in and no project column: there the second level is
    the project, as the SPEC says (领域 | 工作任务 under （一）做强先进制造业). A numbered
    group's label (1 | 推动工业稳增长 above 1.1) is its items' project, alone or not: the
    group is a task of the table's own numbering, its items the steps of that task."""
    first, second = headings
    if first is None and (has_project or (themes_rows and not grouped)):
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
    a department of its own beside its own content and schedule: after a page break, the
    rest of a unit name the break cut (局 under 市自然资源) is none. A row without content
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
        before = above.values.get("departments")
        return bool(
            content
            and schedule
            and department
            and department != before
            and not (page_top and _rest_of_unit(before, department))
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


def _rest_of_unit(above: str | None, text: str) -> bool:
    """Whether a unit cell's text at the top of a page is the rest of the name the row above
    the break was cut in (SPEC §4: a cut row's text continues in the columns it left
    unfinished): a unit suffix alone (局, 中心: no unit is named so), or a piece that joins
    the unfinished name above into one (市自然资源 | 局, 市城管局、供 | 电公司). A name above
    that ends as a unit's name does (市自然资源局) was not cut: the text under it is a unit
    of its own, even where the two would read as one name (县水务局 | 管委会)."""
    flat = text.strip()
    if flat in DEPARTMENT_SUFFIXES:
        return True
    if not above or ends_like_unit(above):
        return False
    return len(split_names(f"{above}\n{flat}")) < len(split_names(above)) + len(split_names(flat))


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
    return ends_sentence(text) or (bool(sentence_tail(text)) and not has_clauses(text))


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
