"""tasktable: Chinese work-plan task tables, broken by PDF converters, as clean JSON.

>>> import tasktable
>>> doc = tasktable.parse(open("plan.md", encoding="utf-8").read())  # doctest: +SKIP
"""

__version__ = "0.1.0"

from .api import parse, parse_file
from .batch import records_of
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
