"""Text as extraction leaves it → one paragraph per line: wrapped lines re-joined, hyphenation
undone only where the joined word is a word, page numbers and running headers removed.

The hard-wrapped texts below are written the way a PDF-to-text tool leaves an abstract (lines
broken near one width, words hyphenated at the margin, a running header and page numbers);
test_formats.py checks the same on the text of real LibreOffice PDFs.
"""
from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from dissertation_kg.mappings import abstract, reflow
from dissertation_kg.mappings.resources import seeds_dir

KK = """\
Сейтқали Н.Қ. Халықаралық ғылыми ынтымақтастық
Әл-Фараби атындағы Қазақ ұлттық университеті
Зерттеудің өзектілігі. Қазақстан Республикасының ғылыми-зерттеу институттары
мен университеттері соңғы жылдары халықаралық ғылыми ынтымақтастықты кеңейтіп,
шетелдік серіктестермен бірлескен жобаларды іске асыруда. Бұл үдерістің ғылыми-
зерттеу жұмыстарының сапасына әсері әлі толық зерделенбеген. Сондықтан зерттеу-
дің тақырыбы өзекті болып табылады.
Зерттеудің мақсаты – халықаралық ғылыми ынтымақтастықтың отандық ғылымның
дамуына ықпалын кешенді талдау және оны жетілдіру бойынша ұсыныстар әзірлеу.
- 2 -
Сейтқали Н.Қ. Халықаралық ғылыми ынтымақтастық
Зерттеудің міндеттері:
1) халықаралық ғылыми ынтымақтастықтың теориялық негіздерін айқындау және
оның негізгі нысандарын жүйелеу;
2) Қазақстан мен Германия арасындағы Kazakh-
German ғылыми бағдарламаларын талдау;
3) ұсыныстар әзірлеу.
Зерттеудің ғылыми жаңалығы. Алғаш рет отандық ғылыми ұйымдардың шетелдік сер-
іктестермен бірлескен жобаларының нәтижелілігі кешенді түрде бағаланды және
бағалаудың өлшемдері ұсынылды.
3 бет
Сейтқали Н.Қ. Халықаралық ғылыми ынтымақтастық
Қорғауға шығарылатын негізгі тұжырымдар:
1. Халықаралық ғылыми ынтымақтастық отандық ғылымның бәсекеге қабілеттілігін
арттырудың маңызды факторы болып табылады.
2. Бірлескен жобалардың нәтижелілігін бағалау жүйесі жетілдіруді қажет етеді.
"""

RU = """\
Актуальность темы исследования. В современных условиях развитие социально-
экономических связей между государствами Центральной Азии определяется не только
экономическими факторами, но и качеством государственного управления. Органи-
зация межгосударственного взаимодействия требует согласованных подходов, учиты-
вающих интересы всех участников региональных процессов.
стр. 4
Цель исследования – выявить механизмы повышения эффективности региональной
интеграции в Центральной Азии и разработать рекомендации по их применению в
практике государственного управления Республики Казахстан.
Задачи исследования:
1) проанализировать теоретические подходы к изучению региональной интеграции;
2) оценить состояние социально-экономического сотрудничества стран региона;
3) разработать рекомендации.
Page 5 of 12
Объект исследования – межгосударственные отношения стран Центральной Азии в
условиях трансформации системы международных отношений.
Предмет исследования – механизмы региональной интеграции и их влияние на устой-
чивое развитие государств региона в период с 1991 по 2023 год.
"""

EN = """\
Relevance of the research topic. The Kazakh-German cultural cooperation is
based on historical traditions, and its importance for the foreign policy of
Kazakhstan has grown steadily since independence. The impor-
tance of this cooperation for public diplomacy is, however, rarely studied in
the literature, and its non-
governmental dimension has not yet been examined in any depth.
12
The aim of the work is to study the process of cultural and humanitarian
cooperation between Kazakhstan and Germany and to identify promising areas.
The following tasks have been set:
- to study the cultural and humanitarian interaction of the two countries
at the present time;
- to generalise the experience of cooperation in the non-state sector and
in the field of education;
- to develop recommendations.
Page 7
The object of this study is the foreign policy of the Republic of Kazakhstan.
"""


def _lines(text: str) -> list[str]:
    return reflow.reflow(text).split("\n")


# --------------------------------------------------------------------------- hard wrapping recognised

@pytest.mark.parametrize("text", [KK, RU, EN], ids=["kk", "ru", "en"])
def test_hard_wrapped_text_is_recognised(text):
    assert reflow.wrap_width(text.split("\n")) > 0


@pytest.mark.parametrize("text", [KK, RU, EN], ids=["kk", "ru", "en"])
def test_unicode_line_separators_are_line_ends(text):
    # an export that ends a paragraph's wrapped lines with U+2028 (LINE SEPARATOR) and its
    # paragraphs with U+2029 or CR LF reads as the same text with plain line ends
    separated = text.replace("\n", "\u2028").replace("\u2028\u2028", "\u2029")
    assert reflow.reflow(separated) == reflow.reflow(text)
    assert "\u2028" not in reflow.reflow(separated)
    assert reflow.normalise("Аңдатпа.\u2029Мақалада …") == "Аңдатпа.\n\nМақалада …"


def test_twelve_wrapped_lines_are_enough_to_recognise_wrapping_and_eleven_are_not():
    import textwrap

    prose = " ".join(f"The {n}th chapter compares the foreign policy of the Republic with that of its neighbours."
                     for n in range(4, 20))
    lines = textwrap.wrap(prose, 72)
    assert reflow.wrap_width(lines[:12]) > 0
    assert reflow.wrap_width(lines[:11]) == 0
    # a laid-out page (PDF) is wrapped by definition: three lines give its width, two do not
    assert reflow.wrap_width(lines[:3], laid_out=True) > 0
    assert reflow.wrap_width(lines[:2], laid_out=True) == 0


def test_wrapped_prose_over_a_reference_list_one_entry_a_line_is_still_wrapped():
    # the entries run past the margin (left one a line by the converter); the prose is wrapped
    import textwrap

    prose = " ".join(f"The {n}th chapter compares the foreign policy of the Republic with that of its neighbours."
                     for n in range(4, 20))
    entries = [f"{n}. Author A.B. A long title of a journal article on foreign policy number {n} // Journal of "
               f"Policy Studies. – 2019. – Vol. {n}. – P. 11–33." for n in range(1, 4)]
    lines = textwrap.wrap(prose, 72) + [""] + entries
    assert reflow.wrap_width(lines) > 0
    # (prose lines as long as those entries are no wrapping)
    assert reflow.wrap_width(textwrap.wrap(prose, 72) + [""] + [e[3:] for e in entries]) == 0


def test_a_lettered_item_after_a_full_line_is_an_item_of_its_own():
    # "b. …" filled to the margin, then "c. …": the next letter opens the next item; "c. 1900" alone
    # after a sentence would be no item (the letter before it opened none)
    import textwrap

    prose = textwrap.wrap(" ".join(f"The {n}th chapter compares the foreign policy of the Republic with that of its "
                                   "neighbours." for n in range(4, 16)), 68)
    items = ["a. Price screens alone miss two thirds of proven bid-rigging cases.",
             "b. Bidder-network indicators double the precision of risk screens.",
             "c. Open data in the OCDS format make continuous screening feasible."]
    assert all(len(i) >= 60 for i in items)
    out = reflow.reflow("\n".join(prose + ["Provisions submitted for defence"] + items)).split("\n")
    assert out[-3:] == items


def test_text_written_one_paragraph_per_line_is_left_alone():
    for path in seeds_dir().glob("00[0124]_*.txt"):
        text = path.read_text(encoding="utf-8")
        assert reflow.wrap_width(text.split("\n")) == 0, path.name
        assert reflow.reflow(text) == reflow.normalise(text), path.name


def test_a_hard_wrapped_seed_is_re_joined():
    # Seed 003 was extracted from a PDF long ago: wrapped at ~110 characters.
    (path,) = seeds_dir().glob("003_*.txt")
    lines = _lines(path.read_text(encoding="utf-8"))
    assert "The aim of the work is to study the process of cultural and humanitarian cooperation of the Republic " \
           "of Kazakhstan with the Federal Republic of Germany, to identify promising areas for the development of " \
           "cultural and humanitarian ties between the states." in lines
    assert "- to study the cultural and humanitarian process of interaction between Kazakhstan and Germany at " \
           "the present time;" in lines


# --------------------------------------------------------------------------- paragraphs, lists, headings

def test_kazakh_paragraphs_lists_and_headings():
    lines = _lines(KK)
    assert lines[0] == "Әл-Фараби атындағы Қазақ ұлттық университеті"          # a title line, short
    assert lines[1].startswith("Зерттеудің өзектілігі. Қазақстан Республикасының ғылыми-зерттеу институттары мен")
    assert lines[1].endswith("Сондықтан зерттеудің тақырыбы өзекті болып табылады.")
    assert "Зерттеудің міндеттері:" in lines
    assert "1) халықаралық ғылыми ынтымақтастықтың теориялық негіздерін айқындау және оның негізгі нысандарын жүйелеу;" in lines
    assert "3) ұсыныстар әзірлеу." in lines
    assert "Қорғауға шығарылатын негізгі тұжырымдар:" in lines
    assert lines[-1] == "2. Бірлескен жобалардың нәтижелілігін бағалау жүйесі жетілдіруді қажет етеді."


def test_russian_paragraphs_lists_and_headings():
    lines = _lines(RU)
    assert lines[0].startswith("Актуальность темы исследования. В современных условиях развитие социально-экономических связей")
    assert lines[0].endswith("учитывающих интересы всех участников региональных процессов.")
    assert lines[1].startswith("Цель исследования – ") and lines[1].endswith("Республики Казахстан.")
    assert lines[2:6] == ["Задачи исследования:",
                          "1) проанализировать теоретические подходы к изучению региональной интеграции;",
                          "2) оценить состояние социально-экономического сотрудничества стран региона;",
                          "3) разработать рекомендации."]
    assert lines[6].endswith("в условиях трансформации системы международных отношений.")
    assert lines[7] == ("Предмет исследования – механизмы региональной интеграции и их влияние на устойчивое развитие "
                        "государств региона в период с 1991 по 2023 год.")


def test_english_paragraphs_and_dashed_items():
    lines = _lines(EN)
    assert lines[1] == ("The aim of the work is to study the process of cultural and humanitarian cooperation between "
                        "Kazakhstan and Germany and to identify promising areas.")
    assert lines[2] == "The following tasks have been set:"
    assert lines[3] == "- to study the cultural and humanitarian interaction of the two countries at the present time;"
    assert lines[4] == ("- to generalise the experience of cooperation in the non-state sector and in the field of "
                        "education;")
    assert lines[-1] == "The object of this study is the foreign policy of the Republic of Kazakhstan."


def test_a_heading_on_its_own_line_after_a_full_line_is_not_glued_to_it():
    wrapped = "\n".join([
        "Abstract. Camel milk and shubat are traditional products of the western regions, but they",
        "keep for a few days only. The article reports how freeze drying changes the composition of",
        "camel milk from a farm near the coast and how long the powder keeps its quality when it is",
        "stored in sealed bags at room temperature, in a refrigerator and in a warm dry warehouse.",
        "Moisture, acidity, protein, fat and the count of lactic bacteria were measured every month",
        "for half a year, and the powder was compared with the fresh milk it was made from in taste.",
        "Keywords: camel milk, shubat, freeze drying, functional food, shelf life, storage, powder.",
        "Introduction",
        "Camel breeding has grown in the south and west of the country over the last ten years and",
        "milk processing now receives support from regional programmes for small and mid producers.",
        "Powdered camel milk is made abroad in large plants, while local farms sell fresh milk only",
        "and lose much of it in the hot months, when the milk turns sour before it reaches the shops.",
        "The aim of the work is to find drying and storage conditions that keep the milk's value for",
        "a year, so that farms far from cities can sell their milk as a powder in any season at all.",
    ])
    lines = reflow.reflow(wrapped).splitlines()
    assert "Introduction" in lines, lines
    assert lines[lines.index("Introduction") - 1].startswith("Keywords:")


# --------------------------------------------------------------------------- hyphenation

def test_hyphenation_undone_where_the_word_is_a_word():
    kk, ru, en = "\n".join(_lines(KK)), "\n".join(_lines(RU)), "\n".join(_lines(EN))
    assert "зерттеудің тақырыбы" in kk                         # зерттеудің occurs elsewhere
    assert "серіктестермен бірлескен" in kk and "сер-іктестермен" not in kk
    assert "Организация межгосударственного" in ru and "учитывающих" in ru    # pymorphy3's dictionary
    assert "устойчивое развитие" in ru
    assert "The importance of this cooperation" in en          # pyspellchecker's dictionary


def test_hyphen_kept_in_compounds():
    kk, ru, en = "\n".join(_lines(KK)), "\n".join(_lines(RU)), "\n".join(_lines(EN))
    assert "ғылыми-зерттеу жұмыстарының" in kk                 # ғылыми-зерттеу written so elsewhere
    assert "Kazakh-German ғылыми" in kk                         # a capital after the hyphen
    assert "социально-экономических связей" in ru
    assert "its non-governmental dimension" in en              # non-state elsewhere: a prefix that takes a hyphen


@pytest.mark.parametrize("text", [
    ("Зерттеудің өзектілігі. Қазіргі кезде елдегі мектептердің оқу үдерісінде ақпараттық-\n"
     "коммуникациялық технологиялар кеңінен қолданылып келеді, бірақ олардың оқушылардың\n"
     "ақпараттық-коммуникациялық құзыреттілігін дамытуға ықпалы әлі де толық зерделенбеген.\n"
     "Сондықтан зерттеудің тақырыбы өзекті болып табылады деп санаймыз және оны кешенді\n"
     "түрде қарастыру қажет.\n"),
    ("Зерттеудің өзектілігі. Қазіргі кезде елдегі мектептердің оқу үдерісінде ақпараттық-\n"
     "коммуникациялық технологиялар кеңінен қолданылады, бірақ олардың ақпараттық-коммуникациялық\n"
     "құзыреттілікті дамытуға ықпалы әлі де толық зерделенбеген. Сондықтан зерттеудің тақырыбы\n"
     "өзекті болып табылады деп санаймыз және оны кешенді түрде қарастыру қажет болады.\n"),
], ids=["at-line-start", "at-line-end"])
def test_a_compound_written_whole_vouches_for_its_hyphen(text):
    # Kazakh compounds are in no dictionary: "ақпараттық-коммуникациялық" written whole (at the
    # start or the end of a line: only a broken word's pieces are left out) keeps the hyphen
    # where the same compound is broken at a line end
    out = reflow.reflow(text, laid_out=True)
    assert "үдерісінде ақпараттық-коммуникациялық технологиялар" in out
    assert out.count("ақпараттық-коммуникациялық") == 2


def test_a_compound_broken_after_its_own_hyphen_still_vouches_for_its_first_part():
    # "тарихи-филоло-⏎гиялық": the compound is broken at a line end too, but its first part stands
    # whole before its own hyphen, so "тарихи-⏎генетикалық" keeps its hyphen (LibreOffice's PDF)
    text = ("Жұмыс мәтінді тарихи құбылыс ретінде қарастыратын тарихи-филоло-\n"
            "гиялық тәсілге сүйенеді және көшірмелерді салыстыра отырып зерттейді, сондай-ақ\n"
            "палеографиялық талдау, тарихи-\n"
            "генетикалық әдіс және кодикологиялық сипаттама қолданылды деп көрсетеді.\n")
    out = reflow.reflow(text, laid_out=True)
    assert "тарихи-филологиялық тәсілге" in out and "тарихи-генетикалық әдіс" in out


@pytest.mark.parametrize("left, right, words, keep", [
    ("органи", "зации", [], False),
    ("социально", "экономический", [], True),
    ("ғылыми", "зерттеу", ["ғылыми", "зерттеу"], True),
    ("ғылыми", "зерттеу", ["ғылыми-зерттеу"], True),
    ("зерттеу", "дің", ["зерттеудің"], False),
    ("Kazakh", "German", [], True),
    ("impor", "tance", [], False),
    ("well", "known", ["well-being"], True),
    ("inter", "national", ["international"], False),
])
def test_keeps_hyphen(left, right, words, keep):
    vocabulary, firsts = Counter(), Counter()
    for w in words:
        vocabulary[w] += 1
        if "-" in w:
            vocabulary.update(w.split("-"))
            firsts[w.split("-")[0]] += 1
    assert reflow.keeps_hyphen(left, right, vocabulary, firsts) is keep


# --------------------------------------------------------------------------- page furniture and characters

@pytest.mark.parametrize("line", ["12", "- 12 -", "— 7 —", "Page 3 of 10", "page 3", "стр. 4", "Стр. 4 из 10",
                                  "4 бет", "4-бет", "3 / 10"])
def test_page_numbers_alone_on_a_line_go(line):
    text = "Зерттеу нысаны – су ресурстары.\n" + line + "\nЗерттеу пәні – су дипломатиясы."
    assert reflow.reflow(text) == "Зерттеу нысаны – су ресурстары.\nЗерттеу пәні – су дипломатиясы."


def test_numbers_that_are_text_stay():
    text = "Всего опубликовано:\n12 статей в журналах\n2023 год"
    assert reflow.reflow(text) == text


def test_running_headers_go():
    # Without page breaks: a short line repeated three times through a wrapped text.
    lines = _lines(KK)
    assert "Сейтқали Н.Қ. Халықаралық ғылыми ынтымақтастық" not in lines
    assert not any("Сейтқали Н.Қ. Халықаралық ғылыми ынтымақтастық" in line for line in lines)
    assert lines[0] == "Әл-Фараби атындағы Қазақ ұлттық университеті"


def _paged(title_page: list[str], header: str, pages: int) -> str:
    """A wrapped Kazakh text: a title page, then pages each with `header` on top and its number
    at the bottom, as a PDF's text copied without its page breaks reads."""
    body = ("Зерттеудің өзектілігі. Қазақстан Республикасының ғылыми-зерттеу институттары мен "
            "университеттері соңғы жылдары халықаралық ғылыми ынтымақтастықты кеңейтіп, шетелдік "
            "серіктестермен бірлескен жобаларды іске асыруда, бұл үдерістің сапаға әсері әлі толық "
            "зерделенбеген. ") * 3
    lines = title_page + [""]
    for n in range(2, pages + 2):
        lines += [header, *textwrap.wrap(body, 78), "", str(n), ""]
    return "\n".join(lines)


_TITLE_PAGE = ["Әл-Фараби атындағы Қазақ ұлттық университеті", "", "СЕЙТҚАЛИ НҰРЛАН ҚАЙРАТҰЛЫ", "",
               "Халықаралық ғылыми ынтымақтастықтың отандық ғылымға ықпалы", "", "Алматы, 2024"]


def test_a_running_header_that_repeats_a_title_page_line_leaves_it_on_the_title_page():
    # the author's full name on top of every numbered page, as on the title page: the title page's
    # own line stays, the headers of the pages after it go
    lines = _lines(_paged(_TITLE_PAGE, "СЕЙТҚАЛИ НҰРЛАН ҚАЙРАТҰЛЫ", 3))
    assert lines[:3] == ["Әл-Фараби атындағы Қазақ ұлттық университеті", "СЕЙТҚАЛИ НҰРЛАН ҚАЙРАТҰЛЫ",
                         "Халықаралық ғылыми ынтымақтастықтың отандық ғылымға ықпалы"]
    assert sum("СЕЙТҚАЛИ" in line for line in lines) == 1
    # the title page's lines one under another: its line is its own there, whatever the pages numbered
    block = [line for line in _TITLE_PAGE if line]
    lines = _lines(_paged(block, "СЕЙТҚАЛИ НҰРЛАН ҚАЙРАТҰЛЫ", 3) + "\n\n5")
    assert lines[1] == "СЕЙТҚАЛИ НҰРЛАН ҚАЙРАТҰЛЫ" and sum("СЕЙТҚАЛИ" in line for line in lines) == 1
    # a header no title page line repeats goes from every page, the first one's included
    other = _lines(_paged(_TITLE_PAGE, "Сейтқали Н.Қ. Халықаралық ғылыми ынтымақтастық", 3))
    assert not any("Сейтқали Н.Қ." in line for line in other) and "СЕЙТҚАЛИ НҰРЛАН ҚАЙРАТҰЛЫ" in other


def test_a_header_beside_the_page_numbers_of_a_text_written_a_paragraph_a_line_goes():
    # no hard wrap to undo, but page furniture all the same: the header goes with the number it
    # stands beside, and a list broken by the page goes on; a short line the text repeats stays
    sentence = ("Баға скринингі Қазақстандағы дәлелденген сөз байласу жағдайларының үштен екісін "
                "анықтамайды, сондықтан желілік көрсеткіштер қажет болып табылады. ")
    # (and a notice of any length at every page's foot: an e-licence portal's stamp)
    notice = ("Бұл құжат ҚР 2003 жылдың 7 қаңтарындағы «Электронды құжат және электрондық цифрлық қолтаңба "
              "туралы» заңның 7 бабы, 1 тармағына сәйкес қағаз тасығыштағы құжатпен маңызы бірдей.")
    text = "\n".join([
        "Ключевые слова: закупки, риски.", "Қорғауға шығарылатын негізгі тұжырымдар:",
        "а) " + sentence * 2, "", notice, "2", "", "ОСПАНОВА ДАНА СЕРІКҚЫЗЫ", "", "б) " + sentence * 2,
        "в) " + sentence, "Ключевые слова: закупки, риски.", sentence * 3, "", notice, "3", "",
        "ОСПАНОВА ДАНА СЕРІКҚЫЗЫ", "", sentence * 3, "Ключевые слова: закупки, риски."])
    lines = [line for line in _lines(text) if line]
    assert "ОСПАНОВА ДАНА СЕРІКҚЫЗЫ" not in lines and "2" not in lines and notice not in lines
    assert lines.count("Ключевые слова: закупки, риски.") == 3
    doc = abstract.parse_bytes(text.encode(), "kk-paged.txt")
    assert [it.text[:10] for it in doc.items["provisions"]] == ["Баға скрин"] * 3


def test_running_header_and_footer_on_pages_go():
    bodies = [["Зерттеу нәтижелерінің апробациясы. Диссертация тақырыбы бойынша 9 ғылыми",
               "жұмыс жарияланды, оның ішінде Scopus дерекқорына енген журналда 1 мақала,",
               "халықаралық конференциялар материалдарында 4 баяндама жарияланды."],
              ["Диссертацияның құрылымы. Диссертация кіріспеден, үш бөлімнен, қорытындыдан",
               "және пайдаланылған әдебиеттер тізімінен тұрады, көлемі 150 бет."],
              ["Зерттеудің практикалық маңыздылығы. Нәтижелерді Қазақстан Республикасы",
               "Сыртқы істер министрлігі пайдалана алады."]]
    pages = [["Жақсылықов Е.С. Кибералаяқтыққа қарсы күрес", "", *body, "", f"- {n} -"]
             for n, body in enumerate(bodies, 1)]
    text = "\f".join("\n".join(page) for page in pages)
    lines = reflow.reflow(text, laid_out=True).split("\n")
    assert lines == [" ".join(body) for body in bodies]


def test_characters_normalised():
    text = "The ﬁrst ﬂow of in\u00adfor\u00admation\u00a0and\u2009data\u200b."
    assert reflow.normalise(text) == "The first flow of information and data."
    # A soft hyphen at a line end is a hyphenation point: the word is joined without a hyphen.
    wrapped = EN.replace("The impor-\ntance", "The infor\u00ad\nmation")
    assert "The information of this cooperation" in reflow.reflow(wrapped)


def test_a_zero_width_space_between_words_is_a_space_and_elsewhere_nothing():
    """A CMS page's invisible characters (Unicode's format characters): a zero-width space or a
    word joiner standing between two words in place of their space reads as the space, so the
    heading is a heading again; at a line's end, beside a space, or a direction mark, nothing."""
    text = ("Объект\u200bизучения\u200b – степные\u2060 озёра.\u200b\n"
            "Научная\u2060новизна\u200b работы\u200b\n\u200e– впервые\ufeffописан\u200d сток.")
    assert reflow.normalise(text).split("\n") == [
        "Объект изучения – степные озёра.", "Научная новизна работы", "– впервые описан сток."]
    md = ("Аннотация\u2060 работы\u200b\n\nЦель\u200bработы.\u200b Оценить сток рек.\u200b\n\n"
          "Научная\u200bновизна\u200b работы\u200b\n\n– впервые описан сток рек Тургая;\u200b\n"
          "– предложен индекс паводков.\u200b\n\nЗадачи\u200bработы:\u200b\n\n1. собрать ряды;\n2. построить модель.\n")
    doc = abstract.parse_bytes(md.encode(), "cms.txt")
    assert [len(doc.items.get(k, [])) for k in ("novelty", "tasks")] == [2, 2]


# --------------------------------------------------------------------------- through the whole mapper

def test_a_hard_wrapped_russian_abstract_maps_like_the_original(tmp_path):
    """The Russian unseen abstract, wrapped at 78 characters with a running header and page
    numbers every 30 lines, reads to the same abstract as the original."""
    import textwrap
    original = Path(__file__).parent / "fixtures" / "unseen" / "ru-public-health.txt"
    lines = []
    for paragraph in original.read_text(encoding="utf-8").split("\n"):
        lines += textwrap.wrap(paragraph, 78, break_on_hyphens=False) or [""]
    out, page = [], 1
    for i, line in enumerate(lines):
        if i % 30 == 0:
            out += ["", f"- {page} -", "Автореферат диссертации PhD"]
            page += 1
        out.append(line)
    wrapped = tmp_path / "ru-wrapped.txt"
    wrapped.write_text("\n".join(out), encoding="utf-8")
    a, b = abstract.parse_file(original), abstract.parse_file(wrapped)
    assert {k: len(v) for k, v in b.items.items()} == {k: len(v) for k, v in a.items.items()}
    assert (b.meta.author, b.meta.specialty_code, b.meta.title) == (a.meta.author, a.meta.specialty_code, a.meta.title)
    assert "Автореферат диссертации PhD" not in b.text


_TWO_PAGES = """\
ISSN 1563-0315 Хабаршы. Физика сериясы. №2 (89). 2024
Аңдатпа. Мақалада қала аумағындағы көп нүктеде жүргізілген өлшеулердің нәтижелері
келтірілген және грунттардың резонанстық жиілігі әртүрлі әдістермен анықталған.
Түйін сөздер: микродірілдер, резонанстық жиілік, сейсмикалық

57

ISSN 1563-0315 Хабаршы. Физика сериясы. №2 (89). 2024

микроаудандастыру, қала.
Кіріспе
Қала аумағы бірнеше күшті жер сілкінісінің әсерін бастан кешірген, сондықтан
грунт жағдайларын бағалаудың маңызы зор екені бұрыннан белгілі болып отыр.
"""


def test_a_header_repeated_once_beside_a_page_number_goes():
    # Two pages and no form feed: the header twice, the second time next to the page number.
    # The copy that opens the text is the document's first line and stays; the one that
    # interrupts the keywords goes.
    lines = reflow.reflow(_TWO_PAGES, laid_out=True).split("\n")
    assert lines[0].startswith("ISSN") and sum("ISSN" in line for line in lines) == 1
    assert lines[1].startswith("Аңдатпа. Мақалада")
    assert "микроаудандастыру, қала." in lines


def test_a_line_repeated_twice_away_from_page_numbers_stays():
    text = _TWO_PAGES.replace("\n57\n", "\n")
    lines = reflow.reflow(text, laid_out=True).split("\n")
    assert sum("ISSN" in line for line in lines) == 2


def test_a_run_in_heading_glued_to_its_text_in_a_pdf_is_parted():
    text = "Практикалық маңызы.Нәтижелер пайдаланылды. Ж.С.Әбдімұратов, e-mail: a.kassymova@aues.kz"
    assert reflow.reflow(text, laid_out=True) == (
        "Практикалық маңызы. Нәтижелер пайдаланылды. Ж.С.Әбдімұратов, e-mail: a.kassymova@aues.kz")
    assert reflow.reflow(text) == text   # typed text is the author's own



def test_contents_entries_laid_out_stay_lines_of_their_own():
    # as a PDF lays a contents page out: no gap between the entries, each as wide as the margin
    page = ["Аннотация диссертации о закупках зерна в северных областях страны за десять лет", "",
            "СОДЕРЖАНИЕ", "",
            "Общая характеристика работы" + "." * 52 + " 3",
            "Научная новизна" + "." * 64 + " 5",
            "Положения, выносимые на защиту" + "." * 49 + " 6",
            "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ"]
    lines = reflow.reflow("\n".join(page), laid_out=True, breaks_known=True).split("\n")
    assert "Научная новизна" + "." * 64 + " 5" in lines
    assert "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ" in lines


def test_a_dash_inside_a_dashed_item_wrapped_to_a_line_start_stays_in_the_item():
    page = ["ҒЫЛЫМИ ЖАҢАЛЫҒЫ",
            "– өзеннің арнасы мен жағалауындағы өзгерістер алғаш рет толық картаға түсіріліп, тал-",
            "данды;",
            "– жағалау өсімдіктерінің үш түрі – «қамысты», «бұталы» және «шалғынды» өсімдіктер",
            "– сипатталды;",
            "– құстардың ұя салатын жерлері бес жыл бойы бақыланып, олардың саны салыстырылды."]
    lines = reflow.reflow("\n".join(page), laid_out=True).split("\n")
    assert len(lines) == 4 and lines[2].endswith("өсімдіктер – сипатталды;")


def test_small_capitals_split_by_pdftotext_are_joined_back():
    # pdftotext sets a small-capitals word's full-size initial apart from its smaller letters
    text = "\n".join([
        "R ESEARCH Q UESTIONS OF THE S TUDY",
        "A IM OF THE W ORK To describe the soils of a small valley in the south.",
        "A BSTRACT of a thesis written in the style of small capitals.",
        "We ran an A B testing of A MEN choir and R ESEARCH O UTPUTS tools.",
    ])
    lines = reflow.reflow(text).split("\n")
    assert lines[0] == "RESEARCH QUESTIONS OF THE STUDY"
    assert lines[1].startswith("AIM OF THE WORK To describe")
    assert lines[2].startswith("ABSTRACT of a thesis")
    # in running text a split word joins alone, when its rest is no word; "A MEN" are two words
    assert lines[3] == "We ran an A B testing of A MEN choir and RESEARCH OUTPUTS tools."


def test_a_name_in_capitals_after_a_line_at_the_margin_is_its_own_line():
    lines = ["NORTHERN STEPPE UNIVERSITY",
             "Institute of Hydraulic Works and Land Reclamation named after K.Zh. Temirov",
             "ZHUNUSOV ARMAN BOLATOVICH",
             "Drainage of Irrigated Loams in the Lower Reaches of the Shu River Valley",
             "The aim of the work is to find a drainage spacing that keeps the water table of irrigated",
             "loams below the root zone in the lower reaches of the valley during the irrigation season."] * 1
    body = ["Drainage water was sampled on six farms every month for three seasons, and the salt content",
            "of the loams was measured at four depths before and after the irrigation of each field in"] * 6
    out = reflow.reflow("\n".join(lines + body)).split("\n")
    assert "ZHUNUSOV ARMAN BOLATOVICH" in out


@pytest.mark.parametrize("university, name, title, label", [
    ("Жәңгір хан атындағы Батыс Қазақстан аграрлық-техникалық университеті", "Сәрсенбаев Ерлан Болатұлы",
     "Мұғалжар тұқымды жылқылардың өнімділік қасиеттерін жетілдіру", "АҢДАТПА"),
    ("Казахский национальный университет имени аль-Фараби, кафедра зоологии", "Ким Виктория Андреевна",
     "Экология и распространение ящурок рода Eremias в Южном Прибалхашье", "АННОТАЦИЯ"),
    ("Al-Farabi Kazakh National University, Faculty of Biology and Biotechnology", "Aigerim Serikovna Kassymova",
     "Ecology and distribution of racerunners of the genus Eremias in the South Balkhash", "ABSTRACT"),
])
def test_a_title_pages_name_and_document_word_after_lines_at_the_margin_are_lines_of_their_own(
        university, name, title, label):
    # a hard-wrapped title page: the university's line and the title reach the margin; the
    # author's name in full under the one and the document's word in capitals under the other
    # are lines of their own, never a wrapped line's tail
    body = [("Пресмыкающиеся аридных территорий чутко реагируют на изменения климата и освоение "
             "земель, поэтому служат удобными индикаторами состояния экосистем.")[i:i + 66] for i in range(0, 130, 66)] * 7
    out = reflow.reflow("\n".join([university, name, title, label, *body])).split("\n")
    assert name in out and title in out and label in out


def test_a_sentence_that_ends_with_a_name_goes_on_over_the_line():
    lines = ["Работа выполнена в лаборатории герпетологии Института зоологии под руководством профессора",
             "Петрова Ивана Сергеевича, которому автор выражает благодарность за помощь в работе."] * 7
    out = reflow.reflow("\n".join(lines)).split("\n")
    assert not any(line.startswith("Петрова Ивана") for line in out)


@pytest.mark.parametrize("initials, surname", [("А.", "Шопенгауэрдің"), ("Г.В.Ф.", "Гегельдің")])
def test_an_initial_at_a_lines_end_goes_on_with_its_surname(initials, surname):
    # a hard-wrapped text, ragged as typed text is, one of whose lines ends at an initial: the
    # full stop after capital letters alone is an initial's, not a sentence's
    text = f"""Жаңа дәуірдің эстетикасында И. Канттың талғам пайымдауы туралы ілімі және асқақтық
категориясы, өнер философиясы мен катарсис ұғымдары, {initials}
{surname} музыканы еріктің тікелей бейнесі деп түсіндіруі күйдің де филосо-
фиялық мазмұнын түсінуге жол ашады. ХХ ғасырда философиялық герменевтика,
музыкалық шығарманың онтологиясы туралы еңбектер, музыка әлеуметтануы,
антикалық эстетика тарихы және диалогтық теория өнер туындысын мәдени
мағыналардың тоғысы ретінде қарастыруға мүмкіндік берді. Қазақ күйінің
тарихы мен теориясы музыкатанушылардың еңбектерінде, музыкалық фольклор-
тану зерттеулерінде және күй шежіресінде жан-жақты сипатталды. Күйдің
аңыздық негізі мен құрылымы да көптеген еңбектерде талданды, алайда
күйдің эстетикалық табиғаты біртұтас философиялық-эстетикалық тұрғыдан
әлі де жеткілікті зерттелмеген. Бұл олқылықты толтыру зерттеудің
басты мақсатын айқындайды және жұмыстың өзектілігін негіздейді, сонымен
қатар күйшілік дәстүрдің қазіргі мәдениеттегі орнын түсінуге көмектеседі."""
    out = reflow.reflow(text).split("\n")
    assert any(f"{initials} {surname}" in line for line in out), out


def test_two_initials_after_any_word_go_on_with_their_surname():
    """«… разработали А.В.» ⏎ «Суперанская и …»: no sentence ends in two initials, whatever word
    stands before them; a country's ("the U.S.") may end one."""
    filler = ("Топонимия региона изучалась фрагментарно, поэтому ее системное описание остается одной из "
              "задач современной ономастики и требует сопоставления архивных и полевых данных по районам. ")
    # a typed text's ragged wrap at 72 columns, one of whose lines ends at the initials a little
    # short of the margin (the surname would not have fitted on it)
    lines = textwrap.wrap(filler * 3, 72)
    initials = "Теорию имени собственного, по мнению многих, разработали А.В."
    out = reflow.reflow("\n".join(lines + [initials, "Суперанская и Н.В. Подольская в своих трудах."] + lines))
    assert any("А.В. Суперанская" in line for line in out.split("\n")), out
    # a paragraph's last line, a little short of the margin, ending in the country
    last = "Такие словари изданы в Казахстане, в России и в U.S."
    last = last.replace("Такие", "Такие " + "региональные " * ((65 - len(last)) // 13))
    out = reflow.reflow("\n".join(lines + [last, "Суперанская и Подольская описали ее принципы."] + lines)).split("\n")
    assert not any("U.S. Суперанская" in line for line in out), out


def test_a_label_under_a_pdf_title_opens_its_own_line():
    """The geometry may call a title's last line a wrap; a run-in abstract label or a "Label:"
    line below it still opens its own paragraph."""
    page = "Оценка запасов солоноватых вод степного\nбассейна по данным бурения\nАннотация.Воды бассейна изучены."
    assert reflow.reflow(page, laid_out=True, breaks_known=True).split("\n")[-1].startswith("Аннотация.")
    page = ("ДИПЛОМДЫҚ ЖОБАНЫҢ ҚЫСҚАША МАЗМҰНЫ\n\n6B07101 – Гидротехникалық құрылыстар және су ресурстары\n"
            "Орындаған: Сапарова Дана Ерланқызы\nЖетекшісі: т.ғ.к. А.Б. Нұрланов")
    assert "Орындаған: Сапарова Дана Ерланқызы" in reflow.reflow(page, laid_out=True, breaks_known=True).split("\n")


def test_a_line_at_the_edge_of_fewer_than_half_the_pages_stays():
    # Five pages: a running line stands at the edge of at least three. A table continued over
    # two pages repeats its caption at their tops: two of five is no running header.
    bodies = [["Зерттеудің өзектілігі. Еліміздің өңірлерінде шағын кәсіпкерлікті қолдау",
               "бағдарламаларының тиімділігі әлі толық бағаланбаған."],
              ["Зерттеудің мақсаты – өңірлік қолдау шараларының кәсіпорындардың өсуіне",
               "әсерін эконометрикалық әдістермен бағалау."],
              ["2-кесте – Өңірлер бойынша қолдау алған кәсіпорындар саны",
               "Ақмола облысы 1 240, Қарағанды облысы 2 115, Павлодар облысы 980."],
              ["2-кесте – Өңірлер бойынша қолдау алған кәсіпорындар саны",
               "Шығыс Қазақстан облысы 1 730, Жамбыл облысы 860, Түркістан облысы 1 410."],
              ["Қорытынды. Қолдау шаралары кәсіпорындардың табысын орта есеппен 12 пайызға",
               "арттырғаны анықталды."]]
    pages = [["Нұрланова А.Б. Шағын кәсіпкерлікті мемлекеттік қолдау", "", *body, "", f"- {n} -"]
             for n, body in enumerate(bodies, 1)]
    text = "\f".join("\n".join(page) for page in pages)
    out = reflow.reflow(text, laid_out=True)
    assert "Нұрланова А.Б." not in out
    assert out.count("2-кесте – Өңірлер бойынша қолдау алған кәсіпорындар саны") == 2


def test_a_browsers_print_header_and_footer_are_page_furniture():
    """A page printed from a browser, one page: the print date, time and page title at the top,
    the address and "1/1" at the bottom. A date and time inside the text (the defence's) stays."""
    text = ("28.02.2026, 09:41 Диссертационный совет — Степной университет\n"
            "Цель исследования. Оценить сток рек Тургая.\n"
            "12.03.2026, 15:00 аудитория 305\n"
            "Задачи исследования: собрать ряды.\n"
            "https://steppe.example.kz/council/2026/seilov/ 1/1")
    assert reflow.reflow(text).split("\n") == [
        "Цель исследования. Оценить сток рек Тургая.", "12.03.2026, 15:00 аудитория 305",
        "Задачи исследования: собрать ряды."]
    english = "2/28/26, 9:41 AM Doctoral defences | Steppe University\nThe aim is to map rivers.\nhttp://x.example/a 2/3"
    assert reflow.reflow(english) == "The aim is to map rivers."


def test_the_format_characters_are_every_one_unicode_has():
    # invisible.py scans only the planes Unicode puts format characters in: none may be missed
    import sys
    import unicodedata

    from dissertation_kg.mappings import invisible
    every = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"} - {"\u00ad"}
    assert set(invisible._FORMAT) == every


def test_ocr_leaves_of_a_typed_page_inside_a_line_are_mended():
    """A typewritten page read by OCR: a word hyphenated at a line end set on one line with its
    halves apart, and a stray bar opening a paragraph. A part left for the word after it
    ("тепло- и энергоснабжения") stays."""
    import textwrap

    prose = "| Актуальность темы иссле- дования. " + ("Переход к рынку изменил характер преступности, "
                                                     "и система тепло- и энергоснабжения городов стала объектом хищений. " * 4)
    lines = textwrap.wrap(prose, 64) + [""] + textwrap.wrap("Второй абзац о судебной практике. " * 12, 64)
    got = reflow.reflow("\n".join(lines))
    assert got.startswith("Актуальность темы исследования. Переход"), got[:80]
    assert "тепло- и энергоснабжения" in got
    # halves of two letters are halves too ("ма- териалы", "материа- лы")
    short = ("Актуальность темы. Собраны ма- териалы архивов и материа- лы музеев. " + (
        "Переход к рынку изменил характер преступности и структуру хищений в городах. " * 4))
    got = reflow.reflow("\n".join(textwrap.wrap(short, 64) + [""] + lines))
    assert "Собраны материалы архивов и материалы музеев." in got, got[:120]


CATDOC = Path(__file__).parent / "fixtures" / "formats" / "ru-catdoc.txt"


def test_catdoc_text_of_an_old_doc_reads_as_its_paragraphs():
    # scripts/make_old_format_fixtures.py: a Word 97-2003 file as catdoc prints it (Windows-1251,
    # CR LF, 36–40 Cyrillic letters a line, a blank line after every paragraph, list numbers gone)
    doc = abstract.parse_bytes(CATDOC.read_bytes(), CATDOC.name)
    assert doc.meta.author == "Темиргалиева Динара Сериковна"
    assert doc.meta.title == "Продуктивность и качество кормов пастбищ полупустынной зоны Западно-Казахстанской области"
    # a wrap after initials, a capital next: still one paragraph, since blank lines part them
    assert "профессор К.Н. Абдрахманов." in doc.text
    assert [len(doc.items[k]) for k in ("tasks", "novelty", "provisions")] == [3, 3, 2]
    assert doc.items["provisions"][1].text == ("Подсев житняка на сбитых пастбищах окупается за три года. "
                                               "Прибавка урожая сохраняется не менее пяти лет.")


def test_a_narrow_margin_needs_lines_that_crowd_it():
    # a title page and a list of short lines are no wrapped text, however short their lines
    lines = ["Казахский агротехнический университет", "Факультет агрономии и лесного хозяйства",
             "Кафедра земледелия и растениеводства", "Иванов Петр Сергеевич", "Семеноводство ячменя",
             "Диссертация на соискание степени PhD", "Научный консультант: профессор Ким", "Астана",
             "2024", "Цель работы", "Задачи", "Объект", "Предмет", "Методы исследования семян и почв"]
    assert 30 <= sorted(map(len, lines))[11] < 40
    assert reflow.wrap_width(lines) == 0


def test_blank_lines_are_paragraph_ends_only_when_no_short_line_stands_inside_a_run():
    crops = ["ячменя", "пшеницы", "овса", "проса", "гречихи", "рапса", "сои", "льна", "нута", "сафлора"]
    paras = [f"Семена {c} хранили три года в складах\nхозяйств области и проверяли {c}\n"
             f"весной ({c}).\nВсхожесть {c} падала после второго года\nхранения {c} на треть.\n"
             for c in crops]
    # a short line ending a sentence inside a run is a paragraph's end, and stays one
    assert "весной (ячменя).\nВсхожесть ячменя" in reflow.reflow("\n".join(paras))


def test_the_documents_name_under_a_title_is_no_word_of_it_where_the_geometry_gave_the_breaks():
    page = ("SARSENBAYEV DANIYAR MURATOVICH\n\nSurgical treatment of chronic subdural haematoma in older adults:\n"
            "recurrence and the role of middle meningeal artery embolisation\nANNOTATION\n\n"
            "of the dissertation submitted for the degree of Doctor of Philosophy (PhD)")
    lines = reflow.reflow(page, laid_out=True, breaks_known=True).split("\n")
    assert lines[1].endswith("embolisation") and lines[2] == "ANNOTATION"


def test_a_word_body_whose_every_line_is_a_paragraph_is_joined_as_wrapped_text():
    # a PDF converted back to Word: every printed line a paragraph, the running header and the
    # page number ordinary paragraphs between them
    prose = textwrap.wrap(
        "Қазақстандағы білім беру жүйесінде музей педагогикасы соңғы жылдары жаңа мәнге ие болды. Елде екі "
        "мыңнан астам мектеп музейі жұмыс істейді, алайда музейдің білім беру мүмкіндігі мектеп тәжірибесінде "
        "толық пайдаланылмайды. Оқу-ағарту министрлігі ұсынған бағдарлама музей сабақтарын қарастырғанымен, "
        "оларды ұйымдастырудың әдістемесі жасалмаған. Біз жүргізген алдын ала сауалнама мұғалімдердің көпшілігі "
        "музейге жылына бір рет қана баратынын көрсетті. Сондықтан оқушылардың тарихи-мәдени құзыреттілігін "
        "музей құралдары арқылы қалыптастырудың ғылыми негізделген моделі қажет. Зерттеудің өзектілігі осы "
        "қайшылықтан туындайды: қоғамның сұранысы бар, ал оны жүзеге асыратын әдістеме жоқ.", 92)
    header = "Л.Н. Гумилев атындағы Еуразия ұлттық университеті"
    lines = [header, "Зерттеудің өзектілігі", *prose[:4], "2", header, *prose[4:], "3", header, "Зерттеу нысаны",
             "Жалпы білім беретін мектепте оқушылардың тарихи-мәдени құзыреттілігін қалыптастыру процесі."]
    out = reflow.reflow("\n".join(lines), body_only=True).split("\n")
    assert " ".join(prose) in out
    assert "2" not in out and out.count(header) <= 1
    assert out[-2:] == ["Зерттеу нысаны", lines[-1]]


def test_a_word_body_of_whole_paragraphs_keeps_its_lines():
    text = "\n".join(["Зерттеудің өзектілігі", "Қысқа абзац.", "Екінші абзац бір жолда тұр және ол ұзын емес.",
                      "1", "Кесте ұяшығы"])
    assert reflow.reflow(text, body_only=True) == text


def test_finereaders_not_sign_at_a_line_end_is_a_soft_hyphen():
    text = ("Мақта шаруашылығы Түркістан облысының Мақтаарал, Жетісай және Шар¬\nдара аудандарындағы тұрғындардың "
            "күнкөріс көзі;\n¬ белгісі жол ортасында өзгермейді.")
    assert "Шардара аудандарындағы" in reflow.normalise(text).replace("\u00ad\n", "")
    assert "¬ белгісі" in reflow.normalise(text)


def test_a_document_viewers_page_ends_and_footer_are_no_text():
    """A document-sharing site's viewer saved as text (Scribd): each page ends with its counter,
    the download button and a sidebar of other documents up to a blank line; the last page with
    the site's footer. A list and a sentence the page cut go on across it."""
    from dissertation_kg.mappings import abstract
    page = ("Зерттеудің мақсаты – шешендік сөздердің құрылымын анықтау.\n"
            "Зерттеудің міндеттері:\n1. шешендік сөздерді талдау;\n2. корпусты құру;\n\n"
            "2 / 6\nDownload\nАвтореферат Абай Шешендік сөз\nPDF\nNo ratings yet\nАвтореферат Абай Шешендік сөз\n"
            "31 pages\n\n\n3. құрылымын салыстыру;\n4. нәтижелерді ұсыну.\n"
            "Ғылыми жаңалығы. Алғаш рет шешендік сөздердің корпусы жасалып, оның нәтижелері халықаралық\n\n"
            "3 / 6\nDownload\nШешендік өнер оқулық\nPDF\n50% (2)\n96 pages\n\n\n"
            "конференцияларда талқыланды.\n\nYou are on page 6/ 6\nSearch\nShare on Facebook, opens a new window\n"
            "About Scribd, Inc.\nCopyright © 2025 Scribd Inc.\n")
    doc = abstract.parse_bytes(page.encode(), "viewer.txt")
    assert [it.text for it in doc.items["tasks"]] == ["шешендік сөздерді талдау", "корпусты құру",
                                                       "құрылымын салыстыру", "нәтижелерді ұсыну."]
    assert "халықаралық конференцияларда талқыланды." in " ".join(doc.section_text("novelty").split())
    assert not any(chrome in doc.text for chrome in ("Download", "PDF", "pages", "Scribd", "Facebook", "6 / 6"))


def test_a_roman_marker_alone_on_its_line_opens_the_item_below_it():
    """pdfminer's text boxes set a list's label on a line of its own ("ii)" ⏎ its text), as a tab
    stop does: the item is the label and the lines under it, whatever numbers it (i, ii, iii)."""
    prose = ("The vibration of the main oil pumps is measured on the bearing housings of every station of the "
             "western region, and the signals of a rolling bearing defect are hidden under the periodic "
             "components of the pump and the motor. ")
    boxes = ["\n".join(textwrap.wrap(prose * 3, 95)), "Scientific novelty of the research:"]
    for marker, item in (("i)", "an algorithm of bearing defect detection is proposed in which the self-adaptive "
                                "noise cancellation removes the periodic components of the pump;"),
                         ("ii)", "a rule for the choice of the step size and the delay of the reference signal is "
                                 "obtained from the correlation time of the noise;"),
                         ("iii)", "the informative frequency bands of the bearing impulses of the pumps were "
                                  "determined experimentally.")):
        boxes.append(marker + "\n" + "\n".join(textwrap.wrap(item, 95)))
    boxes.append("\n".join(textwrap.wrap(prose * 2, 95)))
    out = reflow.reflow("\n\n".join(boxes)).split("\n")
    assert [line.split()[:3] for line in out if line[:1] in "ia" and ")" in line[:4]] == [
        ["i)", "an", "algorithm"], ["ii)", "a", "rule"], ["iii)", "the", "informative"]], out


def test_the_next_capital_letter_after_a_full_line_opens_the_next_item():
    """Provisions lettered "A.", "B.", "C.", "D." (Word's upperLetter) in a PDF: a line that reaches the
    margin and ends its item does not carry the next letter's item on; a letter that follows no
    item's letter is an initial ("… as shown by ⏎ D. Smith")."""
    lines = ["Provisions submitted for defence:",
             "A. Since 1993 the regime of the lower river has shifted from the lack of water to the floods.",
             "B. The coupled model reproduces the monthly discharges at the three posts of the lower river",
             "and is suitable for planning the releases of the reservoir in the growing season of the year.",
             "C. Under the scenario without new measures, the inflow to the sea falls by a quarter by 2050,",
             "and the level of the northern sea cannot be kept at the mark of forty-two metres at all then.",
             "D. The reconstruction of the main canals of the region offsets the effect of the scenario."]
    out = reflow.reflow("\n".join(lines), laid_out=True, breaks_known=True).split("\n")
    assert [line[:2] for line in out] == ["Pr", "A.", "B.", "C.", "D."], out
    lines[5] = "and the level of the sea was studied in the works of the hydrologists, as shown by"
    lines[6] = "D. Smith and his colleagues in the basin, whose measurements cover the whole period."
    out = reflow.reflow("\n".join(lines[:1] + lines[4:]), laid_out=True, breaks_known=True).split("\n")
    assert not any(line.startswith("D.") for line in out), out


def test_pdfminers_stand_ins_for_ligatures_get_their_letters():
    # pdfminer's "(cid:N)" for a glyph its font maps to nothing: the code is the font's own, so
    # the letters are those that make English words of the document's words holding it; a code
    # standing apart (a Greek letter in a formula) stays, and so does one no guess makes words of
    text = ("The Wiener (cid:3)lter and adaptive (cid:3)ltering; its coe(cid:9)cients are e(cid:9)cient.\n"
            "The (cid:4)ow noise with step (cid:109) < 2/(cid:108)max was e(cid:7)ective; x(cid:20)q(cid:20)z.")
    assert reflow.normalise(text) == (
        "The Wiener filter and adaptive filtering; its coefficients are efficient.\n"
        "The flow noise with step (cid:109) < 2/(cid:108)max was effective; x(cid:20)q(cid:20)z.")


def test_a_page_of_two_widths_is_joined_at_each_margin():
    # `pdftotext -raw` of a journal page: the abstract across the page, the body in two narrow
    # columns one after the other, no blank lines; each line is judged against the margin of
    # the lines around it, so the narrow column's wraps join as the wide abstract's do
    abstract = ("Abstract. The paper studies the corrosion of grade 20 carbon steel in the highly mineralised "
                "formation water of the Uzen field and its inhibition by an imidazoline-based inhibitor "
                "synthesised from oleic acid and diethylenetriamine. Weight loss, potentiodynamic polarisation "
                "and electrochemical impedance spectroscopy show that at one hundred milligrams per litre and "
                "fifty degrees the inhibition efficiency reaches ninety-four per cent. The inhibitor is of "
                "mixed type, and its adsorption on the steel obeys the Langmuir isotherm, which points to a "
                "film formed by chemical and physical bonds together. The results are recommended for the "
                "protection of the gathering pipelines of the field, where water cuts exceed eighty per cent.")
    body = ["Oil production loses more to corrosion than to any other single cause, and the old fields of "
            "the Caspian region, flooded with sea water for decades, are among the worst affected.",
            "Mineralised water, dissolved carbon dioxide and hydrogen sulphide together with sulphate-reducing "
            "bacteria make the local attack on pipe walls fast and hard to predict from laboratory tests.",
            "Inhibitors remain the cheapest remedy, yet most of those used in Kazakhstan are imported, so a "
            "domestic product made from local raw materials would shorten supply chains for the operators.",
            "The aim of the work was to measure the behaviour of carbon steel in the water of the field and "
            "to evaluate an inhibitor synthesised in the laboratory from oleic acid and a polyamine.",
            "Coupons were cut from a pipe taken out of service, ground with emery paper, degreased in acetone "
            "and weighed before they were hung in sealed cells filled with water from the gathering station.",
            "The polarisation curves were recorded at a slow scan rate after an hour at the open circuit "
            "potential, and the corrosion current was found by extrapolating the Tafel lines."]
    columns = [textwrap.wrap(paragraph, 38) for paragraph in body]
    text = "\n".join(["Introduction", *textwrap.wrap(abstract, 80), "Keywords: corrosion, inhibitor, steel.",
                      "Results", *[line for paragraph in columns for line in paragraph]])
    out = reflow.reflow(text).split("\n")
    assert out[1] == abstract
    assert all(paragraph in out for paragraph in body), out


def test_a_byline_broken_at_its_superscripts_is_one_line():
    text = ("Е.Б. Жақыпбеков1*\n, А.Т. Сәрсенбаева2\n, Р.М. Құлмағамбетов3\n" +
            "Мақалада болаттың коррозиясы зерттелді және ингибитордың тиімділігі бағаланды.\n" * 14)
    assert reflow.reflow(text).split("\n")[0] == "Е.Б. Жақыпбеков1*, А.Т. Сәрсенбаева2, Р.М. Құлмағамбетов3"
