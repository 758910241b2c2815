"""The shape of the C++ code: zorginkoop.hpp (with core.hpp) reaches every public header, and the
include arrows between the units only point down the layers (DESIGN.md, "Shape")."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include"


def includes(header: Path) -> set[str]:
    return set(re.findall(r'#include "(zorginkoop/[^"]+)"', header.read_text(encoding="utf-8")))


def test_umbrella_header_includes_every_public_header() -> None:
    reached = includes(INCLUDE / "zorginkoop" / "zorginkoop.hpp") | includes(INCLUDE / "zorginkoop" / "core.hpp")
    headers = {str(p.relative_to(INCLUDE)) for p in (INCLUDE / "zorginkoop").glob("*/*.hpp")}
    assert headers, "no public headers found"
    assert headers - reached == set()


# The layers of the library, bottom to top (DESIGN.md, "Shape"). A unit may include its own headers
# and those of units on lower levels; never a unit above it, nor another unit on its own level.
LEVELS: dict[str, int] = {
    "core": 0,
    "io": 1,
    "law": 1,
    "bundled": 2,  # reads the data of core and law (message catalogues, laws, holiday decrees) with io
    "report": 3,
    "tariff": 4,
    "indexation": 4,
    "procurement": 5,
    "declarations": 5,
    "cli": 6,
}
# The headers and sources directly under include/zorginkoop/ and src/: what level they belong to.
# zorginkoop.hpp (everything in one include) is above every level and is not scanned.
TOP_FILES: dict[str, str] = {
    "core.hpp": "core",  # the core headers in one include
    "data.hpp": "core",  # the bundled files as bytes (no parsing): core's error type only
    "version.hpp": "core",  # generated from cmake/version.hpp.in
    "data.cpp": "core",
    "embedded.hpp": "core",
}
# Arrows kept on purpose, each with its reason. (from unit, to unit)
ALLOWED: dict[tuple[str, str], str] = {
    ("declarations", "procurement"): "the DECL rules judge a declaration against a contract (a procurement "
    "Document) and are procurement Rules, emitted with the procurement rule support",
}
SRC = ROOT / "src"
INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def unit_of(path: Path) -> str | None:
    """The unit of a file under include/zorginkoop/ or src/ (None: the umbrella header)."""
    base = INCLUDE / "zorginkoop" if path.is_relative_to(INCLUDE) else SRC
    parts = path.relative_to(base).parts
    if len(parts) > 1:
        return parts[0]
    if parts[0] == "zorginkoop.hpp":
        return None
    return TOP_FILES[parts[0]]


def included_unit(source: Path, target: str) -> str:
    """The unit of what `#include "target"` in `source` names: a public header or a relative path."""
    if target.startswith("zorginkoop/"):
        parts = target.split("/")[1:]
        return parts[0] if len(parts) > 1 else TOP_FILES[parts[0]]
    resolved = (source.parent / target).resolve()
    unit = unit_of(resolved)
    assert unit is not None, f"{source}: includes the umbrella header"
    return unit


def include_arrows(root: Path) -> list[tuple[str, str, str, str]]:
    """Every include arrow under `root` (include/zorginkoop or src) that leaves its unit:
    (file, included, from unit, to unit)."""
    arrows = []
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".hpp", ".cpp", ".h"}):
        unit = unit_of(path)
        if unit is None:
            continue
        for target in INCLUDE_RE.findall(path.read_text(encoding="utf-8")):
            to = included_unit(path, target)
            if to != unit:
                arrows.append((str(path.relative_to(ROOT)), target, unit, to))
    return arrows


def test_every_unit_has_a_level() -> None:
    units = {p.name for p in (INCLUDE / "zorginkoop").iterdir() if p.is_dir()}
    units |= {p.name for p in SRC.iterdir() if p.is_dir()}
    assert units - LEVELS.keys() == set()


def test_include_arrows_only_point_down() -> None:
    arrows = include_arrows(INCLUDE / "zorginkoop") + include_arrows(SRC)
    assert arrows, "no include arrows found between units"
    wrong = [
        f"{file} includes {target}: {src} (level {LEVELS[src]}) -> {dst} (level {LEVELS[dst]})"
        for file, target, src, dst in arrows
        if LEVELS[dst] >= LEVELS[src] and (src, dst) not in ALLOWED
    ]
    assert wrong == []


def test_every_allowed_arrow_is_still_needed() -> None:
    used = {(src, dst) for _, _, src, dst in include_arrows(INCLUDE / "zorginkoop") + include_arrows(SRC)}
    assert set(ALLOWED) - used == set()


# Private headers (under src/) reached from another unit, each with its reason. (file, include)
ALLOWED_PRIVATE: dict[tuple[str, str], str] = {
    ("src/declarations/check.cpp", "../procurement/rule_support.hpp"): "the DECL rules cite the law as the "
    "procurement rules do (see ALLOWED)",
    ("src/procurement/document_fields.hpp", "../io/fields.hpp"): "the field-table engine of the io level "
    "drives the document format; not installed, because its codec protocol is no stable API",
    ("src/tariff/cost_model.cpp", "../io/fields.hpp"): "the same engine drives the cost model format",
}


def test_no_unit_reads_another_units_private_headers() -> None:
    private = [
        (file, target)
        for file, target, _, _ in include_arrows(SRC)
        if not target.startswith("zorginkoop/") and not (ROOT / file).parent.joinpath(target).resolve().is_relative_to(INCLUDE)
    ]
    assert sorted(set(private) - ALLOWED_PRIVATE.keys()) == []
    assert ALLOWED_PRIVATE.keys() - set(private) == set()
