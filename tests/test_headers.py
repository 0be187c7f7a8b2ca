"""Other bureaus' tables (issue 7): header vocabulary, user role maps, section rows, and a
table whose task text has no content column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tasktable
from tasktable import RoleMapError
from tasktable.cli import main
from tasktable.names import people_apart, split_names, unwrap_people
from tasktable.stages.stitch import header_role
from tasktable.stages.tasks import units_noted_in
from tasktable.vocab.headers import PERIOD_HEADER

# 序号 and 完成时限 are known; 承办事宜 "matters handled" and 经办 "handled by" are not. The
# first holds the task text; the cells of the second (见附件 "see the annex") show no role.
TABLE = (
    "| 序号 | 承办事宜 | 经办 | 完成时限 |\n|---|---|---|---|\n"
    "| 1 | 完成审计工作，6月底前报送 | 见附件 | 6月底前 |\n"
)


def test_unknown_header_whose_cells_show_no_role_is_extra_with_a_warning() -> None:
    doc = tasktable.parse(TABLE, year=2024)
    assert [c.role for c in doc.columns] == ["seq", "content", "extra", "schedule"]
    assert doc.tasks[0].extra == {"经办": "见附件"}
    unknown = [d for d in doc.diagnostics if d.code == "unknown-header"]
    assert [(d.level, d.column) for d in unknown] == [("warning", "经办")]
    assert "--role 经办=" in unknown[0].message


def test_role_map_names_the_columns_the_vocabulary_lacks() -> None:
    roles = {"承办事宜": "content", "经办": "departments"}
    doc = tasktable.parse(TABLE, year=2024, roles=roles)
    (task,) = doc.tasks
    assert (task.content, task.departments, task.schedule) == (
        "完成审计工作，6月底前报送",
        ["见附件"],
        "6月底前",
    )
    assert str(task.due) == "2024-06-30"
    assert not [d for d in doc.diagnostics if d.code == "unknown-header"]


def test_role_map_matches_headers_with_spaces_and_breaks() -> None:
    text = TABLE.replace("经办", "经<br> 办")
    (task,) = tasktable.parse(text, roles={"经办": "departments"}).tasks
    assert task.departments == ["见附件"]


def test_role_map_with_an_unknown_role_is_an_error() -> None:
    with pytest.raises(RoleMapError, match="'boss'"):
        tasktable.parse(TABLE, roles={"经办": "boss"})


def test_cli_role_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.md"
    path.write_text(TABLE, "utf-8")
    argv = [str(path), "--role", "承办事宜=content", "--role", "经办=departments"]
    assert main(argv) == 0
    (task,) = json.loads(capsys.readouterr().out)["tasks"]
    assert (task["content"], task["departments"]) == ("完成审计工作，6月底前报送", ["见附件"])
    assert main([str(path), "--role", "oops"]) == 2


@pytest.mark.parametrize(
    ("row", "title"),
    [
        ("| 一、 | 经济社会发展的主要预期目标 | | |", "经济社会发展的主要预期目标"),
        ("| 二 | 加快新型工业化进程 | | |", "加快新型工业化进程"),
        ("| （三） | 推进乡村振兴 | | |", "推进乡村振兴"),
        ("| 一、经济社会发展的主要预期目标 | | | |", "经济社会发展的主要预期目标"),
        ("| | （二）加快新型工业化进程 | | |", "加快新型工业化进程"),
    ],
)
def test_section_row_is_no_task_and_themes_the_rows_below(row: str, title: str) -> None:
    text = (
        "| 序号 | 重点工作任务 | 主要责任单位 | 协同配合单位 |\n|---|---|---|---|\n"
        f"{row}\n| 1 | 新增规上工业企业20家 | 县工信局 | 县统计局 |\n"
        "| 2 | 实施技改项目50个 | 县工信局 | |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.theme) for t in doc.tasks] == [(1, title), (2, title)]
    (section,) = [d for d in doc.diagnostics if d.code == "section"]
    assert title in (section.text or "")


def test_row_with_an_ordinal_and_task_texts_is_a_task_numbered_by_it() -> None:
    text = (
        "| 序号 | 项目名称 | 项目内容 | 序时进度 | 责任单位 |\n|---|---|---|---|---|\n"
        "| 一 | 数字政府 | 建设数据平台。 | 年底前 | 大数据局 |\n"
    )
    doc = tasktable.parse(text)
    (task,) = doc.tasks
    assert (task.seq, task.content) == (1, "建设数据平台。")
    assert not [d for d in doc.diagnostics if d.code == "seq-not-a-number"]


@pytest.mark.parametrize(
    ("cells", "numbers"),
    [
        (["（1）", "（2）"], [1, 2]),  # a list's bracketed numbers
        (["(1)", "(2)"], [1, 2]),
        (["1）", "2）"], [1, 2]),
        (["①", "②"], [1, 2]),  # circled digits
        (["一", "二"], [1, 2]),  # Chinese ordinals, where no digit numbers a task
        (["一、", "二、"], [1, 2]),
    ],
)
def test_a_seq_written_as_a_list_marker_is_a_number(cells: list[str], numbers: list[int]) -> None:
    rows = "".join(f"| {c} | 完成任务{i}。 | 办公室 | 6月底前 |\n" for i, c in enumerate(cells))
    doc = tasktable.parse(
        "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n" + rows, year=2024
    )
    assert [t.seq for t in doc.tasks] == numbers
    assert not [d for d in doc.diagnostics if d.level == "warning"]


def test_sections_over_tasks_numbered_in_brackets_theme_them() -> None:
    """（1） was no number, so no row counted as numbered with digits and the heading row
    一、就业创业 became a task instead of the theme of the rows below it."""
    text = (
        "| 序号 | 工作任务 | 责任股室 | 完成时限 |\n|---|---|---|---|\n"
        "| 一、就业创业 |  |  |  |\n"
        "| （1） | 城镇新增就业4500人。 | 就业促进股 | 12月底前 |\n"
        "| 二、社会保障 |  |  |  |\n"
        "| （2） | 参保率稳定在95%以上。 | 社会保险股 | 全年 |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.theme) for t in doc.tasks] == [(1, "就业创业"), (2, "社会保障")]


def test_table_without_content_column_takes_the_task_text_as_content() -> None:
    text = (
        "| 序号 | 重点工作任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 新建5G基站300个，年底前完成 | 县工信局 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    (task,) = doc.tasks
    assert (task.project, task.content) == (None, "新建5G基站300个，年底前完成")
    assert [t.text for t in task.targets] == ["300个"]
    assert [m.when.text for m in task.milestones] == ["年底前"]


@pytest.mark.parametrize(
    ("cell", "leads", "partners"),
    [
        ("县发改局、县财政局", ["县发改局", "县财政局"], []),
        ("县发改局（牵头）、县财政局（配合）", ["县发改局"], ["县财政局"]),
        ("县发改局(牵头)，县财政局", ["县发改局"], ["县财政局"]),  # a lead singled out
        ("区自然资源局（牵头）、区发改局、区工信局", ["区自然资源局"], ["区发改局", "区工信局"]),
        ("县发改局牵头，县财政局", ["县发改局"], ["县财政局"]),
        ("县发改局、县财政局（配合）", ["县发改局"], ["县财政局"]),
        ("县发改局（负责）、县财政局", ["县发改局", "县财政局"], []),  # 负责 singles none out
        ("责任单位：县发改局；县财政局", ["县发改局", "县财政局"], []),
        (
            "牵头单位：县发改局；配合单位：县财政局、县统计局",
            ["县发改局"],
            ["县财政局", "县统计局"],
        ),
        ("牵头：县发改局 配合：县财政局", ["县发改局"], ["县财政局"]),
        ("县发改局牵头，县财政局、县统计局配合", ["县发改局"], ["县财政局", "县统计局"]),
        ("县发改局<br>配合：县财政局", ["县发改局"], ["县财政局"]),
        ("县协同创新中心", ["县协同创新中心"], []),  # 协同 inside a name marks nothing
    ],
)
def test_department_cell_keeps_leads_and_partners_apart(
    cell: str, leads: list[str], partners: list[str]
) -> None:
    text = f"| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n| 1 | 做好工作。 | {cell} |\n"
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (leads, partners)


def test_partners_from_the_department_cell_join_the_partner_column() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 做好工作。 | 县发改局（牵头）、县统计局（配合） | 县审计局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (["县发改局"], ["县审计局", "县统计局"])


# One line per cell: a line break (\n, as <br> reads) is a cut between two whole names and a
# wrap inside one; a separator inside brackets cuts nothing.
@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("县水务局\n县住建局", ["县水务局", "县住建局"]),  # break between whole names: a cut
        ("县科技服务\n中心", ["县科技服务中心"]),  # 县科技服务 is no name: a wrap
        ("办公室\n财务科", ["办公室", "财务科"]),  # sections without a prefix: a cut
        ("执法\n大队", ["执法大队"]),
        ("区住房和城乡\n建设局", ["区住房和城乡建设局"]),  # 建设局 is a tail, not a unit
        ("县发展和改革委\n员会", ["县发展和改革委员会"]),
        ("区公安分局\n交警大队", ["区公安分局交警大队"]),
        (
            "区住房和城乡\n建设局\n区公安分局交\n警大队",
            ["区住房和城乡建设局", "区公安分局交警大队"],
        ),
        ("各街道办事处\n区机关事务服\n务中心", ["各街道办事处", "区机关事务服务中心"]),
        ("县住房和城乡\n建设局\n县发展和改革委员会", ["县住房和城乡建设局", "县发展和改革委员会"]),
        ("五星街道\n南大街街\n道\n荷花池街\n道", ["五星街道", "南大街街道", "荷花池街道"]),
        ("各镇（街道）\n县住建局", ["各镇（街道）", "县住建局"]),
        ("县发改局\n（牵头）", ["县发改局（牵头）"]),
        ("县发改局、县财政局\n等", ["县发改局", "县财政局等"]),
        (
            "县委宣传部（县文明办、县网信办）、县住建局",
            ["县委宣传部（县文明办、县网信办）", "县住建局"],
        ),
        ("县政府(县应急局，县消防大队)", ["县政府(县应急局，县消防大队)"]),
        ("县发改局（牵头、县财政局", ["县发改局（牵头", "县财政局"]),  # never closed: cuts
        # ... at spaces and line breaks too, not swallowing the names after it into one
        (
            "县发改局（牵头 县财政局 县教育局（配合）",
            ["县发改局（牵头", "县财政局", "县教育局（配合）"],
        ),
        ("县发改局（牵头\n县财政局 县教育局", ["县发改局（牵头", "县财政局", "县教育局"]),
        ("县发改局（牵头 县财政局 县教育局", ["县发改局（牵头", "县财政局", "县教育局"]),
        # A place's or a company's name stands alone after a break; an agency's is a tail.
        (
            "县住房城乡建设局\n县财政局\n县城市管理局\n城关镇\n县供电公司",
            ["县住房城乡建设局", "县财政局", "县城市管理局", "城关镇", "县供电公司"],
        ),
        ("县财政局\n王庄乡", ["县财政局", "王庄乡"]),  # township
        ("县财政局\n东城街道", ["县财政局", "东城街道"]),  # sub-district
        ("县财政局\n白马镇", ["县财政局", "白马镇"]),  # town
        ("县财政局\n高新区", ["县财政局", "高新区"]),  # zone
        ("县财政局\n城投公司", ["县财政局", "城投公司"]),  # company
        ("县财政局\n李庄村", ["县财政局", "李庄村"]),  # village
        ("县水利局\n城关镇、新集镇", ["县水利局", "城关镇", "新集镇"]),
        ("县城投集团\n有限公司", ["县城投集团有限公司"]),  # 有限公司 continues a name
        ("县经济开发区\n管委会", ["县经济开发区管委会"]),  # no head: a tail
        ("各乡镇\n人民政府", ["各乡镇人民政府"]),
        ("高新区\n管委会", ["高新区管委会"]),  # an agency's tail after a place's name
        (
            "经开区\n高新园(邹区镇)\n各街道\n市国有公司",  # 园 park: a place (zoo zhonglou)
            ["经开区", "高新园(邹区镇)", "各街道", "市国有公司"],
        ),
        ("经开区 高新园(邹区镇) 各街道", ["经开区", "高新园(邹区镇)", "各街道"]),
        ("县财政局\n城关镇\n人民政府", ["县财政局", "城关镇人民政府"]),
        # A space (docling joins a PDF's printed lines so) is a break like a line break.
        ("县发展改革 委", ["县发展改革委"]),
        ("县住房城乡 建设局", ["县住房城乡建设局"]),
        ("县文化旅游 体育局", ["县文化旅游体育局"]),
        ("市生态环境 局县分局", ["市生态环境局县分局"]),
        ("县财政局 县教育局", ["县财政局", "县教育局"]),
        ("县财政局 城关镇", ["县财政局", "城关镇"]),
        ("县委宣传部（县文明办 县网信办）", ["县委宣传部（县文明办 县网信办）"]),  # in brackets
        *((placeholder, []) for placeholder in ("/", "／", "无", "暂无", "-", "—", "——", " 无 ")),
    ],
)
def test_department_cell_is_cut_into_whole_names(cell: str, names: list[str]) -> None:
    assert split_names(cell) == names


# One line per owner cell: a break after a person's name, before a title or a name, parts two
# leaders; any other break is a wrap.
@pytest.mark.parametrize(
    ("cell", "owner"),
    [
        ("张三\n李四", "张三、李四"),
        ("县长 周明\n常务副县长 陈志强", "县长 周明、常务副县长 陈志强"),
        (
            "县委常委、常务副县长 陈志强\n副县长 刘红梅",
            "县委常委、常务副县长 陈志强、副县长 刘红梅",
        ),
        ("县委书记 王伟\n县委副书记 李强", "县委书记 王伟、县委副书记 李强"),
        ("副县长 赵刚\n李华", "副县长 赵刚、李华"),
        ("分管副\n县长", "分管副县长"),  # a wrapped title
        ("分管副县长\n李卫国", "分管副县长李卫国"),  # a title's name on the next line
        ("王建\n国", "王建国"),  # a wrapped name
        ("李华", "李华"),
    ],
)
def test_owner_cell_keeps_each_leader_apart(cell: str, owner: str) -> None:
    assert unwrap_people(cell) == owner


def test_leaders_on_lines_of_their_own_are_not_glued_together() -> None:
    """县长 周明<br>常务副县长 陈志强 gave the owner 县长 周明常务副县长 陈志强 (breaker3 N03):
    only a cell of bare names kept its lines apart."""
    text = (
        "| 序号 | 重点工作 | 县级责任领导 | 牵头单位 |\n|---|---|---|---|\n"
        "| 1 | 做好工作。 | 县长 周明<br>常务副县长 陈志强 | 县应急管理局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.owner == "县长 周明、常务副县长 陈志强"


def _one_task(header: str, cell: str, owner: str | None = None) -> tasktable.Task:
    heads, cells = ["序号", "工作任务", header, "完成时限"], ["1", "做好工作。", cell, "6月底前"]
    if owner is not None:
        heads.append("责任人")
        cells.append(owner)
    rows = [heads, ["---"] * len(heads), cells]
    (task,) = tasktable.parse("".join(f"| {' | '.join(r)} |\n" for r in rows), year=2024).tasks
    return task


@pytest.mark.parametrize(
    "header", ["责任科室及责任人", "责任单位/责任人", "责任单位（责任人）", "牵头单位及负责人"]
)
def test_a_unit_and_a_person_in_one_cell_were_one_unit(header: str) -> None:
    """信息技术科 张磊 under 责任科室及责任人 gave the unit '信息技术科 张磊' and no owner."""
    task = _one_task(header, "信息技术科 张磊")
    assert (task.departments, task.owner) == (["信息技术科"], "张磊")
    assert task.origin["owner"] == task.origin["departments"]


@pytest.mark.parametrize(
    ("cell", "units", "people"),
    [
        ("信息技术科 张磊", "信息技术科", ["张磊"]),
        ("保管利用科\n李娟（科长）", "保管利用科", ["李娟（科长）"]),  # a title in brackets
        ("张磊 信息技术科", "信息技术科", ["张磊"]),  # the person first
        ("县水务局、县住建局/王伟、李强", "县水务局、县住建局", ["王伟", "李强"]),
        ("县科技服务\n中心 张三", "县科技服务\n中心", ["张三"]),  # a wrapped unit
        # Pieces ending as a unit or a place does are units, though they start with a surname.
        ("县委办 王庄乡", "县委办 王庄乡", []),
        ("县财政局 张家港市", "县财政局 张家港市", []),
        ("县水务局 高新区", "县水务局 高新区", []),
        ("县水务局 林业局", "县水务局 林业局", []),
        ("县发改局 李庄村", "县发改局 李庄村", []),
        # Nothing beside the person is a whole unit: the cell is left as written.
        ("张磊", "张磊", []),
        ("张磊 李娟", "张磊 李娟", []),
        ("做好 张磊", "做好 张磊", []),
    ],
)
def test_people_apart_from_the_units_in_a_cell(cell: str, units: str, people: list[str]) -> None:
    assert people_apart(cell) == (units, people)


def test_a_person_in_a_unit_cell_stays_a_unit_where_the_table_has_an_owner_column() -> None:
    """Only a header naming a person too sends a name to the owner column's side."""
    task = _one_task("责任单位", "县水务局 张三", owner="李四")
    assert task.owner == "李四"
    assert "张三" in "".join(task.departments)  # as split_names reads the cell, not lost


def test_a_person_under_a_header_naming_both_joins_the_owner_column() -> None:
    task = _one_task("责任单位及责任人", "县水务局 张三", owner="李四")
    assert (task.departments, task.owner) == (["县水务局"], "李四、张三")
    task = _one_task("责任单位及责任人", "县水务局 李四", owner="李四")  # said twice, kept once
    assert (task.departments, task.owner) == (["县水务局"], "李四")


def test_a_person_with_a_title_beside_a_unit_is_the_owner_where_the_table_has_no_owner_column() -> (
    None
):
    task = _one_task("责任单位", "县水务局 张三（局长）")
    assert (task.departments, task.owner) == (["县水务局"], "张三（局长）")
    task = _one_task("责任单位", "县水务局 王庄乡")  # a place: both units
    assert (task.departments, task.owner) == (["县水务局", "王庄乡"], None)


@pytest.mark.parametrize(
    "cell", ["县住建局 高铁新城", "县农业农村局、王集镇、李庄", "县文旅局 白马湖"]
)
def test_a_place_read_as_a_name_beside_a_unit_was_sent_to_the_owner(cell: str) -> None:
    """高铁新城, 李庄, 白马湖 start with a surname and end as no unit does: under a header
    naming units only they stay units, only a name with a title is a person there."""
    task = _one_task("责任单位", cell)
    assert task.owner is None
    assert "".join(task.departments) == "".join(cell.replace("、", " ").split())


# One line per task text: the units a note at its end names, as (leads, partners).
@pytest.mark.parametrize(
    ("content", "leads", "partners"),
    [
        ("新增就业4000人。（责任单位：县人社局）", ["县人社局"], []),
        ("新建基站。（责任单位：县工信局、县通信发展办）", ["县工信局", "县通信发展办"], []),
        (
            "实施工程。（牵头单位：县水利局；配合单位：县财政局、各乡镇）",
            ["县水利局"],
            ["县财政局", "各乡镇"],
        ),
        ("整治河道(责任单位:县水利局、各镇（街道）)。", ["县水利局", "各镇（街道）"], []),
        ("新增就业4000人。", [], []),  # no note
        ("（责任单位：县人社局）新增就业4000人。", [], []),  # not at the end: no note
        ("建设公园（含绿道3公里）。", [], []),  # brackets without a label
    ],
)
def test_units_noted_at_the_end_of_a_task_text(
    content: str, leads: list[str], partners: list[str]
) -> None:
    assert units_noted_in(content) == (leads, partners)


def test_a_table_without_a_unit_column_takes_the_units_its_texts_note() -> None:
    """实施…工程。（牵头单位：县水利局；配合单位：县财政局、各乡镇） gave no departments
    (breaker3 P05): where no column holds units, the note closing the task's text names them.
    The text stays as written; a unit column, where there is one, wins."""
    text = (
        "| 序号 | 重点任务 | 完成时限 |\n|---|---|---|\n"
        "| 1 | 实施工程。（牵头单位：县水利局；配合单位：县财政局、各乡镇） | 10月底前 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (["县水利局"], ["县财政局", "各乡镇"])
    assert task.content == "实施工程。（牵头单位：县水利局；配合单位：县财政局、各乡镇）"
    with_column = (
        "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 实施工程。（责任单位：县水利局） | 县财政局 |\n"
    )
    (task,) = tasktable.parse(with_column).tasks
    assert task.departments == ["县财政局"]


def test_wrapped_names_in_a_narrow_partner_column_are_joined_whole() -> None:
    """pymupdf4llm wraps names mid-word in a narrow column (breaker B11, B51): 区住房和城乡 ends
    like a township (乡) and 建设局 like a bureau, but they are one name."""
    text = (
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 做好工作。 | 县发展和改革<br>委员会 | 区住房和城乡<br>建设局<br>区公安分局交<br>警大队 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.departments == ["县发展和改革委员会"]
    assert task.partners == ["区住房和城乡建设局", "区公安分局交警大队"]


def test_a_town_on_its_own_line_after_a_bureau_is_not_glued_to_it() -> None:
    """县城市管理局<br>城关镇 gave the partner 县城市管理局城关镇 (breaker3 N02): a line after a
    name with a county prefix was taken for its wrapped tail, though a town's name needs no
    prefix to be whole."""
    text = (
        "| 序号 | 民生实事 | 牵头单位 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 做好工作。 | 县住房城乡建设局 | 县住房城乡建设局<br>县财政局<br>县城市管理局"
        "<br>城关镇<br>县供电公司 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.departments == ["县住房城乡建设局"]
    assert task.partners == ["县财政局", "县城市管理局", "城关镇", "县供电公司"]


def test_a_name_docling_wrapped_with_a_space_stays_whole() -> None:
    """docling on PDF joins a name's printed lines with a space: 县发展改革 委 gave the two
    departments 县发展改革 and 委 (breaker3 L03). A space cuts only between whole names."""
    text = (
        "| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 做好工作。 | 县发展改革 委 |\n"
        "| 2 | 做好工作。 | 县文化旅游 体育局 |\n"
        "| 3 | 做好工作。 | 县财政局 县教育局 |\n"
    )
    first, second, third = tasktable.parse(text).tasks
    assert first.departments == ["县发展改革委"]
    assert second.departments == ["县文化旅游体育局"]
    assert third.departments == ["县财政局", "县教育局"]


def test_a_list_in_brackets_after_a_name_stays_in_it() -> None:
    """县委宣传部（县文明办、县网信办） is one unit: the 、 inside brackets cut it (breaker B48)."""
    text = (
        "| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 做好工作。 | 县委宣传部（县文明办、县网信办）、县住建局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.departments == ["县委宣传部（县文明办、县网信办）", "县住建局"]


def test_names_beside_a_marked_lead_assist_it() -> None:
    """区自然资源局（牵头）、区发改局 left every name a lead (breaker B29): a cell that singles
    out its lead with 牵头 makes the unmarked names partners, as 牵头单位：…配合单位：… does,
    and they join a 配合单位 column's names."""
    text = (
        "| 序号 | 项目内容 | 责任单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 做好工作。 | 区自然资源局（牵头）、区发改局 | 区工信局 |\n"
        "| 2 | 做好工作。 | 区工信局（牵头）、区生态环境分局 | |\n"
    )
    first, second = tasktable.parse(text).tasks
    assert (first.departments, first.partners) == (["区自然资源局"], ["区工信局", "区发改局"])
    assert (second.departments, second.partners) == (["区工信局"], ["区生态环境分局"])


def test_a_placeholder_in_a_unit_column_names_no_unit_and_is_reported() -> None:
    """配合单位 cells written / 无 — gave partners ['/'] (breaker C05): they name no unit, so
    the list is empty, and an info keeps what the cell said (no cell text is lost)."""
    text = (
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 备注 |\n|---|---|---|---|---|\n"
        "| 1 | 做好工作。 | 县科技局 | / | / |\n"
        "| 2 | 做好工作。 | 县科技局 | 无 | |\n"
        "| 3 | 做好工作。 | 县科技局 | 县税务局 | |\n"
    )
    doc = tasktable.parse(text)
    assert [t.partners for t in doc.tasks] == [[], [], ["县税务局"]]
    assert doc.tasks[0].extra == {"备注": "/"}  # only unit columns read a placeholder so
    said = [
        (d.level, d.line, d.seq, d.column, d.role, d.text)
        for d in doc.diagnostics
        if d.code == "no-unit"
    ]
    assert said == [
        ("info", 3, 1, "配合单位", "partners", "/"),
        ("info", 4, 2, "配合单位", "partners", "无"),
    ]


TWO_ROW_PIPE = """| 序号 | 工作任务 | 责任单位 | |
|---|---|---|---|
| | | 牵头单位 | 配合单位 |
| 1 | 新建5G基站300个，年底前完成 | 县工信局 | 县电信公司 |

| 序号 | 工作任务 | 责任单位 | |
|---|---|---|---|
| | | 牵头单位 | 配合单位 |
| 2 | 新增规上企业20家 | 县工信局 | 县统计局 |
"""

TWO_ROW_HTML = (
    '<table><tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th>'
    '<th colspan="2">责任单位</th></tr><tr><th>牵头单位</th><th>配合单位</th></tr>'
    "<tr><td>1</td><td>新建5G基站300个，年底前完成</td><td>县工信局</td><td>县电信公司</td></tr>"
    "<tr><td>2</td><td>新增规上企业20家</td><td>县工信局</td><td>县统计局</td></tr></table>\n"
)


@pytest.mark.parametrize("text", [TWO_ROW_PIPE, TWO_ROW_HTML], ids=["pipe", "html"])
def test_two_row_header(text: str) -> None:
    doc = tasktable.parse(text, year=2020)  # a year: no no-year warning for 年底前
    assert [c.role for c in doc.columns] == ["seq", "content", "departments", "partners"]
    assert [(t.seq, t.departments, t.partners) for t in doc.tasks] == [
        (1, ["县工信局"], ["县电信公司"]),
        (2, ["县工信局"], ["县统计局"]),
    ]
    assert not [d for d in doc.diagnostics if d.level == "warning"]


SUB_TASKS = """| 序号 | 项目名称 | 项目内容 | 序时进度 | 责任单位 |
|---|---|---|---|---|
| 1 | 民生工程 | （1）新建学校2所。 | 8月底前 | 县教育局 |
| | | （2）改造老旧小区12个。 | 年底前 | 县住建局 |
| 2 | 数字政府 | 建设数据平台，推动更多 | 年底前 | 县大数据局 |
| | | 事项网上办理。 | | |
| 3 | 安全生产 | 开展安全检查。 | 全年 | 县应急局 |
| | | 完成隐患整改。 | 11月底前 | |
"""


def test_row_without_seq_is_a_sub_task_or_the_rest_of_the_row_above() -> None:
    doc = tasktable.parse(SUB_TASKS, year=2024)
    assert [(t.seq, t.sub, t.content) for t in doc.tasks] == [
        (1, 1, "（1）新建学校2所。"),
        (1, 2, "（2）改造老旧小区12个。"),  # starts like a list item
        (2, 1, "建设数据平台，推动更多事项网上办理。"),  # continues the sentence above
        (3, 1, "开展安全检查。"),
        (3, 2, "完成隐患整改。"),  # a new sentence with its own schedule
    ]
    assert [d.code for d in doc.diagnostics].count("sub-task") == 2


def test_sub_tasks_survive_the_md_output() -> None:
    doc = tasktable.parse(SUB_TASKS, year=2024)
    again = tasktable.parse(tasktable.render(doc, "md"))
    assert [(t.seq, t.sub, t.content) for t in again.tasks] == [
        (t.seq, t.sub, t.content) for t in doc.tasks
    ]


@pytest.mark.parametrize(
    "header",
    ["责任单位", "责 任 单 位", "责任<br>单位", "**责任单位**", "责任单位：", "责　任　单　位"],
)
def test_header_with_spaces_breaks_or_markup_names_its_role(header: str) -> None:
    text = f"| 序号 | 项目内容 | {header} |\n|---|---|---|\n| 1 | 做好工作。 | 办公室 |\n"
    (task,) = tasktable.parse(text).tasks
    assert task.departments == ["办公室"]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("项目责任单位", "departments"),  # the word ends the header: its head noun
        ("民生实事项目", "project"),
        ("截至6月底进展情况", "progress"),
        ("主要参与单位", "partners"),
        ("责任科室及责任人", "departments"),  # two names joined: the longer word
        ("建设内容和规模", "content"),
        ("责任单位/责任人", "departments"),
        ("责任单位（科室）", "departments"),  # a note in brackets after the word
        ("完成时限（时间节点）", "schedule"),
        ("责任人姓名", "owner"),  # the name of the person in charge
        ("任务来源", None),  # a 来源 (source): 任务 (task) only qualifies it
        ("工作任务来源", None),
        ("工作要求", None),  # a 要求 (requirement)
        ("任务类型", None),
    ],
)
def test_a_header_is_named_by_its_head_word_not_a_word_inside(
    header: str, role: str | None
) -> None:
    assert header_role(header) == role


def test_columns_in_any_order() -> None:
    text = (
        "| 责任单位 | 完成时限 | 序号 | 工作内容 |\n|---|---|---|---|\n"
        "| 县教育局 | 8月底前 | 1 | 新建学校2所。 |\n"
    )
    (task,) = tasktable.parse(text, year=2024).tasks
    assert (task.seq, task.content, task.schedule, task.departments) == (
        1,
        "新建学校2所。",
        "8月底前",
        ["县教育局"],
    )


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        # an exact word wins over a contained one; the loser takes another role it names
        (
            "| 序号 | 民生实事项目 | 主要内容 | 责任单位 |",
            ["seq", "project", "content", "departments"],
        ),
        # a second project column with no content column is the task text
        ("| 序号 | 重点工作 | 工作任务 | 责任单位 |", ["seq", "project", "content", "departments"]),
        # a second departments column with no partners column names the other units
        (
            "| 序号 | 项目内容 | 牵头单位 | 责任单位 |",
            ["seq", "content", "departments", "partners"],
        ),
        # nothing free: kept under extra
        (
            "| 序号 | 项目名称 | 重点工作 | 项目内容 | 责任单位 |",
            ["seq", "project", "extra", "content", "departments"],
        ),
    ],
)
def test_two_columns_naming_one_role(header: str, roles: list[str]) -> None:
    width = header.count("|") - 1
    text = header + "\n" + "|---" * width + "|\n| 1 |" + " 文本 |" * (width - 1) + "\n"
    assert [c.role for c in tasktable.parse(text).columns] == roles


def test_role_map_fixture() -> None:
    """tests/fixtures/role-map.md: without a map under extra (its golden file), with one read."""
    path = Path(__file__).parent / "fixtures" / "role-map.md"
    doc = tasktable.parse_file(path, roles={"工作事项": "content", "承办处室": "departments"})
    assert [(t.seq, t.content, t.departments, str(t.due)) for t in doc.tasks] == [
        (1, "完成审计整改工作，6月底前报送", ["审计处"], "2024-06-30"),
        (2, "编制重大项目投资计划", ["投资处"], "2024-03-31"),
    ]


#: A header whose cells a PDF converter printed on two lines (责任单位 / （科室） department
#: (section), 完成时限 / （时间节点） deadline (milestone)), repeated on the second page.
WRAPPED_HEADER = (
    "|序号|工作任务|责任单位<br>（科室）|完成时限<br>（时间节点）|\n|---|---|---|---|\n"
)


def test_a_header_printed_on_two_lines_is_one_header_on_every_page() -> None:
    """The second lines were read as a row swallowed into the header: the first header made
    a task of them, and each repeated header joined them to the last row of the page."""
    text = (
        WRAPPED_HEADER
        + "|1|完成城区主次干道提升改造8条。|市政科|2024年10月底前|\n"
        + "|2|新建改造城市公厕20座。|环卫科|2024年9月底前|\n\n"
        + WRAPPED_HEADER
        + "|3|开展违法建设专项治理。|执法大队|持续推进|\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [c.header for c in doc.columns] == [
        "序号",
        "工作任务",
        "责任单位（科室）",
        "完成时限（时间节点）",
    ]
    assert [(t.seq, t.departments, t.schedule) for t in doc.tasks] == [
        (1, ["市政科"], "2024年10月底前"),
        (2, ["环卫科"], "2024年9月底前"),
        (3, ["执法大队"], "持续推进"),
    ]


def test_a_grouped_header_on_one_row_names_each_column_by_its_own_line() -> None:
    text = (
        "| 序号 | 工作任务 | 责任单位<br>牵头单位 | 责任单位<br>配合单位 | 完成时限 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 新建学校2所。 | 县教育局 | 县财政局、县自然资源局 | 2024年9月底前 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.departments, task.partners) == (["县教育局"], ["县财政局", "县自然资源局"])


def test_a_repeated_header_unlike_the_first_gives_back_the_text_it_swallowed() -> None:
    text = (
        "| 序号 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|\n"
        "| 1 | 开展科普活动， | 6月底前 | 办公室 |\n\n"
        "| 序号 | **项目内容**<br>做好宣传工作。 | 序时进度 | 责任部门 |\n|---|---|---|---|\n"
        "| 2 | 举办培训班。 | 9月底前 | 学会部 |\n"
    )
    doc = tasktable.parse(text, year=2019)
    assert [t.content for t in doc.tasks] == ["开展科普活动，做好宣传工作。", "举办培训班。"]


def test_a_role_map_naming_no_header_of_the_table_is_told() -> None:
    """--role 牵头处室=departments on a table without that header (a typo) changed nothing and
    said nothing."""
    text = "| 序号 | 工作任务 | 牵头科室 |\n|---|---|---|\n| 1 | 新建学校。 | 教育科 |\n"
    doc = tasktable.parse(text, roles={"牵头处室": "departments", "牵头科室": "departments"})
    (unused,) = [d for d in doc.diagnostics if d.code == "unused-role"]
    assert (unused.level, unused.column) == ("warning", "牵头处室")


def test_a_progress_report_keeps_its_problems_and_next_steps_beside_the_task() -> None:
    """A 督查表 (progress report) writes 存在问题 and 下步措施 beside each task: the next steps'
    sentences were taken for the task text, and the task itself for a project."""
    text = (
        "| 序号 | 重点工作 | 责任单位 | 完成时限 | 工作进展 | 存在问题 | 下步措施 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | 完成区人民医院新院区主体工程。 | 区卫健委 | 10月底前 | 主体结构已完成85%。 "
        "| 受雨季影响，工期有所滞后。 | 增加施工人员，确保10月底前封顶。 |\n"
    )
    (task,) = tasktable.parse(text, year=2024).tasks
    assert task.content == "完成区人民医院新院区主体工程。"
    assert task.extra == {
        "存在问题": "受雨季影响，工期有所滞后。",
        "下步措施": "增加施工人员，确保10月底前封顶。",
    }
    assert task.progress is not None and task.progress.percent == 85.0


def test_dotted_numbers_are_items_of_the_numbered_group_above() -> None:
    """1 | 推动工业稳增长 heads items 1.1, 1.2: the group row was a task with no department,
    and every item had a null seq and a seq-not-a-number warning. The group's label is the
    items' project (it was their theme)."""
    text = (
        "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 推动工业稳增长 |  |  |\n"
        "| 1.1 | 规上工业增加值增长8%。 | 运行监测科 | 12月底前 |\n"
        "| 1.2 | 新增规上工业企业20家。 | 运行监测科 | 12月底前 |\n"
        "| 2 | 推进数字化转型 |  |  |\n"
        "| 2.1 | 新建5G基站400个。 | 信息化推进科 | 10月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.sub, t.theme, t.project) for t in doc.tasks] == [
        (1, 1, None, "推动工业稳增长"),
        (1, 2, None, "推动工业稳增长"),
        (2, 1, None, "推进数字化转型"),
    ]
    assert not [d for d in doc.diagnostics if d.level == "warning"]


def test_a_numbered_row_with_one_text_above_no_dotted_item_is_a_task() -> None:
    text = (
        "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 推动工业稳增长 |  |  |\n"
        "| 2 | 新增规上工业企业20家。 | 运行监测科 | 12月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.content) for t in doc.tasks] == [
        (1, "推动工业稳增长"),
        (2, "新增规上工业企业20家。"),
    ]


@pytest.mark.parametrize(("first", "second"), [("（1）", "（2）"), ("1-1", "1-2"), ("①", "②")])
def test_sub_numbers_under_a_numbered_label_collided_with_its_number(
    first: str, second: str
) -> None:
    """（1） under 1 | 提升养老服务水平 was task 1 again, 2-1 a null seq with a
    seq-not-a-number warning, and the label rows tasks with a department backfilled."""
    text = (
        "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 提升养老服务水平 |  |  |\n"
        f"| {first} | 新建街道综合养老服务中心2个。 | 养老服务科 | 2024年10月底前 |\n"
        f"| {second} | 完成适老化改造300户。 | 养老服务科 | 2024年11月底前 |\n"
        "| 2 | 兜牢基本民生底线 |  |  |\n"
        f"| {first.replace('1', '2', 1) if '-' in first else first} "
        "| 按时足额发放低保资金。 | 社会救助科 | 每月 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.sub, t.theme, t.project) for t in doc.tasks] == [
        (1, 1, None, "提升养老服务水平"),
        (1, 2, None, "提升养老服务水平"),
        (2, 1, None, "兜牢基本民生底线"),
    ]
    assert not [d for d in doc.diagnostics if d.level == "warning"]


def test_a_numbered_label_above_sub_numbers_under_a_theme_heading_is_the_project() -> None:
    text = (
        "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"
        "| 一 | 民生保障 |  |  |\n"
        "| 1 | 提升养老服务水平 |  |  |\n"
        "| （1） | 新建街道综合养老服务中心2个。 | 养老服务科 | 2024年10月底前 |\n"
    )
    (task,) = tasktable.parse(text, year=2024).tasks
    assert (task.seq, task.sub, task.theme, task.project) == (
        1,
        1,
        "民生保障",
        "提升养老服务水平",
    )


def test_a_numbered_task_above_a_list_numbered_row_stays_a_task() -> None:
    """A row with a unit or a date beside its text is a task, not a group's label."""
    text = (
        "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 提升养老服务水平 | 养老服务科 |  |\n"
        "| （2） | 完成适老化改造300户。 | 养老服务科 | 2024年11月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert [(t.seq, t.content) for t in doc.tasks] == [
        (1, "提升养老服务水平"),
        (2, "完成适老化改造300户。"),
    ]


_QUARTER_ROWS = [
    ("1", "新建高标准农田3.5万亩。", "完成招标", "开工建设", "完成60%", "竣工验收", "农田建设股"),
    ("2", "改造农村户厕800户。", "摸底排查", "改造300户", "改造300户", "改造200户", "社会事业股"),
]


def _pipe_quarters() -> str:
    rows = "".join("| " + " | ".join(row) + " |\n" for row in _QUARTER_ROWS)
    return (
        "| 序号 | 工作任务 | 时间节点 |  |  |  | 责任股室 |\n|---|---|---|---|---|---|---|\n"
        "|  |  | 一季度 | 二季度 | 三季度 | 四季度 |  |\n" + rows
    )


def _html_quarters() -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in _QUARTER_ROWS
    )
    return (
        "<table>\n"
        '<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td colspan="4">时间节点</td>'
        '<td rowspan="2">责任股室</td></tr>\n'
        "<tr><td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td></tr>\n"
        + rows
        + "</table>\n"
    )


@pytest.mark.parametrize("table", [_pipe_quarters(), _html_quarters()], ids=["pipe", "html"])
def test_quarters_under_a_merged_time_header_are_its_second_row(table: str) -> None:
    # 时间节点 merged over 一季度 | 二季度 | 三季度 | 四季度: the quarters' row was read as a task,
    # the first quarter's cell as the whole schedule and the other three only in `unplaced`.
    doc = tasktable.parse(table, year=2024)
    assert [(c.header, c.role) for c in doc.columns][2:6] == [
        ("一季度", "schedule"),
        ("二季度", "schedule"),
        ("三季度", "schedule"),
        ("四季度", "schedule"),
    ]
    assert [t.seq for t in doc.tasks] == [1, 2]
    first = doc.tasks[0]
    assert first.schedule == "一季度：完成招标；二季度：开工建设；三季度：完成60%；四季度：竣工验收"
    assert [str(m.when.end) for m in first.milestones if m.when] == [
        "2024-03-31",
        "2024-06-30",
        "2024-09-30",
        "2024-12-31",
    ]
    assert first.departments == ["农田建设股"]
    assert not [d for d in doc.diagnostics if d.code == "unplaced"]


# A second table (an appendix) whose header names other words than the first's.
FIRST_TABLE = (
    "某县2024年重点任务分解表\n\n"
    "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
    "| 1 | 地区生产总值增长6%以上。 | 县发改委 | 2024年12月底前 |\n"
    "| 2 | 新增规上工业企业30家。 | 县工信局 | 2024年11月底前 |\n"
)
APPENDIX_HEADERS = [
    "| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n",
    "| 序号 | 项目名称 | 建设内容 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n",
]


@pytest.mark.parametrize("header", APPENDIX_HEADERS)
def test_second_table_with_other_header_words_is_read_under_its_own_header(header: str) -> None:
    rows = (
        "| 1 | 新建公办幼儿园3所。 | 县教育局 | 2024年8月底前 |\n"
        "| 2 | 完成农村供水管网改造120公里。 | 县水利局 | 2024年10月底前 |\n"
    )
    if header.split("\n")[0].count("|") > 5:  # five columns: a project name before the content
        rows = rows.replace("| 1 | ", "| 1 | 学前教育 | ").replace("| 2 | ", "| 2 | 农村供水 | ")
    doc = tasktable.parse(FIRST_TABLE + "\n附件2：2024年民生实事\n\n" + header + rows)
    assert [t.content for t in doc.tasks] == [
        "地区生产总值增长6%以上。",
        "新增规上工业企业30家。",
        "新建公办幼儿园3所。",
        "完成农村供水管网改造120公里。",
    ]
    # No label leaks from one table into the other, forward or back.
    assert [t.project for t in doc.tasks[:2]] == [None, None]
    assert [t.departments for t in doc.tasks[2:]] == [["县教育局"], ["县水利局"]]
    assert [t.seq for t in doc.tasks] == [1, 2, 1, 2]
    # The document's columns are the first task table's.
    assert [c.header for c in doc.columns] == ["序号", "工作任务", "责任单位", "完成时限"]


def test_indicator_table_before_the_task_table_gives_no_tasks_and_no_columns() -> None:
    indicators = (
        "| 指标名称 | 2024年目标 | 责任单位 |\n|---|---|---|\n"
        "| 地区生产总值增速 | 6.5%左右 | 县发改委 |\n"
    )
    doc = tasktable.parse("主要预期指标\n\n" + indicators + "\n" + FIRST_TABLE)
    assert [t.content for t in doc.tasks] == ["地区生产总值增长6%以上。", "新增规上工业企业30家。"]
    assert [c.header for c in doc.columns] == ["序号", "工作任务", "责任单位", "完成时限"]
    kept = [d.text for d in doc.diagnostics if d.code == "other-table"]
    assert kept == ["指标名称 | 2024年目标 | 责任单位", "地区生产总值增速 | 6.5%左右 | 县发改委"]


def test_liaison_table_after_the_task_table_is_kept_in_diagnostics_not_tasks() -> None:
    liaison = (
        "| 科室 | 联络员 | 联系电话 |\n|---|---|---|\n"
        "| 财政审计科 | 张丽 | 6023101 |\n| 投资审计科 | 李军 | 6023103 |\n"
    )
    doc = tasktable.parse(FIRST_TABLE + "\n附件：各科室联络员名单\n\n" + liaison)
    assert len(doc.tasks) == 2
    other = [d for d in doc.diagnostics if d.code == "other-table"]
    assert [d.text for d in other] == [
        "科室 | 联络员 | 联系电话",
        "财政审计科 | 张丽 | 6023101",
        "投资审计科 | 李军 | 6023103",
    ]
    assert {d.level for d in other} == {"warning"}


@pytest.mark.parametrize(
    ("top", "bottom", "roles"),
    [
        (
            "| 序 | 工作 | 责任 | 完成 |",
            "| 号 | 任务 | 单位 | 时限 |",
            ["seq", "content", "departments", "schedule"],
        ),
        (
            "| **序** | **项目** | **项目** | **序时** | **责任** |",
            "| **号** | **名称** | **内容** | **进度** | **部门** |",
            ["seq", "project", "content", "schedule", "departments"],
        ),
    ],
)
def test_header_split_over_two_rows_whose_lower_row_became_a_task(
    top: str, bottom: str, roles: list[str]
) -> None:
    width = top.count("|") - 1
    delimiter = "|" + "---|" * width
    row = "| 1 |" + " 甲 |" * (width - 4) + " 完成审计工作。 | 县审计局 | 全年 |"
    if roles[-1] == "departments":
        row = "| 1 | 甲 | 完成审计工作。 | 全年 | 县审计局 |"
    doc = tasktable.parse("\n".join([top, delimiter, bottom, row, ""]), year=2024)
    assert [c.role for c in doc.columns] == roles
    assert doc.columns[0].header == "序号"
    (task,) = doc.tasks
    assert (task.seq, task.content, task.departments) == (1, "完成审计工作。", ["县审计局"])


# A header that is a period of the year (vocab.headers.PERIOD_HEADER), its months joined by
# any range dash (RANGE_JOINER; it had its own set, without – —— or 到).
@pytest.mark.parametrize(
    ("header", "is_period"),
    [
        ("一季度", True),
        ("第１季度", True),
        ("1-3月", True),
        ("1–3月", True),
        ("1——3月", True),
        ("1到3月", True),
        ("上半年底前", True),
        ("2024年目标", False),
        ("一、二季度", False),
    ],
)
def test_period_header_words(header: str, is_period: bool) -> None:
    assert (PERIOD_HEADER.match(header) is not None) == is_period
