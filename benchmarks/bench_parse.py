"""Time tasktable.parse against markdown-it-py's own parse of the same text, in one run.

    python benchmarks/bench_parse.py [--rounds N]

For the sample and for larger inputs made of copies of it (as many tables, and as one long
table), runs both parsers in alternation (so that machine noise hits both alike) and prints
the median time of each and their ratio; then how each one's time grows with the input, as a
ratio to linear; the peak memory (tracemalloc) of each on the 100-copy input; and the share of
the sample's parse spent finding targets; what reading centred labels costs, on the
pymupdf4llm converter fixture; and how placing centred labels far apart grows with the rows
between them (three project labels in 1,000 to 4,000 otherwise blank rows, which once took
quadratic time: 6.8 s at 4,000 rows). Compare ratios, not times, between machines.
Goals: the sample at most 2x markdown-it-py; time within 10% of linear; peak memory below
markdown-it-py's.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from markdown_it import MarkdownIt

import tasktable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lianyungang-kexie-2019.md"
#: pymupdf4llm's layout mode: labels in the middle of their spans, placed by printed height
CENTRED = ROOT / "tests" / "fixtures" / "converters" / "agri-2021.pymupdf4llm.md"


def alternate(
    first: Callable[[], object], second: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median seconds of each callable, run in alternation ``rounds`` times."""
    a, b = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        first()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        second()
        b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def one_long_table(text: str, copies: int) -> str:
    """The sample's rows ``copies`` times under one header: a single table, no page breaks."""
    lines = [line for line in text.split("\n") if line.startswith("|")]
    header, delimiter = lines[0], lines[1]
    rows = [line for line in lines if line not in (header, delimiter)]
    return "\n".join([header, delimiter, *rows * copies]) + "\n"


#: A header whose merged columns are theme, project and department (centred_far_apart).
_HEADER = "| 序号 | 主题 | 项目名称 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|---|---|\n"
#: Three project labels (推进数字政府建设 "digital government", 实施科技企业培育 "tech firms",
#: 建设智慧城市平台 "smart city"), each in the middle of a third of the table.
_FAR_LABELS = ("推进数字政府建设", "实施科技企业培育", "建设智慧城市平台")


def centred_far_apart(rows: int) -> str:
    """``rows`` one-line rows (开展专项工作。 "carry out the work", 全年。 "all year"), blank
    but for three project labels each in the middle of its third: long blank runs for the
    placement to cut."""
    labels = {(2 * number + 1) * rows // 6: label for number, label in enumerate(_FAR_LABELS)}
    lines = [
        f"| {index + 1} | | {labels.get(index, '')} | 开展专项工作。 | 全年。 | |\n"
        for index in range(rows)
    ]
    return _HEADER + "".join(lines)


def peak_memory(run: Callable[[], object]) -> float:
    """Peak bytes traced while ``run`` runs, its result included."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=200, help="runs of the 1-copy input")
    args = parser.parse_args()
    text = SAMPLE.read_text(encoding="utf-8")
    markdown = MarkdownIt("commonmark").enable("table")
    tasktable.parse(text)  # imports and first-call setup are not what we measure

    def tables(copies: int) -> str:
        return "\n\n".join([text] * copies)

    def long_table(copies: int) -> str:
        return one_long_table(text, copies)

    shapes: dict[str, Callable[[int], str]] = {"tables": tables, "long table": long_table}
    print(f"{'input':<30}{'markdown-it-py':>16}{'tasktable':>12}{'ratio':>8}")
    growth: dict[str, dict[int, tuple[float, float]]] = {}
    for shape, make in shapes.items():
        growth[shape] = {}
        for copies in (1, 10, 100):
            big = make(copies)
            rounds = max(5, args.rounds // copies)
            md_time, tt_time = alternate(
                partial(markdown.parse, big), partial(tasktable.parse, big), rounds
            )
            growth[shape][copies] = (md_time, tt_time)
            label = f"{shape} x{copies} ({len(big) // 1024} KiB)"
            times = f"{md_time * 1e3:>13.2f} ms{tt_time * 1e3:>9.2f} ms"
            print(f"{label:<30}{times}{tt_time / md_time:>7.2f}x")

    print("\ntime per copy relative to one copy (1.00 = linear; goal for tasktable: within 10%):")
    print(f"  {'input':<18}{'markdown-it-py':>16}{'tasktable':>12}")
    for shape, per_copies in growth.items():
        md_1, tt_1 = per_copies[1]
        for copies, (md_time, tt_time) in per_copies.items():
            ratios = f"{md_time / copies / md_1:>16.2f}{tt_time / copies / tt_1:>12.2f}"
            print(f"  {shape + ' x' + str(copies):<18}{ratios}")

    big = shapes["tables"](100)
    md_peak = peak_memory(lambda: markdown.parse(big))
    tt_peak = peak_memory(lambda: tasktable.parse(big))
    print(
        f"\npeak memory, tables x100: markdown-it-py {md_peak / 1e6:.1f} MB, "
        f"tasktable {tt_peak / 1e6:.1f} MB ({tt_peak / md_peak:.2f}x; goal: below 1)"
    )

    document = tasktable.parse(text)
    cells = [
        (cell, field)
        for task in document.tasks
        for cell, field in ((task.content, "content"), (task.schedule, "schedule"))
        if cell
    ]

    def targets() -> None:
        for cell, field in cells:
            tasktable.find_targets(cell, field=field)  # type: ignore[arg-type]

    target_time, parse_time = alternate(targets, lambda: tasktable.parse(text), args.rounds)
    print(
        f"\ntarget extraction on the sample: {target_time * 1e3:.2f} ms of "
        f"{parse_time * 1e3:.2f} ms parse ({target_time / parse_time:.0%})"
    )

    centred = CENTRED.read_text(encoding="utf-8")
    md_time, centred_time = alternate(
        partial(markdown.parse, centred), partial(tasktable.parse, centred), args.rounds
    )
    top_time, centred_time = alternate(
        partial(tasktable.parse, centred, merged="top"),
        partial(tasktable.parse, centred),
        args.rounds,
    )
    print(
        f"\ncentred labels ({CENTRED.name}): markdown-it-py {md_time * 1e3:.2f} ms, "
        f"tasktable {centred_time * 1e3:.2f} ms ({centred_time / md_time:.2f}x); read as top "
        f"style instead {top_time * 1e3:.2f} ms: placing and doubting the spans costs "
        f"{(centred_time - top_time) / centred_time:.0%}"
    )

    print("\ncentred labels far apart (merged='centre'), time per row relative to 1,000 rows:")
    per_row: dict[int, float] = {}
    for rows in (1000, 2000, 4000):
        far = centred_far_apart(rows)
        md_time, tt_time = alternate(
            partial(markdown.parse, far), partial(tasktable.parse, far, merged="centre"), 3
        )
        per_row[rows] = tt_time / rows
        print(
            f"  {rows:>5} rows: tasktable {tt_time * 1e3:8.1f} ms ({tt_time / md_time:.2f}x "
            f"markdown-it-py), {per_row[rows] / per_row[1000]:.2f} (1.00 = linear)"
        )


if __name__ == "__main__":
    main()
