"""Test set-up: Prefect offline with its home in a temp folder, and shared fixtures."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Before anything imports Prefect: a private home, so tests never touch a user's Prefect.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="tradefacts-prefect-"))

from flows.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds" / "articles"
REFERENCE = PROJECT_ROOT / "seeds" / "reference"
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of seeds/ (articles and reference files, as the default input) to run the flow on."""
    target = tmp_path / "input"
    shutil.copytree(SEEDS.parent, target)
    return target
