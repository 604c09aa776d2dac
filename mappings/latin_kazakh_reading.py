"""Kazakh in a Latin alphabet, read by the linker on its Cyrillic fold.

The vocabularies' Kazakh labels, the Kazakh endings the linker strips and the words the shape
rules look for («министрлігі», «бағдарламасы», «әдісі», «қаласы») are all Cyrillic. A part of a
work written in the 2018 or 2021 Latin alphabet («Densaýlyq saqtaý mınıstrligi») is linked on its
Cyrillic fold (`kazakh_latin`), where all of them apply as they do to a Cyrillic text; each
name found there is quoted from the document by the offsets the fold keeps, so the quote stays
as printed.

A foreign word in such a text is no Kazakh word spelled in Latin letters: a word with a letter
neither alphabet has (c, w, x: «MoCA», «Web») stays in its letters, and so does a word in
capitals that is no Kazakh acronym — a program or a foreign body's acronym («SPSS», «GNSS») is
printed in Latin letters in a Cyrillic Kazakh text too. A word in capitals is folded when the
fold is a name the vocabularies know and the Latin word is not («MRT» МРТ, «DDSU» ДДСҰ), or when
it has a letter only the Kazakh alphabet has («QazUÝ»).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Callable

from . import kazakh_latin

# letters neither Latin-Kazakh alphabet has (2018 writes ч as «ch», so its c is one before h)
_FOREIGN_LETTER = {"2018": re.compile(r"[wx]|c(?!h)", re.I), "2021": re.compile(r"[cwx]", re.I),
                  "2021-y": re.compile(r"[cwx]", re.I)}
_CAPITALS = re.compile(r"[A-Z]")
_ACRONYM_LETTERS = 6   # a longer word in capitals is a heading's or a title's word, folded


@dataclass(frozen=True)
class Reading:
    text: str             # the Cyrillic fold the linker reads
    offsets: list[int]    # for each character of the fold, and its end, the offset in the document

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end]


def readings(texts: list[str], known: Callable[[str], bool],
             matched: Callable[[str], int] = lambda word: 0) -> list[Reading | None]:
    """The Cyrillic reading of each of a Kazakh document's parts, or None for each when the
    document is not in a Latin alphabet. The alphabet is told on the parts together (a short
    part may have none of the letters that tell it); a part with Cyrillic letters is read as it
    is. `known(word)` says whether one word is a Kazakh vocabulary name; `matched(word)` how
    many letters of a Cyrillic word (inflected) a word of the vocabularies' labels matches."""
    version = kazakh_latin.version("\n".join(texts))
    if version is None:
        return [None] * len(texts)

    def keep(word: str) -> bool:
        return _foreign(word, version, known)

    out: list[Reading | None] = []
    for text in texts:
        if re.search("[\u0400-\u04ff]", text) or not re.search("[A-Za-z]", text):
            out.append(None)
            continue
        folded, offsets = kazakh_latin.to_cyrillic_mapped(text, version, keep)
        folded = _CYRILLIC_WORD.sub(lambda m: _loan_letters(m.group(), matched, version == "2021"), folded)
        out.append(Reading(folded, offsets))
    return out


# 2021 writes и and і alike («i»): the fold tells them by the word's vowels, which a word taken
# from Russian does not follow («ministrligi» министрлігі, «institut» институт). Of the readings of
# a word's «i»s the one a vocabulary word matches furthest is taken; between equals, the fold's.
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_MAX_AMBIGUOUS = 4


# Every Latin alphabet writes э as «e» too: a word taken from Russian opens on э in Cyrillic Kazakh
# («eksperiment» эксперимент, «ekonomika» экономика, «etnopedagogika» этнопедагогика).
_OTHER_LETTER = {"і": "и", "І": "И", "е": "э", "Е": "Э"}


def _loan_letters(word: str, matched: Callable[[str], int], i_is_ambiguous: bool = True) -> str:
    at = ([0] if word[:1] in "еЕ" else []) + \
        ([i for i, c in enumerate(word) if c in "іІ"][:_MAX_AMBIGUOUS] if i_is_ambiguous else [])
    if not at:
        return word
    best, best_score = word, matched(word)
    for changes in range(1, len(at) + 1):
        for chosen in itertools.combinations(at, changes):
            letters = list(word)
            for i in chosen:
                letters[i] = _OTHER_LETTER[letters[i]]
            variant = "".join(letters)
            score = matched(variant)
            if score > best_score:
                best, best_score = variant, score
    return best


def _foreign(word: str, version: str, known: Callable[[str], bool]) -> bool:
    if _FOREIGN_LETTER[version].search(word):
        return True
    if not word.isascii() or len(_CAPITALS.findall(word)) < 2 or len(word) > _ACRONYM_LETTERS:
        return False
    # a word in capitals: a Kazakh acronym when the vocabularies know its fold and not it
    return known(word) or not known(kazakh_latin.to_cyrillic(word, version))
