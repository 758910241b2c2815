"""Readers and writers: every character survives a save and a load, error messages decode and
quote whole characters, files that are directories, JSON numbers out of range, misspelt keys,
a zero tariff, and documents with many lots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import zorginkoop
from zorginkoop import _core, errors

ROOT = Path(__file__).resolve().parents[2]
SHARE_MODEL = ROOT / "examples" / "models" / "begeleiding-individueel-share.yaml"

# One name per class of characters YAML does not allow as themselves or reads as line breaks.
NAMES = {
    "C0": "a\x00b\x01c\x1fd",
    "tab and newlines": "a\tb\nc\rd",
    "DEL": "a\x7fb",
    "C1": "a\x80b\x9fc",
    "NEL": "a\x85b",
    "LS and PS": "a\u2028b\u2029c",
    "BOM": "\ufeffa\ufeffb",
    "non-characters": "a\ufffeb\uffffc",
    "astral": "a\U0001F600b\U0010FFFFc",
    "quotes": "a\"b\\c'd",
    "euro": "6€.23",
}

DOCUMENT = {"zorginkoop": 1, "id": "doc", "law": "jeugdwet"}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_every_character_class_survives_save_and_load(name: str, tmp_path: Path) -> None:
    tree = {"name": name, name: "as a key", "list": [name]}
    from_yaml = _core.parse_yaml(_core.tree_to_yaml(tree))
    assert from_yaml == tree
    assert _core.parse_yaml(_core.tree_to_yaml(from_yaml)) == tree
    from_json = _core.parse_json(_core.tree_to_json(from_yaml))
    assert from_json == tree
    assert json.loads(_core.tree_to_json(tree)) == tree
    doc = zorginkoop.load_document({**DOCUMENT, "title": name})
    assert doc.title == name
    (tmp_path / "doc.yaml").write_text(doc.to_yaml(), encoding="utf-8")
    (tmp_path / "doc.json").write_text(doc.to_json(), encoding="utf-8")
    assert zorginkoop.load_document(tmp_path / "doc.yaml") == doc
    assert zorginkoop.load_document(tmp_path / "doc.json") == doc


def test_saved_yaml_has_no_raw_characters_yaml_forbids() -> None:
    saved = _core.tree_to_yaml({"name": "".join(NAMES.values())})
    for ch in "\x00\x01\x7f\x80\x85\x9f\u2028\u2029\ufeff\ufffe\uffff":
        assert ch not in saved


@pytest.mark.parametrize(
    ("call", "whole"),
    [
        (lambda: zorginkoop.Money("6€.23"), "'€'"),
        (lambda: zorginkoop.parse_date("2023-0ü-01"), "2023-0ü-01"),
        (lambda: zorginkoop.parse_date("2023-01-01" + " " * 29 + "ü"), "ü"),
        (lambda: zorginkoop.Money("0." + "0" * 61 + "€x"), "€"),
    ],
)
def test_error_messages_decode_and_quote_whole_characters(call, whole: str) -> None:
    with pytest.raises(errors.InvalidInput) as e:
        call()
    assert whole in str(e.value)


def test_reader_errors_quote_whole_characters_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("zorginkoop: 1\nid: x\nlaw: jeugdwet\nplanning:\n  started: 2023-0ü-01\n", encoding="utf-8")
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.load_document(path)
    assert "2023-0ü-01" in str(e.value)
    assert (e.value.line, e.value.path) == (5, "planning.started")
    doc = {**DOCUMENT, "lots": [{"id": "1", "products": [{"code": "45A53", "tariff": "6€.23"}]}]}
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.load_document(doc)
    assert "'€'" in str(e.value)
    assert e.value.path == "lots[0].products[0].tariff"


def test_control_characters_are_escaped_in_messages() -> None:
    with pytest.raises(errors.InvalidInput) as e:
        zorginkoop.Money("1\n2")
    assert "'1\\n2'" in str(e.value)


def test_semantic_errors_carry_the_line(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("zorginkoop: 1\nlaw: jeugdwet\nid: \"\"\n", encoding="utf-8")
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.load_document(path)
    assert (e.value.line, e.value.path) == (3, "id")


def test_a_directory_or_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(errors.ParseError) as e:
        _core.read_file(str(tmp_path))
    assert "directory" in str(e.value)
    assert "9223372036854775807" not in str(e.value)
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.load_document(tmp_path)
    assert "directory" in str(e.value)
    with pytest.raises(errors.ParseError) as e:
        _core.read_file(str(tmp_path / "missing.yaml"))
    assert "no such file" in str(e.value)


def test_json_number_out_of_range_has_our_message() -> None:
    with pytest.raises(errors.Overflow) as e:
        _core.parse_json('{"tariff":\n 1e400}', "n.json")
    assert "json.exception" not in str(e.value)
    assert "1e400" in str(e.value)
    assert (e.value.line, e.value.path) == (2, "tariff")
    with pytest.raises(errors.ParseError) as e:
        _core.parse_json("[1 2]")
    assert "json.exception" not in str(e.value)


def test_misspelt_key_is_named_with_the_known_one() -> None:
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.CostModel.parse_yaml('zorginkoop_cost_model: 1\nlwa: jeugdwet\nunit: "04"\n')
    assert "unknown key 'lwa'" in str(e.value)
    assert "did you mean 'law'?" in str(e.value)
    assert e.value.line == 2
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.load_document({**DOCUMENT, "titel": "x"})
    assert "did you mean 'title'?" in str(e.value)


def test_zero_tariff_against_a_share_model_is_invalid_input_naming_the_tariff() -> None:
    model = zorginkoop.CostModel.load(SHARE_MODEL)
    with pytest.raises(errors.InvalidInput) as e:
        zorginkoop.check_tariff(zorginkoop.Money("0"), model)
    assert e.value.path == "tariff"


def test_one_line_json_with_100k_lots_reads(tmp_path: Path) -> None:
    n = 100_000
    doc = {**DOCUMENT, "lots": [{"id": f"L{i}"} for i in range(n)]}
    path = tmp_path / "many.json"
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    loaded = zorginkoop.load_document(path)
    assert loaded.to_dict()["lots"][-1] == {"id": f"L{n - 1}"}
    assert len(loaded.to_dict()["lots"]) == n
    doc["lots"][-1]["id"] = "L7"
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    with pytest.raises(errors.ParseError) as e:
        zorginkoop.load_document(path)
    assert e.value.path == f"lots[{n - 1}]"
    assert e.value.line == 1
