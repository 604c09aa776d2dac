"""Kazakh written in the Latin alphabet, folded into Cyrillic for reading its structure.

Kazakhstan's official Latin alphabets (the 2018 acute-accent version: á ǵ ı ń ó ú ý, «Zertteýdiń
maqsaty»; the 2021 diacritics version: ä ğ ı ñ ö ş ū ü, «Zertteudıñ maqsaty») write the same
language the heading keywords, function words and list introductions are known in, in Cyrillic.
A document in one of them is read on a Cyrillic copy: its language told and its headings found
there; every line handed on is put back into the document's own letters, so quotes stay as
printed.

The tables are written by hand from the official alphabet tables: the libraries on offer
(qazaq-transliterator, stransliterator, turkic-translit) go from Cyrillic to Latin, each for one
version, while reading needs Latin to Cyrillic with an exact way back. The fold is not the
official transliteration: ambiguous letters are given the reading that serves recognition
(2018's «ı» is й after a vowel, else и; «ıa» is я, though the official table has no digraph for it) and the way back is checked on
the whole text — a text whose round trip is not exact (Cyrillic letters in it, a digraph in an
odd case) is not folded. The 2017 apostrophe version («a'», «g'») is not read here.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Any

# lower case, one Latin letter (or digraph) → one Cyrillic letter; c, w, x have none and stay
_ALPHABETS = {
    "2018": {
        "a": "а", "á": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ǵ": "ғ", "h": "һ",
        "ı": "и", "i": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ń": "ң", "o": "о",
        "ó": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "u": "ұ", "ú": "ү", "v": "в",
        "y": "ы", "z": "з", "ý": "у", "sh": "ш", "ch": "ч", "ıa": "я", "ıý": "ю",
    },
    "2021": {
        "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "һ",
        "ı": "ы", "i": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о",
        "ö": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ",
        "ü": "ү", "v": "в", "y": "й", "z": "з", "ç": "ч",
    },
    # The 2021 table as published (Ы → Y y, І → I ı, И and Й → İ i, Я → Ia, Ю → Iu: «Ğylymi
    # jañalyğy», «Bılım», «dissertatsiia»); the "2021" above reads the same marks as a Turkish
    # keyboard writes them («Ğılımi jañalığı»). Both are in use.
    "2021-y": {
        "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "һ",
        "ı": "і", "i": "и", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о",
        "ö": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ",
        "ü": "ү", "v": "в", "y": "ы", "z": "з", "ç": "ч", "ia": "я", "iu": "ю",
    },
}
# the letters that tell one version from the other (and from English)
_MARKS = {"2018": set("áǵńóúýÁǴŃÓÚÝ"), "2021": set("äğñöşūüÄĞÑÖŞŪÜ")}
# y between consonants («Ğylym», «synyp») is ы, the published 2021 table's; the Turkish-keyboard
# reading has й there only after a vowel («sayın», «boyınşa»)
_CONSONANT = "bcdfgğhjklmnñpqrsştvzç"
_Y_BETWEEN_CONSONANTS = re.compile(rf"(?i)(?<=[{_CONSONANT}])y(?=[{_CONSONANT}])")
_Y_AFTER_VOWEL = re.compile(r"(?i)(?<=[aeouäöüūıi])y")
# capitals the official tables give otherwise than Python's upper(): 2018 writes «I» for both
# «ı» and «i»; 2021 writes «I» for «ı» and «İ» for «i»
_CAPITALS = {"2018": {"ı": "I"}, "2021": {"ı": "I", "i": "İ"}, "2021-y": {"ı": "I", "i": "İ"}}
_VOWELS = set("aeiouyáóúýäöüūıAEIOUYÁÓÚÝÄÖÜŪIİ")
# 2021's «i» is і in a word of front vowels and и in one with back vowels («ğılımi» ғылыми,
# «jinau» жинау, «mindetteri» міндеттері): і never stands beside a back vowel
_BACK_VOWELS = set("aoūıAOŪI")
_WORD = re.compile(r"\w+")


def _tables(version: str) -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    lower = _ALPHABETS[version]
    capitals = _CAPITALS[version]
    forward = dict(lower)
    for latin, cyr in lower.items():
        capital = capitals.get(latin) or latin.upper()
        forward.setdefault(capital, cyr.upper())
        if len(latin) == 2:
            forward[(capitals.get(latin[0]) or latin[0].upper()) + latin[1]] = cyr.upper()   # "Sh" as well as "SH"
    back: dict[str, str] = {}
    for latin, cyr in forward.items():
        back.setdefault(cyr, latin)
    if version == "2018":
        back.update({"й": "ı", "Й": "I"})
    elif version == "2021":
        back.update({"и": "i", "И": "İ"})
    else:
        back.update({"й": "i", "Й": "İ"})
    keys = sorted(forward, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), forward, back


_TABLES = {v: _tables(v) for v in _ALPHABETS}


def version(text: str) -> str | None:
    """The Latin alphabet `text` is written in, by the letters only that version has."""
    counts = {v: sum(text.count(c) for c in marks) for v, marks in _MARKS.items()}
    best = max(counts, key=counts.get)
    if counts[best] < 3 or re.search("[\u0400-\u04ff]", text):
        return None
    if best == "2021" and len(_Y_BETWEEN_CONSONANTS.findall(text)) > len(_Y_AFTER_VOWEL.findall(text)):
        return "2021-y"
    return best


def to_cyrillic(text: str, version: str) -> str:
    return to_cyrillic_mapped(text, version)[0]


def to_cyrillic_mapped(text: str, version: str, keep=None) -> tuple[str, list[int]]:
    """The Cyrillic fold of `text` and, for each of its characters (and its end), the offset in
    `text` it was read from: a digraph («sh» ш, «ıa» я) is one letter of the fold, so what is
    found on the fold is quoted from the document by these offsets. A word `keep(word)` says is
    no Kazakh one (a foreign name or acronym) stays in its Latin letters."""
    pattern, forward, _ = _TABLES[version]
    words = {m.start(): m for m in _WORD.finditer(text)}
    starts = sorted(words)

    def word_at(at: int) -> re.Match:
        return words[starts[bisect.bisect_right(starts, at) - 1]]

    kept = {m.start() for m in words.values() if keep is not None and keep(m.group())}

    def one(m: re.Match) -> str:
        latin, cyr = m.group(), forward[m.group()]
        if version == "2018" and latin in "ıI" and m.start() and text[m.start() - 1] in _VOWELS:
            return "й" if latin == "ı" else "Й"   # «boıynsha», «uıym»: after a vowel 2018's «ı» is й
        if version == "2021-y" and latin in ("i", "İ") and m.start() and text[m.start() - 1] in _VOWELS:
            return "й" if latin == "i" else "Й"   # «Bailanys», «boiynşa»: after a vowel «i» is й
        if version == "2021" and latin in ("i", "İ") and _BACK_VOWELS & set(word_at(m.start()).group()):
            return "и" if latin == "i" else "И"
        return cyr

    out: list[str] = []
    offsets: list[int] = []
    at = 0
    for m in pattern.finditer(text):
        out.append(text[at:m.start()])
        offsets.extend(range(at, m.start()))
        if word_at(m.start()).start() in kept:
            out.append(m.group())
            offsets.extend(range(m.start(), m.end()))
        else:
            out.append(one(m))
            offsets.append(m.start())
        at = m.end()
    out.append(text[at:])
    offsets.extend(range(at, len(text) + 1))
    return "".join(out), offsets


def to_latin(text: str, version: str) -> str:
    _, _, back = _TABLES[version]
    out = []
    for i, c in enumerate(text):
        latin = back.get(c)
        if latin is None:
            out.append(c)
        elif len(latin) == 2 and c.isupper():
            # «Ш» from «SH» in a word in capitals, from «Sh» in a capitalised one
            lower = back[c.lower()]
            near = text[i + 1:i + 2] + (text[i - 1:i] if i else "")
            head = _CAPITALS[version].get(lower[0]) or lower[0].upper()
            out.append(head + (lower[1].upper() if near[:1].isupper() else lower[1]))
        else:
            out.append(latin)
    return "".join(out)


def fold(text: str) -> tuple[str, str] | None:
    """The Cyrillic copy of a text written in a Kazakh Latin alphabet, and the version; None
    when it is in neither or its round trip is not exact."""
    v = version(text)
    if v is None:
        return None
    cyrillic = to_cyrillic(text, v)
    return (cyrillic, v) if to_latin(cyrillic, v) == text else None


def in_latin(value: Any, version: str) -> Any:
    """`value` (a string, or lists, dicts and dataclasses of them) with every string read off the
    Cyrillic fold put back into the Latin letters. Strings that never were Cyrillic (kinds,
    languages, file names, checksums) have no Cyrillic letter and come back unchanged."""
    if isinstance(value, str):
        return to_latin(value, version)
    if isinstance(value, list):
        return [in_latin(v, version) for v in value]
    if isinstance(value, tuple):
        return tuple(in_latin(v, version) for v in value)
    if isinstance(value, dict):
        return {in_latin(k, version): in_latin(v, version) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: in_latin(getattr(value, f.name), version)
                                             for f in dataclasses.fields(value) if f.init})
    return value
