"""The pytest plugin: collects *.zorginkoop.yaml documents with an expect: block."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

DOC = """\
zorginkoop: 1
id: {id}
law: jeugdwet
procedure: {{kind: sas, award_record: false}}
estimated_value: {{declared: "2000000.00"}}
award: {{date: 2023-05-01}}
publications:
  - {{kind: contract_notice, date: 2022-10-01, eforms_subtype: 20}}
  - {{kind: award_notice, date: 2023-06-15, eforms_subtype: 33}}
{expect}
"""


def _plugin_args() -> list[str]:
    installed = any(ep.name == "zorginkoop" for ep in entry_points(group="pytest11"))
    return [] if installed else ["-p", "zorginkoop.pytest_plugin"]


def test_plugin_collects_documents_with_expect_and_prints_a_diff(pytester: pytest.Pytester) -> None:
    pytester.makefile(".zorginkoop.yaml", good=DOC.format(id="good", expect="expect:\n  fires: [SAS-003, SAS-004]\n  silent: [SAS-001]\n"))
    pytester.makefile(".zorginkoop.yaml", bad=DOC.format(id="bad", expect="expect:\n  fires: [SAS-001]\n  silent: [SAS-003]\n  no_errors: true\n"))
    pytester.makefile(".zorginkoop.yaml", plain=DOC.format(id="plain", expect=""))  # no expect: not collected
    pytester.makefile(".zorginkoop.yaml", broken="zorginkoop: 1\nid: broken\nlaw: jeugdwet\nterm: {start: 2024-02-30}\nexpect: {no_errors: true}\n")
    result = pytester.runpytest(*_plugin_args(), "--zorginkoop-lang", "en")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines([
        "*expected to fire, but silent:*",
        "*- SAS-001*",
        "*expected silent, but fired:*",
        "*+ SAS-003 [[]error[]] publications[[]1[]].date*2023-05-31*",
        "*expected no errors, but found:*",
        "*fired: *SAS-003*",
        "*cannot be read*term.start*",
    ])


def test_plugin_fails_on_a_rule_id_not_in_the_catalogue(pytester: pytest.Pytester) -> None:
    # SAS-999 and PRICE-099 are well-formed ids that no rule has: silent: would pass for ever
    pytester.makefile(".zorginkoop.yaml", silent=DOC.format(id="silent", expect="expect:\n  silent: [SAS-999]\n"))
    pytester.makefile(".zorginkoop.yaml", fires=DOC.format(id="fires", expect="expect:\n  fires: [SAS-003, PRICE-099]\n"))
    pytester.makefile(".zorginkoop.yaml", known=DOC.format(id="known", expect="expect:\n  fires: [SAS-003]\n  silent: [SAS-001]\n"))
    result = pytester.runpytest(*_plugin_args())
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines_random([
        "*silent.zorginkoop.yaml: expect: names rules that are not in the catalogue:*",
        "*? SAS-999 (expect.silent)*",
        "*fires.zorginkoop.yaml: expect: names rules that are not in the catalogue:*",
        "*? PRICE-099 (expect.fires)*",
    ])
    result.stdout.no_fnmatch_line("*? SAS-003 *")


JSON_DOC = {
    "zorginkoop": 1,
    "id": "json",
    "law": "jeugdwet",
    "procedure": {"kind": "sas", "award_record": False},
    "estimated_value": {"declared": "2000000.00"},
    "award": {"date": "2023-05-01"},
    "publications": [
        {"kind": "contract_notice", "date": "2022-10-01", "eforms_subtype": 20},
        {"kind": "award_notice", "date": "2023-06-15", "eforms_subtype": 33},
    ],
}


def test_plugin_finds_expect_by_reading_the_document(pytester: pytest.Pytester) -> None:
    import json

    # every one of these has a top-level expect that a line pattern does not see; each names a
    # rule id that does not exist, so each must be collected and fail
    pretty = dict(JSON_DOC, expect={"silent": ["SAS-991"]})
    pytester.makefile(".zorginkoop.json", pretty=json.dumps(pretty, indent=2))
    one_line = dict(JSON_DOC, expect={"silent": ["SAS-992"]})
    pytester.makefile(".zorginkoop.json", oneline=json.dumps(one_line))
    pytester.makefile(".zorginkoop.yaml", quoted=DOC.format(id="quoted", expect="'expect': {silent: [SAS-993]}"))
    pytester.makefile(".zorginkoop.yaml", complex=DOC.format(id="complex", expect="? expect\n: {silent: [SAS-994]}"))
    pytester.makefile(".zorginkoop.yml", flow='{zorginkoop: 1, id: flow, law: jeugdwet, procedure: {kind: sas}, '
                      'award: {date: 2023-05-01}, expect: {silent: [SAS-995]}}')
    bom = "\ufeffexpect: {silent: [SAS-996]}\n" + DOC.format(id="bom", expect="")
    (pytester.path / "bom.zorginkoop.yaml").write_bytes(bom.encode("utf-8"))
    # a document that passes, to show the reader and the check agree
    ok = dict(JSON_DOC, expect={"fires": ["SAS-003"], "silent": ["SAS-001"]})
    pytester.makefile(".zorginkoop.json", ok=json.dumps(ok, indent=4))
    # not tests: no expect, or expect below the top level
    pytester.makefile(".zorginkoop.json", plain=json.dumps(JSON_DOC, indent=2))
    pytester.makefile(".zorginkoop.yaml", nested=DOC.format(id="nested", expect="notes:\n  expect: SAS-990"))
    result = pytester.runpytest(*_plugin_args(), "-rf")
    result.assert_outcomes(passed=1, failed=6)
    result.stdout.fnmatch_lines_random([f"*? SAS-99{i} (expect.silent)*" for i in range(1, 7)])
    result.stdout.no_fnmatch_line("*SAS-990*")


def test_plugin_collects_an_unreadable_document_and_fails_it(pytester: pytest.Pytester) -> None:
    # malformed YAML, malformed JSON and bytes that are not UTF-8: none has a readable expect, and
    # none may be skipped in silence
    pytester.makefile(".zorginkoop.yaml", badyaml="zorginkoop: 1\nid: [unclosed\n")
    pytester.makefile(".zorginkoop.json", badjson='{"zorginkoop": 1, "id": "x",')
    (pytester.path / "latin1.zorginkoop.yaml").write_bytes("zorginkoop: 1\nid: caf\u00e9\n".encode("latin-1"))
    result = pytester.runpytest(*_plugin_args())
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines_random([
        "*badyaml.zorginkoop.yaml: the document cannot be read:*",
        "*badjson.zorginkoop.json: the document cannot be read:*",
        "*latin1.zorginkoop.yaml: the document cannot be read:*",
    ])
