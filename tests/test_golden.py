"""Whole-document golden files: tests/fixtures/<case>.md parses to <case>.json.

A golden file is written by the code it checks, so on its own it proves only that the code
ran: each case also has facts written by hand from its input table (READ below), what a
reader of the table sees. ``pytest tests/test_golden.py --update-golden`` rewrites the files,
prints the diff and fails (tests/conftest.py), so no regeneration goes unread.
The sample is a golden case too: samples/ is the reference input (SPEC, seed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tasktable
from golden import as_validated, dump, trusted_models

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SAMPLE = HERE.parent / "samples" / "lianyungang-kexie-2019.md"

CASES = [*sorted(FIXTURES.glob("*.md")), SAMPLE]

_DIGITAL = "坚持创新驱动，增强发展动能"
_ROADS = "畅通交通网络，服务区域发展"
_UPKEEP = "开展农村公路日常养护，提升路况水平，优良中等路比例达到85%以上。"
_UPKEEP_WHEN = "全年开展日常养护；每季度组织一次路况检查。"

#: The same four tasks written by marker, docling and MinerU (converter-*.md).
_FOUR_TASKS: tuple[int, dict[int, dict[str, object]]] = (
    4,
    {
        2: {"theme": _DIGITAL, "project": "推进数字政府建设", "departments": ["县发改局"]},
        3: {"theme": _DIGITAL, "project": "实施科技企业培育", "departments": ["县工信局"]},
        4: {"theme": "聚焦民生实事，提升群众获得感", "schedule": "11月底前"},
    },
)

#: Read by hand from each case's input: how many tasks, and fields of some of them, by
#: position (1 for the first task). Merged cells are read as a reader of the printed table
#: reads them: a blank merged cell belongs to the label of its span.
READ: dict[str, tuple[int, dict[int, dict[str, object]]]] = {
    "aligned": (
        4,
        {
            2: {
                "theme": _ROADS,
                "project": "推进农村公路建设",
                "content": "做好防汛工作。",
                "departments": ["办公室", "公路管理站"],
            },
            4: {"theme": "深化改革创新，提升治理效能", "schedule": None},
        },
    ),
    "converter-docling-repeated": _FOUR_TASKS,
    "converter-marker-blank": _FOUR_TASKS,
    "converter-mineru-html": _FOUR_TASKS,
    "lead-partner-cells": (
        4,
        {
            1: {"departments": ["区住建局"], "partners": ["区财政局"], "owner": "王五"},
            2: {"departments": ["区住建局"], "partners": ["区交通局", "区城管局"]},
            3: {"departments": ["区住建局"], "partners": ["区发改局", "区自然资源局"]},
            4: {"departments": ["区住建局"], "partners": ["区应急局"]},
        },
    ),
    "lost-seq": (
        6,
        {
            3: {
                "seq": 3,
                "sub": 1,
                "theme": "城市治理",
                "content": "推进城市运行管理服务平台建设，接入设施数据10类。",
                "departments": ["数字城管中心"],
            },
            5: {"seq": 4, "sub": 2, "content": "规范共享单车停放秩序。"},
        },
    ),
    "minsheng-4col": (
        4,
        {
            2: {
                "content": "新增城区中小学学位1000个",
                "schedule": "2024年8月底前",
                "departments": ["县教育局"],
            },
            4: {"departments": ["县住建局", "各镇街"], "schedule": "年底前"},
        },
    ),
    "grouped-rows": (
        6,
        {
            1: {"seq": 1, "sub": 1, "theme": "养老服务", "project": "提升养老服务水平"},
            2: {"seq": 1, "sub": 2, "partners": ["社会事务科"]},
            3: {"seq": 2, "sub": 1, "project": "发展老年助餐服务"},
            4: {"seq": 2, "sub": 2, "content": "开展助餐服务质量评估1次。"},
            5: {"seq": 3, "sub": 1, "theme": "社会救助", "project": None},
            6: {"seq": 4, "departments": ["社会救助科"], "partners": ["基层政权科"]},
        },
    ),
    "note-rows": (
        4,
        {
            2: {"content": "新建保障性住房300套。", "theme": None, "project": None},
            3: {"content": "完成燃气管道更新改造15公里。", "theme": None, "project": None},
            4: {"schedule": "持续推进", "departments": ["安监站"]},
        },
    ),
    "owner-phone-7col": (
        2,
        {
            1: {
                "content": "全年实施重大项目60个以上，完成投资120亿元",
                "departments": ["投资科"],
                "partners": ["各镇街", "区财政局"],
                "owner": "王五",
                "extra": {"联系电话": "0518-1234567"},
            },
        },
    ),
    "role-map": (
        2,
        {
            1: {
                "schedule": "6月底前",
                "content": "完成审计整改工作，6月底前报送",
                "departments": ["审计处"],
                "extra": {},
            }
        },
    ),
    "rows-without-seq": (
        5,
        {
            2: {
                "seq": 1,
                "sub": 2,
                "content": "（2）实施安防工程50公里。",
                "schedule": "10月底前",
                "departments": ["县公路事业发展中心"],
            },
            3: {"seq": 1, "sub": 3, "content": "改造危桥20座", "schedule": "11月底前"},
            4: {
                "seq": 2,
                "content": "新开通城乡公交线路3条，推动镇村公交全覆盖。",
                "departments": ["县交通运输局"],
            },
        },
    ),
    "sections-key-tasks": (
        4,
        {
            1: {
                "theme": "经济社会发展的主要预期目标",
                "content": "地区生产总值增长6%左右",
                "departments": ["县发改局"],
                "partners": ["县统计局"],
            },
            3: {"departments": ["县工信局"], "partners": ["县统计局", "各镇"]},
        },
    ),
    "shift-left-1": (
        4,
        {
            3: {
                "project": "推进农村公路建设",
                "content": _UPKEEP,
                "schedule": _UPKEEP_WHEN,
                "departments": ["公路管理站"],
            },
            4: {"theme": _ROADS, "project": "优化客运服务"},
        },
    ),
    "shift-left-2": (
        4,
        {
            3: {"theme": _ROADS, "content": _UPKEEP, "schedule": _UPKEEP_WHEN},
            4: {"project": "优化客运服务", "departments": ["运输管理科"]},
        },
    ),
    "shift-right-1": (
        4,
        {3: {"content": _UPKEEP, "schedule": _UPKEEP_WHEN, "departments": ["公路管理站"]}},
    ),
    "shift-right-2": (
        5,
        {
            4: {
                "theme": _ROADS,
                "project": "推进农村公路建设",
                "content": "开展农村公路路域环境整治，清理占道堆积物。",
                "schedule": "二季度集中整治；10月底前完成复查。",
                "departments": ["公路管理站"],
            },
            5: {"project": "优化客运服务", "departments": ["运输管理科"]},
        },
    ),
    "two-row-header": (
        3,
        {
            1: {"departments": ["县卫健委"], "partners": ["县医保局", "县财政局"]},
            3: {
                "content": "为65周岁以上老年人免费体检不少于2万人次。",
                "departments": ["县卫健委"],
                "partners": ["各镇"],
                "schedule": "11月底前",
            },
        },
    ),
    "lianyungang-kexie-2019": (
        61,
        {
            4: {
                "project": "强化政治引领",
                "content": "联合有关单位，组织开展第五届青年科技奖、优秀工程师奖等工作，"
                "激励更多科技人才创新争先。",
                "departments": ["学会部"],
            },
            11: {"theme": "擦亮四个品牌，融合各类创新资源服务“高质量发展”大局"},
            20: {"project": "擦亮科普惠农品牌", "departments": ["科普部"]},
        },
    ),
}


def test_every_case_has_facts_read_by_hand() -> None:
    assert sorted(READ) == sorted(case.stem for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_case_says_what_a_reader_of_its_table_sees(case: Path) -> None:
    count, facts = READ[case.stem]
    doc = tasktable.parse_file(case)
    assert len(doc.tasks) == count
    for position, fields in facts.items():
        task = doc.tasks[position - 1]
        assert {field: getattr(task, field) for field in fields} == fields, position


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_golden(case: Path, update_golden: bool) -> None:
    golden = FIXTURES / f"{case.stem}.json"
    actual = dump(case)
    if update_golden:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(golden.read_text("utf-8"))
    assert actual == expected, f"{case.name} no longer parses to {golden.name}"


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_trusted_models_are_what_validation_gives(case: Path) -> None:
    """The parser builds its targets, milestones and tasks without validation
    (``_Model.trusted``): validated, each is the same values of the same types."""
    for model in trusted_models(tasktable.parse_file(case)):
        built, validated = as_validated(model)
        assert built == validated, model
