"""The Russian third of the forty-fourth held-out corpus (tests/fixtures/published-44/, issue #10).

Written so far: a PhD abstract in onomastics (Markdown) that keeps the GOST 7.32 front-matter lists
(«НОРМАТИВНЫЕ ССЫЛКИ», «ОПРЕДЕЛЕНИЯ», «ОБОЗНАЧЕНИЯ И СОКРАЩЕНИЯ») between the title page and the
general characteristics, as a pandoc conversion of the Word file leaves them.  Files are read as
plain text, never with the mappers.  The mix (check_the_mix) and floors are the lead's.
"""
from __future__ import annotations

import pytest

from published_keys import (ROOT, check_pdfs_are_paged, pdf_pages, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            key_of)

CORPUS = ROOT / "tests" / "fixtures" / "published-44"
ONOMASTICS = CORPUS / "ru-onomastics-phd.md"
GAPPED = CORPUS / "ru-pharmacoeconomics-phd-no-methods-structure.txt"
DOCTOR = CORPUS / "ru-mathematical-physics-doctor.pdf"
FILES = [ONOMASTICS, GAPPED, DOCTOR]
FLOOR = 1600


def test_the_russian_part_so_far():
    k = key_of(CORPUS, ONOMASTICS)
    assert k["lang"] == "ru" and k["field"] == "onomastics"
    assert (k["kind"], k["degree"]) == ("dissertation", "phd") and not k["gaps"]
    assert k["specialty_code"].startswith("8D")


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


def test_the_abstract_without_methods_and_structure_has_neither():
    k = key_of(CORPUS, GAPPED)
    assert k["gaps"] == ["methods", "structure"] and k["field"] == "pharmacoeconomics"
    text = " ".join(GAPPED.read_text(encoding="utf-8").split()).casefold()
    for part in ("методологическая основа", "методы исследования", "структура диссертации",
                 "структура и объем", "состоит из введения"):
        assert part not in text, part
    for part in ("актуальность темы исследования", "цель исследования", "задачи исследования",
                 "научная новизна", "положения, выносимые на защиту", "апробация работы", "заключение"):
        assert part in text, part


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_front_matter_lists_stand_before_the_general_characteristics():
    text = ONOMASTICS.read_text(encoding="utf-8")
    at = {h: text.index(f"## {h}\n") for h in ("НОРМАТИВНЫЕ ССЫЛКИ", "ОПРЕДЕЛЕНИЯ", "ОБОЗНАЧЕНИЯ И СОКРАЩЕНИЯ",
                                               "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ")}
    assert at["НОРМАТИВНЫЕ ССЫЛКИ"] < at["ОПРЕДЕЛЕНИЯ"] < at["ОБОЗНАЧЕНИЯ И СОКРАЩЕНИЯ"] < at["ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ"]
    lists = text[at["НОРМАТИВНЫЕ ССЫЛКИ"]:at["ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ"]]
    assert "от 11 июля 1997 года № 151-I" in lists and "ГОСТ 7.32-2017" in lists
    assert "РК – Республика Казахстан" in lists and "ВКО – Восточно-Казахстанская область" in lists
    assert "Топоним – собственное имя" in lists
    # names only in the lists are not keyed (README.md, the Russian part): no entity quote starts inside them
    quotes = {e["text"] for e in key_of(CORPUS, ONOMASTICS)["entities"]}
    assert "ГОСТ 7.32-2017" not in quotes and "ЮНЕСКО" not in quotes


def test_the_doctor_autoreferat_is_paged_and_has_its_council_page():
    check_pdfs_are_paged([DOCTOR], 3)
    k = key_of(CORPUS, DOCTOR)
    assert (k["degree"], k["specialty_code"], k["field"]) == ("doctor", "01.01.03", "mathematical physics")
    start = " ".join(" ".join(pdf_pages(DOCTOR)[:2]).split())
    for part in ("На правах рукописи", "доктора физико-математических наук", "Научный консультант:",
                 "Официальные оппоненты:", "Ведущая организация:", "Д 53.11.01"):
        assert part in start, part
