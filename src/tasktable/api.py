"""The library entry points: run the stages in order and build the Document (SPEC §8)."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from . import __version__, patterns
from .context import Context
from .errors import (
    DecodeError,
    ForeignTableError,
    InputFileError,
    NoHeaderError,
    NoTableError,
    OptionError,
    RoleMapError,
)
from .messages import default_language, diagnostic, in_language
from .models import (
    FORCED_STYLES,
    PLACEMENTS,
    Column,
    Diagnostic,
    Document,
    MergedStyle,
    Placement,
    Source,
    Task,
)
from .rules import disabled_rules
from .stages.decode import decode_bytes, normalise_newlines
from .stages.fill import fill_tasks
from .stages.join import join_rows
from .stages.leftovers import foreign_table
from .stages.read import RawTable, read_tables, title_year
from .stages.realign import realign_rows
from .stages.roles import assign_roles
from .stages.stitch import (
    Grid,
    marked_roles,
    normalise_header,
    normalised_roles,
    stitch_segments,
)
from .stages.tasks import build_tasks
from .vocab.headers import MAPPABLE_ROLES
from .vocab.messages import LANGS, Lang

_HEADER_HINT = "序号, 项目名称, 项目内容, 序时进度, 责任部门"


def parse(
    text: str | bytes,
    *,
    year: int | None = None,
    source: str | None = None,
    roles: Mapping[str, str] | None = None,
    merged: Placement = "auto",
    disable: Iterable[str] | None = None,
    lang: Lang | None = None,
) -> Document:
    """Parse a converted task table (Markdown) into a Document.

    ``year`` is the plan year and wins over the one in the title; ``source`` names the input
    in errors and in ``Document.source``; ``roles`` maps header words the vocabulary lacks to
    roles (``{"牵头处室": "departments"}``); ``merged`` says where the converter put merged
    cells' text ("top", "repeated", "left-filled", "centred") when detection ("auto") gets it wrong
    (docs/converters.md); ``disable`` names repair rules to switch off (``--rules`` lists
    them); ``lang`` ("en" or "zh") is the language of the diagnostics' messages, by default
    the locale's (LANG=zh_CN.UTF-8 gives zh). Bytes are decoded as UTF-8, else GB18030.
    Raises only :class:`tasktable.TasktableError` subclasses on bad input.
    """
    if source is not None and not isinstance(source, str):
        raise OptionError.of("option", why="source", value=repr(source))
    check_roles(roles, source)
    check_year(year, source)
    if merged not in PLACEMENTS:
        choices = ", ".join(PLACEMENTS)
        raise OptionError.of(
            "option",
            why="choice",
            option="merged",
            value=repr(merged),
            choices=choices,
            source=source,
        )
    if lang is not None and lang not in LANGS:
        choices = ", ".join(LANGS)
        raise OptionError.of(
            "option", why="choice", option="lang", value=repr(lang), choices=choices, source=source
        )
    ctx = Context(disabled_rules(disable, source))
    if isinstance(text, bytes):
        data = text
        decoded = decode_bytes(data, source=source)
        text = decoded.text
        if decoded.encoding != "utf-8":
            ctx.diagnostics.append(
                diagnostic("encoding", "info", {"encoding": decoded.encoding.upper()})
            )
    else:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise DecodeError.of("surrogate", index=error.start, source=source) from None
    with _collector_paused():
        document = _parse_text(
            text,
            data,
            year=year,
            source=source,
            roles=roles,
            merged=merged,
            ctx=ctx,
        )
    patterns.release_classes()
    lang = lang or default_language()
    return document if lang == "en" else in_language(document, lang)


#: Years a date can be written in: Y+1 (次年) must be a year too.
_YEARS = range(1, 9999)


def check_year(year: object, source: str | None) -> None:
    """A plan year is a whole number of a calendar year (the CLI asks for 1949-2100)."""
    if year is None:
        return
    if isinstance(year, bool) or not isinstance(year, int) or year not in _YEARS:
        raise OptionError.of("option", why="year", value=repr(year), source=source)


def check_roles(roles: Mapping[str, str] | None, source: str | None) -> None:
    if roles is not None and not isinstance(roles, Mapping):
        raise RoleMapError.of("roles", why="mapping", source=source)
    for header, role in (roles or {}).items():
        if not isinstance(header, str) or not header.strip():
            raise RoleMapError.of("roles", why="header", header=repr(header), source=source)
        if role not in MAPPABLE_ROLES:
            choices = ", ".join(MAPPABLE_ROLES)
            raise RoleMapError.of(
                "roles", why="role", header=header, role=str(role), choices=choices, source=source
            )


def _header_year(grid: Grid, ctx: Context) -> int | None:
    """The plan year where the title names none but the header does, once: a table under
    | 序号 | 2024年目标任务 | … | is 2024's (an info says so). Headers naming two years
    (2023年完成值 | 2024年目标) name no plan year."""
    named: dict[int, str] = {}  # year -> the first header naming it
    for column in grid.columns:
        if year := title_year(column.header):
            named.setdefault(year, column.header)
    if len(named) != 1:
        return None
    ((year, header),) = named.items()
    ctx.diagnostics.append(
        diagnostic("year-from-header", "info", {"year": year, "column": header}, column=header)
    )
    return year


def _unused_roles(
    roles: Mapping[str, str] | None, tables: Iterable[RawTable]
) -> Iterator[Diagnostic]:
    """A warning for each header of the user's role map that no cell of any table holds: a
    misspelt header would otherwise change nothing, and say nothing."""
    if not roles:
        return
    wanted = {normalise_header(header): header for header in roles}
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                wanted.pop(normalise_header(cell), None)
                if not wanted:
                    return
    for header in wanted.values():
        yield diagnostic("unused-role", "warning", {"column": header}, column=header)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one parse.

    A parse makes hundreds of thousands of objects (tokens, cells, models) and frees them by
    reference counting; the collector's full passes over that growing heap made parse time
    grow faster than the input (100 copies of the sample took 2.8 times linear in
    markdown-it alone). Paused, time is linear. The collector's state is restored after, and
    a parse that finds it paused leaves it paused.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_file(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    roles: Mapping[str, str] | None = None,
    merged: Placement = "auto",
    disable: Iterable[str] | None = None,
    lang: Lang | None = None,
) -> Document:
    """Read ``path`` and parse it; errors name the file."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputFileError.of("not-found", source=name) from None
    except IsADirectoryError:
        raise InputFileError.of("is-folder", source=name) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = getattr(error, "strerror", None) or str(error)
        raise InputFileError.of("unreadable", reason=reason, source=name) from None
    return parse(
        data, year=year, source=name, roles=roles, merged=merged, disable=disable, lang=lang
    )


def _parse_text(
    text: str,
    data: bytes,
    *,
    year: int | None,
    source: str | None,
    roles: Mapping[str, str] | None,
    merged: Placement,
    ctx: Context,
) -> Document:
    text = normalise_newlines(text)
    if not text.strip():  # said as such: "no table found" in an empty file sends one looking
        raise NoTableError.of("empty", source=source)
    read = read_tables(text, ctx)
    if not read.tables and (foreign := foreign_table(text)) is not None:
        raise ForeignTableError.of(
            "foreign-table",
            why=foreign.kind,
            text=foreign.text[:40],
            source=source,
            line=foreign.line,
        )
    if not read.tables:
        raise NoTableError.of("no-table", headers=_HEADER_HINT, source=source)
    forced = FORCED_STYLES.get(merged)
    left_fill = None if forced is None else forced == "left-filled"
    grids = stitch_segments(read.tables, roles, ctx, left_fill=left_fill)
    if not grids:
        first = read.tables[0]
        raise NoHeaderError.of("no-header", headers=_HEADER_HINT, source=source, line=first.line)
    ctx.diagnostics.extend(_unused_roles(roles, read.tables))
    year = year if year is not None else read.year or _header_year(grids[0], ctx)
    tasks: list[Task] = []
    styles: dict[str, MergedStyle] = {}
    columns: list[Column] = []
    # Each table under its own header is read on its own: its roles, its merged cells.
    for grid in grids:
        grid = assign_roles(grid, normalised_roles(roles), ctx)
        if not columns:
            ctx.diagnostics.extend(
                diagnostic("row-outside-table", "warning", line=line, text=text)
                for line, text in read.stray
            )
        aligned = realign_rows(grid, ctx)
        drafts = join_rows(aligned, grid.columns, ctx)
        drafts, found = fill_tasks(
            drafts,
            grid.columns,
            ctx,
            merged=merged,
            left_filled=grid.left_filled,
            marked=marked_roles(grid),
        )
        headers: dict[str, str] = {}
        for column in grid.columns:
            if column.role:
                headers.setdefault(column.role, column.header)
        tasks.extend(build_tasks(drafts, year, ctx.diagnostics, headers))
        for role, style in found.items():
            styles.setdefault(role, style)
        # The document's columns are its first task table's (docs/decisions.md).
        columns = columns or [Column.trusted(header=c.header, role=c.role) for c in grid.columns]
    if year is None and any(task.milestones for task in tasks):
        # Without a year every date is null: say so once, rather than leave null dates
        # everywhere unexplained.
        ctx.diagnostics.append(diagnostic("no-year", "warning"))
    # Every value is built to its field's type here: trusted, not validated again.
    return Document.trusted(
        tasktable_version=__version__,
        source=Source.trusted(name=source, sha256=hashlib.sha256(data).hexdigest()),
        title=read.title,
        year=year,
        columns=columns,
        merged=styles,
        tasks=tasks,
        diagnostics=ctx.diagnostics,
    )
