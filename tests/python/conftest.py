from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

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


@pytest.fixture(scope="session")
def gen() -> ModuleType:
    """scripts/gen_rule_docs.py, the generator of the rule pages, loaded as a module."""
    spec = importlib.util.spec_from_file_location("gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
