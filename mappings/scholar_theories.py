"""A theory named by its scholar and a head word that no shape of mappings/name_shapes.py makes a
name on its own: «модели Г. Лассуэлла», «модель «лестницы участия» Р. Харта», «теории общего
адаптационного синдрома Г. Селье»; in Kazakh the scholar in the genitive comes first: «Ф.
Фребельдің ойын педагогикасы», «Дж. Дьюидің «іс арқылы оқыту» идеясы», «В.Н. Беклемишевтің
популяциялық экология ілімі».

A bare «модель» or «идея» names nothing (KEYS.md: common nouns); the scholar the text attributes
it to is what makes it one theory. The scholar must be named by initials (mappings/people.py): a
surname alone before a head is an eponym («Пиаже теориясы» is linked from the vocabulary, «закон
Аррениуса» is a law of nature). Between the head and the scholar stand at most a few words of the
name, or one quoted title; the spans found are candidates of class Theory, the scholar stays a
person of its own.
"""
from __future__ import annotations

import re

from . import morphology

_GAP = r"[ \u00a0\n]+"
# (the few words of the name in lower case, or one quoted title)
_WORDS = {
    "ru": rf"(?:(?:[а-яё][а-яё-]*{_GAP}){{0,3}}|[«“\"][^»”\"\n]{{1,60}}[»”\"]{_GAP})",
    "kk": rf"(?:(?:[а-яёәғқңөұүһі][а-яёәғқңөұүһі-]*{_GAP}){{0,3}}|[«“\"][^»”\"\n]{{1,60}}[»”\"]{_GAP})",
}
_RU_BEFORE = re.compile(
    rf"(?<![\w-])(?:теори|модел|концепци|учени|иде[июяей]|парадигм|гипотез)[а-яё]*{_GAP}({_WORDS['ru']})$", re.I)
_KK_AFTER = re.compile(
    rf"{_GAP}({_WORDS['kk']})(?:теория|тұжырымдама|концепция|ілім|идея|педагогика|модел|парадигма|гипотеза)"
    # (the noun, in the singular: «педагогикалық» is an adjective, «идеяларына» many ideas, no one theory)
    r"(?!лық|лар|лер|дар|дер)[а-яёәғқңөұүһі]*", re.I)
_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# what a word of a Russian name may be: a verb between («идеи развивал Г. Селье») ends the name
# a Russian surname's nominative, known to the dictionary or not («Берков», «Лемьев», «Орловский»)
_RU_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")
_RU_NAME_POS = {"NOUN", "ADJF", "PRTF", "NUMR", "PREP", "CONJ"}


def find(text: str, lang: str, scholars: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every scholar's theory, the scholar's name inside it."""
    out = []
    for a, b in sorted(scholars):
        if lang == "ru":
            m = _RU_BEFORE.search(text, max(0, a - 120), a)
            if m and _russian_words(m.group(1)) and _genitive(text[a:b]):
                out.append((m.start(), b))
        elif lang == "kk" and _KK_GENITIVE.search(text[a:b]):
            m = _KK_AFTER.match(text, b)
            if m:
                out.append((a, m.end()))
    return out


def _russian_words(words: str) -> bool:
    if words[:1] in "«“\"":
        return True
    return all(morphology._analyzer().parse(w)[0].tag.POS in _RU_NAME_POS for w in words.split())


def _genitive(name: str) -> bool:
    """«Г. Лассуэлла», «Р. Харта», or a surname that does not decline («Г. Селье»): not the
    nominative subject of the next clause («… теории игр А. Иванов показал»)."""
    surname = re.split(r"[.\s\u00a0]+", name.strip())[-1]
    if _RU_NOMINATIVE_SURNAME.search(surname):
        return False
    parses = morphology._analyzer().parse(surname.lower())
    if not any(p.is_known for p in parses):
        return True
    return any(p.tag.case == "gent" for p in parses) and not any(
        p.tag.case == "nomn" and "Surn" in p.tag for p in parses[:1])
