"""Every error tasktable raises on bad input, under one base class.

Each error carries where it happened (``source``, ``line``) and renders as one sentence
that says what was found and what was expected, so the CLI can print it on one line.
"""

from __future__ import annotations


class TasktableError(Exception):
    """Base class: the input cannot be turned into a task table.

    ``parse()`` raises only subclasses of this; any other exception is a bug.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(message, source, line)

    def __str__(self) -> str:
        where = self.source or "<text>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default pickling of exceptions.
        return (_rebuild, (type(self), self.message, self.source, self.line))


def _rebuild(
    cls: type[TasktableError], message: str, source: str | None, line: int | None
) -> TasktableError:
    error = cls.__new__(cls)
    TasktableError.__init__(error, message, source=source, line=line)
    return error


class DecodeError(TasktableError):
    """The bytes are neither UTF-8 nor GB18030; ``offset`` is the first bad byte."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        offset: int | None = None,
    ):
        super().__init__(message, source=source, line=line)
        self.offset = offset


class NoTableError(TasktableError):
    """The text holds no Markdown table at all."""


class ForeignTableError(NoTableError):
    """No GFM table, but a table in another Markdown dialect (pandoc's grid or multiline
    tables, from ``pandoc -t markdown``); ``line`` is where it starts."""


class NoHeaderError(TasktableError):
    """Tables were found, but none has a header row tasktable recognises."""


class RoleMapError(TasktableError):
    """A user's role map (``roles=``, ``--role``) names a role tasktable does not have."""


class OptionError(TasktableError):
    """An option given to ``parse()`` has a value tasktable does not know (``merged=``)."""


class InputFileError(TasktableError):
    """The input file cannot be read (missing, a directory, no permission)."""


class OutputFileError(TasktableError):
    """The output file cannot be written (missing folder, no permission)."""
