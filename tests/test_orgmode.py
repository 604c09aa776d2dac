"""Org mode source saved as text (mappings/extract/orgmode.py): invented Kazakh, Russian and
English abstracts written the way an Emacs user keeps them."""
from __future__ import annotations

from dissertation_kg.mappings import abstract
from dissertation_kg.mappings.extract import orgmode

KK = """# -*- mode: org -*-
#+TITLE: Жоғары сынып оқушыларының экологиялық мәдениетін қалыптастыру
#+AUTHOR: Сейітова Гүлнұр Маратқызы
#+OPTIONS: toc:nil
#+TODO: ЖАЗУ | ДАЙЫН

* Титул
:PROPERTIES:
:UNIVERSITY: Шығыс университеті
:PROGRAMME: 7M01501 – Биология
:END:

* ЖАЗУ [#A] Аңдатпа [2/3]                                               :жоба:
# ескерту: кейін қысқарту
** Зерттеудің өзектілігі
Экологиялық мәдениет *мектеп* бағдарламасының /негізгі/ бөлігі.

** Зерттеу нысаны мен пәні
- Нысаны :: оқыту процесі.
- Пәні :: экологиялық мәдениетті қалыптастыру.

** Зерттеу міндеттері
1. ұғымның мазмұнын нақтылау;
2. бастапқы деңгейін анықтау;
3. әдістемесін тексеру.

* Жоспар                                                              :noexport:
** Жазылмаған бөлім
- [ ] аудармасын тексеру
- [[file:draft_v3.docx][толық мәтін]]
"""


def test_keywords_drawers_headlines_and_lists_read_as_the_exported_page():
    page = orgmode.text(KK)
    lines = page.split("\n")
    assert lines[:2] == ["Title: Жоғары сынып оқушыларының экологиялық мәдениетін қалыптастыру",
                         "Author: Сейітова Гүлнұр Маратқызы"]
    assert "Аңдатпа" in lines and "Зерттеудің өзектілігі" in lines
    assert "University: Шығыс университеті" in lines
    assert "Экологиялық мәдениет мектеп бағдарламасының негізгі бөлігі." in lines
    assert "Нысаны: оқыту процесі." in lines
    assert "1. ұғымның мазмұнын нақтылау;" in lines
    for gone in ("#+", ":PROPERTIES:", ":END:", "ескерту", "жоба", "ЖАЗУ", "[#A]", "[2/3]", "Жоспар",
                 "аудармасын", "draft_v3", "[[", "mode: org"):
        assert gone not in page


def test_an_org_abstract_maps_with_its_title_author_and_tasks(tmp_path):
    ru = """#+TITLE: Городские некрополи Семиречья как исторический источник
#+AUTHOR: Ахметова Динара Ерлановна
#+STARTUP: overview

* TODO Аннотация                                                       :черновик:
** Актуальность темы
Некрополи городов Семиречья остаются малоизученным источником по социальной истории региона.
** Задачи исследования
1. выявить сохранившиеся некрополи;
2. описать надгробия и их надписи;
3. датировать погребения.
** Научная новизна
- впервые составлен свод надгробий;
- предложена типология надписей.
"""
    path = tmp_path / "ru-necropoleis.txt"
    path.write_text(ru, encoding="utf-8")
    doc = abstract.parse_file(path)
    assert doc.meta.title == "Городские некрополи Семиречья как исторический источник"
    assert doc.meta.author == "Ахметова Динара Ерлановна"
    assert [" ".join(i.text.split()[:2]).rstrip(".;") for i in doc.items["tasks"]] == \
        ["выявить сохранившиеся", "описать надгробия", "датировать погребения"]


def test_other_texts_are_not_org():
    for plain in ("* Relevance\nThe study of *rural* schools.\n- item :: one",
                  "Title: A study\n# 1 Introduction\nText.",
                  "#hashtag #second\nNo keywords here."):
        assert orgmode.text(plain) == plain
    assert orgmode.is_org("#+TITLE: Rural schools\n#+AUTHOR: A. Smith\n\n* Abstract\nText.")


def test_a_quote_block_is_the_authors_text_and_a_source_block_is_not():
    # (seed 171, orgmode.py:88: only the hidden kinds of block are left out)
    src = ("#+TITLE: Rural schools\n#+AUTHOR: A. Smith\n\n* Abstract\nText before.\n#+BEGIN_QUOTE\nA quoted sentence.\n"
           "#+END_QUOTE\n#+BEGIN_SRC python\nprint(1)\n#+END_SRC\nText after.\n")
    assert orgmode.text(src) == ("Title: Rural schools\nAuthor: A. Smith\n\nAbstract\n\nText before.\nA quoted sentence.\n"
                                 "Text after.\n")


def test_a_property_drawer_right_under_a_headline_marks_org():
    # (seed 181, orgmode.py:52: the drawer's line must be the headline's very next one)
    assert orgmode.is_org("* Abstract\n:PROPERTIES:\n:ID: 7f3a\n:END:\nThe work studies grain prices.\n")
    assert not orgmode.is_org("* Abstract\nThe work studies grain prices.\n:PROPERTIES:\n")
