"""Time of every recogniser on long adversarial strings, to show that it grows linearly.

    python benchmarks/bench_adversarial.py

For each repeated unit (runs of 一, 月, 、, digits, 不少于, pipes, quote marks…), times
find_periods, find_targets and a whole parse of a one-cell table at 10,000 and 100,000
characters and prints the ratio of the two (10 is linear; a quadratic pattern shows about
100). tests/test_adversarial.py feeds the same strings, so a regression also shows there as
a test that does not finish.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

import tasktable

UNITS = {
    "一": "一",
    "一二三": "一二三",
    "一、": "一、",
    "十": "十",
    "月": "月",
    "、": "、",
    "digits": "1",
    "full-width": "５",
    "1-": "1-",
    "不少于": "不少于",
    "不少于5万": "不少于5万",
    "3人、": "3人、",
    "各3家、": "各3家、",
    "每周3期": "每周3期",
    "5月上旬-": "5月上旬-",
    "二〇一九年": "二〇一九年",
    "“": "“",
    "“a”3人": "“a”3人",
    "1万": "1万",
    "pipes": "|",
}

HEADER = "| 序号 | 项目内容 | 序时进度 | 责任部门 |\n|---|---|---|---|\n"


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    recognisers: dict[str, Callable[[str], object]] = {
        "find_periods": lambda text: tasktable.find_periods(text, year=2019),
        "find_targets": tasktable.find_targets,
        "parse (one cell)": lambda text: tasktable.parse(
            HEADER + "| 1 | " + text.replace("|", "\\|") + " | 全年 | 办公室 |\n"
        ),
    }
    print(f"{'unit':<14}" + "".join(f"{name:>22}" for name in recognisers))
    print(f"{'':<14}" + f"{'100k / 10k time (10 = linear)':>66}")
    worst = 0.0
    for label, unit in UNITS.items():
        cells = []
        for run in recognisers.values():
            times = []
            for size in (10_000, 100_000):
                text = (unit * (size // len(unit) + 1))[:size]
                times.append(min(seconds(partial(run, text)) for _ in range(2)))
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            cells.append(f"{ratio:>8.1f} ({times[1] * 1e3:>7.0f} ms)")
        print(f"{label:<14}" + "".join(f"{cell:>22}" for cell in cells))
    print(f"\nworst ratio: {worst:.1f} (goal: about 10, well below 100)")


if __name__ == "__main__":
    main()
