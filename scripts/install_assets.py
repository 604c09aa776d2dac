#!/usr/bin/env python3
"""Copy the YASGUI browser bundle from node_modules into server/publishing/static/vendor/ (git-ignored).

Run after `npm ci` in the project folder:  npm ci && python scripts/install_assets.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "@zazuko" / "yasgui"
TARGET = ROOT / "server" / "publishing" / "static" / "vendor" / "yasgui"
FILES = ["build/yasgui.min.js", "build/yasgui.min.js.map", "build/yasgui.min.css", "package.json"]


def main() -> int:
    missing = [f for f in FILES if not (SOURCE / f).is_file()]
    if missing:
        print(f"{SOURCE} lacks {', '.join(missing)}. Run `npm ci` in {ROOT} first, then run this again.",
              file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    for f in FILES:
        shutil.copy2(SOURCE / f, TARGET / Path(f).name)
    for licence in SOURCE.glob("LICEN[CS]E*"):
        shutil.copy2(licence, TARGET / licence.name)
    print(f"YASGUI copied to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
