"""Throughput of find_periods on the sample's schedule cells, against jionlp's extract_time.

    pip install -e '.[bench]'   # jionlp==1.5.29, optional
    python benchmarks/bench_periods.py [--seconds S]

Prints cells per second for tasktable and, when jionlp is installed, for jionlp on the same
cells, their ratio (goal: 100x), and how many of tasktable's phrases jionlp finds exactly.
The two are timed in alternating rounds and compared by their medians, so that a slow spell of
the machine falls on both; the garbage collector is off while timing, as in timeit, since
otherwise its passes over jionlp's large dictionaries would be charged to whoever allocates.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import tasktable

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "lianyungang-kexie-2019.md"


def cells_per_second(run: Callable[[str], object], cells: list[str], seconds: float) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for cell in cells:
            run(cell)
        done += len(cells)
    return done / (time.perf_counter() - start)


def alternated(
    runs: dict[str, Callable[[str], object]], cells: list[str], seconds: float, rounds: int = 15
) -> dict[str, float]:
    """Median cells/s of each run over ``rounds`` alternating rounds of ``seconds / rounds``."""
    rates: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            gc.collect()
            gc.disable()
            try:
                rates[name].append(cells_per_second(run, cells, seconds / rounds))
            finally:
                gc.enable()
    return {name: statistics.median(values) for name, values in rates.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    document = tasktable.parse_file(SAMPLE)
    cells = [t.schedule for t in document.tasks if t.schedule]
    year = document.year
    found = [p.text for cell in cells for p in tasktable.find_periods(cell, year=year)]
    print(f"{len(cells)} schedule cells, {len(found)} date phrases found by tasktable")

    def ours(cell: str) -> object:
        return tasktable.find_periods(cell, year=year)

    try:
        import jionlp  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        rate = cells_per_second(ours, cells, args.seconds)
        print(f"tasktable.find_periods: {rate:>10,.0f} cells/s")
        print("jionlp not installed (pip install -e '.[bench]'): no comparison")
        return
    base = time.mktime((year or 2019, 1, 1, 0, 0, 0, 0, 0, -1))

    def theirs(cell: str) -> list[dict[str, object]]:
        return list(jionlp.ner.extract_time(cell, time_base=base, with_parsing=True))

    rates = alternated({"ours": ours, "jionlp": theirs}, cells, args.seconds)
    print(f"tasktable.find_periods: {rates['ours']:>10,.0f} cells/s")
    print(f"jionlp.ner.extract_time: {rates['jionlp']:>9,.0f} cells/s")
    print(f"ratio: {rates['ours'] / rates['jionlp']:,.0f}x (goal: 100x)")
    spans = {(i, p.span) for i, c in enumerate(cells) for p in tasktable.find_periods(c, year=year)}
    exact = sum(
        (i, (item["offset"][0], item["offset"][1])) in spans  # type: ignore[index]
        for i, cell in enumerate(cells)
        for item in theirs(cell)
    )
    print(f"jionlp finds {exact} of tasktable's {len(found)} phrases with exactly the same span")


if __name__ == "__main__":
    main()
