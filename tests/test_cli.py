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
    "empty file": (b"", "no Markdown table found"),
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
    assert main([str(SAMPLE), "-o", str(tmp_path / "missing" / "out.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2  # the diagnostics summary, then the error
    assert "output folder does not exist" in err.splitlines()[-1]


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
