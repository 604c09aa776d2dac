"""What `antiword` prints from an old Word .doc (mappings/extract/antiword.py): an invented
Russian page with a picture, a footnote and a table whose cells wrap (and an empty spacer row), written as a flat ODT,
saved as .doc by LibreOffice and printed by antiword, as an archive's old files are
(tests/fixtures/formats/ru-antiword.txt, made by scripts/make_old_format_fixtures.py)."""
from __future__ import annotations

from pathlib import Path



from dissertation_kg.mappings import extract
from dissertation_kg.mappings.extract import antiword


# scripts/make_old_format_fixtures.py: a flat ODT saved as .doc by LibreOffice and printed by
# `antiword -w 72` (CI has neither tool, so the printout is committed)
PRINTED = Path(__file__).parent / "fixtures" / "formats" / "ru-antiword.txt"


def test_antiword_text_reads_without_its_picture_marks_borders_and_footnote_marks():
    printed = PRINTED.read_bytes()
    assert b"[pic]" in printed and b"|" in printed and b"[1]" in printed   # antiword's marks, as it prints them
    lines = extract.extract(printed, "old.txt").text.split("\n")
    assert "Статьи в журналах, рекомендованных уполномоченным органом – 3" in lines
    assert "Тезисы докладов на международных конференциях – 2" in lines
    # the spacer row the typist left between the two (antiword prints its empty cells) is no
    # line of text: the rows stand one under the other, no paragraph break between them
    row = lines.index("Статьи в журналах, рекомендованных уполномоченным органом – 3")
    assert lines[row + 1] == "Тезисы докладов на международных конференциях – 2"
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
