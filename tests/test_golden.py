"""Whole-document golden files: tests/fixtures/<case>.md parses to <case>.json.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff by eye.
The sample is a golden case too: samples/ is the reference input (SPEC, seed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from golden import dump

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SAMPLE = HERE.parent / "samples" / "lianyungang-kexie-2019.md"

CASES = [*sorted(FIXTURES.glob("*.md")), SAMPLE]


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_golden(case: Path, update_golden: bool) -> None:
    golden = FIXTURES / f"{case.stem}.json"
    actual = dump(case)
    if update_golden:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(golden.read_text("utf-8"))
    assert actual == expected, f"{case.name} no longer parses to {golden.name}"
