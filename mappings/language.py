"""Which of the three languages (en, ru, kk) a text is in — or that it is in none of them.

Written by hand rather than with a general detector (lingua, fastText): the set is closed and
the scripts decide it. Kazakh Cyrillic has letters Russian lacks (ә ғ қ ң ө ұ ү һ), Russian has
ы and э that Bulgarian and Macedonian lack, Ukrainian and Belarusian have ї є ґ ў; English is
told from other Latin-script languages by its function words. This is exact on the genre, needs
no model download and costs microseconds.
"""
from __future__ import annotations

import re
from collections import Counter

from . import kazakh_latin
from .errors import MappingError

SUPPORTED = ("en", "ru", "kk")

_KAZAKH = set("әғқңөұүһӘҒҚҢӨҰҮҺ")
_UKR_BEL = set("їєґўЇЄҐЎ")
_SERBIAN = set("ђјљњћџЂЈЉЊЋЏ")
_RUSSIAN_ONLY = set("ыэЫЭ")
_EN_FUNCTION = {"the", "of", "and", "in", "to", "is", "a", "for", "as", "on", "with", "by", "that",
                "this", "are", "its", "an", "which", "be", "from", "at", "it", "was", "were"}
_KK_FUNCTION = {"және", "мен", "бен", "пен", "бойынша", "үшін", "арқылы", "ретінде", "бұл", "осы", "сондай-ақ", "деп", "болып"}
_RU_FUNCTION = {"и", "в", "на", "с", "по", "для", "что", "как", "это", "из", "к", "не", "от", "при", "также"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # "сондай-ақ" is one word


def _letters(text: str) -> Counter:
    # Counter over the whole string runs in C; filtering its few distinct keys is cheap.
    return Counter({c: n for c, n in Counter(text).items() if c.isalpha()})


def detect(text: str, source: str = "<text>") -> str:
    """Return 'en', 'ru' or 'kk', or raise MappingError naming the language problem."""
    # Publication lists are in whatever language each paper was written in (a Russian abstract
    # may list mostly Kazakh titles): judge the prose, not the bibliography, when there is enough.
    prose = "\n".join(line for line in text.splitlines() if "//" not in line)
    letters = _letters(prose)
    if sum(letters.values()) >= 400:
        text = prose
    else:
        letters = _letters(text)
    # A journal prints an article's front again in its other two languages: a Russian article
    # carries a Kazakh abstract, whose letters alone would make the whole text Kazakh. The
    # language of most of the text, judged passage by passage, decides when it clearly leads.
    if sum(letters.values()) >= 600:
        votes: Counter = Counter()
        for passage in _passages(text):
            try:
                votes[_classify(passage, _letters(passage), source)] += len(passage)
            except MappingError:
                continue
        ranked = votes.most_common(2) + [("", 0), ("", 0)]
        (lang, weight), (_, runner_up) = ranked[0], ranked[1]
        if weight and weight >= 0.4 * len(text) and weight >= 1.5 * runner_up:
            return lang
    return _classify(text, letters, source)


def _passages(text: str, size: int = 300) -> list[str]:
    """Runs of whole lines of about `size` characters, cut at blank lines where there are any.
    A line of half that size or more is a paragraph (a reflowed text has one a line) and a
    passage of its own: run on with the lines before it, a Kazakh abstract's paragraph would
    carry the Russian one after it into its vote."""
    out, current = [], []
    for line in text.splitlines():
        if not line.strip():
            if sum(map(len, current)) >= size // 3:
                out.append("\n".join(current))
                current = []
            continue
        if len(line) >= size // 2 and current:
            out.append("\n".join(current))
            current = []
        current.append(line)
        if sum(map(len, current)) >= size:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def _classify(text: str, letters: Counter, source: str) -> str:
    total = sum(letters.values())
    if total < 40:
        raise MappingError(source, "too little text to tell its language",
                           "the abstract needs its full text in Kazakh, Russian or English")
    cyrillic = sum(n for c, n in letters.items() if "\u0400" <= c <= "\u04ff")
    latin = sum(n for c, n in letters.items() if c.isascii() or "\u00c0" <= c <= "\u024f")
    if cyrillic >= latin:
        kazakh = sum(letters[c] for c in _KAZAKH)
        # Kazakh names (Қазақстан, «Рухани жаңғыру») occur in Russian texts: letters alone decide
        # only when frequent; otherwise the function words do.
        if kazakh >= max(3, cyrillic * 0.015):
            return "kk"
        if kazakh >= max(3, cyrillic * 0.003):
            words = Counter(w.lower() for w in _WORD.findall(text))
            if sum(words[w] for w in _KK_FUNCTION) > sum(words[w] for w in _RU_FUNCTION):
                return "kk"
        if sum(letters[c] for c in _UKR_BEL) > cyrillic * 0.002:
            raise MappingError(source, "the text is in Ukrainian or Belarusian, not Kazakh, Russian or English",
                               "only kk, ru and en abstracts can be mapped")
        if sum(letters[c] for c in _SERBIAN) > cyrillic * 0.002:
            raise MappingError(source, "the text is in Serbian or Macedonian, not Kazakh, Russian or English",
                               "only kk, ru and en abstracts can be mapped")
        if sum(letters[c] for c in _RUSSIAN_ONLY) >= cyrillic * 0.003:
            return "ru"
        raise MappingError(source, "the text is in a Cyrillic language other than Kazakh or Russian",
                           "only kk, ru and en abstracts can be mapped")
    words = [w.lower() for w in _WORD.findall(text) if w.isascii()]
    non_ascii = sum(n for c, n in letters.items() if not c.isascii() and "\u00c0" <= c <= "\u024f")
    if words:
        function_share = sum(1 for w in words if w in _EN_FUNCTION) / len(words)
        if function_share >= 0.12 and non_ascii <= latin * 0.01:
            return "en"
    if _kazakh_in_latin(text):
        return "kk"
    raise MappingError(source, "the text is in a Latin-script language other than English",
                       "only kk, ru and en abstracts can be mapped")


def _kazakh_in_latin(text: str) -> bool:
    """Kazakh in one of its official Latin alphabets: the letters only that alphabet has, and
    Kazakh function words read on the Cyrillic fold ("jáne", "boıynsha", "úshin"), which tell
    it from Turkish or Azerbaijani written with some of the same letters."""
    v = kazakh_latin.version(text)
    if v is None:
        return False
    words = [w.lower() for w in _WORD.findall(kazakh_latin.to_cyrillic(text, v))]
    kazakh = sum(1 for w in words if w in _KK_FUNCTION)
    return kazakh >= 2 and kazakh >= 0.01 * len(words)
