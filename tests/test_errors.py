"""Errors: one base class, structured attributes, one-line messages, picklable; and the
diagnostic codes, each documented."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import tasktable
from tasktable.errors import (
    DecodeError,
    InputFileError,
    NoHeaderError,
    NoTableError,
    OutputFileError,
    RoleMapError,
    TasktableError,
)


@pytest.mark.parametrize(
    "cls",
    [DecodeError, InputFileError, NoHeaderError, NoTableError, OutputFileError, RoleMapError],
)
def test_every_error_is_a_tasktable_error_and_pickles(cls: type[TasktableError]) -> None:
    error = cls("what was found; expected what", source="in.md", line=3)
    assert isinstance(error, TasktableError)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls
    assert (again.message, again.source, again.line) == (error.message, "in.md", 3)
    assert str(again) == "in.md:3: what was found; expected what"


def test_decode_error_names_the_byte_offset_and_line() -> None:
    with pytest.raises(DecodeError) as caught:
        tasktable.parse(b"| a |\n| \xff |", source="in.md")
    assert caught.value.offset == 8
    assert caught.value.line == 2
    assert "offset 8" in str(caught.value)


def test_no_header_error_points_at_the_first_table() -> None:
    with pytest.raises(NoHeaderError) as caught:
        tasktable.parse("intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert caught.value.line == 3


def test_header_only_table_gives_no_tasks() -> None:
    document = tasktable.parse("| 序号 | 项目内容 | 责任部门 |\n|---|---|---|\n")
    assert document.tasks == []


def test_rows_before_the_first_header_are_kept_in_diagnostics() -> None:
    text = "| 附表 | 说明 |\n|---|---|\n| 1 | 注意 |\n\n| 序号 | 项目内容 |\n|---|---|\n| 1 | 做好。 |\n"
    document = tasktable.parse(text)
    kept = [d.text for d in document.diagnostics if d.code == "row-before-header"]
    assert kept == ["附表 | 说明", "1 | 注意"]
    assert [t.content for t in document.tasks] == ["做好。"]


def test_every_diagnostic_code_is_documented() -> None:
    """docs/output.md lists each diagnostic code a parse can give: a code added to the
    source without a line there fails here (the list had fallen six codes behind)."""
    root = Path(__file__).parent.parent
    source = "".join(p.read_text("utf-8") for p in (root / "src").rglob("*.py"))
    codes = set(re.findall(r'diagnostic\(\s*"([a-z-]+)"', source))
    documented = set(
        re.findall(
            r"^\| `([a-z-]+)` \| (?:info|warning|error) \|",
            (root / "docs" / "output.md").read_text("utf-8"),
            re.M,
        )
    )
    assert codes and codes == documented
