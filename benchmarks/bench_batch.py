"""Files per second over a folder of generated plans: the CLI on 1 and 2 processes, and the
Dask recipe of docs/scale.md when dask is installed (the dask extra).

    python benchmarks/bench_batch.py [--files N]

The plans are made from the sample: each file keeps its title, with another year, and a
different number of its pages (tables), so sizes vary as they do between bureaus. Every run
writes json for every file; the two-process figure is printed as a ratio to the one-process
one (2 is the ceiling on two cores; process start-up and the parent's writing cost the rest).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tasktable.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "lianyungang-kexie-2019.md"


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` plans: the sample's first k pages, k = 1..all in turn, years 2015-2024."""
    text = SAMPLE.read_text("utf-8")
    start = text.index("\n|") + 1
    title, pages = text[:start], text[start:].strip().split("\n\n")
    paths = []
    for i in range(count):
        year = 2015 + i % 10
        kept = "\n\n".join(pages[: 1 + i % len(pages)])
        path = folder / f"plan-{i:04d}.md"
        path.write_text(title.replace("2019", str(year)) + kept + "\n", "utf-8")
        paths.append(path)
    return paths


def files_per_second(argv: list[str], count: int) -> float:
    start = time.perf_counter()
    main(argv)
    return count / (time.perf_counter() - start)


def dask_files_per_second(paths: list[Path], workers: int) -> float | None:
    try:
        import dask.bag as db
    except ImportError:
        return None
    import tasktable

    start = time.perf_counter()
    bag = db.from_sequence([str(p) for p in paths], partition_size=25)
    bag.map(tasktable.records_of).flatten().count().compute(
        scheduler="processes", num_workers=workers
    )
    return len(paths) / (time.perf_counter() - start)


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="how many plans to generate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "plans"
        folder.mkdir()
        paths = generate(folder, args.files)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{len(paths)} generated plans, {size:.1f} MB")
        rates = {}
        for jobs in (1, 2):
            out = Path(scratch) / f"out-{jobs}"
            argv = [str(folder), "-o", str(out), "--jobs", str(jobs)]
            rates[jobs] = files_per_second(argv, len(paths))
            print(f"CLI --jobs {jobs}: {rates[jobs]:8.1f} files/s")
        print(f"2 processes / 1 process: {rates[2] / rates[1]:.2f}x")
        for workers in (1, 2):
            rate = dask_files_per_second(paths, workers)
            if rate is None:
                print("dask not installed (pip install -e '.[dask]'): no Dask figures")
                break
            print(f"Dask bag, {workers} process(es): {rate:8.1f} files/s")


if __name__ == "__main__":
    main_bench()
