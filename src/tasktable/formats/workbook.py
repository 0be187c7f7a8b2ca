"""The xlsx format (docs/formats.md): an Excel workbook for the people who work in Excel or WPS.

Three sheets: 任务 (tasks), one row per task with the theme and project cells merged again
over their spans as in the plan; 里程碑 (milestones), one row per milestone with real Excel
dates; 诊断 (diagnostics), every diagnostic. Each sheet has a frozen header row, filters,
column widths fitted to their text, and wrapped text. Needs openpyxl (the ``xlsx`` extra).

All text comes from untrusted Markdown: it is written as text, never as a formula (a cell
``=HYPERLINK(…)`` stays the characters it is), and the control characters a workbook cannot
hold are written as U+FFFD.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ..vocab.headers import ROLE_LABELS, ROLES
from . import LIST_JOINER, OPTIONAL_FIELDS, extra_headers

if TYPE_CHECKING:
    from ..models import Document, Task

#: Sheet names: tasks, milestones, diagnostics.
TASKS, MILESTONES, DIAGNOSTICS = "任务", "里程碑", "诊断"
#: Task columns by field (序号 number, 子项 sub-item, 主题 theme, 项目名称 project, 项目内容
#: content, 序时进度 schedule, 责任单位 lead, 配合单位 partners, 责任人 owner, 截止 due,
#: 行 source line, 进展情况 progress); sub, partners, owner and progress only when some task
#: has them.
TASK_HEADERS = {
    "seq": ROLE_LABELS["seq"],
    "sub": "子项",
    **{role: ROLE_LABELS[role] for role in ROLES if role != "seq"},
    "due": "截止",
    "line": "行",
}
#: Milestone columns: number, project, lead, time phrase, kind, start, end, what is to be
#: done, targets, the field it was found in (content, schedule or progress).
MILESTONE_HEADERS = (
    "序号", "项目名称", "责任单位", "时间", "类型", "开始", "截止", "事项", "指标", "来自",
)  # fmt: skip
#: Diagnostic columns: level, code, line, number, column, role, message, cell text.
DIAGNOSTIC_HEADERS = ("级别", "类型", "行", "序号", "列", "角色", "说明", "原文")
#: Columns merged over their spans, outermost first: a project span ends where its theme's does.
MERGED_FIELDS = ("theme", "project")
DATE_FORMAT = "yyyy-mm-dd"
#: Column widths, in Excel's units (about one Latin character; a Chinese one takes two).
MIN_WIDTH, MAX_WIDTH = 6, 60
#: The most characters an Excel cell holds.
CELL_LIMIT = 32_767


def to_xlsx(document: Document) -> bytes:
    """The workbook's bytes."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError.of("needs-openpyxl", source=document.source.name) from None
    book = Workbook()
    tasks = book.active
    tasks.title = TASKS
    _task_sheet(tasks, document)
    _milestone_sheet(book.create_sheet(MILESTONES), document)
    _diagnostic_sheet(book.create_sheet(DIAGNOSTICS), document)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _task_sheet(sheet: Any, document: Document) -> None:
    tasks = document.tasks
    fields = ["seq", "theme", "project", "content", "schedule", "departments"]
    if any(t.sub > 1 for t in tasks):
        fields.insert(1, "sub")
    fields += [f for f in OPTIONAL_FIELDS if any(getattr(t, f) for t in tasks)]
    extra = extra_headers(document)
    headers = [TASK_HEADERS[f] for f in fields] + extra + [TASK_HEADERS["due"], "行"]
    rows = [
        [_task_value(task, f) for f in fields]
        + [task.extra.get(h) for h in extra]
        + [task.due, task.line]
        for task in tasks
    ]
    _fill(sheet, headers, rows)
    _merge_spans(sheet, tasks, {f: fields.index(f) + 1 for f in MERGED_FIELDS if f in fields})


def _task_value(task: Task, field: str) -> object:
    value = getattr(task, field)
    if field == "progress":
        return value.text if value else None
    return LIST_JOINER.join(value) if isinstance(value, list) else value


def _merge_spans(sheet: Any, tasks: Sequence[Task], columns: dict[str, int]) -> None:
    """Merge each run of tasks that share a theme (a project, inside its theme's run) into
    one cell, as the plan printed it: the value in the top cell, the others emptied."""
    from openpyxl.styles import Alignment

    bounds: set[int] = {0, len(tasks)}  # runs of the enclosing column end here
    for field in MERGED_FIELDS:
        if field not in columns:
            continue
        column = columns[field]
        ends: set[int] = set()
        start = 0
        for index in range(1, len(tasks) + 1):
            value = getattr(tasks[start], field)
            if index < len(tasks) and index not in bounds and getattr(tasks[index], field) == value:
                continue
            ends.add(index)
            if value is not None and index - start > 1:
                first, last = start + 2, index + 1  # row 1 is the header
                sheet.merge_cells(
                    start_row=first, end_row=last, start_column=column, end_column=column
                )
                sheet.cell(first, column).alignment = Alignment(wrap_text=True, vertical="center")
            start = index
        bounds |= ends


def _milestone_sheet(sheet: Any, document: Document) -> None:
    rows = [
        [
            task.seq,
            task.project,
            LIST_JOINER.join(task.departments),
            m.when.text,
            m.when.kind,
            m.when.start,
            m.when.end,
            m.action,
            "; ".join(t.text for t in m.targets),
            m.field,
        ]
        for task in document.tasks
        for m in task.milestones
    ]
    _fill(sheet, MILESTONE_HEADERS, rows)


def _diagnostic_sheet(sheet: Any, document: Document) -> None:
    rows = [
        [d.level, d.code, d.line, d.seq, d.column, d.role, d.message, d.text]
        for d in document.diagnostics
    ]
    _fill(sheet, DIAGNOSTIC_HEADERS, rows)


def _fill(sheet: Any, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Header row (bold, frozen, with filters), then the rows: text as text, dates as Excel
    dates, every cell wrapped and at the top, each column as wide as its text needs."""
    from datetime import date

    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wrapped = Alignment(wrap_text=True, vertical="top")
    widths = [_width(h) for h in headers]
    for column, header in enumerate(headers, start=1):
        # A header is a table's text too (an extra column's): held as text, never a formula.
        cell = sheet.cell(1, column)
        cell.value = _text(header)
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.alignment = wrapped
    count = 1
    for values in rows:
        count += 1
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(count, column)
            if isinstance(value, str):
                cell.value = _text(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = DATE_FORMAT
            cell.alignment = wrapped
            shown = value.isoformat() if isinstance(value, date) else str(value)
            widths[column - 1] = max(widths[column - 1], _width(shown))
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{count}"
    for column, width in enumerate(widths, start=1):
        # +2: room for the filter button and a margin.
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)


def _text(value: str) -> str:
    """Text a workbook can hold: control characters other than tab and line breaks (which
    the file format forbids) as U+FFFD, and no more than a cell holds."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text: str = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def _width(text: str) -> int:
    """The width of the longest line of ``text``, a wide (Chinese) character counting two."""
    return max(
        MIN_WIDTH,
        *(
            sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            for line in text.split("\n")
        ),
    )
