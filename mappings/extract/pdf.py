"""PDF → text with pypdf: the text layer, page by page, lines as laid out.

pypdf reads our Kazakh test PDFs exactly as well as PyMuPDF and pdfplumber (the same
characters: all three read the same text layer; scripts/bench_extract.py) but not as fast
(PyMuPDF is about 25× faster). It is chosen because it is BSD-licensed and pure Python:
PyMuPDF is AGPL-3.0, which this MIT project cannot take on; pdfplumber is 3× slower still.
A layout's line breaks, hyphens, running headers and page numbers are left for reflow.
"""
from __future__ import annotations

import io
import logging
from importlib.metadata import version

from ..errors import MappingError
from . import MEDIA_TYPES, Extracted

# Fewer letters than this per page, on average, and the pages are pictures of text.
_MIN_LETTERS_PER_PAGE = 40


def extract(data: bytes, source: str) -> Extracted:
    import pypdf
    from pypdf.errors import PyPdfError
    # pypdf reports recoverable damage through logging; failure is what matters here.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise MappingError(source, "the PDF is password-protected",
                               "save an unprotected copy (or export the abstract as .txt) and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except MappingError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise MappingError(source, f"the PDF is damaged or incomplete and cannot be read ({type(exc).__name__}: {exc})",
                           "download or export it again; if it opens in a viewer, print it to a new PDF "
                           "or save the abstract as .txt") from None
    letters = sum(c.isalpha() for page in pages for c in page)
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(pages):
        raise MappingError(source, f"no text layer: run OCR first ({len(pages)} page(s) of images, "
                           f"{letters} letters of text)",
                           f"e.g. `ocrmypdf -l kaz+rus+eng {source} ocr.pdf`, then add the OCR'd PDF")
    # A form feed between pages tells reflow where a page ends (headers and footers sit there).
    return Extracted("\f".join(pages), MEDIA_TYPES[".pdf"], "pypdf", version("pypdf"), laid_out=True)
