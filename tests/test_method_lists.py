"""Research activities listed with named methods are methods (mappings/method_lists.py), on
invented sentences in kk, ru and en, through the linker's candidates."""
from __future__ import annotations

import pytest
import rdflib

from dissertation_kg.mappings import linking, method_lists


def _candidates(text: str, lang: str, kind: str = "methods") -> dict[str, str]:
    node = rdflib.URIRef("https://example.org/w/methods")
    found = linking.annotate(rdflib.Graph(), [linking.ComponentText(node, kind, lang, text)],
                             work=rdflib.URIRef("https://example.org/w"), source=rdflib.URIRef("https://example.org/s"))
    return {c.name: c.reason for c in found if c.suggested_class == "Method"}


@pytest.mark.parametrize("lang, text, activities", [
    ("ru", "Применены формально-юридический метод, сравнительно-правовой метод, анализ арбитражной практики "
           "и экспертный опрос 96 медиаторов г. Караганды.", ["анализ арбитражной практики"]),
    ("ru", "Сравнительно-правовой и историко-правовой методы, анкетирование 140 следователей, изучение "
           "материалов проверок.", ["изучение материалов проверок"]),
    ("kk", "Жұмыста теориялық талдау, психологиялық тексеру, нейропсихологиялық диагностика, "
           "күнделіктерді талдау, бақылау, педагогикалық эксперимент қолданылды.", ["күнделіктерді талдау", "бақылау"]),
    ("en", "The study combines discourse analysis, participant observation, review of court rulings, "
           "field trials and a questionnaire survey of 230 lawyers.", ["review of court rulings", "field trials"]),
])
def test_an_activity_listed_with_methods_is_a_method(lang, text, activities):
    found = _candidates(text, lang)
    for activity in activities:
        assert found.get(activity) == "listed activity", found


@pytest.mark.parametrize("lang, text", [
    # one method in the list is no evidence that the list is one of methods
    ("ru", "Автор провёл анализ арбитражной практики и обобщение опыта с помощью контент-анализа.", ),
    # the head of the item is not the activity: «материалы изучения» are materials
    ("ru", "Использованы сравнительно-правовой метод, контент-анализ, материалы изучения дел."),
    # one thing spoken of, not a method: "the simulation of the unit"
    ("en", "We used discourse analysis, participant observation and the simulation of the unit."),
    # a count opens the item: the questionnaires counted, not a method
    ("ru", "Применены контент-анализ, экспертный опрос, 412 анкет."),
])
def test_what_is_no_listed_method(lang, text):
    assert "listed activity" not in _candidates(text, lang).values()


def test_an_activity_item_is_cut_at_its_count_and_article():
    text = "Methods: content analysis, discourse analysis, a structured observation of 40 lessons."
    spans = method_lists.listed(text, "en", [(9, 25), (27, 45)])
    assert [text[s:e] for s, e in spans] == ["structured observation"]


def test_the_sentences_opening_words_are_no_item():
    text = "Зерттеу барысында жинақталған деректерді салыстыру, контент-анализ, сауалнама жүргізілді."
    assert all("Зерттеу" not in name for name in _candidates(text, "kk"))
