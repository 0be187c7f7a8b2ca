"""Bad input, each case a test (issue 6): what users feed the tool, and what they get back.

Every case ends in a parse, a TasktableError with a one-line message, or exit status 1 from
the CLI with one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tasktable
from tasktable import DecodeError, NoHeaderError, NoTableError
from tasktable.cli import main

HEADER = "| 序号 | 项目名称 | 项目内容 | 序时进度 | 责任单位 |\n|---|---|---|---|---|\n"


def row(seq: int, content: str = "开展工作。") -> str:
    return f"| {seq} | 项目 | {content} | 6月底前完成 | 办公室 |\n"


def test_gb18030_file_is_parsed_with_a_diagnostic_naming_the_encoding() -> None:
    doc = tasktable.parse((HEADER + row(1)).encode("gb18030"))
    assert [t.content for t in doc.tasks] == ["开展工作。"]
    assert any(d.code == "encoding" and "GB18030" in d.message for d in doc.diagnostics)


def test_bytes_neither_utf8_nor_gb18030_name_the_byte_offset() -> None:
    data = (HEADER + row(1)).encode("utf-8") + b"\xff\xff\xff"
    with pytest.raises(DecodeError) as error:
        tasktable.parse(data)
    offset = len((HEADER + row(1)).encode("utf-8"))
    assert f"offset {offset}" in str(error.value) and "\n" not in str(error.value)


def test_five_megabyte_cell_is_kept_whole() -> None:
    content = "开展活动，" * 1_000_000  # 5,000,000 characters
    (task,) = tasktable.parse(HEADER + row(1, content)).tasks
    assert task.content == content


def test_hundred_thousand_rows() -> None:
    text = HEADER + "".join(row(seq) for seq in range(1, 100_001))
    doc = tasktable.parse(text)
    assert [t.seq for t in doc.tasks] == list(range(1, 100_001))


def test_table_of_headers_only_gives_no_tasks() -> None:
    doc = tasktable.parse(HEADER + HEADER.split("\n")[0] + "\n")
    assert doc.tasks == []


def test_lines_of_only_pipes_are_no_table() -> None:
    with pytest.raises(NoTableError):
        tasktable.parse("|||\n||||\n|\n" * 50)


def test_unbalanced_pipes_keep_every_cell_text() -> None:
    text = (
        HEADER + "| 1 | 项目 | 内容甲 | 6月\n| 2 | 项目 | 内容乙 | 6月 | 办公室 | 多余 | 再多 |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.content, t.schedule) for t in doc.tasks] == [
        (1, "内容甲", "6月"),
        (2, "内容乙", "6月"),
    ]
    # The cells past the header's width are kept as unplaced text, never dropped.
    assert [d.text for d in doc.diagnostics if d.code == "unplaced"] == ["多余", "再多"]


def test_table_without_a_known_header_is_a_one_line_error() -> None:
    with pytest.raises(NoHeaderError) as error:
        tasktable.parse("| a | b |\n|---|---|\n| 1 | 2 |\n", source="x.md")
    assert str(error.value).startswith("x.md:1: ") and "\n" not in str(error.value)


def test_binary_file_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    assert main([str(path), "-o", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tasktable: ") and "offset" in err
    assert not (tmp_path / "out.json").exists()


def test_failed_run_leaves_the_existing_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", "utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("no table here", "utf-8")
    assert main([str(bad), "-o", str(out)]) == 1
    assert out.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.md", "out.json"]  # no temp file


@given(st.binary(max_size=2000))
def test_random_bytes_through_the_cli_give_0_or_1(data: bytes) -> None:
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    path = folder / f"tasktable-random-{os.getpid()}.md"
    path.write_bytes(data)
    try:
        assert main([str(path), "-o", os.devnull]) in (0, 1)
    finally:
        path.unlink(missing_ok=True)
