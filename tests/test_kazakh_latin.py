"""Kazakh written in the official Latin alphabets (2018 acute-accent, 2021 diacritics): told as
Kazakh, its headings read on a Cyrillic fold, its text handed on in its own letters."""
from __future__ import annotations

import pytest

from dissertation_kg.mappings import abstract, kazakh_latin, language
from dissertation_kg.mappings.errors import MappingError

# invented abstracts, the same text in the two Latin versions
ABSTRACT_2018 = "\n".join([
    "Serikbaeva Dana Asqarqyzy",
    "Shól óńirindegi qumdy jerlerdiń eroziıasyn baǵalaý",
    "Zertteý taqyrybynyń ózektiligi.",
    "Shól óńirinde qumdy jerler jyl saıyn keńeıip keledi jáne jaıylymdar azaıady.",
    "Zertteýdiń maqsaty.",
    "Qumdy jerlerdiń eroziıasyn baǵalaýdyń ádisin ázirleý.",
    "Zertteýdiń mindetteri:",
    "1) qum tóbeleriniń kartasyn jasaý;",
    "2) jel jyldamdyǵyn ólsheý boıynsha derekterdi jınaý.",
    "Ǵylymı jańalyǵy:",
    "1. Qum tóbeleriniń qozǵalysy alǵash ret ólshendi.",
    "2. Eroziıa jyldamdyǵynyń jańa kórsetkishi usynyldy.",
    "Jarııalanymdar. Dıssertasııa taqyryby boıynsha 5 ǵylymı jumys jarııalandy.",
])
ABSTRACT_2021 = "\n".join([
    "Zertteu taqırıbınıñ özektiligi.",
    "Şöl öñirinde qūmdı jerler jıl sayın keñeyip keledi jäne jayılımdar azayıp baradı.",
    "Zertteudiñ maqsatı.",
    "Qūmdı jerlerdiñ tozuın bağalaudıñ ädisin äzirleu.",
    "Zertteudiñ mindetteri:",
    "1) qūm töbeleriniñ kartasın jasau;",
    "2) jel jıldamdığın ölşeu boyınşa derekterdi jinau.",
    "Ğılımi jañalığı:",
    "1. Qūm töbeleriniñ qozğalısı alğaş ret ölşendi.",
    "2. Tozu jıldamdığınıñ jaña körsetkişi ūsınıldı.",
])

# the 2021 table as published: y ы, ı і, i и (й after a vowel), ia я
ABSTRACT_2021_Y = "\n".join([
    "Zertteu taqyrybynyñ özektılıgı.",
    "Şöl öñırınde qūmdy jerler jyl saiyn keñeiıp keledı jäne jaiylymdar azaiyp barady.",
    "Zertteudıñ maqsaty.",
    "Qūmdy jerlerdıñ tozuyn bağalaudyñ ädısın äzırleu.",
    "Zertteudıñ mındetterı:",
    "1) qūm töbelerınıñ kartasyn jasau;",
    "2) jel jyldamdyğyn ölşeu boiynşa derekterdı jinau.",
    "Ğylymi jañalyğy:",
    "1. Qūm töbelerınıñ qozğalysy alğaş ret ölşendı.",
    "2. Tozu jyldamdyğynyñ jaña körsetkışı ūsynyldy.",
])


@pytest.mark.parametrize("text", [ABSTRACT_2018, ABSTRACT_2021, ABSTRACT_2021_Y])
def test_kazakh_in_a_latin_alphabet_is_kazakh(text):
    assert language.detect(text) == "kk"


def test_a_latin_language_with_some_of_the_same_letters_is_not_kazakh():
    turkish = ("Bu çalışmada kıyı erozyonu ölçülmüş ve yeni bir gösterge önerilmiştir. Ölçümler "
               "üç yıl boyunca yapılmış, sonuçlar haritalarla karşılaştırılmıştır. ") * 3
    with pytest.raises(MappingError):
        language.detect(turkish)


def test_one_kazakh_function_word_in_a_short_turkish_text_does_not_make_it_kazakh():
    # Turkish "ben" (I) reads as Kazakh «бен» (and): one such word is chance, even where it is
    # more than one word in a hundred
    turkish = ("Bu çalışmada ben, Türkiye'deki üniversitelerin doktora tezlerinin özetlerini inceledim. "
               "Araştırmanın amacı, öğrencilerin yazma becerilerini geliştirmek için yeni bir yöntem "
               "önermektir. Sonuçlar, öğretmenlerin ve öğrencilerin görüşlerinin büyük ölçüde örtüştüğünü "
               "göstermiştir.")
    with pytest.raises(MappingError, match="Latin-script language other than English"):
        language.detect(turkish)


@pytest.mark.parametrize("text, version", [(ABSTRACT_2018, "2018"), (ABSTRACT_2021, "2021"), (ABSTRACT_2021_Y, "2021-y")])
def test_the_fold_comes_back_to_the_documents_letters(text, version):
    folded, found = kazakh_latin.fold(text)
    assert found == version
    assert "Зерттеудің мақсаты" in folded and "бойынша" in folded and "Ғылыми жаңалығы" in folded
    assert kazakh_latin.to_latin(folded, version) == text


@pytest.mark.parametrize("text", [ABSTRACT_2018, ABSTRACT_2021, ABSTRACT_2021_Y])
def test_a_latin_kazakh_abstract_is_read_with_its_sections_in_its_own_letters(text):
    doc = abstract.parse_bytes(text.encode(), "latin-kazakh.txt")
    assert doc.lang == "kk"
    assert [len(doc.items.get(k, [])) for k in ("tasks", "novelty")] == [2, 2]
    assert doc.items["tasks"][0].text.startswith(("qum t", "qūm t"))           # the text keeps its letters
    assert doc.section_text("aim").startswith(("Qumdy jerlerd", "Qūmdı jerlerd", "Qūmdy jerlerd"))
    assert doc.char_count == len(doc.text)


def test_the_fold_keeps_each_letters_offset_and_the_words_it_is_told_to_keep():
    # a digraph («sh» ш) is one letter of the fold: what is found there is quoted by the offsets
    text = "Shyǵys óńiriniń SPSS derekteri"
    folded, offsets = kazakh_latin.to_cyrillic_mapped(text, "2018", keep=lambda word: word == "SPSS")
    assert folded == "Шығыс өңірінің SPSS деректері"
    assert len(offsets) == len(folded) + 1 and offsets[-1] == len(text)
    start = folded.index("өңірінің")
    assert text[offsets[start]:offsets[start + len("өңірінің")]] == "óńiriniń"
    assert text[offsets[0]:offsets[len("Шығыс")]] == "Shyǵys"


def test_a_two_letter_acronym_no_vocabulary_knows_stays_in_its_letters():
    # two capitals are enough for a word to be asked whether it is a Kazakh acronym (seed 171,
    # latin_kazakh_reading.py:100): «IT», unknown in both scripts, is a foreign acronym and stays
    from dissertation_kg.mappings import latin_kazakh_reading
    text = "Densaýlyq saqtaý mınıstrligi IT baǵdarlamasyn paıdalandy."
    (reading,) = latin_kazakh_reading.readings([text], lambda word: False)
    assert reading.text == "Денсаулық сақтау министрлігі IT бағдарламасын пайдаланды."
