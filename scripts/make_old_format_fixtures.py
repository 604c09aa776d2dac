"""Writes the fixtures of old formats in tests/fixtures/formats/ with the real tools that make them
(CI has none of these tools: the outputs are committed):

- `ru-catdoc.txt`: an invented Russian abstract as `catdoc` prints it from a Word 97-2003 .doc
  (`catdoc -d utf-8`), saved in Windows-1251 with CR LF, as a Windows machine keeps it. The .docx
  is made with python-docx, converted to .doc by LibreOffice and printed by catdoc.
- `ru-antiword.txt`: an invented Russian page with a picture, a footnote and a table whose cells
  wrap, written as a flat ODT, saved as .doc by LibreOffice and printed by `antiword -w 72`.
- `ru-a5.pdf`: an A5 autoreferat (a running header, page numbers in the footer, a run-in bold
  heading), made by LibreOffice from a .docx; tests/test_imposition.py imposes its pages two to a
  landscape sheet with pypdfium2, as a print shop does.
- `ru-landscape-2col.pdf`: a landscape A4 page set in two columns, the shape an imposed sheet must
  not be taken for.
- `kk-word97.doc`: the same Kazakh abstract saved by LibreOffice as a Word 97–2003 .doc (read with
  antiword by mappings/extract/word97.py).
- `kk-rtf.txt`: an invented Kazakh abstract with a numbered list (Word's automatic numbering),
  saved as RTF by LibreOffice and named .txt, as such files are sent: Russian letters as
  Windows-1251 escapes, Kazakh ones as Unicode escapes, the list's numbers in their own groups.

Needs python-docx, LibreOffice (`soffice`), `catdoc` and `antiword`.

    python scripts/make_old_format_fixtures.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import base64
import struct
import zlib

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

FORMATS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "formats"
OUT = FORMATS / "ru-catdoc.txt"

PARAGRAPHS = [
    "ЗАПАДНО-КАЗАХСТАНСКИЙ АГРАРНО-ТЕХНИЧЕСКИЙ УНИВЕРСИТЕТ ИМЕНИ ЖАНГИР ХАНА",
    "На правах рукописи",
    "ТЕМИРГАЛИЕВА ДИНАРА СЕРИКОВНА",
    "Продуктивность и качество кормов пастбищ полупустынной зоны Западно-Казахстанской области",
    "06.01.05 – Селекция и семеноводство",
    "Автореферат диссертации на соискание ученой степени кандидата сельскохозяйственных наук",
    "Уральск, 2007",
    "Научный руководитель: доктор сельскохозяйственных наук, профессор К.Н. Абдрахманов.",
    "Актуальность темы. Пастбища полупустынной зоны занимают большую часть сельскохозяйственных "
    "угодий области и дают основную долю кормов для овцеводства и коневодства. Их продуктивность "
    "за последние десятилетия снизилась почти вдвое из-за перевыпаса и засух.",
    "Цель исследования: оценить продуктивность и качество кормов пастбищ полупустынной зоны и "
    "разработать приемы их улучшения.",
    "Задачи исследования:",
    "изучить видовой состав и урожайность пастбищных растений по сезонам года;",
    "определить питательность кормов пастбищ разных типов;",
    "разработать приемы поверхностного улучшения сбитых пастбищ.",
    "Научная новизна. Впервые:",
    "установлено, что урожайность полынно-злаковых пастбищ зависит прежде всего от весенних осадков;",
    "показано, что подсев житняка повышает сбор кормовых единиц в полтора раза;",
    "предложена шкала оценки сбитости пастбищ по видовому составу.",
    "Основные положения, выносимые на защиту:",
    "Урожайность пастбищ полупустынной зоны определяется весенними осадками сильнее, чем "
    "летними. Это позволяет прогнозировать запас кормов уже в мае.",
    "Подсев житняка на сбитых пастбищах окупается за три года. Прибавка урожая сохраняется не "
    "менее пяти лет.",
    "Публикации. По теме диссертации опубликовано 7 научных работ.",
]


def catdoc() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "abstract.docx"
        doc = Document()
        for text in PARAGRAPHS:
            doc.add_paragraph(text)
        doc.save(docx)
        subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True)
        # catdoc wraps at 72 bytes of its output: in UTF-8 a Cyrillic line holds 36–40 letters
        printed = subprocess.run(["catdoc", "-d", "utf-8", str(Path(tmp) / "abstract.doc")],
                                 check=True, capture_output=True).stdout.decode("utf-8")
    OUT.write_bytes(printed.replace("\r\n", "\n").replace("\n", "\r\n").encode("cp1251"))
    print(OUT, len(printed), "bytes", file=sys.stderr)



# --- antiword ----------------------------------------------------------------------------------

def _png() -> bytes:
    w = h = 16
    raw = b"".join(b"\x00" + b"\x80" * w for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _cell(text: str) -> str:
    return f"<table:table-cell><text:p>{text}</text:p></table:table-cell>"


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>Серикбаева Алия Муратовна</text:p>
<text:p><draw:frame svg:width="2cm" svg:height="2cm" text:anchor-type="as-char"><draw:image>
<office:binary-data>{png}</office:binary-data></draw:image></draw:frame></text:p>
<text:p>Методы исследования. Использован сравнительный анализ фондов областных библиотек и каталогов<text:note
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Каталоги сверены с
 описями Национальной библиотеки.</text:p></text:note-body></text:note>. Далее описаны результаты.</text:p>
<text:p>По теме диссертации опубликовано 5 работ:</text:p>
<table:table><table:table-column table:number-columns-repeated="2"/>
<table:table-row>{h1}{h2}</table:table-row>
<table:table-row>{a1}{a2}</table:table-row>
<table:table-row>{e1}{e2}</table:table-row>
<table:table-row>{b1}{b2}</table:table-row>
</table:table>
<text:p>Заключение подводит итоги работы библиотек.</text:p>
</office:text></office:body></office:document>"""


def antiword() -> None:
    fodt = _FODT.format(png=base64.b64encode(_png()).decode(), h1=_cell("Вид публикации"), h2=_cell("Количество"),
                        a1=_cell("Статьи в журналах, рекомендованных уполномоченным органом"), a2=_cell("3"),
                        e1=_cell(""), e2=_cell(""),   # a spacer row, as typists left them
                        b1=_cell("Тезисы докладов на международных конференциях"), b2=_cell("2"))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "old.fodt").write_text(fodt, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(Path(tmp) / "old.fodt")],
                       check=True, capture_output=True, timeout=180)
        printed = subprocess.run(["antiword", "-w", "72", str(Path(tmp) / "old.doc")], check=True,
                                 capture_output=True).stdout
    (FORMATS / "ru-antiword.txt").write_bytes(printed)


# --- A5 pages and a two-column landscape page ----------------------------------------------------

HEADER = "Серикова А.Б. Дорожные ведомости Тургайской области"


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)


def _docx(path, width_mm: float, height_mm: float, sections: int, columns: int = 1) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin = section.right_margin = Mm(15)
    if columns > 1:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "340")
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    first = doc.add_paragraph()
    first.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # the space in the regular run, as Word's and LibreOffice's authors type a run-in heading
    first.add_run("Актуальность темы.").bold = True
    first.add_run(" Дорожные ведомости уездов служат источником по истории почтовых трактов "
                  "степного края и заслуживают отдельного описания.")
    for k in range(1, sections + 1):
        doc.add_paragraph(f"Раздел {k}").runs[0].bold = True
        for j in range(4):
            doc.add_paragraph(f"Раздел {k}, абзац {j}: " + "ведомости почтовых станций описаны "
                              "подробно, с указанием вёрст и лошадей. " * 3).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if columns == 1:
            doc.add_page_break()
    doc.save(path)


def pdfs() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, kwargs in (("ru-a5", dict(width_mm=148, height_mm=210, sections=6)),
                             ("ru-landscape-2col", dict(width_mm=297, height_mm=210, sections=2, columns=2))):
            _docx(Path(tmp) / f"{name}.docx", **kwargs)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(Path(tmp) / f"{name}.docx")],
                           check=True, capture_output=True, timeout=180)
            (FORMATS / f"{name}.pdf").write_bytes((Path(tmp) / f"{name}.pdf").read_bytes())


KAZAKH_RTF = [
    ("Normal", "Қ.А. Ясауи атындағы Халықаралық қазақ-түрік университеті"),
    ("Normal", "СӘРСЕНБАЕВА ГҮЛНҰР ОРАЗҚЫЗЫ"),
    ("Normal", "Түркістан облысындағы суармалы топырақтардың тұздану динамикасы"),
    ("Normal", "8D08201 – Топырақтану білім беру бағдарламасы бойынша философия докторы (PhD) дәрежесін алу "
               "үшін дайындалған диссертацияның АҢДАТПАСЫ"),
    ("Normal", "Зерттеудің өзектілігі. Суармалы жерлердің тұздануы Сырдария алабындағы егіншіліктің басты "
               "мәселелерінің бірі болып қала береді."),
    ("Normal", "Зерттеудің мақсаты – суармалы топырақтардың тұздану динамикасын бағалау."),
    ("Normal", "Зерттеудің міндеттері:"),
    ("List Number", "топырақ үлгілерінің тұз құрамын анықтау;"),
    ("List Number", "жерасты суларының деңгейін бақылау;"),
    ("List Number", "тұздануды болжау моделін құру."),
    ("Normal", "Жарияланымдар. Диссертация тақырыбы бойынша 6 ғылыми еңбек жарияланды."),
]


def rtf() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "kk-rtf.docx"
        doc = Document()
        for style, text in KAZAKH_RTF:
            doc.add_paragraph(text, style=style)
        doc.save(docx)
        subprocess.run(["soffice", "--headless", "--convert-to", "rtf", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True, timeout=180)
        (FORMATS / "kk-rtf.txt").write_bytes((Path(tmp) / "kk-rtf.rtf").read_bytes())
        subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True, timeout=180)
        (FORMATS / "kk-word97.doc").write_bytes((Path(tmp) / "kk-rtf.doc").read_bytes())


def main() -> None:
    catdoc()
    antiword()
    pdfs()
    rtf()


if __name__ == "__main__":
    main()
