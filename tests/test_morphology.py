"""Every ending the morphology strips, each on a real word form that needs it.

The tables are written out by hand, not read from mappings.morphology: a test that iterated over
the module's own lists would lose an ending together with the list. Each row is a form whose
stem is reached only through that ending, so dropping any one ending from KK_CASE,
KK_POSSESSIVE, KK_PLURAL or _RU_ENDINGS fails a row (checked with scripts/mutation.py).
"""
from __future__ import annotations

import pytest

from dissertation_kg.mappings.morphology import kazakh_stems, russian_nominative, text_keys

# (form, stem): the Kazakh case, possessive and plural endings, in the order of KK_CASE
KAZAKH_FORMS = [
    # genitive
    ("Қазақстанның", "қазақстан"), ("әлемнің", "әлем"), ("ауылдың", "ауыл"), ("елдің", "ел"),
    ("халықтың", "халық"), ("мектептің", "мектеп"),
    # dative, and -на/-не after a possessive
    ("Қазақстанға", "қазақстан"), ("елге", "ел"), ("халыққа", "халық"), ("мектепке", "мектеп"),
    ("Республикасына", "республикасы"), ("еліне", "елі"),
    # accusative, and -н after a possessive
    ("Түркияны", "түркия"), ("жүйені", "жүйе"), ("ауылды", "ауыл"), ("елді", "ел"), ("халықты", "халық"),
    ("мектепті", "мектеп"), ("съезін", "съезі"),
    # locative
    ("ауылда", "ауыл"), ("елде", "ел"), ("халықта", "халық"), ("мектепте", "мектеп"),
    ("Республикасында", "республикасы"), ("елінде", "елі"),
    # ablative
    ("ауылдан", "ауыл"), ("елден", "ел"), ("халықтан", "халық"), ("мектептен", "мектеп"),
    ("Қазақстаннан", "қазақстан"), ("әлемнен", "әлем"),
    # instrumental, short and long
    ("Қазақстанмен", "қазақстан"), ("қызбен", "қыз"), ("кітаппен", "кітап"),
    ("Қазақстанменен", "қазақстан"), ("қызбенен", "қыз"), ("кітаппенен", "кітап"),
    # locative + relational -ғы
    ("Азиядағы", "азия"), ("елдегі", "ел"), ("халықтағы", "халық"), ("мектептегі", "мектеп"),
    ("Республикасындағы", "республикасы"), ("еліндегі", "елі"),
    # possessive
    ("ауылы", "ауыл"), ("елі", "ел"), ("дипломатиясы", "дипломатия"), ("жүйесі", "жүйе"),
    ("Қазақстаным", "қазақстан"), ("елім", "ел"), ("кітабың", "кітап"), ("жерің", "жер"),
    ("Отанымыз", "отан"), ("еліміз", "ел"), ("анамыз", "ана"), ("әжеміз", "әже"),
    ("Отаныңыз", "отан"), ("еліңіз", "ел"),
    # plural
    ("балалар", "бала"), ("әжелер", "әже"), ("ұйымдар", "ұйым"), ("елдер", "ел"),
    ("халықтар", "халық"), ("мектептер", "мектеп"),
]


@pytest.mark.parametrize("form, stem", KAZAKH_FORMS)
def test_every_kazakh_ending_is_stripped(form, stem):
    assert stem in kazakh_stems(form)


# Foreign surnames pymorphy does not know (Nye, Waltz, Munga): their case forms must still reach
# the nominative that a vocabulary label is indexed under. Only endings where pymorphy's own
# guess misses the nominative are here; for the others (-ом, -ами, …) its guess already finds it.
@pytest.mark.parametrize("form, nominative", [
    ("Ная", "най"), ("Наю", "най"), ("Нае", "най"),                 # -я, -ю, -е of a name in -й
    ("Уолтца", "уолтц"), ("Уолтцу", "уолтц"), ("Уолтцем", "уолтц"),  # -а, -у, -ем of a name in -ц
    ("Мунги", "мунга"),                                            # -и of a name in -га
])
def test_unknown_russian_surnames_reach_their_nominative(form, nominative):
    assert nominative in text_keys(form, "ru")


@pytest.mark.parametrize("word, key", [
    ("Со", "со"), ("Изо", "изо"), ("Ко", "ко"),   # prepositions: pymorphy would read them as с, из, к
    ("Те", "те"), ("Того", "того"),               # pronouns: not forms of тот
    ("Чад", "чад"),                               # a name read as a name
])
def test_a_capitalised_closed_class_word_of_a_label_is_kept_as_written(word, key):
    from dissertation_kg.mappings.morphology import _russian_label

    assert _russian_label(word) == key



@pytest.mark.parametrize("word, key", [
    ("Болат", "болат"), ("Самал", "самал"), ("Злата", "злата"),
])
def test_a_given_name_in_a_label_is_indexed_as_the_name(word, key):
    # A label word that is a given name keeps the name's own form, not that of a common word
    # pymorphy ranks first («Самал» is no form of «самаленький», «Злата» none of «злато»).
    from dissertation_kg.mappings.morphology import label_key

    assert label_key(word, "ru") == key

@pytest.mark.parametrize("phrase, nominative", [
    # a name already in the nominative is left as written, not rebuilt from the dictionary's
    # forms («Зеленая» keeps its е)
    ("Зеленая экономика", "Зеленая экономика"),
    ("Северо-Казахстанская область", "Северо-Казахстанская область"),
    # each part of a hyphenated name keeps its capital in the nominative
    ("Северо-Казахстанской области", "Северо-Казахстанская область"),
    ("Восточно-Казахстанского технического университета", "Восточно-Казахстанский технический университет"),
    # adjectives that agree with no reading of the head: nothing to put in the nominative
    ("Научный конференции", "Научный конференции"),
])
def test_russian_nominative_keeps_the_name_as_written(phrase, nominative):
    assert russian_nominative(phrase) == nominative


def test_a_code_of_capitals_and_a_number_is_keyed_whole_as_its_label():
    from dissertation_kg.mappings.morphology import label_key
    for word, lang in (("EQ-5D", "en"), ("МКБ-11", "ru"), ("АХЖ-10", "kk")):
        assert label_key(word, lang) in text_keys(word, lang)


@pytest.mark.parametrize("form, key", [
    ("methods", "method"), ("theories", "theory"),
    # -es after a sibilant: the singular without it (seed 121 found "-zes" untested)
    ("processes", "process"), ("taxes", "tax"), ("approaches", "approach"), ("meshes", "mesh"),
    ("waltzes", "waltz"),
    ("Porter's", "porter"), ("farmers'", "farmer"),
])
def test_an_english_plural_or_possessive_reaches_its_singular(form, key):
    assert key in text_keys(form, "en")


@pytest.mark.parametrize("word, cut", [("corpus", "corpu"), ("status", "statu"), ("analysis", "analysi"),
                                       ("process", "proces")])
def test_a_singular_ending_in_s_is_no_plural(word, cut):
    # (-us, -is and -ss are singular: "corpus" keyed as "corpu" would meet a label "Corpu …")
    assert cut not in text_keys(word, "en")


@pytest.mark.parametrize("label, form", [
    # adjectives of places the dictionary does not know, which it guesses to be gerunds or verbs
    ("Каратауская", "Каратауской"), ("Улытауский", "Улытауского"), ("Сарысуская", "Сарысускую"),
])
def test_an_unknown_adjective_of_a_label_is_keyed_as_an_adjective_its_inflected_forms_reach(label, form):
    from dissertation_kg.mappings.morphology import label_key
    assert label_key(label, "ru") in text_keys(form, "ru")


# A code of capitals joined to a number is looked up whole, case and all ("SF-36", «МКБ-10»); a
# word that is no acronym has only its plain keys, however it is written with digits or a
# hyphen (seed 131's `morphology.py:281` and → or gave "5G", "Covid-19", "well-being",
# «ЮНЕСКО-ның» a case-sensitive key of their own too).
@pytest.mark.parametrize("word, lang, keys", [
    ("SF-36", "en", {"\x00SF-36", "sf-36"}),
    ("МКБ-10", "ru", {"\x00МКБ-10", "мкб-10"}),
    ("5G", "en", {"5g"}),
    ("Covid-19", "en", {"covid-19"}),
    ("well-being", "en", {"well-being"}),
    ("2021", "en", {"2021"}),
    ("ЮНЕСКО-ның", "kk", {"\x00ЮНЕСКО", "юнеско", "юнеско-н", "юнеско-ның"}),
])
def test_only_a_code_of_capitals_is_looked_up_whole(word, lang, keys):
    assert text_keys(word, lang) == keys
