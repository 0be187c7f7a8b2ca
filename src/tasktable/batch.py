"""Many files at once: ``python -m tasktable DIR_OR_FILES... -o OUTDIR [--jobs N]``.

Each input is parsed and rendered on its own, in this process or in a pool of ``jobs``
processes, and written beside the others under the output folder with its own stem; or, for
``--format jsonl`` into one file, every task as a line carrying its source file. One bad file
is reported and counted, never stops the others (docs/batch.md).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TextIO

from .api import parse_file
from .errors import InputFileError, OutputFileError, TasktableError
from .files import write_atomically
from .formats import Format, render
from .models import Task

#: What a folder given as input contributes: its Markdown files, at any depth.
MARKDOWN_SUFFIXES = (".md", ".markdown")

#: The suffix each format's output file gets.
SUFFIX: dict[str, str] = {
    "json": ".json",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "md": ".md",
    "sqlite": ".sqlite",
    "html": ".html",
}


@dataclass(frozen=True)
class Job:
    """One input and where its output goes (None when all go into one jsonl file)."""

    source: Path
    output: Path | None


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: the rendered bytes, or the error's one line."""

    data: bytes = b""
    error: str | None = None
    tasks: int = 0
    warnings: int = 0


@dataclass
class Summary:
    files: int = 0
    failed: int = 0
    tasks: int = 0
    warnings: int = 0
    errors: list[str] = field(default_factory=list)


def expand_inputs(inputs: Iterable[str]) -> list[tuple[Path, Path]]:
    """Each input file with the path its output is named after (relative to its folder).

    A folder gives its Markdown files in sorted order with their paths inside it, so that
    ``a/plan.md`` and ``b/plan.md`` do not write the same output.
    """
    found: list[tuple[Path, Path]] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file()
            )
            if not files:
                raise InputFileError("the folder holds no Markdown (.md) files", source=name)
            found.extend((p, p.relative_to(path)) for p in files)
        else:
            found.append((path, Path(path.name)))
    return found


def plan_jobs(inputs: Sequence[tuple[Path, Path]], output: str, format: Format) -> list[Job]:
    """Pair every input with its output file; two inputs never share one."""
    if _gathers(output, format):
        return [Job(source, None) for source, _ in inputs]
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise OutputFileError(
            "is a file; expected a folder for many inputs (or --format jsonl to gather)",
            source=output,
        )
    jobs: list[Job] = []
    taken: dict[Path, Path] = {}
    for source, relative in inputs:
        target = folder / relative.with_suffix(SUFFIX[format])
        if target in taken:
            raise InputFileError(
                f"would write {target}, as {taken[target]} does; rename one of them",
                source=str(source),
            )
        taken[target] = source
        jobs.append(Job(source, target))
    return jobs


def _gathers(output: str, format: Format) -> bool:
    """jsonl into one file: -o - or -o all.jsonl, rather than a folder of files."""
    return format == "jsonl" and (output == "-" or Path(output).suffix.lower() == ".jsonl")


def run(
    jobs: Sequence[Job],
    *,
    output: str,
    format: Format,
    year: int | None = None,
    roles: Mapping[str, str] | None = None,
    processes: int = 1,
    stderr: TextIO | None = None,
) -> Summary:
    """Parse and write every job; errors are collected in the Summary, not raised."""
    summary = Summary()
    work = partial(_parse_one, format=format, year=year, roles=dict(roles or {}))
    gathered: list[bytes] = []
    progress = _Progress(len(jobs), stderr or sys.stderr)
    for job, outcome in zip(jobs, _outcomes(work, jobs, processes), strict=True):
        summary.files += 1
        if outcome.error is None and job.output is not None:
            try:
                job.output.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(job.output, outcome.data)
            except (OSError, TasktableError) as error:
                outcome = Outcome(error=f"{job.output}: cannot write: {error}")
        if outcome.error is not None:
            summary.failed += 1
            summary.errors.append(outcome.error)
            progress.message(f"tasktable: {outcome.error}")
        else:
            summary.tasks += outcome.tasks
            summary.warnings += outcome.warnings
            gathered.append(outcome.data)
        progress.step()
    progress.close()
    if _gathers(output, format):
        data = b"".join(gathered)
        if output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_atomically(Path(output), data)
    return summary


def _outcomes(work: partial[Outcome], jobs: Sequence[Job], processes: int) -> Iterator[Outcome]:
    """Each job's outcome in job order, as soon as it and those before it are done."""
    sources = [job.source for job in jobs]
    if processes <= 1 or len(jobs) <= 1:
        yield from map(work, sources)
        return
    with ProcessPoolExecutor(max_workers=processes) as pool:
        # Small chunks keep the progress bar moving and the pool balanced; large ones would
        # save a little pickling at the cost of both.
        chunk = max(1, min(16, len(jobs) // (processes * 8)))
        yield from pool.map(work, sources, chunksize=chunk)


def _parse_one(source: Path, *, format: Format, year: int | None, roles: dict[str, str]) -> Outcome:
    """Parse and render one file; a worker's whole job, so it must not raise."""
    try:
        document = parse_file(source, year=year, roles=roles)
        if format == "jsonl":
            data = _jsonl_with_source(document.tasks, str(source))
        else:
            data = render(document, format)
    except TasktableError as error:
        return Outcome(error=str(error))
    except Exception as error:
        return Outcome(error=f"{source}: internal error ({type(error).__name__}: {error})")
    warnings = sum(d.level == "warning" for d in document.diagnostics)
    return Outcome(data=data, tasks=len(document.tasks), warnings=warnings)


def records_of(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    roles: Mapping[str, str] | None = None,
) -> list[dict[str, object]]:
    """The tasks of one file as JSON-ready dicts, each with a leading ``source``; for a file
    that cannot be parsed, one record ``{"source": ..., "error": ...}``. Never raises on bad
    input, so that a cluster job over thousands of files survives the few broken ones
    (docs/scale.md)."""
    source = os.fspath(path)
    try:
        document = parse_file(source, year=year, roles=roles)
    except TasktableError as error:
        return [{"source": source, "error": str(error)}]
    return [{"source": source, **task.model_dump(mode="json")} for task in document.tasks]


def _jsonl_with_source(tasks: Iterable[Task], source: str) -> bytes:
    """jsonl lines, each task with a leading "source" key naming its file."""
    head = '{"source":' + json.dumps(source, ensure_ascii=False) + ","
    # A task's JSON is an object with fields: "{" is replaced by the head.
    return "".join(head + task.model_dump_json()[1:] + "\n" for task in tasks).encode("utf-8")


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
        self.stream.write(line + "\n")
        self.drawn = 0.0  # redraw the bar under the message at the next step

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def summary_line(summary: Summary, seconds: float) -> str:
    """``tasktable: 12 files, 1 failed, 610 tasks, 3 warnings in 1.2 s (10 files/s)``"""
    rate = summary.files / seconds if seconds > 0 else 0.0
    return (
        f"tasktable: {summary.files} files, {summary.failed} failed, {summary.tasks} tasks, "
        f"{summary.warnings} warnings in {seconds:.1f} s ({rate:,.0f} files/s)"
    )


def default_processes() -> int:
    """The processes --jobs 0 means: one per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
