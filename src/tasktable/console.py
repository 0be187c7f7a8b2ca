"""What a run tells on stderr: diagnostics one a line, a code's many warnings grouped, errors
as the command line words them, counts.

Apart from batch.py, so that a one-file run of the command line need not load the batch
machinery (its dataclasses, the writers' table of suffixes) to report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import DecodeError, TasktableError

if TYPE_CHECKING:
    from .models import Diagnostic, Document


def diagnostic_lines(document: Document, *, verbose: bool) -> Iterator[str]:
    """``file:line: level: code: message`` for each warning (and info, when verbose)."""
    name = document.source.name or "<text>"
    for diagnostic in document.diagnostics:
        if diagnostic.level == "info" and not verbose:
            continue
        yield _diagnostic_line(name, diagnostic)


def _diagnostic_line(name: str, diagnostic: Diagnostic) -> str:
    where = f"{name}:{diagnostic.line}" if diagnostic.line else name
    return f"{where}: {diagnostic.level}: {diagnostic.code}: {diagnostic.message}"


#: A code with this many warnings or more is told in one line (a centred table can give a
#: hundred uncertain-span warnings, which hide every other one); fewer are told one a line.
GROUP_FROM = 3
#: How many of a group's lines its one line names.
GROUP_LINES = 5


def warning_lines(document: Document) -> Iterator[str]:
    """Each warning on its own line, except that a code with GROUP_FROM or more is told
    once, where its first stands: how many, at which lines (the first GROUP_LINES), and the
    first one's message. The Document keeps every one; ``-v`` prints every one."""
    name = document.source.name or "<text>"
    warnings = [d for d in document.diagnostics if d.level != "info"]
    counts = Counter(d.code for d in warnings)
    told: set[str] = set()
    for diagnostic in warnings:
        code = diagnostic.code
        if counts[code] < GROUP_FROM:
            yield _diagnostic_line(name, diagnostic)
            continue
        if code in told:
            continue
        told.add(code)
        lines = [d.line for d in warnings if d.code == code and d.line is not None]
        where = ", ".join(str(line) for line in lines[:GROUP_LINES])
        if len(lines) > GROUP_LINES:
            where += f" and {len(lines) - GROUP_LINES} more"
        at = f" at lines {where}" if lines else ""
        yield (
            f"{name}: {diagnostic.level}: {code}: {counts[code]} warnings{at}; the first: "
            f"{diagnostic.message} (-v prints each)"
        )


def error_text(error: TasktableError, *, data: bytes | None = None) -> str:
    """The error as the command line tells it: for input that holds NUL bytes, which no
    Markdown file does (a binary file, or UTF-16 text), that, with no line number: the line
    where decoding stopped means nothing in an image or a spreadsheet. ``data`` is the input
    when it was read from stdin; a file is looked at again."""
    if not isinstance(error, DecodeError):
        return str(error)
    head = data[:_BINARY_PROBE] if data is not None else _head(error.source)
    nul = head.find(b"\0")
    if nul < 0:
        return str(error)
    return (
        f"{error.source or '<text>'}: holds NUL bytes (the first at offset {nul}), as binary "
        "files and UTF-16 text do; expected a UTF-8 or GB18030 text file"
    )


#: How much of a file is looked at for NUL bytes (as git and grep do, a first block).
_BINARY_PROBE = 8192


def _head(source: str | None) -> bytes:
    if source is None:
        return b""
    try:
        with open(source, "rb") as file:
            return file.read(_BINARY_PROBE)
    except (OSError, ValueError):
        return b""


def one_line(text: str) -> str:
    """A message on one line, whatever a file name holds: line breaks written as \\n."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def counted(number: int, noun: str) -> str:
    """``1 file``, ``2 files``: English nouns here take an s in the plural."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
