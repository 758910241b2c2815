"""One table of words per vocabulary: the Python enums list exactly the words of the C++ tables
(core/enum_table.hpp), in the same order, and every reader refuses a word outside them."""

from __future__ import annotations

import pytest

import zorginkoop as zk
from zorginkoop import _core
from zorginkoop.enums import PriceBasis, Severity, Stage, Verdict


@pytest.mark.parametrize(
    ("enum", "vocabulary"),
    [(Severity, "severity"), (Stage, "stage"), (Verdict, "verdict"), (PriceBasis, "price_basis")],
)
def test_python_enum_lists_the_words_of_the_cpp_table(enum: type, vocabulary: str) -> None:
    tables = _core.vocabularies()
    assert sorted(m.value for m in enum) == sorted(tables[vocabulary])


def test_every_vocabulary_has_distinct_words() -> None:
    for name, words in _core.vocabularies().items():
        assert words and len(set(words)) == len(words), name


def test_rounding_policy_takes_exactly_the_table_words() -> None:
    for word in _core.vocabularies()["rounding_mode"]:
        assert zk.RoundingPolicy(word, 2).mode == word
    with pytest.raises(zk.InvalidInput) as e:
        zk.RoundingPolicy("ceiling", 2)
    assert "half_up, half_even, up or down" in str(e.value)


def test_clause_problems_carry_their_declared_ids() -> None:
    clause = {"components": [{"series": "OVA", "weight": "0.8"}, {"series": "PPC", "weight": "0.1"}]}
    problems = zk.check_indexation_clause(clause, [2024])
    by_code = {p.code: p.rule for p in problems}
    assert by_code["weights_sum"] == "INDEX-002"
    assert by_code["rate_rounding_not_stated"] == "INDEX-007"
    assert by_code["tariff_rounding_not_stated"] == "INDEX-008"
    # The reports keep the rule ids they have always written.
    report = zk.clause_problems_report(problems, "clause")
    assert report.findings[0].rule == "INDEX-WEIGHTS-SUM"


def test_tariff_json_label_follows_the_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from pathlib import Path

    model = Path(__file__).resolve().parents[2] / "examples" / "models" / "begeleiding-individueel.yaml"
    b = zk.build_up(str(model))
    nl = json.loads(b.to_json())
    en = json.loads(b.to_json("en"))
    assert nl == json.loads(b.to_json("nl"))
    assert nl["statutory_basis"]["label"] != en["statutory_basis"]["label"]
    assert "(Hour)" in b.to_text("en") and "(Uur)" in b.to_text("nl")


def test_clause_findings_are_declared_once_with_stable_ids() -> None:
    findings = _core.clause_findings()
    assert [f["id"] for f in findings] == [f"INDEX-00{i}" for i in range(1, 9)]
    assert all(f["basis"] == "contract convention" for f in findings)
    assert all(f["message_key"] == "indexation.problem." + f["code"] for f in findings)
    severities = {f["code"]: f["severity"] for f in findings}
    assert severities["weights_sum"] == "error" and severities["tariff_rounding_not_stated"] == "warning"
