"""Start-up: how long the command line takes to convert the sample, against ``python -c pass``.

    python benchmarks/bench_startup.py [--rounds N] [--against SRC]... [--bytecode W] [--first-run]

Runs, in alternating rounds in one process (this machine's speed drifts within minutes, so
only figures taken side by side compare), ``python -c pass``, ``python -m tasktable SAMPLE -o
OUT`` with this checkout, and with each ``--against`` the same with another source tree
first on the path (``git archive REV src | tar -x -C /tmp/before`` gives one). Prints the
best and the median wall time of each, and the best CPU time (user + system, which other
processes on a busy machine disturb less), what tasktable adds to a bare interpreter, each
tree's time as a share of the first ``--against`` tree's (the baseline), and where the
import time of one run goes, by top-level package (``python -X importtime``, self time, the
best of three).

``--bytecode`` says how the modules are loaded: ``cached`` as an installed package loads
them, from bytecode written once (to a folder of its own, PYTHONPYCACHEPREFIX, by a first
run that is not timed); ``source`` compiling every module's source at each run, as a
checkout does where PYTHONDONTWRITEBYTECODE is set; ``both`` (the default) times each tree
both ways. With cached bytecode a run also reads the programs of tasktable's patterns from the
file the first run wrote beside patterns.py's bytecode (``patterns._Programs``);
``--first-run`` deletes that file before each run, so that each compiles the patterns and
writes the file again, as the first run after an install or a change does.
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


def environment(source: Path, cache: Path | None) -> dict[str, str]:
    """The environment of a run with ``source`` first on the path: with bytecode read from
    (and written once to) ``cache``, or, without one, compiled from source at every run."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
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
    parser.add_argument("--bytecode", choices=("cached", "source", "both"), default="both")
    parser.add_argument(
        "--first-run", action="store_true", help="no kept programs of the patterns at any run"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sample.json"
        cache = Path(folder) / "bytecode"
        convert = [sys.executable, "-m", "tasktable", str(SAMPLE), "-o", str(out)]
        ways = {"cached": cache, "source": None}
        chosen = list(ways) if args.bytecode == "both" else [args.bytecode]
        trees = {"this tree": ROOT / "src", **{str(src): src.resolve() for src in args.against}}
        runs = {"python -c pass": ([sys.executable, "-c", "pass"], environment(ROOT, None))}
        for name, source in trees.items():
            for way in chosen:
                label = name if way == "cached" else f"{name}, no .pyc"
                runs[label] = (convert, environment(source, ways[way]))
                if way == "cached":  # write the bytecode, untimed
                    subprocess.run(convert, env=runs[label][1], check=True, capture_output=True)
        walls: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, (command, env) in runs.items():
                if args.first_run:
                    for kept in cache.rglob("*.re-programs"):
                        kept.unlink()
                wall, cpu = timed(command, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
        bare = min(walls["python -c pass"])
        first = ", each a first run (patterns compiled, their programs written)"
        print(f"{args.rounds} rounds, alternating; seconds{first if args.first_run else ''}")
        print(f"{'':40} {'best':>6} {'median':>6} {'-bare':>6} {'cpu':>6}")
        for name, values in walls.items():
            best = min(values)
            print(
                f"{name[:40]:40} {best:6.3f} {statistics.median(values):6.3f} "
                f"{best - bare:6.3f} {min(cpus[name]):6.3f}"
            )
        if args.against:
            baseline = str(args.against[0])
            print(f"\nas a share of {baseline} (best wall, best cpu):")
            for way in chosen:
                suffix = "" if way == "cached" else ", no .pyc"
                for name in trees:
                    if name == baseline:
                        continue
                    mine, theirs = name + suffix, baseline + suffix
                    print(
                        f"  {mine[:40]:40} {min(walls[mine]) / min(walls[theirs]):5.2f} "
                        f"{min(cpus[mine]) / min(cpus[theirs]):5.2f}"
                    )
        print("\nimport time of one run of this tree, self, by package (ms):")
        spent = import_times(environment(ROOT / "src", ways[chosen[0]]), out)
        print(f"  total {sum(spent.values()) / 1000:.1f} ({chosen[0]} bytecode)")
        for name, micros in spent.most_common(12):
            print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
