"""The words of the shared page chrome (header, search box, footer, the query page's own
labels) in the three languages the graph is published in, and the reader's language choice.

The language is the one the page bodies use: `?lang=en|ru|kk`, else the best match of
Accept-Language, else English. Templates call `chrome_words(lang)` (a template global, so every
page built on ld_base.html gets it whichever blueprint renders it). Names that are not English
words — dissertation-kg, SPARQL, VoID, N-Quads, TriG — stay as they are in every language.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, request

LANGUAGES = ("en", "ru", "kk")
# each language named in itself, for the switcher in the footer
ENDONYMS = {"en": "English", "ru": "Русский", "kk": "Қазақша"}

WORDS: dict[str, dict[str, str]] = {
    "nav": {"en": "Site", "ru": "Разделы сайта", "kk": "Сайт бөлімдері"},
    "query": {"en": "Query", "ru": "Запрос", "kk": "Сұрау"},
    "statistics": {"en": "Statistics", "ru": "Статистика", "kk": "Статистика"},
    "ontology": {"en": "Ontology", "ru": "Онтология", "kk": "Онтология"},
    "status": {"en": "Status", "ru": "Состояние", "kk": "Күйі"},
    "void": {"en": "VoID description", "ru": "Описание VoID", "kk": "VoID сипаттамасы"},
    "nq_dump": {"en": "N-Quads dump", "ru": "Дамп N-Quads", "kk": "N-Quads дампы"},
    "trig_dump": {"en": "TriG dump", "ru": "Дамп TriG", "kk": "TriG дампы"},
    "search_placeholder": {"en": "Search works (kk, ru, en)", "ru": "Поиск работ (kk, ru, en)",
                           "kk": "Жұмыстарды іздеу (kk, ru, en)"},
    "search_label": {"en": "Search works", "ru": "Поиск работ", "kk": "Жұмыстарды іздеу"},
    "search_button": {"en": "Search", "ru": "Найти", "kk": "Іздеу"},
    "about": {"en": "A knowledge graph of Kazakhstan's doctoral dissertation abstracts in Kazakh, Russian and English.",
              "ru": "Граф знаний авторефератов докторских диссертаций Казахстана на казахском, русском и английском языках.",
              "kk": "Қазақстандағы докторлық диссертациялар авторефераттарының қазақ, орыс және ағылшын "
                    "тілдеріндегі білім графы."},
    "endpoint": {"en": "SPARQL endpoint", "ru": "SPARQL-точка доступа", "kk": "SPARQL нүктесі"},
    "language": {"en": "Language", "ru": "Язык", "kk": "Тіл"},
    # the query page (YASGUI's own labels are its own)
    "query_title": {"en": "SPARQL query", "ru": "SPARQL-запрос", "kk": "SPARQL сұрауы"},
    "query_intro": {"en": "Query the knowledge graph of Kazakhstan's doctoral dissertation abstracts with SPARQL 1.1.",
                    "ru": "Запросы к графу знаний авторефератов докторских диссертаций Казахстана на SPARQL 1.1.",
                    "kk": "Қазақстандағы докторлық диссертациялар авторефераттарының білім графына SPARQL 1.1 "
                          "тілінде сұрау жіберіңіз."},
    "endpoint_is": {"en": "The endpoint is", "ru": "Точка доступа:", "kk": "Сұрау нүктесі:"},
    "examples": {"en": "Example question", "ru": "Пример вопроса", "kk": "Мысал сұрақ"},
    # the search page's form and summary
    "search_heading": {"en": "Search", "ru": "Поиск", "kk": "Іздеу"},
    "search_words": {"en": "Words or a name, in Kazakh, Russian or English",
                     "ru": "Слова или название на казахском, русском или английском",
                     "kk": "Қазақ, орыс немесе ағылшын тіліндегі сөздер не атау"},
    "texts_language": {"en": "Language of the texts", "ru": "Язык текстов", "kk": "Мәтіндер тілі"},
    "all_languages": {"en": "all languages", "ru": "все языки", "kk": "барлық тілдер"},
    "works_found": {"en": "Works found", "ru": "Найдено работ", "kk": "Табылған жұмыстар"},
    "for_query": {"en": "for", "ru": "по запросу", "kk": "сұрау"},
    "showing": {"en": "showing", "ru": "показаны", "kk": "көрсетілгені"},
    "next": {"en": "Next", "ru": "Следующие", "kk": "Келесі"},
    "search_help": {"en": "Words are matched in every inflected form (Kazakh, Russian, English); a name from the "
                          "vocabularies — “мягкая сила”, “жұмсақ күш”, “soft power” — also finds works that use it "
                          "in another language. In SPARQL:",
                    "ru": "Слова находятся в любой словоформе (казахский, русский, английский); название из "
                          "словарей — «мягкая сила», «жұмсақ күш», «soft power» — находит и работы, где оно "
                          "употреблено на другом языке. В SPARQL:",
                    "kk": "Сөздер кез келген тұлғасында табылады (қазақ, орыс, ағылшын); сөздіктегі атау — "
                          "«мягкая сила», «жұмсақ күш», «soft power» — басқа тілде қолданылған жұмыстарды да "
                          "табады. SPARQL-да:"},
}


def page_language() -> str:
    """The reader's language for this request: ?lang=, else Accept-Language, else English."""
    forced = request.args.get("lang")
    if forced in LANGUAGES:
        return forced
    return request.accept_languages.best_match(LANGUAGES, default="en")


def with_language(code: str) -> str:
    """This page's URL (path relative, query kept) in another language: the switcher's links."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", code)]
    return "?" + urlencode(args)


def chrome_words(lang: str | None) -> dict[str, str]:
    """Every chrome word in `lang` (English for an unknown language, never a key)."""
    return {key: entry.get(lang or "en") or entry["en"] for key, entry in WORDS.items()}


blueprint = Blueprint("chrome", __name__)
blueprint.add_app_template_global(chrome_words, "chrome_words")
blueprint.add_app_template_global(ENDONYMS, "endonyms")
blueprint.add_app_template_global(with_language, "with_language")
