"""Any bureau's table (issue 15): roles from headers and cells, column profiles in
realignment, sub-rows, two heading levels, lead and assisting units, progress columns.

Each table here is written from a rule of SPEC §2–4, not copied from a real plan.
"""

from __future__ import annotations

import pytest

import tasktable
from tasktable.stages.profiles import kind_of


def _roles(doc: tasktable.Document) -> list[str | None]:
    return [column.role for column in doc.columns]


def test_a_table_with_only_unknown_headers_gets_its_roles_from_its_cells() -> None:
    # 事由 "matter", 经手 "handled by", 人员 "people", 期限说明 "term": none in the vocabulary,
    # and no header row could be found without at least two known words, so the table names
    # 序号 and 电话 (phone) and the rest is read from the cells.
    text = (
        "| 序号 | 事由 | 经手 | 人员 | 期限说明 | 电话 |\n|---|---|---|---|---|---|\n"
        "| 1 | 完成全县耕地质量等级调查评价，形成评价报告。 | 县农业农村局 | 王明 | 6月底前 | 5555309 |\n"
        "| 2 | 新建高标准农田3万亩，同步发展高效节水灌溉。 | 县农发中心 | 李强 | 12月底前 | 5555310 |\n"
        "| 3 | 培育县级以上示范家庭农场10家。 | 县经管站 | 张伟 | 9月底前 | 5555311 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc) == ["seq", "content", "departments", "owner", "schedule", "extra"]
    inferred = [d.column for d in doc.diagnostics if d.code == "inferred-role"]
    assert inferred == ["事由", "经手", "人员", "期限说明"]
    assert not [d for d in doc.diagnostics if d.code == "unknown-header"]
    first = doc.tasks[0]
    assert (first.departments, first.owner, str(first.due)) == (
        ["县农业农村局"],
        "王明",
        "2024-06-30",
    )


@pytest.mark.parametrize(
    ("table", "roles"),
    [
        # 工作任务 beside a longer task-text column (具体措施) is the project ...
        (
            "| 序号 | 工作任务 | 具体措施 | 责任单位 |\n|---|---|---|---|\n"
            "| 1 | 平安交通 | 开展道路交通安全隐患排查整治。 | 县交通运输局 |\n",
            ["seq", "project", "content", "departments"],
        ),
        # ... and the content where it is the only text column.
        (
            "| 序号 | 工作任务 | 完成时限 | 责任单位 |\n|---|---|---|---|\n"
            "| 1 | 开展安全整治。 | 年底前 | 县交通运输局 |\n",
            ["seq", "content", "schedule", "departments"],
        ),
    ],
)
def test_gongzuo_renwu_is_project_or_content_by_the_table(table: str, roles: list[str]) -> None:
    assert _roles(tasktable.parse(table)) == roles


# A progress report: 序号 and 责任单位 merged over several 项目内容 rows, each row its own item.
PROGRESS_TABLE = (
    "2023年重点项目推进情况表\n\n"
    "| 序号 | 项目内容 | 责任单位 | 进展情况 |\n|---|---|---|---|\n"
    "| 1 | 新建污水处理厂一座。 | 县住建局 | 65%(二期工程进度滞后) |\n"
    "|  | 改造雨污管网20公里。 |  | 已完成 |\n"
    "|  | 建设再生水回用工程。 |  | 正在推进，预计11月底前完成 |\n"
    "| 2 | 新增城镇就业5000人。 | 县人社局 | 已完成全年目标的80% |\n"
)


def test_progress_table_rows_under_a_merged_seq_are_sub_tasks() -> None:
    doc = tasktable.parse(PROGRESS_TABLE)
    assert [(t.seq, t.sub, t.departments) for t in doc.tasks] == [
        (1, 1, ["县住建局"]),
        (1, 2, ["县住建局"]),
        (1, 3, ["县住建局"]),
        (2, 1, ["县人社局"]),
    ]
    assert doc.tasks[1].origin["departments"].how == "carried"


def test_progress_column_is_a_report_not_a_schedule() -> None:
    doc = tasktable.parse(PROGRESS_TABLE)
    assert "progress" in _roles(doc)
    first, _, third, _ = doc.tasks
    assert first.schedule is None
    assert first.progress is not None and first.progress.percent == 65.0
    assert third.progress is not None and third.progress.percent is None
    (milestone,) = third.milestones
    assert (milestone.field, str(milestone.when.end)) == ("progress", "2023-11-30")
    assert not third.targets  # what was done is no target


def test_jindu_alone_is_progress_when_its_cells_report() -> None:
    text = (
        "| 序号 | 项目内容 | 进度 |\n|---|---|---|\n"
        "| 1 | 新建污水处理厂一座。 | 已完成 |\n| 2 | 改造管网20公里。 | 80% |\n"
    )
    assert _roles(tasktable.parse(text)) == ["seq", "content", "progress"]
    planned = text.replace("已完成", "6月底前").replace("80%", "12月底前")
    assert _roles(tasktable.parse(planned)) == ["seq", "content", "schedule"]


def test_two_heading_levels_are_theme_and_project() -> None:
    text = (
        "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
        "| 一、稳定经济增长 | | | |\n"
        "| （一）扩大有效投资 | | | |\n"
        "| 1 | 新开工重大项目20个。 | 区发改局 | 12月底前 |\n"
        "| （二）促进消费升级 | | | |\n"
        "| 2 | 举办促消费活动10场。 | 区商务局 | 全年 |\n"
        "| 二、改善民生福祉 | | | |\n"
        "| 3 | 新增城镇就业5000人。 | 区人社局 | 年底前 |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.theme, t.project) for t in doc.tasks] == [
        (1, "稳定经济增长", "扩大有效投资"),
        (2, "稳定经济增长", "促进消费升级"),
        (3, "改善民生福祉", None),  # a new first-level heading ends the second level
    ]


@pytest.mark.parametrize("heading", ["（一）做强先进制造业", "(一)做强先进制造业"])
def test_second_level_headings_over_a_theme_column_were_no_project(heading: str) -> None:
    # The table has a theme column (领域) and none for the project: the second level is it.
    text = (
        "| 序号 | 领域 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
        f"| {heading} |  |  |  |  |\n"
        "| 1 | 产业发展 | 新增规上工业企业25家。 | 区工信局 | 12月底前 |\n"
        "| 2 | 产业发展 | 实施技改项目12个。 | 区工信局 | 11月底前 |\n"
        "| （二）办好民生实事 |  |  |  |  |\n"
        "| 3 | 社会民生 | 新增公办学位2000个。 | 区教育局 | 8月底前 |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.theme, t.project) for t in doc.tasks] == [
        (1, "产业发展", "做强先进制造业"),
        (2, "产业发展", "做强先进制造业"),
        (3, "社会民生", "办好民生实事"),
    ]


@pytest.mark.parametrize(
    "header",
    ["| 序号 | 工作任务 | 牵头单位 | 责任单位 |", "| 序号 | 工作任务 | 责任单位 | 牵头单位 |"],
)
def test_lead_column_is_the_departments_wherever_it_stands(header: str) -> None:
    lead_first = header.index("牵头") < header.index("责任")
    lead, wide = "县发改局", "县发改局、县统计局"
    cells = f"{lead} | {wide}" if lead_first else f"{wide} | {lead}"
    text = f"{header}\n|---|---|---|---|\n| 1 | 地区生产总值增长6%左右。 | {cells} |\n"
    (task,) = tasktable.parse(text).tasks
    # The lead unit leads; the other column's units assist, without repeating the lead.
    assert (task.departments, task.partners) == (["县发改局"], ["县统计局"])


def test_a_table_without_seq_numbers_tasks_from_their_list_markers() -> None:
    text = (
        "| 项目名称 | 建设内容 | 责任单位 |\n|---|---|---|\n"
        "| 1.城市人居环境提升项目 | 改造老旧小区12个。 | 县住建局 |\n"
        "| 2.乡村道路畅通项目 | 新改建农村公路100公里。 | 县交通运输局 |\n"
        "| 农贸市场改造 | 改造农贸市场2个。 | 县商务局 |\n"
    )
    assert [(t.seq, t.sub) for t in tasktable.parse(text).tasks] == [(1, 1), (2, 1), (None, 1)]


def test_person_phone_and_date_columns_realign_by_what_the_table_holds() -> None:
    # The third row lost its blank 类别 cell, so every later cell slid one column left: a
    # person under 责任科室, a date under 责任人, a phone under 完成时限. The other rows show
    # what each column holds.
    text = (
        "| 序号 | 类别 | 目标任务 | 责任科室 | 责任人 | 完成时限 | 联系电话 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | 一、粮食安全 | 粮食播种面积稳定在68万亩以上。 | 种植业科 | 王明 | 12月底前 | 5555301 |\n"
        "| 2 | 二、产业发展 | 新增规上农产品加工企业10家。 | 产业科 | 李强 | 年底前 | 5555302 |\n"
        "| 3 | 培育示范家庭农场20家。 | 经管科 | 张伟 | 9月底前 | 5555303 | |\n"
        "| 4 | 三、乡村建设 | 改造农村户厕3000户。 | 社会事业科 | 赵敏 | 10月底前 | 5555304 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    third = doc.tasks[2]
    assert (third.theme, third.content, third.departments, third.owner, third.schedule) == (
        "二、产业发展",
        "培育示范家庭农场20家。",
        ["经管科"],
        "张伟",
        "9月底前",
    )
    assert third.extra == {"联系电话": "5555303"}
    # A row that already stands right is never moved.
    assert not [d for d in doc.diagnostics if d.code == "realigned" and d.line != 5]


def test_a_sub_row_on_the_same_page_with_its_own_content_is_a_sub_task() -> None:
    text = (
        "| 序号 | 项目名称 | 主要内容 | 牵头单位 |\n|---|---|---|---|\n"
        "| 1 | 老城复兴 | 完成纪念馆提升工程。 | 文体旅局 |\n"
        "|  | | 推进老城道路整治。 | 住建局 |\n"
        "| 2 | 优化养老服务 | 提供居家上门服务。 | 民政局 |\n"
        "|  | 改造社区养老服务中心8家。 | | |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.seq, t.sub, t.project, t.departments) for t in doc.tasks] == [
        (1, 1, "老城复兴", ["文体旅局"]),
        (1, 2, "老城复兴", ["住建局"]),
        (2, 1, "优化养老服务", ["民政局"]),
        (2, 2, "优化养老服务", ["民政局"]),  # the text slid under 项目名称: realigned
    ]
    assert doc.tasks[3].content == "改造社区养老服务中心8家。"


# Found by writing other bureaus' tables from SPEC's rules (issue 15, a tester's 52 tables).


def test_two_headers_naming_the_task_text_are_project_and_content_by_their_cells() -> None:
    text = (
        "| 序号 | 主要任务 | 工作措施 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 打好蓝天保卫战 | 强化扬尘管控，建筑工地“六个百分百”落实率达100%。 | 区住建局 | 持续推进 |\n"
        "| 2 | 打好碧水保卫战 | 完成黑臭水体整治5条，水质达标率保持100%。 | 区水务局 | 12月底前 |\n"
    )
    doc = tasktable.parse(text)
    assert _roles(doc) == ["seq", "project", "content", "departments", "schedule"]
    assert doc.tasks[0].project == "打好蓝天保卫战"


def test_jindu_beside_a_schedule_column_is_progress() -> None:
    text = (
        "| 序号 | 工作任务 | 责任单位 | 完成时限 | 进度 |\n|---|---|---|---|---|\n"
        "| 1 | 完成县城主干道提升改造3条。 | 县住建局 | 2024年6月底前 | 已完成 |\n"
        "| 2 | 新建城市停车位2000个。 | 县城管局 | 2024年12月底前 | 完成70% |\n"
    )
    doc = tasktable.parse(text)
    assert _roles(doc)[-1] == "progress"
    assert doc.tasks[0].progress is not None and doc.tasks[0].progress.text == "已完成"


def test_a_leader_column_named_with_qiantou_is_the_owner() -> None:
    text = (
        "| 序号 | 工作任务 | 牵头县领导 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 全面推进河湖长制，完成河湖“清四乱”整治。 | 王海 | 县水利局 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert (task.owner, task.departments, task.partners) == ("王海", ["县水利局"], [])


def test_a_heading_cut_at_column_boundaries_is_one_heading() -> None:
    text = (
        "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
        "| **一、全力** | **推动经济高质量发展** |  |  |\n"
        "| 1 | 地区生产总值增长6%左右。 | 县发改委 | 12月底前 |\n"
    )
    (task,) = tasktable.parse(text).tasks
    assert task.theme == "全力推动经济高质量发展"


def test_headings_in_a_table_without_seq_set_the_theme() -> None:
    text = (
        "| 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|\n"
        "| 一、经济发展 |  |  |\n"
        "| 完成招商引资到位资金5亿元。 | 镇经发办 | 12月底前 |\n"
        "| 二、社会事业 |  |  |\n"
        "| 新建幼儿园1所。 | 镇社会事务办 | 9月底前 |\n"
    )
    doc = tasktable.parse(text)
    assert [(t.theme, t.departments) for t in doc.tasks] == [
        ("经济发展", ["镇经发办"]),
        ("社会事业", ["镇社会事务办"]),
    ]


def test_a_float_seq_is_its_integer() -> None:
    text = (
        "| 序号 | 工作内容 | 责任单位 |\n|---|---|---|\n| 1.0 | 完成网格化治理。 | 县委政法委 |\n"
    )
    assert [t.seq for t in tasktable.parse(text).tasks] == [1]


def test_a_short_table_puts_a_shifted_phone_number_back_in_its_column() -> None:
    # Too few rows to learn the phone column from: digits still belong to no task field.
    text = (
        "| 序号 | 类别 | 目标任务 | 责任科室 | 责任人 | 完成时限 | 联系电话 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | 一、主要预期目标 | 农村居民人均可支配收入与全省同步增长。 | 法规科 | 潘秀峰 | 2024年底前 | 5555309 |\n"
        "| 2 | 粮食产量100亿斤以上。 | 市农技中心 | 卢伯瑛 | 2024年底前 | 5555097 |  |\n"
    )
    second = tasktable.parse(text).tasks[1]
    assert (second.content, second.departments, second.schedule, second.extra) == (
        "粮食产量100亿斤以上。",
        ["市农技中心"],
        "2024年底前",
        {"联系电话": "5555097"},
    )


def test_a_blank_owner_cell_carries_the_leader_above() -> None:
    text = (
        "| 序号 | 重点任务 | 区政府分管领导 | 牵头单位 |\n|---|---|---|---|\n"
        "| 1 | 推进城市有机更新，启动3个片区征收。 | 赵东 | 区住建局 |\n"
        "| 2 | 新建改建公园绿地8处。 |  | 区城管局 |\n"
    )
    second = tasktable.parse(text).tasks[1]
    assert (second.owner, second.origin["owner"].how) == ("赵东", "carried")


# Found by a second tester, rendering 32 tables the way six converters damage them.


def test_gushi_headers_name_the_lead_and_assisting_sections() -> None:
    text = (
        "| 序号 | 工作任务 | 牵头股室 | 配合股室 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 开展危险化学品安全专项整治。 | 危化股 | 执法大队 | 2024年10月底前 |\n"
        "| 2 | 开展工贸行业粉尘涉爆隐患排查。 |  |  | 2024年8月底前 |\n"
    )
    second = tasktable.parse(text).tasks[1]
    # the merged assisting cell carries like the lead one beside it
    assert (second.departments, second.partners) == (["危化股"], ["执法大队"])


def test_a_phone_number_slid_into_the_owner_column_goes_back() -> None:
    text = (
        "| 序号 | 工作任务 | 责任股室 | 责任人 | 联系电话 | 完成时限 |\n|---|---|---|---|---|---|\n"
        "| 1 | 城镇新增就业4500人。 | 就业股 | 刘卫东 | 6821035 | 2024年12月底前 |\n"
        "| 2 | 开展职业技能培训3000人次。 | 职业能力建设股 | 6821036 | 2024年11月底前 |\n"
    )
    second = tasktable.parse(text).tasks[1]
    assert (second.owner, second.schedule, second.extra) == (
        "刘卫东",  # carried: the owner cell is merged
        "2024年11月底前",
        {"联系电话": "6821036"},
    )


def test_chixu_tuijin_is_a_schedule_when_cells_are_realigned() -> None:
    text = (
        "| 序号 | 民生实事 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 为城乡居民免费开展两癌筛查1.2万人。 | 县卫健委 | 2024年12月底前 |\n"
        "| 为65岁以上老年人免费健康体检。 | 持续推进 |\n"
    )
    second = tasktable.parse(text).tasks[1]
    assert (second.content, second.schedule, second.departments) == (
        "为65岁以上老年人免费健康体检。",
        "持续推进",
        ["县卫健委"],
    )


def test_a_table_without_seq_takes_the_number_of_its_task_text() -> None:
    text = (
        "| 类别 | 工作内容 | 责任科室 |\n|---|---|---|\n"
        "| 党的建设 | 1.开展“支部对标定级”活动。 | 党建办 |\n"
        "| 党的建设 | 2.每季度开展一次基层党建观摩。 | 党建办 |\n"
    )
    assert [t.seq for t in tasktable.parse(text).tasks] == [1, 2]


@pytest.mark.parametrize(
    "blank",
    [
        "",  # pdfplumber, Word: the merged header's second cell is empty
        "Unnamed: 3",  # markitdown names it so, and reading blanks it
    ],
)
def test_a_blank_header_beside_the_units_column_is_the_partners(blank: str) -> None:
    # 责任单位 is merged over the lead and the assisting units; the second header cell is
    # blank, and its units were dropped into an `unplaced` warning.
    text = (
        f"| 序号 | 工作任务 | 责任单位 | {blank} | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 实施重点项目65个。 | 县发改委 | 县住建局、县自然资源局 | 2024年12月底前 |\n"
        "| 2 | 争取中央预算内资金3亿元。 | 县发改委 | 县财政局 | 2024年10月底前 |\n"
        "| 3 | 完成国有企业整合重组。 | 县国资中心 | 县财政局、县审计局 | 2024年9月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc)[3] == "partners"
    assert [t.partners for t in doc.tasks] == [
        ["县住建局", "县自然资源局"],
        ["县财政局"],
        ["县财政局", "县审计局"],
    ]
    assert not [d for d in doc.diagnostics if d.code == "unplaced"]


def test_a_blank_header_over_numbers_counting_up_is_the_seq() -> None:
    # The 序号 word is missing over the first column; a row with a blank schedule was
    # realigned into content `3`, departments = the task text.
    text = (
        "|  | 工作任务 | 责任股室 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 开展安全生产治本攻坚行动，事故起数下降10%。 | 综合协调股 | 全年 |\n"
        "| 2 | 召开安委会全体会议4次。 | 综合协调股 | 每季度 |\n"
        "| 3 | 上半年完成应急指挥平台招标，下半年建成。 | 信息中心 |  |\n"
        "| 4 | 组织综合应急演练2次。 | 应急救援股 | 2024年9月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc)[0] == "seq"
    assert [t.seq for t in doc.tasks] == [1, 2, 3, 4]
    third = doc.tasks[2]
    assert (third.content, third.departments, third.schedule) == (
        "上半年完成应急指挥平台招标，下半年建成。",
        ["信息中心"],
        None,
    )


def test_a_blank_header_column_of_shifted_cells_stays_spurious() -> None:
    # Cells stand in the blank column only where their own column (责任单位) is blank: a
    # converter shifted them right, and realignment moves them back.
    text = (
        "| 序号 | 工作任务 | 责任单位 |  | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 实施重点项目65个。 |  | 县发改委 | 2024年12月底前 |\n"
        "| 2 | 争取中央预算内资金3亿元。 |  | 县财政局 | 2024年10月底前 |\n"
        "| 3 | 完成国有企业整合重组。 | 县国资中心 |  | 2024年9月底前 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc)[3] is None
    assert [t.departments for t in doc.tasks] == [["县发改委"], ["县财政局"], ["县国资中心"]]


def test_start_and_finish_columns_are_one_schedule_due_at_the_finish() -> None:
    # 计划开工时间 | 计划竣工时间, both read from their date cells: the start column took the
    # schedule (due at the start month) and the finish went to extra.
    text = (
        "| 序号 | 项目名称 | 建设内容 | 计划开工时间 | 计划竣工时间 | 责任单位 |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | 县第二人民医院 | 新建门诊楼、住院楼等3.2万平方米。 | 2024年3月 | 2025年12月 | 县卫健委 |\n"
        "| 2 | 城北污水处理厂 | 新建日处理能力3万吨污水处理厂1座。 | 2024年5月 | 2024年12月 | 县住建局 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc)[3:5] == ["schedule", "schedule"]
    first = doc.tasks[0]
    assert first.schedule == "计划开工时间：2024年3月；计划竣工时间：2025年12月"
    assert str(first.due) == "2025-12-31"
    assert [m.when.text for m in first.milestones if m.when] == ["2024年3月", "2025年12月"]


@pytest.mark.parametrize("quarter", ["一季度", "第一季度", "1季度"])
def test_quarter_columns_are_the_schedule_each_under_its_quarter(quarter: str) -> None:
    # 年度目标 (different in every row) was read as a theme, and the quarters stayed extra.
    text = (
        f"| 序号 | 重点工作 | 年度目标 | {quarter} | 二季度 | 三季度 | 四季度 | 责任科室 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 1 | 社会消费品零售总额 | 增长6.5% | 增长5% | 增长5.5% | 增长6% | 增长6.5% | 商贸流通科 |\n"
        "| 2 | 外贸进出口总额 | 达到45亿元 | 10亿元 | 22亿元 | 33亿元 | 45亿元 | 外贸科 |\n"
        "| 3 | 新增限上商贸企业 | 40家 | 8家 | 20家 | 30家 | 40家 | 商贸流通科 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc) == ["seq", "project", "content"] + ["schedule"] * 4 + ["departments"]
    second = doc.tasks[1]
    assert (second.project, second.content) == ("外贸进出口总额", "达到45亿元")
    assert second.schedule == f"{quarter}：10亿元；二季度：22亿元；三季度：33亿元；四季度：45亿元"
    assert [m.action for m in second.milestones] == ["10亿元", "22亿元", "33亿元", "45亿元"]
    assert str(second.due) == "2024-12-31"


@pytest.mark.parametrize("amount", ["15.6", "8.3", "3.6", "22"])
def test_bare_amounts_are_no_date_phrases(amount: str) -> None:
    # 总投资（亿元） was read as the schedule ("its cells are date phrases") and the term of
    # the project (建设起止年限, 2023-2025) was left under extra.
    text = (
        "| 序号 | 项目名称 | 建设内容及规模 | 总投资（亿元） | 建设起止年限 | 责任单位 |\n"
        "|---|---|---|---|---|---|\n"
        f"| 1 | 区人民医院迁建工程 | 总建筑面积12万平方米。 | {amount} | 2023-2025 | 区卫健委 |\n"
        "| 2 | 智能制造产业园 | 建设标准化厂房30万平方米。 | 8.3 | 2024-2026 | 区工信局 |\n"
        "| 3 | 滨江大道综合改造 | 改造道路6.8公里。 | 3.6 | 2024 | 区住建局 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert _roles(doc)[3:5] == ["extra", "schedule"]
    first = doc.tasks[0]
    assert (first.schedule, first.extra) == ("2023-2025", {"总投资（亿元）": amount})


def test_a_units_column_right_of_the_text_is_no_theme() -> None:
    # 单位 (%, 人) recurs, but stands right of the indicator names: a theme stands left of
    # the content (SPEC §2). It was read as the theme `%`.
    text = (
        "| 序号 | 指标名称 | 单位 | 2024年目标 | 牵头单位 | 责任单位 |\n|---|---|---|---|---|---|\n"
        "| 1 | 地区生产总值增速 | % | 6.5左右 | 县发改委 | 县统计局 |\n"
        "| 2 | 规模以上工业增加值增速 | % | 8 | 县经信局 | 各乡镇 |\n"
        "| 3 | 固定资产投资增速 | % | 7 | 县发改委 | 县重点局 |\n"
        "| 4 | 城镇新增就业 | 人 | 5000 | 县人社局 | 各乡镇 |\n"
    )
    doc = tasktable.parse(text, year=2024)
    assert "theme" not in _roles(doc)
    assert [t.theme for t in doc.tasks] == [None] * 4
    assert doc.tasks[3].extra["单位"] == "人"
    assert doc.tasks[3].content == "城镇新增就业"


def test_a_row_shifted_into_a_trailing_blank_header_column_keeps_its_department() -> None:
    # The whole row slid one column right (its blank 主题 cell was dropped): the unit in the
    # blank-header column is the department, not an assisting unit, since the 责任部门 cell
    # beside it holds the schedule (found by the property test_shifted_table_is_put_back).
    text = (
        "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |  |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 |  | 坚持创新驱动，增强发展动能 | 推进数字政府建设 | "
        "全面梳理政务服务事项，推动更多事项实现网上办理和一次办成。 | "
        "一季度制定工作方案；二季度全面启动实施；三季度开展中期评估；四季度总结验收。 | 县发改局 |\n"
    )
    doc = tasktable.parse(text, year=2015)
    assert _roles(doc)[6] is None
    task = doc.tasks[0]
    assert (task.departments, task.partners) == (["县发改局"], [])
    assert task.content == "全面梳理政务服务事项，推动更多事项实现网上办理和一次办成。"


_QUARTERLY = (
    "| 序号 | 重点任务 | 季度目标 | 责任单位 |\n|---|---|---|---|\n"
    "| 1 | 实施国道改线工程12公里。 | {plan} | 公路中心 |\n"
    "| 2 | 新改建农村公路80公里。 | 一季度完成项目计划下达，二季度开工40公里，"
    "三季度累计完成60公里，四季度全部完工。 | 农村公路股 |\n"
    "| 3 | 开通城乡公交线路4条。 | 上半年开通2条，下半年开通2条。 | 运输股 |\n"
)


@pytest.mark.parametrize(
    "plan",
    [
        "一季度：完成施工图设计；二季度：开工建设；三季度：完成路基工程；四季度：完成路面工程并通车。",
        "3月底前完成施工图设计；6月开工建设；9月完成路基工程；12月底前完成路面工程并通车。",
        "2024年3月：完成施工图设计；2024年12月：通车。",
    ],
)
def test_a_schedule_by_periods_under_an_unknown_header_was_read_as_content(plan: str) -> None:
    # Cells whose clauses each open with a period are a schedule, however long: the column
    # is the schedule, and the one task-text column (重点任务) the content.
    doc = tasktable.parse(_QUARTERLY.format(plan=plan), year=2024)
    assert _roles(doc) == ["seq", "content", "schedule", "departments"]
    assert doc.tasks[0].content == "实施国道改线工程12公里。"
    assert doc.tasks[0].schedule == plan
    assert [len(t.milestones) for t in doc.tasks][1:] == [4, 2]


@pytest.mark.parametrize(
    "text",
    [
        "一季度完成施工图设计和招标，力争全年开工建设，确保按期建成通车。",  # first clause only
        "全年新增城镇就业5000人以上，每月召开一次就业形势调度会。",  # 全年, a rate
        "完成施工图设计，3月底前开工。",
    ],
)
def test_a_sentence_naming_dates_in_passing_is_no_schedule_by_periods(text: str) -> None:
    assert kind_of(text) == "sentence"


@pytest.mark.parametrize(
    "text", ["一季度：完成设计；二季度：开工。", "上半年开通2条，下半年开通2条。"]
)
def test_clauses_each_opening_with_a_period_are_a_date(text: str) -> None:
    assert kind_of(text) == "date"


# A project's term, its years joined by any range dash: profiles._YEARS used its own dash set,
# which took – but not ——, while dates took —— but not –.
@pytest.mark.parametrize(
    "text", ["2021-2023", "2021—2023年", "2021–2023", "2021——2023", "2021 至 2023年"]
)
def test_a_span_of_years_with_any_dash_is_a_date(text: str) -> None:
    assert kind_of(text) == "date"
