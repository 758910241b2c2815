from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def cli() -> str:
    """The zorginkoop command: the one just built (ctest sets ZORGINKOOP_CLI) or the installed one."""
    path = os.environ.get("ZORGINKOOP_CLI") or shutil.which("zorginkoop")
    if not path:
        pytest.fail("the zorginkoop command is neither built (ZORGINKOOP_CLI) nor on PATH")
    return path
