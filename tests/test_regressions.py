"""One test per bug, named after what broke."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import tasktable
from tasktable.cli import main
from tasktable.wraps import unwrap

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"

HEADER = "| 序号 | 项目内容 | 责任部门 |\n|---|---|---|\n"


@pytest.mark.parametrize("run", ["一" * 100_000, "1" * 100_000, "、一" * 50_000])
def test_long_run_of_quarter_numerals_in_a_cell_is_read(run: str) -> None:
    # The quarter cue (一、二、三季度) had an unbounded repetition: a cell of 10,000 一 took
    # seconds, growing with the square of its length. Now each repetition is bounded.
    document = tasktable.parse(f"{HEADER}| 1 | {run} | 办公室 |\n")
    assert document.tasks[0].content == run


def test_long_run_of_spaces_around_a_line_break_is_unwrapped() -> None:
    # The wrap remover scanned spaces before every break from every position: quadratic.
    text = "甲" + " " * 100_000 + "\n" + " " * 100_000 + "乙"
    assert unwrap(text) == "甲乙"  # spaces around a wrap are layout, not text


def test_output_file_is_readable_by_others_like_a_plain_write(tmp_path: Path) -> None:
    # The atomic write went through mkstemp, which creates files private to the owner (0600).
    out = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        assert main([str(SAMPLE), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_replaced_output_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", "utf-8")
    out.chmod(0o640)
    assert main([str(SAMPLE), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
