"""Command line: ``python -m tasktable IN... [-o OUT] [--format F]``; ``main(argv) -> int``.

One file is parsed to OUT (default stdout); a folder or several files are parsed each to its
own file under the folder OUT, or gathered into one jsonl file (batch.py).
Exit status: 0 success, 1 bad input or unwritable output (one line on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__, batch
from .api import check_roles, parse, parse_file
from .errors import TasktableError
from .files import write_atomically
from .formats import FORMAT_OF_SUFFIX, FORMATS, Format, render
from .models import Document
from .stages.fill import PLACEMENTS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tasktable",
        description="Turn a converted Chinese task table (Markdown) into clean JSON.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="input",
        help="Markdown file to read, - for stdin, or several files and folders (docs/batch.md)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        help="file to write (default: stdout, also -); for many inputs, a folder, or a .jsonl "
        "file that gathers every task",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o suffix, else json); see docs/formats.md",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse many inputs in N processes; 0 for one per CPU (default: 1)",
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
        "--merged",
        choices=PLACEMENTS,
        default="auto",
        help="where the converter put merged cells' text, when detection gets it wrong "
        "(default: auto; see docs/converters.md)",
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
        try:
            return _emit((text + "\n").encode("utf-8"), args.output)
        except TasktableError as error:
            return _error(error)
    if not args.inputs:
        return _usage(parser, "an input file is required")
    if args.jobs < 0:
        return _usage(parser, "--jobs takes 0 (one per CPU) or more")
    output = args.output
    if len(args.inputs) > 1 or Path(args.inputs[0]).is_dir() or _names_folder(output):
        return _main_many(parser, args, indent)
    try:
        roles = dict(args.role)
        if args.inputs[0] == "-":
            data = sys.stdin.buffer.read()
            document = parse(
                data, year=args.year, source="<stdin>", roles=roles, merged=args.merged
            )
        else:
            document = parse_file(args.inputs[0], year=args.year, roles=roles, merged=args.merged)
        _report(document, sys.stderr, verbose=args.verbose)
        data = render(document, _format(args.format, args.output), indent=indent)
        return _emit(data, args.output)
    except TasktableError as error:
        return _error(error)


def _names_folder(output: str) -> bool:
    """-o names a folder: an existing one, or a new one written with a trailing slash."""
    return output != "-" and (Path(output).is_dir() or output.endswith(("/", os.sep)))


def _main_many(
    parser: argparse.ArgumentParser, args: argparse.Namespace, indent: int | None
) -> int:
    """Many inputs: each to its own output, every error reported, exit 1 if any failed."""
    if "-" in args.inputs:
        return _usage(parser, "stdin (-) cannot be one of many inputs")
    output = args.output
    suffix = Path(output).suffix.lower()
    if suffix in FORMAT_OF_SUFFIX and suffix != ".jsonl" and not _names_folder(output):
        return _usage(
            parser,
            f"many inputs write a folder of files, but -o {output} names a file: "
            f"use -o FOLDER -f {FORMAT_OF_SUFFIX[suffix]} (or -o NAME.jsonl to gather every task)",
        )
    format: Format = args.format or ("jsonl" if suffix == ".jsonl" else "json")
    if output == "-" and format != "jsonl":
        return _usage(parser, "many inputs need -o FOLDER, or -f jsonl to gather them on stdout")
    started = time.monotonic()
    try:
        roles = dict(args.role)
        check_roles(roles, None)  # one bad map is one error, not one per file
        folder = None if batch.gathers(output, format) else Path(output).resolve()
        inputs = batch.expand_inputs(args.inputs, skip=folder)
        summary = batch.run(
            batch.plan_jobs(inputs, output, format),
            output=output,
            format=format,
            year=args.year,
            roles=roles,
            merged=args.merged,
            processes=args.jobs or batch.default_processes(),
            indent=indent,
            verbose=args.verbose,
        )
    except TasktableError as error:
        return _error(error)
    print(batch.summary_line(summary, time.monotonic() - started), file=sys.stderr)
    return 1 if summary.failed else 0


def _error(error: TasktableError) -> int:
    print(f"tasktable: {batch.one_line(str(error))}", file=sys.stderr)
    return 1


def _usage(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"tasktable: error: {message}", file=sys.stderr)
    return 2


def _role_pair(text: str) -> tuple[str, str]:
    header, equals, role = text.partition("=")
    if not equals or not header.strip() or not role.strip():
        raise argparse.ArgumentTypeError(f"expected HEADER=ROLE (牵头处室=departments): {text!r}")
    return header.strip(), role.strip()


def _format(chosen: Format | None, output: str) -> Format:
    if chosen is not None:
        return chosen
    return FORMAT_OF_SUFFIX.get(Path(output).suffix.lower(), "json") if output != "-" else "json"


def _emit(data: bytes, output: str) -> int:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    write_atomically(Path(output), data)
    return 0


def _report(document: Document, stream: TextIO, *, verbose: bool) -> None:
    """Warnings (and with --verbose, infos) one per line, then a count of the rest."""
    for line in batch.diagnostic_lines(document, verbose=verbose):
        stream.write(line + "\n")
    quiet = Counter(d.code for d in document.diagnostics if d.level == "info" and not verbose)
    if quiet:
        name = document.source.name or "<text>"
        counts = ", ".join(f"{count} {code}" for code, count in sorted(quiet.items()))
        stream.write(f"{name}: {len(document.tasks)} tasks; {counts} (details in the output)\n")
