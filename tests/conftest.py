"""Shared test settings: hypothesis profiles and the golden-file update switch."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI runs a fixed, reproducible set of 500 examples per property (.ci/run sets CI); locally
# hypothesis explores 100 fresh ones each run.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

#: Every golden file lives under here; --update-golden may rewrite any of them.
FIXTURES = Path(__file__).parent / "fixtures"

#: The golden files' bytes before an --update-golden run, and the diff of what it rewrote.
_BEFORE = pytest.StashKey[dict[Path, bytes]]()
_REWRITTEN = pytest.StashKey[str]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/fixtures/ from the current output; the run prints the diff and "
        "fails if any file changed, so review it and commit",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _golden_files() -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(FIXTURES.rglob("*")) if path.is_file()}


def pytest_sessionstart(session: pytest.Session) -> None:
    if session.config.getoption("--update-golden"):
        session.config.stash[_BEFORE] = _golden_files()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A run that rewrote golden files fails: a golden file rewritten by the code it checks
    proves only that the code ran, so each change must be read before it is committed."""
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    diff = "".join(_diff(path, before.get(path), now) for path, now in _golden_files().items())
    if diff:
        session.config.stash[_REWRITTEN] = diff
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _diff(path: Path, old: bytes | None, new: bytes) -> str:
    if old == new:
        return ""
    name = str(path.relative_to(FIXTURES.parent.parent))
    try:
        before, after = ((data or b"").decode("utf-8").splitlines(True) for data in (old, new))
    except UnicodeDecodeError:
        return f"{name}: binary file rewritten\n"
    return "".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    diff = terminalreporter.config.stash.get(_REWRITTEN, None)
    if diff:
        terminalreporter.write_sep("=", "--update-golden rewrote golden files (FAILED)", red=True)
        terminalreporter.write(diff if diff.endswith("\n") else diff + "\n")
        terminalreporter.write_line(
            "Review this diff; if every change is intended, commit it and run the tests again."
        )


# Messages follow the locale by default (parse(lang=None)); the goldens are English, so the
# suite reads as it would under any English or unset locale, whatever the machine's.
os.environ["LANGUAGE"] = "en"
