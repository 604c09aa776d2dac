"""When a common word names a research method.

Some method names are ordinary words: "survey", "modelling", "experiment", "interview",
"моделирование", "опрос", "модельдеу", "сауалнама". They name the method only where the text
speaks of how the research was done: in the statement of methods, or next to words that say so
("a survey of 400 teachers", "methods of … modelling", "опрос проводился", "сауалнама
жүргізілді"). Elsewhere they are words like any other: part of another name ("Department of
Mathematical Modelling", "кафедра математического моделирования", "модельдеу кафедрасы"), of a
quoted title, or plain English ("surveys" of the literature).

The rules are about context, not about particular words: which labels count as common words is
decided when the vocabularies are compiled (a method's label of one plain word, see
`is_common_word_label`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Sequence

from . import morphology, people

# Sections that state how the research was done.
METHOD_SECTIONS = frozenset({"theoretical-basis", "methods"})

# Words whose neighbourhood says that a method is being named: the word "method" itself, verbs
# of conducting and using, and the people a survey or experiment is done with. Prefixes, since
# they are matched against word forms in three languages.
_CUES = {
    "en": r"method|methodolog|technique|approach|using\b|used\b|use\b|uses\b|conduct|carried out|administer"
          r"|applied|apply|employ|by means|via\b|respondent|participant|sample|questionnaire|data\b|among\b"
          r"|semi-structured|online\b|interview|survey",
    "ru": r"метод|методик|методолог|с помощью|посредством|использ|примен|провед|проводи|путем|путём|на основе"
          r"|данны[ехм]|респондент|участник|выборк|анкет|опрос|среди\b",
    "kk": r"әдіс|тәсіл|арқылы|қолдан|пайдалан|жүргіз|негізінде|деректер|респондент|қатысушы|іріктеу|сауалнама"
          r"|арасында",
}
_CUE_RE = {lang: re.compile(r"(?<!\w)(?:" + cues + r")", re.I) for lang, cues in _CUES.items()}

# A count of people or items next to the word: "a survey of 400 teachers", "опрос 300 студентов".
# Years (1900–2099) are not counts.
_COUNT = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d{2,6}(?![\d.,]\d)")

# Heads of names a common word can sit inside: organisational units, periodicals, events.
_NAME_HEADS = {
    "en": {"department", "faculty", "chair", "laboratory", "lab", "institute", "centre", "center", "school",
           "university", "college", "academy", "journal", "bulletin", "proceedings", "conference", "society",
           "association", "committee", "agency", "ministry", "division", "unit", "group"},
    "ru": {"кафедра", "факультет", "лаборатория", "институт", "центр", "школа", "университет", "академия",
           "журнал", "вестник", "известие", "конференция", "общество", "ассоциация", "комитет", "агентство",
           "министерство", "отдел", "сектор"},
    "kk": {"кафедра", "факультет", "зертхана", "институт", "орталық", "мектеп", "университет", "академия",
           "журнал", "хабаршы", "конференция", "қоғам", "қауымдастық", "комитет", "агенттік",
           "министрлік", "бөлім"},
}
_QUOTED = re.compile(r"«[^«»\n]{1,200}»|“[^“”\n]{1,200}”|„[^„“”\n]{1,200}[“”]|\"[^\"\n]{1,200}\"")
_SENTENCE = re.compile(r"[.!?;:•\n](?=\s|$)")
_WINDOW = 8            # words either side that may carry a cue
_NAME_REACH = 4        # words between a common word and the head of a name it is part of


def is_common_word_label(words: Sequence[str], cls: str, lang: str | None = None) -> bool:
    """A method's label of one plain word ("survey", "моделирование"): one that also lives as an
    ordinary word. Compounds ("content-analysis"), acronyms ("SWOT") and Latin words no English
    dictionary knows (a program's name, "statsmodels", "jamovi"; a technique's, "kriging") are
    names wherever they stand; so is a label a curator wrote in the plural ("interviews",
    "pandas", «фотоқақпандар»), which the rule for plurals (instances, not the method) would
    otherwise never let through."""
    return (cls == "Method" and len(words) == 1 and "-" not in words[0]
            and not morphology.is_acronym(words[0]) and not _unknown_latin_word(words[0])
            and not (lang is not None and _plural(words[0], lang)))


def _unknown_latin_word(word: str) -> bool:
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word) is not None and not people._english_word(word.lower(), 1)


def names_a_method(text: str, lang: str, kind: str | None, tokens: Sequence, start: int, end: int) -> bool:
    """Whether the common word at text[start:end] names the method here."""
    starts = [t.start for t in tokens]
    i = bisect_left(starts, start)
    j = max(i, bisect_right(starts, end - 1) - 1)
    if _inside_other_name(text, lang, tokens, i, j) or _what_a_setting_is_for(text, lang, tokens, i, j):
        return False
    if i == j and _plural(tokens[i].text, lang):
        return False   # "experiments were run", «опросов», «эксперименттері»: instances, not the method
    if kind in METHOD_SECTIONS:
        return True
    return _has_cue(text, lang, tokens, i, j)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    right = _SENTENCE.search(text, end)
    return left, right.start() if right else len(text)


def _inside_other_name(text: str, lang: str, tokens: Sequence, i: int, j: int) -> bool:
    start, end = tokens[i].start, tokens[j].end
    for q in _QUOTED.finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if q.start() < start and end < q.end():
            return True     # a quoted title: «Mathematical modelling of …»
    left, right = _sentence_bounds(text, start, end)

    def capital_inside(k: int) -> bool:
        # A capital that is not the sentence's first word marks a proper name.
        return (0 <= k < len(tokens) and left <= tokens[k].start < right and tokens[k].text[:1].isupper()
                and re.search(r"[^\W\d_]", text[left:tokens[k].start]) is not None and not tokens[k].text.isupper())

    # "Department of Mathematical Modelling", "Modelling and Simulation Laboratory"
    if capital_inside(i) or (capital_inside(i - 1) and _adjacent(text, tokens, i - 1, i)) \
            or (capital_inside(j + 1) and _adjacent(text, tokens, j, j + 1)):
        return True
    heads = _NAME_HEADS.get(lang, _NAME_HEADS["en"])
    # Russian names put their head first («кафедра … моделирования»), Kazakh last («модельдеу
    # кафедрасы»), English either ("Department of Modelling", "Modelling Laboratory"); within a few
    # words and the same clause.
    # A head on the other side is another phrase: «анкетирование 286 сотрудников Министерства …»
    # (a survey of a ministry's staff), «министрлігінің сауалнамасы».
    before = range(max(0, i - _NAME_REACH), i) if lang != "kk" else range(0)
    after = range(j + 1, min(len(tokens), j + 1 + _NAME_REACH)) if lang != "ru" else range(0)
    for k in (*before, *after):
        lo, hi = (k, i) if k < i else (j, k)
        if re.search(r"[,;:.()«»\"]", text[tokens[lo].end:tokens[hi].start]):
            continue
        if heads & morphology.text_keys(tokens[k].text, lang):
            return True
    return False


# A common word that says what a period or a place is for names the period or the place, not the
# method used: «за 24 месяца наблюдения», «период наблюдения», «на постах наблюдения», "the
# observation period", "monitoring stations", «бақылау кезеңі». Russian and English ("period of")
# put the period first, English and Kazakh may put it after.
_SETTINGS = {
    "en": {"period", "post", "station", "site", "point", "network", "month", "year", "week", "day"},
    "ru": {"период", "срок", "пост", "пункт", "станция", "сеть", "объект", "месяц", "год", "неделя", "день",
           "сутки"},
    "kk": {"кезең", "мерзім", "бекет", "пункт", "станция", "желі", "нысан"},
}


def _what_a_setting_is_for(text: str, lang: str, tokens: Sequence, i: int, j: int) -> bool:
    settings = _SETTINGS.get(lang, _SETTINGS["en"])

    def setting(k: int) -> bool:
        return 0 <= k < len(tokens) and bool(settings & morphology.text_keys(tokens[k].text, lang))

    if lang in ("en", "kk") and j + 1 < len(tokens) and _adjacent(text, tokens, j, j + 1) and setting(j + 1):
        return True
    if lang == "ru" and i > 0 and _adjacent(text, tokens, i - 1, i) and setting(i - 1):
        return True
    return lang == "en" and i > 1 and tokens[i - 1].text.lower() == "of" and _adjacent(text, tokens, i - 1, i) \
        and _adjacent(text, tokens, i - 2, i - 1) and setting(i - 2)


def _adjacent(text: str, tokens: Sequence, a: int, b: int) -> bool:
    gap = text[tokens[a].end:tokens[b].start]
    return gap.strip() in ("", "-", "&")


def cue_beside(text: str, lang: str, tokens: Sequence, i: int, j: int) -> bool:
    """Whether the words beside tokens[i..j], in their sentence, say a method is being named."""
    return _has_cue(text, lang, tokens, i, j)


def _has_cue(text: str, lang: str, tokens: Sequence, i: int, j: int) -> bool:
    left, right = _sentence_bounds(text, tokens[i].start, tokens[j].end)
    lo = max(left, tokens[max(0, i - _WINDOW)].start)
    hi = min(right, tokens[min(len(tokens) - 1, j + _WINDOW)].end)
    window = text[lo:tokens[i].start] + " " + text[tokens[j].end:hi]
    return bool(_CUE_RE.get(lang, _CUE_RE["en"]).search(window) or _COUNT.search(window))


_KK_PLURAL = re.compile(r"[а-яәғқңөұүһі]{4,}(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ын|ін|ының|інің|ға|ге|да|де|ды|ді|мен)?$")


def _plural(word: str, lang: str) -> bool:
    """A common word of method in the plural names the studies done, not the method."""
    low = morphology.fold(word)
    if lang == "en":
        return low.endswith("s") and not low.endswith(("ss", "is", "ics", "us"))
    if lang == "ru":
        parses = morphology._analyzer().parse(low)[:1]
        return bool(parses) and parses[0].tag.number == "plur"
    if lang == "kk":
        return _KK_PLURAL.search(low) is not None
    return False

