"""tasktable: Chinese work-plan task tables, broken by PDF converters, as clean JSON.

>>> import tasktable
>>> doc = tasktable.parse(open("plan.md", encoding="utf-8").read())  # doctest: +SKIP
"""

__version__ = "0.1.0"

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import (
    DecodeError,
    ForeignTableError,
    InputFileError,
    NoHeaderError,
    NoTableError,
    OptionError,
    OutputFileError,
    RoleMapError,
    TasktableError,
)

if TYPE_CHECKING:
    from .api import parse, parse_file
    from .batch import records_of
    from .formats import FORMATS, render
    from .models import (
        Column,
        Diagnostic,
        Document,
        Milestone,
        Origin,
        Period,
        Source,
        Target,
        Task,
        TaskMilestone,
        TaskTarget,
    )
    from .stages.dates import find_periods
    from .stages.targets import find_targets

#: Where each public name lives. They are imported on first use (PEP 562): the command line
#: and ``import tasktable.errors`` need not load pydantic, the stages and every writer first.
_LAZY = {
    "parse": "api",
    "parse_file": "api",
    "records_of": "batch",
    "FORMATS": "formats",
    "render": "formats",
    **dict.fromkeys(
        (
            "Column",
            "Diagnostic",
            "Document",
            "Milestone",
            "Origin",
            "Period",
            "Source",
            "Target",
            "Task",
            "TaskMilestone",
            "TaskTarget",
        ),
        "models",
    ),
    "find_periods": "stages.dates",
    "find_targets": "stages.targets",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tasktable' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once; later look-ups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "FORMATS",
    "Column",
    "DecodeError",
    "Diagnostic",
    "Document",
    "ForeignTableError",
    "InputFileError",
    "Milestone",
    "NoHeaderError",
    "NoTableError",
    "OptionError",
    "Origin",
    "OutputFileError",
    "Period",
    "RoleMapError",
    "Source",
    "Target",
    "Task",
    "TaskMilestone",
    "TaskTarget",
    "TasktableError",
    "__version__",
    "find_periods",
    "find_targets",
    "parse",
    "parse_file",
    "records_of",
    "render",
]
