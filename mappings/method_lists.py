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

A list holding three methods found is a list of methods beyond doubt, and asks less: any action
noun heads an activity in it («фотофиксация», "distributed tracing", «үлгілерді себу»); an item
holding a tool gives the activity done with it ("distributed tracing with OpenTelemetry",
«дешифрирование снимков Sentinel-2», Kazakh «MATLAB ортасында компьютерлік имитация»); and a
program's one-word name is a method there ("Gensim").

Found names are candidates of class dkg:Method (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import generic_acronyms, morphology

_ACTIVITY = {
    "en": re.compile(r"analys[ie]s|review|observations?|interviews?|interviewing|surveys?|questionnaires?|"
                     r"testing|tests?|trials?|experiments?|experimentation|measurements?|mapping|monitoring|"
                     r"simulations?|model(?:l)?ing|assessments?|evaluation|comparison|synthesis|"
                     r"generali[sz]ation|classification|sampling|coding|profiling|inventory|fieldwork|"
                     r"census|inspection|screening|audit|examination|mining|benchmarking|triangulation|description", re.I),
    "ru": re.compile(r"(?:анализ|изучени|обобщени|наблюдени|сравнени|сопоставлени|интервьюировани|"
                     r"анкетировани|тестировани|испытани|эксперимент|моделировани|картировани|"
                     r"картографировани|мониторинг|измерени|обследовани|экспертиз|оценк|опрос|классификаци|"
                     r"синтез|систематизаци|инвентаризаци|хронометраж|анкет|интервью|аудит|скрининг|описани)\w*", re.I),
    "kk": re.compile(r"(?:(?:талда|бақыла|салыстыр|зерделе|жинақта|сарапта|модельде|тексер|өлше|сына|"
                     r"тестіле|бағала|жүйеле|жікте|картаға\s+түсір|сарала)у|сипатта(?:у|ма)|сауалнама|сұхбат|эксперимент|"
                     r"мониторинг|сынақ|сынағ|тәжірибе)\w*", re.I),
}
# In a list holding three methods found, a research activity may be named by any action noun: the
# ending shows one where no list of activity words can ("distributed tracing", «фотофиксация»,
# «дешифрирование снимков», «селективті орталарға себу»)
_ACTION = {
    "en": re.compile(r"\w+(?:ing|tion|sion|ysis|metry|graphy|scopy)", re.I),
    # (Russian in the nominative a list of what was used names it in; a noun ending so that names a
    # thing, a substance or a document is none: «стронция», «документации», «популяции»)
    "ru": re.compile(r"(?!(?:\w*(?:стронци|документаци|информаци|организаци|популяци|станци|позици|ситуаци|"
                     r"традици|коллекци|конструкци|продукци|редакци|секци|концепци|корпораци|федераци|ассоциаци)))"
                     r"(?:\w+(?:ани|ени|яни)[ея]|\w+ци[яи]|\w+(?:метри|графи|скопи)[яи]|\w*анализ|тест\w*|\w*поиск|"
                     r"\w*съ[её]мк[аи])", re.I),
    "kk": re.compile(r"\w{2,}[ую]|\w+(?:графия|метрия|скопия)", re.I),
}
_DENSE = 3
# The words ending as a procedure (-metry, -graphy, -scopy) that name a field, a shape, a book or a
# disorder («дисграфия», "dysgraphia"), not something a work did
NOT_PROCEDURE = re.compile(r"(?:дис|dys|гео|сим|асим|тригоно|изо|гоно|стерео|моно|библио|автобио|био|авто|демо|хорео|орфо|типо|"
                            r"стено|лексико|историо|лито|каллиг|карто|кино|поли|"
                            r"geo|sym|asym|trigono|iso|mono|biblio|autobio|bio|auto|demo|choreo|ortho|typo|steno|lexico|"
                            r"historio|litho|calli|carto|cinemato|poly|photo|фото)(?:metr|graph|метр|граф)")
# the operations of thought a list of "general scientific methods" opens with («анализ, синтез,
# индукция»): alone, each names no method a reader asks for (KEYS.md: "analysis" on its own; a
# comparison, «салыстыру», is listed by keys as a method)
_OPERATIONS = {"analysis", "synthesis", "induction", "deduction", "abstraction", "generalisation", "generalization",
               "анализ", "синтез", "индукция", "дедукция", "абстрагирование", "обобщение",
               "талдау", "синтездеу", "жинақтау"}
# what separates a list's items
_SEPARATOR = re.compile(r"\s*[,;()]\s*|\s+(?:and|or|и|или|а\s+также|және|немесе)\s+|\s*[:]\s+", re.I)
# where a list ends: the end of a sentence
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|\n")
# an item ends at a count ("of 412 students", «112 нотариусов»)
_COUNT = re.compile(r"\s+(?:(?:of|among|with|on|in|среди|с|на|по)\s+)?(?:[\d]|N\s*=)")
_ARTICLE = re.compile(r"(?:(?:and|or)\s+)?(?:a|an|the)\s+|(?:and|or)\s+", re.I)
_MAX_WORDS = {"en": 5, "ru": 4, "kk": 4}
# an item opened by a possessive refers back to a thing the sentence named: "… on academic
# mobility and its interaction with …", «… и его влияние», «… және оның әсері»
_POSSESSIVE = {"its", "their", "his", "her", "our", "его", "её", "ее", "их", "оның", "олардың",
               # nor a Kazakh postposition, which closes the phrase before it («… арқылы сипаттау»)
               "арқылы", "бойынша", "үшін"}
# a word that makes the item a clause, not a name: a verb's forms of these languages' sentences
_CLAUSE = {
    "en": re.compile(r"\b(?:is|are|was|were|has|have|had|been|used|carried|conducted|applied|showed|shows)\b", re.I),
    "ru": re.compile(r"(?<!\w)(?:был\w*|является|использ\w*|применя\w*|провод\w*|проведе\w*|проведё\w*|выполн\w*|"
                     r"показал\w*|\w+(?:ется|ются|ится|ятся|лся|лась|лось|лись))(?!\w)", re.I),
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
    while s < e and (text[s].isspace() or text[s] in "–—-"):
        s += 1
    article = _ARTICLE.match(text, s, e)
    if article:
        s = article.end()
    while e > s and text[e - 1] in " .\u00a0":
        e -= 1
    return s, e


# the words that attach a tool or an object to an activity ("modelling in ENVI-met", «оценка … с
# помощью i-Tree Eco»); Kazakh puts the tool first, with a locative or instrumental ending
_PREPOSITION = {
    "en": re.compile(r"\s+(?:with|using|in|via|on|for|from|by)\s+", re.I),
    "ru": re.compile(r"\s+(?:в|во|с|со|на\s+основе|для|при|по)\s+", re.I),
}
_KK_POSTPOSITION = re.compile(r"\s*(?:\S*(?:нда|нде|да|де|та|те|мен|пен|бен|ымен|імен)|арқылы|көмегімен)\s+", re.I)
_TOOL = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*")


def _before_preposition(text: str, s: int, e: int, lang: str) -> int:
    m = _PREPOSITION.get(lang) and _PREPOSITION[lang].search(text, s, e)
    return m.start() if m else e


def _beside_tool(text: str, s: int, e: int, lang: str, methods: list[tuple[int, int]]) -> tuple[int, int]:
    """The part of an item holding a method found that names an activity of its own, or (s, s)."""
    inside = [(a, b) for a, b in methods if a < e and s < b]
    first, last = min(a for a, _ in inside), max(b for _, b in inside)
    if lang == "kk":
        if first > s:
            return s, s
        after = _KK_POSTPOSITION.match(text, last, e)
        return (after.end(), e) if after and after.end() < e else (s, s)
    if first <= s:
        return s, s
    cut = _before_preposition(text, s, first, lang)
    while cut > s and text[cut - 1] in " (\u00a0":
        cut -= 1
    return s, cut


# A sentence listing methods opens with the words that say so ("The work used …", «В работе
# использованы …», «Жұмыста …», a run-in heading before them): the list's first item follows them.
_OPENER = {
    "en": re.compile(r"^.{0,80}?\b(?:used|uses|applied|applies|employed|employs|combined|combines|relies\s+on|"
                     r"included|includes|(?:methods|techniques)\s+(?:were|are|used\s+(?:were|are)))\s+"
                     r"(?:the\s+following(?:\s+methods)?\s*:?\s*)?"
                     # the list after a dash or colon: "General scientific methods—analysis, synthesis"
                     r"|^.{0,80}?\b(?:methods|techniques)\s*[—–:]\s*", re.I),
    "ru": re.compile(r"^.{0,80}?(?<!\w)(?:использован[ыо]?|использовались|применен[ыо]?|применён|применялись|"
                     r"включают|включали)\s+(?:следующие(?:\s+методы)?\s*:?\s*)?", re.I),
    "kk": re.compile(r"^.{0,60}?(?<!\w)(?:жұмыста|зерттеуде|диссертацияда|(?:зерттеу|жұмыс)\s+барысында)\s+", re.I),
}


_KK_LIST_VERB = re.compile(r"\s+(?:қолданылды|пайдаланылды|жүргізілді)$")


def _tool_shaped(words: list[str]) -> bool:
    """One Latin name shaped like a program's: capitalised or with a capital inside."""
    return len(words) == 1 and bool(_TOOL.fullmatch(words[0])) and len(words[0]) > 2 \
        and not generic_acronyms.is_common_noun(words[0]) and not generic_acronyms.is_substance(words[0])


def _activity_head(words: list[str], lang: str, pattern: re.Pattern | None = None) -> bool:
    pattern = pattern or _ACTIVITY[lang]
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
        dense = sum(holding) >= _DENSE
        for n, ((s, e), held) in enumerate(zip(items, holding)):
            cut = held
            if e <= s:
                continue
            opener = _OPENER[lang].match(text[s:e]) if n == 0 and not held else None
            if opener and s + opener.end() < e:
                s, n = s + opener.end(), 1   # an item like any other after the words that open the list
            if held:
                # the activity before the tool it was done with or the thing it was done on ("distributed
                # tracing with OpenTelemetry", «дешифрирование снимков Sentinel-2»), or in Kazakh after it
                # («MATLAB/Simulink ортасында компьютерлік имитация»)
                if not dense:
                    continue
                s, e = _beside_tool(text, s, e, lang, methods)
                if e <= s:
                    continue
            elif n:   # a sentence's opening words are no list item to cut («Сравнение … с …»)
                e, whole = _before_preposition(text, s, e, lang), e
                cut = e < whole
            if lang == "kk":   # a Kazakh list ends with its verb: «…, ақпаратты жинау қолданылды»
                verb = _KK_LIST_VERB.search(text, s, e)
                e = verb.start() if verb else e
            words = text[s:e].split()
            if dense and n and not held and _tool_shaped(words):
                out.append((s, e))   # a program among the methods: "Opacus", "Gensim", "Crunchbase"
                continue
            if not words or words[0][:1].isdigit() or len(words) > (_MAX_WORDS[lang] if n else 2) or \
                    n and words[0][:1].isupper() and not (words[0].isupper() and len(words) > 1):
                # a clause; the sentence's opening words before its first item ("Research methods
                # corpus analysis"); a capitalised name the other rules read (an acronym before its
                # activity is none: "CO chemisorption")
                continue
            if _CLAUSE[lang].search(text[s:e]) or words[0].lower() in _POSSESSIVE or (
                    len(words) == 1 and words[0].lower().strip(".,;:") in _OPERATIONS):
                continue
            # one action noun cut from its tool is what was done in the tool ("printing on an EOS M 290",
            # «хранение в InfluxDB»), not a method of its own
            if _activity_head(words, lang) or dense and n and not (cut and len(words) == 1) \
                    and _activity_head(words, lang, _ACTION[lang]) \
                    and not any(NOT_PROCEDURE.match(w.lower()) for w in words):
                out.append((s, e))
    return out
