#!/usr/bin/env python3
"""Generate the rule pages docs/rules/<ID>.md and their index docs/rules/README.md.

Everything comes from the repository:

- the rule metadata as the library reads it from the rule files ``data/rules/<group>/<ID>.yaml``
  (``zorginkoop._core.rule_catalogue()``: id, short Dutch and English title, severity, stage, scope,
  dates in force, citations with their URLs, note);
- the rule text and the tags of the law texts it quotes from the same rule files (``text``,
  ``texts``; without ``texts`` the tags in [brackets] at the end of the text are used), and its
  section and group;
- the law quoted verbatim from ``data/law/texts.yaml``;
- one firing and one silent example: the rule fixtures
  ``tests/fixtures/procurement/rules/<ID>.fires.zorginkoop.yaml`` and ``<ID>.silent.zorginkoop.yaml``;
- the declaration rules (``DECL-*``, ``_core.declaration_rule_catalogue()``) the same way, with their
  rule files in ``data/rules/decl/`` and their messages
  ``tests/fixtures/declarations/rules/<ID>.fires.xml`` and ``<ID>.silent.xml``.

The output depends on nothing else (no dates, no environment), so running the script twice gives the
same bytes. Usage::

    PYTHONPATH=build/dev/python python scripts/gen_rule_docs.py            # writes docs/rules/
    PYTHONPATH=build/dev/python python scripts/gen_rule_docs.py --out DIR  # writes DIR instead

Missing inputs do not stop the generator: a rule without a title, text, fixture or law text gets a
page that says what is missing, and the documentation tests report it.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = ROOT / "data" / "rules"
LAW_TEXTS = ROOT / "data" / "law" / "texts.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "procurement" / "rules"
DECL_FIXTURES = ROOT / "tests" / "fixtures" / "declarations" / "rules"
DEFAULT_OUT = ROOT / "docs" / "rules"

#: A tag of data/law/texts.yaml: AW-2.6a-1, EU-ANNEX-XIV, JW-B2.3-1, OH-1, WMO-2.6.4-H1.
TAG = re.compile(r"\b[A-Z]{2,}(?:-[A-Za-z0-9.]+)+\b")
#: A rule id: SAS-003.
RULE_ID = re.compile(r"^[A-Z]+-\d{3}$")

STAGES = {
    "regime": "regime",
    "value": "estimated value",
    "publication": "publication and procedure steps",
    "term": "term and modification",
    "award": "award",
    "price": "reële prijs",
    "open_house": "Open House",
    "funding": "funding variants and iJw/iWmo",
}
LAWS = {"both": "Jeugdwet and Wmo 2015", "jeugdwet": "Jeugdwet only", "wmo2015": "Wmo 2015 only"}


# ---------------------------------------------------------------------------------------- inputs

def _parse_yaml(path: Path) -> Any:
    """A YAML file as plain Python (scalars stay text), read by the library's own strict reader."""
    from zorginkoop import _core

    return _core.parse_yaml(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


def _load_optional(path: Path) -> Any:
    return _parse_yaml(path) if path.is_file() else None


def tags_of(entry: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    """The law-text tags of a catalogue entry, and the other sources it names without a tag."""
    if not entry:
        return [], []
    items: list[str]
    if isinstance(entry.get("citations"), list):
        items = [str(c) for c in entry["citations"]]
    else:
        items = []
        for bracket in re.findall(r"\[([^\]]*)\]", str(entry.get("text") or "")):
            items.extend(p.strip() for p in re.split(r"[,/]", bracket) if p.strip())
    tags: list[str] = []
    named: list[str] = []
    for item in items:
        found = [t for t in TAG.findall(item) if not RULE_ID.match(t)]
        if found:
            for t in found:
                if t not in tags:
                    tags.append(t)
        elif item not in named:
            named.append(item)
    return tags, named


def catalogue_entries() -> dict[str, dict[str, Any]]:
    """What the rule pages take from each rule file (data/rules/<group>/<ID>.yaml), by id: section,
    group, the severity the catalogue states (``catalogue_severity``, else ``severity``), the text and
    the tags of the law texts it quotes (``citations``)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(RULE_FILES.glob("*/*.yaml")):
        f = _parse_yaml(path)
        if not isinstance(f, dict):
            continue
        out[str(f.get("id"))] = {
            "id": f.get("id"),
            "section": f.get("section"),
            "group": f.get("group"),
            "severity": f.get("catalogue_severity") or f.get("severity"),
            "text": f.get("text"),
            "citations": f.get("texts"),
        }
    return out


def law_entries(texts: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(texts, dict):
        return {}
    tags = texts.get("tags")
    return tags if isinstance(tags, dict) else {}


def fixtures_of(rule_id: str) -> tuple[Path | None, Path | None, list[Path]]:
    """The main firing and silent fixtures of a rule, and its other fixtures."""
    if rule_id.startswith("DECL-"):  # declaration messages, judged against a contract
        fires, silent = DECL_FIXTURES / f"{rule_id}.fires.xml", DECL_FIXTURES / f"{rule_id}.silent.xml"
        return (fires if fires.is_file() else None), (silent if silent.is_file() else None), []
    fires = FIXTURES / f"{rule_id}.fires.zorginkoop.yaml"
    silent = FIXTURES / f"{rule_id}.silent.zorginkoop.yaml"
    others = sorted(p for p in FIXTURES.glob(f"{rule_id}.*.zorginkoop.*") if p not in (fires, silent))
    return (fires if fires.is_file() else None), (silent if silent.is_file() else None), others


# ---------------------------------------------------------------------------------------- render

def _date(d: Any) -> str:
    return d.isoformat() if d is not None else ""


def in_force(rule: dict[str, Any]) -> str:
    start, end = rule.get("in_force_from"), rule.get("in_force_to")
    if start is None and end is None:
        return "no limit"
    if end is None:
        return f"from {_date(start)}"
    if start is None:
        return f"until {_date(end)}"
    return f"{_date(start)} to {_date(end)}"


def scope(rule: dict[str, Any]) -> str:
    if str(rule.get("id", "")).startswith("DECL-"):
        return "declaration messages JW323 (Jeugdwet) and WMO323 (Wmo 2015), judged against the contract"
    parts = [LAWS.get(str(rule.get("law")), str(rule.get("law")))]
    only = list(rule.get("only_kinds") or [])
    except_ = list(rule.get("except_kinds") or [])
    if only:
        parts.append("procedure kinds " + ", ".join(f"`{k}`" for k in only))
    elif except_:
        parts.append("every procedure kind except " + ", ".join(f"`{k}`" for k in except_))
    else:
        parts.append("every procedure kind")
    if rule.get("needs_part2"):
        parts.append("only when Part 2 of the Aanbestedingswet 2012 applies (estimated value at or above the threshold, REG-001)")
    return "; ".join(parts)


def citation_line(c: Any) -> str:
    nl, en = c.label("nl"), c.label("en")
    text = nl if nl == en else f"{nl} ({en})"
    extra = f", version {c.version_date.isoformat()}" if c.version_date is not None else ""
    if c.url:
        return f"- [{text}]({c.url}){extra}"
    return f"- {text}{extra} (no public address)"


def quote(text: str) -> list[str]:
    """A verbatim text as a Markdown block quote, one paragraph per line of the text."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(">")
        out.append(("> " + line) if line else ">")
    return out


def verification(e: dict[str, Any]) -> str:
    """Whether an entry's texts were checked against the official text, for the reader."""
    confidence = {str(c) for c in (e.get("confidence") or [])}
    if confidence == {"verified"}:
        return "yes"
    if "verified" in confidence:
        return "in part (see the labels of the texts)"
    return "no, not yet"


def law_section(tags: list[str], named: list[str], laws: dict[str, dict[str, Any]], binding: bool = True) -> list[str]:
    out: list[str] = []
    if not tags and not named:
        if binding:
            return ["No provision is quoted for this rule yet; its citations are listed above.", ""]
        return ["This rule rests on guidance, not on a provision of law; its sources are listed under "
                "Citations above.", ""]
    for tag in tags:
        e = laws.get(tag)
        if e is None:
            out += [f"### {tag}", "", f"No text for `{tag}` in `data/law/texts.yaml`.", ""]
            continue
        out += [f"### {tag} — {e.get('title', '')}", ""]
        status = ", ".join(str(s) for s in (e.get("status") or [])) or "-"
        out += [
            "| | |",
            "|---|---|",
            f"| Instrument | {_cell(str(e.get('law', '')))} ({_cell(str(e.get('law_id', '')))}) |",
            f"| Article | {_cell(str(e.get('article', '')))} |",
            f"| Status | {status} |",
            f"| Checked against the official text | {verification(e)} |",
            f"| Version | {_cell(str(e.get('version_basis', '')))} |",
        ]
        if e.get("source"):
            out.append(f"| Source | {_cell(str(e['source']))} |")
        out.append("")
        texts = e.get("texts") or []
        if not texts:
            out += [f"No verbatim text is quoted: {e.get('missing', '')}", ""]
        elif verification(e) == "no, not yet":
            out += ["This text has not yet been checked against the official text.", ""]
        if e.get("not_quoted"):
            out += [f"Not quoted yet: {e['not_quoted']}", ""]
        for t in texts:
            out += [f"**{t.get('label', '')}**", ""]
            out += quote(str(t.get("text", "")))
            out.append("")
    for name in named:
        out += [f"The catalogue also names **{name}** as a source; it has no tag of its own in "
                "`data/law/texts.yaml`.", ""]
    return out


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def fence(text: str, lang: str) -> list[str]:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    mark = "`" * max(3, longest + 1)
    body = text if text.endswith("\n") else text + "\n"
    return [mark + lang] + body[:-1].split("\n") + [mark]


def example(kind: str, path: Path | None, rule_id: str) -> list[str]:
    if path is None:
        return [f"### {kind}", "", f"No fixture `{rule_id}.{kind.lower()}.zorginkoop.yaml`.", ""]
    rel = path.relative_to(ROOT).as_posix()
    verb = "fires" if kind == "Fires" else "stays silent"
    xml = path.suffix == ".xml"
    against = " (against `tests/fixtures/declarations/contract-jeugd.zorginkoop.yaml`)" if xml else ""
    out = [f"### {kind}", "", f"The rule {verb} on `{rel}`{against}:", ""]
    out += fence(path.read_text(encoding="utf-8"), "xml" if xml else "yaml")
    out.append("")
    return out


def difference(fires: Path | None, silent: Path | None) -> list[str]:
    """What distinguishes the silent example from the firing one, as a unified diff."""
    if fires is None or silent is None:
        return []
    a = silent.read_text(encoding="utf-8").splitlines()
    b = fires.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(a, b, silent.name, fires.name, n=1, lineterm=""))
    if not diff:
        return []
    out = ["The two examples differ only where shown (lines starting with `-` are from the silent",
           "example, lines starting with `+` from the firing one):", ""]
    out += fence("\n".join(diff) + "\n", "diff")
    out.append("")
    return out


def page(rule: dict[str, Any], entry: dict[str, Any] | None, title: dict[str, Any] | None,
         laws: dict[str, dict[str, Any]]) -> str:
    rid = str(rule["id"])
    nl = str(title.get("nl", "")) if title else ""
    en = str(title.get("en", "")) if title else ""
    out = [f"# {rid} — {en or '(no title)'}", ""]
    out += [f"*{nl or '(geen titel)'}*", ""]
    out += ["<!-- Generated by scripts/gen_rule_docs.py; do not edit by hand. -->", ""]
    out += [
        "| | |",
        "|---|---|",
        f"| Rule | `{rid}` |",
        f"| Title (nl) | {nl or '-'} |",
        f"| Title (en) | {en or '-'} |",
        f"| Severity | {rule.get('severity')}" + (f" (catalogue: {entry.get('severity')})" if entry and
                                                   str(entry.get('severity')) != str(rule.get('severity')) else "") + " |",
        f"| Stage | {STAGES.get(str(rule.get('stage')), str(rule.get('stage')))} |",
        f"| Scope | {scope(rule)} |",
        f"| Dates in force (reference date) | {in_force(rule)} |",
        f"| Binding law cited | {'yes' if rule.get('binding') else 'no (guidance only)'} |",
    ]
    if entry and entry.get("group"):
        out.append(f"| Section | {entry.get('section', '')}. {_cell(str(entry['group']))} |")
    out.append("")
    out += ["## What it checks", ""]
    text = str(entry.get("text")) if entry and entry.get("text") else "No text for this rule in its rule file."
    out += [text, ""]
    out += ["## Citations", ""]
    cites = list(rule.get("citations") or [])
    out += [citation_line(c) for c in cites] if cites else ["None."]
    out.append("")
    tags, named = tags_of(entry)
    out += ["## The law quoted", ""]
    out += law_section(tags, named, laws, bool(rule.get("binding")))
    out += ["## Notes", ""]
    note = str(rule.get("note") or "").strip()
    out += [note if note else "None.", ""]
    out += ["## Examples", ""]
    fires, silent, others = fixtures_of(rid)
    out += difference(fires, silent)
    out += example("Fires", fires, rid)
    out += example("Silent", silent, rid)
    if others:
        out += ["Other fixtures of this rule: " + ", ".join(f"`{p.relative_to(ROOT).as_posix()}`" for p in others) + ".", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def index(rules: list[dict[str, Any]], entries: dict[str, dict[str, Any]], titles: dict[str, Any]) -> str:
    out = ["# The rules", "",
           "<!-- Generated by scripts/gen_rule_docs.py; do not edit by hand. -->", "",
           "Every rule of the procurement check, in the order of the report, grouped by section, and the",
           "rules of the declaration check (iJw/iWmo messages against the contract, section 11). Each page",
           "gives what the rule checks, its scope and dates in force, the law quoted verbatim with its",
           "citations, and an input on which it fires and one on which it stays silent.", ""]
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for r in rules:
        e = entries.get(str(r["id"]))
        name = f"{e.get('section', '')}. {e['group']}" if e and e.get("group") else "Other rules"
        if not groups or groups[-1][0] != name:
            groups.append((name, []))
        groups[-1][1].append(r)
    for name, members in groups:
        out += [f"## {name}", "", "| rule | titel | title | severity |", "|---|---|---|---|"]
        for r in members:
            rid = str(r["id"])
            t = titles.get(rid) or {}
            out.append(f"| [{rid}]({rid}.md) | {_cell(str(t.get('nl', '-')))} | {_cell(str(t.get('en', '-')))} | {r.get('severity')} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def generate() -> dict[str, str]:
    """The generated files: name → content."""
    from zorginkoop import _core

    rules = list(_core.rule_catalogue()) + list(_core.declaration_rule_catalogue())
    entries = catalogue_entries()
    titles = {str(r["id"]): r.get("title") or {} for r in rules}
    laws = law_entries(_load_optional(LAW_TEXTS))
    files = {f"{r['id']}.md": page(r, entries.get(str(r["id"])), titles.get(str(r["id"])), laws) for r in rules}
    files["README.md"] = index(rules, entries, titles)
    return files


def write(out: Path) -> list[Path]:
    files = generate()
    out.mkdir(parents=True, exist_ok=True)
    for stale in sorted(out.glob("*.md")):
        if stale.name not in files and (RULE_ID.match(stale.stem) or stale.name == "README.md"):
            stale.unlink()
    written = []
    for name in sorted(files):
        path = out / name
        path.write_bytes(files[name].encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default docs/rules)")
    args = ap.parse_args(argv)
    written = write(args.out)
    print(f"{len(written)} files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
