"""Command line: ``python -m tasktable IN [-o OUT] [--format F]``; ``main(argv) -> int``.

Exit status: 0 success, 1 bad input or unwritable output (one line on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .api import parse, parse_file
from .errors import OutputFileError, TasktableError
from .formats import FORMATS, Format, render
from .models import Document

#: Output formats by file suffix, for -o without --format.
_SUFFIXES: dict[str, Format] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".md": "md",
    ".sqlite": "sqlite",
    ".db": "sqlite",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tasktable",
        description="Turn a converted Chinese task table (Markdown) into clean JSON.",
    )
    parser.add_argument("input", nargs="?", help="Markdown file to read, or - for stdin")
    parser.add_argument(
        "-o", "--output", default="-", help="file to write (default: stdout, also -)"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o suffix, else json); see docs/formats.md",
    )
    parser.add_argument("--year", type=int, help="plan year; wins over the year in the title")
    parser.add_argument(
        "--role",
        action="append",
        type=_role_pair,
        default=[],
        metavar="HEADER=ROLE",
        help="give a header the vocabulary lacks a role, e.g. 牵头处室=departments (repeatable)",
    )
    parser.add_argument(
        "--indent", type=int, default=2, help="JSON indentation; 0 for one line (default: 2)"
    )
    parser.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of the output and exit"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print info diagnostics too, not only warnings"
    )
    parser.add_argument("--version", action="version", version=f"tasktable {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 for --help/--version
        return int(exit_.code or 0)
    indent = args.indent if args.indent > 0 else None
    if args.schema:
        schema = Document.model_json_schema(mode="serialization")
        text = json.dumps(schema, ensure_ascii=False, indent=indent)
        return _emit((text + "\n").encode("utf-8"), args.output)
    if args.input is None:
        parser.print_usage(sys.stderr)
        print("tasktable: error: an input file is required", file=sys.stderr)
        return 2
    try:
        roles = dict(args.role)
        if args.input == "-":
            data = sys.stdin.buffer.read()
            document = parse(data, year=args.year, source="<stdin>", roles=roles)
        else:
            document = parse_file(args.input, year=args.year, roles=roles)
        _report(document, sys.stderr, verbose=args.verbose)
        data = render(document, _format(args.format, args.output), indent=indent)
        return _emit(data, args.output)
    except TasktableError as error:
        print(f"tasktable: {error}", file=sys.stderr)
        return 1


def _role_pair(text: str) -> tuple[str, str]:
    header, equals, role = text.partition("=")
    if not equals or not header.strip() or not role.strip():
        raise argparse.ArgumentTypeError(f"expected HEADER=ROLE (牵头处室=departments): {text!r}")
    return header.strip(), role.strip()


def _format(chosen: Format | None, output: str) -> Format:
    if chosen is not None:
        return chosen
    return _SUFFIXES.get(Path(output).suffix.lower(), "json") if output != "-" else "json"


def _emit(data: bytes, output: str) -> int:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    write_atomically(Path(output), data)
    return 0


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename,
    so a reader never sees a half-written file and a failed run leaves the old one as it was."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputFileError("the output folder does not exist", source=str(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputFileError(f"cannot write here: {error.strerror}", source=str(path)) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, _mode_for(path))  # mkstemp makes files private (0600)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        message = f"cannot write the file: {error.strerror}"
        raise OutputFileError(message, source=str(path)) from None


def _mode_for(path: Path) -> int:
    """The permissions a plain write would give: the old file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _report(document: Document, stream: TextIO, *, verbose: bool) -> None:
    """Warnings (and with --verbose, infos) one per line, then a count of the rest."""
    name = document.source.name or "<text>"
    quiet: Counter[str] = Counter()
    for diagnostic in document.diagnostics:
        if diagnostic.level == "info" and not verbose:
            quiet[diagnostic.code] += 1
            continue
        where = f"{name}:{diagnostic.line}" if diagnostic.line else name
        stream.write(f"{where}: {diagnostic.level}: {diagnostic.code}: {diagnostic.message}\n")
    if quiet:
        counts = ", ".join(f"{count} {code}" for code, count in sorted(quiet.items()))
        stream.write(f"{name}: {len(document.tasks)} tasks; {counts} (details in the output)\n")
