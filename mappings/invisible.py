"""Invisible format characters (Unicode category Cf): zero-width spaces, word joiners, byte order
marks inside the text, joiners, direction marks.

A reader never sees them, but a text copied from a web page or a CMS carries them where the page
had them: a zero-width space or a word joiner typed *in place of* a space between two words
(«Научная​новизна​ исследования», a heading whose spaces the editor's widget replaced) reads as
a space, or the words run together and the heading is lost; anywhere else (at a paragraph's
end, beside a real space, inside an emoji sequence) they are nothing. The soft hyphen is Cf too,
but it marks a hyphenation point that the reflow reads at a line end: it is left to reflow.
"""
from __future__ import annotations

import re
import unicodedata

_SOFT_HYPHEN = "\u00ad"
# Unicode assigns format characters in planes 0, 1 and 14 only: scanning those three (not all 17)
# keeps this off every process's start-up (0.13 s → ~0.03 s; a test compares with the full scan).
_PLANES = (0, 1, 14)
_FORMAT = "".join(chr(c) for plane in _PLANES for c in range(plane << 16, (plane + 1) << 16)
                  if unicodedata.category(chr(c)) == "Cf" and chr(c) != _SOFT_HYPHEN)
_FORMAT_CLASS = "[" + re.escape(_FORMAT) + "]"
# The characters that stand for a space (a break opportunity or its no-break twin, with no width):
# between two letters or digits a run holding one of them is where the words' space was.
_SPACE_LIKE = "\u200b\u2060\ufeff"
_BETWEEN_WORDS = re.compile(rf"(?<=[^\W_]){_FORMAT_CLASS}*[{_SPACE_LIKE}]{_FORMAT_CLASS}*(?=[^\W_])")
_ANY = re.compile(_FORMAT_CLASS + "+")
_FORMAT_SET = frozenset(_FORMAT)


def without_format_characters(text: str) -> str:
    """The text with each zero-width space between two words made a space and every other
    invisible format character (but the soft hyphen) removed."""
    if _FORMAT_SET.isdisjoint(text):   # 5x faster than _ANY.search over a class of 160 characters
        return text
    return _ANY.sub("", _BETWEEN_WORDS.sub(" ", text))
