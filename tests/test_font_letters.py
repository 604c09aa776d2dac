"""Kazakh letters a font put at Abkhaz and Mari code points (mappings/font_letters.py): put back
in a Kazakh text, left alone elsewhere, offsets kept."""
from __future__ import annotations

from pathlib import Path

from dissertation_kg.mappings import abstract, font_letters

# a LibreOffice PDF whose font maps ә, ө, ү, ұ to ҽ, ҿ, ҥ, ҧ (the twenty-seventh corpus)
BROKEN_PDF = Path(__file__).parent / "fixtures" / "published-27" / "kk-developmental-psychology-phd.pdf"


def test_the_stand_ins_are_put_back_letter_for_letter():
    printed = "Ҽл-Фараби атындағы Қазақ ҧлттық университеті, жасҿспірімдер ҥшін"
    repaired = font_letters.repair(printed)
    assert repaired == "Әл-Фараби атындағы Қазақ ұлттық университеті, жасөспірімдер үшін"
    assert len(repaired) == len(printed)


def test_a_text_without_kazakh_letters_or_with_one_stand_in_is_left_as_written():
    abkhaz = "Аԥсны ацҽажәара ҿыц ахҭыс, аҽы ҽаҩра"       # Abkhaz writes ҽ and ҿ: no қ, ғ, ң or і
    assert font_letters.repair(abkhaz) == abkhaz
    one = "Саха тылыгар ҥ буукуба, Қазақстан"           # one stand-in is no broken font
    assert font_letters.repair(one) == one



def test_three_stand_ins_are_enough_two_are_not():
    # a title line of such a font holds three («Ҽл-Фараби … ҧлттық … ҥшін»); two may be a Mari or
    # Abkhaz word quoted in a Kazakh text
    three = "Ҽл-Фараби атындағы ҧлттық университет ҥшін"
    assert font_letters.repair(three) == "Әл-Фараби атындағы ұлттық университет үшін"
    two = "Ҽл-Фараби атындағы ҧлттық университет"
    assert font_letters.repair(two) == two


def test_a_pdf_with_the_broken_font_reads_with_its_letters():
    printed = BROKEN_PDF.read_bytes()
    doc = abstract.parse_bytes(printed, BROKEN_PDF.name)
    assert doc.meta.author == "Ахметжанова Әсел Қайратқызы"
    assert doc.meta.title.startswith("Цифрлық орта жағдайында жасөспірімдердің әлеуметтік-эмоционалдық")
    assert len(doc.items["provisions"]) == 4
    assert not any(c in doc.text for c in "ҼҽҾҿҤҥҦҧ")
