"""Methods named by ordinary words in a list of methods.

A work lists the methods it used: «Использованы формально-юридический метод, сравнительно-правовой
метод, анализ судебной практики и экспертный опрос 112 нотариусов», «теориялық талдау, логопедиялық
тексеру, …, жазба жұмыстарды талдау, бақылау», "corpus analysis, discourse analysis, participant
observation, a questionnaire survey of 412 students". The vocabularies and the name shapes catch
the methods that have a name; the others are a research activity and what it was done on
("analysis of court decisions", «изучение уголовных дел», «сабақтарды бақылау»), which no
vocabulary can list. A list joins things of one kind: where two of its items are methods found
already, every other item that is a research activity is a method too.

An item is what lies between the list's commas, semicolons, conjunctions and brackets, less what
follows a count ("survey of 412 students", «опрос 112 нотариусов») and less an article. It is a
method only when it is short (a name, not a clause) and its head is an activity: the last word in
Kazakh and English ("жазба жұмыстарды талдау", "participant observation", or the word before "of":
"analysis of court decisions"), one of the first words in Russian («анализ судебной практики»,
«экспертный опрос»).

Found names are candidates of class dkg:Method (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import morphology

_ACTIVITY = {
    "en": re.compile(r"analys[ie]s|review|observations?|interviews?|interviewing|surveys?|questionnaires?|"
                     r"testing|tests?|trials?|experiments?|experimentation|measurements?|mapping|monitoring|"
                     r"simulations?|model(?:l)?ing|assessments?|evaluation|comparison|synthesis|"
                     r"generali[sz]ation|classification|sampling|coding|profiling|inventory|fieldwork|"
                     r"census|inspection|screening|audit|examination|mining|benchmarking|triangulation", re.I),
    "ru": re.compile(r"(?:анализ|изучени|обобщени|наблюдени|сравнени|сопоставлени|интервьюировани|"
                     r"анкетировани|тестировани|испытани|эксперимент|моделировани|картировани|"
                     r"картографировани|мониторинг|измерени|обследовани|экспертиз|оценк|опрос|классификаци|"
                     r"синтез|систематизаци|инвентаризаци|хронометраж|анкет|интервью|аудит|скрининг)\w*", re.I),
    "kk": re.compile(r"(?:(?:талда|бақыла|салыстыр|зерделе|жинақта|сарапта|модельде|тексер|өлше|сына|"
                     r"тестіле|бағала|жүйеле|жікте|картаға\s+түсір|сарала)у|сауалнама|сұхбат|эксперимент|"
                     r"мониторинг|сынақ|сынағ|тәжірибе)\w*", re.I),
}
# what separates a list's items
_SEPARATOR = re.compile(r"\s*[,;()]\s*|\s+(?:and|or|и|или|а\s+также|және|немесе)\s+|\s*[:]\s+", re.I)
# where a list ends: the end of a sentence
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|\n")
# an item ends at a count ("of 412 students", «112 нотариусов»)
_COUNT = re.compile(r"\s+(?:(?:of|among|with|on|in|среди|с|на|по)\s+)?(?:[\d]|N\s*=)")
_ARTICLE = re.compile(r"(?:a|an|the)\s+", re.I)
_MAX_WORDS = {"en": 5, "ru": 4, "kk": 4}
# a word that makes the item a clause, not a name: a verb's forms of these languages' sentences
_CLAUSE = {
    "en": re.compile(r"\b(?:is|are|was|were|has|have|had|been|used|carried|conducted|applied|showed|shows)\b", re.I),
    "ru": re.compile(r"(?<!\w)(?:был\w*|является|использ\w*|применя\w*|проведен\w*|показал\w*)(?!\w)", re.I),
    "kk": re.compile(r"(?<!\w)(?:қолданылды|жүргізілді|пайдаланылды|алынды|болды)(?!\w)", re.I),
}


def _items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """(start, end) of each item of text[s:e], cut at separators."""
    out, at = [], s
    for m in _SEPARATOR.finditer(text, s, e):
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    if at < e:
        out.append((at, e))
    return out


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    count = _COUNT.search(text, s, e)
    if count:
        e = count.start()
    article = _ARTICLE.match(text, s, e)
    if article:
        s = article.end()
    while e > s and text[e - 1] in " .\u00a0":
        e -= 1
    return s, e


def _activity_head(words: list[str], lang: str) -> bool:
    pattern = _ACTIVITY[lang]
    if lang == "ru":
        # the activity first, or after its adjectives only («экспертный опрос», not «материалы изучения»)
        for n, w in enumerate(words[:2]):
            if pattern.fullmatch(w):
                return all(morphology.russian_pos(x) in ("ADJF", "PRTF") for x in words[:n])
        return False
    lower = [w.lower() for w in words]
    if lang == "en" and "of" in lower:
        # "analysis of court decisions"; "the simulation of the unit" speaks of one thing
        at = lower.index("of")
        return at > 0 and not {"the", "this", "that", "its", "their"} & set(lower[at:]) \
            and bool(pattern.fullmatch(words[at - 1]))
    return bool(pattern.fullmatch(words[-1]))


def listed(text: str, lang: str, methods: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every research activity listed with two methods among `methods` (spans of
    methods already found), one per item, none overlapping a method found."""
    if lang not in _ACTIVITY:
        return []
    methods = sorted(set(methods))
    out = []
    at = 0
    bounds = [m.start() for m in _SENTENCE.finditer(text)] + [len(text)]
    for end in bounds:
        start, at = at, end
        items = [_trimmed(text, s, e) for s, e in _items(text, start, end)]
        holding = [any(a < e and s < b for a, b in methods) for s, e in items]
        if sum(holding) < 2:
            continue
        for n, ((s, e), held) in enumerate(zip(items, holding)):
            if held or e <= s:
                continue
            words = text[s:e].split()
            if not words or words[0][:1].isdigit() or len(words) > (_MAX_WORDS[lang] if n else 2) or words[0][:1].isupper() and n:
                # a clause; the sentence's opening words before its first item ("Research methods
                # corpus analysis"); a capitalised name the other rules read
                continue
            if _CLAUSE[lang].search(text[s:e]):
                continue
            if _activity_head(words, lang):
                out.append((s, e))
    return out
