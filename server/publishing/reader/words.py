"""The pages' own words (headings, captions) in the three languages the graph is published in.

Names of languages come from CLDR through Babel; the ontology's labels name classes (one
provision, one theory) but not these headings (plural, or phrases such as "works per year"),
so they are listed here. A word missing in one language falls back to English, never to a key.
"""
from __future__ import annotations

import functools

from babel import Locale

WORDS: dict[str, dict[str, str]] = {
    "author": {"en": "Author", "ru": "Автор", "kk": "Автор"},
    "authors": {"en": "Authors", "ru": "Авторы", "kk": "Авторлар"},
    "degree": {"en": "Degree", "ru": "Степень", "kk": "Дәреже"},
    "specialty": {"en": "Specialty", "ru": "Специальность", "kk": "Мамандық"},
    "institution": {"en": "Institution", "ru": "Организация", "kk": "Ұйым"},
    "department": {"en": "Department", "ru": "Кафедра", "kk": "Кафедра"},
    "year": {"en": "Year", "ru": "Год", "kk": "Жыл"},
    "year_note": {"en": "year of the latest listed publication", "ru": "год последней публикации в списке",
                  "kk": "тізімдегі соңғы жарияланым жылы"},
    "languages": {"en": "Languages", "ru": "Языки", "kk": "Тілдер"},
    "kind": {"en": "Kind of work", "ru": "Вид работы", "kk": "Жұмыс түрі"},
    "provisions": {"en": "Provisions for defense", "ru": "Положения, выносимые на защиту",
                   "kk": "Қорғауға ұсынылатын қағидалар"},
    "tasks": {"en": "Research tasks", "ru": "Задачи исследования", "kk": "Зерттеу міндеттері"},
    "novelty": {"en": "Scientific novelty", "ru": "Научная новизна", "kk": "Ғылыми жаңалығы"},
    "parts": {"en": "The work in brief", "ru": "Кратко о работе", "kk": "Жұмыс туралы қысқаша"},
    "theories": {"en": "Theories", "ru": "Теории", "kk": "Теориялар"},
    "methods": {"en": "Methods", "ru": "Методы", "kk": "Әдістер"},
    "actors": {"en": "Actors", "ru": "Акторы", "kk": "Акторлар"},
    "initiatives": {"en": "Initiatives", "ru": "Инициативы", "kk": "Бастамалар"},
    "concepts": {"en": "Theories, methods, actors and initiatives", "ru": "Теории, методы, акторы и инициативы",
                 "kk": "Теориялар, әдістер, акторлар және бастамалар"},
    "publications": {"en": "Publications", "ru": "Публикации", "kk": "Жарияланымдар"},
    "counts": {"en": "Publications by kind", "ru": "Публикации по видам", "kk": "Жарияланымдар түрлері бойынша"},
    "incomplete": {"en": "Incomplete", "ru": "Неполно", "kk": "Толық емес"},
    "incomplete_text": {"en": "none of this work's abstracts gives", "ru": "ни один автореферат работы не содержит",
                        "kk": "жұмыстың бірде-бір авторефератында жоқ"},
    "missing_text": {"en": "not in this language", "ru": "нет на этом языке", "kk": "бұл тілде жоқ"},
    "raw": {"en": "All statements", "ru": "Все утверждения", "kk": "Барлық тұжырымдар"},
    "labels": {"en": "Names", "ru": "Названия", "kk": "Атаулары"},
    "mentioned_in": {"en": "Works that mention it", "ru": "Работы, в которых упоминается",
                     "kk": "Аталатын жұмыстар"},
    "part": {"en": "Part", "ru": "Часть", "kk": "Бөлім"},
    "mention": {"en": "Mention", "ru": "Упоминание", "kk": "Аталуы"},
    "work": {"en": "Work", "ru": "Работа", "kk": "Жұмыс"},
    "works": {"en": "Works", "ru": "Работы", "kk": "Жұмыстар"},
    "shared_works": {"en": "Shared works", "ru": "Общих работ", "kk": "Ортақ жұмыстар"},
    "cooccurring": {"en": "Mentioned in the same works", "ru": "Упоминается в тех же работах",
                    "kk": "Сол жұмыстарда аталады"},
    "works_per_year": {"en": "Works per year", "ru": "Работ по годам", "kk": "Жылдар бойынша жұмыстар"},
    "no_year": {"en": "works without a dated publication, not plotted",
                "ru": "работ без датированных публикаций, не показаны",
                "kk": "күні көрсетілген жарияланымы жоқ жұмыс, көрсетілмеген"},
    "shown_of": {"en": "shown of", "ru": "показано из", "kk": "көрсетілгені, барлығы"},
    "statistics": {"en": "Statistics", "ru": "Статистика", "kk": "Статистика"},
    "works_by_specialty": {"en": "Works per year by specialty", "ru": "Работы по годам и специальностям",
                           "kk": "Жылдар мен мамандықтар бойынша жұмыстар"},
    "theories_over_time": {"en": "Theories over time", "ru": "Теории во времени", "kk": "Уақыт бойынша теориялар"},
    "actor_pairs": {"en": "Actors mentioned together most often", "ru": "Акторы, чаще всего упоминаемые вместе",
                    "kk": "Жиі бірге аталатын акторлар"},
    "language_share": {"en": "Share of works per language", "ru": "Доля работ по языкам",
                       "kk": "Тілдер бойынша жұмыстар үлесі"},
    "language_share_note": {"en": "a work with abstracts in several languages counts in each",
                            "ru": "работа с авторефератами на нескольких языках учитывается в каждом",
                            "kk": "бірнеше тілдегі авторефераты бар жұмыс әр тілде саналады"},
    "other": {"en": "other", "ru": "другие", "kk": "басқалары"},
    "pair": {"en": "Pair", "ru": "Пара", "kk": "Жұп"},
    "share": {"en": "Share", "ru": "Доля", "kk": "Үлесі"},
    "language": {"en": "Language", "ru": "Язык", "kk": "Тіл"},
    "data_table": {"en": "The figures as a table", "ru": "Данные таблицей", "kk": "Деректер кестесі"},
    "overview": {"en": "The graph in plots", "ru": "Граф в графиках", "kk": "Граф графиктерде"},
    "none": {"en": "None in the graph yet.", "ru": "В графе пока нет.", "kk": "Графта әзірге жоқ."},
    "source": {"en": "Each plot is drawn from a SPARQL query over the served store; the query is shown below it.",
               "ru": "Каждый график построен по SPARQL-запросу к хранилищу; запрос приведён под ним.",
               "kk": "Әр график қоймаға жасалған SPARQL сұрауынан салынған; сұрау астында көрсетілген."},
    "query": {"en": "The query", "ru": "Запрос", "kk": "Сұрау"},
    # the statements under every /id/… and /graph/… page (resource.html)
    "labels_in": {"en": "Labels in", "ru": "Подписи на языке", "kk": "Белгілер тілі"},
    "as_formats": {"en": "This resource as", "ru": "Этот ресурс в форматах", "kk": "Бұл ресурс форматтарда"},
    "graph_triples": {"en": "the graph's triples", "ru": "триплеты графа", "kk": "графтың үштіктері"},
    "statements": {"en": "Statements", "ru": "Утверждения", "kk": "Тұжырымдар"},
    "no_outgoing": {"en": "No statements have this resource as subject.",
                    "ru": "Нет утверждений, в которых этот ресурс — субъект.",
                    "kk": "Бұл ресурс субъект болатын тұжырым жоқ."},
    "nested": {"en": "Nested values", "ru": "Вложенные значения", "kk": "Ішкі мәндер"},
    "referred_by": {"en": "Referred to by", "ru": "Ссылаются на этот ресурс", "kk": "Бұл ресурсқа сілтейтіндер"},
    "inverse": {"en": "these resources point here with this property",
                "ru": "эти ресурсы ссылаются сюда через это свойство",
                "kk": "бұл ресурстар осы қасиет арқылы осында сілтейді"},
    "no_incoming": {"en": "Nothing in the graph refers to this resource.",
                    "ru": "Ничто в графе не ссылается на этот ресурс.",
                    "kk": "Графта бұл ресурсқа ешнәрсе сілтемейді."},
    # "Only the first {n} references are listed; ask the SPARQL endpoint for all of them.", the
    # link's words where each language puts them
    "truncated_before": {"en": "Only the first {n} references are listed; ask ",
                         "ru": "Показаны только первые {n} ссылок; все их можно получить у ",
                         "kk": "Алғашқы {n} сілтеме ғана көрсетілген; барлығын "},
    "truncated_link": {"en": "the SPARQL endpoint", "ru": "SPARQL-точки доступа", "kk": "SPARQL нүктесінен"},
    "truncated_after": {"en": " for all of them.", "ru": ".", "kk": " сұраңыз."},
    "provenance": {"en": "Where these statements come from", "ru": "Откуда эти утверждения",
                   "kk": "Бұл тұжырымдар қайдан алынған"},
    "named_graph": {"en": "Named graph", "ru": "Именованный граф", "kk": "Аталған граф"},
    "source_file": {"en": "Source file", "ru": "Исходный файл", "kk": "Бастапқы файл"},
    "mapper": {"en": "Mapper", "ru": "Версия преобразователя", "kk": "Түрлендіргіш нұсқасы"},
    "ontology": {"en": "Ontology", "ru": "Онтология", "kk": "Онтология"},
    "mapped_at": {"en": "Mapped at", "ru": "Время преобразования", "kk": "Түрлендірілген уақыты"},
    # the /ontology page when the documentation module is not installed (ontology_listing.html)
    "ontology_title": {"en": "The dissertation-kg ontology", "ru": "Онтология dissertation-kg",
                       "kk": "dissertation-kg онтологиясы"},
    "download_as": {"en": "Download as", "ru": "Скачать в формате", "kk": "Жүктеп алу форматы"},
    "onto_classes": {"en": "Classes", "ru": "Классы", "kk": "Кластар"},
    "onto_object_properties": {"en": "Object properties", "ru": "Объектные свойства", "kk": "Объектілік қасиеттер"},
    "onto_datatype_properties": {"en": "Datatype properties", "ru": "Свойства типов данных",
                                 "kk": "Деректер типі қасиеттері"},
    "onto_annotation_properties": {"en": "Annotation properties", "ru": "Свойства-аннотации",
                                   "kk": "Аннотация қасиеттері"},
    "onto_individuals": {"en": "Individuals", "ru": "Индивиды", "kk": "Даралар"},
    # the 404 page (linked_data.not_found): `nf_<reason>` is what it says; {iri} and the reason's
    # details are filled in
    "not_found": {"en": "Not found", "ru": "Не найдено", "kk": "Табылмады"},
    "nf_unknown": {"en": "Nothing in this graph is described by <{iri}>. Check the IRI, browse from a work listed by "
                         "the query page, or ask the SPARQL endpoint which IRIs exist.",
                   "ru": "Ресурс <{iri}> в этом графе не описан. Проверьте IRI, перейдите к работе из списка на "
                         "странице запросов или спросите у SPARQL-точки доступа, какие IRI существуют.",
                   "kk": "<{iri}> ресурсы бұл графта сипатталмаған. IRI-ді тексеріңіз, сұрау бетінде "
                         "көрсетілген жұмыстан бастап қараңыз немесе қандай IRI бар екенін SPARQL нүктесінен сұраңыз."},
    "nf_invalid_iri": {"en": "This path is not a valid IRI of this graph.",
                       "ru": "Этот путь не является допустимым IRI этого графа.",
                       "kk": "Бұл жол осы графтың жарамды IRI-і емес."},
    "nf_no_ontology": {"en": "The ontology file {path} is missing from this installation. Reinstall the package "
                             "(`pip install -e .`) from a complete checkout.",
                       "ru": "Файл онтологии {path} отсутствует в этой установке. Переустановите пакет "
                             "(`pip install -e .`) из полной копии репозитория.",
                       "kk": "Бұл орнатуда онтология файлы {path} жоқ. Пакетті репозиторийдің толық көшірмесінен "
                             "қайта орнатыңыз (`pip install -e .`)."},
    # "Go to the query page to explore …": the link's words sit where each language puts them
    "nf_home_before": {"en": "", "ru": "", "kk": "Графта не бар екенін білу үшін "},
    "nf_home_link": {"en": "Go to the query page", "ru": "Перейдите на страницу запросов", "kk": "сұрау бетіне өтіңіз"},
    "nf_home_after": {"en": " to explore what the graph holds.", "ru": ", чтобы узнать, что есть в графе.",
                      "kk": "."},
}


def word(key: str, lang: str) -> str:
    entry = WORDS[key]
    return entry.get(lang) or entry["en"]


def words(lang: str) -> dict[str, str]:
    """Every word in `lang`, for a template (`w.provisions`)."""
    return {key: word(key, lang) for key in WORDS}


@functools.lru_cache(maxsize=64)
def language_name(code: str, lang: str) -> str:
    """`ru` named in `kk` → "орыс тілі" (CLDR); an unknown code stays itself."""
    try:
        return Locale.parse(lang).languages.get(code) or code
    except (ValueError, LookupError):
        return code
