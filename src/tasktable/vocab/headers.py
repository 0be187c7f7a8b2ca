"""Header words that name each column role (SPEC §2).

Matching is done on the header text with spaces, line breaks and Markdown emphasis removed.
An exact match wins; otherwise the longest synonym that ends the header, or a part of it
(HEAD_END), decides, so that 主要责任单位 (main responsible unit) is departments, not a vaguer
role, and 任务来源 (where a task comes from) names no role, though it contains 任务 (task).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, get_args

from ..patterns import compiled
from .dates import HALF_YEAR, MONTH_CUE_NUMBER, QUARTER_NUMBER, RANGE_JOINER

#: role -> header words seen in real tables, seed header first. Not a closed list: a column
#: whose header names no role gets one from its cells (stages/roles.py).
HEADER_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    # 序号 "serial number"
    "seq": ("序号", "编号", "序", "项目编号", "任务编号"),
    # 主题 "theme": the broadest grouping
    "theme": (
        "主题",
        "类别",
        "分类",  # classification
        "板块",  # sector
        "领域",  # field
        "重点领域",
        "一级任务",  # first-level task
        "事项分类",
        "任务类别",
        "工作类别",
        "专项",  # special programme
    ),
    # 项目名称 "project name"
    "project": (
        "项目名称",
        "重点工作",
        "工作任务",
        "任务名称",
        "项目",
        "二级任务",
        "重点任务",  # key task
        "事项名称",  # item name
        "工作事项",  # work item
    ),
    # 项目内容 "project content"
    "content": (
        "项目内容",
        "主要内容",
        "目标任务",
        "年度目标任务",
        "具体措施",
        "工作措施",
        "任务内容",
        "工作内容",
        "具体任务",  # specific tasks
        "民生实事",  # livelihood projects: the task text of a 民生实事 table
        "事项",  # item
        "建设内容",  # what is built
        "目标要求",  # goals and requirements
        "主要任务",  # main tasks
        "重点工作任务",  # key work tasks
        "任务",  # task: a header that says no more is the task text
        "工作目标",  # work goal
        "任务目标",
        "具体事项",
    ),
    # 序时进度 "schedule": when a task is due (a plan, never a report)
    "schedule": (
        "序时进度",
        "完成时限",
        "时间节点",
        "进度安排",
        "时间安排",
        "完成时间",
        "计划完成时间",
        "时限",  # time limit
        "时限要求",
        "完成期限",  # deadline
        "办结时限",
        "时间进度",  # timetable
        "时序进度",
        "进度",  # progress: a plan or a report, the cells decide (stages/roles.py)
    ),
    # 责任部门 "responsible department"
    "departments": (
        "责任部门",
        "责任单位",
        "牵头单位",
        "责任科室",
        "责任股室",  # responsible section (county bureaus)
        "承办股室",
        "主要责任单位",
        "牵头部门",
        "牵头责任单位",
        "责任处室",  # responsible division
        "牵头处室",  # leading division
        "牵头股室",
        "牵头科室",
        "承办单位",  # undertaking unit
        "实施单位",  # implementing unit
        "责任主体",  # responsible body
        "牵头",  # lead: the lower row of a two-row header 责任单位 / 牵头 | 配合
    ),
    # 配合单位 "cooperating units"
    "partners": (
        "配合单位",
        "协同单位",
        "协办单位",
        "协同配合单位",
        "配合部门",
        "参与单位",
        "协同责任单位",
        "配合股室",
        "配合科室",
        "配合处室",
        "配合",
    ),
    # 责任人 "person in charge"
    "owner": (
        "责任人",
        "负责人",
        "分管领导",
        "牵头负责领导",
        "责任领导",
        "牵头领导",
        "联系领导",
        "区政府分管领导",
        "县政府分管领导",
        "市政府分管领导",
        "领导",  # leader: 牵头县领导 is a person, though it names 牵头 (lead) too
        "县领导",
        "市领导",
        "区领导",
    ),
    # 进展情况 "progress": a report of what was done, not a plan, so never the schedule
    "progress": (
        "进展情况",
        "完成情况",
        "当前进度",
        "工作进展",
        "推进情况",
        "落实情况",
        "目前进展",
        "进展",
    ),
    # kept verbatim under the header, with no warning: 联系电话 phone, 联系人 contact, 备注 note;
    # and what a progress report (督查表) writes beside the task: 存在问题 problems met,
    # 下步措施 / 下步打算 / 下一步工作 next steps (the task is the plan's, not these)
    "extra": (
        "联系电话",
        "电话",
        "联系人",
        "联系方式",
        "备注",
        "存在问题",
        "存在的问题",
        "下步措施",
        "下一步措施",
        "下步打算",
        "下一步打算",
        "下步工作",
        "下一步工作",
        "下步工作计划",
        "下一步工作计划",
    ),
}

#: What may follow the header word that names a header: its end, a conjunction or mark joining
#: two names (责任科室及责任人, 建设内容和规模, 责任单位/责任人), or a note in brackets (责任单位
#: （科室）, 完成时限（时间节点）). Chinese compounds end in their head noun, which says what the
#: column holds: 任务来源 is a 来源 (source), 工作要求 a 要求 (requirement); a word that something
#: else follows (任务, 工作) only qualifies it and names no role. 名称 / 姓名 (name) after the word
#: name what it names: 责任人姓名 is the owner, 责任单位名称 the departments.
HEAD_END: Final = compiled(r"(?:名称|姓名)?(?:$|[及和与、/／,，;；（()）])")

#: Project words that name the task itself (SPEC §2 "one word, several roles"): the project
#: beside a column of longer task text (工作任务 | 具体措施), the content where the table's
#: other text is short labels (工作任务 | 目标要求: 开展…审计。 | 全覆盖).
TASK_WORDS: Final = frozenset({"工作任务", "重点工作", "重点任务"})

#: The word that names a plan or a report (序时进度 plans, 当前进度 reports): a schedule
#: column named by it is decided by its cells (stages/roles.py), unless its header also says
#: when (时限 time limit, 时间 time, 节点 milestone, 期限 term, 安排 arrangement, 序时 / 时序
#: in order of time, 计划 plan).
AMBIGUOUS_PROGRESS_WORD: Final = "进度"
PLAN_WORDS: Final = ("时限", "时间", "节点", "期限", "安排", "序时", "时序", "计划")

#: Words that say a column holds what is planned, a target (目标值 target value, 主要指标 main
#: indicators, 预期 expected, 计划 planned): its 6%, 8% are goals, never a report of progress,
#: so such a column is progress only where its header names progress (stages/roles.py).
TARGET_WORDS: Final = ("目标", "指标", "预期", "计划")

#: A header that is nothing but a period of the plan year: 一季度 / 第一季度 quarter, 1月 / 1-3月
#: month(s), 上半年 / 下半年 half-year, perhaps with 前 / 底 / 末 (before / end of). Such
#: columns (一季度 | 二季度 | 三季度 | 四季度, often under a merged 时间节点) hold what is due in
#: that period: together they are the schedule (stages/roles.py). A bare year (2024年目标)
#: is none: it names the plan, not a part of it.
PERIOD_HEADER: Final = compiled(
    rf"^(?:第?{QUARTER_NUMBER}季度"
    rf"|{MONTH_CUE_NUMBER}(?:{RANGE_JOINER}{MONTH_CUE_NUMBER})?月份?"
    rf"|{HALF_YEAR})(?:底前|末前|前|底|末)?$"
)

#: Department header words that name the lead units. Where a table has one of these and
#: another units column (责任单位, 协同责任单位), the lead column is the departments and the
#: other the partners (SPEC §2), whatever their order.
LEAD_HEADERS: Final = frozenset(
    {
        "牵头单位",
        "主要责任单位",
        "牵头责任单位",
        "牵头部门",
        "牵头处室",
        "牵头股室",
        "牵头科室",
        "牵头",
    }
)

#: The roles a column can take: the task fields in the order of the seed header, and extra
#: (a column kept under its header). The output models' type (models.Role) too.
Role = Literal[
    "seq",
    "theme",
    "project",
    "content",
    "schedule",
    "departments",
    "partners",
    "owner",
    "progress",
    "extra",
]

#: The roles a task field can take, in the order of the seed header.
ROLES: Final[tuple[str, ...]] = get_args(Role)[:-1]

#: A header row must name at least this many distinct roles to count as a header.
MIN_HEADER_ROLES: Final = 2

#: Roles whose cells a table may merge across rows (SPEC §4); content and schedule never merge.
MERGED_ROLES: Final = frozenset({"theme", "project", "departments", "partners", "owner"})

#: The header each role is written under in the clean outputs (md, html, xlsx): the seed's
#: words, 责任单位 for the lead units and 进展情况 for a progress report.
ROLE_LABELS: Final[dict[str, str]] = {
    "seq": "序号",
    "theme": "主题",
    "project": "项目名称",
    "content": "项目内容",
    "schedule": "序时进度",
    "departments": "责任单位",
    "partners": "配合单位",
    "owner": "责任人",
    "progress": "进展情况",
}

#: The roles a user's role map may give: the task fields, and extra (kept under the header).
MAPPABLE_ROLES: Final[tuple[str, ...]] = get_args(Role)

#: What each role's cells hold, to tell a converter's left fill from data (SPEC §4): a merged
#: cell repeating its left neighbour of another kind (a 序号 under 主题, a 序时进度 under 责任部门)
#: is a copy the converter made, which no table writes as data.
ROLE_KINDS: Final[Mapping[str, str]] = {
    "seq": "number",
    "theme": "label",
    "project": "label",
    "content": "text",
    "schedule": "text",
    "departments": "units",
    "partners": "units",
    "owner": "people",
    "progress": "text",
}

#: Kinds whose neighbouring columns hold the same text as data: 牵头单位 = 责任单位 = 县商务局
#: (the lead unit is also among the responsible ones), never a left fill.
SAME_TEXT_KINDS: Final = frozenset({"units", "people"})
