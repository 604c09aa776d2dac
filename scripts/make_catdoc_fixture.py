"""Writes tests/fixtures/formats/ru-catdoc.txt: an invented Russian abstract as `catdoc` prints it
from a Word 97-2003 .doc (`catdoc -d utf-8`), saved in Windows-1251 with CR LF, as a Windows machine keeps it.

The .docx is made with python-docx (automatic list numbers on the tasks, a footnote-like note
typed at the end), converted to .doc by LibreOffice and printed by catdoc; needs `soffice` and
`catdoc` (CI has neither: the output is committed).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "formats" / "ru-catdoc.txt"

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


def main() -> None:
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


if __name__ == "__main__":
    main()
