"""The README's test table (section "Tests") names every test file in tests/."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_test_table_lists_every_test_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Tests\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`(test_\w+\.py)`", section))
    present = {p.name for p in (ROOT / "tests").glob("test_*.py")}
    assert not present - listed, f"add these to the test table in README.md (## Tests): {sorted(present - listed)}"
    assert not listed - present, f"the test table in README.md names files that do not exist: {sorted(listed - present)}"
