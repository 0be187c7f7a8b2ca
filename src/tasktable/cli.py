"""Command line: ``python -m tasktable IN... [-o OUT] [--format F]``; ``main(argv) -> int``.

One file is parsed to OUT (default stdout); a folder or several files are parsed each to its
own file under the folder OUT, or gathered into one jsonl file (batch.py).
Exit status: 0 success, 1 bad input or unwritable output (one line on stderr), 2 usage.

The parser and the stages are imported only once the arguments are known to be good, and
each format's writer only when it writes: ``--help``, ``--version`` and usage errors answer
at once, and a run loads what it uses.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import MissingExtraError, TasktableError
from .formats import BINARY_FORMATS, FORMAT_OF_SUFFIX, FORMATS, Format
from .vocab.headers import MAPPABLE_ROLES

if TYPE_CHECKING:
    from .models import Document
    from .vocab.messages import Lang

#: --merged: auto, or the words the output's ``merged`` uses for each placement...
MERGED_WORDS = ("auto", "top", "repeated", "left-filled", "centred")
#: ...and the first, shorter spellings, still accepted.
MERGED_ALIASES = {"repeat": "repeated", "left": "left-filled", "centre": "centred"}
#: The roles --role may give a header: the task fields, and extra (kept under its header).
#: --year: plan years a table can have (the People's Republic's first plans on, with room).
YEARS = range(1949, 2101)
#: Installed packages have no docs folder: help points to the README, which is also the
#: package's description on the package index.
README = "the README's 'Command line' section (the package's description)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tasktable",
        description="Turn a converted Chinese task table (Markdown) into clean JSON, or csv, "
        "md, sqlite, html or an Excel workbook.",
        epilog=f"Exit status: 0 done, 1 bad input or unwritable output, 2 usage. More: {README}.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="input",
        help="Markdown file to read, - for stdin, or several files and folders, each parsed "
        "to its own output",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write (default: stdout, also -); its suffix chooses the format ("
        + " ".join(FORMAT_OF_SUFFIX)
        + "); for many inputs, a folder, or a .jsonl file that gathers every task",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        metavar="FORMAT",
        help="output format: " + ", ".join(FORMATS) + " (default: from the -o suffix, else "
        "json); sqlite and xlsx are binary and need -o FILE (or -o - into a pipe)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse many inputs in N processes; 0 for one per CPU (default: 1)",
    )
    parser.add_argument(
        "--year",
        type=_year,
        help=f"plan year ({YEARS[0]}-{YEARS[-1]}); wins over the year in the title",
    )
    parser.add_argument(
        "--role",
        action="append",
        type=_role_pair,
        default=[],
        metavar="HEADER=ROLE",
        help="give a header the vocabulary lacks a role, e.g. 落实主体=departments; ROLE is one "
        "of " + ", ".join(MAPPABLE_ROLES) + " (repeatable)",
    )
    parser.add_argument(
        "--merged",
        type=_placement,
        choices=MERGED_WORDS,
        default="auto",
        metavar="WHERE",
        help="where the converter put merged cells' text, when detection gets it wrong: "
        "top (the first row of the span), repeated (every row), left-filled (blank cells "
        "hold their left neighbour's text), centred (the middle of the span); the words "
        "the output's 'merged' uses. repeat, left and centre also work (default: auto)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        help="language of the diagnostics' messages and of the counts told on stderr "
        "(default: the locale's, zh for LANG=zh_*); the html report is always in Chinese",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="switch off a repair rule, as if the converter had not done what it repairs "
        "(repeatable; --rules lists them)",
    )
    parser.add_argument(
        "--rules",
        action="store_true",
        help="list the repair rules, in the order they run, and exit",
    )
    parser.add_argument(
        "--indent",
        type=int,
        default=2,
        metavar="N",
        help="JSON indentation; 0 for one line (default: 2)",
    )
    parser.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of the output and exit"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print every diagnostic, infos too, one a line (default: warnings, repeated ones "
        "grouped, and a count of the rest)",
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
    output = "-" if args.output is None else args.output
    if args.schema:
        return _schema(output, indent, args.lang)
    if args.rules:
        return _rules()
    from .rules import disabled_rules

    try:
        disabled_rules(args.disable)
    except TasktableError as error:
        return _usage(parser, f"--disable: {error.message}")
    if not args.inputs:
        return _usage(parser, "an input file is required")
    if args.jobs < 0:
        return _usage(parser, "--jobs takes 0 (one per CPU) or more")
    if len(args.inputs) > 1 or Path(args.inputs[0]).is_dir() or _names_folder(output):
        return _main_many(parser, args, output, indent)
    format = _format(args.format, output)
    if format is None:
        return _usage(
            parser,
            f"-o {output}: the suffix {Path(output).suffix} names no format; use one of "
            + " ".join(FORMAT_OF_SUFFIX)
            + ", or say the format with -f",
        )
    if format in BINARY_FORMATS and output == "-" and (args.output is None or _terminal()):
        return _usage(parser, f"-f {format} writes a binary file, which needs -o FILE")
    if format == "xlsx" and _missing_xlsx():
        return _error_line(MissingExtraError.of("needs-openpyxl"), args.lang, where=False)
    with _loading():
        from .api import parse, parse_file
        from .console import error_text
        from .formats import render

    roles = dict(args.role)
    data = sys.stdin.buffer.read() if args.inputs[0] == "-" else None
    try:
        if data is not None:
            source = "<stdin>"
            document = parse(
                data,
                year=args.year,
                source=source,
                roles=roles,
                merged=args.merged,
                disable=args.disable,
                lang=args.lang,
            )
        else:
            document = parse_file(
                args.inputs[0],
                year=args.year,
                roles=roles,
                merged=args.merged,
                disable=args.disable,
                lang=args.lang,
            )
        _emit(render(document, format, indent=indent), output)
    except TasktableError as error:
        return _error_line(error_text(error, _language(args.lang), data=data))
    # Told only once the output is written: a run that fails says only why.
    _report(document, sys.stderr, verbose=args.verbose, lang=args.lang)
    return 0


def _rules() -> int:
    """Print every repair rule: name, the function(s) that apply it under
    tasktable.stages, what it repairs."""
    from .rules import RULES, functions

    where = {name: ", ".join(names) for name, names in functions().items()}
    width = max(len(rule.name) for rule in RULES)
    code_width = max(len(text) for text in where.values())
    for rule in RULES:
        print(f"{rule.name:<{width}}  {where[rule.name]:<{code_width}}  {rule.summary}")
    return 0


def _schema(output: str, indent: int | None, lang: Lang | None) -> int:
    import json

    from .models import Document

    schema = Document.model_json_schema(mode="serialization")
    text = json.dumps(schema, ensure_ascii=False, indent=indent)
    try:
        _emit((text + "\n").encode("utf-8"), output)
    except TasktableError as error:
        return _error_line(error, lang)
    return 0


def _names_folder(output: str) -> bool:
    """-o names a folder: an existing one, or a new one written with a trailing slash."""
    return output != "-" and (Path(output).is_dir() or output.endswith(("/", os.sep)))


def _main_many(
    parser: argparse.ArgumentParser, args: argparse.Namespace, output: str, indent: int | None
) -> int:
    """Many inputs: each to its own output, every error reported, exit 1 if any failed."""
    if "-" in args.inputs:
        return _usage(parser, "stdin (-) cannot be one of many inputs")
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
    if format == "xlsx" and _missing_xlsx():
        return _error_line(MissingExtraError.of("needs-openpyxl"), args.lang, where=False)
    import time

    with _loading():
        from . import batch
        from .api import check_roles

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
            disable=args.disable,
            lang=args.lang,
            processes=args.jobs or batch.default_processes(),
            indent=indent,
            verbose=args.verbose,
        )
    except TasktableError as error:
        return _error_line(error, args.lang)
    print(batch.summary_line(summary, time.monotonic() - started, args.lang), file=sys.stderr)
    return 1 if summary.failed else 0


@contextmanager
def _loading() -> Iterator[None]:
    """Load the parser's modules with the cyclic garbage collector paused and, where this
    loads them, set what they made aside from its later passes (``gc.freeze``).

    Modules, compiled patterns and pydantic's schemas (some 30,000 objects the collector
    tracks) live as long as the process; the collector's passes over them while they loaded,
    and again once a parse is done, were about a twentieth of a one-file run. Only a first load
    freezes: a process that calls main() again (tests, a user's script) must not have its
    own objects set aside, garbage among them.
    """
    first = "tasktable.api" not in sys.modules
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if first:
            gc.freeze()
        if enabled:
            gc.enable()


def _error_line(
    message: str | TasktableError, lang: Lang | None = None, *, where: bool = True
) -> int:
    """One line on stderr, whatever a file name holds; exit status 1. An error is told in
    ``lang`` (None: the locale's), after the file it is about unless ``where`` is false."""
    if isinstance(message, TasktableError):
        error, lang = message, _language(lang)
        message = error.in_language(lang) if where else error.in_language(lang, where=False)
    text = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"tasktable: {text}", file=sys.stderr)
    return 1


def _usage(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"tasktable: error: {message}", file=sys.stderr)
    return 2


def _year(text: str) -> int:
    """A plan year: four digits a table can carry (19 is not 2019, and not year 19)."""
    try:
        year = int(text)
    except ValueError:
        year = 0
    if year not in YEARS:
        raise argparse.ArgumentTypeError(
            f"expected a plan year from {YEARS[0]} to {YEARS[-1]}, such as 2019: {text!r}"
        )
    return year


def _placement(text: str) -> str:
    """--merged in either set of words; the output's word for it (argparse checks it)."""
    return MERGED_ALIASES.get(text, text)


def _role_pair(text: str) -> tuple[str, str]:
    header, equals, role = text.partition("=")
    if not equals or not header.strip() or not role.strip():
        raise argparse.ArgumentTypeError(f"expected HEADER=ROLE (落实主体=departments): {text!r}")
    return header.strip(), role.strip()


def _format(chosen: Format | None, output: str) -> Format | None:
    """-f, else the format the suffix of -o names, else json for stdout and for a name
    without a suffix; None for a suffix that names no format (plan.xlsx.bak, plan.txt)."""
    if chosen is not None:
        return chosen
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if not suffix:
        return "json"
    return FORMAT_OF_SUFFIX.get(suffix)


def _terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _missing_xlsx() -> bool:
    """openpyxl, the xlsx extra, is not installed."""
    from importlib.util import find_spec

    return find_spec("openpyxl") is None


def _language(lang: Lang | None) -> Lang:
    """The language asked for, else the locale's."""
    from .messages import default_language

    return lang or default_language()


def _emit(data: bytes, output: str) -> None:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .files import write_atomically

    write_atomically(Path(output), data)


def _report(document: Document, stream: TextIO, *, verbose: bool, lang: Lang | None) -> None:
    """Warnings one a line, a code's many told once (with --verbose every diagnostic, infos
    too), then a count of the infos not shown; in ``lang`` (None: the locale's)."""
    from .console import diagnostic_lines, infos_line, warning_lines
    from .messages import default_language

    lang = lang or default_language()
    if verbose:
        lines = diagnostic_lines(document, verbose=True)
    else:
        lines = warning_lines(document, lang)
        summary = infos_line(document, lang)
        lines = chain(lines, [summary] if summary else [])
    for line in lines:
        stream.write(line + "\n")
