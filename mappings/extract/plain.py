"""Plain text and Markdown: strict UTF-8 (mappings/text.py says why strict)."""
from __future__ import annotations

import platform

from .. import text
from . import Extracted


def extract(data: bytes, source: str, media_type: str) -> Extracted:
    # The decoder is CPython's own UTF-8 codec: the version recorded is Python's.
    return Extracted(text.decode(data, source), media_type, "python-utf-8-codec", platform.python_version())
