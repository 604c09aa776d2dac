"""A journal article's front matter: authors with initials and numbered affiliations, and the
keyword lines of each language.

Kazakhstani journals print the authors as initials and surname in either order, each with the
number of an affiliation in superscript ("А.Б. Серікова¹, Н.Қ. Омарова²", "Serikova A.B.1,2",
"K.M. Akhmetov¹*"), then the affiliations under those numbers, then e-mails; the abstract is
often given in all three languages, each with its own keyword line ("Түйін сөздер:",
"Ключевые слова:", "Keywords:").
"""
from __future__ import annotations

import re
import unicodedata

# Latin letters with diacritics too: a co-author abroad is «Lindström J.», «Müller K.», «García L.»
_UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zß-öø-ÿа-яёәғқңөұүһі"
_SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# "O'Connor", "D’Souza": an apostrophe may bring a second capital
_SURNAME = (rf"[{_UP}](?:[{_UP}](?=[{_LOW}]{{2}}))?(?:[{_LOW}]*['’][{_UP}])?[{_LOW}'’]+"
            rf"(?:-[{_UP}][{_LOW}'’]+)?"
            # a surname set in capitals, as some journals print their authors ("А.Б. ТАСТАНБЕКОВА")
            rf"|[{_UP}]{{3,}}(?:-[{_UP}]{{3,}})?")
# An initial transliterated from Kazakh or Russian may take two Latin letters: Zh, Sh, Ch, Kh,
# Ts, Ya, Ye, Yo, Yu ("Nurmukhanova G.Zh.", "Ch.T. Aitmatov").
_INITIAL = rf"[{_UP}](?:(?<=[ZSCK])h|(?<=T)s|(?<=Y)[aeou])?\."
_INITIALS = rf"{_INITIAL}\s?(?:{_INITIAL})?"
_GIVEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
# Letters in superscript ("Aliya Serikova ᵃ, Tom Hale ᵇ") point to affiliations as numbers do in
# Elsevier-style fronts; "✉" marks the corresponding author. Either may stand after a space.
_SUP_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍ"
# a patronymic's ending, in Cyrillic or transliterated («Нурланович», «Kairatovna», «Serikuly»)
_PATRONYMIC_END = r"(?:вич|вна|ична|ұлы|улы|қызы|кызы|vich|vna|ichna|uly|ully|kyzy|qyzy)"
_MARKS = rf"(?P<marks>(?:[{_SUP}*†,\d]|\s*[{_SUP_LETTERS}✉])*?)"
_AUTHOR = re.compile(
    # the affiliation's number may stand before the name, as some journals print it ("¹А.Т. Касымова*",
    # flattened to "1А.Т. Касымова*" by text extraction)
    rf"^\s*(?P<lead>[{_SUP}\d]{{1,2}}(?=[{_UP}]))?(?:(?P<i1>{_INITIALS})\s?(?P<s1>{_SURNAME})|(?P<s2>{_SURNAME})\s+(?P<i2>{_INITIALS})"
    # the given name in full, the middle one as an initial or left out ("Aruzhan K. Tulegenova",
    # "Дина Р. Касымова", "Helen Price"), as journals with an English-style front page print them
    rf"|(?P<g3>{_GIVEN})\s+(?:(?P<i3>[{_UP}]\.)\s?)?(?P<s3>{_SURNAME})"
    # surname, given name and patronymic in full, as Russian and Kazakh journals print them
    # ("Жумабеков Ерболат Нурланович¹"): the patronymic's ending tells the order
    rf"|(?P<s4>{_SURNAME})\s+(?P<g4>{_GIVEN})\s+(?P<p4>[{_UP}][{_LOW}]+{_PATRONYMIC_END})"
    # … or in the English order, given name, patronymic and surname ("Aliya Kairatovna Mukhametova¹")
    rf"|(?P<g6>{_GIVEN})\s+(?P<p6>[{_UP}][{_LOW}]+{_PATRONYMIC_END})\s+(?P<s6>{_SURNAME})"
    # MEDLINE's form, as PubMed prints its records: the surname and the initials without stops,
    # the affiliation's number in brackets ("Serikova AB(1)"); read from a line of such names only
    rf"|(?P<s5>{_SURNAME})\s+(?P<i5>[{_UP}]{{1,3}})(?:\((?P<pm>\d{{1,2}}(?:,\s?\d{{1,2}})*)\))?)"
    rf"\s*{_MARKS}\s*$")
# a line of authors in MEDLINE's form, ending with a full stop: "Serikova AB(1), Hale T(2)."
_MEDLINE_LINE = re.compile(rf"^\s*(?:{_SURNAME})\s+[{_UP}]{{1,3}}(?:\(\d{{1,2}}(?:,\s?\d{{1,2}})*\))?"
                           rf"(?:,\s*(?:{_SURNAME})\s+[{_UP}]{{1,3}}(?:\(\d{{1,2}}(?:,\s?\d{{1,2}})*\))?)*\.\s*$")
# (a name may open with a lower-case article: "¹әл-Фараби атындағы …", "2al-Farabi Kazakh …", or
# with its quoted name: "2 «Қазгидромет» РМК, Астана")
_AFFILIATION = re.compile(rf"^\s*(?P<n>[{_SUP}]+|\d{{1,2}}(?=\s*(?:[{_UP}«\"]|(?:әл|ал|аль|al|el)-[{_UP}])))"
                          rf"\s*(?P<org>[«\"]?[^\W\d_].+)$")

# label → the language of the keywords it introduces
KEYWORD_LABELS = {
    "en": r"key\s*-?\s*words|index\s+terms",
    "ru": r"ключевые\s+слова",
    "kk": r"(?:түйін|түйінді|тірек|кілт|кілттік)\s+сөздер",
}
_KEYWORD_LINE = re.compile(
    rf"(?im)^[ \t*_]*(?P<label>{'|'.join(f'(?P<{lang}>{pat})' for lang, pat in KEYWORD_LABELS.items())})"
    # (a form's label in two languages, "Keywords / Ключевые слова:", is one label: the first names the list's)
    rf"(?:[ \t]*/[ \t]*(?:{'|'.join(KEYWORD_LABELS.values())}))?"
    # a keyword list that wraps goes on in lower case on the next line until it ends in a full stop,
    # or on any next line after a comma (a capitalised keyword wrapped: "…, публичные компании,⏎
    # Казахстанская фондовая биржа, …"; Markdown's hard break may leave two spaces after it)
    # (the label's separator may be a middle dot, as Elsevier-style pages set it: "Keywords · a · b")
    rf"[ \t*_]*(?:[:.–—·-][ \t*_]*(?P<words>[^\n]+(?:(?:(?<!\.)\n[ \t]*(?=(?-i:[{_LOW}]))"
    rf"|(?:(?<=[,;])|(?<=[,;][ \t])|(?<=[,;][ \t]{{2}}))\n[ \t]*(?=[^\W\d_]))[^\n]+)*)"
    # or the label alone on its line (a definition list's term, a heading) and the list on the
    # next line, whole: a short line with commas or semicolons, no sentence (the label may end in
    # its colon, as a structured abstract's bold label paragraph does: "Keywords:⏎a, b, c")
    rf"|[ \t*_]*(?::[ \t*_]*)?\n(?:[ \t]*\n)?[ \t]*(?P<next>[^\n]{{1,300}}?[,;][^\n]{{0,300}}?)[ \t]*$)")


def _digits(marks: str) -> list[int]:
    out = []
    for ch in marks:
        if ch in _SUP:
            out.append(unicodedata.digit(ch))
        elif ch.isdigit():
            out.append(int(ch))
    return out


_PEOPLE_LABEL = re.compile(r"(?i)руководител|жетекші|кеңесші|supervisor|advis[eo]r|оппонент|opponent|консультант|"
                           r"рецензент|reviewer|:\s*$")


def normalise_case(word: str) -> str:
    """`KAlshabayeva` → `Kalshabayeva`: a capital too many after the first letter is what text
    extraction leaves of small capitals; a real name or an acronym does not look like that."""
    return re.sub(rf"\b([{_UP}])([{_UP}])(?=[{_LOW}]{{2}})", lambda m: m.group(1) + m.group(2).lower(), word)


# The authors' line labelled as a page's property ("Авторлар: …", "Authors: …", "Авторы – …"),
# as a Notion or wiki export and some journal sites print it: the label is no author.
# (a form's label in two languages, "Авторы / Authors:", is one label)
_AUTHORS_WORD = r"(?:авторлар[ыі]?|авторы|автор(?:\(ы\))?|authors?|author\(s\))"
_AUTHORS_LABEL = re.compile(rf"(?i)^\s*{_AUTHORS_WORD}(?:\s*/\s*{_AUTHORS_WORD})?\s*[:–—-]\s*(?=\S)")


def labelled_authors(line: str) -> bool:
    """Whether the line is an authors' line under a label ("Authors: A.B. Smith, …")."""
    return bool(_AUTHORS_LABEL.match(line)) and bool(authors([line]))


def authors(lines: list[str]) -> list[tuple[str, list[int]]]:
    """The first line that lists only authors with initials, as (name as printed, affiliation
    numbers), in order."""
    for i, line in enumerate(lines):
        if i and _PEOPLE_LABEL.search(lines[i - 1]):
            continue  # "Научный руководитель:" and the supervisor on the next line
        labelled = _AUTHORS_LABEL.match(line) is not None
        line = _AUTHORS_LABEL.sub("", line, count=1)
        found = _author_matches(line) or _author_matches(_after_codes(line))
        if not found and labelled and (full := _full_names(line)):
            return [(name, []) for name in full]
        if found:
            if len(found) == 1:
                found += _authors_by_row(lines, i)
            printed = [_printed(m) for m in found]
            return _in_full(printed, lines[i + 1:i + 12]) or printed
    return _bulleted_authors(lines)


def _in_full(printed: list[tuple[str, list[int]]], after: list[str]) -> list[tuple[str, list[int]]] | None:
    """The same people named in full on a labelled line further down ("Authors: Nurmagambetova
    Saule Yerlanovna; Kuanyshev Timur Maratovich"), as a journal's metadata block repeats the
    byline: each full name keeps the byline's affiliation marks; None unless every name of the
    byline is there, by its surname."""
    for line in after:
        if not _AUTHORS_LABEL.match(line):
            continue
        full = _full_names(_AUTHORS_LABEL.sub("", line, count=1))
        if len(full) != len(printed):
            continue
        out = []
        for name in full:
            words = {w.casefold() for w in name.split()}
            match = next((marks for short, marks in printed
                          if any(w.casefold() in words for w in re.findall(r"[^\W\d_]{3,}", short))), None)
            if match is None:
                break
            out.append((name, match))
        else:
            return out
    return None


# A person's full name, surname first or last: two to four capitalised words (a hyphen inside).
_FULL_NAME_WORD = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?"
_FULL_NAME = re.compile(rf"{_FULL_NAME_WORD}(?:[ \t]+{_FULL_NAME_WORD}){{1,3}}")


def _full_names(line: str) -> list[str]:
    """The full names of a labelled authors' line ("Authors: Kasymova Dana Erzhanovna, Steiner
    Markus"), as a catalogue's record prints them, without initials: the label says what the
    names are, so no initial is needed to tell them from a title's words."""
    parts = [p.strip() for p in re.split(r"\s*[;,]\s*|\s+(?:and|и|және)\s+", line.strip().rstrip(".")) if p.strip()]
    return parts if parts and all(_FULL_NAME.fullmatch(p) for p in parts) else []


def _authors_by_row(lines: list[str], at: int) -> list[re.Match]:
    """The authors after the one alone on line `at`, one a row of a table read cell by cell
    («Автор | Мекеме | ORCID», each author's affiliation and ORCID in the cells after the name)
    or one a paragraph with the affiliation under it: each alone on its line, at the same
    stride of two to four lines, with no author between."""
    def alone(line: str) -> re.Match | None:
        found = _author_matches(line)
        return found[0] if len(found) == 1 else None

    for stride in range(2, 5):
        if at + stride >= len(lines) or any(alone(l) for l in lines[at + 1:at + stride]):
            continue
        out, j = [], at + stride
        while j < len(lines) and (m := alone(lines[j])) and not _PEOPLE_LABEL.search(lines[j - 1]) \
                and not any(alone(l) for l in lines[j - stride + 1:j]):
            out.append(m)
            j += stride
        if out:
            return out
    return []


def _printed(m: re.Match) -> tuple[str, list[int]]:
    """An author's match → (name as printed, affiliation numbers)."""
    if m.group("s1"):
        name = f"{_initials(m.group('i1'))} {_surname(m.group('s1'))}"
    elif m.group("s2"):
        name = f"{_surname(m.group('s2'))} {_initials(m.group('i2'))}"
    elif m.group("s4"):
        name = f"{_surname(m.group('s4'))} {m.group('g4')} {m.group('p4')}"
    elif m.group("s6"):
        name = f"{m.group('g6')} {m.group('p6')} {_surname(m.group('s6'))}"
    elif m.group("s5"):
        return f"{_surname(m.group('s5'))} {m.group('i5')}", [int(n) for n in re.findall(r"\d+", m.group("pm") or "")]
    else:
        name = " ".join(x for x in (m.group("g3"), m.group("i3"), _surname(m.group("s3"))) if x)
    return name, _digits((m.group("lead") or "") + m.group("marks"))


# One author a list item, the affiliation after the name ("- **Aigerim K. Sadykova**, Narxoz
# University, Almaty"), as a journal's web page lists them.
_BULLETED = re.compile(r"^\s*[-*•·–—]\s+(?P<name>[^,;()]{3,60}?)\s*(?:[,;(].*)?$")


def _bulleted_authors(lines: list[str]) -> list[tuple[str, list[int]]]:
    """The first run of list items that each open with an author's name: the authors in order.
    As on an authors' line, a name needs an initial or an affiliation mark."""
    for i, line in enumerate(lines):
        run = []
        for item in lines[i:]:
            b = _BULLETED.match(item)
            m = _AUTHOR.match(b.group("name")) if b else None
            if m is None:
                break
            run.append(m)
        if run and _names_with_initials(run):
            return [_printed(m) for m in run]
    return []


def _author_matches(line: str) -> list[re.Match]:
    line = _ORCID.sub("", line)
    # (one name and a stop, "Новак Я.", is an initial with its stop: MEDLINE's form needs a
    # second name or a bracketed number to be told)
    if _MEDLINE_LINE.match(line) and ("," in line or "(" in line):
        # one name between commas each: the numbers in brackets hold commas of their own
        names = re.findall(r"[^,(]+(?:\([^)]*\))?", line.strip().rstrip("."))
        found = [_AUTHOR.match(n.strip()) for n in names]
        return found if all(m and m.group("s5") for m in found) else []
    for text in (line, _before_affiliations(line)):
        parts = _split_authors(text)
        found = [_AUTHOR.match(p) for p in parts]
        if parts and all(found) and _names_with_initials(found):
            return found
    return []


def _names_with_initials(found: list[re.Match]) -> bool:
    """Two capitalised words alone ("Narxoz University", "Helen Price") may be anything: a line
    of full names is an authors' line only when an initial or an affiliation mark is in it."""
    return any(m.group("i1") or m.group("i2") or m.group("i3") or m.group("i5") or _digits(m.group("marks") + (m.group("lead") or ""))
               or any(c in _SUP_LETTERS for c in m.group("marks")) for m in found)


# An ORCID iD beside a name ("Касымова1, https://orcid.org/0000-0002-1345-6789;"): a link, not an author.
_ORCID = re.compile(r"(?i)[,;]?\s*(?:https?://)?orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")
# The affiliations run on after the last author by the line wrap ("… Юн Хан2 1НАО «…», г. Семей"):
# the first number glued to a capital or a quote after a space starts them.
_RUN_ON_AFFILIATION = re.compile(rf"\s+(?=[{_SUP}\d]\s?[{_UP}«\"][^\W\d_]*[^\W\d_.]{{2}})")


def _before_affiliations(line: str) -> str:
    m = _RUN_ON_AFFILIATION.search(line)
    return line[:m.start()] if m else ""


# A journal's classification codes and DOI open its first page's lines ("МРНТИ 06.51.61 УДК
# 339.543(574) https://doi.org/…"); text extraction may run the authors' line on after them.
# The labels, in the three languages (the Kazakh ones for МРНТИ as journals print them):
CLASSIFICATIONS = r"МРНТИ|ГРНТИ|IRSTI|ХҒТАР|ҒТАХР|ҒТАМР|УДК|ӘОЖ|UDC|ББК|JEL"
_CODES = re.compile(rf"(?i)^\s*(?:(?:{CLASSIFICATIONS})\b|https?://|doi\b)")
_CODE_END = re.compile(r"(?:\d[\d.:()\[\]/+,–-]*|https?://\S+)\s+(?=\S)")


def _after_codes(line: str) -> str:
    """What follows a line's classification codes and DOI when authors follow them, else ""."""
    if not _CODES.match(line):
        return ""
    for m in _CODE_END.finditer(line):
        if _author_matches(line[m.end():]):
            return line[m.end():]
    return ""


def _surname(s: str) -> str:
    """The surname as a name is written: "ТАСТАНБЕКОВА" → "Тастанбекова"."""
    return s.title() if s.isupper() else normalise_case(s)


def _initials(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _split_authors(line: str) -> list[str]:
    """Authors are separated by commas, but "Serikova A.B.1,2" has a comma among its numbers."""
    line = line.strip().rstrip(";")
    if not line or len(line) > 300:
        return []
    parts: list[str] = []
    for piece in re.split(r"\s*[,;]\s*|\s+(?:and|и|және)\s+", line):
        if parts and re.fullmatch(rf"[\d{_SUP}*†]+", piece):
            parts[-1] += "," + piece  # "Serikova A.B.1,2": the numbers belong to the name
        else:
            parts.append(piece)
    return [p for p in parts if p.strip()]


# An article page that cites itself ("How to Cite", "Для цитирования:", "Cite this article"):
# the reference names every author, surname and initials, in the byline's order, then the
# article's own title. APA puts the year in brackets after the names ("Serikova, A. B.,
# Hale, T., & Ito, K. (2024). Title …"); GOST and Vancouver run the title on after the names
# ("Серикова А.Б., Хейл Т. Title // …", "Serikova AB, Hale T. Title.").
_CITE_INITIALS = rf"[{_UP}](?:[{_LOW}]{{1,2}})?\.(?:[\s-]?[{_UP}](?:[{_LOW}]{{1,2}})?\.)*"
_APA_NAME = rf"(?P<s>{_SURNAME}),\s+(?P<i>{_CITE_INITIALS})"
_APA_ANY = _APA_NAME.replace("?P<s>", "?:").replace("?P<i>", "?:")
_APA_NAMES = re.compile(rf"^(?:{_APA_ANY}(?:,\s+(?:&\s+|and\s+)?|\s+(?:&|and)\s+|\s*(?=\()))+\((?:19|20)\d\d[a-z]?\)\.\s+")
_APA_ONE = re.compile(_APA_NAME)
_GOST_NAME = rf"(?P<s>{_SURNAME})\s+(?P<i>{_CITE_INITIALS}|[{_UP}]{{1,3}}(?![{_LOW}]))"
_GOST_ANY = _GOST_NAME.replace("?P<s>", "?:").replace("?P<i>", "?:")
_GOST_NAMES = re.compile(rf"^{_GOST_ANY}(?:,\s*{_GOST_ANY})*\.?\s+(?=[^\W\d_])")
_GOST_ONE = re.compile(_GOST_NAME)
_CITE_LABEL = re.compile(r"(?i)^\s*(?:how\s+to\s+cite(?:\s+this\s+article)?|cite\s+this\s+article|citation|"
                         r"для\s+цитирования|цитировать|как\s+цитировать|дәйексөз\s+үшін|сілтеме\s+жасау\s+үшін)"
                         r"\s*[:.–—-]?\s*")


def _folded(s: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", s.casefold()))


def cited_authors(text: str, title: str | None) -> list[str]:
    """The authors of the reference to the work itself that the page prints (a line of names
    followed by the work's own title), as "Surname I.I."; [] when the page cites no work of
    that title."""
    if not title or len(title.split()) < 3:
        return []
    own = _folded(title)[:60]
    for line in text.split("\n"):
        line = _CITE_LABEL.sub("", line, count=1)
        for names, one in ((_APA_NAMES, _APA_ONE), (_GOST_NAMES, _GOST_ONE)):
            m = names.match(line)
            if m and _folded(line[m.end():]).startswith(own):
                return [f"{_surname(n.group('s'))} {_cite_initials(n.group('i'))}" for n in one.finditer(m.group(0))]
    return []


def _cite_initials(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    return s if "." in s else ".".join(s) + "."   # Vancouver's "AB" → "A.B."


def affiliations(lines: list[str], after: int = 0) -> dict[int, str]:
    """Numbered affiliations ("¹Әл-Фараби атындағы Қазақ ұлттық университеті, Алматы,
    Қазақстан") after the authors' line: the organisation's name without city and country."""
    out: dict[int, str] = {}
    for line in lines[after:after + 12]:
        m = _AFFILIATION.match(line)
        if not m:
            if out:
                break
            continue
        numbers = _digits(m.group("n"))
        if len(numbers) == 1 and numbers[0] not in out:
            out[numbers[0]] = organisation(m.group("org"))
    return out


_ORG_WORD = re.compile(r"(?i)universit|университет|institut|институт|академи|academy|college|колледж|центр|center|centre|орталығы")


def organisation(text: str) -> str:
    """An affiliation without the city and country that follow the organisation's name."""
    parts = [p.strip() for p in text.split(",")]
    keep = 1
    for i, part in enumerate(parts):
        if _ORG_WORD.search(part):
            keep = i + 1
            break
    return ", ".join(parts[:keep]).strip(" .;")


_CYRILLIC = re.compile("[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_KAZAKH_ONLY = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһ]")


def _language_of_words(words: str, label_lang: str) -> str:
    """The language a keyword list is in: its label's, unless its letters say otherwise. A site's
    interface labels every article's list in its own language (eLIBRARY's «КЛЮЧЕВЫЕ СЛОВА:» over
    an English article's "IODINE DEFICIENCY, …"): Latin words are English, Cyrillic ones under an
    English label Kazakh or Russian by Kazakh's own letters."""
    cyrillic, latin = _CYRILLIC.search(words), re.search("[A-Za-z]", words)
    if label_lang != "en" and latin and not cyrillic:
        return "en"
    if label_lang == "en" and cyrillic and not latin:
        return "kk" if _KAZAKH_ONLY.search(words) else "ru"
    return label_lang


def keywords(text: str) -> dict[str, list[str]]:
    """language → keywords of every keyword line, in order and without duplicates."""
    out: dict[str, list[str]] = {}
    for m in _KEYWORD_LINE.finditer(text):
        lang = next(lang for lang in KEYWORD_LABELS if m.group(lang))
        # the list ends at its full stop: a heading the line wrap joined to it ("… сақтау
        # мерзімі. Кіріспе") is the next part of the article
        words = re.split(rf"(?<=[^\W\d_]{{2}})\.\s+(?=[{_UP}])", m.group("words") or m.group("next"))[0]
        words = words.strip().rstrip(".").strip("*_ ")
        lang = _language_of_words(words, lang)
        sep = ";" if ";" in words else "·" if "·" in words and "," not in words else ","
        for w in words.split(sep):
            w = re.sub(r"\s+", " ", w).strip(" .*_")
            if w and len(w.split()) <= 8 and w not in out.setdefault(lang, []):
                out[lang].append(w)
    return {k: v for k, v in out.items() if v}
