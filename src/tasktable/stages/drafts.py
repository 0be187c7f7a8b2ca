"""A task while it is being resolved (stage 4): values as written, and where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..models import How, Origin


@dataclass(slots=True)
class Draft:
    """A task before it becomes a model: values and origins still being resolved."""

    line: int
    page: int
    seq: int | None
    sub: int = 1  # 2, 3… for the sub-tasks that follow a numbered task without a 序号
    values: dict[str, str] = field(default_factory=dict)  # role -> text as written
    origin: dict[str, Origin] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    #: role -> line, for a merged value that only a continuation row on the next page gave
    orphans: dict[str, int] = field(default_factory=dict)
    #: roles whose value the Markdown leaves open (an ``uncertain-span`` warning says why)
    doubted: set[str] = field(default_factory=set)


@lru_cache(maxsize=1024)
def origin_of(how: How, line: int, rows: int | None = None) -> Origin:
    """One shared, immutable Origin per (how, line, rows): rows of a span share one."""
    if rows:
        return Origin.trusted(how=how, line=line, rows=rows)
    return Origin.trusted(how=how, line=line)


def set_value(draft: Draft, role: str, text: str, origin: Origin) -> None:
    draft.values[role] = text
    draft.origin[role] = origin
