"""Words → stems, one rule set per language, the same for the index and for queries.

A stem is only a key: two forms match when they reduce to the same key. English and Russian use
the Snowball stemmers (PyStemmer); Kazakh has no Snowball stemmer, so its words go through the
project's suffix rules (mappings.morphology.kazakh_stems), which give every stem a form could
come from — the index needs one key per word, so the most reduced one is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from dissertation_kg.mappings.morphology import fold, kazakh_stems

LANGS = ("en", "ru", "kk")
_WORD = re.compile(r"\w+(?:[-‐‑'’]\w+)*")
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_VOICELESS = "пқк"
_STEMMERS = {"en": Stemmer.Stemmer("english"), "ru": Stemmer.Stemmer("russian")}


@dataclass(frozen=True)
class Token:
    text: str    # as written
    start: int   # code point offsets into the analysed text
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=300_000)
def stem(word: str, lang: str) -> str:
    """The key `word` is indexed and searched under in `lang`."""
    w = fold(word)
    if lang == "kk":
        # Shortest candidate: every inflected form of a stem reduces to it. Among equally short
        # ones the voiceless ending wins (кітабы → кітап), as the dictionary form has it.
        candidates = kazakh_stems(w) or {w}
        return min(candidates, key=lambda s: (len(s), s[-1:] not in _VOICELESS, s))
    return _STEMMERS.get(lang, _STEMMERS["en"]).stemWord(w)


def stems(text: str, lang: str) -> list[str]:
    return [stem(t.text, lang) for t in tokens(text)]


def guess_language(text: str) -> str:
    """For literals without a language tag: Kazakh letters → kk, other Cyrillic → ru, else en."""
    if _KAZAKH_ONLY.search(text):
        return "kk"
    if _CYRILLIC.search(text):
        return "ru"
    return "en"


def query_languages(text: str) -> tuple[str, ...]:
    """The languages whose rules a query's words could follow, judged by their script: a
    Cyrillic word may be Russian or Kazakh (most Kazakh words use no Kazakh-only letter)."""
    langs = []
    if _LATIN.search(text):
        langs.append("en")
    if _CYRILLIC.search(text):
        langs += ["ru", "kk"]
    return tuple(langs) or LANGS
