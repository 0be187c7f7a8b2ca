"""The cluster recipe of docs/scale.md, run on a local Dask scheduler (the ``dask`` extra)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import dask.bag as db  # the test extra installs the dask extra
import pytest

import tasktable
from tasktable.cli import main

SAMPLE = Path(__file__).parent.parent / "samples" / "lianyungang-kexie-2019.md"

#: dask.bag.from_sequence: dask leaves it and the Bag's methods unannotated, so the Bag is
#: used untyped (Any) rather than each call being marked.
from_sequence = cast(Callable[..., Any], db.from_sequence)


@pytest.fixture
def plans(tmp_path: Path) -> list[str]:
    """Six plans for two years, and one file that is no plan."""
    text = SAMPLE.read_text("utf-8")
    paths = []
    for i in range(6):
        path = tmp_path / f"plan-{i}.md"
        path.write_text(text.replace("2019", str(2019 + i % 2)), "utf-8")
        paths.append(str(path))
    broken = tmp_path / "broken.md"
    broken.write_text("没有表格。\n", "utf-8")  # "no table"
    return [*paths, str(broken)]


def test_a_bag_of_paths_mapped_through_parse_file(plans: list[str]) -> None:
    # docs/scale.md, "Documents": when every file is known to parse.
    good = plans[:-1]
    bag = from_sequence(good, npartitions=2).map(tasktable.parse_file)
    counts = bag.map(lambda document: (document.year, len(document.tasks))).compute(
        scheduler="processes", num_workers=2
    )
    assert counts == [(2019 + i % 2, 61) for i in range(6)]


def test_records_of_survive_a_broken_file_and_match_the_cli(
    plans: list[str], tmp_path: Path
) -> None:
    # docs/scale.md, "Records": the robust form for thousands of files.
    bag = from_sequence(plans, npartitions=3).map(tasktable.records_of).flatten()
    records = bag.compute(scheduler="processes", num_workers=2)
    errors = [r for r in records if "error" in r]
    assert [r["source"] for r in errors] == [plans[-1]]
    tasks = [r for r in records if "error" not in r]
    assert len(tasks) == 6 * 61
    gathered = tmp_path / "all.jsonl"
    assert main([*plans, "-o", str(gathered)]) == 1
    lines = [json.loads(line) for line in gathered.read_text("utf-8").splitlines()]
    assert lines == json.loads(json.dumps(tasks))


def test_the_recipe_in_the_docs_runs_as_a_script(plans: list[str], tmp_path: Path) -> None:
    """docs/scale.md's Dask block, pasted into a file and run as users would, on the default
    (multi-process) scheduler for bags."""
    docs = (Path(__file__).parent.parent / "docs" / "scale.md").read_text("utf-8")
    recipe = docs.split("## Dask", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    work = tmp_path / "job"
    (work / "plans").mkdir(parents=True)
    for path in plans:
        Path(path).rename(work / "plans" / Path(path).name)
    (work / "recipe.py").write_text(recipe, "utf-8")
    run = subprocess.run(
        [sys.executable, "recipe.py"], cwd=work, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "plans/broken.md: no Markdown table found" in run.stdout
    lines = [
        line
        for part in sorted((work / "out").glob("tasks-*.jsonl"))
        for line in part.read_text("utf-8").splitlines()
    ]
    assert len(lines) == 6 * 61
    assert "[(2019, 61), (2020, 61)" in run.stdout
