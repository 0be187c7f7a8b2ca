"""Long adversarial strings through every recogniser: each must come back, with valid spans,
in time linear in its length.

A pattern with nested or unbounded repeats can take quadratic time on such input (a run of
quarter numerals did: 一一一… took minutes at 100,000 characters). Most of these inputs hold
nothing to find, so the spans checked prove little; the time bound is what each asserts.
It is generous (about seven times the slowest input's CPU time on a calm machine, which is
0.7 s for 100,000 characters), so it fails on a blow-up, not on a busy machine: a quadratic
scan of 100,000 characters takes minutes. Speed itself is measured in benchmarks/.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest

from tasktable import Period, Target, find_periods, find_targets

#: CPU seconds allowed per character of input (5 s for 100,000 characters).
_SECONDS_PER_CHARACTER = 50e-6

_LENGTH = 100_000


def _found_in_time(text: str) -> Sequence[Period | Target]:
    """Every period and target in ``text``, failing if finding them took more CPU time than
    linear time allows (process time: other processes on the machine do not count)."""
    start = time.process_time()
    found: list[Period | Target] = [*find_periods(text, year=2019), *find_targets(text)]
    spent = time.process_time() - start
    budget = _SECONDS_PER_CHARACTER * len(text)
    assert spent < budget, f"{spent:.1f} s for {len(text):,} characters (allowed {budget:.1f} s)"
    return found


UNITS = [
    "一",
    "一二三",
    "一、",
    "十",
    "月",
    "、",
    "1",
    "５",
    "1-",
    "1-2-",
    "不少于",
    "不少于5万",
    "3人、",
    "各3家、",
    "每周3期",
    "5月上旬-",
    "二〇一九年",
    "“",
    "|",
]


@pytest.mark.parametrize("unit", UNITS)
def test_long_run_is_read_with_valid_spans(unit: str) -> None:
    text = (unit * (_LENGTH // len(unit) + 1))[:_LENGTH]
    for found in _found_in_time(text):
        assert text[found.span[0] : found.span[1]] == found.text


@pytest.mark.parametrize(
    "unit",
    ["“a”3人", "开展“科普进社区“活动3场，", "“", "《", "1万"],
)
def test_quotes_and_multipliers_read_once(unit: str) -> None:
    """Quoted names between targets, unclosed quote marks and long multiplier runs were each
    read once per target or per mark (quadratic)."""
    text = (unit * (_LENGTH // len(unit) + 1))[:_LENGTH] + "3人"
    for found in _found_in_time(text):
        assert text[found.span[0] : found.span[1]] == found.text
