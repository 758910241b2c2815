"""The rule files (data/rules/<group>/<ID>.yaml) as the tests read them: the entries of the
procurement check's catalogue in catalogue order (section, then id), each with its id, section,
group, the severity the catalogue states (``catalogue_severity``, else ``severity``), its text and
the tags of the law texts it quotes (``citations``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zorginkoop import _core

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "data" / "rules"


def read(path: Path) -> dict[str, Any]:
    """One rule file, read by the library's strict YAML reader (scalars stay text)."""
    data = _core.parse_yaml(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert isinstance(data, dict), path
    return data


def catalogue(groups: str = "procurement") -> list[dict[str, Any]]:
    """The catalogue entries of the procurement rules ("procurement") or the declaration rules ("decl")."""
    out = []
    for path in sorted(RULES.glob("*/*.yaml")):
        if (path.parent.name == "decl") != (groups == "decl"):
            continue
        f = read(path)
        out.append({"id": f["id"], "section": f["section"], "group": f["group"],
                    "severity": f.get("catalogue_severity") or f["severity"], "text": f["text"],
                    "citations": f.get("texts"), "file": path})
    out.sort(key=lambda e: (int(e["section"]), str(e["id"])))
    return out
