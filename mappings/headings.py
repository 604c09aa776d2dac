"""Recognise the headings of an abstract, in any of the three languages.

A heading is recognised by *what it names* (a keyword for a section kind, in any inflection)
and *where it stands* (at the start of a paragraph, short, followed by a separator) — never by
its exact wording, so that unseen variants ("The object of the dissertation research is …",
"Объектом исследования является …", "Зерттеу нысаны – …", "**Main provisions for defense:**")
are recognised alike. Three shapes occur in the genre:

- stand-alone or run-in with punctuation: ``Research methods.`` / ``Зерттеу нысаны – …``;
- run in with no punctuation, as PDF extraction leaves bold headings: ``Information base The
  study is …``, ``Scientific novelty 1. A …``, ``Цель исследования выявить …``;
- a sentence whose subject is the heading: ``The object of this study is …``;
- a list introduction ending in a colon: ``the following tasks have been set:``.

Where a phrase stands decides as much as what it names: a heading is made of its keyword and
heading words only ("Scientific novelty of the research", not "… Text Classification Tasks"),
names no chapter ("Во второй главе рассматриваются методы") and, run into its text, is followed
by something that begins that text (a capital, a number, or content that does not go on with
the sentence). `run_in_parts` cuts a paragraph where such a heading opens a sentence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import morphology
from .heading_words import (  # noqa: F401  (KEYWORDS is part of this module's interface)
    CLOSING as _CLOSING, COPULA as _COPULA, GOES_ON as _GOES_ON, HEADING_WORDS as _HEADING_WORDS, KEYWORDS,
    LEAD as _LEAD, LIST_INTRO_WORD as _LIST_INTRO_WORD, QUALIFIERS as _QUALIFIERS, QUESTION_WORDS as _QUESTION_WORDS,
    SENTENCE_VERB as _SENTENCE_VERB,
)

# Section kinds, most specific first: when a heading names two (``the aim … the following
# objectives:``) the earlier one in this order wins.
KIND_ORDER = (
    "completeness", "justification", "contribution", "findings", "provisions", "novelty", "tasks",
    "hypothesis", "theoretical-basis", "methods", "development", "significance", "approbation",
    "publications", "structure", "relevance", "object", "subject", "aim", "general", "priority",
    "sources", "chronology", "reliability", "content", "keywords", "abstract", "introduction",
    "conclusion", "research", "references",
)
LIST_KINDS = frozenset({"tasks", "novelty", "provisions"})
# Kinds whose content is the remainder of a defining sentence ("The object … is X" → X).
DEFINITIONAL_KINDS = frozenset({"object", "subject", "aim", "hypothesis"})
# Kinds too generic to trust unless they stand alone as a short heading.
WEAK_KINDS = frozenset({"introduction", "conclusion", "research", "abstract", "keywords", "publications", "references"})

_I = re.IGNORECASE | re.UNICODE

# A heading's end: a full stop or colon, a dash, or both (":-", ":–", typed as one separator:
# "RELEVANCE OF THE RESEARCH:-", "Зерттеудің мақсаты:-"); a colon glued to the word after it, as
# PDF text leaves a bold label ("Ключевые слова:мароккская саранча, …").
# (a full stop glued to the next sentence's capital, «Аннотация.В статье …», is what a PDF's
# text layer leaves of a run-in heading when the space was a positioned gap)
_SEPARATOR = re.compile(r"\s*(?:[.:]+[–—-]*(?=\s|$)|:(?=[^\W\d_])|\.(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:[a-zа-яёәғқңөұүһі]|\s))"
                        r"|\s[–—-]+(?=\s|$)|[–—]+)\s*")
LIST_MARKER = re.compile(
    # "1°": a degree sign closes a number in some autoreferats' lists, as "1." does elsewhere;
    # "A) … B) …": Word's upperLetter with a bracket ("I)", "V)", "X)" are a roman list's)
    r"^\s*(?:(?P<num>\d{1,2})\s*[.)°](?!\d)\s*|(?P<bullet>[-–—•·▪●◦∙*])\s*|\((?P<pnum>\d{1,2})\)\s*|(?P<letter>[a-zа-яәғқңөұүһіA-HJ-UWYZА-ЯӘҒҚҢӨҰҮҺ])\)\s+"
    # "(i) … (iv)" before "(a) … (d)": a lone "(i)" opens a roman list more often than a ninth letter
    r"|\((?P<proman>(?=[ivx])x{0,2}(?:ix|iv|v?i{0,3}))\)\s+|\((?P<pletter>[a-zа-яәғқңөұүһі])\)\s+"
    # "I. …", "I) …", and "I – …" (a capital roman numeral and a dash, one item a line)
    r"|(?P<roman>(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})|(?=[ivx])x{0,2}(?:ix|iv|v?i{0,3}))(?:\.\s+|(?<=[IVX])\s+[–—]\s+|(?<=[IVX])\)\s+))",
    re.UNICODE,
)


# A table of contents' entry: a heading, a leader (dots, or the pipe of a table typed as text)
# and a page number at the line end. Such a line names a section; it never opens one.
CONTENTS_ENTRY = re.compile(r"^\S.*?(?:\s*(?:[.…·_]\s*){4,}|\s+\|)\s*(?:\d{1,3}|[ivxlc]{1,6})$", re.I)
# The heading of a table of contents, alone on its line.
CONTENTS_HEADING = re.compile(r"^(?:(?:table\s+of\s+)?contents|содержание|оглавление|мазмұны)[.:]?$", _I)


_HEADING_WORD = {lang: re.compile(rf"^(?:{pat})$", _I) for lang, pat in _HEADING_WORDS.items()}
# A heading never ends in a word that needs a complement: "The provisions of the Astana …".
_OPEN_END = re.compile(r"(?<!\w)(?:the|a|an|of|for|to|and|in|on|by|this|its|our|their|и|в|на|по|для|о|об|с|со|к|"
                       r"және|мен|пен|бен)$", _I)
# A chapter named before the keyword makes a summary of that chapter, never a heading:
# "The second chapter is devoted to methods", "Во второй главе …", "Екінші тарау әдістерге …".
_CHAPTER = re.compile(r"(?<!\w)(?:chapters?|sections?|глав\w*|раздел\w*|параграф\w*|тарау\w*|бөлім\w*)(?!\w)", _I)
# Kazakh cases that make a keyword an adverbial ("әдістерге", "мақсатта"), not a heading's noun.
_KK_OBLIQUE = re.compile(r"(?:ға|ге|қа|ке|на|не|да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|мен|пен|бен)$", _I)


# The first marker of a list run on after its introduction: "…: 1) …", "…: (i) …", "…: а) …",
# "…: first, …", "…: во-первых, …", "…: біріншіден, …", and a label in brackets, "…: (O1) …",
# "…: (Т1) …" (a letter or two and the number, as objectives are tagged inline).
FIRST_MARKER = (r"(?:1[.)°]|\(1\)|\[1\]|\((?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,2})\s?1\)|\((?:i|a|а)\)|(?:i|a|а)\)|[-–•]|first(?:ly)?,|во-первых,|біріншіден,)\s*\S")


@dataclass(frozen=True)
class Heading:
    kind: str
    text: str          # the heading as written (without the content that followed it)
    rest: str          # content on the same line after the heading, possibly empty
    qualifier: str = ""  # e.g. "theoretical" / "practical" for significance
    shape: str = ""    # "intro" for a list introduction, "run-in" for one with no separator, "question" for one asked


def heading_phrase(phrase: str, lang: str) -> list[str]:
    """The kinds `phrase` names when it is a heading and nothing else — every word a keyword
    or one of the words headings are made of — else []."""
    return list(_heading_phrase(phrase, lang))


_POSSESSIVE_S = re.compile(r"['’]s(?!\w)", re.I)
_WORD_GAP = re.compile(r"[\s\-–—,]+")


@functools.lru_cache(maxsize=8192)
def _heading_phrase(phrase: str, lang: str) -> tuple[str, ...]:
    phrase = _POSSESSIVE_S.sub("", phrase.strip().rstrip(".:"))  # "the research's …"
    if not phrase or _OPEN_END.search(phrase):
        return ()
    kinds = kinds_named(phrase, lang)
    if not kinds:
        return ()
    chapter = _CHAPTER.search(phrase)
    if chapter and not ("content" in kinds and any(m.start() <= chapter.start() < m.end()
                                                    for m in _PATTERNS[lang]["content"].finditer(phrase))):
        return ()   # (a chapter's word names a chapter, unless it is part of "the chapters' brief content")
    spans = sorted(m.span() for k in kinds for m in _PATTERNS[lang][k].finditer(phrase))
    if lang == "kk" and "provisions" not in kinds:
        # The heading's noun is its last keyword: "Екінші тарау әдістерге арналған" names none.
        last = max((m for k in kinds for m in _PATTERNS[lang][k].finditer(phrase)), key=lambda m: m.start())
        if _KK_OBLIQUE.search(last.group(0)):
            return ()
    outside, at = [], 0
    for start, end in spans:
        if start >= at:
            outside.append(phrase[at:start])
        at = max(at, end)
    outside.append(phrase[at:])
    words = [w for part in outside for w in _WORD_GAP.split(part) if w]
    return tuple(kinds) if all(_HEADING_WORD[lang].match(w) for w in words) else ()


def _heading_words_ahead(words: list[str], lang: str) -> int:
    """How many of the first `words` could belong to a heading phrase: heading words and words
    inside a keyword. Prose fails at once, which keeps the search for run-in headings cheap."""
    text = " ".join(words)
    spans = [m.span() for m in _ANY_KEYWORD[lang].finditer(text)]
    at = 0
    for n, word in enumerate(words):
        start, at = at, at + len(word) + 1
        bare = _TRAILING.sub("", _POSSESSIVE_S.sub("", word))
        # A compound is a heading word when each of its parts is one ("теориялық-әдіснамалық").
        for part in bare.split("-"):
            if not (_HEADING_WORD[lang].match(part) or any(a <= start < b for a, b in spans)):
                return n
            start += len(part) + 1
    return len(words)


_TRAILING = re.compile(r"[^\w'’]+$")


def _placed(phrase: str, kind: str, lang: str) -> bool:
    """Whether the keyword of `kind` stands where a heading's keyword stands: no chapter and
    only heading words before it ("Deep Learning Methods for …", "Қазақстандағы білім беру
    саясатының мақсаттары: …" are titles); in Kazakh not in an oblique case ("әдістерге")."""
    m = _PATTERNS[lang][kind].search(phrase)
    if m is None or _CHAPTER.search(phrase[: m.start()]):
        return False
    if lang == "kk" and kind != "provisions" and _KK_OBLIQUE.search(m.group(0)):
        return False
    words = [w for w in re.split(r"[\s\-–—,]+", phrase[: m.start()]) if w]
    return all(_HEADING_WORD[lang].match(w) or kinds_named(w, lang) for w in words)


def _compile(lang: str) -> dict[str, re.Pattern]:
    return {kind: re.compile(rf"(?<!\w)(?:{pat})(?!\w)", _I) for kind, pat in KEYWORDS[lang].items()}


_PATTERNS = {lang: _compile(lang) for lang in KEYWORDS}
_ANY_KEYWORD = {lang: re.compile(rf"(?<!\w)(?:{'|'.join(f'(?:{p})' for p in KEYWORDS[lang].values())})(?!\w)", _I)
                for lang in KEYWORDS}


def kinds_named(phrase: str, lang: str) -> list[str]:
    """The section kinds a phrase names, most specific first."""
    found = [kind for kind, pat in _PATTERNS[lang].items() if pat.search(phrase)]
    return sorted(found, key=KIND_ORDER.index)


def _qualifier(phrase: str, lang: str) -> str:
    m = re.search(_QUALIFIERS[lang], phrase, _I)
    return m.group(0).lower() if m else ""


def _words(s: str) -> int:
    return len(s.split())


_KK_GENITIVE = re.compile(r"(?:дың|дің|ның|нің|тың|тің)$", _I)


def _kk_modifier(line: str, kind: str) -> bool:
    """A Kazakh keyword in the genitive before another noun modifies that noun and heads
    nothing: "ӨҢІРЛІК БАСЫЛЫМДАРДЫҢ ТРАНСФОРМАЦИЯСЫ" is a title about publications."""
    m = _PATTERNS["kk"][kind].search(line)
    return bool(m and _KK_GENITIVE.search(m.group(0)) and line[m.end():].strip())


def match(line: str, lang: str) -> Heading | None:
    """The heading that opens `line`, if it opens with one."""
    line = line.strip()
    # A heading opens a paragraph with a capital; a line in lower case continues a wrapped one.
    if not line or not line[0].isupper() or LIST_MARKER.match(line):
        return None
    # 0. A heading asked as a question, alone on its line: "Қандай міндеттер шешілді?".
    asked = question_heading(line, lang)
    if asked:
        return Heading(asked[0], line, "", _qualifier(line, lang), "question")
    # 1. A list introduction: "… the following tasks have been set:" — also with the list run
    #    on in the same paragraph ("… submitted for defense: 1) …; 2) …").
    inline = re.match(rf"^(?P<intro>[^:]{{5,250}}):\s*(?={FIRST_MARKER})", line, _I)
    if inline and _words(inline.group("intro")) <= 30 and not _SENTENCE_START.search(inline.group("intro")):
        body = inline.group("intro")
        kinds = [k for k in kinds_named(body, lang) if k in LIST_KINDS]
        if kinds and (_LIST_INTRO_WORD[lang].search(body) or heading_phrase(body, lang)[:1] == kinds[:1]
                      or heading_phrase(_without_copula(body, lang), lang)[:1] == kinds[:1]):
            return Heading(kinds[0], body.strip(), line[inline.end():].strip(), shape="intro")
    if line.endswith(":") and _words(line) <= 30:
        body = line[:-1]
        kinds = [k for k in kinds_named(body, lang) if k in LIST_KINDS]
        if kinds and (_LIST_INTRO_WORD[lang].search(body) or _words(body) <= 10):
            return Heading(kinds[0], body.strip(), "", shape="intro")
    #    … or a stand-alone line naming "the following" items, whatever its last character:
    #    "THE FOLLOWING MAIN PROVISIONS ARE SUBMITTED FOR DEFENSE".
    intro = _LIST_INTRO_WORD[lang].search(line)
    if intro and _words(line) <= 20 and ":" not in line[:-1]:
        kinds = [k for k in kinds_named(line, lang) if k in LIST_KINDS and not _one_task(line, k, lang)]
        if kinds:
            return Heading(kinds[0], line.rstrip(".:"), "", shape="intro")
    # 2a. A heading run into its text with no punctuation, as PDF extraction leaves it:
    #    "Information base The study is …", "Scientific novelty 1. A comparative …".
    runin = _run_in(line, lang)
    if runin is not None:
        return runin
    # 2. Heading followed by punctuation: "Research methods." / "Зерттеу нысаны – …".
    sep = _SEPARATOR.search(line)
    if sep and line[sep.start():sep.end()].strip().startswith(".") and _INITIAL_END.search(line[: sep.start()]):
        sep = None  # "… заложены в работах Дж. Хокинса": the full stop of an initial ends no heading
    if sep and sep.start() > 0:
        phrase = line[: sep.start()].strip()
        rest = line[sep.end():].strip()
        if ((0 < _words(phrase) <= 10 or _words(phrase) <= 16 and heading_phrase(phrase, lang)) and "," not in phrase
                and not _SENTENCE_VERB[lang].search(phrase) and not phrase[0].isdigit()
                and not (lang == "ru" and _russian_finite(phrase))):
            kinds = [k for k in kinds_named(phrase, lang) if _placed(phrase, k, lang)]
            strong = [k for k in kinds if k not in WEAK_KINDS]
            if strong and not rest and line.endswith(".") and not heading_phrase(phrase, lang):
                # A whole sentence that opens with the heading ("Зерттеудің теориялық-
                # әдіснамалық негізі ретінде … алынды."): the sentence is the content. (A line
                # of heading words alone is a heading with a full stop, however long: "Theoretical
                # and practical significance of the research results.")
                end = _PATTERNS[lang][strong[0]].search(phrase).end()
                return Heading(strong[0], phrase[:end], line, _qualifier(phrase, lang))
            if strong:
                return Heading(strong[0], phrase, rest, _qualifier(phrase, lang))
            if kinds and _words(phrase) <= 3:
                return Heading(kinds[0], phrase, rest, _qualifier(phrase, lang))
    # 3. A sentence whose subject is the heading: "The object of this study is …".
    cop = re.search(_COPULA[lang], line, _I)
    if cop and _words(line[: cop.start()]) <= 9 and "," not in line[: cop.start()]:
        phrase = line[: cop.start()].strip()
        for kind in kinds_named(phrase, lang):
            if kind in WEAK_KINDS:
                continue
            head = re.match(rf"^{_LEAD[lang]}(?:{KEYWORDS[lang][kind]})(?!\w)", phrase, _I)
            if head or (lang == "kk" and _PATTERNS[lang][kind].search(phrase.split()[-1])):
                rest = line[cop.end():].strip()
                # "… is determined by: X" / "… заключается в следующем: X" → X
                rest = re.sub(r"^[^.:;]{0,50}:\s*", "", rest)
                rest = re.sub(r"^(?:в\s+том,?\s+что|in\s+(?:the\s+fact\s+)?that)\s+", "", rest, flags=_I)
                return Heading(kind, phrase, rest, _qualifier(phrase, lang))
    # 4. A line that is only a heading, with no punctuation: "ABSTRACT", "Введение",
    #    "Theoretical and practical significance of the results of the dissertation research
    #    work" — made of heading words only, so that a title ("… Text Classification Tasks") or a
    #    chapter summary is none, however long the wording runs (twelve words, fourteen). A line
    #    of more than sixteen words is a paragraph: looking for its heading words cost 7 % of a
    #    text's parse, to find none.
    if _words(line) <= 16 and not _SENTENCE_VERB[lang].search(line) and not re.search(r";|,.*,", line):
        kinds = [k for k in heading_phrase(line, lang) if not (lang == "kk" and _kk_modifier(line, k))] \
            or heading_line(line, lang)
        strong = [k for k in kinds if k not in WEAK_KINDS]
        if strong:
            return Heading(strong[0], line, "", _qualifier(line, lang))
        # The keyword opens the line, before or after the lead words (Kazakh's lead is any three
        # words, which would eat a keyword of two: "Кілт сөздер").
        if kinds and (_PATTERNS[lang][kinds[0]].match(line)
                      or _PATTERNS[lang][kinds[0]].match(re.sub(rf"^{_LEAD[lang]}", "", line, flags=_I))):
            return Heading(kinds[0], line, "", _qualifier(line, lang))
    return None


# A list introduction names its items in the plural ("келесі міндеттер", "the following
# tasks"); one task named ("… келесі зерттеулердің міндеті болады", "the task of the next study
# will be …") is a sentence about a single one, and no list follows it.
_ONE_TASK = {"en": re.compile(r"\btask\b", _I),
             "ru": re.compile(r"\bзадач(?:а|у|ей|е)\b", _I),
             "kk": re.compile(r"\bміндет(?:і|ін|іне|інде|імен)?\b", _I)}
_TASKS_NAMED = {"en": re.compile(r"\b(?:tasks|objectives)\b", _I), "ru": re.compile(r"\bзадач(?:и|ам|ами|ах)?\b", _I),
                "kk": re.compile(r"\bміндеттер\w*", _I)}


def _one_task(line: str, kind: str, lang: str) -> bool:
    return kind == "tasks" and bool(_ONE_TASK[lang].search(line)) and not _TASKS_NAMED[lang].search(line)


def question_heading(line: str, lang: str, weak: bool = False) -> list[str]:
    """The kinds a heading asked as a question names ("Жұмыстың мақсаты қандай?", "Что выносится
    на защиту?", "What tasks were solved?"): a short line ending in a question mark, with a
    question word, whose other words are a heading's words and at most one more, the question's
    predicate ("шешілді", "выносится", "solved"). Only a strong kind: "Нәтижелер қайда?" is
    no heading of its own (unless `weak`: in an abstract that asks all its headings, it is)."""
    line = line.strip()
    if not line.endswith("?") or "?" in line[:-1] or not 2 <= _words(line) <= 8 or re.search(r"[,;:]", line):
        return []
    words = line[:-1].split()
    rest = [w for w in words if not _QUESTION_WORDS[lang].fullmatch(w)]
    if len(rest) == len(words) or not rest:
        return []
    # (the question words may be the keyword's own: "What is new in this thesis?")
    phrases = [line[:-1], *(" ".join(w for i, w in enumerate(rest) if i != skip) for skip in [None, *range(len(rest))])]
    for phrase in phrases:
        kinds = [k for k in heading_line(phrase, lang) if weak or k not in WEAK_KINDS] if phrase else []
        if kinds:
            return kinds
    # A question asks whether the topic is relevant with the adjective, not the noun a heading
    # uses: "Тақырып неліктен өзекті?", «Почему тема актуальна?», "Why is the topic relevant?".
    adjective = [w for w in rest if _RELEVANT[lang].fullmatch(w)]
    if adjective and all(_HEADING_WORD[lang].match(w) for w in rest if w not in adjective):
        return ["relevance"]
    return []


_RELEVANT = {"en": re.compile(r"relevant|topical", _I), "ru": re.compile(r"актуальн\w*", _I),
             "kk": re.compile(r"өзекті", _I)}


# A Kazakh heading alone on its line may name its section in the locative or with «туралы»
# ("Зерттеудің мақсатында", "… міндеттерде", "… өзектілігі туралы": "in the aim", "about the
# relevance"), as some abstracts phrase each heading. Standing alone, with nothing after it, the
# case makes no adverbial of the keyword: it is read as the heading's noun. (Run into a sentence,
# "Зерттеу мақсатында сауалнама жүргізілді", the locative stays an adverbial: this is not used.)
_KK_LOCATIVE = re.compile(r"(?<=\w{4})(?:нда|нде|да|де|та|те)$", _I)
_KK_ABOUT = re.compile(r"\s+туралы$", _I)


def heading_line(line: str, lang: str) -> list[str]:
    """The kinds a line standing alone names as a heading: `heading_phrase`, and in Kazakh also
    with the keyword in the locative or followed by «туралы»."""
    return heading_phrase(line, lang) or (heading_phrase(_kk_about(line), lang) if lang == "kk" else [])


def _kk_about(line: str) -> str:
    """A stand-alone Kazakh heading with its keyword's locative or «туралы» taken off."""
    line = _KK_ABOUT.sub("", line.strip().rstrip(".:"))
    head, _, last = line.rpartition(" ")
    if not _ANY_KEYWORD["kk"].fullmatch(last):
        return line
    return f"{head} {_KK_LOCATIVE.sub('', last)}".strip()


def _without_copula(body: str, lang: str) -> str:
    """A list's heading made the subject of its introduction, less the verb: "The objectives
    are" (: (1) …) → "The objectives"; "" when the phrase does not end in a copula."""
    cop = re.search(_COPULA[lang] + "$", body + " ", _I)
    return body[: cop.start()] if cop else ""


_NEXT_IS_LIST = re.compile(r"^(?:\d{1,2}[.)]|\((?:\d{1,2}|[ivx]{1,4}|[a-zа-яә])\))")


_KK_POSSESSIVE = re.compile(r"(?:ы|і)$", _I)


def _run_in(line: str, lang: str) -> Heading | None:
    """A heading phrase with no punctuation before its text: the longest run of heading words
    naming a kind, followed by a capitalised word that begins the text, by a number, or by
    lower-case content (see `_CLOSING`). A phrase in capitals may also run into a sentence in
    lower case ("ХРОНОЛОГИЧЕСКИЕ РАМКИ исследования охватывают …"): then the whole sentence is
    the content. A line that is a heading and nothing else is no run-in ("Provisions Submitted
    for Defense", "Research Results Approval:")."""
    words = line.split()
    ahead = _heading_words_ahead(words[:10], lang)
    if ahead == 0 or ahead == len(words) and heading_phrase(_TRAILING.sub("", line), lang):
        return None
    best = None
    for n in range(1, min(9, len(words) - 1, ahead) + 1):
        if _PUNCTUATED.search(words[n - 1]) and not (
                # "Основные положения, выносимые на защиту I. …": a comma inside the heading; or after
                # the first item, capitalised, of a list the heading introduced («Диссертация
                # құрылымы Кіріспе, төрт бөлім, …»: the introduction is an item, not the heading's)
                words[n - 1].endswith(",") and not _PUNCTUATED.search(words[n - 1][:-1])
                and (n < ahead or best is not None and words[n - 1][:1].isupper())):
            # Punctuation: a heading that ends there ("Research Results Approval.") is shape 2's,
            # unless a heading in capitals ended before it.
            if heading_phrase(_TRAILING.sub("", " ".join(words[:n])), lang) and not (
                    best is not None and best.text.isupper()):
                return None
            break
        if n > 2 and words[n - 1][:1].isupper() and any(w[:1].islower() and len(w) > 3 for w in words[1:n - 1]):
            break  # "Жұмыстың апробациясы Нәтижелер": a capital after lower case begins the text
        phrase, nxt = " ".join(words[:n]), words[n]
        kinds = heading_phrase(phrase, lang)
        if kinds and kinds[0] in WEAK_KINDS and not (_PATTERNS[lang][kinds[0]].fullmatch(phrase) and line[-1:] in ".!?:;"):
            kinds = []  # "Abstract The article …": a generic word alone, before prose (no table row)
        if not kinds:
            continue
        caps = phrase.isupper() and len(phrase) > 3
        title_case = n > 1 and all(w[:1].isupper() for w in words[:n] if len(w) > 3)
        if title_case and not caps and heading_phrase(_TRAILING.sub("", f"{phrase} {nxt}"), lang):
            continue  # "Main Provisions Submitted …": the capital goes on with the heading
        qualifier = _qualifier(phrase, lang)
        if _NEXT_IS_LIST.match(nxt) or nxt[:1].isdigit() or (nxt[:1].isupper() and not (caps and nxt.isupper())):
            best = Heading(kinds[0], phrase, " ".join(words[n:]), qualifier, "run-in")
        elif nxt[:1].islower() and caps and kinds[0] not in DEFINITIONAL_KINDS:
            best = Heading(kinds[0], phrase, line, qualifier, "run-in")
        elif (nxt[:1].islower() and kinds[0] not in WEAK_KINDS and _closed(words[:n], kinds[0], lang)
              and not (heading_phrase(f"{phrase} {nxt}", lang) and _closed(words[:n + 1], kinds[0], lang))) and (
                not _GOES_ON[lang].match(nxt.strip(".,;:")) or (nxt.lower() == "to" and kinds[0] in ("aim", "tasks"))):
            best = Heading(kinds[0], phrase, " ".join(words[n:]), qualifier, "run-in-lower")
    return best


_PUNCTUATED = re.compile(r"[^\w'’-]")


def _russian_finite(phrase: str) -> bool:
    """Whether a Russian phrase holds a finite verb or a short participle, as a sentence does
    and a heading never: "Значимость проблемы подтверждается …", "Теоретические основы …
    заложены в работах …". (The word lists of SENTENCE_VERB cannot name every verb.)"""
    # The verb of the provisions' heading is the heading's own: «На защиту выносятся следующие
    # положения», «Защищаются положения».
    return any(morphology.russian_pos(w) in ("VERB", "PRTS") and not w.startswith(("вынос", "защищ"))
               for w in re.findall(r"(?<![А-ЯЁа-яё])[а-яё]{4,}", phrase.lower()))
# A person's initial before its full stop: "Дж", "Ш", "Zh" (one capital, at most one small letter).
_INITIAL_END = re.compile(r"(?:^|[\s.])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёһ]?$")


def _closed(words: list[str], kind: str, lang: str) -> bool:
    """Whether a heading phrase is complete: it ends in its keyword (in Kazakh, the keyword
    with its possessive ending) or in the research noun."""
    last = words[-1]
    if lang == "kk":
        return bool(_PATTERNS[lang][kind].search(last) and _KK_POSSESSIVE.search(last))
    if len(words) < 2:
        return False  # one word and lower case after it is a sentence: "Relevance is …"
    return bool(_CLOSING[lang].search(last) or _PATTERNS[lang][kind].search(last))


_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
# How many words a sentence inside a paragraph may open with before its heading's keyword ends
# («Диссертациялық зерттеу жұмысының негізгі ғылыми жаңалығы: …» has it at the sixth)
_HEAD_REACH = 8


def run_in_parts(paragraph: str, lang: str) -> list[str]:
    """A paragraph cut where a new section's heading opens a sentence: "Цель работы — … .
    Объект исследования — … ." → one part per heading. Only a sentence that opens with a
    heading made of heading words ("The object of the study is", "Объект исследования —") or
    with a list's introduction cuts; a sentence that merely mentions a keyword does not. A
    heading run into another ("The aim and objectives The aim of the study is …") is cut too."""
    cuts = [0]
    markers = [(m.start(), int(m.group(1)), m.group(2)) for m in _INLINE_NUMBER.finditer(paragraph)]
    starts = [0] + [m.end() for m in _SENTENCE_START.finditer(paragraph)
                    if not _SECTION_NUMBER_END.search(paragraph[: m.start()]) and not _inside_list(m.end(), markers)]
    for sentence in starts:
        # A numbered heading opens with its number: "2. The aim and objectives of the study …"
        start = sentence or _SECTION_NUMBER_START.match(paragraph).end()
        rest = paragraph[start:]
        # Only a sentence opening with heading words that name a kind, or introducing a list,
        # can open a section.
        first = rest.split(maxsplit=_HEAD_REACH)[:_HEAD_REACH]
        head = " ".join(first[:_heading_words_ahead(first, lang)])
        # (or with the paragraph's closing colon: «… . Для достижения цели поставлены задачи:»)
        tried = rest[:1].isupper() and (_ANY_KEYWORD[lang].search(head) or _LIST_INTRO_WORD[lang].search(rest[:200])
                                        or rest.endswith(":") and _words(rest) <= 30)
        h = match(rest, lang) if tried else None
        if (h is None or h.kind in WEAK_KINDS or h.shape == "run-in-lower"
                or not (h.shape == "intro" or heading_phrase(h.text, lang))):
            continue
        if sentence:
            cuts.append(sentence)
        if h.shape == "run-in" and h.rest and h.rest != rest:
            inner = match(h.rest, lang)
            if (inner is not None and inner.kind != h.kind and inner.kind not in WEAK_KINDS
                    and (inner.shape == "intro" or heading_phrase(inner.text, lang))):
                cuts.append(start + rest.index(h.rest))
    cuts = sorted(set(cuts))
    return [paragraph[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(paragraph)])]


# "1) …; 2) …" / "1. … 2. …" run on in a paragraph: the number and its closing.
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[;:.,])\s)(\d{1,2})([.)])\s")


def _inside_list(at: int, markers: list[tuple[int, int, str]]) -> bool:
    """Whether position `at` lies between two consecutive numbers of a list run on in the
    paragraph ("1. The research methods were improved. 2. …"): a sentence there is an item's."""
    before = {(n, c) for pos, n, c in markers if pos < at}
    return any((n - 1, c) in before for pos, n, c in markers if pos >= at)


_SECTION_NUMBER_START = re.compile(r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})[.)]?\s+(?=[^\W\d_]))?")
# "1." / "2.3." / "IV." just before a cut is the section's number, not a sentence's end.
_SECTION_NUMBER_END = re.compile(r"(?:^|\s)(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.$")
