"""A corpus file's bytes → its text, whatever the format (.txt, .md, .pdf, .docx).

One entry point, `extract`; one module per format. The format is read from the file's magic
bytes first and its suffix second, so a PDF saved as `.txt` is still read as a PDF, and an RTF
file saved as `.txt` as RTF.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from ..errors import MappingError

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
}
SUFFIXES = tuple(MEDIA_TYPES)


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str              # the media type, e.g. application/pdf
    library: str             # what turned the bytes into text
    library_version: str
    laid_out: bool = False   # text from a page layout (line breaks are the layout's, not the author's)
    breaks_known: bool = False   # laid out, with a blank line wherever the layout shows a paragraph end
    body_only: bool = False  # the document's body alone (Word): no page numbers or running lines in it


def extract(data: bytes, source: str) -> Extracted:
    suffix = PurePath(source).suffix.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        from . import word97
        return word97.extract(data, source)
    if data[:1024].lstrip().startswith(b"%PDF-") or suffix == ".pdf":
        from . import pdf
        return pdf.extract(data, source)
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        from . import docx
        return docx.extract(data, source)
    from . import rtf
    if rtf.is_rtf(data):
        return rtf.extract(data, source)
    from . import plain
    return plain.extract(data, source, MEDIA_TYPES.get(suffix, "text/plain"))


__all__ = ["Extracted", "MappingError", "MEDIA_TYPES", "SUFFIXES", "extract"]
