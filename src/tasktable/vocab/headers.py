"""Header words that name each column role (SPEC §2).

Matching is done on the header text with spaces, line breaks and Markdown emphasis removed.
An exact match wins; otherwise the longest synonym contained in the header decides, so that
主要责任单位 (main responsible unit) is departments, not a vaguer role.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

#: role -> header words seen in real tables, seed header first.
HEADER_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    # 序号 "serial number"
    "seq": ("序号", "编号", "序"),
    # 主题 "theme": the broadest grouping
    "theme": ("主题", "类别", "板块", "重点领域", "一级任务"),
    # 项目名称 "project name"
    "project": (
        "项目名称",
        "重点工作",
        "工作任务",
        "任务名称",
        "项目",
        "二级任务",
        "重点任务",  # key task
        "主要任务",  # main task
    ),
    # 项目内容 "project content"
    "content": (
        "项目内容",
        "主要内容",
        "目标任务",
        "具体措施",
        "工作措施",
        "任务内容",
        "工作内容",
        "具体任务",  # specific tasks
        "民生实事",  # livelihood projects: the task text of a 民生实事 table
    ),
    # 序时进度 "schedule"
    "schedule": (
        "序时进度",
        "完成时限",
        "时间节点",
        "进度安排",
        "时间安排",
        "完成时间",
        "时限",  # time limit
        "完成期限",  # deadline
        "时间进度",  # timetable
        "进度",  # progress
    ),
    # 责任部门 "responsible department"
    "departments": (
        "责任部门",
        "责任单位",
        "牵头单位",
        "责任科室",
        "主要责任单位",
        "牵头部门",
        "责任处室",  # responsible division
        "牵头处室",  # leading division
        "牵头",  # lead: the lower row of a two-row header 责任单位 / 牵头 | 配合
    ),
    # 配合单位 "cooperating units"
    "partners": ("配合单位", "协同单位", "协办单位", "协同配合单位", "配合部门", "配合"),
    # 责任人 "person in charge"
    "owner": ("责任人", "分管领导", "牵头负责领导", "责任领导"),
}

#: The roles a task field can take, in the order of the seed header.
ROLES: Final[tuple[str, ...]] = (
    "seq",
    "theme",
    "project",
    "content",
    "schedule",
    "departments",
    "partners",
    "owner",
)

#: A header row must name at least this many distinct roles to count as a header.
MIN_HEADER_ROLES: Final = 2

#: Roles whose cells a table may merge across rows (SPEC §4); content and schedule never merge.
MERGED_ROLES: Final = frozenset({"theme", "project", "departments", "partners", "owner"})

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
}

#: Kinds whose neighbouring columns hold the same text as data: 牵头单位 = 责任单位 = 县商务局
#: (the lead unit is also among the responsible ones), never a left fill.
SAME_TEXT_KINDS: Final = frozenset({"units", "people"})
