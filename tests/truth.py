"""Scoring a parse against a hand-made truth, field by field (issues 15 and 16).

A truth (tests/fixtures/real/NAME.truth.json, copied from the shared development set) gives
each row's content, schedule, lead units, theme and project. Tasks are matched to truth rows
in order by the similarity of their content, so a lost or merged task costs its own fields
only; then each field is compared, whitespace and <br> aside, theme and project without their
heading numbers (一、, （一）, 1.).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tasktable import Task

#: Heading numbers a theme or project may carry in one source and not in another.
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])"
)
#: Content similarity below which a task matches no truth row.
_MATCH = 0.3


@dataclass(frozen=True)
class Score:
    right: int
    total: int
    tasks: int
    rows: int

    def __str__(self) -> str:
        return f"{self.right}/{self.total} fields right, {self.tasks} tasks for {self.rows} rows"


def load_truth(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def score(tasks: list[Task], rows: list[dict[str, Any]]) -> Score:
    """Fields right over the truth rows: content, schedule and departments for every row,
    theme and project where the truth has one."""
    pairs = _align(tasks, rows)
    right = total = 0
    for index, row in enumerate(rows):
        total += 3 + bool(row.get("theme")) + bool(row.get("project"))
        task = pairs.get(index)
        if task is None:
            continue
        right += _flat(task.content) == _flat(row.get("content"))
        right += _flat(task.schedule) == _flat(row.get("schedule"))
        units = _units(row)
        if row.get("source_truncated") and not units:
            right += 1
        else:
            right += sorted(map(_flat, task.departments)) == sorted(map(_flat, units))
        if row.get("theme"):
            right += _heading(task.theme) == _heading(row["theme"])
        if row.get("project"):
            right += _heading(task.project) == _heading(row["project"])
    return Score(right, total, len(tasks), len(rows))


def _flat(text: str | None) -> str:
    return re.sub(r"\s+|<br>", "", text or "")


def _heading(text: str | None) -> str:
    return _NUMBERING.sub("", _flat(text))


def _units(row: dict[str, Any]) -> list[str]:
    if row.get("department_units"):
        return list(row["department_units"])
    return [u for u in re.split(r"[\s、，,]+", row.get("department") or "") if u]


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def _key(content: str | None, schedule: str | None) -> str:
    return _flat(content)[:40] or "∅" + _flat(schedule)[:20]


def _align(tasks: list[Task], rows: list[dict[str, Any]]) -> dict[int, Task]:
    """{row index: task}, matched in order: the longest common subsequence by similarity."""
    a = [_key(t.content, t.schedule) for t in tasks]
    b = [_key(r.get("content"), r.get("schedule")) for r in rows]
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(
                best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + _similarity(a[i], b[j])
            )
    pairs: dict[int, Task] = {}
    i = j = 0
    while i < n and j < m:
        s = _similarity(a[i], b[j])
        if s > _MATCH and abs(best[i][j] - (best[i + 1][j + 1] + s)) < 1e-9:
            pairs[j] = tasks[i]
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
