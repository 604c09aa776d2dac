"""Rich Text Format, whatever the file is called: Word's "Save as RTF" is how many older
abstracts were kept, and such a file is often renamed `.txt` or sent as one.

Read with striprtf, a small, well-kept RTF-to-text converter: it drops the font, colour and
style tables and the formatting control words, keeps each paragraph on its line, and turns
`\\'xx` escapes into characters of the code page the file declares (`\\ansicpg1251`, Word's
default for a Russian or Kazakh Windows; Kazakh letters outside it come as `\\uN` escapes,
which it reads too). A list's numbers are written in `{\\listtext 1)\\tab}` groups, which it
keeps as the item's first characters, as Word prints them.
"""
from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

from ..errors import MappingError
from . import Extracted

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def is_rtf(data: bytes) -> bool:
    return data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def extract(data: bytes, source: str, media_type: str = "application/rtf") -> Extracted:
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError as exc:   # a dependency; an environment without it is told how to mend it
        raise MappingError(source, "this is an RTF file and striprtf is not installed",
                           "pip install striprtf (or pip install -e . in the repository)") from exc
    page = _CODE_PAGE.search(data[:4096])
    encoding = f"cp{page.group(1).decode()}" if page else "cp1252"
    try:
        # RTF is 7-bit text: bytes above 127 in it can only be a writer's slip, read one to one
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except LookupError:
        text = rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")
    try:
        lib_version = version("striprtf")
    except PackageNotFoundError:
        lib_version = "unknown"
    return Extracted(text=text.replace("\r\n", "\n").replace("\r", "\n"), format=media_type,
                     library="striprtf", library_version=lib_version)
