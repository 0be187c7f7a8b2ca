"""Helpers shared by the golden-file tests."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import tasktable
from tasktable import Task

#: What a task says, as opposed to where it was read (line, page, origin): the fields that
#: must survive a round trip through the md output.
TASK_FIELDS = set(Task.model_fields) - {"line", "page", "origin"}


def write_one_per_line(path: Path, found: Mapping[str, Sequence[object]]) -> None:
    """A JSON object of lists written one item a line, so a reviewer reads it like a table."""
    blocks = [
        f'  "{key}": [\n'
        + ",\n".join(f"    {json.dumps(item, ensure_ascii=False)}" for item in items)
        + "\n  ]"
        for key, items in found.items()
    ]
    path.write_text("{\n" + ",\n".join(blocks) + "\n}\n", "utf-8")


def dump(path: Path) -> dict[str, object]:
    """A whole Document as golden-file JSON, with the version that would churn every file
    at each release masked."""
    document = tasktable.parse(path.read_bytes(), source=path.name)
    data: dict[str, object] = json.loads(document.model_dump_json())
    data["tasktable_version"] = "*"
    return data
