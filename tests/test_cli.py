"""The command line (SPEC §9): outputs, exit codes, one-line errors, atomic writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tasktable
from tasktable.cli import main

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"
TABLE = "| 序号 | 项目内容 | 责任部门 |\n|---|---|---|\n| 1 | 做好工作。 | 办公室 |\n"


def test_writes_json_to_the_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    assert main([str(SAMPLE), "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert len(data["tasks"]) == 61
    assert "61 tasks" in capsys.readouterr().err


def test_writes_json_to_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLE), "--indent", "0"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # --indent 0: one line
    assert json.loads(out)["title"] == "2019年市科协重点工作任务分解表"


def test_year_option_wins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLE), "--year", "2020"]) == 0
    assert json.loads(capsys.readouterr().out)["year"] == 2020


def test_schema_is_the_models_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == tasktable.Document.model_json_schema(mode="serialization")
    assert "tasks" in schema["properties"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"tasktable {tasktable.__version__}"


@pytest.mark.parametrize("argv", [[], ["--bogus", "x.md"], ["x.md", "--year", "soon"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage" in capsys.readouterr().err


BAD_INPUTS = {
    "empty file": (b"", "is empty"),
    "blank file": (b"\n  \n", "is empty"),
    "no table": ("只有一段文字。\n".encode(), "no Markdown table found"),
    "no header": (b"| a | b |\n|---|---|\n| 1 | 2 |\n", "no table has a recognisable header"),
    "undecodable bytes": (b"| \xff\xfe\xff |\n", "not valid UTF-8"),
}


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_one_line_on_stderr_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    source = tmp_path / "in.md"
    source.write_bytes(data)
    out = tmp_path / "out.json"
    out.write_text("previous run", "utf-8")
    assert main([str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and str(source) in err
    assert "Traceback" not in err
    assert out.read_text("utf-8") == "previous run"  # a failed run leaves the output alone


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.md")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_directory_as_input_needs_an_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder is many inputs (tests/test_batch.py); they cannot all go to stdout as json.
    assert main([str(tmp_path)]) == 2
    assert "many inputs need -o FOLDER" in capsys.readouterr().err


def test_output_in_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 19: only the error, not the run's summary line before it.
    assert main([str(SAMPLE), "-o", str(tmp_path / "missing" / "out.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "output folder does not exist" in err
    assert "tasks" not in err


def test_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    source.write_text(TABLE, "utf-8")
    out = tmp_path / "out.json"
    out.write_text("x" * 100_000, "utf-8")
    assert main([str(source), "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["tasks"][0]["content"] == "做好工作。"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.md", "out.json"]  # no temp left


def test_gb18030_input_is_read_and_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.md"
    source.write_bytes(TABLE.encode("gb18030"))
    assert main([str(source), "-v"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["tasks"][0]["departments"] == ["办公室"]
    assert "GB18030" in captured.err


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    run = subprocess.run(
        [sys.executable, "-m", "tasktable", str(SAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert len(json.loads(out.read_text("utf-8"))["tasks"]) == 61


def test_stdin_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TABLE.encode())))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["name"] == "<stdin>"


def test_schema_into_a_missing_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--schema", "-o", str(tmp_path / "missing" / "schema.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "output folder does not exist" in err


# --- issue 19: no silent surprises -----------------------------------------------------------

DATED = "| 序号 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|\n| 1 | 做好工作。 | 7月底前完成 | 办公室 |\n"


@pytest.mark.parametrize("name", ["plan.txt", "plan.json.bak", "plan.docx", "plan.XLS"])
def test_an_output_suffix_that_names_no_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / name
    assert main([str(SAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "names no format" in err
    assert all(suffix in err for suffix in tasktable.formats.FORMAT_OF_SUFFIX)
    assert not out.exists()


def test_a_suffix_that_names_no_format_is_fine_with_f(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    assert main([str(SAMPLE), "-o", str(out), "-f", "csv"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfseq,")


def test_markdown_suffix_writes_md_and_no_suffix_writes_json(tmp_path: Path) -> None:
    assert main([str(SAMPLE), "-o", str(tmp_path / "plan.markdown")]) == 0
    assert (tmp_path / "plan.markdown").read_text("utf-8").startswith("2019年")
    assert main([str(SAMPLE), "-o", str(tmp_path / "plan")]) == 0
    assert json.loads((tmp_path / "plan").read_text("utf-8"))["year"] == 2019


@pytest.mark.parametrize("year", ["19", "0", "1948", "2101", "-2019", "二〇一九"])
def test_a_year_outside_1949_to_2100_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], year: str
) -> None:
    assert main([str(SAMPLE), "--year", year]) == 2
    err = capsys.readouterr().err
    assert "1949 to 2100" in err and not capsys.readouterr().out


@pytest.mark.parametrize("year", ["1949", "2100"])
def test_the_ends_of_the_year_range_are_accepted(
    capsys: pytest.CaptureFixture[str], year: str
) -> None:
    assert main([str(SAMPLE), "--year", year, "--indent", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["year"] == int(year)


def test_no_year_is_said_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.md"
    source.write_text(DATED + DATED.splitlines()[-1].replace("| 1 |", "| 2 |") + "\n", "utf-8")
    out = tmp_path / "out.json"
    assert main([str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("no-year") == 1 and "give --year" in err
    (warning,) = [
        d for d in json.loads(out.read_text("utf-8"))["diagnostics"] if d["code"] == "no-year"
    ]
    assert warning["level"] == "warning"
    assert main([str(source), "-o", str(out), "--year", "2019"]) == 0  # a year given: silent
    assert "no-year" not in capsys.readouterr().err
    assert json.loads(out.read_text("utf-8"))["tasks"][0]["due"] == "2019-07-31"


def test_no_year_is_not_said_where_no_date_needs_one() -> None:
    assert not [d for d in tasktable.parse(TABLE).diagnostics if d.code == "no-year"]
    titled = tasktable.parse("2019年工作要点\n\n" + DATED)
    assert not [d for d in titled.diagnostics if d.code == "no-year"]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n\n\xff\xff\xff",  # a PNG's head, then junk
        "| 序号 | 项目内容 |\n".encode("utf-16"),
    ],
    ids=["png", "utf-16"],
)
def test_a_binary_file_is_named_so_without_a_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    source = tmp_path / "image.png"
    source.write_bytes(data)
    assert main([str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{source}: holds NUL bytes" in err
    assert not any(f"{source}:{digit}" in err for digit in "0123456789")  # no line


def test_a_binary_stdin_is_named_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n\n\xff\xff\xff"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["-"]) == 1
    assert "tasktable: <stdin>: holds NUL bytes" in capsys.readouterr().err


def test_a_bad_byte_in_a_text_file_keeps_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.md"
    source.write_bytes(TABLE.encode() + b"| 2 | \xff\xfe\xff | x |\n")
    assert main([str(source)]) == 1
    assert f"{source}:4: byte 0xff" in capsys.readouterr().err


@pytest.mark.parametrize("format", ["sqlite", "xlsx"])
def test_a_binary_format_without_o_is_refused(
    capsys: pytest.CaptureFixture[str], format: str
) -> None:
    assert main([str(SAMPLE), "-f", format]) == 2
    captured = capsys.readouterr()
    assert "needs -o FILE" in captured.err and not captured.out


class _Terminal:
    """A stdout that is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_binary_format_goes_to_stdout_only_when_asked_and_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main([str(SAMPLE), "-f", "sqlite", "-o", "-"]) == 0  # into a pipe: asked for
    assert capsysbinary.readouterr().out.startswith(b"SQLite format 3\x00")
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert main([str(SAMPLE), "-f", "sqlite", "-o", "-"]) == 2
    assert b"needs -o FILE" in capsysbinary.readouterr().err


MERGED_TABLE = (
    "| 序号 | 主题 | 项目名称 | 项目内容 | 责任部门 |\n|---|---|---|---|---|\n"
    "| 1 | 甲主题 | 甲项目 | 做一。 | 办公室 |\n"
    "| 2 | 甲主题 | 甲项目 | 做二。 | 办公室 |\n"
    "| 3 | 乙主题 | 乙项目 | 做三。 | 学会部 |\n"
)


@pytest.mark.parametrize(
    ("word", "old"),
    [("top", "top"), ("repeated", "repeat"), ("left-filled", "left"), ("centred", "centre")],
)
def test_merged_takes_the_outputs_words_and_the_old_ones(
    tmp_path: Path, word: str, old: str
) -> None:
    source = tmp_path / "in.md"
    source.write_text(MERGED_TABLE, "utf-8")
    outputs = []
    for given in (word, old):
        out = tmp_path / f"{given}.json"
        assert main([str(source), "-o", str(out), "--merged", given]) == 0
        outputs.append(json.loads(out.read_text("utf-8")))
    assert outputs[0] == outputs[1]
    assert set(outputs[0]["merged"].values()) == {word}  # the word given is the word written
    assert tasktable.parse(MERGED_TABLE, merged=word) == tasktable.parse(MERGED_TABLE, merged=old)  # type: ignore[arg-type]


def test_merged_words_are_the_ones_parse_knows() -> None:
    from tasktable.cli import MERGED_ALIASES, MERGED_WORDS
    from tasktable.models import FORCED_STYLES as _FORCED
    from tasktable.models import PLACEMENTS

    assert set(MERGED_WORDS) | set(MERGED_ALIASES) == set(PLACEMENTS)
    assert all(_FORCED[word] == word for word in MERGED_WORDS if word != "auto")
    assert all(_FORCED[old] == word for old, word in MERGED_ALIASES.items())


def test_an_unknown_merged_word_lists_the_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLE), "--merged", "middle"]) == 2
    assert "'auto', 'top', 'repeated', 'left-filled', 'centred'" in capsys.readouterr().err


def _warnings_table(jumps: int) -> str:
    """A table whose 序号 jumps ``jumps`` times: one missing-rows warning each."""
    head = "| 序号 | 项目内容 | 责任部门 |\n|---|---|---|\n"
    return head + "".join(f"| {2 * i + 1} | 做{i}。 | 办公室 |\n" for i in range(jumps + 1))


def test_many_warnings_of_one_code_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.md"
    source.write_text(_warnings_table(8), "utf-8")
    out = tmp_path / "out.json"
    assert main([str(source), "-o", str(out)]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "missing-rows" in line]
    assert len(lines) == 1
    assert "8 warnings at lines 4, 5, 6, 7, 8 and 3 more" in lines[0]
    assert "jumps from 1 to 3" in lines[0]  # the first one's message
    codes = [d["code"] for d in json.loads(out.read_text("utf-8"))["diagnostics"]]
    assert codes.count("missing-rows") == 8  # the output keeps every one
    assert main([str(source), "-o", str(out), "-v"]) == 0  # -v: every one on its own line
    assert capsys.readouterr().err.count("missing-rows") == 8


def test_lang_zh_tells_a_codes_many_warnings_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.md"
    source.write_text(_warnings_table(8), "utf-8")
    assert main([str(source), "-o", str(tmp_path / "out.json"), "--lang", "zh"]) == 0
    err = capsys.readouterr().err.splitlines()
    grouped = next(line for line in err if "missing-rows" in line)
    # the code and level stay as they are (for machines); the sentence around them is Chinese
    assert (
        f"{source}: warning: missing-rows：共 8 条警告，见第 4、5、6、7、8 行等（另有 3 处）"
        in grouped
    )
    assert "-v 逐条列出" in grouped


def test_a_pair_of_warnings_is_told_one_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.md"
    source.write_text(_warnings_table(2), "utf-8")
    assert main([str(source), "-o", str(tmp_path / "out.json")]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in lines if "missing-rows" in line] == [
        f"{source}:4",
        f"{source}:5",
    ]


def test_help_names_an_unknown_header_the_roles_and_the_readme(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import re

    from tasktable.stages.stitch import header_role
    from tasktable.vocab.headers import MAPPABLE_ROLES

    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    (example,) = re.findall(r"e\.g\. (\S+)=departments", text)
    assert header_role(example) is None  # an example the vocabulary does not know already
    mapped = tasktable.parse(TABLE.replace("责任部门", example), roles={example: "departments"})
    assert mapped.tasks[0].departments == ["办公室"]  # the example works as shown
    assert "ROLE is one of " + ", ".join(MAPPABLE_ROLES) in text
    assert "docs/" not in text and "README" in text
    assert "xlsx" in text and "left-filled" in text


def test_a_run_imports_neither_other_writers_nor_the_process_pool(tmp_path: Path) -> None:
    """Issue 19, item 11 (start-up): a json run loads what it uses, and --version no parser.
    Nor pydantic's plugin loader (importlib.metadata, which loads csv): a run builds no
    schema (test_a_run_builds_no_schema)."""
    probe = (
        "import sys; from tasktable.cli import main; main(sys.argv[1:]); "
        "print('loaded:', *sorted(m for m in sys.modules if m in WATCHED), file=sys.stderr)"
    ).replace(
        "WATCHED",
        repr(
            {"sqlite3", "csv", "importlib.metadata", "openpyxl", "concurrent.futures.process",
             "tasktable.formats.report", "tasktable.formats.workbook", "pydantic", "tasktable.api",
             "markdown_it", "cn2an", "tasktable.batch", "tasktable.stages.html_tables"}
        ),
    )  # fmt: skip

    def loaded(*argv: str) -> set[str]:
        run = subprocess.run(
            [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True
        )
        return set(run.stderr.splitlines()[-1].split()[1:])

    run = loaded(str(SAMPLE), "-o", str(tmp_path / "out.json"))
    # cn2an too stays unloaded: the sample's numerals (一 … 十二) are read from a table; and
    # so do the batch machinery (one file) and the HTML table reader (pipe tables only)
    assert run == {"pydantic", "tasktable.api", "markdown_it"}
    assert loaded("--version") == set()


def test_a_run_builds_no_schema(tmp_path: Path) -> None:
    """Issue 19, item 11 (start-up): building pydantic's validators and serializers was a
    third of a run. The parser builds its models without validation (``_Model.trusted``)
    and the json writers without serializers (``formats.json_bytes``): a run builds none,
    nor loads pydantic's plugin loader (importlib.metadata), which building one does."""
    probe = (
        "import sys; from tasktable.cli import main; main(sys.argv[1:]); "
        "from tasktable import models; "
        "built = [n for n, c in vars(models).items() if isinstance(c, type) "
        "and issubclass(c, models._Model) and c.__pydantic_complete__]; "
        "print('built:', *built, *(m for m in sys.modules if m == 'pydantic.plugin._loader'))"
    )
    for argv in ([str(SAMPLE), "-o", str(tmp_path / "out.json")], [str(SAMPLE), "-f", "jsonl"]):
        run = subprocess.run(
            [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True
        )
        assert run.stdout.splitlines()[-1] == "built:"


def test_counts_of_one_are_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tasktable.batch import Summary, summary_line

    source = tmp_path / "in.md"
    source.write_bytes(TABLE.encode("gb18030"))  # one task, one info (encoding)
    assert main([str(source), "-o", str(tmp_path / "out.json")]) == 0
    assert f"{source}: 1 task; 1 encoding (details in the output)" in capsys.readouterr().err
    line = summary_line(Summary(files=1, failed=0, tasks=1, warnings=1), 2.0, "en")
    assert line.startswith("tasktable: 1 file, 0 failed, 1 task, 1 warning in 2.0 s")


def test_a_batch_summary_in_chinese_counts_with_measure_words() -> None:
    from tasktable.batch import Summary, summary_line

    line = summary_line(Summary(files=12, failed=1, tasks=610, warnings=3), 1.2, "zh")
    assert (
        line
        == "tasktable：12 个文件，失败 1 个，610 项任务，3 条警告，用时 1.2 秒（每秒 10 个文件）"
    )


def test_the_count_of_infos_is_told_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.md"
    source.write_bytes(TABLE.encode("gb18030"))  # one task, one info (encoding)
    assert main([str(source), "-o", str(tmp_path / "out.json"), "--lang", "zh"]) == 0
    assert f"{source}: 1 项任务；encoding 1 条（详见输出）" in capsys.readouterr().err
