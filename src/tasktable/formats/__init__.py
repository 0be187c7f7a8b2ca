"""The formats users open: json, jsonl, csv, md, sqlite, html and xlsx (docs/formats.md).

``render(document, format)`` returns the bytes of one output file. Each writer is a function
from the Document to bytes; none changes what the Document says. What only one writer needs
(csv, sqlite3, the report, openpyxl) is imported by that writer when it runs, so that a run
loads only its own format's.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from ..vocab.headers import ROLE_LABELS, ROLES

if TYPE_CHECKING:
    import sqlite3

    from ..models import Document, Milestone, Target, Task, _Model

Format = Literal["json", "jsonl", "csv", "md", "sqlite", "html", "xlsx"]
FORMATS: tuple[Format, ...] = get_args(Format)
#: Formats whose bytes are no text: never written to a terminal.
BINARY_FORMATS: tuple[Format, ...] = ("sqlite", "xlsx")

#: The file suffixes of each format: the first is the one tasktable writes, the others
#: are read as meaning the same format when an output file is named.
SUFFIXES: dict[Format, tuple[str, ...]] = {
    "json": (".json",),
    "jsonl": (".jsonl",),
    "csv": (".csv",),
    "md": (".md", ".markdown"),
    "sqlite": (".sqlite", ".db"),
    "html": (".html", ".htm"),
    "xlsx": (".xlsx",),
}

#: The format a suffix names (-o out.csv writes csv).
FORMAT_OF_SUFFIX: dict[str, Format] = {
    suffix: format for format, suffixes in SUFFIXES.items() for suffix in suffixes
}

#: How departments and other lists are joined in a single text cell (csv, md): 、, the
#: enumeration comma a Chinese reader expects, which tasktable also splits on when reading.
LIST_JOINER = "、"


def render(document: Document, format: Format = "json", *, indent: int | None = 2) -> bytes:
    """The bytes of ``document`` written in ``format``; ``indent`` is for json only."""
    if format == "json":
        return json_bytes(document, indent) + b"\n"
    return _WRITERS[format](document)


def to_jsonl(document: Document) -> bytes:
    """One task a line, each a JSON object as in the json output."""
    return b"".join(json_bytes(task) + b"\n" for task in document.tasks)


def json_bytes(model: _Model, indent: int | None = None) -> bytes:
    """``model.model_dump_json(indent=indent)``, byte for byte, as UTF-8.

    Written by the same engine, pydantic-core's ``to_json``, from the model's values as plain
    dicts and lists, so that a run builds no serializer: with its validator, which the parser
    never needs (``_Model.trusted``), building it was a third of a one-file run's start-up.
    The models hold their values as the JSON shows them (fields in order, floats as floats,
    dates as dates, ``tests/test_formats.py`` checks it), and no field has a serializer of
    its own. NaN and infinities are null, as the models write them.
    """
    from pydantic_core import to_json

    return to_json(_plain(model), indent=indent, inf_nan_mode="null")


def _plain(value: object) -> object:
    """A model as a dict of its fields, in order, and a list or dict of models as one of
    dicts; any other value as it is (text, numbers, None, dates, a span's tuple of ints)."""
    if isinstance(value, list):
        return [item if type(item) in _LEAVES else _plain(item) for item in value]
    if isinstance(value, dict):
        return {key: item if type(item) in _LEAVES else _plain(item) for key, item in value.items()}
    if hasattr(value, "__pydantic_fields_set__"):  # a model (models is not imported here)
        return {
            name: item if type(item) in _LEAVES else _plain(item)
            for name, item in value.__dict__.items()
        }
    return value


#: The types that are JSON as they are: most of a Document's values, skipped at once.
_LEAVES = frozenset((str, int, float, type(None), bool, tuple))


# --- csv ---------------------------------------------------------------------------------------

#: The csv's columns; a column for each header with no known role (a task's extra) follows.
CSV_COLUMNS = [
    "seq",
    "sub",
    "theme",
    "project",
    "content",
    "schedule",
    "departments",
    "partners",
    "owner",
    "progress",
    "due",
    "field",
    "when",
    "kind",
    "start",
    "end",
    "action",
    "targets",
]


def to_csv(document: Document) -> bytes:
    """One row per milestone, the task's fields repeated; a task without milestones gets one
    row with the milestone columns empty. UTF-8 with a BOM, which Excel and WPS need to show
    Chinese text."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    extra = extra_headers(document)
    writer.writerow(CSV_COLUMNS + extra)
    for task in document.tasks:
        first = [
            task.seq,
            task.sub,
            task.theme,
            task.project,
            task.content,
            task.schedule,
            LIST_JOINER.join(task.departments),
            LIST_JOINER.join(task.partners),
            task.owner,
            task.progress.text if task.progress else None,
            task.due,
        ]
        last = [task.extra.get(header) for header in extra]
        rows: list[Milestone | None] = [*task.milestones] or [None]
        for milestone in rows:
            writer.writerow(first + _milestone_cells(milestone) + last)
    return out.getvalue().encode("utf-8-sig")


#: The task fields the md table and the 任务 sheet give a column only when some task has them.
OPTIONAL_FIELDS = ("partners", "owner", "progress")


def extra_headers(document: Document) -> list[str]:
    """The headers of the columns with no known role, in order of first use."""
    return list(dict.fromkeys(header for task in document.tasks for header in task.extra))


def _milestone_cells(milestone: Milestone | None) -> list[object]:
    if milestone is None:
        return [None] * 7
    when = milestone.when
    targets = "; ".join(t.text for t in milestone.targets)
    return [milestone.field, when.text, when.kind, when.start, when.end, milestone.action, targets]


# --- md ----------------------------------------------------------------------------------------

#: Headers of the clean table, by field; columns for partners, owner, progress and extra
#: fields are added only when some task has them.
MD_HEADERS = {role: ROLE_LABELS[role] for role in ROLES}


def to_markdown(document: Document) -> bytes:
    """One clean Markdown table, every cell in its column and every merged cell written out.

    Parsing it again gives the same tasks. The title comes first (it carries the plan year);
    without one, a heading with the year is written so that the dates survive.
    """
    fields = ["seq", "theme", "project", "content", "schedule", "departments"]
    fields += [f for f in OPTIONAL_FIELDS if any(getattr(t, f) for t in document.tasks)]
    extra = extra_headers(document)
    headers = [MD_HEADERS[f] for f in fields] + extra
    lines = []
    if document.title:
        lines += [document.title, ""]
    elif document.year is not None:
        lines += [f"{document.year}年重点工作任务分解表", ""]
    lines.append(_md_row(headers))
    lines.append(_md_row(["---"] * len(headers)))
    for task in document.tasks:
        cells = [_md_cell(task, f) for f in fields] + [task.extra.get(h, "") for h in extra]
        lines.append(_md_row(cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _md_cell(task: Task, field: str) -> str:
    if field == "seq" and task.sub > 1:
        return ""  # a sub-task is written as the converter wrote it: a row without 序号
    value = getattr(task, field)
    if field == "progress":
        return value.text if value else ""
    if isinstance(value, list):
        return LIST_JOINER.join(value)
    return "" if value is None else str(value)


def _md_row(cells: list[str]) -> str:
    escaped = (c.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>") for c in cells)
    return "| " + " | ".join(escaped) + " |"


# --- sqlite ------------------------------------------------------------------------------------

SQLITE_SCHEMA = """
CREATE TABLE document (
    title TEXT, year INTEGER, source TEXT, sha256 TEXT NOT NULL,
    schema_version TEXT NOT NULL, tasktable_version TEXT NOT NULL
);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,          -- position in the document, from 1
    seq INTEGER, sub INTEGER NOT NULL,
    theme TEXT, project TEXT, content TEXT, schedule TEXT, owner TEXT,
    progress TEXT, progress_percent REAL,  -- what a progress column reports
    due TEXT,                        -- ISO date, null without milestones
    line INTEGER NOT NULL, page INTEGER NOT NULL
);
CREATE TABLE task_departments (
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
    position INTEGER NOT NULL,
    department TEXT NOT NULL,
    PRIMARY KEY (task_id, role, position)
);
CREATE TABLE task_extra (            -- cells of columns with no known role
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    header TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (task_id, header)
);
CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    field TEXT NOT NULL CHECK (field IN ('content', 'schedule', 'progress')),
    when_text TEXT NOT NULL, kind TEXT NOT NULL,
    start_date TEXT, end_date TEXT,  -- ISO dates; start null for a deadline
    month INTEGER, quarter INTEGER, every TEXT,
    action TEXT NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    milestone_id INTEGER REFERENCES milestones(id),
    field TEXT NOT NULL CHECK (field IN ('content', 'schedule', 'progress')),
    text TEXT NOT NULL, subject TEXT,
    comparator TEXT NOT NULL, value REAL, low REAL, high REAL,
    unit TEXT, per TEXT,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE INDEX task_departments_department ON task_departments(department);
CREATE INDEX milestones_task ON milestones(task_id);
CREATE INDEX targets_task ON targets(task_id);
"""


def to_sqlite(document: Document) -> bytes:
    """A SQLite database file: tables document, tasks, task_departments, milestones, targets."""
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tasks.sqlite"
        connection = sqlite3.connect(path)
        try:
            connection.executescript(SQLITE_SCHEMA)
            _fill_sqlite(connection, document)
            connection.commit()
        finally:
            connection.close()
        return path.read_bytes()


def _fill_sqlite(db: sqlite3.Connection, document: Document) -> None:
    db.execute(
        "INSERT INTO document VALUES (?, ?, ?, ?, ?, ?)",
        (
            document.title,
            document.year,
            document.source.name,
            document.source.sha256,
            document.schema_version,
            document.tasktable_version,
        ),
    )
    milestone_id = 0
    for task_id, task in enumerate(document.tasks, start=1):
        db.execute(
            "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                task_id,
                task.seq,
                task.sub,
                task.theme,
                task.project,
                task.content,
                task.schedule,
                task.owner,
                task.progress.text if task.progress else None,
                task.progress.percent if task.progress else None,
                _iso(task.due),
                task.line,
                task.page,
            ),
        )
        db.executemany(
            "INSERT INTO task_departments VALUES (?, ?, ?, ?)",
            [(task_id, "lead", i, name) for i, name in enumerate(task.departments)]
            + [(task_id, "partner", i, name) for i, name in enumerate(task.partners)],
        )
        db.executemany(
            "INSERT INTO task_extra VALUES (?, ?, ?)",
            [(task_id, header, text) for header, text in task.extra.items()],
        )
        holder: dict[tuple[str, tuple[int, int]], int] = {}  # target -> its milestone's id
        for milestone in task.milestones:
            milestone_id += 1
            when = milestone.when
            db.execute(
                "INSERT INTO milestones VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    milestone_id,
                    task_id,
                    milestone.field,
                    when.text,
                    when.kind,
                    _iso(when.start),
                    _iso(when.end),
                    when.month,
                    when.quarter,
                    when.every,
                    milestone.action,
                    *milestone.span,
                ),
            )
            for target in milestone.targets:
                holder[_target_key(target)] = milestone_id
        db.executemany(
            "INSERT INTO targets (task_id, milestone_id, field, text, subject, comparator, value,"
            " low, high, unit, per, span_start, span_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    task_id,
                    holder.get(_target_key(t)),
                    t.field,
                    t.text,
                    t.subject,
                    t.comparator,
                    t.value,
                    t.low,
                    t.high,
                    t.unit,
                    t.per,
                    *t.span,
                )
                for t in task.targets
            ],
        )


def _target_key(target: Target) -> tuple[str, tuple[int, int]]:
    """Targets are unique in a task by field and span."""
    return target.field, target.span


def _iso(day: object) -> str | None:
    return None if day is None else str(day)


def to_html(document: Document) -> bytes:
    """The self-contained html report (report.py)."""
    from .report import to_html

    return to_html(document)


def to_xlsx(document: Document) -> bytes:
    """An Excel workbook: 任务, 里程碑 and 诊断 sheets (workbook.py; needs openpyxl)."""
    from .workbook import to_xlsx

    return to_xlsx(document)


_WRITERS: dict[str, Callable[[Document], bytes]] = {
    "jsonl": to_jsonl,
    "csv": to_csv,
    "md": to_markdown,
    "sqlite": to_sqlite,
    "html": to_html,
    "xlsx": to_xlsx,
}
