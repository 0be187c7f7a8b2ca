"""Output formats (docs/formats.md): golden files on the sample, the schema, the md round trip,
the csv shape, the sqlite queries the docs promise, and the Document queries."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import jsonschema
import pytest

import tasktable
from golden import TASK_FIELDS
from tasktable import Document, Milestone, Source, Target, Task
from tasktable.cli import main
from tasktable.formats import json_bytes

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "lianyungang-kexie-2019.md"
GOLDEN = Path(__file__).parent / "fixtures" / "formats"
TEXT_FORMATS = ["jsonl", "csv", "md"]


@pytest.fixture(scope="module")
def document() -> Document:
    # Named as in the other golden files; the version changes with every release, and the
    # golden files hold a placeholder.
    parsed = tasktable.parse(SAMPLE.read_bytes(), source=SAMPLE.name)
    return parsed.model_copy(update={"tasktable_version": "*"})


@pytest.fixture(scope="module")
def database(document: Document, tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("sqlite") / "sample.sqlite"
    path.write_bytes(tasktable.render(document, "sqlite"))
    return sqlite3.connect(path)


@pytest.mark.parametrize("format", TEXT_FORMATS)
def test_golden(document: Document, format: str, update_golden: bool) -> None:
    path = GOLDEN / f"lianyungang-kexie-2019.{format}"
    data = tasktable.render(document, format)  # type: ignore[arg-type]
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_golden_json_is_the_whole_document_golden(document: Document) -> None:
    """The json format is the Document itself, whose golden file test_golden.py keeps."""
    golden = Path(__file__).parent / "fixtures" / "lianyungang-kexie-2019.json"
    assert json.loads(tasktable.render(document, "json")) == json.loads(golden.read_text("utf-8"))


def test_golden_sqlite(database: sqlite3.Connection, update_golden: bool) -> None:
    """The database as SQL text: the file's bytes depend on the SQLite version, its dump not."""
    path = GOLDEN / "lianyungang-kexie-2019.sqlite.sql"
    dump = "\n".join(database.iterdump()) + "\n"
    if update_golden:
        path.write_text(dump, "utf-8")
    assert dump == path.read_text("utf-8")


def test_json_validates_against_the_printed_schema(
    document: Document, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(json.loads(tasktable.render(document, "json")), schema)
    with pytest.raises(jsonschema.ValidationError):  # the check can fail
        jsonschema.validate({"tasks": "not a list"}, schema)


#: Every Markdown file under tests/fixtures, and the sample: tables of every shape.
TABLES = [*sorted((Path(__file__).parent / "fixtures").rglob("*.md")), SAMPLE]


@pytest.mark.parametrize("path", TABLES, ids=[p.relative_to(ROOT).as_posix() for p in TABLES])
def test_json_writers_write_what_pydantic_writes(path: Path) -> None:
    """SPEC §8: the json output is ``Document.model_dump_json()``. The writers build no
    serializer of pydantic's (start-up, issue 19 item 11) and must write its bytes."""
    document = tasktable.parse(path.read_bytes(), source=path.name, lang="en")
    for indent in (2, None):
        expected = (document.model_dump_json(indent=indent) + "\n").encode("utf-8")
        assert tasktable.render(document, "json", indent=indent) == expected
    lines = [task.model_dump_json() + "\n" for task in document.tasks]
    assert tasktable.render(document, "jsonl") == "".join(lines).encode("utf-8")
    in_chinese = tasktable.parse(path.read_bytes(), lang="zh")
    assert json_bytes(in_chinese) == in_chinese.model_dump_json().encode("utf-8")


def test_json_writer_writes_values_as_pydantic_does() -> None:
    """What no table gives: NaN and infinities (null), a period with parts, a one-line
    Document built by hand, through the constructors (validated)."""
    period = tasktable.find_periods("2019年一、二季度完成", year=2019)[0]
    target = Target(
        text="x",
        comparator="=",
        value=float("nan"),
        high=float("inf"),
        field="content",
        span=(0, 1),
    )
    task = Task(
        seq=1,
        line=1,
        page=1,
        targets=[target],
        milestones=[Milestone(when=period, action="完成", span=(0, 9))],
    )
    document = Document(tasktable_version="*", source=Source(sha256="0"), columns=[], tasks=[task])
    for model in (period, target, task, document):
        for indent in (2, None):
            assert json_bytes(model, indent) == model.model_dump_json(indent=indent).encode()


def test_jsonl_is_one_task_a_line(document: Document) -> None:
    lines = tasktable.render(document, "jsonl").decode("utf-8").splitlines()
    assert [Task.model_validate_json(line) for line in lines] == document.tasks


def test_csv_has_a_bom_and_one_row_per_milestone(document: Document) -> None:
    data = tasktable.render(document, "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    expected = sum(max(1, len(t.milestones)) for t in document.tasks)
    assert len(rows) == expected
    task_1 = [r for r in rows if r["seq"] == "1"]
    assert [(r["when"], r["start"], r["end"]) for r in task_1] == [
        ("6月份", "2019-06-01", "2019-06-30"),
        ("7月份", "2019-07-01", "2019-07-31"),
    ]
    (task_13,) = [r for r in rows if r["seq"] == "13"]  # no milestone: one row, empty columns
    assert task_13["when"] == "" and task_13["due"] == "" and task_13["project"]


def test_md_parses_again_to_the_same_tasks(document: Document) -> None:
    again = tasktable.parse(tasktable.render(document, "md"))
    assert again.year == document.year
    assert [t.model_dump(include=TASK_FIELDS) for t in again.tasks] == [
        t.model_dump(include=TASK_FIELDS) for t in document.tasks
    ]
    assert again.diagnostics == []


def test_md_escapes_pipes_and_keeps_partners_owner_and_extra() -> None:
    text = (
        "| 序号 | 项目内容 | 序时进度 | 责任单位 | 配合单位 | 责任人 | 备注 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | 修订A\\|B两项制度 | 6月底前完成 | 办公室 | 财务科、人事科 | 张三 | 重点 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    again = tasktable.parse(tasktable.render(doc, "md"))
    (task,) = again.tasks
    assert task.content == "修订A|B两项制度"
    assert (task.partners, task.owner, task.extra) == (
        ["财务科", "人事科"],
        "张三",
        {"备注": "重点"},
    )
    assert str(task.due) == "2024-06-30"


#: A table with a progress column whose report holds a date and a number, and a column with
#: no known role: what the sample has neither of.
PROGRESS_TABLE = (
    "| 序号 | 工作任务 | 完成时限 | 责任单位 | 进展情况 | 联系人 |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | 新建学校2所。 | 6月底前 | 教育局 | 已于3月底前完成选址，完成65% | 王五 |\n"
)


def test_sqlite_takes_milestones_found_in_progress(tmp_path: Path) -> None:
    """The schema allowed a milestone's field to be content or schedule only, and writing a
    table whose progress column holds a date failed with a traceback."""
    doc = tasktable.parse(PROGRESS_TABLE, year=2024)
    assert "progress" in {m.field for t in doc.tasks for m in t.milestones}
    path = tmp_path / "out.sqlite"
    path.write_bytes(tasktable.render(doc, "sqlite"))
    db = sqlite3.connect(path)
    assert db.execute("SELECT field, end_date FROM milestones ORDER BY id").fetchall() == [
        ("schedule", "2024-06-30"),
        ("progress", "2024-03-31"),
    ]
    assert db.execute("SELECT progress, progress_percent FROM tasks").fetchall() == [
        ("已于3月底前完成选址，完成65%", 65.0)
    ]
    assert db.execute("SELECT header, text FROM task_extra").fetchall() == [("联系人", "王五")]


def test_the_sqlite_schema_allows_every_field_a_milestone_is_found_in() -> None:
    from typing import get_args

    from tasktable.formats import SQLITE_SCHEMA
    from tasktable.models import TextField

    checks = re.findall(r"CHECK \(field IN \(([^)]*)\)\)", SQLITE_SCHEMA)
    assert len(checks) == 2  # milestones and targets
    for check in checks:
        assert [word.strip(" '") for word in check.split(",")] == list(get_args(TextField))


def test_csv_and_md_keep_progress_and_columns_with_no_role() -> None:
    doc = tasktable.parse(PROGRESS_TABLE, year=2024)
    rows = list(csv.DictReader(io.StringIO(tasktable.render(doc, "csv").decode("utf-8-sig"))))
    assert {(r["progress"], r["联系人"]) for r in rows} == {
        ("已于3月底前完成选址，完成65%", "王五")
    }
    again = tasktable.parse(tasktable.render(doc, "md"))
    assert [t.model_dump(include=TASK_FIELDS) for t in again.tasks] == [
        t.model_dump(include=TASK_FIELDS) for t in doc.tasks
    ]
    (task,) = again.tasks
    assert task.progress is not None and task.progress.percent == 65.0
    assert task.extra == {"联系人": "王五"}


def _documented_queries() -> dict[str, str]:
    docs = (ROOT / "docs" / "formats.md").read_text("utf-8")
    pattern = r"<!-- query: ([\w-]+) -->\n```sql\n(.*?)```"
    return dict(re.findall(pattern, docs, flags=re.DOTALL))


def test_docs_hold_three_queries() -> None:
    assert sorted(_documented_queries()) == [
        "department-q3",
        "targets-by-unit",
        "tasks-without-date",
    ]


def test_query_milestones_of_a_department_in_q3(database: sqlite3.Connection) -> None:
    rows = database.execute(_documented_queries()["department-q3"]).fetchall()
    assert [(seq, when) for seq, when, _, _ in rows] == [
        (14, "二三季度"),
        (16, "三季度"),
        (18, "三季度"),
        (25, "三季度"),
        (56, "三季度"),
    ]
    assert all("2019-07-01" <= end <= "2019-09-30" for _, _, end, _ in rows)


def test_query_targets_by_unit(database: sqlite3.Connection, document: Document) -> None:
    rows = database.execute(_documented_queries()["targets-by-unit"]).fetchall()
    counts = {unit: count for unit, count, _ in rows}
    assert sum(counts.values()) == sum(len(t.targets) for t in document.tasks)
    assert rows[0][:2] == ("场次", 15)
    people = [t.target.value for t in document.all_targets() if t.target.unit == "人"]
    assert dict((u, total) for u, _, total in rows)["人"] == sum(v for v in people if v)


def test_query_tasks_without_date(database: sqlite3.Connection, document: Document) -> None:
    rows = database.execute(_documented_queries()["tasks-without-date"]).fetchall()
    assert [seq for seq, _ in rows] == [t.seq for t in document.tasks if not t.milestones]
    assert 13 in [seq for seq, _ in rows]


def test_sqlite_keys_hold(database: sqlite3.Connection) -> None:
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    held = database.execute("SELECT COUNT(*) FROM targets WHERE milestone_id IS NOT NULL")
    assert held.fetchone()[0] > 0


def test_cli_format_from_option_and_suffix(tmp_path: Path) -> None:
    assert main([str(SAMPLE), "-o", str(tmp_path / "out.csv")]) == 0
    assert (tmp_path / "out.csv").read_bytes().startswith("\ufeff".encode())
    assert main([str(SAMPLE), "-f", "md", "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text("utf-8").startswith("2019年市科协重点工作任务分解表")
    assert main([str(SAMPLE), "-o", str(tmp_path / "out.sqlite")]) == 0
    with sqlite3.connect(tmp_path / "out.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM tasks").fetchone()[0] == 61
    assert main([str(SAMPLE), "-o", str(tmp_path / "out.db")]) == 0  # .db is sqlite too
    with sqlite3.connect(tmp_path / "out.db") as db:
        assert db.execute("SELECT COUNT(*) FROM tasks").fetchone()[0] == 61
    assert main([str(SAMPLE), "-o", str(tmp_path / "out.htm")]) == 0
    assert (tmp_path / "out.htm").read_text("utf-8").startswith("<!DOCTYPE html>")


# --- queries on Document ---------------------------------------------------------------------


def test_tasks_and_milestones_of_a_department(document: Document) -> None:
    tasks = document.tasks_of("学会部")
    assert tasks and all("学会部" in t.departments + t.partners for t in tasks)
    assert document.tasks_of("学会") == []  # exact names only
    pairs = document.milestones_of("学会部")
    assert [m for _, m in pairs] == [m for t in tasks for m in t.milestones]


def test_milestones_due_in_june(document: Document) -> None:
    due = document.milestones_due(date(2019, 6, 1), date(2019, 6, 30))
    ends = [m.when.end for _, m in due if m.when.end is not None]
    assert len(ends) == len(due)
    assert ends == sorted(ends) and all(e.month == 6 for e in ends)
    assert (9, "6月上旬") in [(t.seq, m.when.text) for t, m in due]
    assert "全年" not in [m.when.text for _, m in due]  # covers June, but is due in December


def test_all_targets_flat_with_seq_and_departments(document: Document) -> None:
    flat = document.all_targets()
    assert len(flat) == sum(len(t.targets) for t in document.tasks)
    seq, sub, departments, target = flat[0]
    assert (seq, sub, departments, target.text) == (2, 1, ["学会部"], "6-8家")
