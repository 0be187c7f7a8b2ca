"""The output: pydantic v2 models whose JSON is what the CLI writes (SPEC §8).

Every field carries a description, which ends up in the JSON Schema (``--schema``).
Stored text is kept as written; nothing here normalises it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, NamedTuple, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from .vocab.headers import Role

#: Bump when the JSON shape changes incompatibly.
SCHEMA_VERSION = "1"

How = Literal["explicit", "carried", "backfilled"]
#: Where a converter put a merged cell's text (docs/converters.md): on the first row of its span
#: (top), on every row (repeated), in the rows below copied from the left cell (left-filled),
#: in the middle of the span (centred), or in one cell with its extent (spanned: HTML rowspan).
MergedStyle = Literal["top", "repeated", "left-filled", "centred", "spanned"]
#: What a user may say of a table's merged cells (parse(merged=), --merged): auto (detect),
#: or the style to assume in the output's own words; repeat, left and centre are the first
#: spellings, still accepted.
Placement = Literal["auto", "top", "repeated", "left-filled", "centred", "repeat", "left", "centre"]
PLACEMENTS: tuple[str, ...] = get_args(Placement)
#: The merged style each of the user's words forces: one mapping for every stage that reads it.
FORCED_STYLES: dict[str, MergedStyle] = {
    "top": "top",
    "repeated": "repeated",
    "left-filled": "left-filled",
    "centred": "centred",
    "repeat": "repeated",
    "left": "left-filled",
    "centre": "centred",
}
Level = Literal["info", "warning", "error"]
PeriodKind = Literal[
    "day",
    "xun",
    "month",
    "quarter",
    "half",
    "year",
    "range",
    "deadline",
    "approximate",
    "recurring",
    "ongoing",
    "event",
]
Comparator = Literal[">=", ">", "<=", "<", "~", "range", "="]
#: The task fields that targets and milestones are found in.
TextField = Literal["content", "schedule", "progress"]


class _Model(BaseModel):
    # Schemas are built on first validation or serialisation, not when the class is made:
    # the parser builds its models with trusted() and the json writers walk them
    # (formats.json_bytes), so a command-line run builds none (a third of its start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives every instance its own set of the fields it was given, up to 2 KB
        # each: 40% of a large Document's memory. The models are frozen, so the set never
        # changes and instances with the same fields can share one.
        fields = self.__pydantic_fields_set__
        _set_fields_set(self, _FIELDS_SETS.setdefault(frozenset(fields), fields))

    @classmethod
    def trusted(cls: type[M], **values: Any) -> M:
        """An instance of ``values`` that the parser itself built to the field types, not
        validated again: what ``cls(**values)`` gives, at half its cost, and without
        building the model's validator (which a command-line run would otherwise build for
        a handful of diagnostics). Validating the 300 targets, milestones and tasks of the
        sample took a twentieth of its parse. Given every field in the model's order (the
        JSON is written in the order of the instance's dict), the values are the instance's;
        given some, in any order, the others take their defaults (a fresh list or dict each)
        and the fields set are those given, as the constructor sets them. What a user gives
        goes through the constructor."""
        order, every = _LAYOUTS.get(cls) or _layout(cls)
        given = every
        if tuple(values) != order:
            values, given = _filled(cls, order, every, values)
        instance = _new(cls)
        _set_dict(instance, values)
        _set_fields_set(instance, given)
        _set_extra(instance, None)
        _set_private(instance, None)
        return instance


def _layout(cls: type[_Model]) -> tuple[tuple[str, ...], set[str]]:
    """A model's field names in order, and its shared set of them all."""
    order = tuple(cls.__pydantic_fields__)
    key = frozenset(order)
    _LAYOUTS[cls] = order, _FIELDS_SETS.setdefault(key, set(key))
    return _LAYOUTS[cls]


def _filled(
    cls: type[_Model], order: tuple[str, ...], every: set[str], values: dict[str, Any]
) -> tuple[dict[str, Any], set[str]]:
    """``values`` in the model's field order (``every`` field the set of them) with the
    defaults of the fields not given, and the shared set of the fields given."""
    if unknown := values.keys() - every:
        raise TypeError(f"{cls.__name__}.trusted() has no field {', '.join(sorted(unknown))}")
    filled = {}
    for name in order:
        if name in values:
            filled[name] = values[name]
            continue
        info = cls.__pydantic_fields__[name]
        if info.default_factory is not None:
            filled[name] = info.default_factory()  # type: ignore[call-arg]
        elif info.is_required():
            raise TypeError(f"{cls.__name__}.trusted() needs the field {name}")
        else:
            filled[name] = info.default
    key = frozenset(values)
    return filled, _FIELDS_SETS.setdefault(key, set(key))


M = TypeVar("M", bound=_Model)
#: One set of field names per distinct set, shared by the instances that have it.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
#: Each model's field names in order and its set of them all (_layout), for trusted().
_LAYOUTS: dict[type[_Model], tuple[tuple[str, ...], set[str]]] = {}
# The models are frozen, so their own __setattr__ refuses; BaseModel's slots are written
# through their descriptors, as pydantic's own model_construct does.
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class Source(_Model):
    name: str | None = Field(None, description="File name or the `source=` given to parse().")
    sha256: str = Field(description="SHA-256 of the input bytes (UTF-8 text for parse(text)).")


class Column(_Model):
    header: str = Field(description="Header text as written, markup removed.")
    role: Role | None = Field(
        description="The field this column fills; null for an empty, spurious column."
    )


class Origin(_Model):
    how: How = Field(
        description="explicit: written in this row; carried: from an earlier row of the same "
        "merged cell; backfilled: from a later row of the same merged cell."
    )
    line: int = Field(description="1-based source line of the row the value was written on.")
    rows: int | None = Field(
        None,
        description="For a value from an HTML cell with rowspan: the rows that merged cell "
        "spans (line is then the line of its first row); null otherwise.",
    )


class Period(_Model):
    text: str = Field(description="The date phrase exactly as written.")
    kind: PeriodKind
    start: date | None = Field(
        None, description="First day, inclusive; null when open (a deadline) or no year is known."
    )
    end: date | None = Field(None, description="Last day, inclusive; null when no year is known.")
    month: int | None = Field(
        None, description="The month a month, xun, day or month deadline phrase names (1-12)."
    )
    quarter: int | None = Field(None, description="The quarter a single-quarter phrase names.")
    parts: list[Period] = Field(
        default_factory=list,
        description="A quarter list's quarters (each with the whole phrase as text), or a "
        "range's two ends.",
    )
    every: str | None = Field(None, description="ISO 8601 duration of a recurring period.")
    span: tuple[int, int] = Field(description="[start, end) character offsets in its text.")


class Target(_Model):
    text: str = Field(description="The phrase exactly as written.")
    subject: str | None = Field(None, description="What is counted, best effort.")
    comparator: Comparator
    value: float | None = Field(None, description="The number, multipliers (万, 亿) applied.")
    low: float | None = Field(None, description="Lower bound of a range.")
    high: float | None = Field(None, description="Upper bound of a range.")
    unit: str | None = Field(None, description="Measure word or unit (人, 家, %, 万元…).")
    per: str | None = Field(None, description="Rate denominator: 周 in 每周3期.")
    field: TextField = Field(description="The task field it was found in.")
    span: tuple[int, int] = Field(description="[start, end) character offsets in its field.")


class Milestone(_Model):
    when: Period
    action: str = Field(description="What is to be done, a substring of its field.")
    targets: list[Target] = Field(default_factory=list)
    field: TextField = "schedule"
    span: tuple[int, int] = Field(description="[start, end) character offsets in its field.")


class Progress(_Model):
    text: str = Field(description="The progress cell as written (line wraps removed).")
    percent: float | None = Field(
        None, description="The first percentage the text states (65% -> 65.0); null if none."
    )


class Task(_Model):
    seq: int | None = Field(description="The 序号 as a number; null when the cell is not a number.")
    sub: int = Field(1, description="1 for a numbered task; 2, 3… for unnumbered sub-tasks.")
    theme: str | None = None
    project: str | None = None
    content: str | None = None
    schedule: str | None = None
    departments: list[str] = Field(default_factory=list, description="Responsible departments.")
    partners: list[str] = Field(default_factory=list, description="Cooperating units.")
    owner: str | None = Field(None, description="Person or leader in charge, as written.")
    progress: Progress | None = Field(
        None,
        description="What a progress column (进展情况, 当前进度) reports for the task: a report, "
        "not a plan; null where the table has no such column.",
    )
    extra: dict[str, str] = Field(
        default_factory=dict, description="Columns with no known role, by their header."
    )
    line: int = Field(description="1-based source line of the task's row.")
    page: int = Field(description="1-based index of the Markdown table the row is in.")
    origin: dict[str, Origin] = Field(
        default_factory=dict, description="For each resolved field, how it was obtained."
    )
    milestones: list[Milestone] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    due: date | None = Field(None, description="Latest milestone end; null without milestones.")


class Diagnostic(_Model):
    level: Level
    code: str = Field(description="Stable machine-readable kind, e.g. realigned, backfilled.")
    message: str = Field(
        description="One sentence for a person, in English unless parse(lang='zh') or --lang zh."
    )
    line: int | None = Field(None, description="1-based source line it concerns.")
    seq: int | None = Field(None, description="The task it concerns.")
    column: str | None = Field(None, description="The header of the column the text was in.")
    role: Role | None = Field(None, description="The role the text was given.")
    text: str | None = Field(None, description="The cell text concerned, as written.")
    rule: str | None = Field(
        None,
        description="The repair rule that emitted it (python -m tasktable --rules); null for "
        "what reading itself reports.",
    )
    args: dict[str, str | int] = Field(
        default_factory=dict,
        description="What the message says, as data: the values its sentence is written from "
        "(the message in another language is written from them too).",
    )


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    tasktable_version: str
    source: Source
    title: str | None = Field(None, description="The line naming the document.")
    year: int | None = Field(
        None,
        description="Plan year: from year=, else from the title, else from the one year the "
        "header names (2024年目标任务).",
    )
    columns: list[Column] = Field(description="The table's columns, from its first header.")
    merged: dict[str, MergedStyle] = Field(
        default_factory=dict,
        description="Where the converter put each merged column's text (theme, project, "
        "departments), as detected, or as forced with merged=.",
    )
    tasks: list[Task]
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    # --- queries (docs/queries.md) ------------------------------------------------------------

    def tasks_of(self, department: str) -> list[Task]:
        """Tasks that ``department`` leads or works on as a partner, in document order."""
        return [t for t in self.tasks if department in t.departments or department in t.partners]

    def milestones_of(self, department: str) -> list[TaskMilestone]:
        """Milestones of the tasks of ``department``, in document order."""
        return [TaskMilestone(t, m) for t in self.tasks_of(department) for m in t.milestones]

    def milestones_due(self, first: date, last: date) -> list[TaskMilestone]:
        """Milestones whose period ends within ``first`` .. ``last`` (both included), by end
        date: ``milestones_due(date(2019, 6, 1), date(2019, 6, 30))`` is what is due in June."""
        due = [
            TaskMilestone(t, m)
            for t in self.tasks
            for m in t.milestones
            if m.when.end is not None and first <= m.when.end <= last
        ]
        return sorted(due, key=lambda pair: pair.milestone.when.end or last)

    def all_targets(self) -> list[TaskTarget]:
        """Every target of every task, flat, each with its task's seq and departments."""
        return [
            TaskTarget(t.seq, t.sub, t.departments, target)
            for t in self.tasks
            for target in t.targets
        ]


class TaskMilestone(NamedTuple):
    """A milestone with the task it belongs to."""

    task: Task
    milestone: Milestone


class TaskTarget(NamedTuple):
    """A target with its task's seq, sub and departments."""

    seq: int | None
    sub: int
    departments: list[str]
    target: Target
