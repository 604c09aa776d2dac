"""A corpus file's bytes → its text, whatever the format (.txt, .md, .pdf, .docx).

One entry point, `extract`; one module per format. The format is read from the file's magic
bytes first and its suffix second, so a PDF saved as `.txt` is still read as a PDF, and an RTF
file saved as `.txt` as RTF.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
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
    from . import email_message, plain
    media_type = MEDIA_TYPES.get(suffix, "text/plain")
    if email_message.is_message(data):
        # a saved e-mail: its body, decoded, read as the text (or, for an HTML body, the page) it is
        text, body_type = email_message.body(data)
        read = plain.extract(text.encode("utf-8"), source, "text/markdown" if body_type == "text/html" else media_type)
        return replace(read, format=media_type, library="python-email", library_version=read.library_version)
    return plain.extract(data, source, media_type)


__all__ = ["Extracted", "MappingError", "MEDIA_TYPES", "SUFFIXES", "extract"]
