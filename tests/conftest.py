"""Shared test settings: hypothesis profiles and the golden-file update switch."""

from __future__ import annotations

import os

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/fixtures/*.json from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
