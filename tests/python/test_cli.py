"""The zorginkoop command."""

from __future__ import annotations

import subprocess

import zorginkoop


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


def test_version(cli: str) -> None:
    r = run(cli, "--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"zorginkoop {zorginkoop.__version__}"


def test_ijw(cli: str) -> None:
    r = run(cli, "ijw", "--tariff", "60.23", "--minutes", "45")
    assert r.returncode == 0, r.stderr
    assert "6023 (eurocents" in r.stdout
    assert "EUR 1.00 = 100 eurocents" in r.stdout
    assert "invoice for 45 minutes: EUR 45.17" in r.stdout


def test_bad_input_exits_2(cli: str) -> None:
    r = run(cli, "ijw", "--tariff", "60,23")
    assert r.returncode == 2
    assert "invalid_input" in r.stderr
    assert run(cli, "nonsense").returncode == 2
    assert run(cli).returncode == 2
