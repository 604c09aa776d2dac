"""The values typed into a PDF's form fields, where the page shows them.

A title page made as a fillable form (the university's template with blanks for the author, the
title, the specialty and the UDC, filled in Acrobat or a browser and saved) keeps what was typed
in the fields' widgets, not in the page's text: PDFium's text page has the blanks («УДК ______»,
a line of underscores over «(фамилия, имя, отчество соискателя)») and nothing of the author or
the title. pypdfium2 has no helper for widgets, so their values are read through PDFium's form
API (FPDFAnnot_GetFormFieldValue), which needs the document's form environment
(``PdfDocument.init_forms()``) before any page is loaded.
"""
from __future__ import annotations

import ctypes
from typing import NamedTuple


class Field(NamedTuple):
    left: float
    bottom: float
    right: float
    top: float
    text: str


def init(document) -> None:
    """The form environment fields are read through; a file whose forms PDFium cannot set up is
    read without their values."""
    import pypdfium2 as pdfium
    try:
        document.init_forms()
    except (pdfium.PdfiumError, RuntimeError, ValueError):
        pass


def on_page(document, page) -> list[Field]:
    """The page's visible text, combo-box and list-box fields that hold a value (check boxes and
    radio buttons hold "Yes"/"Off", signatures nothing to read)."""
    import pypdfium2.raw as raw
    formenv = getattr(document, "formenv", None)
    if formenv is None:
        return []
    readable = {raw.FPDF_FORMFIELD_TEXTFIELD, raw.FPDF_FORMFIELD_COMBOBOX, raw.FPDF_FORMFIELD_LISTBOX}
    hidden = raw.FPDF_ANNOT_FLAG_HIDDEN | raw.FPDF_ANNOT_FLAG_INVISIBLE | raw.FPDF_ANNOT_FLAG_NOVIEW
    fields = []
    for i in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, i)
        if not annot:
            continue
        try:
            if (raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET
                    or raw.FPDFAnnot_GetFormFieldType(formenv, annot) not in readable
                    or raw.FPDFAnnot_GetFlags(annot) & hidden):
                continue
            text = " ".join(_value(formenv, annot).split())
            rect = raw.FS_RECTF()
            if text and raw.FPDFAnnot_GetRect(annot, rect):
                fields.append(Field(min(rect.left, rect.right), min(rect.bottom, rect.top),
                                    max(rect.left, rect.right), max(rect.bottom, rect.top), text))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return fields


def _value(formenv, annot) -> str:
    import pypdfium2.raw as raw
    size = raw.FPDFAnnot_GetFormFieldValue(formenv, annot, None, 0)
    if size <= 2:
        return ""
    buffer = (raw.FPDF_WCHAR * (size // 2))()
    raw.FPDFAnnot_GetFormFieldValue(formenv, annot, buffer, size)
    return ctypes.string_at(buffer, size - 2).decode("utf-16-le", errors="replace")
