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
