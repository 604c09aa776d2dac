"""The words headings are made of, one word at a time, in any of the three languages: each
section keyword's words and the heading words around them (heading_words). For reading a word
whose spelling is in doubt (letters spaced out, letters of the other script) against them."""
from __future__ import annotations

import functools
import re

from .heading_words import HEADING_WORDS, KEYWORDS, QUALIFIERS

_I = re.IGNORECASE | re.UNICODE


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (split on `|` outside groups and classes)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _compiles(pattern: str) -> bool:
    # (a phrase cut at its spaces may leave half a group: «(?:таңдау\w*»; such pieces go)
    try:
        re.compile(pattern)
    except re.error:
        return False
    return "\\s" not in pattern


@functools.lru_cache(maxsize=1)
def words() -> tuple[re.Pattern, re.Pattern]:
    """One word of a heading, and one word that names a section (a keyword or its first word)."""
    keyword_words = set()
    for by_kind in KEYWORDS.values():
        for pattern in by_kind.values():
            for alt in _alternatives(pattern):
                # a keyword phrase's words each count as heading words ("ключевые\s+слова")
                keyword_words.update(w for w in re.split(r"\\s[+*]|\s+", alt) if w and _compiles(w))
    keyword = "|".join(sorted(keyword_words, key=len, reverse=True))
    others = "|".join([*HEADING_WORDS.values(), *QUALIFIERS.values(), r"туралы|алдына"])
    return re.compile(rf"(?:{keyword}|{others})", _I), re.compile(rf"(?:{keyword})", _I)


def is_heading_word(word: str) -> bool:
    """Whether `word` is one of the words headings are made of."""
    return words()[0].fullmatch(word) is not None
