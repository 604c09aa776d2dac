"""Clean text → sections: each paragraph goes to the section whose heading came last. A paragraph
holding several sections ("Цель работы — … . Объект исследования — …") is cut where a heading
opens a sentence; an unknown heading in capitals ends the section before it.

The preamble (title block, "ABSTRACT of the dissertation …") is kept as section ``preamble``.
A kind seen once and left is not re-opened by a sentence that merely mentions it ("Thus, the
relevance of …" inside the relevance section, "the methods of …" inside a provision): only a
stand-alone heading can open a section twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import headings, reflow


@dataclass
class Section:
    kind: str
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    # the number the heading stood behind ("14. Теориялық маңыздылығы"), when it had one
    number: int | None = None
    # opened by a list's introduction ("… the following tasks were set:"), not by a heading
    intro: bool = False

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: list[str]) -> str:
    """Join lines into paragraphs, mending hard line wraps: a line that does not end a sentence
    continues on the next one, unless the next one opens a list item."""
    out: list[str] = []
    words = None
    for line in lines:
        if out and out[-1][-1:] not in ".!?:;»\"”)" and not headings.LIST_MARKER.match(line):
            left, right = _HYPHENATED_END.search(out[-1]), _FIRST_WORD.match(line)
            if left and right:
                # a word broken at the line end, or a compound ("project-⏎based"): as reflow decides
                words = words or reflow.vocabulary(lines)
                keep = reflow.keeps_hyphen(left.group(1), right.group(0), *words)
                out[-1] = out[-1] + line if keep else out[-1][:-1] + line
            else:
                out[-1] = out[-1][:-1] + line if out[-1].endswith("-") and line[:1].islower() else out[-1] + " " + line
        else:
            out.append(line)
    return "\n".join(out)


_HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


# "1. Актуальность темы", "2 Объект исследования", "1.2 Methods", "II. Novelty", "§ 3. Задачи":
# a section number (the paragraph sign is the number's, as in a law's or a textbook's sections)
_SECTION_NUMBER = re.compile(r"^\s*(?:§\s*)?(?P<n>\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})(?P<p>[.)]?)[ \t]+(?=[^\W\d_])")


# A number that is an item's, not the head of a code ("8D05110 – Bioinformatics" on a title page
# is a specialty code: read as item 8, it made the "1) Relevance" after it a list's next item).
_ITEM_NUMBER = re.compile(r"^\s*(?P<n>\d{1,2})(?P<p>[.)]|(?![\w.]))(?![\d.])")


def _numbered_heading(line: str, lang: str, current: Section, seen: set[str]) -> tuple[headings.Heading, str] | None:
    """A heading behind a section number, unless the line is the next item of the list being
    read ("5) Методы …" after "4) …" in a list of tasks stays an item)."""
    m = _SECTION_NUMBER.match(line)
    if m is None:
        return None
    rest = line[m.end():]
    h = headings.match(rest, lang)
    if h is None or h.kind in seen or h.kind == current.kind:
        return None
    numbered = [x for x in map(_ITEM_NUMBER.match, current.lines) if x]
    if current.kind in headings.LIST_KINDS or current.kind in ("approbation", "publications") or numbered:
        # Inside a list (or a publication list) a number that continues the list is an item;
        # another number heads a section only before a stand-alone heading, one run into its
        # text, or one made of heading words alone ("5. Research methods. …").
        previous = [int(x.group("n")) for x in numbered if x.group("p") == m.group("p")]
        n = int(m.group("n")) if m.group("n").isdigit() else None
        if _section_numbers(current, previous) and n == previous[-1] + 1:
            # The numbers inside go on from the one the section's own heading stood behind
            # ("14. Significance" then "15. Recommendations. …", "16. …"): every section is an
            # item of one numbered list, and those were headings of unknown kinds, not items.
            return h, rest
        continues = n == 1 or (previous and n == previous[-1] + 1)
        if continues or (h.rest and h.shape != "run-in" and not headings.heading_phrase(h.text, lang)):
            return None
    return h, rest


def _section_numbers(current: Section, numbers: list[int]) -> bool:
    return (current.number is not None and bool(numbers)
            and numbers == list(range(current.number + 1, current.number + 1 + len(numbers))))


# After a contents heading, an entry may end in its page number after a plain space (a Word
# tab read as a space) or have the number on the next line (a table's cell).
_PAGE_AT_END = re.compile(r"^\S.{0,150}?\D\s(?:\d{1,3})$")
_PAGE_ALONE = re.compile(r"^\d{1,3}$")


def without_contents(paragraphs: list[str]) -> list[str]:
    """The paragraphs less any table of contents: its entries name the sections ("Scientific
    novelty ..... 3") and would open them, empty, before the text. A contents heading goes
    with the entries that follow it; a line with a leader and a page number goes anywhere."""
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        line = paragraphs[i].strip()
        if headings.CONTENTS_HEADING.match(line):
            end = _contents_end(paragraphs, i + 1)
            if end - i > 2:   # the heading and at least two entries: a table of contents
                i = end
                continue
            # an e-book converter's contents: the headings alone, no page numbers (calibre)
            end = _bare_contents_end(paragraphs, i + 1)
            if end - i > 4:
                i = end
                continue
        if not headings.CONTENTS_ENTRY.match(line):
            out.append(paragraphs[i])
        i += 1
    return out


def _bare_contents_end(paragraphs: list[str], i: int) -> int:
    """Where a run of section headings alone on their lines, starting at `i`, ends (each a
    heading of the abstract in some language, or the document's own name)."""
    while i < len(paragraphs):
        line = paragraphs[i].strip()
        if line and len(line.split()) <= 10 and (any(headings.match(line, lang) for lang in ("kk", "ru", "en"))
                                                  or _DOCUMENT_NAME_LINE.match(line)):
            i += 1
        else:
            break
    return i


_DOCUMENT_NAME_LINE = re.compile(r"(?i)^(?:\S+\s+){0,3}(?:аңдатпа|аңдатпасы|аннотация|автореферат|abstract)\w*$")


def _contents_end(paragraphs: list[str], i: int) -> int:
    """Where the entries that start at `i` end."""
    while i < len(paragraphs):
        line = paragraphs[i].strip()
        if headings.CONTENTS_ENTRY.match(line) or _PAGE_AT_END.match(line):
            i += 1
        elif i + 1 < len(paragraphs) and _PAGE_ALONE.match(paragraphs[i + 1].strip()) and not _PAGE_ALONE.match(line):
            i += 2
        else:
            break
    return i


# A heading followed by its translation after a slash or a bar, or with it in brackets:
# «ҒЫЛЫМИ ЖАҢАЛЫҒЫ / НАУЧНАЯ НОВИЗНА», «Зерттеудің мақсаты / Цель исследования – …»,
# «Задачи исследования | Objectives of the research», «Научная новизна (Scientific novelty)».
_SLASH = re.compile(r"\s+[/|]\s+|\s*[(\[](?=[^\W\d_])")
_CLOSE_BRACKET = re.compile(r"\s*[)\]]")
_WORD = re.compile(r"\S+")
_HEADING_END = re.compile(r"[.:–—-]+$")


def _heading_language(phrase: str, lang: str) -> tuple[str, set[str]] | None:
    """The language in which `phrase` is a heading made of heading words alone (the document's
    language first), and the kinds it names."""
    for other in (lang, *(x for x in headings.KEYWORDS if x != lang)):
        kinds = headings.heading_phrase(phrase, other)
        if kinds:
            return other, set(kinds)
    return None


def one_language(line: str, lang: str) -> str:
    """A bilingual heading is one heading, read in the document's language: the translation
    goes, and what follows it (a separator, the text run in) stays. Both halves must be headings
    made of heading words alone ("Ғылыми жаңалығы / Научная новизна"), so a slash in prose
    ("and / or") stays. Either half may be the document's: a template in another language puts
    its own wording first («Задачи исследования / Objectives of the research» in an English
    abstract), and then the first half goes; then both halves must name the same kind."""
    slash = _SLASH.search(line)
    if slash is None or slash.start() > 120:
        return line
    first = _heading_language(line[:slash.start()], lang)
    if first is None:
        return line
    bracket = slash.group().strip() in "(["
    words = list(_WORD.finditer(line, slash.end()))[:10]
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        phrase = line[slash.end():end]
        bare = _HEADING_END.sub("", phrase.rstrip(")]") if bracket else phrase)
        if bracket:
            # the translation in brackets ends at its closing bracket
            close = _CLOSE_BRACKET.match(line, slash.end() + len(bare))
            if close is None:
                continue
            after = close.end()
        else:
            after = slash.end() + len(bare)
        second = _heading_language(bare, lang) if bare else None
        if second is None:
            continue
        if first[0] == lang:
            return line[:slash.start()] + line[after:]
        if second[0] == lang and first[1] & second[1]:
            return line[slash.end():slash.end() + len(bare)] + line[after:]
        return line
    return line


# OCR's usual misreadings in Latin script: l read as I or 1 ("noveIty"), m as rn ("systerns").
_OCR_L = re.compile(r"(?<=[a-z])[I1|](?=[a-z]|$)")
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z1|]*$")
_OCR_AHEAD = 6   # a heading's words


def ocr_mended(line: str) -> str:
    """The line with its first words read as OCR misread them undone, each only where the word
    as printed is no English word and the mended one is: l for I/1 inside a word, m for rn, and
    a word split by a stray space ("Approbati on") joined. Only a heading is looked for in the
    mended line; the text keeps its letters."""
    words = line.split(" ")
    out, i = [], 0
    while i < len(words):
        word = words[i]
        if i >= _OCR_AHEAD:
            out.append(word)
            i += 1
            continue
        core, tail = re.match(r"^(.*?)([^\w]*)$", word).groups()
        if not _LATIN_WORD.match(core) or reflow._english_known(core.lower()):
            out.append(word)
            i += 1
            continue
        for mended in (_OCR_L.sub("l", core), core.replace("rn", "m"), _OCR_L.sub("l", core).replace("rn", "m")):
            if reflow._english_known(mended.lower()):
                out.append(mended + tail)
                i += 1
                break
        else:
            joined = core + words[i + 1] if i + 1 < len(words) and not tail else ""
            joined_core, joined_tail = re.match(r"^(.*?)([^\w]*)$", joined).groups()
            if joined_core and reflow._english_known(joined_core.lower()):
                out.append(joined_core + joined_tail)
                i += 2
            else:
                out.append(word)
                i += 1
    return " ".join(out)


def split(paragraphs: list[str], lang: str) -> list[Section]:
    sections: list[Section] = [Section("preamble")]
    seen: set[str] = set()
    paragraphs = without_contents(paragraphs)
    asked = _asks_its_headings(paragraphs, lang)
    for paragraph in paragraphs:
        if _TITLE_PAGE_LABEL.match(paragraph.strip()):
            continue   # a template's or an outliner's label over the title page, not a line of it
        paragraph = one_language(paragraph, lang)
        for part_no, part in enumerate(headings.run_in_parts(paragraph, lang)):
            h, line = _heading(part, lang, sections, seen, asked)
            if h is not None and h.kind == "other" and _heading_goes_on(sections[-1], line):
                sections[-1].heading += " " + line
                continue
            if h is None:
                promised = _promised_list(sections, lang)
                if promised is not None and _FIRST_ITEM.match(line):
                    # «… келесі міндеттер қойылды:», then a hypothesis in a paragraph of its own,
                    # then «1) …»: the numbered list is the one promised before the paragraph
                    sections.append(Section(promised.kind))
                _add(sections[-1], line, joined=part_no > 0)
            else:
                opened = len(sections)
                _open(sections, seen, h, line)
                number = _SECTION_NUMBER.match(part)
                if len(sections) > opened and number and number.group("n").isdigit():
                    sections[-1].number = int(number.group("n"))
    if not sections[0].lines:
        sections.pop(0)
    return merge(sections)


_FIRST_ITEM = re.compile(r"^\s*(?:1[.)]|\(1\))\s*\S")


def _promised_list(sections: list[Section], lang: str) -> Section | None:
    """The list section a list introduction opened and left empty ("… the following tasks were
    set:"), or a heading naming both ("Aim and tasks", «Цель и задачи»), when the section read
    now is another, a definition's (a hypothesis, an aim) that came between it and the list."""
    current = sections[-1]
    if current.kind in headings.LIST_KINDS or current.kind in ("preamble", "abstract", "other"):
        return None
    before = sections[-2] if len(sections) >= 2 else None
    if before is not None and before.kind in headings.LIST_KINDS and not before.lines and (
            before.intro or current.kind in headings.kinds_named(before.heading, lang)):
        return before
    return None


_TITLE_PAGE_LABEL = re.compile(r"^(?:#+\s*)?(?:title\s+page|cover\s+page|титульн(?:ый\s+лист|ая\s+страница)|"
                               r"титулдық\s+(?:парақ|бет))\w*[.:]?$", re.I)


def _heading(line: str, lang: str, sections: list[Section], seen: set[str],
             asked: bool = False) -> tuple[headings.Heading | None, str]:
    """The heading that opens a new section at `line` (None when the line is content), and the
    line less any section number before that heading."""
    current = sections[-1]
    summary = _FOREIGN_SUMMARY.match(line)
    if summary and _SUMMARY_LANGUAGE[summary.group(1)[:2].upper()] != lang and seen:
        # an autoreferat's closing summary in another language («ТҮЙІН …», "SUMMARY …" after a
        # Russian text) is a translation: a section of its own, never the tail of the conclusions
        return headings.Heading("other", summary.group(1), line[summary.end():].strip()), line
    caption = _list_caption(line, lang)
    if caption is not None and caption.kind not in seen:
        return caption, line
    label = _label(line)
    if label is not None and (label[0] == current.kind or label[1] == 1):
        # A labelled item: the next one of the list being read, or the first of its list.
        return (None if label[0] == current.kind else headings.Heading(label[0], "", line, shape="label")), line
    h = headings.match(line, lang)
    if h is None:
        mended = ocr_mended(line)
        h = headings.match(mended, lang) if mended != line else None
        if h is not None:
            line = mended
    if h is None:
        h = _foreign_heading(line, lang, seen)
    if h is None:
        numbered = _numbered_heading(line, lang, current, seen)
        if numbered is not None:
            h, line = numbered
    if h is None:
        return _unknown_heading(line, current, lang, asked), line
    if (h.kind in headings.WEAK_KINDS and h.shape.startswith("run-in") and not current.lines
            and current.kind not in ("preamble", "abstract") and current.heading):
        # A stand-alone heading's section is still empty: the generic word run into the next
        # line ("Results were discussed at …", "Нәтижелер … талқыланды") begins its content.
        return None, line
    if current.kind in headings.LIST_KINDS and h.kind == "research" and line.endswith(":"):
        # "Methodological results:" before a numbering that starts again: a group of the
        # list's items, not a section of results.
        return None, line
    if current.kind in ("preamble", "abstract") and h.shape not in ("intro", "foreign", "question") and not (
            headings.heading_phrase(h.text, lang) or not h.rest and headings.heading_line(h.text, lang)):
        # On the title page a heading is made of heading words alone: "Методы обучения
        # математике в сельских школах: опыт Казахстана" is the dissertation's title.
        return None, line
    if h.kind == current.kind and h.kind not in headings.LIST_KINDS:
        # The heading repeated as the first words of its own content ("The purpose of the
        # work. The purpose of the work is …"), or a sentence restating it: content.
        return (None if (h.rest or not current.lines) else h), line
    if h.kind in seen and h.kind != current.kind and h.rest and h.kind != "significance" and not (
            h.shape == "intro" and not any(s.lines for s in sections if s.kind == h.kind)):
        # A kind seen and left is re-opened only by a stand-alone heading, or by the list
        # introduction its empty heading promised ("Aim and tasks" … "the following tasks: 1) …").
        return None, line
    if current.kind in headings.LIST_KINDS and h.kind in headings.DEFINITIONAL_KINDS and h.kind in seen:
        return None, line
    return h, line


# The closing summaries of an autoreferat, in capitals: «ТҮЙІН» / «ТҮЙІНДЕМЕ» (Kazakh; «Т?ЙІН» where
# a Windows-1251 copy lost its Kazakh letters), «РЕЗЮМЕ» (Russian), "SUMMARY" / "RESUME" (English)
_FOREIGN_SUMMARY = re.compile(r"^(ТҮЙІНДЕМЕ|ТҮЙІН|Т\?ЙІН|РЕЗЮМЕ|SUMMARY|RESUME)(?![\w?])[.:]?\s*")
_SUMMARY_LANGUAGE = {"ТҮ": "kk", "Т?": "kk", "РЕ": "ru", "SU": "en", "RE": "en"}


def _foreign_heading(line: str, lang: str, seen: set[str]) -> headings.Heading | None:
    """A heading standing alone in another of the three languages: a template half translated
    leaves some headings in its own language («Научная новизна» over Kazakh items). Only a line
    that is a heading made of heading words alone, naming a kind not yet read, is taken: a
    translation of the abstract further on («Aim of the study …» on an English page) opens no
    section the document has already had."""
    bare = line.strip().rstrip(".:")
    if not bare or len(bare.split()) > 9:
        return None
    for other in headings.KEYWORDS:
        if other == lang:
            continue
        kinds = headings.heading_phrase(bare, other)
        if len(kinds) == 1 and kinds[0] not in seen:
            return headings.Heading(kinds[0], bare, "", shape="foreign")
    return None


# A table's caption: "Table 1 – …", "Таблица 2. …", "3-кесте – …".
_CAPTION = re.compile(r"^(?:(?:table|таблица|кесте)\s*(?:№\s*)?\d+(?:\.\d+)*|\d+(?:\.\d+)*\s*-\s*кесте)\s*[–—.:-]\s*(?P<rest>\S.*)$",
                      re.I)


def _list_caption(line: str, lang: str) -> headings.Heading | None:
    """A table whose caption opens with a list's heading ("Table 1 – Objectives of the study and
    the chapters …") holds that list, one item a row: the caption opens the list's section."""
    m = _CAPTION.match(line)
    if m is None:
        return None
    words = m.group("rest").split()
    for n in range(min(len(words), 8), 0, -1):
        kinds = headings.heading_phrase(" ".join(words[:n]), lang)
        if kinds and kinds[0] in headings.LIST_KINDS:
            return headings.Heading(kinds[0], line, "", shape="caption")
    return None


# The first item of a list labelled with the list's own word: "Task 1:", "Задача 1.",
# "1-міндет.", "Положение 1.", "Provision 1." (Word's numbering writes such labels).
_LABELS = {
    "tasks": r"task|objective|задача|міндет|тапсырма",
    "provisions": r"provision|proposition|thesis|положение|тезис|тұжырым|қағида|ереже",
}


def _label(line: str) -> tuple[str, int] | None:
    """The list kind and number of an item labelled with the list's own word. The first such
    item goes to its list wherever another section is being read (the tasks after "The aim is
    …" under an "Aim and objectives" heading); the next ones are items, not headings."""
    for kind, words in _LABELS.items():
        m = re.match(rf"^(?:(?:{words})\s*(?:№\s*)?(?P<n>\d{{1,2}})|(?P<k>\d{{1,2}})\s*-\s*(?:{words})\w*)\s*[.:)–—]\s+\S",
                     line, re.I)
        if m:
            return kind, int(m.group("n") or m.group("k"))
    return None


# A stand-alone line in capitals that names no kind known here ("ИСТОЧНИКИ И ЛИТЕРАТУРА",
# "ЛИЧНЫЙ ВКЛАД СОИСКАТЕЛЯ") is still a heading: it ends the section before it, so that a list of
# provisions is not extended by the next section's text.
_CAPS_HEADING = re.compile(r"^[^\W\d_][^\W\d_ \-–,]*(?:[ \-–,]+[^\W\d_][^\W\d_\-–,]*){0,7}[.:]?$")


def _heading_goes_on(current: Section, line: str) -> bool:
    """A heading in capitals set over two lines ("ҚОРҒАУҒА ШЫҒАРЫЛАТЫН" / "ҒЫЛЫМИ ТҰЖЫРЫМДАР"):
    the second line, naming nothing of its own, goes on with the first, whose section has
    no content yet."""
    return current.kind != "preamble" and not current.lines and current.heading.isupper() and line.isupper()


# A short question standing alone as its own paragraph ("Where were the results presented?").
_QUESTION_LINE = re.compile(r"^[^\W\d_][^?,;:]{4,90}\?$")


def _question_line(line: str) -> bool:
    return bool(_QUESTION_LINE.match(line)) and 2 <= len(line.split()) <= 10


def _asks_its_headings(paragraphs: list[str], lang: str) -> bool:
    """Whether two stand-alone questions or more are headings of known kinds ("What is new?",
    "What does the author defend?"): the abstract then asks its other headings so too."""
    return sum(1 for p in paragraphs if _question_line(p.strip()) and headings.question_heading(p.strip(), lang)) >= 2


def _unknown_heading(line: str, current: Section, lang: str, asked: bool = False) -> headings.Heading | None:
    if asked and _question_line(line):
        # In an abstract whose headings are questions, a question standing alone is a heading
        # even when it names no kind known here ("Why does it matter?", "What is this
        # dissertation about?"): it ends the title page or the list before it. A generic word
        # asked so ("What are the main conclusions?") is a heading here, of its kind.
        kinds = headings.question_heading(line, lang, weak=True)
        return headings.Heading(kinds[0] if kinds else "other", line, "", shape="question")
    # On the title page (before or just after "ABSTRACT") capitals are names and titles.
    if current.kind in ("preamble", "abstract") or not line.isupper() or not _CAPS_HEADING.match(line):
        return None
    # A heading in capitals made of heading words alone names its kind even where its verb
    # would make a sentence of it in lower case ("WHAT IS NEW").
    kinds = headings.heading_phrase(line, lang)
    return headings.Heading(kinds[0] if len(kinds) == 1 else "other", line.rstrip(".:"), "")


def _add(section: Section, line: str, joined: bool) -> None:
    """Content of `section`; a part cut from the paragraph before stays in that paragraph."""
    if joined and section.lines:
        section.lines[-1] += " " + line
    else:
        section.lines.append(line)


def _open(sections: list[Section], seen: set[str], h: headings.Heading, line: str) -> None:
    current = sections[-1]
    kind = h.kind
    if kind == "significance" and not h.qualifier and not (seen - {"general", "abstract", "preamble"}):
        kind = "relevance"  # "Significance of the research" opening an abstract renders "актуальность"
    if kind == "significance" and current.kind == "significance":
        current.qualifiers.append(h.qualifier)
        if h.rest:
            current.lines.append(_content(h, kind, line))
        return
    section = Section(kind, heading=h.text, qualifiers=[h.qualifier] if h.qualifier else [], intro=h.shape == "intro")
    content = _content(h, kind, line)
    if content:
        section.lines.append(content)
    sections.append(section)
    seen.add(kind)


def _content(h: headings.Heading, kind: str, line: str) -> str:
    if not h.rest:
        return ""
    if kind in headings.DEFINITIONAL_KINDS or kind in headings.LIST_KINDS or line.find(h.rest) <= len(h.text) + 4:
        rest = h.rest
        if kind in headings.DEFINITIONAL_KINDS:
            rest = re.sub(r"^(?:to\s+be\s+|is\s+|are\s+)", "", rest)
        return rest
    return line  # a sentence-shaped heading is part of the prose: keep the sentence whole


def merge(sections: list[Section]) -> list[Section]:
    """One section per kind: later fragments of a kind are appended to its first occurrence."""
    by_kind: dict[str, Section] = {}
    out: list[Section] = []
    for s in sections:
        if s.kind in by_kind:
            first = by_kind[s.kind]
            first.lines.extend(s.lines)
            first.qualifiers.extend(s.qualifiers)
        else:
            by_kind[s.kind] = s
            out.append(s)
    return out
