"""Make the .docx and .pdf fixtures in tests/fixtures/formats/ from three plain-text abstracts.

Needs python-docx, Pillow and LibreOffice (`soffice`, with the hyphen-ru / hyphen-en-us
dictionaries for hyphenation); CI has no LibreOffice, so the outputs are committed.

    python scripts/make_format_fixtures.py

Each .docx is written the way Word writes one: headings in Heading styles, numbered lists as
AUTOMATIC numbering (the numbers live in numbering.xml, never in the runs), justified body text,
a running header and a page-number field in the footer, automatic hyphenation on. LibreOffice
turns each .docx into the .pdf. Also made: a scanned-looking PDF with no text layer (an image
only) and truncated, corrupt copies of a PDF and a DOCX.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from mappings import text as text_module  # noqa: E402  (the project's own cleaner, not installed here)

OUT = ROOT / "tests" / "fixtures" / "formats"
SOURCES = {
    # name: (source text, language tag for hyphenation, running header)
    "kk-law": (ROOT / "tests/fixtures/unseen/kk-law.txt", "kk-KZ",
               "Жақсылықов Е.С. Кибералаяқтыққа қарсы күрес"),
    "ru-public-health": (ROOT / "tests/fixtures/unseen/ru-public-health.txt", "ru-RU",
                         "Автореферат диссертации PhD"),
    "en-foreign-policy": (ROOT / "seeds/000_bb0b176a7e172258.txt", "en-US",
                          "Humanization of Kazakhstan’s foreign policy"),
    # A journal article set in two columns, as journals print them.
    "kk-article-2col": (ROOT / "tests/fixtures/unseen/kk-journalism-article.txt", "kk-KZ",
                        "ҚазҰУ Хабаршысы. Журналистика сериясы"),
}
TWO_COLUMNS = {"kk-article-2col"}
_ITEM = re.compile(r"^(\d{1,2})([.)])\s+(?=\S)")
_BULLET = re.compile(r"^[–—•-]\s+")


def source_lines(path: Path) -> list[str]:
    return [line for line in text_module.clean(path.read_text(encoding="utf-8")).split("\n") if line.strip()]


def _is_heading(line: str) -> bool:
    return len(line) <= 90 and not line.endswith((".", ";", ",")) and not _ITEM.match(line) \
        and not _BULLET.match(line)


class Numbering:
    """Adds one abstract numbering per marker style ('%1.' or '%1)') and one w:num per list."""

    def __init__(self, doc):
        self.part = doc.part.numbering_part.element
        self.abstract_ids: dict[str, int] = {}
        self.next_abstract = 100
        self.next_num = 100

    def _abstract(self, lvl_text: str, fmt: str) -> int:
        key = f"{fmt}:{lvl_text}"
        if key not in self.abstract_ids:
            a = OxmlElement("w:abstractNum")
            a.set(qn("w:abstractNumId"), str(self.next_abstract))
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), "0")
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", lvl_text), ("w:lvlJc", "left")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), "720")
            ind.set(qn("w:hanging"), "360")
            ppr.append(ind)
            lvl.append(ppr)
            a.append(lvl)
            # abstractNum elements precede every w:num in numbering.xml.
            first_num = self.part.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(a)
            else:
                self.part.append(a)
            self.abstract_ids[key] = self.next_abstract
            self.next_abstract += 1
        return self.abstract_ids[key]

    def new_list(self, lvl_text: str, fmt: str, start: int) -> int:
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_num))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self._abstract(lvl_text, fmt)))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        override.append(so)
        num.append(override)
        self.part.append(num)
        self.next_num += 1
        return self.next_num - 1


def _number(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def _field(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _language(doc, tag: str) -> None:
    for style_name in ("Normal", "Heading 2", "List Paragraph"):
        rpr = doc.styles[style_name].element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), tag)
        rpr.append(lang)
    settings = doc.settings.element
    hyph = OxmlElement("w:autoHyphenation")
    hyph.set(qn("w:val"), "true")
    settings.append(hyph)


def make_docx(lines: list[str], lang: str, header: str, out: Path, columns: int = 1) -> None:
    doc = Document()
    if columns > 1:
        cols = doc.sections[0]._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            doc.sections[0]._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "425")
    _language(doc, lang)
    doc.styles["Normal"].font.size = Pt(12)
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")
    numbering = Numbering(doc)
    current: tuple[str, int, int] | None = None     # (marker, numId, last number)
    for line in lines:
        m = _ITEM.match(line)
        if m:
            n, marker = int(m.group(1)), m.group(2)
            if not (current and current[0] == marker and n == current[2] + 1):
                current = (marker, numbering.new_list(f"%1{marker}", "decimal", n), n - 1)
            p = doc.add_paragraph(line[m.end():], style="List Paragraph")
            _number(p, current[1])
            current = (current[0], current[1], n)
        elif _is_heading(line):
            doc.add_paragraph(line, style="Heading 2")
        else:
            p = doc.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.core_properties.author = "dissertation-kg fixtures"
    doc.save(out)


def to_pdf(docx: Path, out_dir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                       check=True, capture_output=True, timeout=300)
    return out_dir / (docx.stem + ".pdf")


def image_only_pdf(out: Path) -> None:
    """A 'scan': the first lines of an abstract drawn into a picture, saved as a PDF."""
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 28)
    except OSError:
        font = ImageFont.load_default()
    for i, line in enumerate(source_lines(SOURCES["kk-law"][0])[:12]):
        draw.text((80, 100 + 44 * i), line[:70], fill=0, font=font)
    img.save(out, "PDF", resolution=150.0)


def main() -> None:
    if not shutil.which("soffice"):
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui hyphen-ru hyphen-en-us")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (path, lang, header) in SOURCES.items():
        lines = source_lines(path)
        (OUT / f"{name}.source.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        make_docx(lines, lang, header, OUT / f"{name}.docx", 2 if name in TWO_COLUMNS else 1)
        to_pdf(OUT / f"{name}.docx", OUT)
        print(f"{name}: {len(lines)} lines → .docx, .pdf")
    image_only_pdf(OUT / "scanned.pdf")
    pdf = (OUT / "kk-law.pdf").read_bytes()
    (OUT / "corrupt.pdf").write_bytes(pdf[: len(pdf) // 3])
    docx = (OUT / "kk-law.docx").read_bytes()
    (OUT / "corrupt.docx").write_bytes(docx[: len(docx) // 2])
    print("scanned.pdf, corrupt.pdf, corrupt.docx")


if __name__ == "__main__":
    main()
