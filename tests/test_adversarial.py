"""Long adversarial strings through every recogniser: each must come back, with valid spans.

A pattern with nested or unbounded repeats can take quadratic time on such input (a run of
quarter numerals did: 一一一… took minutes at 100,000 characters). Timing is measured in
benchmarks/, not here; here a regression shows as a test that does not finish.
"""

from __future__ import annotations

import pytest

from tasktable import find_periods, find_targets

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
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    for found in (*find_periods(text, year=2019), *find_targets(text)):
        assert text[found.span[0] : found.span[1]] == found.text


@pytest.mark.parametrize(
    "unit",
    ["“a”3人", "开展“科普进社区“活动3场，", "“", "《", "1万"],
)
def test_quotes_and_multipliers_read_once(unit: str) -> None:
    """Quoted names between targets, unclosed quote marks and long multiplier runs were each
    read once per target or per mark (quadratic)."""
    text = (unit * (100_000 // len(unit) + 1))[:100_000] + "3人"
    for found in find_targets(text):
        assert text[found.span[0] : found.span[1]] == found.text
