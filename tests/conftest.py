"""Shared test setup: hypothesis profiles and the seed disclosure."""

from __future__ import annotations

import os
from importlib import resources

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The 2025 budget disclosure of 中共唐山市开平区委网信办, as published."""
    sample = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt")
    return sample.read_text("utf-8")
