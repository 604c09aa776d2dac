"""Theories and methods that no vocabulary lists, recognised by the shape of their name: a head
word that says what kind of thing is named ("theory", «теория», «теориясы», "method", «метод»,
«әдісі», "analysis", «талдау», "approach", «подход», «тәсілі», "model") with the words that
make it one particular theory or method ("endogenous growth theory", "theory of formal
grammars", «теория эндогенного роста», «метод главных компонент», «институционалдық теория»,
«Каплан – Мейер әдісі»).

A head of the theory kind names a theory wherever it stands. The others ("method", "analysis",
"model", "approach") are ordinary words of any abstract, so they name something only in the
statement of theoretical basis or of methods, or where a proper name or an acronym makes them
specific ("Delphi method", "SWOT analysis", «метод Монте-Карло»). A head inside another
capitalised name (a department, a journal) or inside a quotation is never one: see
method_context for the same guard on vocabulary names. Only the singular: "the following
methods", «методы исследования» list, they do not name.

The spans found are candidates for a curator (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from . import generic_acronyms, method_context, morphology

THEORY_SECTIONS = {"theoretical-basis", "methods"}

# head → (class, named anywhere?)
_EN_HEADS = {"theory": ("Theory", True), "paradigm": ("Theory", True), "approach": ("Theory", False), "concept": ("Theory", False),
             "model": ("Theory", False), "framework": ("Theory", False), "method": ("Method", False),
             "analysis": ("Method", False), "modelling": ("Method", False), "modeling": ("Method", False),
             "technique": ("Method", False), "spectroscopy": ("Method", False), "microscopy": ("Method", False),
             "spectrometry": ("Method", False), "test": ("Method", False), "study": ("Method", False),
             "trial": ("Method", False), "hypothesis": ("Theory", True), "principle": ("Theory", False),
             "periodogram": ("Method", False), "photometry": ("Method", False), "algorithm": ("Method", False),
             "regression": ("Method", False), "simulation": ("Method", False),
             "regularization": ("Method", False), "regularisation": ("Method", False), "sampling": ("Method", False),
             "index": ("Method", False), "coefficient": ("Method", False), "filter": ("Method", False),
             "criterion": ("Method", False), "law": ("Theory", False), "equation": ("Theory", False),
             "theorem": ("Theory", False), "effect": ("Theory", False), "design": ("Method", False),
             # agreement and reliability statistics named after their author: "Cohen's kappa", "Cronbach's alpha"
             "kappa": ("Method", False), "alpha": ("Method", False),
             # a classification named after its author: "Crowe classification", "Gustilo classification"
             "classification": ("Method", False), "tomography": ("Method", False),
             # a formula or a diagram named after its author: "Abbott's formula", "Pourbaix diagram"
             "formula": ("Method", False), "diagram": ("Method", False),
             # a lemma, a condition, a scheme, a mesh or an extrapolation after its author:
             # "Lax–Milgram lemma", "Courant–Friedrichs–Lewy condition", "Richardson extrapolation"
             "lemma": ("Theory", False), "condition": ("Theory", False), "scheme": ("Method", False),
             "mesh": ("Method", False), "extrapolation": ("Method", False),
             # a game's solution after its author: "Nash equilibrium", "Shapley value"
             "equilibrium": ("Theory", False), "value": ("Theory", False),
             # a signal's transform: "Hilbert transform", "short-time Fourier transform"
             "transform": ("Method", False),
             # topology's and algebra's objects after their author: "Khovanov homology", "Jones
             # polynomial", "Rasmussen invariant", "Milnor conjecture", "Levine–Tristram signature",
             # "Lee deformation"; and its tools: "Seifert matrix", "Kirby calculus"
             "homology": ("Theory", False), "cohomology": ("Theory", False), "polynomial": ("Theory", False),
             "invariant": ("Theory", False), "conjecture": ("Theory", False), "signature": ("Theory", False),
             "deformation": ("Theory", False), "matrix": ("Method", False), "calculus": ("Method", False)}
# Heads that name one particular thing only after a scholar's name, in the possessive or joined
# by a dash ("Fourier's law", "Box–Behnken design", "Doppler effect"): never "the Kazakh law",
# "research design", "the effect".
_EN_EPONYMOUS = {"law", "equation", "theorem", "effect", "design", "kappa", "alpha", "classification", "formula",
                 "diagram", "lemma", "condition", "scheme", "mesh", "extrapolation", "equilibrium", "value",
                 "homology", "cohomology", "polynomial", "invariant", "conjecture", "signature", "deformation",
                 "matrix", "calculus"}
_DEMONYM = re.compile(r"(?:an|ese|ish|ic|kh)$")


def _en_eponymous_singular(word: str) -> str | None:
    """An eponymous head in the plural names one thing too ("Saint-Venant equations", "Kirchhoff's
    laws", "Maxwell equations"): its singular, for a folded word ending in -s."""
    if word == "equilibria":
        return "equilibrium"
    return word[:-1] if word.endswith("s") and word[:-1] in _EN_EPONYMOUS else None


# Heads that are a scholar's after a possessive ("Tukey's test", "Pearson's criterion", "Shor's algorithm"), and
# otherwise take their modifiers as any head does ("the Mann–Whitney U test", "a placement test")
_EN_POSSESSIVE_EPONYMOUS = {"test", "criterion", "index", "coefficient", "method", "algorithm"}
_POSSESSIVE = re.compile(r"^[A-Z][\w-]*['’]s$")
# Heads that also stand before another head as its modifier ("index method", "filter method")
_EN_MODIFIER_HEADS = {"index", "coefficient", "filter", "criterion", "kappa", "alpha", "equilibrium", "value",
                      # (and before another head: "Matrix Language Frame model", "homology theory")
                      "homology", "cohomology", "polynomial", "invariant", "conjecture", "signature", "deformation",
                      "matrix", "calculus"}
_NO_OF_COMPLEMENT = {"study", "studies"}
_RU_HEADS = {"теория": ("Theory", True), "парадигма": ("Theory", True), "подход": ("Theory", False),
             "модель": ("Theory", False), "метод": ("Method", False), "анализ": ("Method", False),
             "моделирование": ("Method", False), "спектроскопия": ("Method", False),
             "микроскопия": ("Method", False), "спектрометрия": ("Method", False),
             "методика": ("Method", False), "эксперимент": ("Method", False),
             "исследование": ("Method", False), "гипотеза": ("Theory", False), "концепция": ("Theory", False),
             "принцип": ("Theory", False), "алгоритм": ("Method", False), "диагностика": ("Method", False),
             "закон": ("Theory", False), "распределение": ("Method", False), "шкала": ("Method", False),
             "опросник": ("Method", False), "тест": ("Method", False), "индекс": ("Method", False),
             "коэффициент": ("Method", False), "фильтр": ("Method", False), "критерий": ("Method", False),
             "уравнение": ("Theory", False), "эффект": ("Theory", False), "теорема": ("Theory", False),
             "печь": ("Method", False), "катушка": ("Method", False), "каппа": ("Method", False),
             "альфа": ("Method", False), "поправка": ("Method", False), "классификация": ("Method", False),
             "томография": ("Method", False), "допплерография": ("Method", False),
             "ультрасонография": ("Method", False), "сонография": ("Method", False),
             "эхокардиография": ("Method", False), "ангиография": ("Method", False),
             # an experimental task or a test battery after its author: «задача Струпа», «матрицы Равена»
             "задача": ("Method", False), "матрица": ("Method", False),
             # a formula, a diagram, an experimental design or a numerical scheme after its author:
             # «по формуле Аббота», «диаграммы Пурбе», «по плану Бокса – Бенкена», «по схеме Ньюмарка»
             "формула": ("Method", False), "диаграмма": ("Method", False), "план": ("Method", False),
             "схема": ("Method", False),
             # … and a lemma, a condition, a mesh or an extrapolation: «лемма Лакса – Мильграма»,
             # «условие Куранта – Фридрихса – Леви», «сетки Шишкина», «экстраполяция Ричардсона»
             "лемма": ("Theory", False), "условие": ("Theory", False), "сетка": ("Method", False),
             "экстраполяция": ("Method", False),
             # a game's solution after its author: «равновесие Нэша», «вектор Шепли»
             "равновесие": ("Theory", False), "вектор": ("Theory", False),
             # a transform after its author: «преобразование Гильберта» («вейвлет-преобразование» by its kind)
             "преобразование": ("Method", False)}
# Heads that name one particular thing only after a scholar's name: «закон Аррениуса»,
# «распределение Вейбулла», «опросник выгорания Маслач» (never «закон Республики Казахстан»)
# (a statistical correction too: «поправка Бонферрони», «с поправкой Тьюки»)
_RU_EPONYMOUS = {"поправка", "закон", "распределение", "шкала", "опросник", "тест", "принцип", "индекс", "коэффициент",
                 "фильтр", "критерий", "уравнение", "эффект", "теорема", "печь", "катушка", "каппа", "альфа",
                 "классификация", "задача", "матрица", "формула", "диаграмма", "план", "схема", "лемма", "условие",
                 "сетка", "экстраполяция", "равновесие", "вектор", "преобразование"}
# Instruments of measurement and grading, which are named by a code as often as by their author:
# «опросник SF-36», «шкала EQ-5D», «классификация TNM-8» (a code with a digit or a hyphen: not an
# organisation's acronym, «индекс ВВП»)
_RU_INSTRUMENTS = {"шкала", "опросник", "тест", "индекс", "классификация"}
_INSTRUMENT_CODE = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁa-z]*(?:[-/][A-ZА-ЯЁ0-9][\w/]*|\d\w*)+")
# a scholar named by initials after an eponymous head: «классификация J.F. Smith», «шкала К. Рифф»
_INITIALLED = re.compile(r"\s+((?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][a-zа-яё]+(?:[-–][A-ZА-ЯЁ][a-zа-яё]+)?)(?![\w.-])")
# Kazakh heads close the name; the singular possessive is the form inside a name (теориясы, әдісі)
_KK_HEADS = {"теория": ("Theory", True), "теориясы": ("Theory", True), "парадигма": ("Theory", True),
             "парадигмасы": ("Theory", True), "тәсіл": ("Theory", False), "тәсілі": ("Theory", False),
             "модель": ("Theory", False), "моделі": ("Theory", False), "әдіс": ("Method", False),
             "әдісі": ("Method", False), "талдау": ("Method", False), "талдауы": ("Method", False),
             "модельдеу": ("Method", False), "әдістемесі": ("Method", False), "зерттеу": ("Method", False),
             "тест": ("Method", False), "тесті": ("Method", False), "алгоритм": ("Method", False),
             "алгоритмі": ("Method", False), "бақылау": ("Method", False), "гипотеза": ("Theory", False),
             "гипотезасы": ("Theory", False), "индексі": ("Method", False), "коэффициенті": ("Method", False),
             "критерийі": ("Method", False), "шкаласы": ("Method", False), "заңы": ("Theory", False),
             "теңдеуі": ("Theory", False), "теоремасы": ("Theory", False), "эффектісі": ("Theory", False),
             # a concept or a doctrine: «холобионт тұжырымдамасы», «геожүйелер концепциясына»,
             # «ландшафттану ілімі» (a capitalised one, «Мәдени саясат тұжырымдамасы», is a policy's:
             # the capitalised names and self_named take it first)
             "тұжырымдамасы": ("Theory", True), "концепциясы": ("Theory", True), "ілімі": ("Theory", False),
             # a classification after its author: «Густило жіктемесі», «Crowe классификациясы»
             "жіктемесі": ("Method", False), "классификациясы": ("Method", False),
             "формуласы": ("Method", False), "диаграммасы": ("Method", False), "схемасы": ("Method", False),
             "леммасы": ("Theory", False), "шарты": ("Theory", False), "экстраполяциясы": ("Method", False),
             "торлары": ("Method", False),
             "томография": ("Method", False), "томографиясы": ("Method", False),
             # a statistical test after its authors, in the possessive: «Манн–Кендалл сынағы», «Петтитт
             # сынағымен» (the bare «сынақ» is a trial of anything: «уақытша сынақ алаңдары»)
             "сынағы": ("Method", False),
             # an agreement statistic after its author: «Коэн каппасы», «Кронбах альфасы»
             "каппасы": ("Method", False), "альфасы": ("Method", False),
             # a game's solution after its author: «Нэш тепе-теңдігі», «Шепли векторы»
             "тепе-теңдігі": ("Theory", False), "векторы": ("Theory", False),
             # a transform after its author: «Гильберт түрлендіруі», «Фурье түрлендіруі»
             "түрлендіруі": ("Method", False)}
# Kazakh heads that name one thing only after a scholar's name in the nominative: «Дюверже заңы»,
# «Берталанфи өсу теңдеуі» (never «Қазақстан Республикасының заңы», a law of the state)
_KK_EPONYMOUS = {"заңы", "теңдеуі", "теоремасы", "эффектісі", "жіктемесі", "классификациясы", "каппасы", "альфасы",
                 "формуласы", "диаграммасы", "схемасы", "леммасы", "шарты", "экстраполяциясы", "торлары",
                 "тепе-теңдігі", "векторы", "түрлендіруі"}
_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# the instrumental and locative a bare head takes: «әдіспен», «тәсілмен», «модельмен», «әдісте»
_KK_CASE_AFTER_BARE = ("пен", "мен", "бен", "те", "де")
_KK_BARE_HEADS = {"әдіс", "тәсіл", "модель", "алгоритм", "тест"}
# the case a possessive head takes in a sentence: «теориясына», «әдісімен», «тестінің»
_KK_CASE_AFTER_POSSESSIVE = ("ндағы", "ндегі", "ның", "нің", "нда", "нде", "нан", "нен", "мен", "на", "не", "н")

# Russian theory heads that an adjective and a noun in the genitive make one particular theory
_RU_NAMED_BY_GENITIVE = {"гипотеза", "концепция"}

# Russian heads that are verbal nouns: a genitive after them is what is done, not a name
_RU_ACTIVITY = {"анализ", "моделирование", "исследование"}

# Words that say nothing about which theory or method is meant ("the proposed model", «данный
# метод», «осы әдіс», «зерттеу әдісі» the research method).
# Not listed because the walk stops at them anyway: heads ("study"), words that are no adjective
# or noun («его»), Kazakh participles (_KK_PARTICIPLE: «ұсынылған», «қолданылған»).
_GENERIC = {
    "en": {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "new",
           "proposed", "developed", "existing", "own", "author's", "authors", "general", "basic", "main",
           "following", "same", "such", "other", "various", "different", "modern", "improved", "given",
           "present", "current", "research", "which", "each", "any", "one", "two", "three", "first",
           "second", "final", "overall", "appropriate", "suitable", "effective", "key", "whole", "specific",
           "particular", "common", "standard", "traditional", "classical", "simple", "complex", "single",
           "used", "applied", "chosen", "selected", "suggested", "resulting", "obtained", "initial",
           "scientific", "theoretical", "methodological", "mathematical", "comprehensive", "combined",
           "mixed", "unified", "conceptual", "null", "alternative", "working", "competing",
           # words that weigh or point at a theory rather than name it ("another important
           # theory", "whose theory", "a deep theory of …")
           "another", "important", "whose", "deep", "some", "certain", "several", "many", "most",
           "further", "relevant", "significant", "essential", "interesting", "possible", "useful",
           "necessary", "previous", "recent",
           # a plural head is no modifier: "general scientific methods—analysis"
           "methods", "theories", "approaches", "models", "techniques",
           "under", "into", "about", "through", "during", "between", "among", "within",
           "of", "and", "or", "in", "on", "for", "with", "by", "to", "from", "as", "at", "is", "are", "was",
           "were", "be", "been", "using", "based", "no", "not", "it",
           # a sentence's subject before its verb ("The author applies human relations theory")
           "author", "we", "they", "thesis", "dissertation", "paper", "article",
           # a question word, an adverb of the sentence or an auxiliary ends a name's words ("to
           # interpret how operators accept …", "it thus extends …", "which can model …")
           "how", "what", "why", "when", "where", "who", "whom", "whether", "if", "so", "then", "thus",
           "hence", "also", "can", "could", "may", "might", "will", "would", "should", "must", "do", "does",
           "did", "has", "have", "had", "he", "she"},
    "ru": {"данный", "этот", "тот", "новый", "предложенный", "предлагаемый", "разработанный", "существующий",
           "основной", "общий", "такой", "другой", "различный", "современный", "собственный", "следующий",
           "указанный", "авторский", "наш", "их", "её", "который", "весь", "каждый", "один",
           "научный", "теоретический", "методологический", "математический", "комплексный", "системный",
           "исследование", "работа", "диссертация", "решение", "задача", "проблема", "автор", "анализ",
           "оценка", "данные", "результат", "использование", "применение", "разработка", "построение",
           "классический", "традиционный", "единый", "сам", "свой", "обучение", "изучение",
           "эффективный", "соответствующий"},
    "kk": {"бұл", "осы", "сол", "ол", "жаңа", "негізгі", "түрлі", "әртүрлі", "барлық", "келесі", "жалпы",
           "ғылыми", "теориялық", "әдіснамалық", "математикалық", "кешенді", "жүйелі", "өз", "біз", "мына",
           "бір", "әрбір", "қандай", "оның", "олардың", "біздің", "өзіндік",
           "тиімді", "дәстүрлі", "классикалық"},
}
_KK_GENERIC_STEMS = ("зерттеу", "жұмыс", "диссертац", "мәселе", "міндет", "нәтиже", "деректер", "талдау")
# (English "and" and "or" were listed too: no test and no corpus reaches this check with them, so
# seed 181's mutant dropping "and" changed nothing; both were removed)
_CONJUNCTIONS = {"и", "или", "а", "также", "және", "мен", "пен", "бен", "әрі", "немесе", "не"}
_KK_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін|ып|іп|уге|уға|уде|уда)$")
_KK_OBLIQUE = re.compile(r"(?:да|де|та|те|нда|нде|ға|ге|қа|ке|дан|ден|тан|тен|нан|нен|мен|бен|пен|ны|ні|на|не|ын|ін)$")
# a plural in the accusative is the object of a verbal noun: «әдебиеттерді талдау» analysing literature
_KK_PLURAL_OBJECT = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ды|ді|ты|ті|ны|ні)$")
_QUOTED = re.compile(r"«[^«»\n]{1,200}»|“[^“”\n]{1,200}”|„[^„“”\n]{1,200}[“”]|\"[^\"\n]{1,200}\"")
_SENTENCE_END = re.compile(r"(^|[.!?:;•\n]|\d[.)])\s*[\"«“„(]?\s*$")
_MAX_MODIFIERS = 4


def _plain_gap(text: str, a, b) -> bool:
    """Words of one name stand next to each other: a space, a dash, a hyphen, nothing else."""
    return re.fullmatch(r"[ \t\u00a0]*[-–—‐‑]?[ \t\u00a0]*|\s", text[a.end:b.start]) is not None


def _proper(word: str) -> bool:
    return word[:1].isupper() or morphology.is_acronym(word) or any(c.isdigit() for c in word)


# two capitalised words joined by a dash are two authors' names wherever they stand, at a
# sentence's start too («Манн–Кендалл сынағы», «Каплан – Мейер әдісі»): no sentence opens with a
# pair of common words so joined
_NAME_DASH = re.compile(r"[ \t\u00a0]*[-–—][ \t\u00a0]*")


def _double_barrelled(text: str, mods) -> bool:
    return any(a.text[:1].isupper() and b.text[:1].isupper() and not morphology.is_acronym(a.text)
               and not morphology.is_acronym(b.text) and _NAME_DASH.fullmatch(text, a.end, b.start)
               for a, b in zip(mods, mods[1:]))


def _sentence_initial(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, pos - 12):pos]))


# An acronym joined by a hyphen to a word for a technique names that technique, in any case:
# «TAP-блок», «ESP-блокты», «ПЦР-диагностика», «NGS-секвенирование», «БПЛА-съёмка». (Not a word
# for a firm or a person, «IT-компания», nor a Kazakh case ending, «ЮНЕСКО-ның».)
_ACRONYM_PART = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9]{1,7}")
_TECHNIQUE_AFTER_ACRONYM = re.compile(
    r"(?:блок|терапи|диагности|сканир|секвенир|генотипир|типир|картир|мониторинг|визуализ|стимуляц|окраш|"
    r"редактир|сортир|скрининг|съ[её]мк|тестир|талдау|зерттеу|бақылау)[а-яёәғқңөұүһі]*")


# A sentence that says which methods the work used is a statement of methods wherever it stands
# (a methods paragraph the structure filed under the object or subject): «Жұмыста … әдістер (…,
# агар блоктары әдісі, …) қолданылды», «В работе использованы методы …», "The methods used were …".
# Both the word for methods and a verb of use must be in it, the verb in the past: a plan or a
# novelty («әдіс ұсынылды», "a method is proposed") names no method used.
_METHODS_WORD = {"kk": r"(?<!\w)(?:әдіс|тәсіл)\w*", "ru": r"(?<!\w)метод(?:ы|ов|ами|ах)?(?!\w)",
                 "en": r"\b(?:methods|techniques)\b"}
_USED = {"kk": r"(?<!\w)(?:қолданылды|пайдаланылды)(?!\w)",
         "ru": r"(?<!\w)(?:использован[ыо]?|применен[ыо]?|применялись|использовались)(?!\w)",
         "en": r"\b(?:were|was)\s+(?:used|employed|applied)\b|\b(?:used|employed|applied)\s+(?:were|was)\b"}
_SENTENCE_BREAK = re.compile(r"[.!?;\n](?=\s)")


def _states_methods(text: str, pos: int, lang: str) -> bool:
    if lang not in _USED:
        return False
    start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, pos)), default=0)
    end = _SENTENCE_BREAK.search(text, pos)
    sentence = text[start:end.start() if end else len(text)]
    return re.search(_METHODS_WORD[lang], sentence, re.I) is not None and re.search(_USED[lang], sentence, re.I) is not None


_SCHOLARS_OWN = {"his", "her", "their", "его", "её", "ее", "их", "оның", "олардың"}
_COUNTS = {"one", "two", "three", "four", "five", "бір", "екі", "үш", "төрт", "бес", "один", "одна", "два", "две",
           "двух", "три", "трех", "трёх", "четыре", "пять"}


def find(text: str, lang: str, kind: str | None, tokens: Sequence) -> list[tuple[int, int, str]]:
    """(start, end, 'Theory' | 'Method') of every name of that shape in `text`."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    out = []
    for h, tok in enumerate(tokens):
        head = _head(tok.text, lang)
        if head is None and lang == "en" and (singular := _en_eponymous_singular(morphology.fold(tok.text))):
            head = _EN_HEADS[singular]   # (only as a name's head: "the theory of Volterra integral equations" goes on)
        activity_only = head is None and _activity(tok.text, lang)
        if activity_only:
            head = ("Method", False)
        if head is None:
            # one word that holds its own modifier: «ИК-спектроскопия», "X-ray-spectroscopy"
            first, _, last = tok.text.rpartition("-")
            head = _head(last, lang) if first else None
            if head is None and first and _ACRONYM_PART.fullmatch(first) and _TECHNIQUE_AFTER_ACRONYM.match(last):
                head = ("Method", True)   # «TAP-блок», «ПЦР-диагностика», «BIM-моделирование» too
            if head is not None and (head[0] != "Method" or _generic(first, lang) or _only_eponymous(last, lang)):
                continue
            if head is not None:
                out.append((tok.start, tok.end, head[0]))
            continue
        cls, anywhere = head
        if any(s <= tok.start < e for s, e in quoted):
            continue
        if tok.text[:1].isupper() and not _sentence_initial(text, tok.start) and lang != "kk":
            continue   # part of another capitalised name: "Department of Data Analysis"
        if lang == "kk":
            span = _kazakh(text, tokens, h)
            if span is not None and _kk_head_base(tok.text) in _KK_EPONYMOUS and not _kk_eponym(text, span[2]):
                continue
        elif lang == "ru":
            span = _russian(text, tokens, h)
        elif morphology.fold(tok.text) in _EN_EPONYMOUS or _en_eponymous_singular(morphology.fold(tok.text)) or (
                morphology.fold(tok.text) in _EN_POSSESSIVE_EPONYMOUS and h and _POSSESSIVE.search(tokens[h - 1].text)):
            if morphology.fold(tok.text) in _EN_MODIFIER_HEADS and h + 1 < len(tokens) and \
                    _head(tokens[h + 1].text, "en") and _plain_gap(text, tok, tokens[h + 1]):
                continue   # "Cohen kappa coefficient": the head after it closes the name
            span = _english_eponym(text, tokens, h)
        else:
            span = _english(text, tokens, h)
        if span is None:
            continue
        first, last, mods = span
        if activity_only:
            # only the adjectives of its kind make an activity a technique: «механические испытания»
            # (of samples: what is tested is no part of it), not «испытания» of anything, and not
            # «баланың сөйлеуі» before «логопедиялық тексеру»
            kinds = []
            for t in reversed([t for t in mods if t.start < tok.start]):
                if not _relational_adjective(t.text, lang):
                    break
                kinds.insert(0, t)
            if not kinds:
                continue
            first, last, mods = h - len(kinds), h, kinds
        if lang == "ru":
            lemma = _ru_head_lemma(tok.text)
            after = [t for t in mods if t.start > tok.start]
            if lemma in _RU_EPONYMOUS:
                # an instrument's own name is capitalised after its kind: «по шкале Гериатрической
                # депрессии», «опросник Качества жизни»
                titled = lemma in _RU_INSTRUMENTS and after and after[0].text[:1].isupper() \
                    and not morphology.is_acronym(after[0].text)
                if not titled and not any(_eponym(t.text) or (lemma in _RU_INSTRUMENTS and _INSTRUMENT_CODE.fullmatch(t.text))
                                          for t in after):
                    continue
                anywhere = True
            elif lemma == "модель" and any(_ru_place_adjective(t.text) for t in mods if t.start < tok.start):
                # a country's or a region's model of doing things: «по австралийской модели»,
                # «скандинавская модель» (English capitalises it: "the Australian model")
                anywhere = True
            elif (cls == "Method" or lemma in _RU_NAMED_BY_GENITIVE) and _specific_genitive(after):
                # «методом молекулярной динамики», «метод конечных элементов», «гипотеза эффективного рынка»
                anywhere = True
        if cls == "Method" and _IMAGING.match(tok.text) and mods:
            anywhere = True
        if cls == "Method" and lang == "en" and morphology.fold(tok.text) in _DONE_BY \
                and not any("-" in t.text for t in mods) \
                and _USED_BEFORE.search(text[max(0, tokens[first].start - 16):tokens[first].start]):
            anywhere = True   # "estimated by material flow analysis", "with stratified random sampling"
        if cls == "Method" and lang == "en" and morphology.fold(tok.text) == "method" and mods \
                and _BY_BEFORE.search(text[max(0, tokens[first].start - 12):tokens[first].start]):
            anywhere = True   # "counted by the line transect method": what a thing is done by is named
        if cls == "Method" and any(_tool_name(t.text) and not _sentence_initial(text, t.start) or _CODED_NAME.fullmatch(t.text)
                                   for t in mods):
            anywhere = True   # a method named by a code, at a list item's start too: «FAO-56 әдісі бойынша»
        if cls == "Method" and lang == "ru" and _METHOD_WORD.match(tok.text) and mods and tokens[first] is tok \
                and _RU_USED_BEFORE.search(text[max(0, tok.start - 20):tok.start]):
            anywhere = True   # «с помощью метода отношения шансов», «посредством метода главных компонент»
        if cls == "Method" and lang != "en" and _METHOD_WORD.match(tok.text) and any(_COMPOUND.fullmatch(t.text) for t in mods):
            anywhere = True   # «гамма-спектрометрическим методом», «формальды-заңдық әдіс»: a technique by its two-part name
        # an analysis made specific by its modifiers names a technique wherever the words beside it
        # say that something is done with it («включая дилатометрический анализ», «кладистикалық
        # талдау жүргізу», "used … doctrinal analysis"): the same cues as for a method's common word
        # (not with a two-part modifier: «социально-экономический анализ» is a field's analysis)
        done = _activity(tok.text, lang) and not any("-" in t.text for t in mods) \
            and all(_relational_adjective(t.text, lang) for t in mods) \
            and method_context.cue_beside(text, lang, tokens, first, last)
        # a scholar's own approach or concept after the pronoun that names them ("Porter's
        # theory … and his cluster approach", «и его кластерный подход», «оның құрылымдық тәсілі»)
        # (not a model: «их возрастные модели» are the cores' age models, anybody's)
        owned = cls == "Theory" and bool(mods) and first > 0 and morphology.fold(tokens[first - 1].text) in _SCHOLARS_OWN \
            and _plain_gap(text, tokens[first - 1], tokens[first]) and not _MODEL_HEAD.match(tok.text)
        if not (anywhere or done or owned or kind in THEORY_SECTIONS or _double_barrelled(text, mods) or _states_methods(text, tok.start, lang)
                or any(_proper(m) and not _sentence_initial(text, t.start) for m, t in ((t.text, t) for t in mods))):
            continue
        if tokens[first] is not tok and (tokens[first].text[:1].isdigit() or morphology.fold(tokens[first].text) in _COUNTS):
            continue   # «екі әдіс», "three models", «6-уы бақылау»: a count of methods names none (a count
            #            inside the name stays: «әл-ауқат мемлекетінің үш режимі теориясы»)
        if lang == "kk" and tok.text[:1].isupper() and tokens[first] is not tok and tokens[first].text[:1].islower():
            continue   # «… кезеңдері Зерттеу …»: a capitalised head opens the next sentence or heading
        if cls == "Theory" and _MODEL_HEAD.match(tok.text) and mods and _tool_name(mods[0].text):
            cls = "Method"   # a model named by a tool's name is a computation: "SWAT model", «ARIMA моделі», "HYSPLIT trajectory model"
        out.append((tokens[first].start, tokens[last].end, cls))
    out.extend(_quoted_methods(text, lang))
    if lang == "ru":
        out.extend(_ru_doctrines(text, tokens))
    if lang == "kk":
        out.extend(_kk_doctrines(text, tokens))
    if lang == "en":
        out.extend((m.start(), m.end(), "Method") for m in _EN_COMPOUND_METHOD.finditer(text))
        out.extend(_en_doctrines(text))
    return out


# A method named by a quoted term after its head: «методом анализа «затраты – эффективность»»,
# «метод «мозгового штурма»», «подход «снизу вверх»»; in Kazakh the quote comes first: «"шешімдер
# ағашы" әдісі». The quotation is the name, so it names a method wherever it stands.
_RU_QUOTED_METHOD = re.compile(r"(?<![\w-])(?:метод|анализ|методик)\w*\s+«[^«»\n]{2,60}»")
_KK_QUOTED_METHOD = re.compile(r"«[^«»\n]{2,60}»\s+(?:әдіс|талдау)\w*")


# A Russian doctrine is named by what it is about, its author between: «учение о верховенстве
# права», «учением А.П. Карпинского о строении земной коры», «учение И.И. Мечникова об иммунитете».
# «учение» alone is any teaching; with «о» and a noun it is one body of thought.
_RU_DOCTRINE = {"учение", "учения", "учению", "учением", "учении"}
_RU_ABOUT = {"о", "об", "обо"}
_RU_DOCTRINE_WORDS = 4


def _ru_doctrines(text: str, tokens: Sequence) -> list[tuple[int, int, str]]:
    morph = morphology._analyzer()
    out = []
    for h, tok in enumerate(tokens):
        if morphology.fold(tok.text) not in _RU_DOCTRINE:
            continue
        j = h + 1
        author = _INITIALLED.match(text, tok.end)
        if author:
            while j < len(tokens) and tokens[j].end <= author.end(1):
                j += 1
        if j >= len(tokens) or morphology.fold(tokens[j].text) not in _RU_ABOUT \
                or not _plain_gap(text, tokens[j - 1], tokens[j]):
            continue
        last = None
        for k in range(j + 1, min(len(tokens), j + 1 + _RU_DOCTRINE_WORDS)):
            if not _plain_gap(text, tokens[k - 1], tokens[k]):
                break
            w = morphology.fold(tokens[k].text)
            if morph.parse(w)[0].tag.POS in ("PREP", "CONJ", "PRCL"):
                break   # «о химии актинидов в водных растворах»: «в» reads as a noun too
            cases = {"loct", "ablt"} if k == j + 1 else {"gent", "loct"}
            parses = [p for p in morph.parse(w)[:4] if p.tag.POS in ("NOUN", "ADJF") and p.tag.case in cases]
            if not parses or _generic(tokens[k].text, "ru"):
                break
            if any(p.tag.POS == "NOUN" for p in parses):
                last = k
        if last is not None:
            out.append((tok.start, tokens[last].end, "Theory"))
    return out


# A Kazakh doctrine is named by what it is about, before «туралы ілім» ("the teaching about"):
# «тау жыныстарының жылжу процестері туралы ілім», «тіл мен ойлау бірлігі туралы ілім»; its scholar
# in the genitive stands before and stays a person of its own («Р. Якобсонның тілдің поэтикалық
# функциясы туралы ілімі»). What it is about is a noun phrase of lower-case words, «мен» inside it
# («генотип пен орта әсерлесуі»); a participle («негізін қалаған»), a word in a case of the clause
# («Зерттеуде»), a conjunction or a punctuation mark before it ends it. (Only «ілім»: «туралы
# түсінік», «туралы тұжырымдар» are any notions about anything.)
_KK_DOCTRINE = re.compile(r"ілім(?:і|ін|іне|інің|інде|імен|інен|ге|ді|нің|де|мен|нен)?")
_KK_DOCTRINE_WORDS = 7
_KK_INSIDE_CONJUNCTIONS = {"мен", "пен", "бен"}


def _kk_doctrines(text: str, tokens: Sequence) -> list[tuple[int, int, str]]:
    out = []
    for h in range(2, len(tokens)):
        about = tokens[h - 1]
        if not _KK_DOCTRINE.fullmatch(morphology.fold(tokens[h].text)) or morphology.fold(about.text) != "туралы" \
                or not _plain_gap(text, about, tokens[h]):
            continue
        first = None
        k = h - 2
        while k >= 0 and h - 1 - k <= _KK_DOCTRINE_WORDS and _plain_gap(text, tokens[k], tokens[k + 1]):
            w, f = tokens[k].text, morphology.fold(tokens[k].text)
            if f in _KK_INSIDE_CONJUNCTIONS:
                k -= 1
                continue   # taken in only with a word before it
            # (a capital after an initial, «Р. Якобсонның», is the scholar's, not a sentence's)
            initial = _sentence_initial(text, tokens[k].start) and not (
                k and re.fullmatch(r"[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]", tokens[k - 1].text) and text.startswith(".", tokens[k - 1].end))
            if not re.fullmatch(r"[а-яёәғқңөұүһі][а-яёәғқңөұүһі-]*", f) or (w[:1].isupper() and not initial) \
                    or f in _KK_POSTPOSITIONS or _KK_PARTICIPLE.search(f) or _generic(w, "kk") or _kk_in_a_case(f):
                break
            first = k
            if initial:
                break
            k -= 1
        if first is not None:
            out.append((tokens[first].start, tokens[h].end, "Theory"))
    return out


def _kk_in_a_case(word: str) -> bool:
    """A word in a case its clause gives it (the locative, the dative, the ablative, the
    accusative, the instrumental: «Зерттеуде», «негізге»), not a short stem's own ending («орта»)."""
    m = _KK_OBLIQUE.search(word)
    return m is not None and m.start() >= 4 and not _KK_GENITIVE.search(word)


# An English doctrine is named the same way, by what it is about: "the doctrine of legitimate
# expectations", "the doctrine of separation of powers", "the doctrine of precedent" (law's
# doctrines, as «учение о …» names Russian ones). A clause's words end the name.
_EN_DOCTRINE = re.compile(r"(?<![\w-])doctrines?\s+of\s+((?:[a-z][a-z-]+\s+){0,3}[a-z][a-z-]+)")
_EN_NOT_IN_NAME = {"and", "or", "in", "for", "by", "to", "that", "which", "is", "are", "was", "were", "with", "on",
                   "as", "at", "from", "the", "a", "an", "its", "their", "this", "these", "be", "been", "has", "have"}


def _en_doctrines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _EN_DOCTRINE.finditer(text):
        words = list(re.finditer(r"[a-z][a-z-]+", text[m.start(1):m.end(1)]))
        kept = []
        for w in words:
            if w.group() in _EN_NOT_IN_NAME:
                break
            kept.append(w)
        while kept and kept[-1].group() == "of":
            kept.pop()
        if kept:
            out.append((m.start(), m.start(1) + kept[-1].end(), "Theory"))
    return out


def _quoted_methods(text: str, lang: str) -> list[tuple[int, int, str]]:
    pattern = {"ru": _RU_QUOTED_METHOD, "kk": _KK_QUOTED_METHOD}.get(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        if lang == "ru" and not _head(m.group().split()[0], lang):
            continue   # («методы «…»», «анализы»: a plural lists, it does not name)
        out.append((m.start(), m.end(), "Method"))
    return out


# The methods of the Russian school of law and philosophy, translated into English as two
# adjectives joined by a hyphen, each naming a method before "method(s)" alone or in a list that
# shares it: "the comparative-legal, formal-logical and statistical methods", "the
# structural-functional method" (not "risk-based", "data-driven": both halves are adjectives).
_ADJ = r"[a-z]{3,}(?:al|ic|ive|ary)"
_EN_COMPOUND_METHOD = re.compile(
    r"(?<![\w-])" + _ADJ + "-" + _ADJ + r"(?![\w-])(?=(?:,\s*(?:and\s+|or\s+)?[a-z-]+)*(?:,?\s+(?:and|or)\s+[a-z-]+)?"
    r"\s+(?:methods?|approach(?:es)?)\b)")


_MODEL_HEAD = re.compile(r"(?i)model|модел")
# The word "method" itself (not "analysis", "approach": «социально-экономический анализ» is a topic),
# and a modifier of two lower-case parts joined by a hyphen, which makes it one technique, in
# Russian and Kazakh (English hyphenates generic modifiers: "risk-based", "data-driven").
# An imaging technique is one by the words before its head wherever it is named ("optical coherence
# tomography", «позитронно-эмиссионной томографии», «компьютерлік томография», «ультразвуковая
# допплерография почечных артерий», «эхокардиография»): these are no ordinary
# words that other things are called.
_IMAGING = re.compile(r"(?i)tomograph|томограф|сонограф|допплерограф|эхокардиограф|ангиограф")
_METHOD_WORD = re.compile(r"(?i)метод(?!олог)|әдіс(?!те|нам)")
_COMPOUND = re.compile(r"[a-zа-яёәғқңөұүһі]{3,}-[a-zа-яёәғқңөұүһі]{3,}")


# A method named as what a thing is done by or with: "by waste characterisation sampling",
# "with material flow analysis", "using the Delphi technique"
# (the heads of a procedure, not "method" or "model", which any sentence is "with"; and no
# hyphened modifier: "with a risk-based scoring method" says how, it names nothing)
_DONE_BY = {"analysis", "sampling", "modelling", "modeling", "technique", "spectroscopy", "microscopy"}
_USED_BEFORE = re.compile(r"(?<![\w-])(?:by|with|using|via|through)\s+(?:the\s+|a\s+)?$", re.I)
# "by the … method" (not "with": any sentence is "with a method")
_BY_BEFORE = re.compile(r"(?<![\w-])by\s+(?:the\s+|a\s+)?$", re.I)
# a code of letters and a number joined by a hyphen: FAO-56, ISO-9613
_CODED_NAME = re.compile(r"[A-ZА-ЯЁ]{2,}-\d{1,4}[a-z]?")
# the Russian for "by means of" before the word «метод» itself: what follows names the method used
_RU_USED_BEFORE = re.compile(r"(?<![\w-])(?:с\s+помощью|при\s+помощи|посредством)\s+$", re.I)


def _tool_name(word: str) -> bool:
    """An acronym or a program's name written with inner capitals or digits (SWAT, ARIMA,
    AquaCrop, CMIP6), not a word of a descriptive name ("Chronic Care Model")."""
    return bool(re.fullmatch(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9][\w.+-]*", word)) and (
        sum(c.isupper() or c.isdigit() for c in word) >= 2)


@lru_cache(maxsize=100_000)
def _head(word: str, lang: str):
    # called for every word of every text: the Russian parse is what costs
    w = morphology.fold(word)
    if lang == "en":
        return _EN_HEADS.get(w)
    if lang == "kk":
        head = _KK_HEADS.get(w)
        if head is None:
            for suffix in _KK_CASE_AFTER_POSSESSIVE:
                if w.endswith(suffix) and w[:-len(suffix)][-1:] in ("ы", "і") and w[:-len(suffix)] in _KK_HEADS:
                    return _KK_HEADS[w[:-len(suffix)]]
            # the bare head in a case, as a method is named by what it was done with: «таксациялық
            # әдіспен», «рефрактометриялық әдіспен», «жүйелік тәсілмен»
            for suffix in _KK_CASE_AFTER_BARE:
                if w.endswith(suffix) and w[:-len(suffix)] in _KK_BARE_HEADS:
                    return _KK_HEADS[w[:-len(suffix)]]
        return head
    if not re.search("[а-я]", w):
        return None
    for p in morphology._analyzer().parse(w):
        # the plural too where a scholar's name must follow: «уравнений Эйлера», «катушками Гельмгольца»
        if p.tag.POS == "NOUN" and p.normal_form in _RU_HEADS and (
                p.tag.number == "sing" or p.normal_form in _RU_EPONYMOUS):
            return _RU_HEADS[p.normal_form]
    return None


# Heads that name a research activity whose kind the adjective before them names, in the plural
# too («механические испытания», «реологические измерения», «далалық зерттеулер», "cyclic tests"):
# an activity done several times is still one technique (the keys list them so).
_RU_ACTIVITY_HEADS = {"анализ", "исследование", "испытание", "измерение", "обследование", "эксперимент", "опыт",
                      "замер", "мониторинг", "диагностика"}
_KK_ACTIVITY = re.compile(r"(?:талдау|зерттеу|өлшеу|тексеру|сынақ|сынау|диагностика)(?:лар|лер|тар|тер)?(?:ды|ді|ы|і)?$")
_EN_ACTIVITY = re.compile(r"(?:analys[ie]s|measurements?|tests?|trials?|experiments?|observations?|surveys?)$")


@lru_cache(maxsize=10_000)
def _activity(word: str, lang: str) -> bool:
    """A research activity («анализ», «испытания», «талдау», "measurements") in any case or number."""
    folded = morphology.fold(word)
    if lang == "ru":
        # (not «в исторических исследованиях»: studies a field holds are its scholarship)
        return any(p.tag.POS == "NOUN" and p.normal_form in _RU_ACTIVITY_HEADS
                   and not (p.tag.number == "plur" and p.tag.case == "loct")
                   for p in morphology._analyzer().parse(folded)[:2])
    return (_KK_ACTIVITY if lang == "kk" else _EN_ACTIVITY).fullmatch(folded) is not None


# The kind of an analysis is an adjective of a field or a technique («кладистикалық», «дилатометрический»,
# "doctrinal"); a noun before it is what is analysed: «212 шешімді талдау» analysing 212 decisions.
_KK_RELATIONAL = re.compile(r"(?:лық|лік|дық|дік|тық|тік)$")
_EN_RELATIONAL = re.compile(r"(?:al|ic|ary|ive)$")
# (Russian: the adjectives of a science or a technique, «механический», «натурный», «выборочный»,
# «вычислительный»; not those of number or origin, «многочисленный», «зарубежный», «отечественный»)
_RU_RELATIONAL = re.compile(r"(?:ческий|альный|ельный|орный|урный|очный|ический)$")
# (and the adjectives of where or how a test is run, of other forms: «стендовые испытания» on a test
# bench, «полевые» in the field, «дорожные» on the road, «штамповые» under a plate)
_RU_TEST_KINDS = {"стендовый", "полевой", "дорожный", "штамповый", "ходовой", "весовой"}
# (English names the place by a noun: "bench tests", "field trials", "road tests", "flight tests")
_EN_TEST_KINDS = {"bench", "field", "road", "flight"}
# (of that form but of how often, how or how wide: «систематических исследований» are many studies,
# «регионального мониторинга» a region's)
_RU_MANNER = {"систематический", "периодический", "практический", "регулярный", "окончательный",
              "дополнительный", "предварительный", "специальный", "минимальный", "максимальный", "оптимальный",
              "региональный", "национальный", "муниципальный", "глобальный", "локальный", "федеральный",
              "официальный", "формальный", "реальный", "актуальный"}
_KK_SCOPE = {"халықаралық", "отандық", "шетелдік", "ұлттық", "өңірлік", "аймақтық", "әлемдік", "республикалық",
             "мемлекеттік", "жергілікті", "қосымша", "алдын-ала", "тұрақты", "жүйелік"}


def _relational_adjective(word: str, lang: str) -> bool:
    folded = morphology.fold(word)
    if lang == "ru":
        parses = morphology._analyzer().parse(folded)[:1]
        lemma = parses[0].normal_form if parses else ""
        return bool(parses) and parses[0].tag.POS == "ADJF" and (
            _RU_RELATIONAL.search(lemma) is not None or lemma in _RU_TEST_KINDS) and lemma not in _RU_MANNER
    if lang == "kk" and folded in _KK_SCOPE:
        return False
    if lang == "en" and folded in _EN_TEST_KINDS:
        return True
    return (_KK_RELATIONAL if lang == "kk" else _EN_RELATIONAL).search(folded) is not None


# Heads that name a thing only after its author, never as the second part of a compound word
# («бизнес-планов», "pre-formula"): a compound names a method by its technique («ИК-спектроскопия»)
_AUTHOR_ONLY = {"ru": {"план", "схема", "формула", "диаграмма", "лемма", "условие", "сетка", "экстраполяция",
                       "равновесие", "вектор"},
                "en": {"formula", "diagram", "lemma", "condition", "scheme", "mesh", "extrapolation", "equilibrium",
                       "value"},
                "kk": {"формуласы", "диаграммасы", "схемасы", "леммасы", "шарты", "экстраполяциясы", "торлары",
                       "тепе-теңдігі", "векторы"}}


def _only_eponymous(word: str, lang: str) -> bool:
    if lang == "ru":
        return _ru_head_lemma(word) in _AUTHOR_ONLY["ru"]
    if lang == "kk":
        return _kk_head_base(word) in _AUTHOR_ONLY["kk"]
    return morphology.fold(word).removesuffix("s") in _AUTHOR_ONLY["en"]


@lru_cache(maxsize=10_000)
def _ru_head_lemma(word: str) -> str | None:
    return next((p.normal_form for p in morphology._analyzer().parse(morphology.fold(word))
                 if p.normal_form in _RU_HEADS), None)


# Units named after their scientists are common nouns to the dictionary («ом», «кулон», «гильберт»);
# capitalised after a head they are the scientist: «закон Ома», «закон Кулона», «преобразование
# Гильберта» (not the city of Ome, nor a pendant).
_UNITS_AFTER_SCIENTISTS = {"ом", "ампер", "вольт", "ватт", "джоуль", "кулон", "гаусс", "максвелл", "гильберт",
                           "генри", "герц", "паскаль", "кельвин", "ньютон", "тесла", "вебер", "фарад", "сименс",
                           "беккерель", "грей", "зиверт", "рентген", "стокс", "пуаз", "эрстед", "кюри", "дарси",
                           "дебай", "ангстрем"}


@lru_cache(maxsize=10_000)
def _eponym(word: str) -> bool:
    """A scholar's name after a head (Аррениуса, Вейбулла, Маслач): capitalised, and a surname
    or a name to the dictionary, or unknown to it (not «Республики», not a place), or a unit
    named after a scientist («Ома»)."""
    if not word[:1].isupper() or not re.search("[a-zа-яё]", word) or morphology.is_acronym(word) \
            or generic_acronyms.is_substance(word):
        return False   # (nor an element: «распределение Zn» is the zinc's)
    parses = morphology._analyzer().parse(morphology.fold(word))
    if any(p.normal_form in _UNITS_AFTER_SCIENTISTS for p in parses[:2]):
        return True
    if any(p.is_known and ("Geox" in p.tag or "Orgn" in p.tag) for p in parses[:2]):
        return False
    return any("Surn" in p.tag or "Name" in p.tag for p in parses[:2]) or not any(p.is_known for p in parses)


@lru_cache(maxsize=10_000)
def _ru_place_adjective(word: str) -> bool:
    """An adjective made from a place's name («австралийской», «скандинавскую», «немецкая»):
    -ский/-цкий, not the -ческий/-стский of qualities («экономической», «статистическую»)."""
    parses = morphology._analyzer().parse(morphology.fold(word))[:1]
    return any(p.tag.POS == "ADJF" and re.search(r"(?:ск|цк)ий$", p.normal_form)
               and not re.search(r"(?:ческ|стск)ий$", p.normal_form) and not _generic(word, "ru") for p in parses)


def _specific_genitive(after: Sequence) -> bool:
    """A method named by an adjective and a noun in the genitive after «метод»: a particular
    method («метод конечных элементов», «максимального правдоподобия»), not «метод решения»."""
    if len(after) < 2:
        return False
    morph = morphology._analyzer()
    first = morph.parse(morphology.fold(after[0].text))[:2]
    return any(p.tag.POS == "ADJF" and p.tag.case == "gent" for p in first) and not _generic(after[0].text, "ru")


def _generic(word: str, lang: str) -> bool:
    w = morphology.fold(word)
    if w in _GENERIC[lang] or w.isdigit() or w in _CONJUNCTIONS:
        return True
    if lang == "ru":
        # (three readings: «основное» is first a noun, «основное» of «основной» third)
        return any(p.normal_form in _GENERIC["ru"] for p in morphology._analyzer().parse(w)[:3])
    if lang == "kk":
        return w.startswith(_KK_GENERIC_STEMS)
    return False


# the words after which a name's first word stands (no subject before a verb)
_EN_BEFORE_A_NAME = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "of",
                     "on", "in", "and", "or", "with", "from", "to", "by", "for", "as", "at", "into", "via", "both",
                     "either", "neither", "between", "within", "under", "over", "than", "about", "upon", "such"}


def _third_person_verb(word: str) -> bool:
    # (a possessive has already ended the run of modifiers)
    return word.islower() and "-" not in word and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))


def _english(text: str, tokens: Sequence, h: int):
    mods = []
    k = h - 1
    while k >= 0 and len(mods) < _MAX_MODIFIERS and _plain_gap(text, tokens[k], tokens[k + 1]):
        w = tokens[k].text
        if _generic(w, "en") or (_head(w, "en") and w.lower() not in _EN_MODIFIER_HEADS) or \
                not re.fullmatch(r"[A-Za-z][\w'’-]*", w):
            break
        if re.search(r"['’]s?$", w):
            break   # a possessive is the theory's author, not its name: "Lefebvre's theory of …"
        mods.insert(0, tokens[k])
        k -= 1
    # a participle in front describes the thing ("the calibrated AquaCrop model", "a modified
    # model"); inside the name it is part of it ("cluster-randomised controlled trial")
    while mods and mods[0].text.islower() and "-" not in mods[0].text and mods[0].text.endswith("ed"):
        mods.pop(0)
    # a verb of the sentence after its subject ("The study extends technology adoption theory",
    # "… which applies systems theory"): a word in -s right after a noun or a pronoun, not after an
    # article, a preposition or a conjunction ("the systems theory", "of games theory")
    # (or after a proper name inside the run: "Kazakhstan uses resource dependence theory")
    for i in range(len(mods) - 1, -1, -1):
        if not _third_person_verb(mods[i].text):
            continue
        if (i and mods[i - 1].text[:1].isupper()) or (
                not i and k >= 0 and _plain_gap(text, tokens[k], mods[0])
                and morphology.fold(tokens[k].text) not in _EN_BEFORE_A_NAME):
            mods = mods[i + 1:]
            break
    if mods:
        return h - len(mods), h, mods
    # "theory of formal grammars": the name goes on after "of" (and an optional "the"); "the
    # study of …" is what a work does or a field is ("the study of gift exchange"), never a name
    j = h + 1
    if j < len(tokens) and morphology.fold(tokens[j].text) == "of" and _plain_gap(text, tokens[h], tokens[j]) \
            and morphology.fold(tokens[h].text) not in _NO_OF_COMPLEMENT:
        j += 1
        if j < len(tokens) and morphology.fold(tokens[j].text) == "the":
            j += 1
        after = []
        while j < len(tokens) and len(after) < _MAX_MODIFIERS and _plain_gap(text, tokens[j - 1], tokens[j]):
            w = tokens[j].text
            if morphology.fold(w) in _GENERIC["en"] or morphology.fold(w) in _EN_CLAUSE_VERBS or _head(w, "en") \
                    or not re.fullmatch(r"[A-Za-z][\w'’-]*", w):
                break
            after.append(tokens[j])
            j += 1
        if after and not _generic(after[0].text, "en"):
            return h, j - 1, after
    return None


# the verb of the sentence a theory's name is the subject of ("the theory of optimal planning goes
# back to Kantorovich"): the name ends before it
_EN_CLAUSE_VERBS = {"is", "are", "was", "were", "has", "have", "had", "goes", "went", "dates", "traces", "remains",
                    "became", "becomes", "can", "could", "may", "might", "will", "would", "should", "must"}

_DASH = re.compile(r"\s*[-–—‐]\s*")


def _english_eponym(text: str, tokens: Sequence, h: int):
    """A scholar's name before an eponymous head: "Fourier's law", "Box–Behnken design" (names
    joined by a dash), "Euler equation" (one name: only before an equation, a theorem or an
    effect, where no state's adjective stands: "Kazakh law" and "Kazakh design" are no names)."""
    names = []
    k = h - 1
    # A scholar's full name has at most three words (given name, patronymic, surname: "Aidar
    # Serikuly Nurlanov's equation"); scholars joined by dashes are one name however many they
    # are ("Landau–Lifshitz–Gilbert–Slonczewski equation": four, never cut to the last three).
    while k >= 0 and _plain_gap(text, tokens[k], tokens[k + 1]) and (
            len(names) < 3 or all(_DASH.fullmatch(text, a.end, b.start) for a, b in zip([tokens[k]] + names, names))):
        w = tokens[k].text
        # (a name has a lower-case letter: "the P50 value" is a percentile's)
        if not re.fullmatch(r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?", w) or not re.search("[a-z]", w) or \
                morphology.is_acronym(w) or _sentence_initial(text, tokens[k].start):
            break
        if names and re.search(r"['’]s?$", w):
            break   # a possessive only right before the head
        names.insert(0, tokens[k])
        k -= 1
    if not names:
        return None
    possessive = re.search(r"['’]s?$", names[-1].text) is not None
    dashed = len(names) > 1 and all(_DASH.fullmatch(text, a.end, b.start) for a, b in zip(names, names[1:]))
    if not (possessive or dashed):
        if len(names) > 1 or morphology.fold(tokens[h].text) in ("law", "design", "scheme", "laws", "designs", "schemes"):
            return None
        if _DEMONYM.search(names[0].text.lower()):
            return None
    if possessive and morphology.fold(tokens[h].text) in ("law", "laws") and h + 1 < len(tokens) and \
            morphology.fold(tokens[h + 1].text) in ("on", "of"):
        return None   # "Kazakhstan's law on education" is a statute
    return h - len(names), h, names


def _kk_bare_case(word: str) -> bool:
    """A bare head in a case («әдіспен», «тәсілмен»), not its possessive («әдісімен»)."""
    w = morphology.fold(word)
    return any(w.endswith(s) and w[:-len(s)] in _KK_BARE_HEADS for s in _KK_CASE_AFTER_BARE)


def _kk_head_base(word: str) -> str | None:
    w = morphology.fold(word)
    if w in _KK_HEADS:
        return w
    for suffix in _KK_CASE_AFTER_POSSESSIVE:
        if w.endswith(suffix) and w[:-len(suffix)] in _KK_HEADS:
            return w[:-len(suffix)]
    return None


def _kk_eponym(text: str, mods: Sequence) -> bool:
    """A Kazakh name before an eponymous head opens with a scholar's surname, and none of its words
    is in the genitive («Қазақстан Республикасының заңы» is a law of the state) or an acronym («ҚР»)."""
    first = mods[0]
    return first.text[:1].isupper() and not _sentence_initial(text, first.start) and not any(
        morphology.is_acronym(t.text) or _KK_GENITIVE.search(morphology.fold(t.text)) for t in mods)


def _ru_modifier_gap(text: str, tokens: Sequence, k: int) -> bool:
    """Whether tokens[k] and tokens[k + 1] stand together in a name: a plain gap, or the brackets
    round a one-word synonym of the modifier before it («процессуальная (юрисдикционная) теория»)."""
    if _plain_gap(text, tokens[k], tokens[k + 1]):
        return True
    gap = text[tokens[k].end:tokens[k + 1].start]
    if re.fullmatch(r"[ \u00a0]*\)[ \u00a0]+", gap):
        return k >= 1 and re.fullmatch(r"[ \u00a0]+\(", text[tokens[k - 1].end:tokens[k].start]) is not None
    if re.fullmatch(r"[ \u00a0]+\(", gap):
        return k + 2 < len(tokens) and re.fullmatch(r"\)[ \u00a0]+", text[tokens[k + 1].end:tokens[k + 2].start]) is not None
    return False


def _russian(text: str, tokens: Sequence, h: int):
    morph = morphology._analyzer()
    before = []
    k = h - 1
    while k >= 0 and len(before) < _MAX_MODIFIERS and _ru_modifier_gap(text, tokens, k):
        w = tokens[k].text
        if _generic(w, "ru") or not any(p.tag.POS in ("ADJF", "PRTF") for p in morph.parse(morphology.fold(w))[:2]):
            break
        before.insert(0, tokens[k])
        k -= 1
    while before and text[max(0, before[0].start - 3):before[0].start].rstrip(" \u00a0").endswith("("):
        before.pop(0)   # the bracketed synonym opens no name: «(новая) теория» is «теория»
    after = []
    j = h + 1
    # «анализ правоприменительной практики» is analysing something, «рентгенофазовый анализ» a method
    activity = any(p.normal_form in _RU_ACTIVITY for p in morph.parse(morphology.fold(tokens[h].text))[:1])
    while not activity and j < len(tokens) and len(after) < _MAX_MODIFIERS and _plain_gap(text, tokens[j - 1], tokens[j]):
        w = tokens[j].text
        if len(w) <= 2 and w[:1].isupper() and text.startswith(".", tokens[j].end):
            # an initial opens a person's name: «теория М. Портера» (see people); after an
            # eponymous head the name is the instrument's: «классификация J.F. Smith»
            m = _INITIALLED.match(text, tokens[j - 1].end) if _ru_head_lemma(tokens[h].text) in _RU_EPONYMOUS else None
            if m and not after:
                while j < len(tokens) and tokens[j].end <= m.end(1):
                    after.append(tokens[j])
                    j += 1
            break
        # two scholars joined by a dash name it together, whatever the dictionary makes of the
        # first («шкала Мориски–Грина», «модель Окумуры–Хаты»)
        paired = _proper(w) and j + 1 < len(tokens) and _proper(tokens[j + 1].text) and \
            re.fullmatch(r"\s*[–—-]\s*", text[tokens[j].end:tokens[j + 1].start]) is not None
        if _generic(w, "ru") or not (paired or morphology.russian_genitive(w)
                                     or (_proper(w) and not morph.word_is_known(morphology.fold(w)))):
            break
        after.append(tokens[j])
        j += 1
    # an adjective phrase after the genitive must end on a noun: «теория эндогенного роста»
    while after and not any(p.tag.POS == "NOUN" for p in morph.parse(morphology.fold(after[-1].text))[:2]) \
            and not _proper(after[-1].text):
        after.pop()
    if not before and not after:
        return None
    return h - len(before), h + len(after), before + after


# Kazakh names a scholar's law or method by who proposed it: «Реомюр ұсынған жылу тұрақтылығы
# заңы», «Бітон ұсынған бейімдеу әдістемесі», «В.И. Вернадский енгізген ноосфера ілімі». The
# scholar (a surname in the nominative, initials before it if any) and the participle open the name.
_KK_POSTPOSITIONS = {"бойынша", "арқылы", "үшін", "туралы", "сияқты", "ретінде", "негізінде", "кейін", "дейін",
                     "бері", "қарай", "сайын", "қатар", "бірге", "қарсы", "жөнінде", "жайында"}
_KK_PROPOSED = {"ұсынған", "енгізген", "жасаған", "әзірлеген", "тұжырымдаған", "негіздеген", "ашқан"}


def _kk_author_before(text: str, tokens: Sequence, k: int) -> int | None:
    """Index of the first token of the scholar's name just before the participle at k, if any."""
    j = k - 1
    if j < 0 or not _plain_gap(text, tokens[j], tokens[k]):
        return None
    w = tokens[j].text
    if not re.fullmatch(r"[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][а-яёәғқңөұүһіa-z]+(?:[-–][А-ЯЁӘҒҚҢӨҰҮҺІA-Z][а-яёәғқңөұүһіa-z]+)?", w) \
            or _KK_GENITIVE.search(morphology.fold(w)) or _KK_OBLIQUE.search(morphology.fold(w)):
        return None
    while j >= 1 and len(tokens[j - 1].text) == 1 and tokens[j - 1].text.isupper() \
            and text.startswith(".", tokens[j - 1].end):
        j -= 1   # initials: «В.И. Вернадский»
    if _sentence_initial(text, tokens[j].start):
        return None
    return j


def _kazakh(text: str, tokens: Sequence, h: int):
    mods = []
    k = h - 1
    bare = _kk_bare_case(tokens[h].text)
    while k >= 0 and len(mods) < _MAX_MODIFIERS - 1 and _plain_gap(text, tokens[k], tokens[k + 1]):
        w = tokens[k].text
        f = morphology.fold(w)
        if _generic(w, "kk") or not re.search("[а-яәғқңөұүһі]", f) and not _proper(w):
            break
        if bare and not (_KK_RELATIONAL.search(f) or "-" in f or _proper(w) and not _sentence_initial(text, tokens[k].start)):
            # «ағаштардың биіктігі таксациялық әдіспен», «Топырақ гравиметриялық әдісте»: a bare head
            # has no owner; its name is made of adjectives (of a technique, a field) or a compound
            break
        if f in _KK_POSTPOSITIONS:
            break   # «моделі бойынша морфометриялық талдау»: what stands before a postposition is its object
        if _KK_PARTICIPLE.search(f) or _KK_PLURAL_OBJECT.search(f) \
                or (_KK_OBLIQUE.search(f) and not _proper(w) and not f.endswith(("ды", "ді"))
                    # a compound's last part ends as it is spelt («уран-қорғасын», «k-орта»), no case
                    and not ("-" in f and not _KK_GENITIVE.search(f))):
            author = _kk_author_before(text, tokens, k) if f in _KK_PROPOSED else None
            if author is not None:
                mods[:0] = tokens[author:k + 1]
            break
        mods.insert(0, tokens[k])
        k -= 1
        if "-" in f and not _proper(w) and len(mods) == 1:
            break   # a compound names the method whole («уран-қорғасын әдісімен»): what stands before is the sentence's
    # a proper name is the whole modifier: "ұзақтығы Каплан – Мейер әдісі" names the Kaplan–Meier method
    names = [i for i, t in enumerate(mods) if _proper(t.text) and (
        not _sentence_initial(text, t.start) or _double_barrelled(text, mods[i:i + 2]))]
    if names:
        mods = mods[names[0]:]
    if not mods:
        return None
    return h - len(mods), h, mods
