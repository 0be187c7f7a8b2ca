"""patterns.compiled: re.compile with each character class built once (start-up, issue 19
item 11). It must compile the very program re.compile does."""

from __future__ import annotations

import re
import sys
from importlib import import_module
from typing import Any

import pytest

import tasktable.api  # noqa: F401 - loads every stage and its patterns
from tasktable import patterns
from tasktable.stages import dates


def _stage_patterns() -> list[re.Pattern[str]]:
    found = {
        id(value): value
        for name, module in sorted(sys.modules.items())
        if name.startswith("tasktable")
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    }
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
