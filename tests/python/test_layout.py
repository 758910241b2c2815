"""The shape of the public C++ API: zorginkoop.hpp (with core.hpp) reaches every public header."""

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
