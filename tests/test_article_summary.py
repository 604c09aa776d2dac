"""A journal article's abstract is one summary (with or without an "Abstract" heading, with the
sentences inside it that open like sections), and the fronts the journal prints in its other
languages stay out of the body's sections (mappings/article_summary.py)."""
from __future__ import annotations

from dissertation_kg.mappings import abstract

# Kazakh front with no abstract heading; translated fronts after the body, as Kazakhstani
# journals print them.
KK_ARTICLE = """\
ӘОЖ 378.147                                                         https://doi.org/10.26577/jes.2025.v82.i1.04

А.Т. Жұмабаева¹, Е.С. Қасымов²
¹Л.Н. Гумилев атындағы Еуразия ұлттық университеті, Астана, Қазақстан
²Қорқыт Ата атындағы Қызылорда университеті, Қызылорда, Қазақстан

ЖОҒАРЫ МЕКТЕПТЕ ЦИФРЛЫҚ САУАТТЫЛЫҚТЫ ДАМЫТУ

Мақалада педагогикалық жоғары оқу орындары студенттерінің цифрлық сауаттылығын дамытудың
жолдары қарастырылады. Зерттеудің мақсаты – болашақ мұғалімдердің цифрлық құзыреттілігін
бағалаудың өлшемдерін негіздеу. Зерттеуге Астана мен Қызылорда қалаларындағы 212 студент қатысты.
Нәтижелер аралас оқыту моделінің тиімділігін көрсетті.

Түйін сөздер: цифрлық сауаттылық, аралас оқыту, болашақ мұғалім.

Кіріспе

Цифрлық трансформация жоғары білім беру жүйесіне жаңа талаптар қояды.

Қорытынды

Аралас оқыту моделін педагогикалық мамандықтардың оқу жоспарларына енгізу ұсынылады.

Жумабаева А.Т., Касымов Е.С.
РАЗВИТИЕ ЦИФРОВОЙ ГРАМОТНОСТИ В ВЫСШЕЙ ШКОЛЕ
Аннотация. В статье рассматриваются пути развития цифровой грамотности студентов педагогических вузов.
Ключевые слова: цифровая грамотность, смешанное обучение, будущий учитель.

Zhumabayeva A.T., Kassymov Ye.S.
DEVELOPING DIGITAL LITERACY IN HIGHER EDUCATION
Abstract. The article considers ways of developing the digital literacy of students of teacher training universities.
Keywords: digital literacy, blended learning, future teacher.
"""

# Russian front with "Аннотация", the other two fronts between it and the body.
RU_ARTICLE = """\
МРНТИ 06.61.33

Б.К. Сапарова
Казахский национальный университет имени аль-Фараби, Алматы, Казахстан

ВЛИЯНИЕ ЦИФРОВЫХ ПЛАТФОРМ НА МАЛЫЙ БИЗНЕС КАЗАХСТАНА

Аннотация. В статье оценивается влияние цифровых платформ на выручку малых предприятий Казахстана.
Цель исследования – определить, какие платформы дают наибольший прирост продаж. Методология
основана на опросе 310 предпринимателей Алматы и Шымкента.
Ключевые слова: цифровые платформы, малый бизнес, электронная коммерция.

Б.К. Сапарова
ҚАЗАҚСТАННЫҢ ШАҒЫН БИЗНЕСІНЕ ЦИФРЛЫҚ ПЛАТФОРМАЛАРДЫҢ ӘСЕРІ
Аңдатпа. Мақалада цифрлық платформалардың Қазақстанның шағын кәсіпорындарының түсіміне әсері бағаланады.
Түйін сөздер: цифрлық платформалар, шағын бизнес, электрондық коммерция.

B.K. Saparova
THE IMPACT OF DIGITAL PLATFORMS ON SMALL BUSINESS IN KAZAKHSTAN
Abstract. The article assesses the impact of digital platforms on the revenue of small enterprises in Kazakhstan.
Keywords: digital platforms, small business, e-commerce.

Введение

Цифровые платформы меняют структуру розничной торговли в Казахстане.

Заключение

Платформы с собственной логистикой дают предприятиям наибольший прирост выручки.
"""


def test_an_abstract_without_a_heading_runs_from_the_title_to_the_keywords():
    doc = abstract.parse_bytes(KK_ARTICLE.encode(), "kk-article.txt")
    assert doc.kind == "article" and doc.lang == "kk"
    summary = doc.sections["abstract"].text
    assert summary.startswith("Мақалада педагогикалық жоғары оқу орындары")
    # the sentence that opens like an aim stays in the summary (and is the aim as well)
    assert "Зерттеудің мақсаты – болашақ мұғалімдердің" in summary
    assert summary.rstrip().endswith("тиімділігін көрсетті.")
    assert "Түйін сөздер" not in summary and "ЖОҒАРЫ МЕКТЕПТЕ" not in summary
    assert doc.sections["aim"].text.startswith("болашақ мұғалімдердің")


def test_the_translated_fronts_are_not_part_of_the_conclusion():
    doc = abstract.parse_bytes(KK_ARTICLE.encode(), "kk-article.txt")
    conclusion = doc.sections["conclusion"].text
    assert conclusion == "Аралас оқыту моделін педагогикалық мамандықтардың оқу жоспарларына енгізу ұсынылады."
    # the keywords of every language are still read
    assert doc.meta.keywords["ru"][0] == "цифровая грамотность"
    assert doc.meta.keywords["en"][-1] == "future teacher"


def test_the_summary_is_the_front_in_the_articles_own_language():
    doc = abstract.parse_bytes(RU_ARTICLE.encode(), "ru-article.txt")
    assert doc.kind == "article" and doc.lang == "ru"
    summary = doc.sections["abstract"].text
    assert summary.startswith("В статье оценивается влияние цифровых платформ")
    assert "Цель исследования – определить" in summary and "Алматы и Шымкента." in summary
    assert "Аңдатпа" not in summary and "Abstract" not in summary
    for kind, section in doc.sections.items():
        if kind not in ("preamble", "keywords", "abstract"):
            assert "Saparova" not in section.text and "Мақалада" not in section.text, kind
    assert doc.sections["introduction"].text == "Цифровые платформы меняют структуру розничной торговли в Казахстане."


def test_a_line_in_the_articles_own_language_is_never_cut():
    own = RU_ARTICLE.replace("Заключение\n\nПлатформы", "Заключение\n\nАннотация: итоги опроса показывают главное. Платформы")
    doc = abstract.parse_bytes(own.encode(), "ru-article.txt")
    assert doc.sections["conclusion"].text.startswith("Аннотация: итоги опроса")


def test_a_dissertation_keeps_its_title_page_as_its_abstract_section():
    # Under a dissertation's АҢДАТПА heading stands its title page: no summary is made of it.
    text = ("ӘОЖ 94(574)\n\nАҢДАТПА\n\nжоғары оқу орнынан кейінгі білім беру бағдарламасы бойынша\n"
            "философия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияға\n\n"
            "Зерттеудің өзектілігі. Тақырыптың өзектілігі Қазақстан тарихының деректерімен байланысты.\n"
            "Зерттеудің мақсаты – XVIII ғасырдағы Қазақ хандығының сыртқы саясатын талдау.\n")
    doc = abstract.parse_bytes(text.encode(), "kk-phd.txt")
    assert doc.kind == "dissertation"
    assert "Зерттеудің мақсаты" not in doc.section_text("abstract")
    assert doc.sections["aim"].text.startswith("XVIII ғасырдағы")


def test_a_front_with_no_section_after_it_is_read_to_the_end():
    # the title page is the only part found: the summary is its closing prose paragraph
    from dissertation_kg.mappings.article_summary import summary
    from dissertation_kg.mappings.sections import Section

    clean = ("Б.К. Сапарова\nКазахский национальный университет имени аль-Фараби, Алматы\n\n"
             "ЦИФРОВЫЕ ПЛАТФОРМЫ И МАЛЫЙ БИЗНЕС\n\n"
             "В статье оценивается влияние цифровых платформ на выручку малых предприятий. "
             "Опрошены 310 предпринимателей Алматы и Шымкента.")
    found = [Section("preamble", "", clean.split("\n"))]
    got = summary(found, clean)
    assert got is not None and got.kind == "abstract"
    assert got.text.startswith("В статье оценивается") and got.text.endswith("Алматы и Шымкента.")


def test_a_title_or_author_line_is_told_from_prose_by_any_one_of_its_signs():
    from dissertation_kg.mappings.article_summary import _front_line

    assert _front_line("Развитие цифровой грамотности в высшей школе.", "en")      # another script only
    assert _front_line("DEVELOPING DIGITAL LITERACY IN HIGHER EDUCATION", "en")     # short, no full stop
    assert _front_line("Zhumabayeva A.T., Kassymov Ye.S.", "en")                     # names with initials
    assert _front_line("Жумабаева А.Т., Касымов Е.С.", "ru")
    assert not _front_line("The article considers ways of developing digital literacy.", "en")
    assert not _front_line("В статье рассматриваются пути развития цифровой грамотности студентов.", "ru")
    # "short" is under 120 characters: a line of 120 without a full stop is prose cut by a wrap
    words = ("digital literacy of future teachers in the universities of Kazakhstan " * 3)
    assert _front_line(words[:119].rstrip() + "x" * (119 - len(words[:119].rstrip())), "en")
    assert not _front_line(words[:120].rstrip() + "x" * (120 - len(words[:120].rstrip())), "en")


def test_a_line_of_prose_is_a_sentence_of_sixty_characters_or_more_not_in_capitals():
    from dissertation_kg.mappings.article_summary import _prose
    sentence = "Мақалада цифрлық сауаттылықты дамыту жолдары қарастырылды."  # 58 characters
    assert len(sentence) == 58
    assert not _prose(sentence)  # as short as a title that ends with a full stop
    assert not _prose(sentence + " ")  # 59: trailing space after the stop
    assert len(sentence[:-1] + " т.") == 60 and _prose(sentence[:-1] + " т.")  # 60: a sentence
    assert not _prose(sentence.upper() + "  ")  # a title in capitals is no prose, however long
    assert not _prose("Автор: Жұмабаева А.Т., e-mail: zhumabayeva@example.kz, Астана, 2025.")  # an address


_EN_ARTICLE_KK_FIRST = """\
| IRSTI 87.15.03 | DOI [10.00000/x.2025.1.3](https://doi.org/10.00000/x.2025.1.3) |
|---|---|

**[Dana M. Abenova](https://orcid.org/0000-0002-0000-0001)¹\\*, [Timur Zhaksylykov](https://orcid.org/0000-0002-0000-0002)¹, Laura Bianchi²**

¹ Satbayev University, Almaty, Kazakhstan · ² University of Padua, Padua, Italy

## Urban Heat Islands in Almaty: Satellite Evidence and Street Tree Cover

**Аңдатпа.** Мақалада Алматы қаласының жылу аралдары спутниктік деректер бойынша бағаланады.

**Түйін сөздер:** жылу аралы, қала, ағаштар.

**Abstract.** Land surface temperature over the city was compared with the share of street tree cover for twelve summers.

**Keywords:** urban heat island, street trees, land surface temperature.

### Introduction

Cities warm faster than their surroundings.
"""


def test_a_translation_printed_before_the_articles_own_abstract_leaves_its_title_and_authors():
    """An English article whose Kazakh abstract comes first: the English title and the authors
    above it are the article's own (a translation's title is in its own script); the authors
    are ORCID Markdown links with full given names."""
    doc = abstract.parse_bytes(_EN_ARTICLE_KK_FIRST.encode(), "en-article.md")
    assert doc.kind == "article" and doc.lang == "en"
    assert doc.meta.title == "Urban Heat Islands in Almaty: Satellite Evidence and Street Tree Cover"
    assert [a.name for a in doc.meta.authors] == ["Dana M. Abenova", "Timur Zhaksylykov", "Laura Bianchi"]
    assert doc.sections["abstract"].text.startswith("Land surface temperature")


def test_a_translated_abstract_without_its_own_keyword_line_takes_no_body_with_it():
    # The PDF's layout ran the English keywords into the English abstract's paragraph; the
    # clean text has no blank lines, so the translation ends where its language does.
    from dissertation_kg.mappings.article_summary import without_translations

    clean = ("Аннотация. В статье изучены пастбища степной зоны и их продуктивность в засушливые годы.\n"
             "Ключевые слова: пастбища, степь, засуха.\n"
             "Abstract. The article studies the pastures of the steppe zone and their yield in dry years. "
             "Keywords: pastures, steppe, drought.\n"
             "Введение\n"
             "Пастбища занимают большую часть территории страны и кормят основное поголовье скота.")
    body = without_translations(clean, "ru")
    assert "Abstract." not in body
    assert body.endswith("Введение\nПастбища занимают большую часть территории страны и кормят основное поголовье скота.")


def test_a_same_script_translation_first_leaves_the_title_pages_authors_to_the_article():
    """A Russian article printing its Kazakh abstract first, right under the Russian title and
    the authors: the authors and affiliations belong to the article, and the Kazakh abstract
    (one line of a reflowed text) is a translation, whatever the Russian line after it says."""
    from dissertation_kg.mappings.article_summary import without_translations

    clean = ("ТОРФЯНЫЕ БОЛОТА ВЕРХНЕГО ПРИИРТЫШЬЯ И ИХ ЗОЛЬНОСТЬ\n"
             "Б.К. Серикова1, Д.Н. Орлов2\n"
             "1Институт почвоведения, Павлодар, Казахстан\n"
             "Аңдатпа. Мақалада Ертіс өңіріндегі шымтезек батпақтарының құрамы қарастырылған, олардың күл мөлшері "
             "анықталды және нәтижелер өңірлік картаға түсірілді.\n"
             "Аннотация. В статье рассмотрен состав торфяных болот Верхнего Прииртышья и определена их зольность.\n"
             "Ключевые слова: торф, болота, зольность.")
    body = without_translations(clean, "ru")
    assert body.split("\n")[:3] == ["ТОРФЯНЫЕ БОЛОТА ВЕРХНЕГО ПРИИРТЫШЬЯ И ИХ ЗОЛЬНОСТЬ", "Б.К. Серикова1, Д.Н. Орлов2",
                                    "1Институт почвоведения, Павлодар, Казахстан"]
    assert "Аңдатпа" not in body and "Аннотация. В статье" in body


def test_a_pubmed_abstract_record_gives_its_authors_and_title():
    # PubMed's "Abstract" text format: the citation line, the title wrapped over two lines, the
    # authors in MEDLINE's form (initials without stops, affiliation numbers in brackets), then
    # "Author information:" and the structured abstract
    record = "\n".join([
        "1. J Arid Environ. 2023 Mar 2;41:eja1020. doi: 10.1000/eja.41.1020.",
        "",
        "Dune drift on the Moiynkum sands measured from satellite images: a multiyear",
        "survey study.",
        "",
        "Bekova A(1), Omarov KT(1,2), Vogel H(2).",
        "",
        "Author information:",
        "(1)Department of Geography, Example State University, Almaty, Kazakhstan.",
        "(2)Institute of Geodesy, Example Technical University, Dresden, Germany.",
        "",
        "BACKGROUND: The dunes of the Moiynkum sands move towards the pastures every year.",
        "OBJECTIVE: To measure the drift of the dunes over ten years.",
        "METHODS: Satellite images of 2012-2022 were compared.",
        "RESULTS: The dunes moved 4 m a year on average.",
        "CONCLUSION: Pastures near the sands need protection.",
        "",
        "Keywords: dunes; drift; remote sensing",
    ])
    doc = abstract.parse_bytes(record.encode(), "en-pubmed-record.txt")
    assert [(a.name, a.affiliations) for a in doc.meta.authors] == [
        ("Bekova A", [1]), ("Omarov KT", [1, 2]), ("Vogel H", [2])]
    assert doc.meta.title == "Dune drift on the Moiynkum sands measured from satellite images: a multiyear survey study"


def test_a_list_of_the_authors_publications_ends_the_summary():
    # the publication list after an article's abstract is no part of it, as the keywords and the
    # body's first part are not (seed 131's `article_summary.py:22`, the ends without
    # "publications", ran the summary on to the end)
    from dissertation_kg.mappings.article_summary import summary
    from dissertation_kg.mappings.sections import Section

    prose = "В статье рассматривается засоление почв дельты реки Или. Обследовано 48 участков."
    works = ["1. Омарова Д.Е. Засоление почв дельты // Вестник КазНУ. – 2021. – №2.",
             "2. Омарова Д.Е. Карта засоления // Почвоведение. – 2022. – №4."]
    clean = "Аннотация\n" + prose + "\n\nСписок публикаций автора\n" + "\n".join(works)
    found = [Section("abstract", "Аннотация", [prose]), Section("publications", "Список публикаций автора", works)]
    got = summary(found, clean)
    assert got is not None and got.text == prose


# A Kazakh article whose references are followed by its English front, then its Russian one (as
# the Eurasian Journal of Philology prints them): each front's authors and title go with it.
KK_ARTICLE_FRONTS_AFTER_REFERENCES = """\
ӘОЖ 81'272
Ж.Қ. Есенова¹, А.М. Төлеуова¹
¹әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан
КӨПТІЛДІ ОТБАСЫЛАРДАҒЫ ТІЛ ТАҢДАУЫ
Мақалада Алматы мен Шымкенттегі көптілді отбасылардағы тіл таңдауы және оны айқындайтын факторлар қарастырылады.
Түйін сөздер: отбасылық тіл саясаты, тіл таңдауы, көптілділік.
Кіріспе
Отбасы тілді ұрпақтан ұрпаққа берудің негізгі ортасы болып табылады.
Қорытынды
Мектептегі оқыту тілі балалардың үйдегі тіл таңдауын анықтайды.
Әдебиеттер
1 Fishman J.A. Reversing Language Shift. – Clevedon: Multilingual Matters, 1991. – 431 p.
2 Spolsky B. Language Policy. – Cambridge: Cambridge University Press, 2004. – 250 p.
Zh.K. Yessenova, A.M. Toleuova
Language choice in multilingual families in Kazakhstan
Abstract. The article examines language choice in multilingual families in Almaty and Shymkent and the factors that shape it.
Key words: family language policy, language choice, multilingualism.
Ж.К. Есенова, А.М. Толеуова
Выбор языка в многоязычных семьях Казахстана
Аннотация. В статье рассматривается выбор языка в многоязычных семьях Алматы и Шымкента и определяющие его факторы.
Ключевые слова: семейная языковая политика, выбор языка, многоязычие.
"""


def test_the_translated_fronts_after_the_references_take_their_title_and_authors_with_them():
    doc = abstract.parse_bytes(KK_ARTICLE_FRONTS_AFTER_REFERENCES.encode(), "kk-article.txt")
    references = doc.sections["references"].text
    assert references.rstrip().endswith("Cambridge University Press, 2004. – 250 p.")
    assert "Выбор языка" not in references and "Language choice" not in references
    assert doc.translations["ru"].startswith("В статье рассматривается выбор языка")
