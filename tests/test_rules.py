"""Repair rules by name (issue 18): listed in order, switched off by name, named in each
diagnostic they emit."""

from __future__ import annotations

from pathlib import Path

import pytest

import tasktable
from tasktable.cli import main
from tasktable.rules import RULE_NAMES, RULES, functions

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lianyungang-kexie-2019.md"
SOURCES = ROOT / "src" / "tasktable"

#: Codes that reading itself reports: no rule emits them, and none can switch them off
#: (``unplaced`` too where realignment is off: the text then stands in no column).
READING_CODES = {
    "encoding",
    "seq-not-a-number",
    "row-without-seq",
    "row-before-header",
    "other-table",
    "row-outside-table",
    "no-year",
}


def test_every_rule_is_a_function_registered_in_the_stage_that_runs_it() -> None:
    """A listed rule with no registered function could be 'switched off' while running."""
    registered = functions()
    for rule in RULES:
        assert registered[rule.name], rule.name
        for name in registered[rule.name]:
            assert name.startswith(f"{rule.stage}."), (rule.name, name)


#: For each rule, a table that needs it: the output with the rule switched off differs.
TABLE_THAT_NEEDS = {
    "dataframe-leftovers": "zoo/agri-2021.markitdown-xlsx.md",
    "one-heading": "zoo/qiaocheng-2025.docling-docx.md",
    "note-rows": "note-rows.md",
    "unfuse-rows": "zoo/agri-2021.pymupdf4llm.md",
    "left-fill": "zoo/agri-2021.pymupdf4llm-legacy.md",
    "roles-from-cells": "role-map.md",
    "column-numbers": "grouped-rows.md",
    "realign": "shift-left-1.md",
    "section-headings": "sections-key-tasks.md",
    "group-headings": "grouped-rows.md",
    "bold-headings": "grouped-rows.md",
    "continuations": "rows-without-seq.md",
    "sub-tasks": "rows-without-seq.md",
    "lost-numbers": "lost-seq.md",
    "centred-labels": "zoo/agri-2021.pymupdf4llm.md",
    "backfill": "../../samples/lianyungang-kexie-2019.md",
    "lost-text": "converters/agri-2021.pdfplumber.md",
}


def test_every_rule_has_a_table_that_needs_it() -> None:
    assert set(TABLE_THAT_NEEDS) == RULE_NAMES


@pytest.mark.parametrize(("rule", "table"), sorted(TABLE_THAT_NEEDS.items()))
def test_a_rule_switched_off_changes_the_table_that_needs_it(rule: str, table: str) -> None:
    """Switching a rule off reaches its function: a rule whose off did nothing would pass
    every other test here."""
    path = ROOT / "tests" / "fixtures" / table
    on = tasktable.parse_file(path)
    off = tasktable.parse_file(path, disable=[rule])
    if rule == "lost-text":  # it only warns
        assert [d.code for d in off.diagnostics] != [d.code for d in on.diagnostics]
    else:
        assert off.model_dump(exclude={"diagnostics"}) != on.model_dump(exclude={"diagnostics"})


def test_every_diagnostic_names_its_rule_or_none_for_reading() -> None:
    for path in [*sorted((ROOT / "tests" / "fixtures").glob("*.md")), SAMPLE]:
        for diagnostic in tasktable.parse_file(path).diagnostics:
            if diagnostic.code in READING_CODES or (
                diagnostic.code == "unplaced" and diagnostic.rule is None
            ):
                assert diagnostic.rule is None, (path.name, diagnostic.code)
            else:
                assert diagnostic.rule in RULE_NAMES, (path.name, diagnostic.code)


@pytest.mark.parametrize("rule", [rule.name for rule in RULES])
def test_a_rule_switched_off_emits_nothing_and_breaks_nothing(rule: str) -> None:
    for path in [*sorted((ROOT / "tests" / "fixtures").glob("*.md")), SAMPLE]:
        doc = tasktable.parse_file(path, disable=[rule])
        assert doc.tasks
        assert not [d for d in doc.diagnostics if d.rule == rule]


def test_realign_off_leaves_shifted_cells_where_the_converter_put_them() -> None:
    on = tasktable.parse_file(SAMPLE)
    off = tasktable.parse_file(SAMPLE, disable=["realign"])
    # Row 25 of the sample lost a merged cell: its project sits under 主题.
    assert on.tasks[24].project == "擦亮建言献策品牌"
    assert off.tasks[24].project != "擦亮建言献策品牌"


def test_sub_tasks_off_joins_every_row_without_seq() -> None:
    text = (
        "| 序号 | 项目内容 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 新建污水处理厂一座。 | 县住建局 |\n|  | 改造雨污管网20公里。 | 县水务局 |\n"
    )
    assert [t.sub for t in tasktable.parse(text).tasks] == [1, 2]
    assert [t.sub for t in tasktable.parse(text, disable=["sub-tasks"]).tasks] == [1]


def test_an_unknown_rule_name_is_an_option_error() -> None:
    with pytest.raises(tasktable.OptionError, match="no rule named 'realing'"):
        tasktable.parse(SAMPLE.read_text("utf-8"), disable=["realing"])


def test_cli_lists_the_rules_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--rules"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names == [rule.name for rule in RULES]


def test_cli_disable_with_an_unknown_rule_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([str(SAMPLE), "--disable", "nope"]) == 2
    assert "no rule named 'nope'" in capsys.readouterr().err
