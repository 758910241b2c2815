"""Figures files that overlay the bundled index series (Python and the command line), the
`zorginkoop series` listing, and derivations that use a provisional figure whose definitive
figure is overdue."""

from __future__ import annotations

import datetime
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import zorginkoop as zk

FIGURES = """zorginkoop_index_figures: 1
figures:
  - {series: OVA, year: 2025, status: definitive, percent: "5.00", source: "test source A"}
  - {series: PPC, year: 2025, status: definitive, percent: "2.00", source: "test source B"}
"""

CLAUSE = """components:
  - {series: OVA, weight: "0.9"}
  - {series: PPC, weight: "0.1"}
catch_up: multiplicative
rate_rounding: {scale: 2, mode: half_up, at: parts}
"""


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


@pytest.fixture()
def figures(tmp_path: Path) -> Path:
    p = tmp_path / "figures.yaml"
    p.write_text(FIGURES, encoding="utf-8")
    return p


@pytest.fixture()
def clause(tmp_path: Path) -> Path:
    p = tmp_path / "clause.yaml"
    p.write_text(CLAUSE, encoding="utf-8")
    return p


def test_overlay_from_a_file_and_a_mapping(figures: Path) -> None:
    b = zk.IndexSeriesSet.bundled()
    assert b["OVA"].find(2025, "definitive") is None
    o = b.overlay(figures)
    assert o["OVA"].percent(2025, "definitive") == Decimal("5.00")
    assert o["PPC"].figure(2025, "definitive").source == "test source B"
    m = b.overlay({"zorginkoop_index_figures": 1, "figures": [
        {"series": "OVA", "year": 2025, "status": "definitive", "percent": "5.00", "source": "s"}]})
    assert m["OVA"].percent(2025, "definitive") == Decimal("5.00")
    assert b["OVA"].find(2025, "definitive") is None  # unchanged
    assert b.with_file(figures)["OVA"] == o["OVA"]
    assert b["OVA"].definitive_due is not None and b["OVA"].definitive_due["day"] == "07-01"
    assert b["PPC"].definitive_due_date(2025) == datetime.date(2025, 8, 1)
    assert b["PPC"].definitive_overdue(2025, datetime.date(2025, 8, 1))
    assert not b["PPC"].definitive_overdue(2025, datetime.date(2025, 7, 31))


@pytest.mark.parametrize(
    ("line", "error", "path", "column"),
    [
        ('  - {series: CPI, year: 2025, status: definitive, percent: "1", source: "s"}', zk.InvalidInput,
         "figures[0].series", 14),
        ('  - {series: OVA, year: 2025, status: definitive, percent: "1", source: ""}', zk.InvalidInput,
         "figures[0].source", 73),
        ('  - {series: OVA, year: 20.5, status: definitive, percent: "1", source: "s"}', zk.ParseError,
         "figures[0].year", 25),
        ('  - {series: OVA, year: 2024, status: definitive, percent: "6.01", source: "s"}', zk.InvalidInput,
         "figures[0].percent", 60),
    ],
)
def test_overlay_refusals_name_path_line_column(tmp_path: Path, line: str, error: type, path: str,
                                                column: int) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("zorginkoop_index_figures: 1\nfigures:\n" + line + "\n", encoding="utf-8")
    with pytest.raises(error) as e:
        zk.IndexSeriesSet.bundled().overlay(p)
    assert e.value.path == path
    assert e.value.line == 3
    assert e.value.column == column
    assert e.value.source == str(p)


def test_overlay_missing_source_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text('zorginkoop_index_figures: 1\nfigures:\n  - {series: OVA, year: 2026, status: provisional, '
                 'percent: "3"}\n', encoding="utf-8")
    with pytest.raises(zk.ParseError) as e:
        zk.IndexSeriesSet.bundled().overlay(p)
    assert e.value.path.startswith("figures[0]")
    assert "source" in str(e.value)


def test_rate_says_when_a_definitive_figure_is_overdue(figures: Path) -> None:
    c = zk.IndexationClause.parse(CLAUSE)
    r = c.rate(2025)
    assert r.as_of is None and not r.uses_overdue_provisional_figures
    late = c.rate(2025, as_of=datetime.date(2026, 12, 7))
    assert late.uses_overdue_provisional_figures
    assert late.as_of == datetime.date(2026, 12, 7)
    f2025 = [f for f in late.figures if f.year == 2025]
    assert [f.definitive_overdue for f in f2025] == [True, True]
    assert {f.series: f.definitive_due for f in f2025} == {
        "OVA": datetime.date(2025, 7, 1), "PPC": datetime.date(2025, 8, 1)}
    assert late.to_dict()["uses_overdue_provisional_figures"] is True
    assert not c.rate(2025, as_of=datetime.date(2025, 6, 1)).uses_overdue_provisional_figures
    fixed = c.rate(2025, zk.IndexSeriesSet.bundled().overlay(figures), as_of=datetime.date(2026, 12, 7))
    assert not fixed.uses_overdue_provisional_figures
    s = c.schedule("60.00", 2023, 2025, as_of=datetime.date(2026, 12, 7))
    assert [row.rate.uses_overdue_provisional_figures for row in s] == [False, True]


def test_cli_series_lists_last_year_status_and_source(cli: str) -> None:
    r = run(cli, "series", "--as-of", "2026-12-07", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Index series (reference date 2026-12-07)" in r.stdout
    assert "OVA  Overheidsbijdrage in de Arbeidskostenontwikkeling" in r.stdout
    assert "last year: 2025 (provisional)" in r.stdout
    assert "source of the last figure (2025 provisional): VNG, Indexatie bij inkoop" in r.stdout
    assert "overdue: definitive 2025 (due by 2025-07-01, not in the series)" in r.stdout
    assert "overdue: definitive 2025 (due by 2025-08-01, not in the series)" in r.stdout
    assert ("the rate of 2027 (with catch-up) also needs: provisional 2027, provisional 2026, definitive 2026"
            in r.stdout)
    nl = run(cli, "series", "--as-of", "2026-12-07")
    assert nl.returncode == 0
    assert "laatste jaar: 2025 (voorlopig)" in nl.stdout
    assert "ontbreekt: definitief 2025 (verwacht uiterlijk 2025-07-01, niet in de reeks)" in nl.stdout
    early = run(cli, "series", "--as-of", "2025-06-30", "--lang", "en")
    assert "overdue" not in early.stdout


def test_cli_series_json_and_overlay(cli: str, figures: Path) -> None:
    r = run(cli, "series", "--as-of", "2026-12-07", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["zorginkoop_series_list"] == 1 and doc["as_of"] == "2026-12-07"
    ova = {s["id"]: s for s in doc["series"]}["OVA"]
    assert ova["last_year"] == 2025 and ova["last_year_statuses"] == ["provisional"]
    assert ova["last_figure"]["percent"] == "4.18"
    assert ova["last_figure"]["source"].startswith("VNG, ")
    assert ova["last_definitive_year"] == 2024
    assert ova["definitive_due"]["day"] == "07-01"
    assert ova["overdue_definitive"] == [{"year": 2025, "due": "2025-07-01"}]
    o = json.loads(run(cli, "series", "--as-of", "2026-12-07", "--format", "json", "--series", str(figures)).stdout)
    ova2 = {s["id"]: s for s in o["series"]}["OVA"]
    assert ova2["overdue_definitive"] == []
    assert ova2["last_year_statuses"] == ["provisional", "definitive"]
    assert ova2["last_figure"]["source"] == "test source A"


def test_cli_series_refusals(cli: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('zorginkoop_index_figures: 1\nfigures:\n  - {series: OVA, year: 2024, status: definitive, '
                   'percent: "6.01", source: "s"}\n', encoding="utf-8")
    r = run(cli, "series", "--series", str(bad))
    assert r.returncode == 2 and r.stdout == ""
    assert f"{bad}:3:60: figures[0].percent: series OVA already has a definitive figure for 2024" in r.stderr
    assert run(cli, "series", "--as-of", "2026-13-01").returncode == 2
    assert run(cli, "series", "--format", "sarif").returncode == 2
    assert run(cli, "series", "extra").returncode == 2
    h = run(cli, "series", "--help")
    assert h.returncode == 0 and "zorginkoop_index_figures: 1" in h.stdout


def test_cli_index_uses_the_overlay_and_as_of(cli: str, clause: Path, figures: Path) -> None:
    missing = run(cli, "index", "--clause", str(clause), "--year", "2026")
    assert missing.returncode == 2 and "2026" in missing.stderr
    late = run(cli, "index", "--clause", str(clause), "--year", "2025", "--as-of", "2026-12-07", "--lang", "en")
    assert late.returncode == 0, late.stderr
    assert "definitive figure overdue: the definitive OVA figure for 2025 was due by 2025-07-01" in late.stdout
    plain = run(cli, "index", "--clause", str(clause), "--year", "2025", "--lang", "en")
    assert "overdue" not in plain.stdout
    fixed = run(cli, "index", "--clause", str(clause), "--year", "2025", "--as-of", "2026-12-07", "--lang", "en",
                "--series", str(figures), "--format", "json")
    doc = json.loads(fixed.stdout)
    assert doc["derivation"]["uses_overdue_provisional_figures"] is False
    assert doc["derivation"]["as_of"] == "2026-12-07"
    assert run(cli, "index", "--clause", str(clause), "--check", "--year", "2025", "--as-of",
               "2026-12-07").returncode == 2
