"""What the command-line tests share: running the command and the shape of a usage error."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What a terminal must never receive: C0 controls but the newline, DEL, C1 controls.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run(cli: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = str(Path(cli).resolve()) if "/" in cli else cli  # some tests run in a temporary folder
    return subprocess.run([command, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def assert_usage_error(r: subprocess.CompletedProcess[str], needle: str) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    assert needle in r.stderr
    assert not UNSAFE.search(r.stderr)
