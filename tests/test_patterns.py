"""patterns.compiled: re.compile with each character class built once (start-up, issue 19
item 11). It must compile the very program re.compile does."""

from __future__ import annotations

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
        "print(len(lazy), sum('_pattern' in value.__dict__ for value in lazy))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(SAMPLE)], capture_output=True, text=True, check=True
    )
    left, compiled = map(int, run.stdout.split())
    assert left > 20 and compiled == 0
