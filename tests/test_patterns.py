"""patterns.compiled: re.compile with each character class built once and the programs
kept between runs (start-up, issue 19 item 11). It must give the very program re.compile
does, whatever the file of programs holds."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

import tasktable.api  # noqa: F401 - loads every stage and its patterns
from tasktable import patterns
from tasktable.stages import dates

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"


def _stage_patterns() -> list[re.Pattern[str]]:
    values = [
        value.__dict__.get("_pattern") or (value.pattern and value.__dict__["_pattern"])
        if isinstance(value, patterns._OnFirstUse)
        else value
        for name, module in sorted(sys.modules.items())
        if name.startswith("tasktable")
        for value in vars(module).values()
    ]
    found = {id(value): value for value in values if isinstance(value, re.Pattern)}
    return [*found.values(), *(dates._form_re(form) for form in dates._FORMS)]


def _program(pattern: str, flags: int, optimise: Any) -> list[int]:
    compiler: Any = patterns._COMPILER
    parser: Any = import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")
    saved = compiler._optimize_charset
    compiler._optimize_charset = optimise
    try:
        return list(compiler._code(parser.parse(pattern, flags), flags))
    finally:
        compiler._optimize_charset = saved


@pytest.mark.skipif(patterns._OPTIMISE is None, reason="re's compiler is not CPython's")
def test_compiled_is_the_program_re_compiles() -> None:
    stage_patterns = _stage_patterns()
    assert len(stage_patterns) > 30
    for pattern in stage_patterns:
        plain = _program(pattern.pattern, pattern.flags, patterns._OPTIMISE)
        shared = _program(pattern.pattern, pattern.flags, patterns._shared_class)
        assert shared == plain, pattern.pattern[:80]
    assert patterns._OPTIMISE is patterns._COMPILER._optimize_charset  # restored


def test_compiled_matches_as_re_does() -> None:
    pattern = r"(?i)[一二三四五六七八九]月|[^a-z０-９]{2}\b"
    ours, theirs = patterns.compiled(pattern), re.compile(pattern)
    for text in ("三月", "A三月", "十二月 ab", "ÉÉ", "９９ x"):
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_on_first_use_compiles_once_when_first_used() -> None:
    calls: list[str] = []

    def compile(pattern: str, flags: int) -> re.Pattern[str]:
        calls.append(pattern)
        return re.compile(pattern, flags)

    lazy = patterns.on_first_use(compile, "a+", re.IGNORECASE)
    assert calls == []
    assert lazy.match("aA").group() == "aA"  # type: ignore[union-attr]
    assert lazy.search("bAa").span() == (1, 3)  # type: ignore[union-attr]
    assert lazy.match("b") is None and lazy.flags & re.IGNORECASE
    assert calls == ["a+"]


def test_the_sample_compiles_none_of_the_patterns_left_to_first_use() -> None:
    """The patterns left to first use are those a run on the sample never needs: were one
    needed, it had better be compiled at import (one more attribute look-up per use)."""
    probe = (
        "import sys, tasktable; from tasktable import patterns; "
        "tasktable.parse_file(sys.argv[1]); "
        "lazy = [value for name, module in list(sys.modules.items()) if name.startswith('tasktable') "
        "for value in vars(module).values() if isinstance(value, patterns._OnFirstUse)]; "
        "print(len(lazy), sum('_pattern' in value.__dict__ for value in lazy), "
        "len(patterns._CLASSES))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(SAMPLE)], capture_output=True, text=True, check=True
    )
    left, compiled, classes = map(int, run.stdout.split())
    assert left > 20 and compiled == 0
    assert classes == 0  # the classes shared while the patterns compiled are let go


needs_programs = pytest.mark.skipif(
    patterns._PROGRAMS is None, reason="re's compiler is not as patterns._Programs expects"
)


@pytest.fixture
def writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """As where Python writes bytecode (the tests may run with PYTHONDONTWRITEBYTECODE)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _sources() -> list[tuple[str, int]]:
    return [(pattern.pattern, pattern.flags) for pattern in _stage_patterns()]


def _same_program(built: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    # A Pattern equals another of the same source, flags and program code (CPython).
    assert built == expected, pattern[:80]
    assert (built.groups, built.groupindex) == (expected.groups, expected.groupindex)
    text = SAMPLE.read_text(encoding="utf-8")[:20000]
    assert [m.span() for m in built.finditer(text)] == [m.span() for m in expected.finditer(text)]


@needs_programs
@pytest.mark.usefixtures("writing")
def test_a_program_read_from_the_file_is_the_one_re_compiles(tmp_path: Path) -> None:
    file = tmp_path / "patterns.cpython-3x.re-programs"
    sources = [*_sources(), (r"(?P<a>x)(y)?(?i:Z)", re.MULTILINE)]
    first = patterns._Programs(str(file))
    for pattern, flags in sources:
        _same_program(first.compile(pattern, flags), pattern, flags)
    assert first.compiled_new and not file.exists()  # written on save only
    first.save()
    written = file.stat().st_mtime_ns
    second = patterns._Programs(str(file))
    for pattern, flags in sources:
        _same_program(second.compile(pattern, flags), pattern, flags)
    assert not second.compiled_new and len(second.held()) == len(set(sources))
    second.save()  # nothing new: nothing written
    assert file.stat().st_mtime_ns == written


def _damaged_files(good: bytes) -> dict[str, bytes]:
    """A file of programs spoiled in each way it can be: not ours, another Python's, one
    whose programs changed after it was written, one whose program the engine refuses."""
    header, digest, body = marshal.loads(good)
    programs = marshal.loads(body)
    # 年 read as 幵: a program the engine takes, but not the pattern's
    changed = {
        key: (flags, [ord("幵") if c == ord("年") else c for c in code], *rest)
        for key, (flags, code, *rest) in programs.items()
    }
    refused = {
        key: (flags, [255, *code[1:]], *rest) for key, (flags, code, *rest) in programs.items()
    }
    refused_body = marshal.dumps(refused)
    return {
        "garbage": b"\x00not a file of programs",
        "empty": b"",
        "foreign": marshal.dumps(((header[0], "2.7.18", header[2]), digest, body)),
        "old format": marshal.dumps(((0, *header[1:]), digest, body)),
        "changed": marshal.dumps((header, digest, marshal.dumps(changed))),
        "truncated": good[: len(good) // 2],
        "refused": marshal.dumps((header, patterns._digest(refused_body), refused_body)),
    }


@needs_programs
@pytest.mark.usefixtures("writing")
def test_a_damaged_or_foreign_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    pattern, flags = r"(?P<year>[0-9０-９]{4})\s*年|[一二三四五六七八九]月", re.IGNORECASE
    file = tmp_path / "programs"
    good = patterns._Programs(str(file))
    good.compile(pattern, flags)
    good.save()
    for kind, content in _damaged_files(file.read_bytes()).items():
        file.write_bytes(content)
        programs = patterns._Programs(str(file))
        _same_program(programs.compile(pattern, flags), pattern, flags)
        assert programs.compiled_new, kind
        programs.save()
        again = patterns._Programs(str(file))
        again.compile(pattern, flags)
        assert not again.compiled_new, kind  # the file was replaced by a good one


@needs_programs
@pytest.mark.usefixtures("writing")
def test_nothing_is_written_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    unwritable = patterns._Programs(str(blocked / "programs"))  # its folder is a file
    unwritable.compile("a+b", 0)
    unwritable.save()  # silently nothing
    assert blocked.read_text() == ""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    programs = patterns._Programs(str(tmp_path / "programs"))
    programs.compile("a+b", 0)
    programs.save()
    assert list(tmp_path.iterdir()) == [blocked]


@needs_programs
@pytest.mark.usefixtures("writing")
def test_programs_no_longer_used_do_not_pile_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns._Programs, "LIMIT", 5)
    file = tmp_path / "programs"
    for round in range(4):  # each round's patterns as if the source had changed
        programs = patterns._Programs(str(file))
        for number in range(3):
            programs.compile(f"x{round}y{number}", 0)
        programs.save()
    held = patterns._Programs(str(file)).held()
    assert len(held) == 5
    assert {("x3y0", 0), ("x3y1", 0), ("x3y2", 0)} <= held.keys()


@needs_programs
def test_the_command_line_keeps_its_programs_beside_its_bytecode(tmp_path: Path) -> None:
    """A first run writes the file (where PYTHONPYCACHEPREFIX puts bytecode), a second
    reads it and writes nothing; the output is the same; without bytecode, no file."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "tasktable", str(SAMPLE), "-o"]
    subprocess.run([*command, str(tmp_path / "first.json")], env=env, check=True)
    (file,) = (tmp_path / "cache").rglob("patterns.*.re-programs")
    assert file.name == f"patterns.{sys.implementation.cache_tag}.re-programs"
    written = file.stat().st_mtime_ns
    subprocess.run([*command, str(tmp_path / "second.json")], env=env, check=True)
    assert file.stat().st_mtime_ns == written
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "second.json").read_bytes()
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "none")
    subprocess.run([*command, str(tmp_path / "third.json")], env=env, check=True)
    assert not (tmp_path / "none").exists()
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "third.json").read_bytes()
