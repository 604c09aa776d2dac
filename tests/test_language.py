"""Language detection on short texts, where a single function word decides."""
from __future__ import annotations

import pytest

from dissertation_kg.mappings.errors import MappingError
from dissertation_kg.mappings.language import detect

# An approbation paragraph: places and dates, few function words, most of them "at".
APPROBATION = ("Approbation. Main results reported at international conferences at Almaty (2021), at Astana "
               "(2022) and at Kazan (2023); discussed at seminars at KazNU named after al-Farabi.")


def test_english_told_by_at_in_a_list_of_places():
    assert detect(APPROBATION) == "en"


def test_the_same_list_without_english_function_words_is_refused():
    # the function words carry the decision: with them gone, the Latin letters alone say nothing
    text = APPROBATION.replace(" at ", " ").replace(" and ", " ")
    with pytest.raises(MappingError, match="Latin-script language other than English"):
        detect(text)


# Every function word, written out by hand (not read from language.py, which would lose a word
# together with the test), in a text where it alone decides. Cyrillic: a Russian-looking text with
# a few Kazakh letters (a Kazakh name), where the function words settle Kazakh against Russian.
_KK_WORDS = ["және", "мен", "бен", "пен", "бойынша", "үшін", "арқылы", "ретінде", "бұл", "осы", "сондай-ақ", "деп",
             "болып"]
_RU_WORDS = ["и", "в", "на", "с", "по", "для", "что", "как", "это", "из", "к", "не", "от", "при", "также"]
_EN_WORDS = ["the", "of", "and", "in", "to", "is", "a", "for", "as", "on", "with", "by", "that", "this", "are", "its",
             "an", "which", "be", "from", "at", "it", "was", "were"]
_CYRILLIC = "Қазақстан Ұлттық " + "научный текст содержит выводы автора диссертации " * 11
_LATIN = "Kazakhstan universities publish dissertation abstracts online every year many researchers read them carefully"


@pytest.mark.parametrize("word", _KK_WORDS)
def test_a_kazakh_function_word_tells_kazakh_from_russian(word):
    assert detect(_CYRILLIC + f"{word} " * 2) == "kk"


@pytest.mark.parametrize("word", _RU_WORDS)
def test_a_russian_function_word_outweighs_a_kazakh_one(word):
    assert detect(_CYRILLIC + "бойынша " + f"{word} " * 2) == "ru"


@pytest.mark.parametrize("word", _EN_WORDS)
def test_an_english_function_word_makes_latin_text_english(word):
    assert detect(f"{word} {_LATIN} {word}") == "en"


def test_a_short_translated_abstract_before_the_articles_own_does_not_decide():
    """A reflowed article (a paragraph a line) printing a short Kazakh abstract before its own
    long Russian one: each paragraph votes by itself, so the Russian text decides."""
    text = "\n".join([
        "ТОРФЯНЫЕ БОЛОТА ВЕРХНЕГО ПРИИРТЫШЬЯ",
        "Аңдатпа. Мақалада Ертіс өңіріндегі шымтезек батпақтарының құрамы қарастырылған. Үлгілер талданып, "
        "олардың күл мөлшері мен қышқылдығы анықталды, нәтижелер өңірлік картаға түсірілді.",
        "Аннотация. В статье рассмотрен состав торфяных болот Верхнего Прииртышья. В течение двух полевых сезонов "
        "отобраны пробы торфа в двенадцати точках, определены зольность, кислотность и степень разложения. "
        "Показано, что низинные болота отличаются повышенной зольностью, а верховые — кислотностью, что связано "
        "с условиями их питания. Полученные данные позволяют уточнить региональную карту торфяных ресурсов и "
        "оценить их пригодность для хозяйственного использования в сельском хозяйстве и энергетике региона.",
        "Abstract. The paper describes the peat bogs of the Upper Irtysh region and their ash content.",
    ])
    assert detect(text) == "ru"


def test_a_ukrainian_text_with_a_single_letter_only_ukrainian_has_is_named_ukrainian():
    # ї є ґ ў are about one letter in a hundred of Ukrainian and Belarusian prose, but a short
    # passage may hold a single one; above two in a thousand the text is named, not called
    # "another Cyrillic language"
    text = ("Мета дослідження – визначення особливостей розвитку малого бізнесу в умовах цифрових змін. "
            "Об'єкт дослідження – фірми малого та середнього бізнесу північного регіону. Предмет "
            "дослідження – механізми підтримки, податкові стимули та доступ до кредитних ресурсів у період "
            "з дві тисячі десятого по дві тисячі двадцятий рік у містах та селах області.")
    with pytest.raises(MappingError, match="Ukrainian or Belarusian"):
        detect(text)


def test_english_may_hold_one_accented_letter_in_a_hundred():
    # ("café": a loanword or a name), not more: exactly one in a hundred Latin letters is English
    text = "The café of the town is in the south and the role of the state in the work of the city is the aim of this study and its ends today"
    assert sum(c.isalpha() for c in text) == 100
    assert detect(text, "x") == "en"
    with pytest.raises(MappingError, match="other than English"):
        detect(text.replace("ends", "endé"), "x")
