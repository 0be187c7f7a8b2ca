"""Every error tasktable raises on bad input, under one base class.

Each error carries where it happened (``source``, ``line``) and renders as one sentence
that says what was found and what was expected, so the CLI can print it on one line. An
error made with :meth:`TasktableError.of` also keeps its ``code`` and ``params``, so that
its sentence can be written in Chinese as well (the catalogue: vocab/messages.py, ERRORS);
``str(error)`` is English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from .vocab.messages import ERRORS, Lang

E = TypeVar("E", bound="TasktableError")


class TasktableError(Exception):
    """Base class: the input cannot be turned into a task table.

    ``parse()`` raises only subclasses of this; any other exception is a bug.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        code: str | None = None,
        params: Mapping[str, str | int] | None = None,
    ):
        self.message = message
        self.source = source
        self.line = line
        #: The catalogue's key for the sentence (None for an error made with a message).
        self.code = code
        #: The values the sentence is written with (``why`` chooses among a code's sentences).
        self.params: dict[str, str | int] = dict(params or {})
        super().__init__(message, source, line)

    @classmethod
    def of(
        cls: type[E],
        code: str,
        *,
        source: str | None = None,
        line: int | None = None,
        **params: str | int,
    ) -> E:
        """The error whose message is the catalogue's English for ``code`` and ``params``."""
        message = _sentence(code, params, "en")
        return cls(message, source=source, line=line, code=code, params=params)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def where(self) -> str:
        """The file (``<text>`` for a string) and, where known, the line."""
        where = self.source or "<text>"
        return where if self.line is None else f"{where}:{self.line}"

    def in_language(self, lang: Lang, *, where: bool = True) -> str:
        """``str(self)`` in ``lang`` (without the file and line unless ``where``); an error
        made with a message of its own keeps it."""
        if self.code is None or lang == "en":
            message = self.message
        else:
            message = _sentence(self.code, self.params, lang)
        return f"{self.where}: {message}" if where else message

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default pickling of exceptions; the
        # attributes (code, params, a subclass's offset) come back with the instance's dict.
        return (_rebuild, (type(self), self.message, self.source, self.line), self.__dict__)


def _sentence(code: str, params: Mapping[str, str | int], lang: Lang) -> str:
    why = params.get("why")
    template = ERRORS[f"{code}.{why}" if why else code]
    return template[lang].format(**params)


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
        code: str | None = None,
        params: Mapping[str, str | int] | None = None,
        offset: int | None = None,
    ):
        super().__init__(message, source=source, line=line, code=code, params=params)
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


class MissingExtraError(TasktableError, ImportError):
    """A format needs an optional dependency that is not installed (xlsx: openpyxl, the
    ``xlsx`` extra)."""
