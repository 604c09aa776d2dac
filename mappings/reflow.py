"""Text as a page layout left it → text as the author wrote it: one paragraph per line.

The rest of the pipeline reads one paragraph (or heading, or list item) per line. Text from a
PDF, or a .txt someone once extracted from one, is broken at the right margin instead, hyphenated,
and carries running headers, footers and page numbers. Here:

- characters: ligatures (ﬁ ﬂ …) spelt out, odd spaces made plain, zero-width marks dropped;
- page furniture: a page number alone on its line ("12", "- 12 -", "Page 3 of 10", "стр. 4",
  "4 бет") and a running header or footer (a short line repeated at page edges, or repeated
  several times through a text without page breaks) are removed;
- paragraphs: wrapped lines re-joined. A break is the author's when the line stopped short of
  the margin although the next word would have fitted, or when the next line starts a list
  item; hard wrapping in a plain text is recognised from its line lengths (most lines end near
  one width, few run past it);
- hyphens at a line end: removed when the joined word is a word (seen elsewhere in the
  document, or known to pymorphy3's Russian dictionary), kept for compounds (Kazakh-German,
  социально-экономический, ғылыми-зерттеу: parts that are words on their own, a hyphenated
  form seen elsewhere, a capital after the hyphen).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import morphology
from .headings import CONTENTS_ENTRY
from .invisible import without_format_characters

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+")
_SOFT_HYPHEN = "\u00ad"
PAGE_BREAK = "\f"
_MULTISPACE = re.compile(r" {2,}")
_GLUED_SENTENCE = re.compile(r"([a-zа-яёәғқңөұүһі]{3})\.([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі])")

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$"                              # 12, - 12 -
    r"|^\[\d{1,3}\]$"                                                    # [3]
    r"|^(?:page|p\.|стр\.?|страница|с\.|бет|б\.)\s*\d{1,3}(?:\s*(?:of|из|/|ішінен)\s*\d{1,4})?$"   # Page 3 of 10, стр. 4
    r"|^\d{1,3}\s*(?:[-–]?\s*бет|[-–]?\s*стр\.?)$"                        # 4 бет, 4-бет
    r"|^\d{1,3}\s*/\s*\d{1,4}$",                                        # 3 / 10
    re.IGNORECASE)
# A page printed from a web browser: the header holds the print date and time and the page's
# title ("30.11.2025, 14:02 Диссертационный совет — …", "11/30/25, 2:02 PM Abstract …"), the
# footer the page's address and "page/pages" ("https://… 1/2"). The browser's, not the author's.
_BROWSER_PRINT = re.compile(
    r"^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}),?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+\S.{0,200})?$"
    r"|^(?:https?://|www\.)\S+\s+\d{1,3}\s*/\s*\d{1,3}$")
_LIST_START = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXivx]{1,5}[.)]|[a-zа-яёәғқңөұүһі][)]|[•·▪●◦\-–—*])(?:\s|$)")
_MARKER_ONLY = re.compile(r"^(?:\d{1,2}[.)]|[IVX]{1,5}[.)]|[ivx]{2,5}[.)]|[a-zа-яёәғқңөұүһі][)]|[•·▪●◦])$")
_SENTENCE_END = re.compile(r"[.!?:;…»\"”)]$")
# a line ending in a person's initials: «А.», «Г.В.Ф.», after a space or a comma (not "vitamin A."
# at a sentence's end, which is as short but follows a word); two or three after any word
# («разработали А.В.» ⏎ «Суперанская»): no sentence ends in them, but for a country's ("the U.S.")
_INITIALS_END = re.compile(r"(?:^|,[ \u00a0]|[ \u00a0](?:и|және|мен|and|&)[ \u00a0])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,3}$"
                           r"|[ \u00a0](?!(?:U\.[SKN]|E\.U)\.$)(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){2,3}$")
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_HYPHEN_END = re.compile(r"([^\W\d_]+)[-‐\u00ad]$")
_LEADING_WORD = re.compile(r"^([^\W\d_]+)")
_RANGE_END = re.compile(r"\d[-–]$")
# A line of one to four words, capitalised, with no punctuation at its end: a heading set on
# its own line. A paragraph's last line ends in punctuation, and a wrapped sentence goes on in
# lower case or runs to the margin.
_STANDALONE = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]*(?:[ -][^\W\d_]+){0,3}$")
# What the document is, in capitals on a line of its own under the title ("АННОТАЦИЯ",
# "ABSTRACT"): one word, yet never a wrapped title's tail.
_DOCUMENT_WORD = re.compile(r"^\s*(?:АННОТАЦИЯ|АҢДАТПА|АВТОРЕФЕРАТ|АВТОРЕФЕРАТЫ|РЕФЕРАТ|РЕЗЮМЕ|ТҮЙІНДЕМЕ|ABSTRACT|ANNOTATION"
                            r"|SUMMARY)\s*$")
# A line that is a name in full and nothing else: surname, given name and patronymic («Сәрсенбаев
# Ерлан Болатұлы», «Ким Виктория Андреевна»), or the English order. A sentence that names a person
# so goes on after the name, or ends with a full stop.
_FULL_NAME_LINE = re.compile(r"^\s*(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+\s+){2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*"
                             r"(?:вич|вна|ична|ұлы|улы|қызы|кызы|vich|vna|ichna|uly|kyzy|qyzy)\s*$"
                             r"|^\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*"
                             r"(?:vich|vna|ichna|uly|kyzy|qyzy)\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+\s*$")
# A capitalised label of one to three words and a colon ("Keywords:", "Ключевые слова:").
_LABEL_START = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]*(?:[ -][^\W\d_]+){0,2}:(?:\s|$)")
# An abstract's run-in label at a line start ("Аннотация.Подземные …", "Abstract. The …"), as a
# journal prints it in a box under the title: it opens the abstract, whatever the geometry said
# about the line above (a title's last line is no wrapped sentence of the abstract).
_ABSTRACT_LABEL = re.compile(r"^(?:Аннотация|Аңдатпа|Abstract|Резюме|Түйін|Summary)\s*[.:]", re.I)


# Unicode's own line and paragraph separators (U+2028, U+2029), as some editors and exports write
# a line break inside a paragraph and a paragraph's end: line ends like any other, which the
# reflow below joins or keeps as it does a plain text's.
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n"})


# pdfminer.six (pdf2txt.py, and what calls it) writes a glyph its font maps to no character as
# "(cid:N)": in a LaTeX paper's text the ligatures go that way ("Scienti(cid:3)c", "e(cid:9)cient").
# The code is the font's own, so the letters are found per document: the ligature that makes the
# most words the English dictionary knows out of the words holding that code alone. A code that
# stands apart (a Greek letter in a formula, "(cid:109) < 2") is left as it is.
_CID = re.compile(r"\(cid:(\d+)\)")
_CID_WORD = re.compile(r"[^\W\d_]*(?:\(cid:\d+\)[^\W\d_]*)+")
_CID_IN_WORD = re.compile(r"(?<=[^\W\d_])\(cid:(\d+)\)|\(cid:(\d+)\)(?=[^\W\d_])")
_CID_GUESSES = ("fi", "fl", "ff", "ffi", "ffl")   # the f-ligatures a TeX font has


def _cid_ligatures(text: str) -> str:
    if "(cid:" not in text:
        return text
    votes: dict[str, Counter] = {}
    for word in _CID_WORD.findall(text):
        codes = set(_CID.findall(word))
        if len(codes) != 1 or not _CID.sub("", word):
            continue
        code = codes.pop()
        tally = votes.setdefault(code, Counter())
        for guess in _CID_GUESSES:
            if _english_known(_CID.sub(guess, word).casefold()):
                tally[guess] += 1
    chosen = {}
    for code, tally in votes.items():
        ranked = tally.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            chosen[code] = ranked[0][0]
    if not chosen:
        return text
    return _CID_IN_WORD.sub(lambda m: chosen.get(m.group(1) or m.group(2), m.group(0)), text)


def normalise(text: str) -> str:
    """Characters only: ligatures, spaces, zero-width marks, line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_SEPARATORS).translate(_LIGATURES)
    text = _cid_ligatures(text)
    text = without_format_characters(text)
    text = _ODD_SPACE.sub(" ", text)
    # A soft hyphen shows only where a line breaks: there it is a hyphenation point, elsewhere nothing.
    # (ABBYY FineReader's text export writes it as the not sign «¬» at the line's end: «Шар¬⏎дара»)
    text = re.sub(r"(?<=[^\W\d_])¬[ \t]*\n(?=[^\W\d_])", _SOFT_HYPHEN + "\n", text)
    text = re.sub(_SOFT_HYPHEN + r" *\n", _SOFT_HYPHEN + "\n", text)
    text = re.sub(_SOFT_HYPHEN + r"(?!\n)", "", text)
    return "\n".join(_MULTISPACE.sub(" ", line).strip() for line in text.split("\n"))


# A document-sharing site's viewer (Scribd, Studylib, Yumpu) saved as text: at each page's end its
# counter ("2 / 6") and its download button, then the sidebar it shows there (other documents'
# titles, "PDF", "No ratings yet", "31 pages") up to the next blank line. The viewer's, not the
# author's: left in, the sidebar's titles break the list or sentence the page cut.
# (and after the last page, from its "You are on page 6/ 6" on, the site's footer: share buttons,
# links, copyright)
_VIEWER_FOOTER = re.compile(r"\n(?:you are on page|вы находитесь на странице) ?\d{1,3} ?/ ?\d{1,4}\n[\s\S]*\Z",
                            re.IGNORECASE)
_VIEWER_PAGE_END = re.compile(r"\n\n*\d{1,3} ?/ ?\d{1,4}\n(?:download(?: now)?|скачать|жүктеу|жүктеп алу)\n"
                              r"(?:[^\n]+\n){0,12}?\n+(?=\S)", re.IGNORECASE)


# The stamp Kazakhstan's e-document systems (eGov, Documentolog and the like) print on each page of
# a file signed with an electronic digital signature: a QR code, the note that under Article 7(1)
# of the Law of 7 January 2003 No. 370-II the electronic document equals one on paper (in Kazakh
# and in Russian), the signing time, the document's code and "Бет / Страница n из m". The
# system's words, not the author's: left in, the law's quoted title is a programme of the work.
_E_SIGNATURE = re.compile(
    r"(?:Осы|Бұл)\s+құжат\s[^\n]{0,40}Электрондық\s+құжат\s+және\s+электрондық\s+цифрлық\s+қолтаңба\s+туралы"
    r"[\s\S]{0,300}?(?:тең|бірдей)\.?"
    r"|Данный\s+документ\s+согласно\s+пункту\s+1\s+статьи\s+7\s+ЗРК[\s\S]{0,300}?бумажном\s+носителе\.?"
    r"|(?m:^(?:ЭЦҚ\s+қойылған|Подписано\s+ЭЦП|Құжат\s+коды|Код\s+документа)\b[^\n\f]*)")


def reflow(text: str, *, laid_out: bool = False, breaks_known: bool = False, body_only: bool = False) -> str:
    """The text with page furniture removed and wrapped paragraphs re-joined; a text that is
    neither laid out (from a PDF) nor hard-wrapped keeps its lines as they are. With
    `breaks_known` a blank line marks every paragraph end within a page (the PDF extractor
    saw it in the geometry); lines are then joined up to it, and only a page break is judged
    from the text. A `body_only` text (Word's body, without its headers and footers) has no
    page furniture to remove: a number alone on its line there is a table cell's."""
    # (the page it ends goes on in the next one's first line, as it would across a page break)
    text = _VIEWER_PAGE_END.sub("\n", _E_SIGNATURE.sub("", normalise(text)))
    text = _VIEWER_FOOTER.sub("\n", text)
    if body_only and not laid_out and not wrap_width(text.split("\n")):
        # (a Word body whose every line is a paragraph, as a PDF converted back to Word leaves it,
        # is wrapped text like any other: it goes on to be joined)
        return text
    text = join_small_capitals(text)
    if laid_out:
        # A run-in heading set in bold loses its space in the text layer: "маңызы.Нәтижелер".
        text = _GLUED_SENTENCE.sub(r"\1. \2", text)
    pages = [page.split("\n") for page in text.split("\f")]
    paged = len(pages) > 1
    lines = [line for page in pages for line in page]
    # On a page, a page number stands at its top or bottom; a number inside it is text ("88-⏎104").
    beside_numbers = set() if paged else _beside_page_numbers(lines)
    title_page, numbered = ({}, 0) if paged else _title_page(lines)
    if not (laid_out or paged or wrap_width(lines) or _local_widths(lines)):
        # a text of a paragraph a line, with page numbers: the header beside each goes with it
        # (a short line repeated elsewhere may be the text's own: "Ключевые слова" in three languages)
        return "\n".join(_drop_page_numbers(_drop_repeated_lines(lines, beside_numbers, title_page, numbered,
                                                                beside_only=True)))
    pages = [_drop_page_numbers(page, edges=2 if paged else None) for page in pages]
    lines = _drop_running_lines(pages) if paged else _drop_repeated_lines([ln for p in pages for ln in p], beside_numbers,
                                                                          title_page, numbered)
    # Latin letters are narrower than Cyrillic ones: each script has its own width in characters.
    widths = {}
    for script in ("cyrillic", "latin"):
        own = [line for line in lines if line and _script(line) == script]
        widths[script] = wrap_width(own, laid_out=True) or wrap_width(lines, laid_out=True)
    if not any(widths.values()):
        return "\n".join(line for line in lines if line != PAGE_BREAK)
    if not (laid_out or paged):
        breaks_known = _blank_lines_part_paragraphs(lines, widths)
    return "\n".join(_join(lines, widths, breaks_known, _local_widths(lines) if not laid_out else None))


# A wrapper that puts a blank line after every paragraph (catdoc's text of an old .doc, `fmt`,
# an e-mail) leaves no paragraph end inside a run of lines: each line but a run's last is filled
# near the margin, and a short one inside a run is rare (a long word pushed over). There the
# blank lines are the author's breaks, and a line that stops short of the margin after «Т.К.» or
# before a capital inside a run is still a wrap. Text broken at the margin with blank lines only
# between sections has its paragraph ends, half of them short, inside the runs.
_RUNS_AT_LEAST = 8
_SHORT_INSIDE_AT_MOST = 0.05


def _blank_lines_part_paragraphs(lines: list[str], widths: dict[str, int]) -> bool:
    runs, inside, short = 0, 0, 0
    for i, line in enumerate(lines):
        if not line:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not following:
            runs += 1
            continue
        inside += 1
        width = widths[_script(line)] or max(widths.values())
        short += len(line) < 0.5 * width
    return runs >= _RUNS_AT_LEAST and inside > 0 and short <= _SHORT_INSIDE_AT_MOST * inside


# Small capitals as pdftotext splits them: the full-size initial apart from the smaller letters
# ("S CIENTIFIC N OVELTY", "A IM OF THE R ESEARCH To assess …").
_SPLIT_CAPITAL = re.compile(r"(?<![^\W\d_])([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]) ([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})(?![^\W\d_])")


def join_small_capitals(text: str) -> str:
    """An initial split from the rest of its word in capitals is joined back where the joined
    word is a word and the rest alone is none ("A BSTRACT"), or where the line splits several
    words so, in capitals up to the last one, and most of them join into words (a heading in
    small capitals: "P ROVISIONS FOR THE D EFENCE"). Ordinary text keeps its spaces ("A B testing", "A MEN" — both words)."""
    if not _SPLIT_CAPITAL.search(text):
        return text
    words = Counter(w.casefold() for w in _WORD.findall(text))
    # The split-off rests ("BSTRACT") are no evidence of themselves.
    words.subtract(Counter(m.group(2).casefold() for m in _SPLIT_CAPITAL.finditer(text)))
    return "\n".join(_join_split_capitals(line, words) for line in text.split("\n"))


def _join_split_capitals(line: str, words: Counter) -> str:
    found = list(_SPLIT_CAPITAL.finditer(line))
    if not found:
        return line
    def is_word(w: str) -> bool:
        w = w.casefold()
        return bool(words[w]) or (_russian_known if _is_cyrillic(w) else _english_known)(w)
    joins = [is_word(m.group(1) + m.group(2)) for m in found]
    # A heading's run: capitals only up to its last split word (its text may run in after it).
    heading = (len(found) >= 2 and 2 * sum(joins) >= len(found)
               and not any(c.islower() for c in line[:found[-1].end()]))
    out, at = [], 0
    for m, joined_is_word in zip(found, joins):
        if heading or (joined_is_word and not is_word(m.group(2))):
            out += [line[at:m.start()], m.group(1) + m.group(2)]
            at = m.end()
    return "".join(out) + line[at:]


# `catdoc` wraps an old .doc's text at 72 bytes of its output, so a Cyrillic text in UTF-8 or
# Windows-1251 comes out 36–40 letters a line.
_NARROWEST = 30


_ENTRY = re.compile(r"\s*\d{1,3}[.)]\s")


def wrap_width(lines: list[str], *, laid_out: bool = False) -> int:
    """The right margin in characters when the lines are hard-wrapped, else 0.

    Wrapped prose ends most of its lines just short of one width and almost never runs past it;
    text written one paragraph per line has lines of every length, many far longer. A laid-out
    text is wrapped by definition: only its width is wanted."""
    lengths = [len(line) for line in lines if len(line) > 1]
    if len(lengths) < (3 if laid_out else 12):
        return 0
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if laid_out:
        return width
    if not _NARROWEST <= width <= 140:
        return 0
    near = sum(0.75 * width <= n <= width + 2 for n in lengths) / len(lengths)
    # (a numbered entry may run past the margin: a reference list left one entry a line under
    # wrapped prose)
    over = sum(len(line) > width * 1.15 for line in lines if not _ENTRY.match(line)) / len(lengths)
    # Measured: wrapped abstracts have 42–75% of lines near the width and none past it; texts
    # written one paragraph per line at most 29% near it and 3.4% or more far past it. A
    # narrow margin is also what a page of short lines (a title page, a list) has, so there
    # the lines must crowd the margin as a wrapper's do.
    return width if near >= (0.35 if width >= 40 else 0.6) and over <= 0.02 else 0


def _drop_page_numbers(lines: list[str], edges: int | None = None) -> list[str]:
    """Lines that are only a page number, among the first and last `edges` lines of text
    (anywhere when None), and a browser's print header or footer at the edges, unless the line
    before ends in a dash the number completes."""
    content = [i for i, line in enumerate(lines) if line]
    where = set(content) if edges is None else set(content[:edges] + content[-edges:])
    # (a browser's print header and footer only at a page's or the text's edge: a date and time
    # inside the text may be the defence's)
    edge = set(content[:edges or 2] + content[-(edges or 2):])
    out = []
    for i, line in enumerate(lines):
        if (i in where and _PAGE_NUMBER.match(line) or i in edge and _BROWSER_PRINT.match(line)) \
                and not (out and out[-1].endswith(("-", "–"))):
            continue
        out.append(line)
    return out


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _drop_running_lines(pages: list[list[str]]) -> list[str]:
    """Lines that stand at the top or bottom of at least half the pages (numbers aside) are
    running headers or footers."""
    edge = Counter()
    for page in pages:
        content = [line for line in page if line]
        edge.update({_key(line) for line in content[:2] + content[-2:]})
    need = max(2, (len(pages) + 1) // 2)
    running = {k for k, n in edge.items() if n >= need and len(k) <= 120}
    out = []
    for page in pages:
        content = [line for line in page if line]
        top, bottom = set(content[:2]), set(content[-2:])
        kept = [line for line in page if not ((line in top or line in bottom) and _key(line) in running)]
        while kept and not kept[0]:
            kept.pop(0)
        while kept and not kept[-1]:
            kept.pop()
        # A page break is judged like a line break: a paragraph runs on over it or ends there.
        out += kept + [PAGE_BREAK]
    return out[:-1]


def _beside_page_numbers(lines: list[str]) -> set[str]:
    """Keys of the lines next to a page number alone on its line (blank lines aside): where a
    page ends and the next begins when the text has no form feeds."""
    content = [line for line in lines if line]
    out = set()
    for i, line in enumerate(content):
        if _PAGE_NUMBER.match(line):
            out.update(_key(content[j]) for j in (i - 1, i + 1) if 0 <= j < len(content))
    return out


def _title_page(lines: list[str]) -> tuple[dict[int, bool], int]:
    """Where the lines inside the first page's text stand, before its page number (each with
    whether a line of text stands right above it), and how many pages are numbered. A running
    header that repeats the author's name or the title in full repeats a line of the title page,
    which is the title page's own there: it stands inside the title page's block of lines, or the
    line stands once more than the pages are numbered (the title page, unnumbered, carries no
    header). A line after a blank one may open the next page instead (a title page has no
    number), so it needs the count. The text's first line and the two lines above the number (the
    page's header and footer) are neither. (The page numbers dropped are all after these lines:
    their places hold.)"""
    numbers = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)]
    end = numbers[0] if numbers else 0
    content = [i for i in range(end) if lines[i]]
    return {i: bool(lines[i - 1]) for i in content[1:-2]}, len(numbers)


_CONTENTS_LINE = 60


def _drop_repeated_lines(lines: list[str], beside_numbers: set[str] = frozenset(),
                         title_page: dict[int, bool] | None = None, numbered: int = 0,
                         beside_only: bool = False) -> list[str]:
    """Without page breaks, a header is a short line repeated at least three times that is
    neither a heading ending in a colon nor a list item; or repeated twice, once beside a page
    number (a two-page text: the header of the first page and of the second, which may be
    shorter than the work's title, as an ISSN line or a shortened title is). `beside_only`: only
    the lines repeated beside page numbers."""
    # (beside page numbers a line of any length: an e-licence notice printed at every page's foot)
    counts = Counter(_key(line) for line in lines if len(line) >= 8)
    running = {k for k, n in counts.items()
               if (n >= 3 and len(k) <= 120 and not beside_only or n >= 2 and k in beside_numbers)
               and not k.endswith(":") and not _LIST_START.match(k) and any(c.isalpha() for c in k)}
    if beside_only:
        # (the page numbers still among the lines) each copy but the first beside one; and a number
        # between two short lines is a contents entry's page («Научная новизна⏎4⏎Положения, …»), not
        # the foot of a page of text: the heading it names is the text's own
        content = [i for i, line in enumerate(lines) if line]
        numbers = {i for k, i in enumerate(content) if _PAGE_NUMBER.match(lines[i]) and not (
            (k == 0 or len(lines[content[k - 1]]) <= _CONTENTS_LINE)
            and (k + 1 == len(content) or len(lines[content[k + 1]]) <= _CONTENTS_LINE))}
        beside = {i for k, i in enumerate(content)
                  if (k and content[k - 1] in numbers) or (k + 1 < len(content) and content[k + 1] in numbers)}
        copies: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            if _key(line) in running:
                copies.setdefault(_key(line), []).append(i)
        running = {k for k in running if all(i in beside for i in copies[k][1:])}
    # The first page's copy of a two-page header, when it opens the text, is also the
    # document's own first line (often all it says of what it is: "Аннотация диссертации …
    # доктора философии (PhD)"): kept there, dropped where it interrupts the text.
    first = next((i for i, line in enumerate(lines) if line), None)
    keep = set()
    for i, inside in sorted((title_page or {}).items()):
        k = _key(lines[i])
        if k in running and (inside or counts[k] == numbered + 1) and not any(_key(lines[j]) == k for j in keep):
            keep.add(i)
    keep |= {first} if first is not None and counts[_key(lines[first])] == 2 else set()
    return [line for i, line in enumerate(lines) if i in keep or _key(line) not in running]


def vocabulary(lines: list[str]) -> tuple[Counter, Counter]:
    """Words of the document (hyphenated ones whole and by part), and the first parts of its
    hyphenated words; the pieces of words broken at a line end are left out (they would vouch
    for themselves)."""
    words, firsts = Counter(), Counter()
    broken = False
    for line in lines:
        found = _WORD.findall(line)
        if broken and found and line.startswith(found[0]):
            found = found[1:]
        broken = bool(_HYPHEN_END.search(line))
        if broken and found:
            # a compound broken after its hyphen inside the line ("тарихи-филоло-"): the parts
            # before the break are whole, and the first is a compound's first part
            *whole, _ = re.split("[-‐]", found.pop().casefold())
            words.update(whole)
            firsts.update(whole[:1])
        for w in found:
            w = w.casefold()
            words[w] += 1
            parts = re.split("[-‐]", w)
            if len(parts) > 1:
                words.update(parts)
                firsts[parts[0]] += 1
    return words, firsts


# A text extracted from a page of two widths (`pdftotext -raw` of a journal: the abstract across
# the page, the body in two columns) is wrapped at two margins. Found where the lines crowd a
# narrow margin that is at most this share of the wide one; each line is then judged against the
# margin of the lines around it.
_NARROW_SHARE = 0.65
_AROUND = 3


def _local_widths(lines: list[str]) -> list[int] | None:
    lengths = sorted(len(line) for line in lines if len(line) > 1 and line != PAGE_BREAK)
    if len(lengths) < 40:
        return None
    median = lengths[len(lengths) // 2]
    short = [n for n in lengths if n <= median * 1.4]
    narrow = short[int(len(short) * 0.9) - 1]
    wide_lines = [n for n in lengths if n > narrow * 1.4]
    if narrow < _NARROWEST or len(wide_lines) < 8:
        return None
    wide = wide_lines[int(len(wide_lines) * 0.9) - 1]
    if narrow > wide * _NARROW_SHARE or \
            sum(0.75 * narrow <= n <= narrow + 2 for n in short) / len(short) < 0.35 or \
            sum(0.75 * wide <= n <= wide + 2 for n in wide_lines) / len(wide_lines) < 0.5:
        return None
    sizes = [len(line) if line != PAGE_BREAK else 0 for line in lines]
    return [max(sizes[max(0, i - _AROUND):i + _AROUND + 1]) for i in range(len(lines))]


def _join(lines: list[str], widths: dict[str, int], breaks_known: bool = False,
          local: list[int] | None = None) -> list[str]:
    words = vocabulary([line for line in lines if line != PAGE_BREAK])
    out: list[str] = []
    last = ""       # the previous line as laid out: its length is what tells a wrap
    page_break = False
    last_at = -1

    def margin() -> int:
        # (a page of two widths: the margin of the lines around the previous one)
        return local[last_at] if local is not None and last_at >= 0 else widths[_script(last)]

    for at, line in enumerate(lines):
        if line == PAGE_BREAK:
            page_break = True
            continue
        if not line:
            last = ""
            continue
        if CONTENTS_ENTRY.match(last):
            # A contents entry ends at its page number, however close to the margin the
            # leader took it: the next entry or heading is a line of its own.
            joins = False
        elif breaks_known and not page_break:
            # The geometry saw a forced wrap: only a heading's end overrides it (a capitals
            # heading wraps onto more capitals, and a colon ends a line before its list or text).
            # (and the document's name in capitals under a title in mixed case, "… embolisation" ⏎
            # "ANNOTATION", is never the title's last word)
            joins = bool(last) and not ((_ABSTRACT_LABEL.match(line) or _LABEL_START.match(line))
                                        and not _HYPHEN_END.search(last)) \
                and not (_next_lettered_item(out[-1], line) and _SENTENCE_END.search(last)) \
                and not (_DOCUMENT_WORD.match(line) and not _capitals(last)) and (
                bool(_MARKER_ONLY.match(last)) or (
                not (_is_heading(last, margin()) and not (_capitals(last) and _capitals(line)))
                and (not _LIST_START.match(line) or _dash_inside_sentence(last, line, margin(), out[-1]))))
        else:
            joins = bool(last) and _continues(last, line, margin(), out[-1])
        if joins:
            out[-1] = _glue(out[-1], line, words)
        else:
            out.append(line)
        last, page_break, last_at = line, False, at
    return [_mended(line, words) for line in out]


# What OCR leaves of a typed page inside a line: a word hyphenated at a line end whose halves
# the recognised text set on one line ("иссле- дования"), and a stray bar read from a margin
# rule or a speck at a paragraph's start ("| Актуальность темы …"), a table's bar only when
# the line has others.
_BROKEN_INSIDE = re.compile(r"(?<![\w-])([^\W\d_]*[a-zа-яёәғқңөұүһі])- ([a-zа-яёәғқңөұүһі][^\W\d_]*)")
_STRAY_BAR = re.compile(r"^\|\s+(?=[^\W\d_«\"(])")


def _mended(line: str, vocabulary: tuple[Counter, Counter]) -> str:
    words = vocabulary[0]

    def joined(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        whole = (left + right).casefold()
        known = _russian_known if _is_cyrillic(whole) else _english_known
        # ("тепло- и энергоснабжение", "pre- and post-war": a part left for the word after; kept)
        if len(left) < 2 or len(right) < 2 or words[f"{left}-{right}".casefold()] or not (words[whole] or known(whole)):
            return m.group(0)
        return left + right

    if "|" not in line[1:]:
        line = _STRAY_BAR.sub("", line)
    return _BROKEN_INSIDE.sub(joined, line) if "- " in line else line


# A letter and a full stop opens an item only after the letter before it opened the item it
# follows ("b. …" ⏎ "c. …", "C. …" ⏎ "D. The …"): alone it may be "c. 1900", "e.g.", a
# sentence's end, an initial ("D. Smith").
_LETTERED = re.compile(r"^([a-zа-яA-ZА-Я])\.\s")


def _next_lettered_item(paragraph: str, line: str) -> bool:
    this, before = _LETTERED.match(line), _LETTERED.match(paragraph)
    return bool(this and before and ord(this.group(1)) == ord(before.group(1)) + 1)


def _continues(previous: str, line: str, width: int, paragraph: str) -> bool:
    if _MARKER_ONLY.match(previous):
        return True          # "10)" set apart from its text by a tab stop
    if line[:2] in (", ", "; "):
        return True          # a byline broken at each author's superscript («Жақыпбеков1*» ⏎ «, А.Т. …»)
    if _LIST_START.match(line) and not _dash_inside_sentence(previous, line, width, paragraph):
        return False
    if _next_lettered_item(paragraph, line) and _SENTENCE_END.search(previous):
        return False
    if _RANGE_END.search(previous) and line[:1].isdigit():
        return True          # pages 88-⏎104
    # (a full stop after capitals alone is an initial's, «… ұғымдары, А.» ⏎ «Шопенгауэрдің …»,
    # when a capitalised word follows)
    ends_sentence = bool(_SENTENCE_END.search(previous)) and not (
        _INITIALS_END.search(previous) and line[:1].isupper() and line[1:2].islower())
    if _is_heading(previous, width) or (ends_sentence and _is_heading(line, width)):
        return False
    if (_LABEL_START.match(line) or _ABSTRACT_LABEL.match(line)) and not _HYPHEN_END.search(previous):
        return False         # "Abstract: …", "Түйін сөздер: …" open their own paragraph
    if _capitals(line) and (len(line.split()) >= 2 or _DOCUMENT_WORD.match(line)) and not _capitals(previous) \
            and not _HYPHEN_END.search(previous):
        return False         # "SURNAME NAME PATRONYMIC" or a heading in capitals under a line of mixed case
        #                      that reached the margin: a line of its own, never a wrapped sentence's tail
    if _FULL_NAME_LINE.match(line) and not _HYPHEN_END.search(previous):
        return False         # the author's name in full under the university's line of the title page
    if ends_sentence and _STANDALONE.match(line) and len(line) < width * 0.5:
        return False         # "Кіріспе", "Introduction" on a line of their own after a sentence
    first = line.split(" ", 1)[0]
    if _HYPHEN_END.search(previous):
        return True
    # The author broke the line if the next word would have fitted on it (a margin of 12%
    # for proportional fonts, where characters are not all one width).
    if len(previous) + 1 + len(first) <= width * 0.88:
        return False
    # A sentence ending short of the margin, before a capital, ends its paragraph: a justified
    # line inside a paragraph is stretched to the margin.
    if ends_sentence and first[:1].isupper() and len(previous) < width * 0.93:
        return False
    return True


def _dash_inside_sentence(previous: str, line: str, width: int, paragraph: str) -> bool:
    """A dash opening a line that carries on a full line is punctuation (the "– 2020. – P. 42"
    of a citation, or "«…» – ұсынылды;" inside a dashed item), not a dashed list item: items
    follow a colon or semicolon, a dashed item's full stop, or a line that stopped short."""
    if line[:1] not in "-–—" or previous.endswith((":", ";")):
        return False
    if paragraph[:1] in "-–—" and previous.endswith((".", "!", "?")):
        return False   # a dashed item ended: the dash opens the next one
    return len(previous) >= width * 0.85


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _is_heading(line: str, width: int) -> bool:
    """A line in capitals (ОБЪЕКТ ИССЛЕДОВАНИЯ) or a short one ending in a colon (Зерттеу міндеттері:)."""
    return _capitals(line) or (len(line) < width * 0.75 and line.endswith(":"))


def _glue(previous: str, line: str, vocabulary: tuple[Counter, Counter]) -> str:
    if _RANGE_END.search(previous) and line[:1].isdigit():
        return previous + line
    if line[:2] in (", ", "; "):
        return previous + line       # (no space before the comma a line opens with)
    m = _HYPHEN_END.search(previous)
    nxt = _LEADING_WORD.match(line)
    if not m or not nxt:
        return f"{previous} {line}"
    left, right = m.group(1), nxt.group(1)
    if previous.endswith("\u00ad") or not keeps_hyphen(left, right, *vocabulary):
        return previous[: m.end(1)] + line
    return previous[: m.end(1)] + "-" + line


def keeps_hyphen(left: str, right: str, words: Counter, firsts: Counter | None = None) -> bool:
    """Whether `left-` at a line end and `right` on the next line are a hyphenated compound
    (keep the hyphen) rather than one word broken by hyphenation (join). The document's own
    words decide first, then a dictionary: pymorphy3's for Cyrillic (Russian; Kazakh words
    are unknown to it and fall to the document's evidence), pyspellchecker's for English."""
    firsts = firsts or Counter()
    joined, compound = (left + right).casefold(), f"{left}-{right}".casefold()
    if words[compound]:
        return True
    if words[joined]:
        return False
    if right[:1].isupper():
        return True          # Kazakh-German, Алматы-Астана
    if firsts[left.casefold()]:
        return True          # non-state elsewhere: non-governmental; социально-… elsewhere
    known = _russian_known if _is_cyrillic(joined) else _english_known
    if known(joined):
        return False
    return _is_word(left, words, known) and _is_word(right, words, known)


def _is_word(part: str, words: Counter, known) -> bool:
    return bool(words[part.casefold()]) or (len(part) >= 3 and known(part.casefold()))


def _russian_known(word: str) -> bool:
    # pymorphy3 guesses a parse for any string; word_is_known asks its dictionary only.
    return morphology._analyzer().word_is_known(word)


@lru_cache(maxsize=1)
def _english():
    from spellchecker import SpellChecker
    return SpellChecker(language="en", distance=1)


def _english_known(word: str) -> bool:
    return word.isascii() and word in _english()


def _script(line: str) -> str:
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in line)
    latin = sum("a" <= c.lower() <= "z" for c in line)
    return "cyrillic" if cyrillic >= latin else "latin"


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)
