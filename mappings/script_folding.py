"""Words typed in two scripts, folded into one for linking.

A Kazakh or Russian word typed with a Latin letter drawn like a Cyrillic one («Kазақстан»,
«Aқмола», «Рeспублика») reads the same to a person but matches no vocabulary label and breaks
the shapes of names. The linker reads a copy of the text in which such letters are put into
the word's own script, letter for letter (the same length, so every offset found in the copy
is an offset in the document); mentions and candidates quote the document's own letters.
A scanned text's recognised layer writes the letter O for the digit zero inside numbers
(«МКБ-1О», «SPSS 13.О», «2005-2О10», «2OO8»): a number with an O among its digits is read with
zeros, so codes, versions and years are what they are.
In a Kazakh word a Latin K before a back vowel (а, о, ұ, ы) stands for Қ, not К: native words
keep their vowels' harmony (қ with back vowels, к with front ones), and a typist without the
Kazakh layout types the Latin K for the letter the Russian layout lacks («Kазақстан»).
A word written in two scripts on purpose (more Latin than Cyrillic, or with a letter that has
no twin) is left as written.
"""
from __future__ import annotations

import re

_LATIN_LOOKALIKES = "aceopxyikABCEHIKMOPTXY"
_CYRILLIC_LOOKALIKES = "асеорхуікАВСЕНІКМОРТХУ"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_MIXED_WORD = re.compile(r"(?=[^\W\d_]*[a-zA-Z])(?=[^\W\d_]*[\u0400-\u04ff])[^\W\d_]+")


_KAZAKH_LETTERS = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_KK_HARD_K = re.compile("[Kk](?=[аоұыАОҰЫ])")


def _cyrillic_word(word: str, lang: str) -> str:
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in word)
    latin = [c for c in word if c.isascii()]
    if cyrillic <= len(latin) or not all(c in _LATIN_LOOKALIKES for c in latin):
        return word
    if lang == "kk" and _KAZAKH_LETTERS.search(word):
        word = _KK_HARD_K.sub(lambda k: "Қ" if k.group() == "K" else "қ", word)
    return word.translate(_TO_CYRILLIC)


# a number that opens with a digit and holds an O (Latin or Cyrillic), or an O after a digit and
# a dot («1О», «13.О», «2О10»; not a word's O: «ООН», «IoT», nor a formula's: O2, H2O)
_O_IN_NUMBER = re.compile(r"(?<![^\W\d_])\d(?=[\dOО]*[OО])[\dOО]*(?:\.[\dOО]+)?(?![^\W\d_])"
                          r"|(?<=\d\.)[OО]+(?![^\W\d_])")


def _zeros(number: str) -> str:
    return number.replace("O", "0").replace("О", "0")


def fold(text: str, lang: str) -> str:
    """`text` (in language `lang`) with the Latin look-alike letters of mostly Cyrillic words
    made Cyrillic, and the letter O inside numbers made a zero."""
    if "O" in text or "О" in text:
        text = _O_IN_NUMBER.sub(lambda m: _zeros(m.group(0)), text)
    if text.isascii():
        return text
    return _MIXED_WORD.sub(lambda m: _cyrillic_word(m.group(0), lang), text)
