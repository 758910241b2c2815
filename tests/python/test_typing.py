"""The public package type-checks under mypy --strict, stubs included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import zorginkoop


def test_mypy_strict_clean(tmp_path: Path) -> None:
    pkg = Path(zorginkoop.__file__).parent
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from decimal import Decimal\n"
        "import zorginkoop\n"
        "m: zorginkoop.Money = zorginkoop.Money('1.00') + zorginkoop.Money(Decimal('2'))\n"
        "c: int = m.round(zorginkoop.RoundingPolicy('half_up', 2)).to_cents()\n"
        "d: Decimal = m.to_decimal()\n"
    )
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(pkg), str(usage)],
        capture_output=True, text=True, cwd=pkg.parent, timeout=600,
    )
    assert r.returncode == 0, r.stdout + r.stderr
