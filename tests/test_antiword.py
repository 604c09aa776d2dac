"""What `antiword` prints from an old Word .doc (mappings/extract/antiword.py): an invented
Russian page with a picture, a footnote and a table whose cells wrap, written as a flat ODT,
saved as .doc by LibreOffice and printed by antiword, as an archive's old files are."""
from __future__ import annotations

import base64
import shutil
import struct
import subprocess
import zlib

import pytest

from dissertation_kg.mappings import extract
from dissertation_kg.mappings.extract import antiword


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
<table:table-row>{b1}{b2}</table:table-row>
</table:table>
<text:p>Заключение подводит итоги работы библиотек.</text:p>
</office:text></office:body></office:document>"""


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("antiword")), reason="needs LibreOffice and antiword")
def test_antiword_text_reads_without_its_picture_marks_borders_and_footnote_marks(tmp_path):
    fodt = _FODT.format(png=base64.b64encode(_png()).decode(), h1=_cell("Вид публикации"), h2=_cell("Количество"),
                        a1=_cell("Статьи в журналах, рекомендованных уполномоченным органом"), a2=_cell("3"),
                        b1=_cell("Тезисы докладов на международных конференциях"), b2=_cell("2"))
    (tmp_path / "old.fodt").write_text(fodt, encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(tmp_path / "old.fodt")],
                   check=True, capture_output=True, timeout=180)
    printed = subprocess.run(["antiword", "-w", "72", str(tmp_path / "old.doc")], check=True, capture_output=True).stdout
    assert b"[pic]" in printed and b"|" in printed and b"[1]" in printed   # antiword's marks, as it prints them
    lines = extract.extract(printed, "old.txt").text.split("\n")
    assert "Статьи в журналах, рекомендованных уполномоченным органом – 3" in lines
    assert "Тезисы докладов на международных конференциях – 2" in lines
    assert not any("[pic]" in line or "|" in line for line in lines)
    assert any(line.startswith("библиотек и каталогов. Далее") for line in lines)
    # the note stays, a paragraph of its own
    assert any("Каталоги сверены с описями Национальной библиотеки." in line for line in lines)
    assert not any(set(line.strip()) == {"-"} for line in lines)


def test_texts_without_antiword_marks_stay_as_typed():
    typed = ("| Section | Text |\n|---|---|\n| Aim | to study |\n| Tasks | three |\n"
             "as shown in [1] and [2].\n-----------------\nThe end.")
    assert antiword.text(typed) == typed
    cited = "Труды [1] и [2] описывают это.\n" + "-" * 23 + "\n[1] Иванов А. Книга."
    assert antiword.text(cited).startswith("Труды [1] и [2] описывают это.")
