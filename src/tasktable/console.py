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
from .vocab.messages import CONSOLE, COUNTED, LIST_SEPARATOR, Lang

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


def warning_lines(document: Document, lang: Lang = "en") -> Iterator[str]:
    """Each warning on its own line, except that a code with GROUP_FROM or more is told
    once, where its first stands: how many, at which lines (the first GROUP_LINES), and the
    first one's message, in ``lang``. The Document keeps every one; ``-v`` prints every one."""
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
        shown = LIST_SEPARATOR[lang].join(str(line) for line in lines[:GROUP_LINES])
        more = len(lines) - GROUP_LINES
        at = CONSOLE["at-more" if more > 0 else "at"][lang] if lines else ""
        sentence = CONSOLE["grouped"][lang].format(
            code=code,
            warnings=counted(counts[code], "warning", lang),
            at=at.format(lines=shown, more=more),
            message=diagnostic.message,
        )
        yield f"{name}: {diagnostic.level}: {sentence}"


def infos_line(document: Document, lang: Lang = "en") -> str | None:
    """``file: 61 tasks; 1 backfilled, 42 realigned (details in the output)``: the infos a
    run without -v does not print, counted by code; None where there are none."""
    infos = Counter(d.code for d in document.diagnostics if d.level == "info")
    if not infos:
        return None
    counts = LIST_SEPARATOR[lang].join(
        CONSOLE["info-count"][lang].format(count=count, code=code)
        for code, count in sorted(infos.items())
    )
    tasks = counted(len(document.tasks), "task", lang)
    return f"{document.source.name or '<text>'}: " + CONSOLE["infos"][lang].format(
        tasks=tasks, counts=counts
    )


def error_text(error: TasktableError, lang: Lang, *, data: bytes | None = None) -> str:
    """The error as the command line tells it, in ``lang``: for input that holds NUL bytes,
    which no Markdown file does (a binary file, or UTF-16 text), that, with no line number:
    the line where decoding stopped means nothing in an image or a spreadsheet. ``data`` is
    the input when it was read from stdin; a file is looked at again."""
    if isinstance(error, DecodeError):
        head = data[:_BINARY_PROBE] if data is not None else _head(error.source)
        nul = head.find(b"\0")
        if nul >= 0:
            error = DecodeError.of("binary", offset=nul, source=error.source)
    return error.in_language(lang)


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


def counted(number: int, noun: str, lang: Lang = "en") -> str:
    """``1 file``, ``2 files`` (English nouns here take an s in the plural), ``2 个文件``."""
    word = COUNTED[noun][lang]
    if lang == "zh":
        return f"{number} {word}"
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
