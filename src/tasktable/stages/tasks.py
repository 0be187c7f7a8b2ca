"""Stage 5: drafts to tasks. Each resolved draft becomes a Task model: its texts unwrapped,
its units split into leads and partners, its content and schedule cut into milestones and
targets, and its progress read (SPEC §6–8)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Final, Literal

from ..messages import diagnostic
from ..models import Diagnostic, Milestone, Progress, Target, Task, TextField
from ..names import is_no_unit, people_apart, split_names, split_roles, unwrap_people
from ..patterns import alternation, compiled, on_first_use
from ..vocab.headers import HEADER_SYNONYMS
from ..vocab.shapes import LEAD_WORDS, PARTNER_WORDS
from ..wraps import unwrap
from .dates import find_periods
from .drafts import Draft
from .milestones import find_milestones
from .targets import find_targets


def build_tasks(
    drafts: Sequence[Draft],
    year: int | None,
    diagnostics: list[Diagnostic] | None = None,
    headers: Mapping[str, str] | None = None,
) -> list[Task]:
    """One Task per draft, in document order. A unit cell that says there is none (/, 无, —)
    gives no name; what it said goes to a ``no-unit`` info in ``diagnostics``, so no text
    is lost (``headers``: each role's column header, for the diagnostic)."""
    if diagnostics is not None:
        diagnostics.extend(_no_units(drafts, headers or {}))
    # A table without a unit column may name each task's units in a note after its text.
    noted = headers is not None and "departments" not in headers
    people = None if headers is None else _people_in_units(headers)
    return [_task(draft, year, noted_units=noted, people_in_units=people) for draft in drafts]


def _people_in_units(headers: Mapping[str, str]) -> Literal["named", "titled"] | None:
    """Which people named beside a unit in a departments cell (信息技术科 张磊) are the
    task's owner: any person's name where the column's header names a person too (责任科室及
    责任人, 责任单位（责任人）, 牵头单位及负责人); only a name with a title in brackets (李娜
    （主任）) where the table has no owner column and the header names units only, since a
    place reads like a name there (高铁新城, 李庄); none beside an owner column
    (docs/decisions.md)."""
    header = "".join(headers.get("departments", "").split())
    if any(word in header for word in HEADER_SYNONYMS["owner"]):
        return "named"
    return "titled" if "owner" not in headers else None


def _no_units(drafts: Sequence[Draft], headers: Mapping[str, str]) -> list[Diagnostic]:
    """A ``no-unit`` info for each unit cell written as a placeholder, where it is written
    (a carried one is said once, on its own row)."""
    return [
        diagnostic(
            "no-unit",
            "info",
            {"role": role, "text": text.strip()},
            line=origin.line,
            seq=draft.seq,
            column=headers.get(role),
            role=role,
            text=text,
        )
        for draft in drafts
        for role in _UNIT_ROLES
        if (text := draft.values.get(role))
        and is_no_unit(text)
        and (origin := draft.origin.get(role)) is not None
        and origin.how == "explicit"
    ]


#: The roles whose cells hold unit names.
_UNIT_ROLES: Final = ("departments", "partners")


def resolved_text(draft: Draft, role: str) -> str | None:
    """A text field as the task gives it: printed line wraps removed."""
    text = draft.values.get(role)
    return unwrap(text) if text else None


def resolved_names(draft: Draft, role: str) -> list[str]:
    """A units field split into names."""
    text = draft.values.get(role)
    return split_names(text) if text else []


def units_noted_in(content: str) -> tuple[list[str], list[str]]:
    """The (leads, partners) a note at the end of a task's text names, as a table without a
    unit column writes them: 做好工作。（责任单位：县工信局） or （牵头单位：县水利局；配合单位：
    县财政局、各乡镇）. None there: ([], []). The text itself stays as written."""
    note = _UNIT_NOTE.search(content)
    return split_roles(note.group("note")) if note else ([], [])


#: A note of units closing a task's text: （责任单位：…）, its label one of the lead or partner
#: labels that name units (vocab.shapes: 牵头单位, 责任单位, 配合单位 …), a name in it perhaps
#: with brackets of its own (各镇（街道）).
_UNIT_NOTE = on_first_use(
    compiled,
    r"[（(]\s*(?P<note>(?:"
    + alternation(w for w in LEAD_WORDS + PARTNER_WORDS if w.endswith(("单位", "部门")))
    + r")\s*[：:](?:[^（）()]|[（(][^（）()]*[）)])+?)\s*[）)]\s*[。；;.]?\s*$",
)


def _task(
    draft: Draft,
    year: int | None,
    *,
    noted_units: bool = False,
    people_in_units: Literal["named", "titled"] | None = None,
) -> Task:
    content = resolved_text(draft, "content")
    schedule = resolved_text(draft, "schedule")
    # Targets and milestones come from what is to be done, never from theme or project.
    targets: list[Target] = []
    milestones: list[Milestone] = []
    for field, text in (("content", content), ("schedule", schedule)):
        if text:
            _found_in(text, field, year, targets, milestones)  # type: ignore[arg-type]
    progress = resolved_text(draft, "progress")
    if progress:
        # A report's dates are milestones too (剩余预计11月底前完成); its numbers are what was
        # done, not targets.
        periods = find_periods(progress, year=year)
        milestones.extend(find_milestones(progress, periods, [], field="progress"))
    ends = [m.when.end for m in milestones if m.when.end is not None]
    # A department cell may mark who leads and who assists (牵头 / 配合): the assisting
    # units join the partners.
    units = draft.values.get("departments")
    people: list[str] = []
    if units and people_in_units:  # 信息技术科 张磊: 张磊 is the owner (_people_in_units)
        units, people = people_apart(units, titled=people_in_units == "titled")
    leads, assisting = split_roles(units) if units else ([], [])
    if noted_units and not leads and content:
        leads, assisting = units_noted_in(content)
    owner = unwrap_people(written) if (written := draft.values.get("owner")) else None
    origin = dict(draft.origin)
    if people:
        named = [person for person in people if not owner or person not in owner]
        owner = "、".join([owner, *named] if owner else named)
        if "owner" not in origin and "departments" in origin:
            origin["owner"] = origin["departments"]
    partners = resolved_names(draft, "partners")
    # Every value is built to its field's type here (the lists and dicts are the task's own):
    # trusted, not validated again.
    return Task.trusted(
        seq=draft.seq,
        sub=draft.sub,
        theme=resolved_text(draft, "theme"),
        project=resolved_text(draft, "project"),
        content=content,
        schedule=schedule,
        departments=leads,
        # A unit that leads is no partner of its own task (牵头单位 beside 责任单位).
        partners=[name for name in dict.fromkeys(partners + assisting) if name not in leads],
        owner=owner,
        progress=Progress.trusted(text=progress, percent=_percent(progress)) if progress else None,
        extra={header: text for header, text in draft.extra.items()},
        line=draft.line,
        page=draft.page,
        origin=origin,
        milestones=milestones,
        targets=targets,
        due=max(ends, default=None),
    )


#: A percentage: 65%, 65 %, ６５％, 12.5%.
_PERCENT = on_first_use(compiled, r"([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]")


def _percent(text: str) -> float | None:
    """The first percentage a progress text states, as a number (65%(二期工程进度滞后) -> 65)."""
    match = _PERCENT.search(text)
    return float(unicodedata.normalize("NFKC", match.group(1))) if match else None


def _found_in(
    text: str,
    field: TextField,
    year: int | None,
    targets: list[Target],
    milestones: list[Milestone],
) -> None:
    found = find_targets(text, field=field)
    targets.extend(found)
    milestones.extend(find_milestones(text, find_periods(text, year=year), found, field=field))
