"""Start-up: how long the command line takes to convert the sample, against ``python -c pass``.

    python benchmarks/bench_startup.py [--rounds N] [--against SRC]...

Runs, in alternating rounds in one process (this machine's speed drifts within minutes, so
only figures taken side by side compare), ``python -c pass``, ``python -m tasktable SAMPLE -o
OUT`` with this checkout, and with each ``--against`` the same with another source tree
first on the path (``git archive REV src | tar -x -C /tmp/before`` gives one). Prints the
best and the median wall time of each, and the best CPU time (user + system, which other
processes on a busy machine disturb less), what tasktable adds to a bare interpreter, and
where the import time of one run goes, by top-level package (``python -X importtime``, self
time, the best of three).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lianyungang-kexie-2019.md"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def environment(source: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    return env


def import_times(env: dict[str, str], out: Path) -> Counter[str]:
    """Self import time by top-level package (tasktable by module), the least of three runs."""
    best: Counter[str] = Counter()
    for attempt in range(3):
        command = [sys.executable, "-X", "importtime", "-m", "tasktable", str(SAMPLE), "-o"]
        run = subprocess.run([*command, str(out)], env=env, capture_output=True, text=True)
        totals: Counter[str] = Counter()
        for line in run.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _, name = line.removeprefix("import time:").split("|")
            name = name.strip()
            top = name if name.startswith("tasktable") else name.split(".")[0]
            totals[top] += int(self_us)
        for name, micros in totals.items():
            best[name] = micros if attempt == 0 else min(best.get(name, micros), micros)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--against", type=Path, action="append", default=[], help="another tree's src folder"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sample.json"
        here = environment(ROOT / "src")
        runs = {
            "python -c pass": ([sys.executable, "-c", "pass"], here),
            "tasktable (this tree)": (
                [sys.executable, "-m", "tasktable", str(SAMPLE), "-o", str(out)],
                here,
            ),
        }
        for source in args.against:
            runs[f"tasktable ({source})"] = (
                runs["tasktable (this tree)"][0],
                environment(source.resolve()),
            )
        walls: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, (command, env) in runs.items():
                wall, cpu = timed(command, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
        bare = min(walls["python -c pass"])
        mine = min(cpus["tasktable (this tree)"])
        print(f"{args.rounds} rounds, alternating; seconds")
        print(f"{'':32} {'best':>6} {'median':>6} {'-bare':>6} {'cpu':>6} {'cpu/this':>8}")
        for name, values in walls.items():
            best, cpu = min(values), min(cpus[name])
            print(
                f"{name[:32]:32} {best:6.3f} {statistics.median(values):6.3f} "
                f"{best - bare:6.3f} {cpu:6.3f} {cpu / mine:8.2f}"
            )
        print("\nimport time of one run, self, by package (ms):")
        spent = import_times(here, out)
        print(f"  total {sum(spent.values()) / 1000:.1f}")
        for name, micros in spent.most_common(12):
            print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
