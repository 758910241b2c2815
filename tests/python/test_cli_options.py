"""The command line: help, option forms, usage errors and the refusals of the ijw command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import ROOT, assert_usage_error, run

MODEL = ROOT / "examples" / "models" / "begeleiding-individueel.yaml"
CLAUSE = ROOT / "examples" / "indexation" / "vng-2024.yaml"
SERIES = ROOT / "tests" / "fixtures" / "indexation" / "ppc_nza_2023.yaml"
DOC = ROOT / "tests" / "fixtures" / "procurement" / "rules" / "FUND-003.silent.zorginkoop.yaml"
COMMANDS = ("ijw", "index", "tariff", "check")


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
