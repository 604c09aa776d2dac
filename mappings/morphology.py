"""Word normalisation for matching names in inflected text, one rule set per language.

A vocabulary label is stored as written (nominative); a word in running text may carry case,
number and possessive endings. `text_keys(word, lang)` gives every base form the word could be an
inflection of; `label_key(word, lang)` gives the one form a label word is indexed under. A label
word matches a text word when its key is among the text word's keys.

- Kazakh: no offline lemmatiser exists, so endings are stripped by rule in the order they attach
  (stem + plural + possessive + case), including after a hyphen (`ЮНЕСКО-ның`) and undoing the
  voicing of a stem-final п/қ/к before a vowel (`кітабы` → `кітап`).
- Russian: pymorphy3 lemmas (every parse's lemma, since the context is not known).
- English: possessive `'s` and regular plurals.
Short all-capital acronyms are matched on their exact capitals: `UN` is not `un`, `WHO` not `who`.
"""
from __future__ import annotations

import re
from functools import lru_cache

# --------------------------------------------------------------------------- common

_ACRONYM = re.compile(
    r"^([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9&]{1,5})(?:[-‐'’]?[a-zа-яёәғқңөұүһі]{0,6})$")
ACRONYM_MARK = "\x00"    # prefix of case-sensitive keys, never produced by lower-casing


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case and spelling variants that never change meaning: ё/е, typographic apostrophes and dashes."""
    return (word.lower().replace("ё", "е").replace("’", "'").replace("‘", "'")
            .replace("‐", "-").replace("‑", "-").replace("–", "-"))


def is_acronym(word: str) -> bool:
    """A label word written in capitals and short enough to be an ordinary word in lower case."""
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 5 and all(c.isupper() for c in letters)


def acronym_key(word: str) -> str | None:
    """The capitals of an acronym in text, without an attached ending (`NGOs`, `ШОС-қа`, `МИДа`)."""
    m = _ACRONYM.match(word)
    return ACRONYM_MARK + m.group(1) if m else None


# --------------------------------------------------------------------------- English


def _without_possessive(w: str) -> str:
    for tail in ("'s", "s'"):
        if w.endswith(tail) and len(w) > 3:
            return w[: -len(tail)] + ("s" if tail == "s'" else "")
    return w


def _english(word: str) -> set[str]:
    w = _without_possessive(fold(word))
    keys = {w}
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        keys.add(w[:-1])
        if w.endswith("ies") and len(w) > 4:
            keys.add(w[:-3] + "y")
        if w.endswith(("ses", "xes", "ches", "shes", "zes")):
            keys.add(w[:-2])
    return keys


# --------------------------------------------------------------------------- Russian

_morph = None


def _analyzer():
    global _morph
    if _morph is None:
        import pymorphy3

        _morph = pymorphy3.MorphAnalyzer()
        # The mappers ask about the same word from a dozen places (the linker, the name shapes,
        # people, places), each a dictionary walk: a third of linking's time went there, and
        # two calls in five asked about a word asked about before. The readings are
        # immutable, so one memo serves every caller (a tuple, so that none can change it).
        # About 1.7 KB a word: 50,000 words are ~80 MB a process at most.
        _morph.parse = lru_cache(maxsize=50_000)(lambda word, _parse=_morph.parse: tuple(_parse(word)))
    return _morph


# Case endings of nouns the dictionary does not know (foreign surnames: Ная, Кохейна, Вендтом).
_RU_ENDINGS = ("ами", "ями", "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и")


@lru_cache(maxsize=200_000)
def _russian(word: str) -> frozenset[str]:
    w = fold(word)
    if not re.search("[а-я]", w):
        return frozenset({w})
    morph = _analyzer()
    keys = {w} | {fold(p.normal_form) for p in morph.parse(w)}
    if word[:1].isupper() and not morph.word_is_known(w):
        for ending in _RU_ENDINGS:
            if w.endswith(ending) and len(w) - len(ending) >= 2:
                stem = w[: -len(ending)]
                keys |= {stem, stem + "й", stem + "а", stem + "я"}
    return frozenset(keys)


_PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})
_CLOSED = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "INTJ"})


@lru_cache(maxsize=50_000)
def _russian_label(word: str) -> str:
    w = fold(word)
    if not re.search("[а-я]", w):
        return w
    parses = _analyzer().parse(w)
    if word[:1].isupper():
        # A capitalised label word is a name: read it as one ("Чад" the country, not чадо), and
        # never as a pronoun ("Того" the country is no form of тот, so "Тем" and "Те" are not Togo).
        proper = next((p for p in parses if _PROPER & p.tag.grammemes), None)
        if proper is not None:
            return fold(proper.normal_form)
        if parses[0].tag.POS in _CLOSED or "Apro" in parses[0].tag.grammemes:
            return w
        # a label is written in the nominative: a capitalised word the dictionary knows in no
        # nominative is a name it mistakes for another word's form («Семей» the city, not the
        # genitive plural of «семья»), and is indexed as written
        if parses[0].is_known and not any(p.tag.case == "nomn" or p.tag.case is None for p in parses):
            return w
        # a word the dictionary does not know is guessed by its ending, a verb first as often as
        # not («Мангистауская» read as a form of «мангистаускать»): a name's word is a noun or an
        # adjective, the forms the text's keys hold («Мангистауской» → мангистауский)
        if not parses[0].is_known and parses[0].tag.POS not in _NOMINAL:
            nominal = next((p for p in parses if p.tag.POS in _NOMINAL), None)
            if nominal is not None:
                return fold(nominal.normal_form)
    return fold(parses[0].normal_form)


_NOMINAL = ("NOUN", "ADJF")


@lru_cache(maxsize=100_000)
def russian_pos(word: str) -> str | None:
    """The most likely part of speech of a Russian word (OpenCorpora tag, e.g. NOUN, ADJF, VERB)."""
    return _analyzer().parse(fold(word))[0].tag.POS


@lru_cache(maxsize=100_000)
def russian_genitive(word: str) -> bool:
    """Whether a Russian word most likely is a noun or adjective and can be genitive: the words
    that extend a name after its head ("Фонд развития культуры")."""
    parses = _analyzer().parse(fold(word))
    nominal = ("NOUN", "ADJF", "PRTF")
    return parses[0].tag.POS in nominal and any(p.tag.POS in nominal and p.tag.case == "gent" for p in parses)


@lru_cache(maxsize=100_000)
def russian_can_be(word: str, pos: str) -> bool:
    return any(p.tag.POS == pos for p in _analyzer().parse(fold(word)))


def russian_nominative(phrase: str) -> str:
    """A Russian name put back into the nominative: the head noun and the adjectives before it
    change case, agreeing with each other; the genitive modifiers after it stay
    ("Астанинской декларации" → "Астанинская декларация", "Комитета науки" → "Комитет науки").
    A phrase it cannot analyse is returned unchanged."""
    morph = _analyzer()
    words = phrase.split(" ")
    if len(words) < 2:
        return phrase
    parses = [morph.parse(w) for w in words]
    # The head is the first word after the leading adjectives (which may also read as nouns:
    # "Астанинской" is a surname to the dictionary as well).
    head = 0
    while head < len(words) - 1 and any(p.tag.POS in ("ADJF", "PRTF") for p in parses[head]):
        head += 1
    if not any(p.tag.POS == "NOUN" for p in parses[head]):
        return phrase

    def adjective(ps, noun):
        return next((a for a in ps if a.tag.POS in ("ADJF", "PRTF") and a.tag.case == noun.tag.case
                     and a.tag.number == noun.tag.number
                     and (noun.tag.number == "plur" or a.tag.gender == noun.tag.gender)), None)

    nouns = [p for p in parses[head] if p.tag.POS == "NOUN"]
    noun = next((n for n in nouns if all(adjective(ps, n) for ps in parses[:head])), None)
    if noun is None or noun.tag.case == "nomn":
        return phrase
    out = [_same_case_style(word, _nominative_form(adjective(ps, noun), word, noun))
           for word, ps in zip(words[:head], parses[:head])]
    out.append(_same_case_style(words[head], _nominative_form(noun, words[head], noun)))
    return " ".join(out + words[head + 1:])


def _nominative_form(parse, word: str, noun) -> str:
    """The nominative of the word's own lexeme that agrees with the head noun; among several
    (высшая / высочайшая) the one that keeps most of the written word."""
    number = noun.tag.number
    forms = [f.word for f in parse.lexeme if f.tag.case == "nomn" and f.tag.number == number
             and (number == "plur" or f.tag.POS == "NOUN" or f.tag.gender == noun.tag.gender)]
    if not forms:
        return word
    low = fold(word)

    def shared(form: str) -> int:
        n = 0
        for a, b in zip(form, low):
            if a != b:
                break
            n += 1
        return n

    return max(forms, key=lambda f: (shared(f), -len(f)))


def _same_case_style(original: str, new: str) -> str:
    if original.isupper():
        return original
    parts, new_parts = original.split("-"), new.split("-")
    if len(parts) != len(new_parts):
        parts, new_parts = [original], [new]
    # each part of a hyphenated name keeps its capital («Северо-Казахстанской» → «Северо-Казахстанская»)
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(parts, new_parts))


# --------------------------------------------------------------------------- Kazakh

# Ending groups in the order they attach to a stem; stripping runs from the outside in.
KK_CASE = sorted({
    # genitive
    "ның", "нің", "дың", "дің", "тың", "тің",
    # dative (на/не after a possessive: Республикасына)
    "ға", "ге", "қа", "ке", "на", "не",
    # accusative (н after a possessive: съезін)
    "ны", "ні", "ды", "ді", "ты", "ті", "н",
    # locative
    "да", "де", "та", "те", "нда", "нде",
    # ablative
    "дан", "ден", "тан", "тен", "нан", "нен",
    # instrumental
    "мен", "бен", "пен", "менен", "бенен", "пенен",
    # locative + relational -ғы (Азиядағы, Германиядағы)
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
}, key=len, reverse=True)
KK_POSSESSIVE = sorted({
    "ы", "і", "сы", "сі", "ым", "ім", "ың", "ің", "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз",
}, key=len, reverse=True)
KK_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
_KK_GROUPS = (KK_CASE, KK_POSSESSIVE, KK_PLURAL)
_KK_VOICED = {"б": "п", "ғ": "қ", "г": "к"}
_KK_MIN_STEM = 2


def _kk_strip(word: str, group: int, out: set[str]) -> None:
    out.add(word.rstrip("-"))
    for g in range(group, len(_KK_GROUPS)):
        for suffix in _KK_GROUPS[g]:
            if word.endswith(suffix) and len(word) - len(suffix) >= _KK_MIN_STEM:
                stem = word[: -len(suffix)]
                if stem.endswith("-"):
                    stem = stem[:-1]
                _kk_strip(stem, g + 1, out)
                if suffix[0] in "ыіа" and stem[-1:] in _KK_VOICED:
                    _kk_strip(stem[:-1] + _KK_VOICED[stem[-1]], g + 1, out)


@lru_cache(maxsize=200_000)
def _kazakh(word: str) -> frozenset[str]:
    out: set[str] = set()
    _kk_strip(fold(word), 0, out)
    return frozenset(k for k in out if k)


def kazakh_stems(word: str) -> frozenset[str]:
    """Every stem a Kazakh word form could come from (the form itself included)."""
    return _kazakh(word)


# --------------------------------------------------------------------------- interface


@lru_cache(maxsize=400_000)
def text_keys(word: str, lang: str) -> frozenset[str]:
    """The keys a word of running text may match: its base forms, plus the acronym key."""
    if len(word) == 2 and word.isupper() and word.isalpha():
        # two capitals are an abbreviation, never a name written in capitals: «ОШ 2,9» (an odds
        # ratio) is no Osh, whose label «Ош» a base form would match
        return frozenset({ACRONYM_MARK + word})
    if lang == "kk":
        keys = set(_kazakh(word))
        if word[:1].isupper() and "і" in word.lower():
            # a foreign name the vocabulary spells as Russian does, written with the Kazakh «і»
            # («Бішкекте» for Бишкек): the name's stems with «и» match it too
            # (a stem of five letters at least: a short one, «Ішек», is more often a word opening a
            # sentence than a foreign name)
            keys |= {k.replace("і", "и") for k in keys if "і" in k and len(k) >= 5}
    elif lang == "ru":
        keys = set(_russian(word))
    else:
        keys = _english(word)
    acro = acronym_key(word)
    if acro:
        keys.add(acro)
    if is_acronym(word) and not word.isalpha():
        # a code whose capitals are joined to a number is indexed whole, as label_key has it
        # ("EQ-5D", "SF-36", «МКБ-10»)
        keys.add(ACRONYM_MARK + word.replace("‐", "-").replace("‑", "-"))
    return frozenset(keys)


def label_key(word: str, lang: str) -> str:
    """The single key a vocabulary label's word is indexed under."""
    if is_acronym(word):
        return ACRONYM_MARK + word
    if lang == "ru":
        return _russian_label(word)
    # (an English label's possessive is keyed as running text's is: "Spearman's rank correlation")
    return _without_possessive(fold(word)) if lang == "en" else fold(word)


def kazakh_nominative(phrase: str) -> str:
    """A Kazakh name with the case ending of its last word taken off, so that every inflected
    occurrence is one name: the head of an organisation's name carries the possessive, and the
    case ending follows it ("министрлігінің", "институтында", "одағына" → "министрлігі",
    "институты", "одағы"). Only an ending after a possessive -ы/-і is removed: a bare stem
    may end in the same letters."""
    words = phrase.split(" ")
    last = words[-1]
    low = fold(last)
    for suffix in _KK_AFTER_POSSESSIVE:
        if low.endswith(suffix) and len(low) - len(suffix) >= 5 and low[-len(suffix) - 1] in "ыі":
            return " ".join(words[:-1] + [last[: len(last) - len(suffix)]])
    return phrase


# the case endings a possessive takes (genitive, dative, accusative, locative, ablative,
# instrumental, relational), longest first
_KK_AFTER_POSSESSIVE = ("ндағы", "ндегі", "ның", "нің", "нда", "нде", "нан", "нен", "мен", "на", "не", "н")
