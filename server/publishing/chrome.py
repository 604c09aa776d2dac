"""The words of the shared page chrome (header, search box, footer, the query page's own
labels) and of the server's own pages (the search form, /status, the page shown when the query
page's assets are missing) in the three languages the graph is published in, and the reader's
language choice. The reading pages' words (a resource, /statistics, the 404) are reader/words.py's.

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
    # the query page when its assets are not installed (ui_missing_assets.html)
    "assets_title": {"en": "The query page's assets are not installed",
                     "ru": "Файлы страницы запросов не установлены",
                     "kk": "Сұрау бетінің файлдары орнатылмаған"},
    "assets_missing": {"en": "These files are missing from", "ru": "В папке нет этих файлов:",
                       "kk": "Мына файлдар қалтада жоқ:"},
    "assets_install": {"en": "Install them once, from the project folder, with:",
                       "ru": "Установите их один раз из папки проекта командой:",
                       "kk": "Оларды жоба қалтасынан бір рет мына пәрменмен орнатыңыз:"},
    "assets_endpoint": {"en": "The SPARQL endpoint itself works without them: send queries to",
                        "ru": "Сама SPARQL-точка доступа работает и без них: отправляйте запросы на",
                        "kk": "SPARQL нүктесінің өзі оларсыз да жұмыс істейді: сұрауларды мына мекенжайға жіберіңіз:"},
    # /status (status.html); the messages of the build's checks stay as the build wrote them
    "st_refused": {"en": "The last rebuild was refused — still serving generation",
                   "ru": "Последняя пересборка отклонена — по-прежнему обслуживается поколение",
                   "kk": "Соңғы қайта құрастыру қабылданбады — бұрынғы буын ұсынылып тұр:"},
    "st_fix_one": {"en": "Fix this problem and save; the server rebuilds by itself",
                   "ru": "Исправьте эту ошибку и сохраните файл; сервер пересоберёт граф сам",
                   "kk": "Осы қатені түзетіп, файлды сақтаңыз; сервер графты өзі қайта құрастырады"},
    "st_fix_many": {"en": "Fix these problems and save; the server rebuilds by itself",
                    "ru": "Исправьте эти ошибки и сохраните файлы; сервер пересоберёт граф сам",
                    "kk": "Осы қателерді түзетіп, файлдарды сақтаңыз; сервер графты өзі қайта құрастырады"},
    "st_after_reload": {"en": "after `dkg reload`", "ru": "после команды `dkg reload`",
                        "kk": "`dkg reload` пәрменінен кейін"},
    "st_hint": {"en": "hint", "ru": "подсказка", "kk": "кеңес"},
    "st_served": {"en": "Served graph", "ru": "Обслуживаемый граф", "kk": "Ұсынылып тұрған граф"},
    "st_generation": {"en": "generation", "ru": "поколение", "kk": "буын"},
    "st_writes": {"en": "writes since built", "ru": "записей после сборки", "kk": "құрастырудан кейінгі жазу"},
    "st_built": {"en": "built", "ru": "собран", "kk": "құрастырылған"},
    "st_built_by": {"en": "`dkg build` or a rebuild", "ru": "`dkg build` или пересборка",
                    "kk": "`dkg build` немесе қайта құрастыру"},
    "st_built_remote": {"en": "`dkg build --store URL` from another machine (no build record here)",
                        "ru": "`dkg build --store URL` с другой машины (записи о сборке здесь нет)",
                        "kk": "басқа машинадан `dkg build --store URL` (мұнда құрастыру жазбасы жоқ)"},
    "st_built_unknown": {"en": "unknown (no build record)", "ru": "неизвестно (нет записи о сборке)",
                         "kk": "белгісіз (құрастыру жазбасы жоқ)"},
    "st_documents": {"en": "documents", "ru": "документы", "kk": "құжаттар"},
    "st_works": {"en": "works", "ru": "работы", "kk": "жұмыстар"},
    "st_unknown": {"en": "unknown", "ru": "неизвестно", "kk": "белгісіз"},
    "st_triples": {"en": "triples", "ru": "триплеты", "kk": "үштіктер"},
    "st_corpus": {"en": "corpus", "ru": "корпус", "kk": "корпус"},
    "st_ontology": {"en": "ontology", "ru": "онтология", "kk": "онтология"},
    "st_rejected": {"en": "Rejected documents", "ru": "Отклонённые документы", "kk": "Қабылданбаған құжаттар"},
    "st_rejected_note": {"en": "The other documents were loaded. Fix these files and save; the server rebuilds by itself.",
                         "ru": "Остальные документы загружены. Исправьте эти файлы и сохраните их; сервер пересоберёт граф сам.",
                         "kk": "Қалған құжаттар жүктелді. Осы файлдарды түзетіп, сақтаңыз; сервер графты өзі қайта құрастырады."},
    "st_rejected_as": {"en": "rejected", "ru": "отклонён", "kk": "қабылданбады"},
    # why a document was rejected, by the reason code the build records
    "st_why_encoding": {"en": "the file is not readable text (empty, binary or not `UTF-8`)",
                        "ru": "файл не является читаемым текстом (пустой, двоичный или не в `UTF-8`)",
                        "kk": "файл оқылатын мәтін емес (бос, екілік немесе `UTF-8` емес)"},
    "st_why_language": {"en": "its language is not Kazakh, Russian or English",
                        "ru": "его язык не казахский, не русский и не английский",
                        "kk": "оның тілі қазақ, орыс не ағылшын тілі емес"},
    "st_why_structure": {"en": "no abstract structure was found in it", "ru": "в нём не найдена структура автореферата",
                         "kk": "онда автореферат құрылымы табылмады"},
    "st_why_manifest": {"en": "the corpus manifest (`manifest.toml`) is wrong about it",
                        "ru": "манифест корпуса (`manifest.toml`) описывает его неверно",
                        "kk": "корпус манифесі (`manifest.toml`) ол туралы қате мәлімет береді"},
    "st_why_unreadable": {"en": "the file could not be read", "ru": "файл не удалось прочитать",
                          "kk": "файлды оқу мүмкін болмады"},
    "st_why_SHACL": {"en": "it was mapped, but the mapped graph fails the SHACL shapes",
                     "ru": "он преобразован, но полученный граф не проходит проверку фигур SHACL",
                     "kk": "ол түрлендірілді, бірақ алынған граф SHACL пішіндерінен өтпейді"},
    "st_incomplete": {"en": "Incomplete works", "ru": "Неполные работы", "kk": "Толық емес жұмыстар"},
    "st_incomplete_note": {"en": "Loaded with what was found; each gap is in the graph as",
                           "ru": "Загружены с тем, что найдено; каждый пропуск записан в графе как",
                           "kk": "Табылғанымен жүктелді; әр олқылық графта былай жазылған:"},
    "st_query": {"en": "query", "ru": "запрос", "kk": "сұрау"},
    "st_work": {"en": "work", "ru": "работа", "kk": "жұмыс"},
    "st_lacks": {"en": "lacks", "ru": "нет частей", "kk": "жоқ бөліктер"},
    "st_more": {"en": "… and {n} more.", "ru": "… и ещё {n}.", "kk": "… және тағы {n}."},
    "st_deprecated": {"en": "Deprecated terms still in the data", "ru": "Устаревшие термины, ещё встречающиеся в данных",
                      "kk": "Деректерде әлі қолданылатын ескірген терминдер"},
    "st_warnings": {"en": "Warnings", "ru": "Предупреждения", "kk": "Ескертулер"},
    "st_rebuilds": {"en": "Rebuilds", "ru": "Пересборки", "kk": "Қайта құрастырулар"},
    "st_following": {"en": "Following edits to {ontology} and {seeds} (polled every {n} s).",
                     "ru": "Отслеживаются правки в {ontology} и {seeds} (проверка каждые {n} с).",
                     "kk": "{ontology} және {seeds} өзгерістері бақылануда (әр {n} с сайын тексеріледі)."},
    "st_not_polling": {"en": "Not polling the sources; {reload} rebuilds when {ontology} or {seeds} changed, "
                             "{rebuild} always.",
                       "ru": "Источники не отслеживаются; {reload} пересобирает граф, если изменились {ontology} "
                             "или {seeds}, {rebuild} — всегда.",
                       "kk": "Дереккөздер бақыланбайды; {ontology} не {seeds} өзгерсе, {reload} графты қайта "
                             "құрастырады, {rebuild} — әрқашан."},
    "st_now": {"en": "Now", "ru": "Сейчас", "kk": "Қазір"},
    "st_state_idle": {"en": "idle", "ru": "ожидание изменений", "kk": "өзгерістерді күтуде"},
    "st_state_waiting": {"en": "waiting", "ru": "в очереди", "kk": "кезекте"},
    "st_state_building": {"en": "building", "ru": "идёт сборка", "kk": "құрастырылуда"},
    "st_attempt": {"en": "#", "ru": "№", "kk": "№"},
    # what started a rebuild, by the trigger the rebuilder records (status.TRIGGERS)
    "st_trigger_edit": {"en": "edit", "ru": "правка", "kk": "түзету"},
    "st_trigger_offline": {"en": "sources changed while the server was stopped",
                           "ru": "источники изменились, пока сервер был остановлен",
                           "kk": "сервер тоқтап тұрғанда дереккөздер өзгерді"},
    "st_trigger_reload": {"en": "`dkg reload` (sources changed)", "ru": "`dkg reload` (источники изменились)",
                          "kk": "`dkg reload` (дереккөздер өзгерді)"},
    "st_trigger_force": {"en": "`dkg reload --rebuild`", "ru": "`dkg reload --rebuild`", "kk": "`dkg reload --rebuild`"},
    "st_trigger": {"en": "trigger", "ru": "причина", "kk": "себебі"},
    "st_started": {"en": "started", "ru": "начало", "kk": "басталды"},
    "st_finished": {"en": "finished", "ru": "конец", "kk": "аяқталды"},
    "st_outcome": {"en": "outcome", "ru": "итог", "kk": "нәтижесі"},
    "st_outcome_switched": {"en": "switched", "ru": "переключено", "kk": "ауыстырылды"},
    "st_outcome_unchanged": {"en": "unchanged", "ru": "без изменений", "kk": "өзгеріссіз"},
    "st_outcome_blocked": {"en": "blocked", "ru": "отклонено", "kk": "тоқтатылды"},
    "st_outcome_failed": {"en": "failed", "ru": "сбой", "kk": "сәтсіз"},
    "st_last_rejected": {"en": "Rejected in the last attempt", "ru": "Отклонено при последней попытке",
                         "kk": "Соңғы әрекетте қабылданбағандар"},
    "st_no_rebuild": {"en": "No rebuild since the server started.", "ru": "С запуска сервера пересборок не было.",
                      "kk": "Сервер іске қосылғаннан бері қайта құрастыру болған жоқ."},
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
