"""Which codec a text file's bytes are in: UTF-8, UTF-16 or UTF-32 (with a byte-order mark, or
UTF-16 without one when its NUL bytes say so), or a single-byte Cyrillic code page.

A text is refused only when it cannot be read: Notepad saves "Unicode" as UTF-16 LE with a BOM,
a Russian or Kazakh text from an old Word (`catdoc`, a Windows editor) comes in Windows-1251 or
the Windows Kazakh code page KZ-1048 or its forerunner PTCP154, a Russian one from Unix mail in KOI8-R. A code page is read
only when the bytes are not UTF-8 and its reading is text of one of the three languages the
project maps (language.detect; text.py chooses among the readings), and not UTF-8 with a broken
byte (whose Cyrillic read in cp1251 is "РћР±СЉРµРєС‚": letters, but mojibake). charset-normalizer
(installed with requests) guesses among some ninety codecs; the question here is narrower — is
this one of our three languages in one of the code pages they are written in — and the language
check answers it directly.
"""
from __future__ import annotations

import re

_BOMS = (  # UTF-32's marks first: UTF-32 LE's begins with UTF-16 LE's
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)

# UTF-16 without a mark: every ASCII character (a space, a digit, a line end) has a NUL as its
# other byte, always on the same side; a binary file has NULs too, but on both sides alike.
_SNIFFED = 4096
_NUL_SHARE = 0.05
_ONE_SIDE = 0.95

# A Cyrillic letter in UTF-8 is a lead byte D0/D1 and a continuation byte 80–BF; read in cp1251
# that is «Р» or «С» and a punctuation mark or a rare letter. A cp1251 text has those pairs as
# rarely as it has «Р», «С» before «ђ», «‚», «ё»: a text in which they make half the bytes
# above ASCII is UTF-8 with a broken byte somewhere.
_UTF8_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_HIGH = re.compile(rb"[\x80-\xff]")


def bom(data: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark names and the mark's length."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NULs of the file's start all stand on one side."""
    head = data[:_SNIFFED - _SNIFFED % 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    nuls = even + odd
    if nuls < _NUL_SHARE * len(head) / 2 or max(even, odd) < _ONE_SIDE * nuls:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def utf8_pair_share(data: bytes) -> float:
    """The share of the bytes above ASCII that stand in two-byte UTF-8 sequences (0 without any)."""
    high = len(_HIGH.findall(data))
    return sum(len(m) for m in _UTF8_PAIR.findall(data)) / high if high else 0.0


def looks_like_broken_utf8(data: bytes) -> bool:
    return utf8_pair_share(data) >= 0.5
