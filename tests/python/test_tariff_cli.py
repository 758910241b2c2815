"""The `zorginkoop tariff` command and the checked-in outputs of the examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODELS = sorted((ROOT / "examples" / "models").glob("*.yaml"))


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.stem)
def test_checked_in_build_ups_are_current(cli: str, model: Path) -> None:
    text = run(cli, "tariff", str(model.relative_to(ROOT)))
    assert text.returncode == 0, text.stderr
    assert text.stdout == model.with_suffix(".buildup.txt").read_text(encoding="utf-8")
    js = run(cli, "tariff", str(model.relative_to(ROOT)), "--format", "json")
    assert js.stdout == model.with_suffix(".buildup.json").read_text(encoding="utf-8")


def test_checked_in_checks_are_current(cli: str) -> None:
    model = "examples/models/begeleiding-individueel.yaml"
    for lang, suffix in (("nl", ".check-58.00.txt"), ("en", ".check-58.00.en.txt")):
        r = run(cli, "tariff", model, "--tariff", "58.00", "--basis", "floor", "--lang", lang)
        assert r.returncode == 1  # not realistic
        assert r.stdout == (ROOT / model.replace(".yaml", suffix)).read_text(encoding="utf-8")


def test_json_fields(cli: str) -> None:
    r = run(cli, "tariff", "examples/models/begeleiding-individueel.yaml", "--format", "json", "--tariff", "61.00")
    assert r.returncode == 0
    j = json.loads(r.stdout)
    assert j["tariff"] == "60.23"
    assert Decimal(j["total"]).quantize(Decimal("0.000001")) == Decimal("60.228104")
    assert {line["line"] for line in j["lines"]} >= {"professional", "non_productive", "overhead"}
    assert all(isinstance(line["elements"], list) for line in j["lines"])
    assert j["uncovered_elements"] == []
    assert j["rounding"] == {"mode": "half_up", "scale": 2, "multiple_of": None, "at": ["final"]}
    assert j["verdict"]["verdict"] == "realistic"
    assert j["verdict"]["gap"] == "0.77"


def test_exit_codes_and_errors(cli: str, tmp_path: Path) -> None:
    assert run(cli, "tariff", "examples/models/begeleiding-individueel.yaml", "--tariff", "60.23", "--basis", "fixed").returncode == 0
    assert run(cli, "tariff", "examples/models/begeleiding-individueel.yaml", "--tariff", "60.22", "--basis", "fixed").returncode == 1
    bad = run(cli, "tariff", "tests/fixtures/tariff/bad/negative-salary.yaml")
    assert bad.returncode == 2
    assert "staff[0].monthly_salary" in bad.stderr and ":7:" in bad.stderr
    assert run(cli, "tariff", str(tmp_path / "missing.yaml")).returncode == 2
    assert run(cli, "tariff", "examples/models/begeleiding-individueel.yaml", "--basis", "cheap", "--tariff", "1").returncode == 2


def test_svg_is_valid_and_labelled(cli: str, tmp_path: Path) -> None:
    svg = tmp_path / "b.svg"
    r = run(cli, "tariff", "examples/models/verblijf-etmaal.yaml", "--svg", str(svg), "--tariff", "375.00", "--basis", "floor")
    assert r.returncode == 0
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any("364.40" in t for t in texts)
    assert len(list(root.iter("{http://www.w3.org/2000/svg}rect"))) >= 8


def test_python_table_example_is_current() -> None:
    env = dict(os.environ)
    r = subprocess.run([sys.executable, "examples/python/check_tariffs.py", "examples/python/tariffs.csv"],
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == (ROOT / "examples" / "python" / "check_tariffs.out").read_text(encoding="utf-8")


# ============================================================ tariff JSON at every rounding scale

WORKED = ROOT / "tests" / "fixtures" / "tariff" / "good-uur.yaml"
WORKED_ROUNDING = "rounding: {mode: half_up, scale: 2, at: [final]}"


def worked_model(tmp_path: Path, rounding: str, name: str = "model.yaml") -> Path:
    text = WORKED.read_text(encoding="utf-8")
    assert WORKED_ROUNDING in text
    path = tmp_path / name
    path.write_text(text.replace(WORKED_ROUNDING, "rounding: " + rounding), encoding="utf-8")
    return path


@pytest.mark.parametrize("scale", range(7))
def test_tariff_json_at_every_scale(cli: str, tmp_path: Path, scale: int) -> None:
    model = worked_model(tmp_path, f"{{mode: half_up, scale: {scale}, at: [final]}}")
    r = run(cli, "tariff", str(model), "--format", "json")
    assert r.returncode == 0, r.stderr
    j = json.loads(r.stdout)
    tariff = Decimal(j["total"]).quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_UP)
    assert Decimal(j["tariff"]) == tariff
    assert j["rounding"]["scale"] == scale
    # iJw eurocents exist only for a tariff of whole cents (60.228104...: up to scale 2)
    assert j["tariff_cents"] == (int(tariff * 100) if scale <= 2 else None)
    checked = run(cli, "tariff", str(model), "--format=json", "--tariff", j["tariff"], "--svg", str(tmp_path / "b.svg"))
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["verdict"]["verdict"] == "realistic"
    ET.fromstring((tmp_path / "b.svg").read_bytes())
    assert run(cli, "tariff", str(model)).returncode == 0


@pytest.mark.parametrize(
    "rounding, tariff, cents",
    [
        ('{mode: half_up, scale: 2, multiple_of: "0.05"}', "60.25", 6025),
        ('{mode: down, scale: 2, multiple_of: "0.07"}', "60.20", 6020),
        ('{mode: half_up, scale: 3, multiple_of: "0.005"}', "60.230", 6023),
        ('{mode: up, scale: 0, multiple_of: "5"}', "65", 6500),
        ('{mode: half_up, scale: 4, multiple_of: "0.0025"}', "60.2275", None),
        ('{mode: half_up, scale: 6, multiple_of: "0.000125"}', "60.228125", None),
        ('{mode: half_up, scale: 4, multiple_of: "0.0100"}', "60.23", 6023),
    ],
)
def test_tariff_json_with_multiple_of(cli: str, tmp_path: Path, rounding: str, tariff: str, cents: int | None) -> None:
    r = run(cli, "tariff", str(worked_model(tmp_path, rounding)), "--format=json")
    assert r.returncode == 0, r.stderr
    j = json.loads(r.stdout)
    assert Decimal(j["tariff"]) == Decimal(tariff)
    assert j["tariff_cents"] == cents
    assert j["rounding"]["multiple_of"] is not None
