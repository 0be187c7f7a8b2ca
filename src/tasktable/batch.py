"""Many files at once: ``python -m tasktable DIR_OR_FILES... -o OUTDIR [--jobs N]``.

Each input is parsed and rendered on its own, in this process or in a pool of ``jobs``
processes, and written under the output folder with its own name; or, with ``-o all.jsonl``,
gathered into one file, every task as a line carrying its source file. One bad file is
reported and counted, never stops the others (docs/batch.md).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .api import parse_file
from .console import counted, diagnostic_lines, error_text, one_line
from .errors import InputFileError, OutputFileError, TasktableError
from .files import write_atomically
from .formats import SUFFIXES, Format, json_bytes, render
from .messages import default_language
from .vocab.messages import CONSOLE

if TYPE_CHECKING:
    from .models import Placement, Task
    from .vocab.messages import Lang

#: What a folder given as input contributes: its Markdown files, at any depth.
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Job:
    """One input, as named to the user, and its output file (None when gathered)."""

    source: str
    output: Path | None


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: the rendered bytes and report lines, or the error's line."""

    data: bytes = b""
    error: str | None = None
    tasks: int = 0
    warnings: int = 0
    report: tuple[str, ...] = ()


@dataclass
class Summary:
    files: int = 0
    failed: int = 0
    tasks: int = 0
    warnings: int = 0
    errors: list[str] = field(default_factory=list)


def expand_inputs(inputs: Iterable[str], *, skip: Path | None = None) -> list[tuple[str, Path]]:
    """Each input file, named as the user would, with the path its output is named after.

    A folder gives its Markdown files at any depth (symbolic links followed, each real
    folder once) in sorted order, each with its path inside the folder, so that
    ``a/plan.md`` and ``b/plan.md`` do not write the same output. Files under ``skip`` (the
    output folder, when it lies inside an input folder) are left out: they are outputs. A
    file named twice is read once.
    """
    found: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = _markdown_under(path, skip)
            if not files:
                raise InputFileError.of("no-markdown", source=name)
            named = [(os.path.join(name, str(p)), p) for p in files]
        else:
            named = [(name, Path(path.name))]
        for source, relative in named:
            real = Path(os.path.realpath(source))
            if real not in seen:
                seen.add(real)
                found.append((source, relative))
    return found


def _markdown_under(folder: Path, skip: Path | None) -> list[Path]:
    """Markdown files under ``folder``, relative to it; a dangling link is kept (its error
    says so) rather than skipped without a word."""
    found: list[Path] = []
    visited: set[str] = set()
    top = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        inside_output = skip is not None and Path(real).is_relative_to(skip) and real != top
        if real in visited or inside_output:
            dirs[:] = []  # a link loop, or the output folder: not again, not inside
            continue
        visited.add(real)
        dirs.sort()
        for file in files:
            if Path(file).suffix.lower() in MARKDOWN_SUFFIXES:
                found.append(Path(root, file).relative_to(folder))
    return sorted(found)


def plan_jobs(inputs: Sequence[tuple[str, Path]], output: str, format: Format) -> list[Job]:
    """Pair every input with its output file; two inputs never share one, and no output
    replaces an input."""
    if gathers(output, format):
        if output != "-" and not Path(output).parent.is_dir():
            raise OutputFileError.of("no-folder", source=output)
        return [Job(source, None) for source, _ in inputs]
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise OutputFileError.of("not-a-folder", source=output)
    jobs: list[Job] = []
    taken: dict[Path, str] = {}
    for source, relative in inputs:
        target = folder / relative.with_suffix(SUFFIXES[format][0])
        if target in taken:
            raise InputFileError.of(
                "same-output", target=str(target), other=taken[target], source=source
            )
        if target.exists() and target.resolve() == Path(source).resolve():
            raise InputFileError.of("overwrites-itself", format=format, source=source)
        taken[target] = source
        jobs.append(Job(source, target))
    return jobs


def gathers(output: str, format: Format) -> bool:
    """jsonl into one file: -o - or -o all.jsonl, rather than a folder of files."""
    return format == "jsonl" and (output == "-" or Path(output).suffix.lower() == ".jsonl")


def run(
    jobs: Sequence[Job],
    *,
    output: str,
    format: Format,
    year: int | None = None,
    roles: Mapping[str, str] | None = None,
    merged: Placement = "auto",
    disable: Sequence[str] = (),
    lang: Lang | None = None,
    processes: int = 1,
    indent: int | None = 2,
    verbose: bool = False,
    stderr: TextIO | None = None,
) -> Summary:
    """Parse and write every job; errors are collected in the Summary, not raised."""
    summary = Summary()
    stream = stderr or sys.stderr
    lang = lang or default_language()
    gathered = gathers(output, format)
    work = partial(
        _parse_one,
        format=format,
        gathered=gathered,
        year=year,
        roles=dict(roles or {}),
        merged=merged,
        disable=tuple(disable),
        lang=lang,
        indent=indent,
        verbose=verbose,
    )
    parts: list[bytes] = []
    progress = _Progress(len(jobs), stream)
    for job, outcome in zip(jobs, _outcomes(work, jobs, processes), strict=True):
        summary.files += 1
        if outcome.error is None and job.output is not None:
            try:
                job.output.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(job.output, outcome.data)
            except TasktableError as error:
                outcome = Outcome(error=error.in_language(lang))
            except OSError as error:
                reason = error.strerror or str(error)
                failed = OutputFileError.of(
                    "cannot-write", why="file", reason=reason, source=str(job.output)
                )
                outcome = Outcome(error=failed.in_language(lang))
        for line in outcome.report:
            progress.message(line)
        if outcome.error is not None:
            summary.failed += 1
            summary.errors.append(outcome.error)
            progress.message(f"tasktable: {outcome.error}")
        else:
            summary.tasks += outcome.tasks
            summary.warnings += outcome.warnings
            parts.append(outcome.data)
        progress.step()
    progress.close()
    if gathered:
        data = b"".join(parts)
        if output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_atomically(Path(output), data)
    return summary


def _outcomes(work: partial[Outcome], jobs: Sequence[Job], processes: int) -> Iterator[Outcome]:
    """Each job's outcome in job order, as soon as it and those before it are done."""
    sources = [job.source for job in jobs]
    processes = min(processes, len(jobs))  # a process per file at most: each costs a start
    if processes <= 1:
        yield from map(work, sources)
        return
    # Imported here: it costs a one-file run (most runs) a sixth of its start-up.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=processes) as pool:
        # Small chunks keep the progress bar moving and the pool balanced; large ones would
        # save a little pickling at the cost of both.
        chunk = max(1, min(16, len(jobs) // (processes * 8)))
        yield from pool.map(work, sources, chunksize=chunk)


def _parse_one(
    source: str,
    *,
    format: Format,
    gathered: bool,
    year: int | None,
    roles: dict[str, str],
    merged: Placement,
    disable: tuple[str, ...],
    lang: Lang | None,
    indent: int | None,
    verbose: bool,
) -> Outcome:
    """Parse and render one file; a worker's whole job, so it must not raise."""
    try:
        document = parse_file(
            source, year=year, roles=roles, merged=merged, disable=disable, lang=lang
        )
        if gathered:
            data = _jsonl_with_source(document.tasks, source)
        else:
            data = render(document, format, indent=indent)
    except TasktableError as error:
        return Outcome(error=error_text(error, lang or default_language()))
    except Exception as error:  # a bug in one file must not stop the batch
        return Outcome(error=f"{source}: internal error ({type(error).__name__}: {error})")
    warnings = sum(d.level == "warning" for d in document.diagnostics)
    report = tuple(diagnostic_lines(document, verbose=True)) if verbose else ()
    return Outcome(data=data, tasks=len(document.tasks), warnings=warnings, report=report)


def records_of(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    roles: Mapping[str, str] | None = None,
    merged: Placement = "auto",
) -> list[dict[str, object]]:
    """The tasks of one file as JSON-ready dicts, each with a leading ``source``; for a file
    that cannot be parsed, one record ``{"source": ..., "error": ...}``. Never raises on bad
    input, so that a cluster job over thousands of files survives the few broken ones
    (docs/scale.md)."""
    source = os.fspath(path)
    try:
        document = parse_file(source, year=year, roles=roles, merged=merged)
    except TasktableError as error:
        return [{"source": source, "error": str(error)}]
    return [{"source": source, **task.model_dump(mode="json")} for task in document.tasks]


def _jsonl_with_source(tasks: Iterable[Task], source: str) -> bytes:
    """jsonl lines, each task with a leading "source" key naming its file."""
    head = ('{"source":' + json.dumps(source, ensure_ascii=False) + ",").encode("utf-8")
    # A task's JSON is an object with fields: "{" is replaced by the head.
    return b"".join(head + json_bytes(task)[1:] + b"\n" for task in tasks)


class _Progress:
    """A bar redrawn in place on a terminal; silent otherwise (the summary says it all)."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.live = total > 1 and _is_terminal(stream)
        self.drawn = time.monotonic()

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.live and (now - self.drawn >= 0.1 or self.done == self.total):
            self.drawn = now
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def message(self, line: str) -> None:
        if self.live:
            self.stream.write("\r" + " " * (self.WIDTH + 24) + "\r")
        self.stream.write(one_line(line) + "\n")
        self.drawn = 0.0  # redraw the bar under the message at the next step

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def summary_line(summary: Summary, seconds: float, lang: Lang | None = None) -> str:
    """``tasktable: 12 files, 1 failed, 610 tasks, 3 warnings in 1.2 s (10 files/s)``, in
    ``lang`` (None: the locale's)."""
    lang = lang or default_language()
    return CONSOLE["batch"][lang].format(
        files=counted(summary.files, "file", lang),
        failed=summary.failed,
        tasks=counted(summary.tasks, "task", lang),
        warnings=counted(summary.warnings, "warning", lang),
        seconds=seconds,
        rate=summary.files / seconds if seconds > 0 else 0.0,
    )


def default_processes() -> int:
    """The processes --jobs 0 means: one per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
