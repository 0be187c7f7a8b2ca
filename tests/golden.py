"""Helpers shared by the golden-file tests."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import tasktable
from tasktable import Document, Task
from tasktable.formats import json_bytes
from tasktable.models import _Model

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


def trusted_models(document: Document) -> list[_Model]:
    """The models the parser builds with ``trusted()``, not validated: the Document, its
    source, columns and diagnostics, and every task, its progress, origins, targets and
    milestones, and each milestone's period and its parts."""
    found: list[_Model] = [document, document.source, *document.columns, *document.diagnostics]
    for task in document.tasks:
        found += [task, *task.targets, *task.milestones, *task.origin.values()]
        found += [target for milestone in task.milestones for target in milestone.targets]
        periods = [milestone.when for milestone in task.milestones]
        while periods:
            found += periods
            periods = [part for period in periods for part in period.parts]
        if task.progress is not None:
            found.append(task.progress)
    return found


def as_validated(model: _Model) -> tuple[object, object]:
    """A model's values with their types, its set fields and its JSON as the writers write it,
    beside the same of the model that the constructor makes of the fields set: what
    ``trusted()`` must give. (Its JSON is pydantic's own there, ``model_dump_json()``.)"""

    def typed(m: _Model, written: bytes) -> object:
        values = [(name, type(value), value) for name, value in m.__dict__.items()]
        return values, m.model_fields_set, written

    validated = type(model).model_validate(
        {name: model.__dict__[name] for name in model.model_fields_set}
    )
    return typed(model, json_bytes(model)), typed(validated, validated.model_dump_json().encode())
