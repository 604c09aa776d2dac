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
    # ("field trials" is a technique by its own shape: test_name_shapes.py)
    ("en", "The study combines discourse analysis, participant observation, review of court rulings, "
           "site trials and a questionnaire survey of 230 lawyers.", ["review of court rulings", "site trials"]),
    # a description is an activity of its own (a codex's, a plot's, a word's)
    ("kk", "Компоненттік талдау, этнолингвистикалық сипаттама және корпустық талдау әдістері қолданылды.",
     ["этнолингвистикалық сипаттама"]),
    ("ru", "Применены компонентный анализ, лингвокультурологическое описание и контент-анализ.",
     ["лингвокультурологическое описание"]),
    ("en", "The study combines componential analysis, ethnolinguistic description and content analysis.",
     ["ethnolinguistic description"]),
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
    # a Kazakh postposition closes the phrase before it and opens none («… арқылы сипаттау»)
    ("kk", "Жұмыста палинологиялық талдау, радиокөміртекті талдау, қалдықтарды сканерлеуші электрондық "
           "микроскопия (СЭМ) арқылы сипаттау қолданылды."),
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


def _listed(text: str, lang: str, methods: list[str]) -> list[str]:
    spans = [(text.index(m), text.index(m) + len(m)) for m in methods]
    return [text[s:e] for s, e in method_lists.listed(text, lang, spans)]


@pytest.mark.parametrize("lang, text, methods, activities", [
    # three methods found make the list one of methods: any action noun is an activity in it
    ("en", "The work used content analysis, regression analysis, focus groups, photo documentation and "
           "archival tracing.", ["content analysis", "regression analysis", "focus groups"],
     ["photo documentation", "archival tracing"]),
    ("ru", "Использованы контент-анализ, корреляционный анализ, анкетирование, фотофиксация и "
           "дешифрирование аэроснимков.", ["контент-анализ", "корреляционный анализ", "анкетирование"],
     ["фотофиксация", "дешифрирование аэроснимков"]),
    ("kk", "Жұмыста контент-талдау, сауалнама, бақылау, үлгілерді себу және ақпаратты жинау қолданылды.",
     ["контент-талдау", "сауалнама", "бақылау"], ["үлгілерді себу", "ақпаратты жинау"]),
])
def test_a_list_of_three_methods_takes_any_action_noun(lang, text, methods, activities):
    assert _listed(text, lang, methods) == activities


def test_two_methods_found_still_ask_for_an_activity_word():
    text = "The work used content analysis, regression analysis, photo documentation and archival tracing."
    assert _listed(text, "en", ["content analysis", "regression analysis"]) == []


@pytest.mark.parametrize("lang, text, methods, activity", [
    # the activity is cut before the tool it was done with or the object named after it
    ("en", "The work used case studies, content analysis, regression analysis and distributed tracing with "
           "Zipkin.", ["case studies", "content analysis", "regression analysis", "Zipkin"], "distributed tracing"),
    ("ru", "Использованы контент-анализ, анкетирование, интервью, дешифрирование снимков Landsat 8.",
     ["контент-анализ", "анкетирование", "интервью", "Landsat 8"], "дешифрирование снимков"),
    # Kazakh names the tool first, with its locative ending
    ("kk", "Жұмыста сауалнама, бақылау, контент-талдау, SPSS бағдарламасында дисперсиялық өңдеу қолданылды.",
     ["сауалнама", "бақылау", "контент-талдау", "SPSS"], "дисперсиялық өңдеу"),
])
def test_an_activity_beside_its_tool_is_cut_from_it(lang, text, methods, activity):
    assert activity in _listed(text, lang, methods)


def test_a_program_listed_among_methods_is_one():
    text = "The study used content analysis, interviews, topic modelling, Gensim and a survey of 90 editors."
    assert "Gensim" in _listed(text, "en", ["content analysis", "interviews", "topic modelling"])


@pytest.mark.parametrize("lang, text, methods", [
    # a verb makes the item a clause, not a name
    ("ru", "Использованы контент-анализ, анкетирование, интервью; сравнение повторялось ежегодно.",
     ["контент-анализ", "анкетирование", "интервью"]),
    # a sentence's opening words are its subject, not an item of the list it opens
    ("ru", "Сравнение с контрольной группой, контент-анализ, анкетирование, интервью.",
     ["контент-анализ", "анкетирование", "интервью"]),
    # a possessive refers back to a thing named before: the item is no method of its own
    ("en", "The work relied on content analysis of academic mobility, comparative analysis, a survey and its "
           "interaction with other aspects of relations.",
     ["content analysis of academic mobility", "comparative analysis", "survey"]),
])
def test_a_clause_or_a_sentences_subject_is_no_item(lang, text, methods):
    assert _listed(text, lang, methods) == []


@pytest.mark.parametrize("lang, text, methods, first", [
    # the words that open the list (and a heading run into them) are cut from its first item
    ("ru", "Методы исследования В работе использованы анализ нормативных актов, контент-анализ, анкетирование, "
           "интервью.", ["контент-анализ", "анкетирование", "интервью"], "анализ нормативных актов"),
    ("kk", "Зерттеу әдістері Жұмыста мұрағат құжаттарын талдау, контент-талдау, сауалнама, бақылау қолданылды.",
     ["контент-талдау", "сауалнама", "бақылау"], "мұрағат құжаттарын талдау"),
    ("en", "The study used analysis of court records, content analysis, interviews and a survey of 90 judges.",
     ["content analysis", "interviews", "survey"], "analysis of court records"),
    # or after a dash or a colon that follows "methods"
    ("en", "Empirical methods—field observation, expert interviews, historical-comparative method, content analysis "
           "were used.", ["historical-comparative method", "content analysis"], "field observation"),
    ("en", "Empirical methods: field observation, expert interviews, historical-comparative method, content analysis "
           "were used.", ["historical-comparative method", "content analysis"], "field observation"),
])
def test_the_first_item_follows_the_words_that_open_the_list(lang, text, methods, first):
    assert first in _listed(text, lang, methods)


@pytest.mark.parametrize("lang, text, methods", [
    # the operations of thought a list of general scientific methods opens with name no method alone
    ("en", "General scientific methods—analysis, synthesis, induction, historical-comparative method, content "
           "analysis were used.", ["historical-comparative method", "content analysis"]),
    ("ru", "Использованы анализ, синтез, индукция, дедукция, контент-анализ, анкетирование.",
     ["контент-анализ", "анкетирование"]),
])
def test_an_operation_of_thought_alone_is_no_listed_method(lang, text, methods):
    found = _listed(text, lang, methods)
    assert not {"analysis", "synthesis", "induction", "анализ", "синтез", "индукция", "дедукция"} & set(found), found


@pytest.mark.parametrize("lang, text, methods, item", [
    # an item as long as an item may be (five English words, four Russian) is still one
    ("en", "The work used content analysis, regression analysis, focus groups, photo documentation of old facades "
           "and archival tracing.", ["content analysis", "regression analysis", "focus groups"],
     "photo documentation of old facades"),
    ("ru", "Использованы контент-анализ, корреляционный анализ, анкетирование, фотофиксация фасадов старых домов и "
           "дешифрирование аэроснимков.", ["контент-анализ", "корреляционный анализ", "анкетирование"],
     "фотофиксация фасадов старых домов"),
])
def test_an_item_of_the_longest_length_is_still_an_item(lang, text, methods, item):
    assert item in _listed(text, lang, methods)
