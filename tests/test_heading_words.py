"""Every keyword of the heading tables recognised in a heading line of its language.

The lines are written by hand, one for each alternative of each kind's keyword pattern in
mappings/heading_words.KEYWORDS, and each line holds only that alternative, so dropping any one
alternative leaves its line without a kind or with another (checked with scripts/mutation.py).
"""
from __future__ import annotations

import pytest

from dissertation_kg.mappings import headings

HEADINGS = {
    "en": [
        ("Relevance of the research topic.", "relevance"), ("Topicality of the research.", "relevance"),
        ("Actuality of the research topic.", "relevance"), ("Urgency of the research.", "relevance"),
        ("Problem statement.", "relevance"), ("Statement of the problem.", "relevance"),
        ("Rationale for the choice of topic.", "relevance"), ("Justification for the choice of topic.", "relevance"),
        ("Degree of development of the topic.", "development"), ("State of the art.", "development"),
        ("Literature review.", "development"),
        ("Object of the research.", "object"), ("Subject of the research.", "subject"),
        ("Aim of the research.", "aim"), ("Purpose of the study.", "aim"), ("Goal of the research.", "aim"),
        ("Tasks of the research.", "tasks"), ("Objectives of the research.", "tasks"),
        ("Hypothesis of the research.", "hypothesis"),
        ("Theoretical and methodological principles of the research.", "theoretical-basis"),
        ("Theoretical basis of the research.", "theoretical-basis"),
        ("Methodological basis of the research.", "theoretical-basis"),
        ("Research methodology.", "theoretical-basis"),
        ("Research methods.", "methods"), ("Research techniques.", "methods"),
        ("Scientific novelty of the research.", "novelty"), ("Originality of the research.", "novelty"),
        ("Main provisions.", "provisions"), ("Statements for the defence.", "provisions"),
        ("Submitted for defense.", "provisions"), ("Results to be defended.", "provisions"),
        ("Theses for the defence.", "provisions"),
        ("Significance of the research.", "significance"), ("Importance of the research.", "significance"),
        ("The value of the study.", "significance"), ("Practical value.", "significance"),
        ("Approbation of the results.", "approbation"), ("Approval of the results.", "approbation"),
        ("Testing of the results.", "approbation"), ("Validation of the results.", "approbation"),
        ("Dissemination.", "approbation"),
        ("Publications.", "publications"), ("Published works.", "publications"),
        ("Structure of the dissertation.", "structure"), ("Scope and volume.", "structure"),
        ("Volume of the dissertation.", "structure"),
        ("General description of the research.", "general"),
        ("Information base of the research.", "sources"), ("Sources of the research.", "sources"),
        ("Chronological framework of the research.", "chronology"),
        ("Assessment of the completeness.", "completeness"), ("Completeness of the solutions.", "completeness"),
        ("Justification of the novelty.", "justification"),
        ("Description of the main results.", "findings"),
        ("Reliability of the results.", "reliability"), ("Validity of the results.", "reliability"),
        ("Main content of the dissertation.", "content"), ("Summary of the dissertation.", "content"),
        ("Keywords.", "keywords"), ("Abstract.", "abstract"), ("Annotation.", "abstract"),
        ("Introduction.", "introduction"), ("Conclusions.", "conclusion"), ("Practical recommendations.", "conclusion"),
        ("Research.", "research"), ("Discussion.", "research"), ("Results.", "research"),
        ("References.", "references"), ("Bibliography.", "references"), ("List of sources.", "references"),
    ],
    "ru": [
        ("Актуальность темы исследования.", "relevance"), ("Обоснование выбора темы.", "relevance"),
        ("Постановка проблемы.", "relevance"),
        ("Степень научной разработанности темы.", "development"), ("Изученность проблемы.", "development"),
        ("Объект исследования.", "object"), ("Предмет исследования.", "subject"), ("Цель исследования.", "aim"),
        ("Задачи исследования.", "tasks"), ("Гипотеза исследования.", "hypothesis"),
        ("Теоретико-методологическая база исследования.", "theoretical-basis"),
        ("Теоретическая основа исследования.", "theoretical-basis"),
        ("Методология исследования.", "theoretical-basis"),
        ("Методы исследования.", "methods"), ("Научная новизна исследования.", "novelty"),
        ("Положения к защите.", "provisions"), ("На защиту выносятся:", "provisions"),
        ("Результаты, выносимые на обсуждение.", "provisions"),
        ("Практическая значимость работы.", "significance"), ("Практическая ценность работы.", "significance"),
        ("Апробация результатов.", "approbation"), ("Внедрение результатов исследования.", "approbation"),
        ("Публикации.", "publications"), ("СПИСОК ОПУБЛИКОВАННЫХ РАБОТ ПО ТЕМЕ ДИССЕРТАЦИИ", "publications"), ("Структура диссертации.", "structure"), ("Объем диссертации.", "structure"),
        ("Общая характеристика работы.", "general"),
        ("Приоритетные направления развития науки.", "priority"),
        ("Соответствие направлениям развития науки.", "priority"),
        ("Связь работы с государственными программами.", "priority"),
        ("Источниковая база исследования.", "sources"), ("Источники исследования.", "sources"),
        ("Хронологические рамки исследования.", "chronology"),
        ("Личный вклад.", "contribution"), ("Вклад автора.", "contribution"),
        ("Оценка полноты решений.", "completeness"), ("Обоснование новизны.", "justification"),
        ("Описание основных результатов.", "findings"),
        ("Достоверность результатов.", "reliability"), ("Обоснованность результатов.", "reliability"),
        ("Основное содержание работы.", "content"), ("СОДЕРЖАНИЕ РАБОТЫ", "content"), ("Ключевые слова.", "keywords"),
        ("Аннотация.", "abstract"), ("Реферат.", "abstract"), ("Резюме.", "abstract"), ("Введение.", "introduction"),
        ("Заключение.", "conclusion"), ("Выводы.", "conclusion"), ("ПРАКТИЧЕСКИЕ РЕКОМЕНДАЦИИ", "conclusion"), ("Практические предложения.", "conclusion"), ("Результаты.", "research"),
        ("Обсуждение.", "research"), ("Список использованной литературы.", "references"), ("Литература.", "references"),
    ],
    "kk": [
        ("Зерттеу тақырыбының өзектілігі.", "relevance"), ("Тақырыптың зерттелу деңгейі.", "development"),
        ("Тақырыпты таңдаудың негіздемесі.", "relevance"), ("Мәселенің қойылуы.", "relevance"),
        ("Зерттеу нысаны.", "object"), ("Зерттеу объектісі.", "object"), ("Зерттеу пәні.", "subject"), ("Зерттеу пәни.", "subject"),
        ("Зерттеу мақсаты.", "aim"), ("Зерттеу міндеттері.", "tasks"), ("Зерттеу болжамы.", "hypothesis"),
        ("Зерттеу гипотезасы.", "hypothesis"),
        ("Зерттеудің теориялық-әдіснамалық базасы.", "theoretical-basis"),
        ("Зерттеудің теориялық негізі.", "theoretical-basis"), ("Зерттеу әдіснамасы.", "theoretical-basis"),
        ("Зерттеу әдістері.", "methods"), ("Зерттеудің ғылыми жаңалығы.", "novelty"),
        ("Қорғауға ұсынылатын қағидалар.", "provisions"), ("Негізгі тұжырымдар.", "provisions"), ("Қорғауға берілетін тұжырымдар.", "provisions"),
        ("Жұмыстың практикалық маңызы.", "significance"), ("Жұмыстың практикалық құндылығы.", "significance"),
        ("Зерттеу нәтижелерінің апробациясы.", "approbation"), ("Жұмыстың сынақтан өтуі.", "approbation"),
        ("Нәтижелердің сарапталуы.", "approbation"), ("Жұмыстың талқылануы.", "approbation"),
        ("Жарияланымдар.", "publications"), ("Басылымдар.", "publications"),
        ("Диссертацияның құрылымы.", "structure"), ("Диссертацияның көлемі.", "structure"),
        ("Жұмыстың жалпы сипаттамасы.", "general"), ("Басым бағыттар.", "priority"),
        ("Мемлекеттік бағдарламаға сәйкестігі.", "priority"),
        ("ЖҰМЫСТЫҢ ҒЫЛЫМИ БАҒДАРЛАМАЛАРМЕН БАЙЛАНЫСЫ", "priority"),
        ("Зерттеудің деректік базасы.", "sources"), ("Зерттеудің хронологиялық шеңбері.", "chronology"),
        ("Автордың жеке үлесі.", "contribution"), ("Докторанттың ғылыми үлесі.", "contribution"),
        ("Міндеттердің толық шешілуі.", "completeness"), ("Толықтығын бағалау.", "completeness"),
        ("Жаңалығы мен маңыздылығының негіздемесі.", "justification"), ("Жаңалығының негіздемесі.", "justification"),
        ("Негізгі нәтижелердің сипаттамасы.", "findings"),
        ("Нәтижелердің негізділігі.", "reliability"), ("Нәтижелердің дұрыстығы.", "reliability"),
        ("Нәтижелердің сенімділігі.", "reliability"),
        ("Негізгі мазмұны.", "content"), ("Түйін сөздер.", "keywords"), ("Аңдатпа.", "abstract"),
        ("Аннотация.", "abstract"), ("Кіріспе.", "introduction"), ("Қорытынды.", "conclusion"), ("Практикалық ұсыныстар.", "conclusion"),
        ("Нәтижелер.", "research"), ("Талқылау.", "research"),
        ("Әдебиеттер тізімі.", "references"), ("Пайдаланылған әдебиеттер.", "references"),
    ],
}


@pytest.mark.parametrize("lang, line, kind", [(lang, line, kind) for lang, rows in HEADINGS.items()
                                              for line, kind in rows])
def test_every_heading_keyword_names_its_kind(lang, line, kind):
    h = headings.match(line, lang)
    assert h is not None and h.kind == kind, (line, h)


@pytest.mark.parametrize("line, kind", [
    ("Aim of the study to assess the export potential of grain.", "aim"),
    ("Tasks of the research to describe the grain market and to build a model.", "tasks"),
    ("Relevance of the study to regional policy makers is high.", None),
])
def test_to_after_a_heading_begins_the_text_only_of_an_aim_or_tasks(line, kind):
    # "Aim of the study to assess …" is a heading run into its text; "Relevance of the study to
    # regional policy makers is high" is a sentence about relevance
    h = headings.match(line, "en")
    assert (h.kind, h.shape) == (kind, "run-in-lower") if kind else h is None or h.shape != "run-in-lower", h


@pytest.mark.parametrize("line, kind", [
    ("Жобаның мақсатында", "aim"), ("Диссертацияның алдына қойылған міндеттерде", "tasks"),
    ("ЖҰМЫСТЫҢ ҒЫЛЫМИ ЖАҢАЛЫҒЫНДА", "novelty"), ("Тақырыптың өзектілігі туралы", "relevance"),
])
def test_a_kazakh_heading_alone_in_the_locative_or_with_turaly_names_its_kind(line, kind):
    h = headings.match(line, "kk")
    assert h is not None and h.kind == kind and not h.rest


# A Kazakh keyword in the genitive modifies the keyword after it, which alone names the section:
# the reliability of the methods, the relevance of the tasks (seed 141, headings.py:196).
@pytest.mark.parametrize("line, kind", [
    ("Зерттеу әдістерінің сенімділігі", "reliability"), ("ЗЕРТТЕУ ӘДІСТЕРІНІҢ СЕНІМДІЛІГІ", "reliability"),
    ("Зерттеу міндеттерінің өзектілігі", "relevance"),
])
def test_a_kazakh_keyword_in_the_genitive_names_no_section_of_its_own(line, kind):
    h = headings.match(line, "kk")
    assert h is not None and h.kind == kind


@pytest.mark.parametrize("line", [
    "Жоба мақсатында далалық сауалнама жүргізілді", "Бірінші тарау әдістерде қолданылды",
    "Қазақстан туралы",
])
def test_a_kazakh_locative_in_a_sentence_heads_nothing(line):
    assert headings.match(line, "kk") is None


@pytest.mark.parametrize("lang, line, kind", [
    ("kk", "Жобаның мақсаты неде?", "aim"), ("kk", "Қандай міндеттер қойылды?", "tasks"),
    ("kk", "Диссертацияның жаңалығы қандай?", "novelty"), ("kk", "Қорғауға нелер ұсынылды?", "provisions"),
    ("ru", "Какие задачи решались?", "tasks"), ("ru", "Что выносится на защиту?", "provisions"),
    ("ru", "В чём новизна работы?", "novelty"),
    ("en", "What objectives were set?", "tasks"), ("en", "What is new in this thesis?", "novelty"),
    ("en", "What will the applicant defend?", "provisions"), ("en", "What is defended?", "provisions"),
    ("en", "Why does this study matter?", "relevance"), ("en", "What has been done already?", "development"),
    ("en", "How was the study carried out?", "methods"), ("en", "How were the results tested?", "approbation"),
    ("en", "How is this thesis structured?", "structure"), ("en", "What is the thesis about?", "general"),
    # relevance asked with the adjective, not the heading's noun
    ("kk", "Тақырып неліктен өзекті?", "relevance"), ("ru", "Почему тема актуальна?", "relevance"),
    ("en", "Why is the topic relevant?", "relevance"),
    # two words are question enough (seed 251, headings.py:312)
    ("kk", "Жаңалығы неде?", "novelty"), ("ru", "Какова цель?", "aim"), ("en", "Why relevant?", "relevance"),
])
def test_a_heading_asked_as_a_question_names_its_kind(lang, line, kind):
    h = headings.match(line, lang)
    assert h is not None and (h.kind, h.rest, h.shape) == (kind, "", "question"), h


@pytest.mark.parametrize("lang, line", [
    ("ru", "Почему зерно дорожает на внутреннем рынке?"),   # no heading's words
    ("kk", "Нәтижелер қайда?"),                              # only a generic word
    ("en", "What tasks did the farmers in the survey name, and why?"),   # a sentence
    ("ru", "Почему цены на зерно актуальны для региона?"),   # the adjective, but of other words
])
def test_a_question_in_the_text_is_no_heading(lang, line):
    assert headings.question_heading(line, lang) == []


def test_question_headings_open_their_sections_after_the_title_page():
    """An abstract whose every heading is a question: each opens its section, the first one
    right after the title page, and the lists under them are the lists of their kinds."""
    from dissertation_kg.mappings import sections
    paragraphs = ["АҢДАТПА", "Сәрсенов Ерлан Бекұлының диссертациясына",
                  "Жұмыстың мақсаты қандай?", "Дала өзендерінің ағынын бағалау.",
                  "Қандай міндеттер шешілді?", "01. ағын деректерін жинау;", "02. модель құру.",
                  "Қорғауға не шығарылады?", "1) Ағын азаяды.", "2) Модель дәл."]
    kinds = [s.kind for s in sections.split(paragraphs, "kk")]
    assert kinds[-3:] == ["aim", "tasks", "provisions"], kinds


def test_questions_of_no_known_kind_are_headings_where_the_abstract_asks_its_headings():
    """Two questions or more stand alone as headings of known kinds: every other question
    standing alone is a heading too, so that the title page ends before the first and a list
    ends before the next ("Where did the work take place?" names nothing known here)."""
    from dissertation_kg.mappings import sections
    paragraphs = ["Steppe Hydrology Institute", "ORAZOV TIMUR ASKAROVICH", "River flow in the dry steppe",
                  "What is this work about?", "It models the rivers. The Water Code applies to them.",
                  "What is new?", "• a flow model for ephemeral rivers is built.",
                  "What does the author defend?", "1. Flow falls in dry years.", "2. The model is exact.",
                  "Where did the work take place?", "At three field stations in the south.",
                  "What are the main conclusions?", "Dry years will come more often."]
    found = sections.split(paragraphs, "en")
    assert [s.kind for s in found] == ["preamble", "general", "novelty", "provisions", "other", "conclusion"], found
    assert found[0].lines == paragraphs[:3]
    assert found[3].lines == ["1. Flow falls in dry years.", "2. The model is exact."]


@pytest.mark.parametrize("lang, line", [
    ("kk", "Бұл үлгілердің жасын анықтау келесі жобаның міндеті болады."),
    ("ru", "Датировка этих слоёв станет задачей следующего этапа работы."),
    ("en", "Dating these layers will be the task of the following season."),
])
def test_one_task_named_with_the_word_following_is_no_list_introduction(lang, line):
    h = headings.match(line, lang)
    assert h is None or h.kind != "tasks", h


@pytest.mark.parametrize("lang, line", [
    ("kk", "Жұмыстың келесі міндеттері айқындалды."), ("en", "The following tasks were set."),
])
def test_tasks_named_with_the_word_following_introduce_a_list(lang, line):
    h = headings.match(line, lang)
    assert h is not None and (h.kind, h.shape) == ("tasks", "intro"), h


@pytest.mark.parametrize("text, lang", [
    ("Methods and tools", "en"), ("Research methods and tools", "en"),
    ("Методы и средства исследования", "ru"), ("Зерттеу әдістері мен құралдары", "kk"),
])
def test_methods_named_with_their_tools_head_the_methods(text, lang):
    assert headings.match(text, lang).kind == "methods"


@pytest.mark.parametrize("text", ["Text classification tools", "Software tools"])
def test_tools_alone_or_of_something_head_nothing(text):
    assert headings.match(text, "en") is None


@pytest.mark.parametrize("line, lang", [
    # the summary of the chapters, named with the chapters' or the main part's word
    ("НЕГІЗГІ БӨЛІМНІҢ ҚЫСҚАША МАЗМҰНЫ", "kk"), ("Тараулардың қысқаша мазмұны", "kk"),
    ("КРАТКОЕ СОДЕРЖАНИЕ ОСНОВНОЙ ЧАСТИ", "ru"), ("Краткое содержание глав", "ru"),
    ("BRIEF CONTENT OF THE MAIN PART", "en"), ("Summary of the chapters", "en"),
])
def test_the_chapters_summary_is_a_heading_of_the_content(line, lang):
    h = headings.match(line, lang)
    assert h is not None and h.kind == "content" and not h.rest


@pytest.mark.parametrize("line, lang", [
    ("Екінші тарау әдістерге арналған", "kk"), ("Глава 2 посвящена методам исследования", "ru"),
    ("The second chapter describes the methods", "en"),
])
def test_a_chapter_named_with_a_keyword_is_still_no_heading(line, lang):
    assert headings.match(line, lang) is None


@pytest.mark.parametrize("line, lang", [
    # a pedagogy abstract's leading idea is its hypothesis
    ("Зерттеудің жетекші идеясы", "kk"), ("Ведущая идея исследования", "ru"), ("The leading idea of the research", "en"),
])
def test_the_leading_idea_is_the_hypothesis(line, lang):
    h = headings.match(line, lang)
    assert h is not None and h.kind == "hypothesis" and not h.rest


@pytest.mark.parametrize("lang,line,kind", [
    ("en", "Theoretical and practical significance of the results of the dissertation research work", "significance"),
    ("en", "The theoretical and methodological basis of the research and the methods of the research",
     "theoretical-basis"),
    ("ru", "Теоретическая и практическая значимость полученных в диссертационном исследовании научных результатов",
     "significance"),
])
def test_a_long_wording_of_heading_words_alone_is_a_heading(lang, line, kind):
    assert len(line.split()) >= 10
    found = headings.match(line, lang)
    assert found is not None and found.kind == kind and found.rest == ""
