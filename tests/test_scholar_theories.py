"""A theory named by a head word and the scholar it is attributed to (mappings/scholar_theories.py),
in Russian (head, then the scholar in the genitive) and Kazakh (the scholar in the genitive, then
the head), where it must be found and where a scholar stands by a word that names no theory."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dissertation_kg.mappings import people, scholar_theories

sys.path.insert(0, str(Path(__file__).parent))
from test_entity_recall import found  # noqa: E402


def theories(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in scholar_theories.find(text, lang, people.find(text, lang))]


@pytest.mark.parametrize("text, lang, expected", [
    ("Анализ строится на модели Т. Беркова и данных опроса.", "ru", ["модели Т. Беркова"]),
    ("Использована модель «ступеней доверия» К. Ормана.", "ru", ["модель «ступеней доверия» К. Ормана"]),
    ("Опорой служит теория общего стрессового ответа Р. Лемье.", "ru", ["теория общего стрессового ответа Р. Лемье"]),
    ("Зерттеу Т. Берковтың ойын педагогикасына сүйенеді.", "kk", ["Т. Берковтың ойын педагогикасына"]),
    ("Әдіс К. Орманның «тәжірибе арқылы білім» идеясы негізінде құрылды.", "kk",
     ["К. Орманның «тәжірибе арқылы білім» идеясы"]),
    ("Жұмыс Р.Т. Лемьенің популяциялық экология ілімін дамытады.", "kk", ["Р.Т. Лемьенің популяциялық экология ілімін"]),
])
def test_a_head_and_its_scholar_are_one_theory(text, lang, expected):
    assert theories(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Идеи позже развивал Т. Берков в своих трудах.", "ru"),        # a verb between: the scholar is the subject
    ("Теорию игр А. Берков применил к торгам.", "ru"),             # the scholar in the nominative
    ("Зерттеуді Т. Берковтың шәкірттері жалғастырды.", "kk"),      # no head after the genitive
    ("Модель проверили по данным Т. Беркова.", "ru"),              # the head is far from the scholar
    ("Т. Берковтың педагогикалық мұрасы зерттелді.", "kk"),        # an adjective of the head, no head
    ("Т. Берковтың педагогикалық идеяларына талдау жасалды.", "kk"),  # many ideas, no one theory
])
def test_a_scholar_beside_no_head_names_no_theory(text, lang):
    assert theories(text, lang) == []


def test_the_theory_is_a_candidate_and_the_scholar_stays_a_person():
    got = found("Анализ строится на модели Т. Беркова и данных опроса.", "ru", "relevance")
    assert {("модели Т. Беркова", "Theory"), ("Т. Беркова", "Person")} <= got
