"""The outputs of the zorginkoop command: a failed write to stdout or to a file is an error (exit
status 2, the reason on stderr), and a file is written whole or not at all and never over the
command's own input."""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "models" / "wmo-begeleiding-uur.yaml"
CLAUSE = ROOT / "examples" / "indexation" / "vng-2024.yaml"
DOC = ROOT / "tests" / "fixtures" / "procurement" / "rules" / "VAL-002.fires.zorginkoop.yaml"
DEV_FULL = Path("/dev/full")


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120, cwd=ROOT)


COMMANDS = {
    "schema": ["schema"],
    "check": ["check", str(DOC)],
    "check-json": ["check", str(DOC), "--format", "json"],
    "tariff": ["tariff", str(MODEL)],
    "index": ["index", "--clause", str(CLAUSE), "--year", "2024"],
    "ijw": ["ijw", "--tariff", "60.23"],
    "version": ["--version"],
    "help": ["--help"],
    "check-help": ["check", "--help"],
}


@pytest.mark.skipif(not DEV_FULL.exists(), reason="needs /dev/full")
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_stdout_on_a_full_device_exits_2(cli: str, name: str) -> None:
    ok = run(cli, *COMMANDS[name])
    assert ok.returncode in (0, 1), ok.stderr
    assert ok.stdout
    with DEV_FULL.open("w") as full:
        r = subprocess.run([cli, *COMMANDS[name]], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 2
    assert "cannot write the output to stdout" in r.stderr
    assert "No space left on device" in r.stderr


def test_svg_refuses_to_overwrite_the_input(cli: str, tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    shutil.copy(MODEL, model)
    before = model.read_bytes()
    r = run(cli, "tariff", str(model), "--tariff", "60.00", "--svg", str(model))
    assert r.returncode == 2
    assert "--svg" in r.stderr and "own input" in r.stderr
    assert model.read_bytes() == before
    # The same file by another name (a hard link) is the same input.
    other = tmp_path / "other-name.yaml"
    other.hardlink_to(model)
    assert run(cli, "tariff", str(model), "--svg", str(other)).returncode == 2
    assert model.read_bytes() == before
    bands = tmp_path / "bands.yaml"
    bands.write_text('zorginkoop_plausibility_bands: 1\nid: x\nbands:\n  - {parameter: overhead_rate, max: "0.15", source: "s"}\n')
    bands_before = bands.read_bytes()
    assert run(cli, "tariff", str(model), "--tariff", "60.00", "--bands", str(bands), "--svg", str(bands)).returncode == 2
    assert bands.read_bytes() == bands_before
    clause = tmp_path / "clause.yaml"
    shutil.copy(CLAUSE, clause)
    clause_before = clause.read_bytes()
    r = run(cli, "index", "--clause", str(clause), "--year", "2024", "--tariff", "60.23", "--svg", str(clause))
    assert r.returncode == 2, r.stderr
    assert clause.read_bytes() == clause_before


def _limit_file_size() -> None:
    # Writes beyond 64 bytes fail with EFBIG (the signal that would end the process is ignored).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


def test_svg_is_written_whole_or_not_at_all(cli: str, tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    svg.write_text("the previous chart")
    r = subprocess.run([cli, "tariff", str(MODEL), "--svg", str(svg)], capture_output=True, text=True, timeout=120,
                       cwd=ROOT, preexec_fn=_limit_file_size)  # fmt: skip
    assert r.returncode == 2
    assert "--svg" in r.stderr and "cannot write" in r.stderr
    assert svg.read_text() == "the previous chart"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]  # no temporary file left
    # Without the limit the chart replaces the old file, and nothing else is left behind.
    ok = run(cli, "tariff", str(MODEL), "--svg", str(svg))
    assert ok.returncode == 0, ok.stderr
    assert svg.read_text().startswith("<svg") or svg.read_text().startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]
    # A directory that does not exist: an error naming the option, no crash.
    missing = run(cli, "tariff", str(MODEL), "--svg", str(tmp_path / "no" / "such" / "dir.svg"))
    assert missing.returncode == 2 and "--svg" in missing.stderr


@pytest.mark.skipif(not DEV_FULL.exists(), reason="needs /dev/full")
def test_svg_to_a_full_device_exits_2(cli: str) -> None:
    r = run(cli, "tariff", str(MODEL), "--svg", str(DEV_FULL))
    assert r.returncode == 2
    assert "No space left on device" in r.stderr
    assert DEV_FULL.is_char_device()
