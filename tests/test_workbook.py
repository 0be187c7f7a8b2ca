"""The xlsx format (issue 19, docs/formats.md): the workbook read back with openpyxl."""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

import tasktable
from tasktable import Document
from tasktable.cli import main

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"


@pytest.fixture(scope="module")
def document() -> Document:
    return tasktable.parse_file(SAMPLE)


@pytest.fixture(scope="module")
def book(document: Document) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(tasktable.render(document, "xlsx")))


def _rows(sheet: object) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_three_sheets_each_with_a_frozen_filtered_header(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["任务", "里程碑", "诊断"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])


def test_one_task_a_row_with_every_field(book: openpyxl.Workbook, document: Document) -> None:
    sheet = book["任务"]
    header, *rows = _rows(sheet)
    assert header == ["序号", "主题", "项目名称", "项目内容", "序时进度", "责任单位", "截止", "行"]
    assert len(rows) == len(document.tasks)
    for row, task in zip(rows, document.tasks, strict=True):
        assert row[0] == task.seq and row[3] == task.content and row[4] == task.schedule
        assert row[5] == "、".join(task.departments)
        assert row[6] == (
            datetime(task.due.year, task.due.month, task.due.day) if task.due else None
        )
        assert row[7] == task.line
    assert sheet.cell(2, 7).number_format == "yyyy-mm-dd"


def test_theme_and_project_cells_are_merged_over_their_spans(
    book: openpyxl.Workbook, document: Document
) -> None:
    """Each merged range holds one value over a maximal run of tasks; a project's range lies
    inside its theme's; every task is covered, by a range or by its own cell."""
    sheet = book["任务"]
    tasks = document.tasks
    themes = _theme_spans(sheet)
    spans: dict[int, list[tuple[int, int]]] = {2: [], 3: []}
    for merged in sheet.merged_cells.ranges:
        assert merged.min_col == merged.max_col and merged.min_col in spans
        first, last = merged.min_row - 2, merged.max_row - 2  # task indices
        spans[merged.min_col].append((first, last))
        field = "theme" if merged.min_col == 2 else "project"
        values = {getattr(t, field) for t in tasks[first : last + 1]}
        assert values == {sheet.cell(merged.min_row, merged.min_col).value}
        if merged.min_col == 3:
            assert any(a <= first and last <= b for a, b in themes)
        else:  # maximal: the tasks around it have another theme
            assert first == 0 or tasks[first - 1].theme != tasks[first].theme
            assert last == len(tasks) - 1 or tasks[last + 1].theme != tasks[last].theme
    for column, field in ((2, "theme"), (3, "project")):
        covered = {i for a, b in spans[column] for i in range(a, b + 1)}
        for index, task in enumerate(tasks):
            if index not in covered:
                assert sheet.cell(index + 2, column).value == getattr(task, field)
    # The sample's plan: four themes, each over several projects.
    assert len(spans[2]) == len({t.theme for t in tasks}) == 4
    assert len(spans[3]) > len(spans[2])


def _theme_spans(sheet: object) -> list[tuple[int, int]]:
    return [
        (r.min_row - 2, r.max_row - 2)
        for r in sheet.merged_cells.ranges  # type: ignore[attr-defined]
        if r.min_col == 2
    ]


def test_milestones_with_real_dates(book: openpyxl.Workbook, document: Document) -> None:
    sheet = book["里程碑"]
    header, *rows = _rows(sheet)
    assert header[:8] == ["序号", "项目名称", "责任单位", "时间", "类型", "开始", "截止", "事项"]
    milestones = [(t, m) for t in document.tasks for m in t.milestones]
    assert len(rows) == len(milestones) > 100
    for index, (row, (task, milestone)) in enumerate(zip(rows, milestones, strict=True)):
        when = milestone.when
        assert row[0] == task.seq and row[3] == when.text and row[7] == milestone.action
        for column, day in ((5, when.start), (6, when.end)):
            if day is None:
                assert row[column] is None
            else:  # a real date, shown as one, not text
                assert row[column] == datetime(day.year, day.month, day.day)
                assert sheet.cell(index + 2, column + 1).number_format == "yyyy-mm-dd"


def test_every_diagnostic(book: openpyxl.Workbook, document: Document) -> None:
    header, *rows = _rows(book["诊断"])
    assert header[:3] == ["级别", "类型", "行"]
    assert [(r[0], r[1], r[2], r[6]) for r in rows] == [
        (d.level, d.code, d.line, d.message) for d in document.diagnostics
    ]


def test_text_is_wrapped_and_columns_fit(book: openpyxl.Workbook) -> None:
    sheet = book["任务"]
    assert all(cell.alignment.wrap_text for cell in sheet[2] if cell.value is not None)
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFGH"}
    assert widths["A"] < widths["C"] < widths["D"]  # 序号 narrow, content wide
    assert max(widths.values()) <= 62  # long text wraps rather than running on


def test_untrusted_text_stays_text() -> None:
    """A cell that looks like a formula is written as text, and control characters that a
    workbook cannot hold do not break the file."""
    table = (
        "| 序号 | 项目内容 | 责任部门 |\n|---|---|---|\n"
        '| 1 | =HYPERLINK("http://x","点") | 办公室 |\n'
        "| 2 | 做好\x07工作。 | +学会部 |\n"
    )
    book = openpyxl.load_workbook(io.BytesIO(tasktable.render(tasktable.parse(table), "xlsx")))
    sheet = book["任务"]
    assert sheet["D2"].value == '=HYPERLINK("http://x","点")' and sheet["D2"].data_type == "s"
    assert sheet["D3"].value == "做好\ufffd工作。"
    assert sheet["F3"].value == "+学会部"


def test_the_cli_writes_xlsx_by_suffix_and_by_f(tmp_path: Path) -> None:
    assert main([str(SAMPLE), "-o", str(tmp_path / "plan.xlsx")]) == 0
    assert main([str(SAMPLE), "-o", str(tmp_path / "plan.bin"), "-f", "xlsx"]) == 0
    for name in ("plan.xlsx", "plan.bin"):
        book = openpyxl.load_workbook(io.BytesIO((tmp_path / name).read_bytes()))
        assert book["任务"].max_row == 62


def test_many_files_to_xlsx(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("a.md", "b.md"):
        (plans / name).write_bytes(SAMPLE.read_bytes())
    assert main([str(plans), "-o", str(tmp_path / "out"), "-f", "xlsx"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.xlsx", "b.xlsx"]


def test_without_openpyxl_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl fails
    out = tmp_path / "plan.xlsx"
    assert main([str(SAMPLE), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'tasktable[xlsx]'" in err
    assert not out.exists()
    with pytest.raises(tasktable.TasktableError, match=r"tasktable\[xlsx\]"):
        tasktable.render(tasktable.parse_file(SAMPLE), "xlsx")


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.md"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_fixture_reads_back(path: Path) -> None:
    """Sub-tasks, partners, owners and extra columns: each task a row, each value in it."""
    document = tasktable.parse_file(path)
    book = openpyxl.load_workbook(io.BytesIO(tasktable.render(document, "xlsx")))
    header, *rows = _rows(book["任务"])
    assert len(rows) == len(document.tasks)
    merged = {
        (row, r.min_col)
        for r in book["任务"].merged_cells.ranges
        for row in range(r.min_row + 1, r.max_row + 1)
    }
    for index, (row, task) in enumerate(zip(rows, document.tasks, strict=True)):
        cells = dict(zip(header, row, strict=True))
        assert cells["项目内容"] == task.content and cells["行"] == task.line
        if task.owner:
            assert cells["责任人"] == task.owner
        for name, text in task.extra.items():
            assert cells[name] == text
        theme_column = header.index("主题") + 1  # after 子项 where a task has sub-tasks
        if (index + 2, theme_column) not in merged:  # a merged value stands in its first row
            assert cells["主题"] == task.theme
    assert len(_rows(book["诊断"])) == len(document.diagnostics) + 1


def test_the_task_sheet_keeps_a_progress_column() -> None:
    text = (
        "| 序号 | 工作任务 | 完成时限 | 责任单位 | 进展情况 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 新建学校2所。 | 6月底前 | 教育局 | 已完成选址，完成65% |\n"
    )
    book = openpyxl.load_workbook(io.BytesIO(tasktable.render(tasktable.parse(text), "xlsx")))
    header, row = book["任务"].iter_rows(values_only=True)
    assert dict(zip(header, row, strict=True))["进展情况"] == "已完成选址，完成65%"


def test_a_header_with_control_characters_or_a_formula_is_written_as_text() -> None:
    """openpyxl refused an extra column's header holding \\x1b (the property that renders
    every format found it); a header opening with = is a table's text, never a formula."""
    text = (
        "| 序号 | 工作任务 | 责任单位 | 备\x1b注 | =1+1 |\n|---|---|---|---|---|\n"
        "| 1 | 新建学校2所。 | 教育局 | 0518-1234567 | 13912345678 |\n"
    )
    book = openpyxl.load_workbook(io.BytesIO(tasktable.render(tasktable.parse(text), "xlsx")))
    header, _ = book["任务"].iter_rows(values_only=True)
    assert "备\ufffd注" in header and "=1+1" in header
    assert book["任务"]["A1"].data_type == "s"
