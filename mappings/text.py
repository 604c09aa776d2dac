"""Bytes → clean text: strict decoding and removal of the artefacts of Word/Markdown conversion.

Decoding is strict on purpose: silently guessing an encoding would put mojibake into the graph.
Only codecs a file declares (a byte-order mark) or shows beyond doubt are read (encodings.py).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from . import encodings, font_letters, heading_vocabulary, language
from .invisible import without_format_characters
from .errors import MappingError

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
# An ATX heading's opening hashes and its optional closing ones ("# Title #"), as CommonMark reads them
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
# A blockquote's markers ("> **Abstract.** …"): Markdown's syntax, not the author's text; an
# abstract set as a quotation still opens with its heading.
# A GitHub task list's box («- [x] изучить …»): the item is the words after it
_MD_TASK_BOX = re.compile(r"^([ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+)\[[ xX]\][ \t]+", re.MULTILINE)
# An abbreviation's definition (Markdown Extra, MkDocs' `abbr`: «*[ВКО]: Восточно-Казахстанская
# область»): a page shows it as the abbreviation's tooltip, never as a line of the text (a
# footnote's «*[1]: …» opens with a digit and stays)
_MD_ABBREVIATION = re.compile(r"^\*\[[^\]\n\d][^\]\n]{0,59}\]:[^\n]*(?:\n|$)", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*>[ \t]", re.MULTILINE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_TRAILING_BACKSLASH = re.compile(r"\\+[ \t]*$", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# The HTML Markdown allows inline: a line break inside a heading or a bold line is a space to a
# reader; a superscript's tags go and its number stays, flattened as PDF text extraction
# flattens it ("Сейітқали<sup>1</sup>" reads "Сейітқали1"), so one rule reads both.
_HTML_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)
_HTML_SCRIPT = re.compile(r"</?(?:sup|sub)\s*>", re.IGNORECASE)


# Latin and Cyrillic letters drawn alike. A word typed mostly in one script with such a letter
# of the other ("Зaдачи", "Nоvelty", "МIНДЕТТЕРI") reads the same to a person but matches no
# keyword: in a word of a heading the stray letters are put back into the word's own script.
# Any other word keeps the document's letters ("Aқмола", "Kазақстан"): the text is quoted as
# written, and only the headings need to be recognised.
_LATIN_LOOKALIKES = "aceopxyiABCEHIKMOPTXY"
_CYRILLIC_LOOKALIKES = "асеорхуіАВСЕНІКМОРТХУ"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_MIXED_WORD = re.compile(r"(?=[^\W\d_]*[a-zA-Z])(?=[^\W\d_]*[\u0400-\u04ff])[^\W\d_]+")


def _one_script(m: re.Match) -> str:
    word = m.group(0)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in word)
    latin = sum(c.isascii() for c in word)
    strays, table = ((c for c in word if c.isascii()), _TO_CYRILLIC) if cyrillic > latin else \
        ((c for c in word if "\u0400" <= c <= "\u04ff"), _TO_LATIN)
    if cyrillic == latin or not all(c in (_LATIN_LOOKALIKES if table is _TO_CYRILLIC else _CYRILLIC_LOOKALIKES)
                                    for c in strays):
        return word   # two scripts on purpose, or letters with no twin: left as written
    mended = word.translate(table)
    return mended if heading_vocabulary.is_heading_word(mended) else word


# A stray letter of the other script in a few words is a slip, mended wherever it matters to a
# reader of the words (a heading, "рабoт" in a count). A Kazakh text typed on a Russian keyboard
# has it in a tenth of its words or more («тiлi», «негiздерi», the Latin i for і throughout): that
# is the document's own spelling, quoted as written in its title, names and items. There only a
# heading is read on the mended letters, and a heading opens its line and is short: a line of its
# own, or the run-in phrase before a full stop, colon or dash.
_KEYBOARD_HABIT = 0.1
_LINE_HEAD = re.compile(r"^(?![ \t]*(?:\d|[-–—•*]\s))[^\n.:;–—]+", re.MULTILINE)
_HEADING_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+")


def _mend_head(m: re.Match) -> str:
    head = m.group(0)
    if len(head.split()) > _HEADING_WORDS:
        return head
    return _MIXED_WORD.sub(_one_script, head)


def _mend_mixed_words(text: str) -> str:
    mixed = len(_MIXED_WORD.findall(text))
    if not mixed:
        return text
    if mixed >= _KEYBOARD_HABIT * len(_WORD.findall(text)):
        return _LINE_HEAD.sub(_mend_head, text)
    return _MIXED_WORD.sub(_one_script, text)


def decode(data: bytes, source: str) -> str:
    """Decode a document's bytes (encodings.py says which codecs), or raise a MappingError that
    says what is wrong."""
    return decode_with_codec(data, source)[0]


def decode_with_codec(data: bytes, source: str) -> tuple[str, str]:
    """The text and the codec it was read in."""
    if not data.strip():
        raise MappingError(source, "the file is empty", "add the abstract's text or remove the file from the corpus")
    marked = encodings.bom(data)
    codec = marked[0] if marked else encodings.utf16_without_bom(data)
    if codec and codec != "utf-8":
        try:
            text = data[marked[1] if marked else 0:].decode(codec)
        except UnicodeDecodeError as exc:
            raise MappingError(source, f"the file is not valid {codec.upper()} (byte {exc.start})",
                               "re-save the file as UTF-8") from None
    elif b"\x00" in data[:4096]:
        raise MappingError(source, "this is a binary file, not a text abstract",
                           "export the abstract as plain UTF-8 text (.txt) and try again")
    else:
        try:
            text, codec = data.decode("utf-8-sig"), "utf-8"
            if _DOUBLE_ENCODED.search(text):
                text, codec = _double_encoding_undone(text)
            elif text.isascii() and len(_UTF7_BLOCK.findall(text[:4000])) >= _UTF7_BLOCKS:
                text, codec = _utf7_read(data, text)
        except UnicodeDecodeError as exc:
            text, codec = _windows_cyrillic(data)
            if text is None:
                raise MappingError(source, f"the file is not valid UTF-8 (byte {exc.start})",
                                   "re-save the file as UTF-8") from None
    control = sum(n for c, n in Counter(text).items() if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
    if control > max(8, len(text) // 100):
        raise MappingError(source, "the file contains many control characters and does not look like text",
                           "export the abstract as plain UTF-8 text (.txt) and try again")
    return text, codec


# UTF-8 bytes read as Latin-1 or Windows-1252 and saved again as UTF-8 (a web form, a database
# or a mail client in the wrong charset): each Cyrillic letter is two characters, its lead byte
# D0–D3 as «Ð», «Ñ», «Ò», «Ó» and a continuation byte as a Latin-1 sign or a C1 control
# («Ð°Ð½Ð½Ð¾Ñ\x82Ð°Ñ\x86Ð¸Ñ\x8f»). ftfy knows every way back (Latin-1, Windows-1252 and its
# undefined bytes); it is asked only when such pairs are there, and its answer is kept only
# when it holds at least as many Cyrillic letters as there were pairs to mend.
TWICE_ENCODED = "utf-8 encoded twice"
_DOUBLE_ENCODED = re.compile(r"[ÐÑÒÓ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
                             r"\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


# UTF-7 (an old mail client's or a web form's "Unicode (UTF-7)"): plain ASCII, each run of
# non-ASCII letters a "+…-" block of modified Base64 («+BBwEMAQ6BDsEMAQ7BDA-»). Read so only when
# such blocks are many and the reading holds Cyrillic letters for them.
_UTF7_BLOCK = re.compile(r"\+[A-Za-z0-9+/]{3,}-?")
_UTF7_BLOCKS = 5


def _utf7_read(data: bytes, text: str) -> tuple[str, str]:
    try:
        read = data.decode("utf-7")
    except UnicodeDecodeError:
        return text, "utf-8"
    return (read, "utf-7") if len(_CYRILLIC_LETTER.findall(read)) >= len(_UTF7_BLOCK.findall(text)) else (text, "utf-8")


def _double_encoding_undone(text: str) -> tuple[str, str]:
    import ftfy

    pairs = len(_DOUBLE_ENCODED.findall(text))
    mended = ftfy.fix_encoding(text)
    return (mended, TWICE_ENCODED) if len(_CYRILLIC_LETTER.findall(mended)) >= pairs else (text, "utf-8")


# Windows has two Cyrillic code pages a Kazakh text may be saved in: Windows-1251, where Kazakh
# letters are missing (typists put «ќ», «ў», «ј», «є» or Latin letters in their place), and the
# Windows Kazakh code page KZ-1048, which puts «қ», «ұ», «ә», «ғ» on the very bytes of those; a
# Russian text from Unix mail or an old web page may be in KOI8-R, one from a DOS program or an
# old archive in CP866 (DOS Cyrillic), one from a Mac of the 1990s in Mac OS Cyrillic (which
# puts the capitals where Windows-1251 has punctuation and Serbian letters), one from an old Unix
# system in ISO 8859-5 (no guillemets or dashes in it). Each reading is kept only when
# it is text of one of the three languages. KOI8-R and Windows-1251 both put Cyrillic letters on
# every high byte, in other orders and with the cases swapped, so each reads the other as letters
# of some language: the reading made of a language's common letter pairs wins («ст», «ен», «ар»,
# a third of a real text's pairs, a twentieth of a misread one's). Of two readings equal by that
# (Windows-1251 and KZ-1048 differ on Kazakh's letters alone), the one with fewer letters that
# neither Russian nor Kazakh writes wins (Russian reads the same in both).
_FOREIGN_CYRILLIC = re.compile(r"[ЀЂЃЄЅЇЈЉЊЋЌЍЎЏѐђѓєѕїјљњћќѝўџҐґ]")
_KZ1048_MAX_PAIRS = 0.15
_COMMON_PAIR = re.compile(r"(?=ст|но|то|на|ен|ов|ни|ра|во|ко|ро|ре|по|пр|ос|ал|ер|ан|ли|ть|ва|та|од|ар|ын|ды|да"
                          r"|ла|ле|ін|ың|ға|ат|ас|қа)", re.I)
_CYRILLIC_LETTER = re.compile(r"[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_MISREAD = 0.6   # a reading with under this share of the best one's common pairs is a misreading


def _common_pairs(text: str) -> float:
    return len(_COMMON_PAIR.findall(text)) / max(1, len(_CYRILLIC_LETTER.findall(text)))


def _windows_cyrillic(data: bytes) -> tuple[str | None, str]:
    """The bytes read in Windows-1251, KZ-1048, PTCP154, KOI8-R, CP866, Mac OS Cyrillic or ISO 8859-5,
    whichever is text of the three languages."""
    if encodings.looks_like_broken_utf8(data):
        return None, ""
    readings = []
    # UTF-8's Cyrillic read in KZ-1048 is a capital and a Kazakh letter, pair after pair, and may
    # pass for Kazakh: a KZ-1048 text has few such pairs (under 6 % of its high bytes in the texts
    # tried), damaged UTF-8 many more
    # (and so is PTCP154, KZ-1048's forerunner, Kazakh's letters on other bytes: «ә» is BA there,
    # «ғ» in KZ-1048 — read in the one, a text in the other has Macedonian «ѓ» for every «ғ»)
    # (listed last, it loses every tie: its bytes 80–9F are letters, so a Russian text from a Mac,
    # whose capitals stand there, reads in it as well as in Mac OS Cyrillic)
    kazakh = encodings.utf8_pair_share(data) < _KZ1048_MAX_PAIRS
    codecs = ("cp1251", "kz1048") if kazakh else ("cp1251",)
    for codec in codecs + ("koi8-r", "cp866", "mac-cyrillic", "iso8859-5") + (("ptcp154",) if kazakh else ()):
        try:
            text = data.decode(codec)
            language.detect(text, f"<{codec}>")
        except (UnicodeDecodeError, MappingError):
            continue
        readings.append((_common_pairs(text), len(_FOREIGN_CYRILLIC.findall(text)), codec, text))
    if not readings:
        return None, ""
    best = max(r[0] for r in readings)
    _, _, codec, text = min((r for r in readings if r[0] >= _MISREAD * best), key=lambda r: r[1])
    return text, codec   # (a tie keeps Windows-1251, listed first)


# A web page's accordion copied as text: each section's heading opens with a disclosure triangle
# ("▾ Ғылыми жаңалығы" open, "▸ Publications" closed) and an open section ends with its control
# ("Жасыру ▴", "Hide ▴", "Show more ▾"). The triangles are the widget's, not the author's: left in,
# the heading is no heading. Read as a widget only when the page has both open and closed
# triangles or a control line, so that a list bulleted "▸ …" alone stays a list.
_DISCLOSURE = "▾▸▴▿▹▵▼▲"
_DISCLOSURE_START = re.compile(rf"^[ \t]*[{_DISCLOSURE}][ \t]+(?=\S)", re.MULTILINE)
_DISCLOSURE_CONTROL = re.compile(rf"^[ \t]*(?:[^\W\d_]+[ \t]+){{0,2}}[^\W\d_]+[ \t]*[{_DISCLOSURE}][ \t]*$",
                                 re.MULTILINE)


def _without_accordion(text: str) -> str:
    starts = {m.group(0).strip() for m in _DISCLOSURE_START.finditer(text)}
    if not starts or (len(starts) < 2 and not _DISCLOSURE_CONTROL.search(text)):
        return text
    text = _DISCLOSURE_CONTROL.sub("", text)
    # the language tabs on one line ("▾ Аңдатпа (қаз.)⇥▸ Аннотация (рус.)"): each tab its own line
    text = re.sub(rf"[ \t]+(?=[{_DISCLOSURE}][ \t])", "\n", text)
    return _DISCLOSURE_START.sub("", text)


# Circled numbers (①, ❶, ➀, ➊) as a list's markers: a reader reads "1)", "2)", which the list
# readers know, in a paragraph or one a line. Only before a space: one glued to a word stays.
_CIRCLED = {**{chr(0x2460 + i): i + 1 for i in range(20)}, **{chr(0x2776 + i): i + 1 for i in range(10)},
            **{chr(0x2780 + i): i + 1 for i in range(10)}, **{chr(0x278A + i): i + 1 for i in range(10)}}
_CIRCLED_MARKER = re.compile(rf"[{''.join(_CIRCLED)}](?=[ \t]+\S)")


# Emoji as a post's typography (a Telegram or Instagram post, a chat export): keycap digits
# («1️⃣ …») number a list, and a reader reads them «1)», «2)». A pictograph leading a line
# is the line's icon («🔥 Актуальность», «🎯 Цель»): one that leads a single line is
# decoration, the heading or label after it is the text; one repeated at the start of
# consecutive lines («✅ …» «✅ …») is a list's bullet and stays for the list readers.
_KEYCAP = re.compile(r"(?:([0-9])\ufe0f?\u20e3|\U0001F51F)(?=[ \t]+\S)")
_EMOJI_CHAR = ("(?:[\U0001F000-\U0001FAFF]|[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff]\ufe0f"
               "|[\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f"
               "\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5"
               "\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797"
               "\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55])[\ufe0f\U0001F3FB-\U0001F3FF]*")
# (the zero-width joiner of «👨‍🏫» is gone by the time this runs: a joined emoji is a run of them)
_LEADING_EMOJI = re.compile(rf"^[ \t]*({_EMOJI_CHAR}(?:\u200d?{_EMOJI_CHAR})*)[ \t]+(?=\S)")


def _emoji_icons(text: str) -> str:
    text = _KEYCAP.sub(lambda m: f"{m.group(1) or 10})", text)
    lines = text.split("\n")
    # the neighbours are the next lines with text: a list's items may stand a blank line apart
    filled = [i for i, line in enumerate(lines) if line.strip()]
    icons = {i: m.group(1) if (m := _LEADING_EMOJI.match(lines[i])) else None for i in filled}
    for k, i in enumerate(filled):
        around = {icons[filled[k - 1]] if k else None, icons[filled[k + 1]] if k + 1 < len(filled) else None}
        if icons[i] and icons[i] not in around:
            lines[i] = _LEADING_EMOJI.sub("", lines[i], count=1)
    return "\n".join(lines)


# A web page's breadcrumbs ("Home › Research › PhD defences › 2025", "Главная » Наука » Советы"):
# the site's navigation, short link names between arrows, not the title the page goes on to
# print. Three links at least, each a few words with no sentence's punctuation; a slash or a bar
# separates a heading's translations too ("Аңдатпа / Аннотация / Abstract"), so only four
# links or more make those a trail.
_CRUMB = r"[^\s.;:!?›»>→/|][^\n.;:!?›»>→/|]{0,48}?"
_BREADCRUMBS = re.compile(rf"^[ \t]*{_CRUMB}(?:[ \t]+(?P<s>[›»>→])[ \t]+{_CRUMB}(?:[ \t]+(?P=s)[ \t]+{_CRUMB}){{1,8}}"
                          rf"|[ \t]+(?P<t>[/|])[ \t]+{_CRUMB}(?:[ \t]+(?P=t)[ \t]+{_CRUMB}){{2,8}})[ \t]*$",
                          re.MULTILINE)


def _trail(line: str) -> bool:
    """Links of a few words, named in words (the last may be a year: "… › 2025")."""
    parts = re.split(r"[›»>→/|]", line)
    return all(len(part.split()) <= 5 for part in parts) and all(re.search(r"[^\W\d_]", p) for p in parts[:-1])


def _without_breadcrumbs(text: str) -> str:
    return _BREADCRUMBS.sub(lambda m: "" if _trail(m.group(0)) else m.group(0), _without_site_header(text))


# What a saved page prints above its breadcrumbs is the site's, not the document's: the panel for
# the visually impaired («Қаріп өлшемі: А А А», «Суреттер: Қосу Өшіру»), the phone, the language
# switch, the search box, the site's name and its menu, each a short line. Read as the head of a
# title page, its words become the author («Қосу Өшіру») or the title (the phone number).
_HEADER_LINES = 60      # a header longer than this is no site header
_HEADER_LINE_WORDS = 8  # a menu entry, a site's name; a sentence is longer or ends in a stop


# (a trail that starts at the home page: a heading's translations between slashes do not)
_HOME = re.compile(r"(?i)^[ \t]*(?:\[\d+\][ \t]*)?(?:басты бет|басты|главная(?: страница)?|home(?: ?page)?|main(?: page)?|bast[ıy] bet)\b")


def _without_site_header(text: str) -> str:
    trail = next((m for m in _BREADCRUMBS.finditer(text) if _trail(m.group(0)) and _HOME.match(m.group(0))), None)
    if trail is None:
        return text
    above = [line.strip() for line in text[:trail.start()].split("\n") if line.strip()]
    if not above or len(above) > _HEADER_LINES or any(
            len(line.split()) > _HEADER_LINE_WORDS or (re.search(r"[.!?;]$", line) and not line.endswith("..."))
            for line in above):
        return text
    return text[trail.start():]


# Letters styled by code point, not by font: the "bold" and "italic" that social media and some
# editors' pasted headings use (𝐑𝐞𝐥𝐞𝐯𝐚𝐧𝐜𝐞, 𝘼𝙞𝙢: Mathematical Alphanumeric Symbols) and full-width
# Latin from an East Asian input method (Ｍｅｔｈｏｄｓ). NFKC gives the plain letters; it is applied to
# these alone, since on the whole text it would also flatten what is meant (m², ½, ﬁ handled apart).
_STYLED_LETTERS = re.compile("[\U0001D400-\U0001D7FF\uFF01-\uFF5E]+")


def clean(text: str) -> str:
    """Remove conversion artefacts and normalise white space, keeping paragraph breaks."""
    text = unicodedata.normalize("NFC", text)
    text = _STYLED_LETTERS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    # A vertical tab is Word's manual line break (Shift+Enter) as a paste from Word keeps it: a
    # line break to a reader, between a title page's lines or a run-in heading and its text.
    text = text.replace("\v", "\n")
    text = _without_breadcrumbs(_without_accordion(text))
    text = _CIRCLED_MARKER.sub(lambda m: f"{_CIRCLED[m.group(0)]})", text)
    text = _ZERO_WIDTH.sub("", without_format_characters(text))
    text = font_letters.repair(_mend_mixed_words(text))
    text = _BOOKMARK.sub("", text)
    text = _HTML_SCRIPT.sub("", _HTML_BREAK.sub(" ", text))
    text = _MD_ABBREVIATION.sub("", _MD_TASK_BOX.sub(r"\1", text))
    text = _MD_HEADING.sub(r"\1", _MD_QUOTE.sub("", text))
    text = _TRAILING_BACKSLASH.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    # Emphasis markers twice: bold inside a line and bold that wraps the whole line.
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = text.replace("**", "")
    # after the Markdown syntax is gone: «## 🎯 Цель», «> 🔥 …», «**💡 Новизна**» lead with the icon
    text = _emoji_icons(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def paragraphs(text: str) -> list[str]:
    """Non-empty lines. A blank line and a line break both end a paragraph in this genre."""
    return [line for line in text.split("\n") if line.strip()]
