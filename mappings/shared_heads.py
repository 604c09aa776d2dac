"""Methods listed as adjectives that share one head: "organoleptic, bacteriological and serological
methods", «макроскопический и микроскопический анализ», «органолептикалық, гельминтологиялық және
серологиялық әдістер». Each adjective names a method of its own (the keys list "organoleptic"
beside "serological methods"), but only the last one stands next to the head, so no vocabulary
pair and no name shape sees the others.

Read only where the work states its methods, and only for a list of two adjectives at least: one
adjective before "methods" is a shape's to judge ("statistical methods"). `find` returns each
adjective's span, the last one with the head.
"""
from __future__ import annotations

import re

# an adjective by its ending: English -al/-ic/-ive, Russian -ческий/-альный/… in any case and
# number, Kazakh -лық/-лік/-дық/-дік/-тық/-тік
_ADJECTIVE = {
    "en": r"[a-z][a-z-]{2,}(?:al|ic|ive)",
    "ru": r"[а-яё][а-яё-]{2,}(?:ческ|альн|ивн|онн|ичн)(?:ий|ая|ое|ие|ого|ой|ых|ими|им|ым|ыми|ую|ом|ем)",
    "kk": r"[а-яёәғқңөұүһі][а-яёәғқңөұүһі-]{2,}(?:лық|лік|дық|дік|тық|тік)",
}
_HEAD = {
    "en": r"(?:methods?|techniques?|analys[ie]s)\b",
    "ru": r"(?:метод\w*|анализ\w*)",
    "kk": r"(?:әдіс\w*|тәсіл\w*|талда\w*)",
}
_AND = {"en": r"and|or", "ru": r"и|или", "kk": r"және|мен|немесе"}


def _pattern(lang: str) -> re.Pattern:
    adj, head, conj = _ADJECTIVE[lang], _HEAD[lang], _AND[lang]
    return re.compile(rf"(?<![\w-])((?:{adj}\s*,\s*)*{adj}(?:\s*,)?\s+(?:{conj})\s+)({adj}\s+{head})", re.I)


_PATTERNS = {lang: _pattern(lang) for lang in _ADJECTIVE}
_ONE = {lang: re.compile(rf"(?<![\w-]){a}(?![\w-])", re.I) for lang, a in _ADJECTIVE.items()}


def find(text: str, lang: str) -> list[tuple[int, int]]:
    out = []
    for m in _PATTERNS[lang].finditer(text):
        out.extend(a.span() for a in _ONE[lang].finditer(text, m.start(1), m.end(1)))
        out.append(m.span(2))
    return out
