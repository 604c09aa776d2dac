"""Kazakh letters a PDF's font put at other letters' code points.

Fonts made for Kazakh before Unicode had its letters (and some made since) carry ә, ө, ү and ұ
in glyphs whose character map names Abkhaz and Mari letters drawn alike: a reader sees
«Әл-Фараби», «жасөспірім», «үшін», «ұлттық», the text layer gives «Ҽл-Фараби», «жасҿспірім»,
«ҥшін», «ҧлттық» (copied from such a PDF, a web page or a .txt carries them too). None of those
four letters is written in Kazakh or Russian, so in a text that has Kazakh's own letters they are
put back, letter for letter (the same length: every offset stays an offset).
"""
from __future__ import annotations

import re

TO_KAZAKH = str.maketrans("ҼҽҾҿҤҥҦҧ", "ӘәӨөҮүҰұ")
_STAND_INS = re.compile("[ҼҽҾҿҤҥҦҧ]")
# letters of Kazakh that such fonts map right: a text holding them and the stand-ins is Kazakh
_KAZAKH = re.compile("[ҚқҒғҢңІі]")
_AT_LEAST = 3


def repair(text: str) -> str:
    if len(_STAND_INS.findall(text, 0, 200_000)) < _AT_LEAST or not _KAZAKH.search(text):
        return text
    return text.translate(TO_KAZAKH)
