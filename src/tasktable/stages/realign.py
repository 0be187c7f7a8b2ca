"""Stage 3: put each cell under the role its text belongs to (SPEC §3).

Converters shift cells left (a merged cell was dropped) or right (a spurious empty column).
A row's non-empty cells keep their order, so realignment is a monotone assignment of cells to
the page's roles. It is solved exactly by dynamic programming over a score that adds, per cell,
how much its text looks like the role (``role_scores``) and how far it would move.

A row moves only when the best assignment beats the row as it stands by a clear margin, so an
aligned row is never touched. Values seen in rows that clearly stand as they are form a small
lexicon of the document's themes, projects and departments, which breaks ties such as a short
heading that could be a theme or a project.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple
from unicodedata import numeric

from ..context import Context
from ..messages import diagnostic
from ..models import Diagnostic
from ..names import is_unit_list
from ..numerals import chinese_int
from ..patterns import compiled
from ..rules import absent, never, repair
from ..vocab.dates import DATE_CUE
from ..vocab.headers import ROLES
from ..vocab.shapes import (
    DOTTED_SEQ,
    SECTION_HEADING,
    SECTION_NUMBER,
    SENTENCE_PUNCT,
    SEQ_MARKS,
    SEQ_NUMBER,
    SUB_SEQ,
    SUBSECTION_NUMBER,
)
from ..wraps import ends_sentence, has_clauses, sentence_tail
from .profiles import Kind, Profile, kind_of, profile_of
from .stitch import Grid, GridRow, PageColumn

#: Score of a cell left where no role fits (it goes to a diagnostic instead).
UNPLACED = -20.0
#: Cost of moving a cell by one column.
MOVE_COST = 0.5
#: Farthest a cell is moved, in columns; converters shift by one or two.
MAX_MOVE = 4
#: A row moves only when the best assignment beats the row as it stands by more than this.
MARGIN = 1.5
#: Penalty for a numbered row whose assignment gives no cell to content: every task has one.
NO_CONTENT = -2.0
#: Bonus for a text already seen under this role in an untouched row of the same document.
KNOWN_VALUE = 3.0
#: Penalty for a new theme whose row names no project: a merged theme spans whole projects.
THEME_WITHOUT_PROJECT = -1.0
#: Roles whose values recur over merged spans and so feed the lexicon.
_LEXICON_ROLES = ("theme", "project", "departments")
#: Weight of a column's profile: how much a cell gains in a column whose undoubted cells are
#: all of its kind, over one where a share PROFILE_BASELINE are. Strong enough that a phone
#: number finds the phone column and a name the 责任人 column, wherever they stand.
PROFILE_WEIGHT = 3.0
PROFILE_BASELINE = 0.3
#: Kinds a profile tells apart. Sentences and labels stand in content, schedule, theme and
#: project columns alike, and the shape scores already weigh them; names, units, short dates,
#: digits and progress notes each belong to one column of a table.
_PROFILED_KINDS: frozenset[Kind] = frozenset({"digits", "person", "unit", "date", "progress"})
#: A column's profile counts only once this many of its cells are undoubted: two rows that
#: agree already say what a short table's column holds.
MIN_PROFILE_CELLS = 2
#: What a phone number or code gains in an unknown column no profile describes yet.
DIGITS_AS_EXTRA = 1.0
#: A person's name is an owner; it is no unit.
PERSON_AS_OWNER = 2.0
PERSON_AS_UNIT = -2.0
#: A progress note (65%, 已完成) is progress; a schedule plans instead.
PROGRESS_AS_PROGRESS = 2.0


class Shape(NamedTuple):
    """What a cell's text looks like, computed once per distinct text."""

    length: int
    number: bool
    sentence_end: bool
    punct: bool
    dates: int
    starts_with_date: bool
    department: bool
    kind: Kind


@dataclass(slots=True)
class AlignedRow:
    line: int
    page: int
    fields: dict[str, str] = field(default_factory=dict)  # role -> text
    extra: dict[str, str] = field(default_factory=dict)  # header -> text, for unknown columns
    section: str | None = None  # a section heading row: its title, and the row is no task
    written: str = ""  # a section row's text as written, numbering included
    section_role: str | None = None  # the role of the column the section's title stands in
    #: 1 for a heading numbered 一、, 2 for one numbered （一）, 3 for a numbered group's
    #: label (1 | 推动工业稳增长 above items 1.1 or （1）): the project of its items
    section_level: int = 1
    section_rule: str = "section-headings"  # the rule that read the row as a heading
    #: role -> (first row's line, rows spanned) for a value from an HTML cell with rowspan
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    seq: int | None = None  # the 序号 cell as a number, read once here; None if not one
    part: int | None = None  # the item number of a dotted 序号 (2 in 1.2), else None


def shape_of(text: str) -> Shape:
    flat = _flat(text)
    dates, first = 0, -1
    for match in DATE_CUE.finditer(flat):
        if not dates:
            first = match.start()
        dates += 1
    return Shape(
        length=len(flat),
        number=_is_number(flat),
        sentence_end=ends_sentence(flat),
        punct=SENTENCE_PUNCT.search(flat) is not None,
        dates=dates,
        starts_with_date=0 <= first < 4,
        department=is_unit_list(text),
        kind=kind_of(text),
    )


def _flat(text: str) -> str:
    """A cell's text as its shape is read: line breaks dropped, spaces stripped."""
    return text.replace("\n", "").strip()


def _is_number(flat: str) -> bool:
    """A bare serial number (a 序号 cell). ``flat`` is stripped, so only a text opening with a
    digit (circled ones too) or a bracket can be one: most do not, and the test is a tenth of
    the match."""
    return (flat[:1].isdigit() or flat[:1] in _NUMBER_OPENING) and SEQ_NUMBER.match(
        flat
    ) is not None


#: What a 序号 that is no digit opens with: a bracket, or a mark (★3).
_NUMBER_OPENING: Final = "（(" + SEQ_MARKS


#: The scores of role_scores, by what they weigh (0 is neutral; below 0, unlike the role).
#: A bare number is a 序号 and nothing else; a list of organisations a unit cell.
SURE = 3.0  # a shape that says the role outright (a number, a unit list)
IMPOSSIBLE = -8.0  # a number anywhere but 序号, anything else under 序号
UNLIKE_UNIT_LIST = -4.0  # a unit list under any other role
#: Theme and project are headings: never a finished sentence, rarely a date.
NOT_A_HEADING = -6.0  # a text that ends a sentence, as a theme or project
TWO_CLAUSE_THEME = 1.0  # 夯实三大基础，提升科协服务效能: a theme of two clauses, 8-40 chars
TWO_CLAUSE_THEME_LENGTH = (8, 40)
LONG_THEME, LONG_THEME_PENALTY = 50, 3.0  # a theme past 50 characters is unlikely
PUNCTUATED_PROJECT = -2.0  # a project rarely holds a comma
SHORT_PROJECT, SHORT_PROJECT_BONUS = 16, 1.0  # 强化政治引领: short, no punctuation
LONG_PROJECT, LONG_PROJECT_PENALTY = 30, 3.0
HEADING_DATES = 2  # at most this many date phrases count against a heading
#: Content is a sentence: long, and it rarely opens with a date (a schedule does).
LONG_CONTENT, LONG_CONTENT_BONUS = 15, 1.0
SHORT_CONTENT, SHORT_CONTENT_PENALTY = 6, -1.0
DATED_CONTENT = -1.0
#: A schedule is dense in date phrases, and usually opens with one.
UNDATED_SCHEDULE = -1.0
DATED_SCHEDULE, PER_DATE, COUNTED_DATES, OPENS_WITH_DATE = 1.0, 0.5, 4, 1.0
#: Unknown organisation forms (市直有关单位牵头) are common under 责任单位: a short text
#: without a sentence end is only a little unlike a unit; a sentence is not one.
SHORT_NAME_LENGTH, SHORT_NAME, NOT_A_NAME = 20, -1.0, -6.0
#: An owner cell is short and unpunctuated.
OWNER_LENGTH, NOT_AN_OWNER = 10, -4.0
NOT_PROGRESS = -1.0  # a text that reports nothing


def role_scores(shape: Shape) -> dict[str, float]:
    """How much a text of this shape looks like a value of each role: 0 neutral, <0 unlike.

    ``extra`` is not scored: an unknown column takes its own cell, or one its profile shows.
    """
    if shape.number:  # a bare number is a 序号 and nothing else
        return dict(_NUMBER_SCORES)
    if shape.department:  # an organisation (list) is a department and nothing else
        return {**_NOT_AN_ORGANISATION, "departments": SURE, "partners": SURE}
    length, punct, sentence_end, dates = shape.length, shape.punct, shape.sentence_end, shape.dates
    heading_dates = min(dates, HEADING_DATES)
    theme = NOT_A_HEADING if sentence_end else 0.0
    low, high = TWO_CLAUSE_THEME_LENGTH
    if punct and not sentence_end and low <= length <= high:
        theme += TWO_CLAUSE_THEME
    theme -= heading_dates + (LONG_THEME_PENALTY if length > LONG_THEME else 0.0)
    project = NOT_A_HEADING if sentence_end else (PUNCTUATED_PROJECT if punct else 0.0)
    if length <= SHORT_PROJECT and not punct:
        project += SHORT_PROJECT_BONUS
    project -= heading_dates + (LONG_PROJECT_PENALTY if length > LONG_PROJECT else 0.0)
    content = 0.0
    if length >= LONG_CONTENT:
        content = LONG_CONTENT_BONUS
    elif length < SHORT_CONTENT:
        content = SHORT_CONTENT_PENALTY
    if shape.starts_with_date:
        content += DATED_CONTENT
    schedule = UNDATED_SCHEDULE
    if dates:
        opens = OPENS_WITH_DATE if shape.starts_with_date else 0.0
        schedule = DATED_SCHEDULE + PER_DATE * min(dates, COUNTED_DATES) + opens
    short_name = SHORT_NAME if length <= SHORT_NAME_LENGTH and not sentence_end else NOT_A_NAME
    owner = 0.0 if length <= OWNER_LENGTH and not punct else NOT_AN_OWNER
    progress = NOT_PROGRESS
    if shape.kind == "person":
        owner, short_name = PERSON_AS_OWNER, PERSON_AS_UNIT
    elif shape.kind == "progress":
        progress = PROGRESS_AS_PROGRESS
    elif shape.kind == "digits":  # a phone or a code: only an extra column holds one
        return dict(_NOT_A_NUMBER)
    return {
        "seq": IMPOSSIBLE,
        "theme": theme,
        "project": project,
        "content": content,
        "schedule": schedule,
        "departments": short_name,
        "partners": short_name,
        "owner": owner,
        "progress": progress,
    }


_NOT_A_NUMBER = dict.fromkeys(ROLES, IMPOSSIBLE)
_NUMBER_SCORES = {**_NOT_A_NUMBER, "seq": SURE}
_NOT_AN_ORGANISATION = dict.fromkeys(ROLES, UNLIKE_UNIT_LIST) | {"seq": IMPOSSIBLE}


def role_score(shape: Shape, role: str) -> float:
    """One role's score of :func:`role_scores`."""
    return role_scores(shape)[role]


def realign_rows(grid: Grid, ctx: Context) -> list[AlignedRow]:
    """Assign every non-empty cell of every row to a role; moved cells get diagnostics.

    With the rule realign off every cell stays under its own column; with section-headings
    off no row is read as a heading."""
    texts: dict[str, _Text] = {}
    for row in grid.rows:
        for text in row.cells:
            if text and text not in texts:
                texts[text] = _Text.of(text)
    kept = [_clearly_aligned(row, texts) for row in grid.rows]
    for index in range(1, len(kept)):
        if not kept[index]:
            kept[index] = _finishes_row_above(grid.rows[index - 1], grid.rows[index], texts)
    # A row numbering the columns right under a header (on any page) is no row of data: it
    # teaches the profiles nothing.
    numbering = {
        index
        for index, row in enumerate(grid.rows)
        if (index == 0 or grid.rows[index - 1].page != row.page) and _column_numbers(ctx, row.cells)
    }
    learn = [keep and index not in numbering for index, keep in enumerate(kept)]
    lexicon = _build_lexicon(row for row, keep in zip(grid.rows, learn, strict=True) if keep)
    profiles = _column_profiles(row for row, keep in zip(grid.rows, learn, strict=True) if keep)
    aligned: list[AlignedRow] = []
    theme = ""
    sections = _reads_sections(ctx, grid, texts)
    group: int | None = None  # the number of the group whose heading is in force
    numbered_first = False  # whether a first-level heading numbered 一、 came before
    for index, (row, keep) in enumerate(zip(grid.rows, kept, strict=True)):
        cells = [(i, text) for i, text in enumerate(row.cells) if text]
        if not cells:
            continue
        if index in numbering:
            text = " | ".join(row.cells)
            ctx.diagnostics.append(
                diagnostic(
                    "column-numbers", "info", line=row.line, text=text, rule="column-numbers"
                )
            )
            continue
        title = section_title(row, cells) if sections else None
        grouped = bolded = False
        if title is None and sections:
            title = _group_title(ctx, row, cells, grid.rows[index + 1 : index + 2])
            grouped = title is not None
        if title is None:
            title = _bold_title(ctx, row, cells, grid.rows[index + 1 : index + 2])
            bolded = title is not None
        if title is not None:
            written = " ".join(text for _, text in cells)
            role = next((row.columns[i].role for i, text in cells if title in text), None)
            if grouped:
                level = 3
            elif bolded:  # below a numbered first level (一、), a bold label is the second
                level = 2 if numbered_first else 1
            else:
                level = 2 if SUBSECTION_NUMBER.match(written) else 1
                numbered_first = numbered_first or level == 1
            number = [text for i, text in cells if row.columns[i].role == "seq"]
            group = parse_seq(number[0]) if grouped and number else None
            aligned.append(
                AlignedRow(
                    row.line,
                    row.page,
                    section=title,
                    written=written,
                    section_role=role,
                    section_level=level,
                    section_rule=(
                        "group-headings"
                        if grouped
                        else "bold-headings"
                        if bolded
                        else "section-headings"
                    ),
                )
            )
            continue
        if keep:
            targets: list[int | None] = [i for i, _ in cells]
        else:
            targets = realign_row(ctx, row, cells, texts, lexicon, theme, profiles)
        # Text no column can take is the realignment's finding, or, with it off, reading's.
        result = _apply(row, cells, targets, ctx.diagnostics, ctx.on("realign"))
        if group is not None:
            # Under a group's heading, （2） and 1-2 are its items, up to a plain 序号.
            written = result.fields.get("seq", "")
            part = _sub_seq(written, group) if written else None
            if part is not None:
                result.seq, result.part = group, part
            elif written:
                group = None
        if result.seq is None and not sections:
            result.seq = _ordinal(result.fields.get("seq", ""))
        theme = result.fields.get("theme", theme)
        aligned.append(result)
    return aligned


@repair("section-headings", off=never)
def _reads_sections(grid: Grid, texts: Mapping[str, _Text]) -> bool:
    """Whether heading rows (一、…, （一）…) are read as sections in this table.

    Chinese ordinals number sections only where digits number the tasks (or nothing does,
    in a table without 序号); in a table numbered 一, 二, 三 they number the tasks.
    """
    numbered = any(c.role == "seq" for c in grid.columns)
    return not numbered or any(_numbered(row, texts) for row in grid.rows)


def section_title(row: GridRow, cells: Sequence[tuple[int, str]]) -> str | None:
    """The title of a section heading row, or None for any other row.

    A section row numbers itself with a Chinese ordinal in its 序号 cell and has one other
    text, its title (一、 | 经济社会发展的主要预期目标), or its only text is a heading in one
    of the first columns (（一）加快新型工业化进程): tasks are numbered with digits,
    the headings that group them with Chinese ordinals. A title is a heading, not a sentence:
    one that ends in 。 or ； is a task's text (| 一 | 新建幼儿园5所。 |). Only called where
    some row is numbered with digits.
    """
    if len(cells) == 2:
        seq = [text for i, text in cells if row.columns[i].role == "seq"]
        if seq and SECTION_NUMBER.match(seq[0]):
            title = next(text for i, text in cells if row.columns[i].role != "seq")
            return title if _heading(title) else None
    if len(cells) == 1:
        index, text = cells[0]
        heading = SECTION_HEADING.match(text)
        if heading and row.columns[index].role in _HEADING_ROLES:
            title = heading.group("title").strip()
            return title if _heading(title) else None
        if row.columns[index].role == "seq" and not SEQ_NUMBER.match(text) and _heading(text):
            return text.strip()  # 交通运输（2项） alone in the 序号 column: a heading
    return _cut_heading(row, cells)


@repair("group-headings", off=absent)
def _group_title(
    row: GridRow, cells: Sequence[tuple[int, str]], below: Sequence[GridRow]
) -> str | None:
    """The title of a numbered group's heading row, or None: a row numbered n whose only
    other text is a short label (1 | 推动工业稳增长: no unit, no date, no sentence), whose
    next row is its first item, numbered n.1, n-1, （1） or ① (tasks numbered 1.1, 1.2, or
    （1）, （2） under groups 1, 2). The items are the group's sub-tasks (_sub_seq)."""
    if len(cells) != 2 or not below:
        return None
    seq = [text for i, text in cells if row.columns[i].role == "seq"]
    number = parse_seq(seq[0]) if seq else None
    if number is None:
        return None
    if _sub_seq(_seq_cell(below[0]) or "", number) != 1:
        return None
    title = next(text for i, text in cells if row.columns[i].role != "seq").strip()
    return title if _heading(title) and kind_of(title) == "label" else None


def _sub_seq(text: str, group: int) -> int | None:
    """The item number of a 序号 under group ``group``'s heading: 2 for 1.2, 1-2, （2）, ②;
    None for any other text (a plain number, the item of another group)."""
    match = SUB_SEQ.match(text)
    if match is None:
        return None
    if match.group("alone"):
        alone = match.group("alone")
        return int(alone) if alone.isdecimal() else int(numeric(alone))
    return int(match.group("item")) if int(match.group("group")) == group else None


@repair("column-numbers", off=never)
def _column_numbers(cells: Sequence[str]) -> bool:
    """Whether a row right under a header numbers the columns: 1 | 2 | 3 | … | n, or
    0 | 1 | … | n - 1, every cell in order, as spreadsheets and 附表 print under their
    headers (on every page, under each repeated header). A task's row holds text."""
    if len(cells) < _FEWEST_NUMBERED_COLUMNS:
        return False
    first = cells[0].strip()
    if first not in ("0", "1"):
        return False
    start = int(first)
    return all(cell.strip() == str(start + i) for i, cell in enumerate(cells))


#: The fewest columns a row of column numbers spans: 1 | 2 alone could be a 序号 and a value.
_FEWEST_NUMBERED_COLUMNS: Final = 3


@repair("bold-headings", off=absent)
def _bold_title(
    row: GridRow, cells: Sequence[tuple[int, str]], following: Sequence[GridRow]
) -> str | None:
    """The title of a row whose only text is one short bold label, in whichever cell
    (| | **党的建设** | | |): a heading printed across the table, its 序号 blank (SPEC §4).
    The bold is the sign: a sub-task's text can be as short, never bold alone; a unit, a
    date or a sentence is no label. A numbered heading (**一、…**) is section-headings'. A
    heading opens numbered tasks: a bold label followed by a row without its 序号 is among
    a task's sub-rows (| | **完成验收** | | | above | | 开展综合评估 | …), no heading."""
    if len(cells) != 1 or cells[0][0] not in row.bold:
        return None
    if following and _unnumbered(following[0]):
        return None
    title = cells[0][1].strip()
    if SECTION_HEADING.match(title) or SECTION_NUMBER.match(title):
        return None
    short = len(title) <= _LONGEST_LABEL
    return title if short and _heading(title) and kind_of(title) == "label" else None


def _seq_cell(row: GridRow) -> str | None:
    """The text of the row's 序号 cell; None where the table has no 序号 column."""
    cells = zip(row.cells, row.columns, strict=False)
    return next((text for text, column in cells if column.role == "seq"), None)


def _unnumbered(row: GridRow) -> bool:
    """The row has a 序号 column and writes nothing in it."""
    seq = _seq_cell(row)
    return seq is not None and not seq.strip()


#: The longest bold text read as a heading's label: a section's label is a few words (党的建设,
#: 业务工作); a longer bold text is a task's.
_LONGEST_LABEL: Final = 30


#: The characters a heading's number opens with: 一、 … 十、, （一）, (一).
_HEADING_OPENERS = frozenset("一二三四五六七八九十（(")


def _cut_heading(row: GridRow, cells: Sequence[tuple[int, str]]) -> str | None:
    """A heading a converter cut at column boundaries (|**一、全力**|**推动经济高质量发展**||):
    pieces in adjacent first columns, the first opening with a heading's number, together a
    heading; the title is the pieces joined."""
    if len(cells) < 2 or cells[0][1].lstrip()[:1] not in _HEADING_OPENERS:
        return None  # the common case, a task row: no heading number up front
    columns = [index for index, _ in cells]
    if columns != list(range(columns[0], columns[0] + len(cells))):
        return None
    if any(row.columns[index].role not in _HEADING_ROLES for index in columns):
        return None
    heading = SECTION_HEADING.match("".join(text.strip() for _, text in cells))
    if heading is None or SECTION_NUMBER.match(cells[0][1]):
        return None  # an ordinal alone in the 序号 cell: read above, with one title only
    title = heading.group("title").strip()
    return title if _heading(title) else None


#: Columns a heading that is its row's only text stands in: a converter puts a heading that
#: spans the row into its first cells (the task-text column at the latest), never under the
#: schedule or the departments.
_HEADING_ROLES = frozenset({"seq", "theme", "project", "content", None})


def _heading(title: str) -> bool:
    """A heading ends without a sentence mark: 经济社会发展的主要预期目标, not 新建幼儿园5所。"""
    return bool(sentence_tail(title)) and not ends_sentence(title)


class _Text(NamedTuple):
    """A distinct cell text of the document, scored once for every role."""

    number: bool  # a bare number, as in a 序号 cell
    kind: Kind  # what the text is, for the column profiles
    scores: dict[str, float]  # role -> role_score
    best: float  # the highest of those scores

    @classmethod
    def of(cls, text: str) -> _Text:
        if _is_number(_flat(text)):
            # A 序号, a third of a table's distinct texts: whatever else its shape says, it
            # scores as a number (role_scores), so the rest of its shape is not worked out.
            return cls(True, kind_of(text), dict(_NUMBER_SCORES), SURE)
        shape = shape_of(text)
        scores = role_scores(shape)
        return cls(shape.number, shape.kind, scores, max(scores.values()))


def _clearly_aligned(row: GridRow, texts: dict[str, _Text]) -> bool:
    """True when no assignment can beat the row as it stands by more than MARGIN.

    A cheap upper bound: what each cell would gain in its best role, wherever that is, plus
    the penalty for a task without content. Most rows pass here and never reach the DP.
    """
    headroom = 0.0
    content_blank = False
    for column, text in zip(row.columns, row.cells, strict=True):
        role = column.role
        if not text:
            content_blank = content_blank or role == "content"
            continue
        if role is None:
            return False  # text in a spurious column must move
        if role != "extra":
            known = texts[text]
            headroom += known.best - known.scores[role]
            if known.kind == "digits":
                headroom -= known.scores[role]  # a phone number belongs in an extra column
    if content_blank and _numbered(row, texts):
        headroom -= NO_CONTENT
    return headroom <= MARGIN


def _finishes_row_above(above: GridRow, row: GridRow, texts: Mapping[str, _Text]) -> bool:
    """Whether a row without a 序号 holds text only in columns where the row above stops
    mid-sentence: the rest of that row, cut by a page break or by a converter (SPEC §4), whose
    cells stand where the row's did. Its text may look like another column's (每月不少于1次。
    reads as a schedule), but it finishes the text above it, and is not moved."""
    if len(above.cells) != len(row.cells) or _numbered(row, texts):
        return False
    finished_any = False
    for before, text in zip(above.cells, row.cells, strict=True):
        if not text:
            continue
        if not before or not _stops_mid_sentence(_flat(before)):
            return False
        finished_any = True
    return finished_any


def _stops_mid_sentence(text: str) -> bool:
    """A text of clauses whose last one does not end: 实施教师全员培训，校本研修. A label or a
    single phrase (老城厢复兴发展, 全年) is whole without a full stop."""
    return not ends_sentence(text) and has_clauses(text)


def _numbered(row: GridRow, texts: Mapping[str, _Text]) -> bool:
    """Whether the row's 序号 cell holds a number (a task, not a continuation)."""
    return any(
        column.role == "seq" and text and texts[text].number
        for column, text in zip(row.columns, row.cells, strict=True)
    )


#: A column of the document as the profiles know it: (its index on the page, its header).
_ColumnKey = tuple[int, str]


def _column_profiles(rows: Iterable[GridRow]) -> dict[_ColumnKey, Profile]:
    """What each column holds, from the rows that clearly stand as they are (SPEC §3)."""
    texts: dict[_ColumnKey, list[str]] = defaultdict(list)
    for row in rows:
        for index, (column, text) in enumerate(zip(row.columns, row.cells, strict=True)):
            if text and column.role is not None:
                texts[(index, column.header)].append(text)
    return {
        key: profile
        for key, column_texts in texts.items()
        if (profile := profile_of(column_texts)).cells >= MIN_PROFILE_CELLS
    }


def _build_lexicon(rows: Iterable[GridRow]) -> dict[str, set[str]]:
    lexicon: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for column, text in zip(row.columns, row.cells, strict=True):
            if text and column.role in _LEXICON_ROLES:
                lexicon[column.role].add(text)
    return lexicon


class _Row(NamedTuple):
    """What the scoring of one row's assignments needs to know besides the cells."""

    slots: list[tuple[int, str]]  # (column index, role) of the page's role columns
    project: int  # slot index of the project role (len(slots) if none)
    content: int  # slot index of the content role (-1 if none)
    needs_content: bool  # a numbered row: its task should get some content
    theme: str  # the theme in force before this row


#: A DP state: (last slot used, whether that slot opened a new theme with no project yet).
_State = tuple[int, bool]
_NEVER = float("-inf")


def _where_written(
    row: GridRow, cells: Sequence[tuple[int, str]], *args: object, **kwargs: object
) -> list[int | None]:
    """Every cell in the column the converter put it in (the rule realign switched off)."""
    return [i for i, _ in cells]


@repair("realign", off=_where_written)
def realign_row(
    row: GridRow,
    cells: Sequence[tuple[int, str]],
    texts: dict[str, _Text],
    lexicon: dict[str, set[str]],
    theme: str,
    profiles: dict[_ColumnKey, Profile] | None = None,
) -> list[int | None]:
    """The column each of ``cells`` (column index, text) belongs in, or None for a cell no
    role fits.

    The best monotone assignment is found exactly by a forward DP over (cell, state). It
    replaces the row as it stands only if it scores more than MARGIN higher.
    """
    slots = [(i, c.role) for i, c in enumerate(row.columns) if c.role is not None]
    roles = [role for _, role in slots]
    context = _Row(
        slots=slots,
        project=roles.index("project") if "project" in roles else len(slots),
        content=roles.index("content") if "content" in roles else -1,
        needs_content="content" in roles and _numbered(row, texts),
        theme=theme,
    )
    fits = [(profiles or {}).get((position, row.columns[position].header)) for position, _ in slots]
    gains = [_gains(col, text, slots, fits, texts, lexicon) for col, text in cells]
    # Leaving a cell out costs more than any placement, so try without it first.
    best, picks = _best_path(cells, gains, context, may_leave_out=False)
    if best == _NEVER:
        best, picks = _best_path(cells, gains, context)
    where = {position: k for k, (position, _) in enumerate(slots)}
    if all(column in where for column, _ in cells):
        as_is = _path_score(cells, gains, context, [where[column] for column, _ in cells])
        if best - as_is <= MARGIN:
            return [column for column, _ in cells]
    return [None if pick is None else slots[pick][0] for pick in picks]


def _path_score(
    cells: Sequence[tuple[int, str]], gains: list[list[float]], context: _Row, picks: list[int]
) -> float:
    """The score _best_path gives one assignment (``picks``, a slot per cell, increasing):
    the row as it stands, scored without a search."""
    count = len(context.slots)
    theme_slot = next((k for k, (_, r) in enumerate(context.slots) if r == "theme"), -1)
    total, last, theme_open = 0.0, -1, False
    for (_, text), slot, row in zip(cells, picks, gains, strict=True):
        if slot <= last or row[slot] == _NEVER:
            return _NEVER
        total += row[slot]
        if theme_open and slot > context.project:
            total += THEME_WITHOUT_PROJECT
        if context.needs_content and last < context.content < slot:
            total += NO_CONTENT
        theme_open = text != context.theme and context.project < count and slot == theme_slot
        last = slot
    if theme_open:
        total += THEME_WITHOUT_PROJECT
    if context.needs_content and last < context.content:
        total += NO_CONTENT
    return total


def _best_path(
    cells: Sequence[tuple[int, str]],
    gains: list[list[float]],
    context: _Row,
    *,
    may_leave_out: bool = True,
) -> tuple[float, list[int | None]]:
    """Forward DP over cells; returns the best total score and each cell's slot (None: left
    out, at the cost UNPLACED). A state is (last slot used, whether that slot opened a new
    theme that no project has followed yet); each layer maps a state to its best score, the
    state before it and the slot picked.
    """
    count = len(context.slots)
    # A cell moves at most MAX_MOVE columns, which keeps the DP linear in the table's width.
    positions = [position for position, _ in context.slots]
    window = [
        (bisect_left(positions, column - MAX_MOVE), bisect_right(positions, column + MAX_MOVE))
        for column, _ in cells
    ]
    theme_slot = next((k for k, (_, r) in enumerate(context.slots) if r == "theme"), -1)
    # The context's fields as locals: the inner loop below is most of realignment's time.
    project, content = context.project, context.content
    needs_content = context.needs_content
    layers: list[dict[_State, tuple[float, _State, int | None]]] = []
    scores: dict[_State, float] = {(-1, False): 0.0}
    for index, (_, text) in enumerate(cells):
        row = gains[index]
        new_theme = text != context.theme and project < count
        low, high = window[index]
        # The slots the cell can take, in order, each with its gain and the state it leads
        # to: made once per cell, not once per state before it.
        options = [
            (slot, row[slot], (slot, new_theme and slot == theme_slot))
            for slot in range(low, high)
            if row[slot] != _NEVER
        ]
        layer: dict[_State, tuple[float, _State, int | None]] = {}
        for state, score in scores.items():
            last, theme_open = state
            if may_leave_out:
                kept = layer.get(state)
                if kept is None or score + UNPLACED > kept[0]:
                    layer[state] = (score + UNPLACED, state, None)
            for slot, gain, following in options:
                if slot <= last:
                    continue
                total = score + gain
                if theme_open and slot > project:
                    total += THEME_WITHOUT_PROJECT  # a new theme must come with a new project
                if needs_content and last < content < slot:
                    total += NO_CONTENT  # the assignment skips content
                best = layer.get(following)
                if best is None or total > best[0]:
                    layer[following] = (total, state, slot)
        layers.append(layer)
        scores = {state: entry[0] for state, entry in layer.items()}
    final = {
        (last, theme_open): score
        + (THEME_WITHOUT_PROJECT if theme_open else 0.0)
        + (NO_CONTENT if context.needs_content and last < context.content else 0.0)
        for (last, theme_open), score in scores.items()
    }
    if not final:
        return _NEVER, []
    state = winner = max(final, key=final.__getitem__)
    picks: list[int | None] = []
    for layer in reversed(layers):
        _, state, pick = layer[state]
        picks.append(pick)
    picks.reverse()
    return final[winner], picks


def _gains(
    column: int,
    text: str,
    slots: Sequence[tuple[int, str]],
    fits: Sequence[Profile | None],
    texts: dict[str, _Text],
    lexicon: dict[str, set[str]],
) -> list[float]:
    """How well ``text`` from ``column`` fits each of ``slots`` (whose columns' profiles are
    ``fits``): its shape, the column's profile, the document's known values, less the cost of
    moving. An unknown (extra) column takes only its own cell, or a cell its profile clearly
    shows it holds (a phone number). One call per cell, not per slot: the calls were a third
    of realigning a row."""
    known = texts[text]
    profiled = known.kind in _PROFILED_KINDS
    gains: list[float] = []
    for (position, role), profile in zip(slots, fits, strict=True):
        fit = 0.0
        if profile is not None and profiled:
            fit = PROFILE_WEIGHT * (profile.share(known.kind) - PROFILE_BASELINE)
        move = MOVE_COST * abs(position - column)
        if role == "extra":
            if position == column:
                gains.append(max(fit, 0.0))
                continue
            if profile is None and known.kind == "digits":
                fit = DIGITS_AS_EXTRA  # phones and codes stand in no task field's column
            gains.append(fit - move if fit > 0.0 else _NEVER)
            continue
        score = known.scores[role] + fit - move
        if text in lexicon.get(role, ()):
            score += KNOWN_VALUE
        gains.append(score)
    return gains


def _apply(
    row: GridRow,
    cells: Sequence[tuple[int, str]],
    targets: Sequence[int | None],
    diagnostics: list[Diagnostic],
    realigning: bool = True,
) -> AlignedRow:
    result = AlignedRow(row.line, row.page)
    moved: list[tuple[str, str, str]] = []  # (header, role, text)
    # A schedule written over several columns (一季度 | 二季度…, 计划开工时间 | 计划竣工时间)
    # says under each header what is due when: each text keeps its header before it.
    labelled = len({c.header for c in row.columns if c.role == "schedule"}) > 1
    if realigning and targets.count(None) == 1:
        targets = _joined_piece(row, cells, targets)
    for (position, text), target in zip(cells, targets, strict=True):
        column: PageColumn = row.columns[position]
        header = column.header or f"column {position + 1}"
        role = None if target is None else row.columns[target].role
        if role is None:
            diagnostics.append(
                diagnostic(
                    "unplaced",
                    "warning",
                    {"column": header},
                    line=row.line,
                    column=header,
                    text=text,
                    rule="realign" if realigning else None,
                )
            )
        elif role == "extra":  # two columns with one header keep both texts
            assert target is not None
            under = row.columns[target].header or f"column {target + 1}"
            before = result.extra.get(under)
            result.extra[under] = f"{before}\n{text}" if before else text
            if target != position:
                moved.append((header, role, text))
        else:
            # Two columns with one role (a two-row header naming it twice) keep both texts.
            before = result.fields.get(role)
            assert target is not None
            under = row.columns[target].header if role == "schedule" and labelled else ""
            if under:  # one clause per header: milestones cut at ；
                piece = f"{under}：{text}"
                result.fields[role] = f"{before}；{piece}" if before else piece
            else:
                result.fields[role] = f"{before}\n{text}" if before else text
            span = row.spans[position] if position < len(row.spans) else None
            if span is not None:
                result.spans[role] = span
            if role != column.role:
                moved.append((header, role, text))
    written = result.fields.get("seq", "")
    seq = result.seq = parse_seq(written)
    dotted = DOTTED_SEQ.match(written) if seq is None and written else None
    if dotted is not None:
        seq = result.seq = int(dotted.group(1))
        result.part = int(dotted.group(2))
    for header, role, text in moved:
        diagnostics.append(
            diagnostic(
                "realigned",
                "info",
                {"column": header, "role": role},
                line=row.line,
                seq=seq,
                column=header,
                role=role,
                text=text,
                rule="realign",
            )
        )
    return result


def _ordinal(text: str) -> int | None:
    """The number a Chinese ordinal writes in a 序号 cell (一, 二、, （三）), in a table whose
    ordinals number its tasks, not sections (_reads_sections); None for any other text."""
    if not SECTION_NUMBER.match(text):
        return None
    return chinese_int(_ORDINAL_MARKS.sub("", text))


#: What surrounds a Chinese ordinal: brackets, an enumeration comma, a dot, spaces.
_ORDINAL_MARKS = compiled(r"[\s（()）、.．]")


def _joined_piece(
    row: GridRow, cells: Sequence[tuple[int, str]], targets: Sequence[int | None]
) -> Sequence[int | None]:
    """``targets`` with the one text no role fits joined to the content beside it in the
    row: a row one cell too wide (| 完成国道G328改建工程 | 路面施工20公里。 |) splits its task
    text over two cells, and both pieces are the content, in their order. Another cell (a
    unit, a date), or more than one left over, stays unplaced."""
    k = targets.index(None)
    if kind_of(cells[k][1]) not in ("sentence", "label"):
        return targets
    for near in (k - 1, k + 1):
        there = targets[near] if 0 <= near < len(targets) else None
        if there is not None and row.columns[there].role == "content":
            return [*targets[:k], there, *targets[k + 1 :]]
    return targets


def parse_seq(text: str) -> int | None:
    """The serial number in a 序号 cell (1, ０１, 3., （2）, ③), or None."""
    match = SEQ_NUMBER.match(text)
    if match is None:
        return None
    digits = match.group(1)
    return int(digits) if digits.isdecimal() else int(numeric(digits))
