"""Dutch text reports hold no English: every example (procurement cases and rule fixtures, cost
models with and without a realism check, indexation clauses over every year of the bundled series)
is rendered in Dutch and searched for English words, enum names and header keys.

Document paths (`term.start`, `lots[0].products[1]`), addresses and the reports' user text are not
language and are left out of the search.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

import zorginkoop as zk
from zorginkoop import _core, errors

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "examples" / "cases").glob("*.zorginkoop.yaml"))
RULE_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "procurement" / "rules").glob("*.zorginkoop.yaml"))
MODELS = sorted((ROOT / "examples" / "models").glob("*.yaml"))
CLAUSES = sorted(p for p in (ROOT / "examples" / "indexation").glob("*.yaml") if p.name != "runs.yaml")

ENGLISH_WORDS = {
    "the", "and", "also", "with", "for", "from", "not", "missing", "line", "final", "fixed", "floor",
    "substantiated", "multiple", "decimals", "true", "false", "yes", "previously", "figure", "estimate",
    "based", "includes", "composition", "gives", "which", "this", "applies", "request", "reported",
    "hospitals", "mentions", "earlier", "later", "rounding", "tariff", "evaluated", "summary", "source",
    "error", "warning", "break",
}  # fmt: skip
# Names as the formats write them: enum values and keys with an underscore, and the laws in lower case.
FORMAT_NAME = re.compile(r"\b(?:[a-z0-9]+_[a-z0-9_]+|jeugdwet|wmo2015)\b")
NOT_LANGUAGE = re.compile(r"https?://\S+|<[^>\s]+>|[\w\[\]]+(?:\.[\w\[\]]+)+|\bzorginkoop \S+")


# A finding's first line names the place in the document ("INFO  REG-001  estimated_value (regel
# 3, kolom 1)"), and "ook:" lines name more; the paths there are the document's own keys.
FINDING_PLACE = re.compile(r"^(\S+ +[A-Z]+-\d{3}  |    ook: )\S+")


def _schema_keys(node: object) -> set[str]:
    keys: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties" and isinstance(v, dict):
                keys |= set(v)
            keys |= _schema_keys(v)
    elif isinstance(node, list):
        for v in node:
            keys |= _schema_keys(v)
    return keys


# Keys of the document and cost-model formats that a message names ("(cost_model)"), and the
# iJw units as documents name them (Dutch identifiers: "82 stuks_output").
FORMAT_KEYS = (
    _schema_keys(zk.document_schema()) | _schema_keys(zk.document_schema("cost-model")) | {"stuks_output", "stuks_inspanning"}
)


def english_in(text: str) -> list[str]:
    """The English words and format names in `text`, outside paths, addresses and the document's
    own id. Keys of the formats count as English in the report's header, not in a message."""
    found = []
    header = True
    for line in text.splitlines():
        header = header and line != ""
        if line.startswith("Onderwerp: "):  # the document's own id
            continue
        plain = NOT_LANGUAGE.sub(" ", FINDING_PLACE.sub(r"\1", line))
        found += [w for w in re.findall(r"[A-Za-z][A-Za-z-]*", plain) if w.lower() in ENGLISH_WORDS]
        found += [n for n in FORMAT_NAME.findall(plain) if header or n not in FORMAT_KEYS]
    return found


def test_the_search_finds_english() -> None:
    assert english_in("  procedure_kind: open_house") == ["procedure_kind", "open_house"]
    assert english_in("tarief 60.23  afronding: half_up, 2 decimals; op final") == ["decimals", "final", "half_up"]
    assert english_in("    noot: Conflict: the VNG advice gives 7.02 %") == ["the", "gives"]
    assert english_in("Toets (fixed): tarief 58.00; jeugdwet") == ["fixed", "jeugdwet"]
    assert english_in("INFO  Niet beoordeeld: lots[0].products[1].price_basis <https://x.nl/a_b>") == []
    assert english_in("INFO         REG-001  estimated_value (regel 3, kolom 1)\n    ook: award_date") == []
    assert english_in("\nINFO         REG-001  -\n    3 producten zonder kostprijsopbouw (cost_model)") == []
    assert english_in("  estimated_value: -\n\n    zonder kostprijsopbouw (cost_model)") == ["estimated_value"]


@pytest.mark.parametrize("path", CASES + RULE_FIXTURES, ids=lambda p: p.name)
def test_procurement_report_in_dutch(path: Path) -> None:
    report = zk.check(path)
    assert english_in(report.to_text("nl")) == []


def _run(cli: str, *args: str) -> str:
    r = subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_tariff_build_up_and_realism_check_in_dutch(cli: str, model: Path) -> None:
    assert english_in(_run(cli, "tariff", str(model))) == []
    for basis in ("fixed", "floor", "substantiated"):
        text = _run(cli, "tariff", str(model), "--tariff", "1.00", "--basis", basis)
        assert "Toets (" in text
        assert english_in(text) == []


def _single_series_clauses() -> list[Any]:
    """One clause per bundled series and catch-up method, so that every year with a figure is
    rendered (the example clauses need both series)."""
    out = []
    for sid in ("OVA", "PPC"):
        for catch_up in ("none", "multiplicative", "additive"):
            out.append(_core.IndexationClause.from_dict({
                "components": [{"series": sid, "weight": "1"}], "catch_up": catch_up,
                "rate_rounding": {"scale": 2, "mode": "half_up", "at": "parts"},
                "tariff_rounding": {"scale": 2, "mode": "half_up"},
            }))  # fmt: skip
    return out


def _rates(clauses: list[Any]) -> Iterator[Any]:
    series = _core.IndexSeriesSet.bundled()
    for c in clauses:
        for year in range(2001, 2030):
            try:
                yield c.rate(year, series)
            except errors.MissingData:
                continue


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda p: p.name)
def test_indexation_in_dutch(clause: Path) -> None:
    c = _core.IndexationClause.load(clause)
    rates = list(_rates([c]))
    assert rates
    for d in rates:
        assert english_in(d.to_text("nl")) == [], d.year
        schedule = c.schedule("60.23", d.year - 1, d.year, _core.IndexSeriesSet.bundled())
        assert english_in(schedule.to_text("nl")) == [], d.year


def test_indexation_in_dutch_over_every_bundled_year() -> None:
    rates = list(_rates(_single_series_clauses()))
    assert len(rates) >= 20
    for d in rates:
        assert english_in(d.to_text("nl")) == [], d.year


def test_the_bundled_notes_are_shown_in_dutch() -> None:
    c = _core.IndexationClause.load(ROOT / "examples" / "indexation" / "vng-2024.yaml")
    series = _core.IndexSeriesSet.bundled()
    notes = set()
    for d in _rates(_single_series_clauses()):
        nl, en = d.to_text("nl"), d.to_text("en")
        for f in d.figures:
            if f.note:
                notes.add(f.note)
                assert f.note in en  # English shows the notes as written
                assert f.note not in nl, (d.year, f.series, f.year, f.status)
    assert len(notes) >= 12
    # A note of the user's own series is shown as written, in Dutch too.
    own = _core.IndexSeries.parse(
        "zorginkoop_index_series: 1\nid: OVA\nname: eigen\nunit: percent\nvalues:\n"
        '  - {year: 2022, status: definitive, percent: "4.42", source: "eigen, https://x.nl", note: "eigen noot"}\n'
        '  - {year: 2023, status: provisional, percent: "4.74", source: "eigen, https://x.nl", note: "Pre-calculation: own"}\n'
        '  - {year: 2023, status: definitive, percent: "6.36", source: "eigen, https://x.nl"}\n'
        '  - {year: 2024, status: provisional, percent: "4.94", source: "eigen, https://x.nl"}\n'
    )
    text = c.rate(2024, series.with_series(own)).to_text("nl")
    assert "noot: Pre-calculation: own" in text
