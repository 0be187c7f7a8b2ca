"""Many files at once (docs/batch.md): one output per input, errors that stop nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import tasktable
from tasktable.batch import _Progress
from tasktable.cli import main

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"
FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = "只有一段文字，没有表格。\n"  # "only a paragraph, no table"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder of three plans, one of them in a subfolder, and one broken file."""
    folder = tmp_path / "plans"
    (folder / "county").mkdir(parents=True)
    (folder / "kexie.md").write_bytes(SAMPLE.read_bytes())
    (folder / "county" / "minsheng.md").write_bytes((FIXTURES / "minsheng-4col.md").read_bytes())
    (folder / "county" / "owners.md").write_bytes((FIXTURES / "owner-phone-7col.md").read_bytes())
    (folder / "broken.md").write_text(BROKEN, "utf-8")
    (folder / "notes.txt").write_text("not Markdown, not read", "utf-8")
    return folder


def test_a_folder_gives_one_output_per_file_and_one_bad_file_stops_nothing(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([str(plans), "-o", str(out)]) == 1  # non-zero: one file failed
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["county/minsheng.json", "county/owners.json", "kexie.json"]
    assert len(json.loads((out / "kexie.json").read_text("utf-8"))["tasks"]) == 61
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert "broken.md: no Markdown table found" in err[0]
    assert err[1].startswith("tasktable: 4 files, 1 failed, ")


def test_each_output_equals_the_single_file_run(plans: Path, tmp_path: Path) -> None:
    (plans / "broken.md").unlink()
    out = tmp_path / "out"
    assert main([str(plans), "-o", str(out), "-f", "csv"]) == 0
    single = tmp_path / "single.csv"
    assert main([str(plans / "county" / "minsheng.md"), "-o", str(single)]) == 0
    assert (out / "county" / "minsheng.csv").read_bytes() == single.read_bytes()


def test_two_processes_write_the_same_bytes_as_one(plans: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main([str(plans), "-o", str(one), "--jobs", "1"]) == 1
    assert main([str(plans), "-o", str(two), "--jobs", "2"]) == 1
    names = sorted(p.relative_to(one) for p in one.rglob("*.json"))
    assert names == sorted(p.relative_to(two) for p in two.rglob("*.json"))
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_jsonl_gathers_every_task_with_its_source_file(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert main([str(plans), "-o", str(out), "--jobs", "2"]) == 1
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    files = sorted(p for p in plans.rglob("*.md") if p.name != "broken.md")
    expected = [record for path in files for record in tasktable.records_of(path)]
    assert [line["source"] for line in lines] == [str(r["source"]) for r in expected]
    assert lines == json.loads(json.dumps(expected))
    assert sum(line["source"].endswith("kexie.md") for line in lines) == 61


def test_records_of_a_bad_file_is_one_error_record(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(BROKEN, "utf-8")
    (record,) = tasktable.records_of(bad)
    assert record["source"] == str(bad)
    assert "no Markdown table found" in str(record["error"])


def test_several_files_named_on_the_command_line(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = [str(plans / "kexie.md"), str(plans / "county" / "owners.md")]
    assert main([*files, "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["kexie.json", "owners.json"]


def test_one_file_into_an_existing_folder(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main([str(plans / "kexie.md"), "-o", str(out), "-f", "md"]) == 0
    assert [p.name for p in out.iterdir()] == ["kexie.md"]


def test_two_inputs_with_one_output_name_are_refused_before_any_write(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "kexie.md").write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    assert main([str(plans / "kexie.md"), str(other / "kexie.md"), "-o", str(out)]) == 1
    assert "rename one of them" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "many inputs need -o FOLDER"),
        (["-", "-o", "out"], "stdin (-) cannot be one of many inputs"),
        (["-o", "out", "--jobs", "-1"], "--jobs takes 0"),
    ],
)
def test_many_inputs_usage_errors_exit_2(
    plans: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main([str(plans), *extra]) == 2
    assert message in capsys.readouterr().err


def test_an_output_file_for_many_inputs_is_an_error(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    out.write_text("previous", "utf-8")
    assert main([str(plans), "-o", str(out)]) == 1
    assert "expected a folder for many inputs (or -o NAME.jsonl" in capsys.readouterr().err
    assert out.read_text("utf-8") == "previous"


def test_a_format_suffix_for_many_inputs_is_a_usage_error_not_a_folder(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    assert main([str(plans), "-o", str(out)]) == 2
    assert "names a file: use -o FOLDER -f csv" in capsys.readouterr().err
    assert not out.exists()


def test_a_folder_without_markdown_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert "holds no Markdown" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = _Progress(3, stream)
        for _ in range(3):
            progress.step()
        progress.close()
    assert terminal.getvalue().endswith("] 3/3 files\n")
    assert "\r[" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_outputs_never_overwrite_their_inputs(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (plans / "kexie.md").read_bytes()
    assert main([str(plans), "-o", str(plans), "-f", "md"]) == 1
    assert "would overwrite itself with its md output" in capsys.readouterr().err
    assert (plans / "kexie.md").read_bytes() == before


def test_an_output_folder_inside_the_input_folder_is_not_read_back(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (plans / "broken.md").unlink()
    out = plans / "out"
    for _ in range(2):
        assert main([str(plans), "-o", str(out), "-f", "md"]) == 0
        assert capsys.readouterr().err.startswith("tasktable: 3 files, 0 failed")
    assert not (out / "out").exists()


def test_a_trailing_slash_names_a_new_folder_for_one_input(tmp_path: Path) -> None:
    out = tmp_path / "new"
    assert main([str(SAMPLE), "-o", f"{out}/"]) == 0
    assert [p.name for p in out.iterdir()] == [f"{SAMPLE.stem}.json"]


def test_per_file_jsonl_equals_the_single_file_run_and_only_gathering_adds_source(
    plans: Path, tmp_path: Path
) -> None:
    (plans / "broken.md").unlink()
    out, single = tmp_path / "out", tmp_path / "single.jsonl"
    assert main([str(plans), "-o", str(out), "-f", "jsonl"]) == 0
    assert main([str(plans / "kexie.md"), "-o", str(single)]) == 0
    assert (out / "kexie.jsonl").read_bytes() == single.read_bytes()
    assert "source" not in json.loads(single.read_text("utf-8").splitlines()[0])


def test_a_bad_role_map_is_one_error_not_one_per_file(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(plans), "-o", str(tmp_path / "out"), "--role", "x=nonsense"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the role 'nonsense'" in err


def test_source_is_the_path_as_given(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plans.parent)
    out = plans.parent / "all.jsonl"
    assert main(["./plans//kexie.md", "./plans/county/owners.md", "-o", str(out)]) == 0
    sources = {json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()}
    assert sources == {"./plans//kexie.md", "./plans/county/owners.md"}


def test_symlinked_folders_are_followed_and_dangling_links_reported(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(plans / "county", target_is_directory=True)
    (top / "loop").symlink_to(top, target_is_directory=True)
    (top / "gone.md").symlink_to(tmp_path / "missing.md")
    out = tmp_path / "out"
    assert main([str(top), "-o", str(out)]) == 1
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["linked/minsheng.json", "linked/owners.json"]
    assert "gone.md: file not found" in capsys.readouterr().err


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert main([str(SAMPLE), str(SAMPLE), "-o", str(out)]) == 0
    assert len(out.read_text("utf-8").splitlines()) == 61


def test_gathering_into_a_missing_folder_fails_before_parsing(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(plans), "-o", str(tmp_path / "nowhere" / "all.jsonl")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "the output folder does not exist" in err[0]


def test_an_unwritable_output_names_its_path_once(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "kexie.json").mkdir(parents=True)  # a folder where the output file should go
    assert main([str(plans / "kexie.md"), str(plans / "county"), "-o", str(out)]) == 1
    line = next(x for x in capsys.readouterr().err.splitlines() if "kexie.json" in x)
    assert line.count("kexie.json") == 1


def test_a_line_break_in_a_file_name_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "two\nlines.md"
    odd.write_text(BROKEN, "utf-8")
    assert main([str(odd), str(SAMPLE), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "two\\nlines.md: no Markdown table found" in err[0]


def test_verbose_and_indent_apply_to_every_file(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([str(plans), "-o", str(out), "--indent", "0", "-v"]) == 1
    assert (out / "kexie.json").read_text("utf-8").count("\n") == 1  # one line of json
    assert "kexie.md:" in capsys.readouterr().err  # its diagnostics, one per line


def test_no_more_processes_than_files(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(max_workers: int) -> object:
        started.append(max_workers)
        return real(max_workers=max_workers)

    # batch.py imports the pool when it needs one (a one-file run never does).
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    assert main([str(plans), "-o", str(tmp_path / "out"), "--jobs", "64"]) == 1
    assert started == [4]  # four files
