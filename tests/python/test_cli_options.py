"""The command line: help, option forms, usage errors, tariff JSON at every rounding scale, and
user strings that can neither drive a terminal nor break an SVG document."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
WORKED = ROOT / "tests" / "fixtures" / "tariff" / "good-uur.yaml"
MODEL = ROOT / "examples" / "models" / "begeleiding-individueel.yaml"
CLAUSE = ROOT / "examples" / "indexation" / "vng-2024.yaml"
SERIES = ROOT / "tests" / "fixtures" / "indexation" / "ppc_nza_2023.yaml"
DOC = ROOT / "tests" / "fixtures" / "procurement" / "rules" / "FUND-003.silent.zorginkoop.yaml"
WORKED_ROUNDING = "rounding: {mode: half_up, scale: 2, at: [final]}"
COMMANDS = ("ijw", "index", "tariff", "check")

# Every character class a terminal or an XML parser could act on, with markup around it.
HOSTILE = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\x9b<b>&\"']]>\u202e\ufffe"
# What a terminal must never receive: C0 controls but the newline, DEL, C1 controls.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run(cli: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = str(Path(cli).resolve()) if "/" in cli else cli  # some tests run in a temporary folder
    return subprocess.run([command, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def worked_model(tmp_path: Path, rounding: str, name: str = "model.yaml") -> Path:
    text = WORKED.read_text(encoding="utf-8")
    assert WORKED_ROUNDING in text
    path = tmp_path / name
    path.write_text(text.replace(WORKED_ROUNDING, "rounding: " + rounding), encoding="utf-8")
    return path


def assert_usage_error(r: subprocess.CompletedProcess[str], needle: str) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    assert needle in r.stderr
    assert not UNSAFE.search(r.stderr)


# ============================================================ tariff JSON at every rounding scale


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


# ============================================================ help


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("form", [["--help"], ["-h"], ["help-first"], ["--bogus", "--help"], ["x", "y", "-h"]])
def test_every_command_has_help(cli: str, command: str, form: list[str]) -> None:
    args = ["help", command] if form == ["help-first"] else [command, *form]
    r = run(cli, *args)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"usage: zorginkoop {command} ")
    assert r.stderr == ""
    exit_status = r.stdout[r.stdout.index("exit status:") :]
    assert [line.split()[0] for line in exit_status.splitlines()[1:]] == ["0", "1", "2"]
    assert "usage error" in exit_status


@pytest.mark.parametrize("flag", ["--help", "-h", "help"])
def test_top_level_help(cli: str, flag: str) -> None:
    r = run(cli, flag)
    assert r.returncode == 0
    assert r.stdout.startswith("usage: zorginkoop ")
    assert all(f"  {c} " in r.stdout for c in COMMANDS)
    assert "exit status:" in r.stdout and "  2  a usage error" in r.stdout


def test_no_arguments_is_a_usage_error_on_stderr(cli: str) -> None:
    r = run(cli)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.startswith("usage: zorginkoop ")


# ============================================================ --option=value


def test_option_equals_value_for_every_option(cli: str, tmp_path: Path) -> None:
    bands = tmp_path / "bands.yaml"
    bands.write_text(
        'zorginkoop_plausibility_bands: 1\nid: regio\nbands:\n  - {parameter: overhead_rate, max: "0.15", source: "study"}\n'
    )
    doc = tmp_path / "doc.zorginkoop.yaml"
    doc.write_text(DOC.read_text(encoding="utf-8"))
    pairs = {
        "ijw": [("--tariff", "60.23"), ("--minutes", "45")],
        "tariff": [("--tariff", "70.00"), ("--basis", "substantiated"), ("--bands", str(bands)), ("--format", "json"),
                   ("--lang", "en"), ("--svg", str(tmp_path / "{form}.svg"))],
        "index": [("--clause", str(CLAUSE)), ("--year", "2024"), ("--series", str(SERIES)), ("--series", str(SERIES)),
                  ("--tariff", "60.23"), ("--from", "2023"), ("--to", "2024"), ("--first-contract-year", "2020"),
                  ("--format", "json"), ("--lang", "en"), ("--svg", str(tmp_path / "{form}-index.svg"))],
        "check": [("--format", "sarif"), ("--lang", "en"), ("--as-of", "2023-05-01"),
                  ("--regional-contracting-from", "2030-01-01")],
    }  # fmt: skip
    positional = {"tariff": [str(MODEL)], "check": [str(doc)]}
    for command, options in pairs.items():
        spaced = [x for k, v in options for x in (k, v.format(form="spaced"))]
        joined = [f"{k}={v.format(form='joined')}" for k, v in options]
        a = run(cli, command, *positional.get(command, []), *spaced)
        b = run(cli, command, *positional.get(command, []), *joined)
        assert a.returncode in (0, 1), (command, a.stderr)
        assert (b.returncode, b.stdout, b.stderr) == (a.returncode, a.stdout, a.stderr), command
    assert (tmp_path / "joined.svg").read_bytes() == (tmp_path / "spaced.svg").read_bytes()
    assert (tmp_path / "joined-index.svg").read_bytes() == (tmp_path / "spaced-index.svg").read_bytes()
    # the realism check with the stricter band did run: overhead 0.22 is outside max 0.15
    assert json.loads(run(cli, "tariff", str(MODEL), f"--bands={bands}", "--tariff=70.00",
                          "--basis=substantiated", "--format=json").stdout)["verdict"]["verdict"] == "implausible"  # fmt: skip


# ============================================================ ijw: errors before any output


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--tariff", "60.23", "--minutes", "-3"], "--minutes"),
        (["--tariff", "60.23", "--minutes=-3"], "--minutes"),
        (["--tariff", "60.23", "--minutes", "4.5"], "--minutes"),
        (["--tariff", "60.23", "--minutes", "four"], "--minutes"),
        (["--tariff", "60.23", "--minutes", "99999999999999999999999"], "--minutes"),
        (["--tariff", "60.2345"], "more precision than eurocents"),
        (["--tariff=60.231", "--minutes", "45"], "more precision than eurocents"),
        (["--tariff", "-1.00"], "LDT_Bedrag"),
        (["--tariff", "1000000.00"], "LDT_Bedrag"),
        (["--tariff", "60,23"], "--tariff"),
        (["--minutes", "45"], "--tariff"),
    ],
)
def test_ijw_refuses_before_writing(cli: str, args: list[str], needle: str) -> None:
    assert_usage_error(run(cli, "ijw", *args), needle)


def test_ijw_whole_cents_with_trailing_zeros(cli: str) -> None:
    r = run(cli, "ijw", "--tariff", "60.2300", "--minutes", "0")
    assert r.returncode == 0, r.stderr
    assert "6023 (eurocents" in r.stdout and "invoice for 0 minutes: EUR 0.00" in r.stdout


# ============================================================ option-parsing sharp edges


@pytest.mark.parametrize(
    "args, needle",
    [
        # a missing value: at the end, empty, or another option in its place
        (["ijw", "--tariff"], "--tariff needs a value"),
        (["ijw", "--tariff="], "--tariff needs a value"),
        (["ijw", "--tariff", ""], "--tariff needs a value"),
        (["tariff", "{model}", "--svg", "--format", "json"], "--svg needs a value"),
        (["index", "--clause", "{clause}", "--year", "--format", "json"], "--year needs a value"),
        (["check", "{doc}", "--as-of", "-h2"], "--as-of needs a value"),
        # unknown options, a value for a flag, and options before the command
        (["ijw", "--tariff", "60.23", "--minute", "3"], "unknown option --minute"),
        (["tariff", "{model}", "--fromat", "json"], "unknown option --fromat"),
        (["tariff", "{model}", "-f", "json"], "unknown option -f"),
        (["index", "--clause", "{clause}", "--year", "2024", "--tarif=1"], "unknown option --tarif"),
        (["check", "{doc}", "--sarif"], "unknown option --sarif"),
        (["check", "{doc}", "--help=yes"], "--help takes no value"),
        (["--format", "json", "check", "{doc}"], "unknown option --format"),
        (["--help=yes"], "--help takes no value"),
        (["--version", "extra"], "--version"),
        # an option given twice (only --series may be repeated)
        (["tariff", "{model}", "--format", "json", "--format", "text"], "--format is given more than once"),
        (["check", "{doc}", "--lang=en", "--lang", "nl"], "--lang is given more than once"),
        (["ijw", "--tariff", "1.00", "--tariff=2.00"], "--tariff is given more than once"),
        (["index", "--clause", "{clause}", "--clause", "{clause}", "--year", "2024"], "--clause is given more than once"),
        # arguments that do not belong
        (["ijw", "60.23"], "'60.23'"),
        (["index", "{clause}", "--year", "2024"], "--clause FILE"),
        (["tariff", "{model}", "{model}"], "one argument, one model file"),
        (["check", "{doc}", "{doc}"], "one argument, one document"),
        (["tariff", "{model}", "--basis", "fixed"], "--basis belongs to the realism check"),
        (["tariff", "{model}", "--bands", "{model}"], "--bands belongs to the realism check"),
        (["tariff", "{model}", "--format", "xml"], "--format"),
        (["tariff", "{model}", "--lang", "de"], "--lang"),
        (["tariff", "{model}", "--tariff", "58,00"], "--tariff"),
        (["check", "{doc}", "--as-of", "2023-13-01"], "--as-of"),
        (["help", "nonsense"], "nonsense"),
    ],
)
def test_usage_errors_exit_2(cli: str, tmp_path: Path, args: list[str], needle: str) -> None:
    subst = {"{model}": str(MODEL), "{clause}": str(CLAUSE), "{doc}": str(DOC)}
    r = run(cli, *[subst.get(a, a) for a in args], cwd=tmp_path)
    assert_usage_error(r, needle)
    assert list(tmp_path.iterdir()) == []  # no file named after an option


def test_double_dash_ends_the_options(cli: str, tmp_path: Path) -> None:
    model = tmp_path / "-model.yaml"
    model.write_text(MODEL.read_text(encoding="utf-8"))
    assert_usage_error(run(cli, "tariff", "-model.yaml", cwd=tmp_path), "unknown option -model.yaml")
    r = run(cli, "tariff", "--format=json", "--", "-model.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["tariff"] == "60.23"


# ============================================================ hostile strings


def hostile_model(tmp_path: Path) -> Path:
    text = WORKED.read_text(encoding="utf-8")
    path = tmp_path / "hostile.yaml"
    # YAML double-quoted escapes reach every character; json.dumps writes them as \\u escapes
    path.write_text(text.replace("name: Begeleiding individueel", "name: " + json.dumps(HOSTILE), 1), encoding="utf-8")
    return path


def test_hostile_model_name(cli: str, tmp_path: Path) -> None:
    model = hostile_model(tmp_path)
    for lang in ("nl", "en"):
        svg = tmp_path / f"{lang}.svg"
        text = run(cli, "tariff", str(model), "--lang", lang, "--svg", str(svg), "--tariff", "58.00")
        assert text.returncode == 1, text.stderr
        assert not UNSAFE.search(text.stdout)
        assert text.stdout.startswith("\\x00\\x01\\x02")
        assert "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0085\\u009b<b>&\"']]>\\u202e\\ufffe · " in text.stdout
        root = ET.fromstring(svg.read_bytes())  # well-formed XML
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text is not None
        assert title.text.startswith("\\x00\\x01") and "<b>&\"']]>" in title.text
        assert not UNSAFE.search(svg.read_text(encoding="utf-8"))
    js = run(cli, "tariff", str(model), "--format", "json")
    assert js.returncode == 0, js.stderr
    assert json.loads(js.stdout)["name"] == HOSTILE  # JSON keeps the exact string


def test_hostile_series_in_index_text_and_json(cli: str, tmp_path: Path) -> None:
    text = SERIES.read_text(encoding="utf-8")
    series = tmp_path / "series.yaml"
    series.write_text(text.replace('source: "VNG,', "note: " + json.dumps(HOSTILE) + ', source: "VNG,', 1))
    r = run(cli, "index", "--clause", str(CLAUSE), "--year", "2024", "--series", str(series), "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert not UNSAFE.search(r.stdout)
    assert "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0085\\u009b<b>&\"']]>\\u202e\\ufffe" in r.stdout
    j = run(cli, "index", "--clause", str(CLAUSE), "--year", "2024", "--series", str(series), "--format", "json")
    assert j.returncode == 0, j.stderr
    assert HOSTILE in [f.get("note") for f in json.loads(j.stdout)["derivation"]["figures"]]


def test_hostile_schedule_svg_title() -> None:
    c = zk.IndexationClause.from_dict(
        {"components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.1"}],
         "catch_up": "multiplicative", "effective": "01-01"})  # fmt: skip
    svg = c.schedule("60.23", 2023, 2024).to_svg(HOSTILE, "en")
    root = ET.fromstring(svg.encode("utf-8"))
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text is not None
    assert title.text.startswith("\\x00\\x01\\x02") and title.text.endswith("<b>&\"']]>\\u202e\\ufffe")
    assert not UNSAFE.search(svg)


def test_hostile_document_in_check_text_json_and_sarif(cli: str, tmp_path: Path) -> None:
    doc = tmp_path / "hostile.zorginkoop.yaml"
    doc.write_text(DOC.read_text(encoding="utf-8").replace("id: fund-003-silent", "id: " + json.dumps(HOSTILE), 1))
    text = run(cli, "check", str(doc), "--lang", "en")
    assert text.returncode in (0, 1), text.stderr
    assert not UNSAFE.search(text.stdout)
    assert "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0085\\u009b<b>&\"']]>\\u202e\\ufffe" in text.stdout
    js = run(cli, "check", str(doc), "--format", "json")
    assert json.loads(js.stdout)["subject"] == HOSTILE
    sarif = run(cli, "check", str(doc), "--format", "sarif")
    assert json.loads(sarif.stdout)["runs"][0]["properties"]["subject"] == HOSTILE


def test_hostile_file_name_in_an_error(cli: str, tmp_path: Path) -> None:
    r = run(cli, "tariff", str(tmp_path / "no\x1b]0;title\x07such\x9b.yaml"))
    assert_usage_error(r, "no\\x1b]0;title\\x07such\\u009b.yaml")
