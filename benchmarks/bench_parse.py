"""Time tasktable.parse against markdown-it-py's own parse of the same text, in one run.

    python benchmarks/bench_parse.py [--rounds N]

For the sample and for larger inputs made of copies of it, runs both parsers in alternation
(so that machine noise hits both alike) and prints the median time of each and their ratio,
then how tasktable's time grows with the input, and the share of the sample's parse spent
finding targets. Compare ratios, not times, between machines.
Goal for the sample: tasktable at most 2x markdown-it-py.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

import tasktable

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "lianyungang-kexie-2019.md"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=200, help="runs of the 1-copy input")
    args = parser.parse_args()
    text = SAMPLE.read_text(encoding="utf-8")
    markdown = MarkdownIt("commonmark").enable("table")
    tasktable.parse(text)  # imports and first-call setup are not what we measure

    print(f"{'input':<24}{'markdown-it-py':>16}{'tasktable':>12}{'ratio':>8}")
    per_copy: dict[int, float] = {}
    for copies in (1, 10, 100):
        big = "\n\n".join([text] * copies)
        rounds = max(5, args.rounds // copies)
        md_time, tt_time = alternate(
            lambda big=big: markdown.parse(big), lambda big=big: tasktable.parse(big), rounds
        )
        per_copy[copies] = tt_time / copies
        label = f"sample x{copies} ({len(big) // 1024} KiB)"
        times = f"{md_time * 1e3:>13.2f} ms{tt_time * 1e3:>9.2f} ms"
        print(f"{label:<24}{times}{tt_time / md_time:>7.2f}x")
    print("\ntasktable time per copy of the sample, relative to one copy (1.00 = linear):")
    for copies, seconds in per_copy.items():
        print(f"  x{copies:<4} {seconds / per_copy[1]:.2f}")

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


if __name__ == "__main__":
    main()
