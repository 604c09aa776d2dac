"""Entity linking: find the theories, methods, actors and initiatives an abstract names, in
Kazakh, Russian and English, and record each mention as a W3C Web Annotation.

The vocabularies (`ontology/vocabularies/*.ttl`) are compiled once per process into one token
trie per language, keyed by normalised word forms (see `morphology`), so a document is linked in
one left-to-right pass whatever the size of the vocabularies. Names the vocabularies do not know
are returned as `Candidate`s for a curator; nothing is added to a vocabulary automatically.
"""
from __future__ import annotations

import gc
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from . import (body_conventions, generic_acronyms, information_systems, institute_acronyms, latin_kazakh_reading,
               lexicon_store, method_context, method_lists, morphology, name_shapes, ntriples, page_chrome, people,
               place_shapes, product_names, scholar_theories, script_folding, self_named, shared_heads, sports_clubs,
               tool_lists)
from .vocab import DKG, ID, ITSRDF, LANGUAGE, NIF
from .vocabulary import INITIATIVE_KINDS, LANGS, Entry, load_dismissed, load_entries, slugify

CANDIDATE_BASE = str(ID) + "candidate/"

# Work-level links by section: a theory counts as a foundation of the work when its statement of
# theoretical basis or of methodology names it (Russian and Kazakh abstracts often merge the two
# under "Methodology and methods"); actors and initiatives count when the work's own claims name
# them, not when its relevance section or publication list does.
THEORY_KINDS = {"theoretical-basis", "methods"}
METHOD_KINDS = {"theoretical-basis", "methods"}
DISCUSSION_KINDS = {"provision", "task", "novelty", "object", "subject"}
CONCEPT_CLASSES = {"Theory", "Method"}

_TOKEN = re.compile(r"\w+(?:[-‐‑'’]\w+)*")
# What may stand between two words of one name: spaces, dashes, slashes, a plus, a comma (only
# where the label has one, since every word of the label must follow). Not quotes: a
# name never spans the edge of a quotation. A vocabulary's label may hold a subtitle's colon too
# («Болашаққа бағдар: рухани жаңғыру»); a name guessed from its capitals never does ("Code: MIT").
_GAP = re.compile(r"[\s\-‐‑–—/+,]*")
# (a star, a dot or an ampersand glued between two words joins them: "G*Power", "ATLAS.ti",
# "KazUIR&WL"; and an ampersand between spaces stands for "and": "Trinidad & Tobago")
_LABEL_GAP = re.compile(r"[\s\-‐‑–—/+,:]*|[*.&]|[ \t]+&[ \t]+")
_DASHES = "–—‐‑"
_CONTEXT = 60
_MAX_LABEL_TOKENS = 24   # (a state programme's full English title runs to 20 words)


@dataclass(frozen=True)
class ComponentText:
    node: rdflib.URIRef   # the WorkComponent IRI (e.g. {work}/provision/3)
    kind: str             # 'provision','task','novelty','object','subject','aim','relevance','theoretical-basis','methods','significance','hypothesis','approbation','structure','title'
    lang: str             # 'en' | 'ru' | 'kk'
    text: str             # exactly the dkg:text literal's lexical form


@dataclass(frozen=True)
class Mention:
    entity: URIRef
    cls: str              # local name of the entity's dkg: class
    start: int
    end: int
    exact: str
    elliptic: bool = False   # "systemic and comparative analysis" → systems analysis
    common: bool = False     # the label is also an ordinary word ("survey"): see method_context


@dataclass(frozen=True)
class Candidate:
    name: str
    lang: str
    context: str
    suggested_class: str   # local name in dkg:, a hint for the curator
    reason: str            # 'quoted' | 'acronym' | 'capitalised' | 'person' | 'shape' | 'self-named'
    component: URIRef
    kind: str
    source: URIRef
    work: URIRef
    start: int
    end: int


# --------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _gap_ok(text: str, left: Token, right: Token, gap_shape: re.Pattern = _GAP) -> bool:
    gap = text[left.end:right.start]
    if gap_shape.fullmatch(gap):
        return True
    if gap[:1] in "'’" and left.text[-1:] in "sS" and gap_shape.fullmatch(gap[1:]):
        return True   # a plural's possessive: "Stokes' law", "Peoples' Friendship"
    # Initials: "L.N. Gumilyov", "U.S."
    return len(left.text) <= 2 and gap_shape.fullmatch(gap.replace(".", "", 1)) is not None


# --------------------------------------------------------------------------- the compiled vocabulary

_END = ""   # trie key of "a label ends here" (no word key is empty)


@dataclass
class Lexicon:
    tries: dict[str, dict]                          # lang -> nested dict of keys
    pairs: dict[str, dict[tuple[str, str], tuple]]  # lang -> (modifier key, head key) -> (iri, cls)
    heads: dict[str, set[str]]
    known: set[str]                                 # folded labels in any language, for candidates
    ambiguous: dict[str, list]                      # lang -> [(label, iri, iri)] (reported by tests)
    entries: dict[URIRef, Entry]
    dismissed: frozenset[str] = frozenset()         # folded names a curator dismissed
    titles: dict[str, dict] = None                  # lang -> kind -> trie of a document's quoted title
    body_state: dict = None                         # a state body's IRI -> the IRI of its state
    cities: frozenset = frozenset()                 # entries of places.ttl (see _cities_as_places)


# English names of theories and methods are written in both orders ("interdependence theory",
# "theory of interdependence"); schools are named by their adherents ("realist", "constructivist").
_EN_HEADS = ("theory", "concept", "model", "paradigm", "analysis")
_OF_FORM = re.compile(r"(theory|concept|model|paradigm|analysis) of (?:the )?(.+)", re.I)


def _word_order_variants(label: str, lang: str) -> set[str]:
    out = set()
    if lang == "en":
        words = label.split()
        if len(words) >= 2 and words[-1].lower() in _EN_HEADS:
            mods = " ".join(words[:-1])
            out |= {f"{words[-1]} of {mods}", f"{words[-1]} of the {mods}"}
        m = _OF_FORM.fullmatch(label)
        if m:
            out.add(f"{m.group(2)} {m.group(1)}")
        if len(words) == 1 and label.lower().endswith("ism"):
            out.add(label[:-3] + "ist")
    elif lang == "ru" and " " not in label and label.lower().endswith("изм"):
        out.add(label[:-3] + "истский")
    return out


def _variants(label: str) -> set[str]:
    out = {label}
    for d in _DASHES:
        out |= {v.replace(d, "-") for v in out}
    out |= {v.replace("-", " ") for v in out if "-" in v}
    out |= {re.sub(r"(?<=\w)-(?=\w)", "", v) for v in out if "-" in v}
    return out


# A Kazakh place's Latin name as GeoNames and the 2021 alphabet write it (Qarqaraly, Qaraghandy)
# is written with k and g in most English texts (Karkaraly, Karagandy).
def _k_spellings(label: str) -> list[str]:
    if "q" not in label.lower() or "qu" in label.lower():
        return []
    k = label.replace("Q", "K").replace("q", "k")
    return [k] + ([k.replace("gh", "g")] if "gh" in k else [])


# A tool's name in Latin letters is written so in Russian and Kazakh texts too («YOLOv5 моделі»,
# «әдісімен (PS-InSAR)»): an English label every word of which is capitalised or a code, one of
# them spelled as no word is (a digit, an inner capital, a capital after a hyphen), names the entry
# in every language.
# An acronym of three capitals or more is written in Latin letters in Russian and Kazakh texts
# too («FAO деректері», «модель SWAT»), but not one inside a longer Latin name, «FAO
# Penman-Monteith әдісі», which is that name's (see _inside_a_latin_name); a two-letter one, UN,
# is too short to tell.
_LATIN_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{2,}")
_CODED_WORD = re.compile(r"[A-Za-z]*\d[\w-]*|[A-Za-z]*[a-z][A-Z][\w-]*|[A-Za-z]+-[\w-]*[A-Z][\w-]*")


def _coded_latin_label(label: str) -> bool:
    words = label.split()
    return bool(words) and re.fullmatch(r"[A-Za-z0-9 .+/-]+", label) is not None \
        and all(w[:1].isupper() or w[:1].isdigit() or _CODED_WORD.fullmatch(w) for w in words) \
        and any(_CODED_WORD.fullmatch(w) for w in words)


# a Russian place name a Kazakh text may write as it is: capitalised words of Cyrillic letters
# Russian and Kazakh share, the first of four letters or more (no «Бор», «Ош» among Kazakh words)
_RUSSIAN_PLACE_FOR_KAZAKH = re.compile(r"[А-ЯЁ][а-яё]{3,}(?:[- ][А-ЯЁа-яё][а-яё]+)*")


def compile_lexicon(entries: tuple[Entry, ...], dismissed: frozenset[tuple[str, str]] = frozenset(),
                    keys: dict[tuple[str, str], str] | None = None) -> Lexicon:
    """The vocabularies as tries of label keys. `keys` remembers each label word's key across
    compiles (lexicon_store keeps it on disk): reading Russian words with pymorphy3 was most of
    a compile, and a curator's edit changes a few words of tens of thousands."""
    label_key = morphology.label_key if keys is None else _remembered(keys)
    tries: dict[str, dict] = {l: {} for l in LANGS}
    pairs: dict[str, dict] = {l: {} for l in LANGS}
    heads: dict[str, set[str]] = {l: set() for l in LANGS}
    ambiguous: dict[str, list] = {l: [] for l in LANGS}
    known: set[str] = set()
    kazakh_labels = {morphology.fold(x) for e in entries for x in [e.pref.get("kk", ""), *e.alt.get("kk", [])] if x}
    for e in entries:
        for lang in LANGS:
            labels = [e.pref[lang]] if lang in e.pref else []
            labels += e.alt.get(lang, [])
            if lang != "en":   # (after the language's own labels, which keep a word they share)
                labels += [x for x in [e.pref.get("en", ""), *e.alt.get("en", [])]
                           if _coded_latin_label(x) or _LATIN_ACRONYM.fullmatch(x)]
            if lang == "kk" and e.cls in ("Region", "State"):
                # Kazakh texts write many foreign places as Russian does («Египет», «Самарқанд»
                # beside «Мысыр»), declined with Kazakh endings («Египетте»): the Russian names
                # come after the Kazakh ones, which keep a word they share
                # (never one another entry's Kazakh label names: Russian «Конго» is DR Congo's, Kazakh «Конго» the Republic's)
                labels += [x for x in [e.pref.get("ru", ""), *e.alt.get("ru", [])]
                           if _RUSSIAN_PLACE_FOR_KAZAKH.fullmatch(x) and morphology.fold(x) not in kazakh_labels]
            if lang == "en" and e.cls == "Region":
                labels += [v for x in labels for v in _k_spellings(x)]
            for label in labels:
                known.add(morphology.fold(label))
                for variant in set().union(*(_variants(v) for v in {label} | _word_order_variants(label, lang))):
                    words = [t.text for t in tokenize(variant)]
                    if not words or len(words) > _MAX_LABEL_TOKENS:
                        continue
                    word_keys = [label_key(w, lang) for w in words]
                    node = tries[lang]
                    for k in word_keys:
                        node = node.setdefault(k, {})
                    prior = node.get(_END)
                    if prior and prior[0] != e.iri:
                        ambiguous[lang].append((variant, prior[0], e.iri))
                        continue
                    # A name written with a capital is only that name when the text capitalises
                    # it too: «Болашақ» the programme, not болашақ "future"; Цели устойчивого
                    # развития the UN goals, not any goals of sustainable development.
                    capital = words[0][:1].isupper() and not morphology.is_acronym(words[0])
                    # a capitalised one-word name (Stata, Landsat) is a proper name, not a plain word
                    common = method_context.is_common_word_label(words, e.cls, lang) and not capital
                    node[_END] = (e.iri, e.cls, capital and (prior[2] if prior else True),
                                  common and (prior[3] if prior else True))
                    if len(word_keys) == 2:
                        pairs[lang].setdefault((word_keys[0], word_keys[1]), (e.iri, e.cls))
                        heads[lang].add(word_keys[1])
    cities = frozenset(e.iri for e in entries if e.cls == "Region" and "(GeoNames " in e.definition.get("en", ""))
    return Lexicon(tries, pairs, heads, known, ambiguous, {e.iri: e for e in entries},
                   frozenset(morphology.fold(name) for name, _ in dismissed), _titles(entries), cities=cities)


def _remembered(keys: dict[tuple[str, str], str]):
    def label_key(word: str, lang: str) -> str:
        key = keys.get((word, lang))
        if key is None:
            key = keys[word, lang] = morphology.label_key(word, lang)
        return key
    return label_key


def _titles(entries: tuple[Entry, ...]) -> dict[str, dict]:
    """Laws and other documents by kind and quoted title: "Закон РК «Об образовании»" and
    "Закон Республики Казахстан «Об образовании»" name one law whatever stands before the title."""
    out: dict[str, dict] = {l: {} for l in LANGS}
    for e in entries:
        if e.cls not in INITIATIVE_KINDS + ("Initiative",):
            continue
        for lang in LANGS:
            for label in ([e.pref[lang]] if lang in e.pref else []) + e.alt.get(lang, []):
                for doc in self_named.find(label, lang):
                    if doc.title is None:
                        continue
                    node = out[lang].setdefault(doc.cls, {})
                    for t in tokenize(label[doc.title[0]:doc.title[1]]):
                        node = node.setdefault(morphology.label_key(t.text, lang), {})
                    node.setdefault(_END, (e.iri, e.cls))
    return out


def _body_states(lex: Lexicon) -> dict:
    """Whose a state body is, read from its own name ("Government of the Republic of Kazakhstan")."""
    out = {}
    for e in lex.entries.values():
        if e.cls in _BODY_CLASSES and "en" in e.pref:
            label = e.pref["en"]
            # the whole label is the body itself: look in what follows its first words
            for word in tokenize(label)[1:]:
                rest = label[word.start:]
                states = {m.entity for m in _find(rest, "en", lex, tokenize(rest)) if m.cls == "State"}
                if states:
                    if len(states) == 1:
                        out[e.iri] = states.pop()
                    break
    return out


@lru_cache(maxsize=4)
def _lexicon_for(directory: str | None) -> Lexicon:
    from .vocabulary import vocabulary_dir

    path = Path(directory) if directory else None

    def build() -> Lexicon:
        keys = lexicon_store.label_keys()
        lex = compile_lexicon(load_entries(path), load_dismissed(path), keys)
        lexicon_store.keep_label_keys(keys)
        lex.body_state = _body_states(lex)
        return lex

    lex = lexicon_store.cached(path or vocabulary_dir(), build)
    # The compiled vocabularies (millions of small objects with the world's cities) live as long
    # as the process: without this every full collection walks them again, which made linking
    # a document about 1.3x slower once places.ttl had Kazakhstan's towns (measured on the seeds).
    gc.collect()
    gc.freeze()
    return lex


def clear_cache() -> None:
    """Forget the compiled vocabularies (after a vocabulary file changed in this process)."""
    from . import vocabulary

    vocabulary.clear_cache()
    _lexicon_for.cache_clear()


def lexicon(directory: Path | None = None) -> Lexicon:
    """The compiled vocabularies, built once per process (and per directory)."""
    return _lexicon_for(str(directory) if directory else None)


# --------------------------------------------------------------------------- matching

_CONJUNCTIONS = {"and", "or", "и", "или", "а", "также", "және", "мен", "әрі", "немесе", "де", "да"}


_CYRILLIC = re.compile("[А-Яа-яЁё]")
_KAZAKH_LETTERS = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def find_mentions(text: str, lang: str, lex: Lexicon | None = None, tokens: list[Token] | None = None,
                  abbreviations: dict[str, tuple[URIRef, str]] | None = None, kind: str | None = None) -> list[Mention]:
    """Every vocabulary name in `text`, longest first, plus names shared by coordinated
    modifiers ("systemic and comparative analysis" names systems analysis too). A method named
    by an ordinary word ("survey") counts only where it names the method: `kind` is the section
    the text comes from (see method_context)."""
    lex = lex or lexicon()
    lang = lang if lang in lex.tries else "en"
    tokens = tokens if tokens is not None else tokenize(text)
    mentions = _find(text, lang, lex, tokens, abbreviations=abbreviations)
    if lang == "en" and _CYRILLIC.search(text):
        # English abstracts quote Russian and Kazakh titles (publication lists, approbation).
        covered = bytearray(len(text) + 1)
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        cyrillic = [bool(_CYRILLIC.search(t.text)) for t in tokens]
        for other in ("ru", "kk") if _KAZAKH_LETTERS.search(text) else ("ru",):
            for m in _find(text, other, lex, tokens, cyrillic):
                if _CYRILLIC.search(m.exact) and covered.find(1, m.start, m.end) == -1:
                    mentions.append(m)
                    covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        mentions.sort(key=lambda m: (m.start, m.end))
    if lang in ("ru", "kk"):
        mentions = [m for m in mentions if not _inside_a_latin_name(text, m)]
    if any(m.common for m in mentions):
        mentions = [m for m in mentions if not m.common
                    or method_context.names_a_method(text, lang, kind, tokens, m.start, m.end)]
    if lex.cities and any(m.entity in lex.cities for m in mentions):
        mentions = _cities_as_places(text, lang, lex.cities, mentions)
    mentions = [_with_initials(text, _with_initialism_dot(text, _with_version(text, m))) for m in mentions
                if not _name_giver(text, m) and not _product_of(text, m)]
    # (in the summary of the chapters the literature review is always one of them: "The literature
    # review describes …", «В обзоре литературы рассмотрены …»)
    mentions = [m for m in mentions if m.cls != "Method" or not (
        _chapters_kind(text, m) or _a_chapters_review(text, m)
        or kind == "content" and str(m.entity).endswith("/literature-review"))]
    if any(m.cls in ("Theory", "Method", "Region") for m in mentions):
        titles = _event_titles(text)
        mentions = [m for m in mentions if m.cls not in ("Theory", "Method", "Region")
                    or not any(a <= m.start and m.end <= b for a, b in titles)]
    chrome = page_chrome.tool_lines(text)
    if chrome:   # a journal page's citation formats and licence (see page_chrome)
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in chrome)]
    return _self_named_documents(text, lang, lex, _bodies_of_other_states(text, lex, mentions))


_LATIN_NAME_WORD_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][A-Za-z]*[a-z-]")


def _inside_a_latin_name(text: str, m: Mention) -> bool:
    """A body's Latin acronym in a Russian or Kazakh text that opens a longer Latin name («FAO
    Penman-Monteith әдісі»): the name's, not the body's. (A tool's stays itself: «SPSS Statistics»,
    «ANSYS Mechanical» are SPSS and ANSYS.)"""
    return m.cls not in ("Method", "Theory") and bool(_LATIN_ACRONYM.fullmatch(m.exact)) \
        and _LATIN_NAME_WORD_AFTER.match(text, m.end) is not None


def _event_titles(text: str) -> list[tuple[int, int]]:
    """The quoted titles of conferences, courses and the like («международной конференции
    «Географические науки в обеспечении устойчивого развития»»): a theory or method named inside
    one is the event's words, not the work's (KEYS.md lists no conference)."""
    return [m.span() for m in _QUOTED.finditer(text)
            if _EVENT_OR_COURSE_AFTER_QUOTES.match(text, m.end())
            or _EVENT_OR_COURSE_BEFORE_QUOTES.search(text[max(0, m.start() - 200):m.start()])]


def _chapters_kind(text: str, m: Mention) -> bool:
    """A method named in brackets after a chapter's word is the chapter's kind, not a method of the
    work: «В первой главе (обзор литературы) …», "Chapter 1 (literature review) …"."""
    before = text[max(0, m.start - 40):m.start].rstrip()
    return before.endswith("(") and text[m.end:m.end + 2].lstrip().startswith(")") and \
        _CHAPTER_BEFORE.search(before[:-1]) is not None


# The literature review as a part of the work, not a way it found something out: listed among the
# parts it consists of («состоит из введения, обзора литературы, главы …», "an introduction, a
# literature review, …", «Жұмыс кіріспеден, әдебиеттерге шолудан, …») or as what a chapter gives
# («В первой главе дан обзор литературы», «Бірінші бөлімде … әдебиеттерге шолу жасалып»). Named
# among the methods it is one.
# (the introduction opens a list of parts in the same sentence; a chapter's word stands in the same
# clause, a few words before: «В первой главе (…) описаны подходы, затем выполнен обзор литературы»
# names a review carried out)
_PARTS_LIST_BEFORE = re.compile(r"(?i)(?<![\w-])(?:введени[яеи]|an?\s+introduction|кіріспе\w*)(?![\w-])[^.!?;]*$")
_CHAPTER_CLAUSE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:глав\w*|chapters?|раздел\w*|тарау\w*|бөлім\w*)(?![\w-])"
                                    r"(?:[^\w.!?;,()]*[\w-]+){0,6}[^\w.!?;,()]*$")


def _a_chapters_review(text: str, m: Mention) -> bool:
    if not str(m.entity).endswith("/literature-review"):
        return False
    window = max(0, m.start - 200)
    return _PARTS_LIST_BEFORE.search(text, window, m.start) is not None \
        or _CHAPTER_CLAUSE_BEFORE.search(text, window, m.start) is not None


# A program's version after its name is part of what the text names ("SPSS 26", «пакет SPSS 13.0»,
# "Stata 17.1"): a method named in capitals (a program's name) takes in the number after it.
_VERSION_AFTER = re.compile(r"[ \t\u00a0]+\d{1,2}(?:\.\d{1,2}){0,2}(?![\w.,-]?\d)(?![\w%])")


# A dotted initialism's last dot is part of it: "U.S." (the tokens stop at its last letter).
_DOTTED_INITIALISM = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]")


def _with_initialism_dot(text: str, m: Mention) -> Mention:
    if text[m.end:m.end + 1] == "." and _DOTTED_INITIALISM.fullmatch(m.exact):
        return replace(m, end=m.end + 1, exact=m.exact + ".")
    return m


# A person the vocabulary names by surname, written with the initials before it: «А.С. Пушкин»,
# "L. Tolstoy" (the quote is the name as printed, initials and all)
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮІҺ][a-zа-яёәғқңөұүіһ]?\.\s?){1,3}$")


# A person an organisation is named after is the organisation's word («Фонд имени Абая
# Кунанбаева», «Абай Құнанбайұлы атындағы қор», "the foundation named after Abai Kunanbayev")
_NAME_GIVER_BEFORE = re.compile(r"(?:имени|им\.|named after)\s+$", re.I)
_NAME_GIVER_AFTER = re.compile(r"\s+атындағы(?!\w)")


def _name_giver(text: str, m: Mention) -> bool:
    return m.cls == "Person" and bool(_NAME_GIVER_BEFORE.search(text, max(0, m.start - 16), m.start)
                                      or _NAME_GIVER_AFTER.match(text, m.end))


# A company's one-word name before a capitalised word names its product, not the company: "Google
# Scholar", "Google Trends", "Microsoft Teams", "Amazon Braket" (a product a vocabulary lists,
# "Google Forms", is found whole before this is asked; a division it lists, "Google Cloud", too)
_PRODUCT_AFTER = re.compile(r"[ \t]+[A-Z]")


def _product_of(text: str, m: Mention) -> bool:
    return m.cls == "NonGovernmentalOrganization" and re.fullmatch(r"[A-Z][A-Za-z]+", m.exact) is not None \
        and _PRODUCT_AFTER.match(text, m.end) is not None


def _with_initials(text: str, m: Mention) -> Mention:
    if m.cls != "Person":
        return m
    before = _INITIALS_BEFORE.search(text, max(0, m.start - 12), m.start)
    if not before:
        return m
    return replace(m, start=before.start(), exact=text[before.start():m.end])


def _with_version(text: str, m: Mention) -> Mention:
    # (a program named by one capital, "Statistica 6.0", «программы Statistica 6.0», as well)
    if m.cls != "Method" or not re.search(r"[A-Z]{2}|[A-Z][a-z]+[A-Z]|(?<![\w-])[A-Z][a-z]+$", m.exact):
        return m
    version = _VERSION_AFTER.match(text, m.end)
    if not version:
        return m
    return replace(m, end=version.end(), exact=text[m.start:version.end()])


# A world city (places.ttl) is linked where the text names it as a place: "in Vienna", "(Kazan,
# 2023)", "Uppsala, Sweden", «в Таллине», «Таллинде», «Ташкент қаласы», and in a list that opens
# so ("in Vienna (2023), Urumqi and Yekaterinburg"). A capital standing for its state ("relations
# between Moscow and Beijing", «позиция Анкары») is a metonym: the state is meant, and the city
# is left unlinked rather than linked wrongly.
# (and a conference's acronym and year, or a bracket's year, and a comma before it: "ITSC 2024,
# Milan", «(2023 ж., Ташкент»; not "In 2023, Milan Kundera …")
_YEAR_COMMA = r"|(?:[(;]\s*|(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})[\w-]*\s+)\d{4}(?:\s*(?:г|ж|жыл)\.?)?,\s*"
_PLACE_BEFORE = {
    "en": re.compile(r"(?:(?<!\w)(?:in|at|near|from|via|through|(?:city|port|town|village|centre|center|capital|"
                     r"district|region|province|outskirts|suburbs?) of)\s+|\(\s*" + _YEAR_COMMA + r")$", re.I),
    "ru": re.compile(r"(?:(?<!\w)(?:в|во|из|под|около|через|г\.|город(?:а|е|у|ах|ов)?|район(?:е|а)?|порт(?:а|у|ом|ы|ов)?)\s*|\(\s*"
                     + _YEAR_COMMA + r")$", re.I),
    "kk": re.compile(r"(?:\(\s*" + _YEAR_COMMA + r")$"),
}
# (a Kazakh place word after the name: «Алтай өңірлерін», «Орынбор өлкесі», «Ақсу маңында»)
_PLACE_AFTER = re.compile(r"\s*(?:,\s*(?:\d{4}|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|\(\s*\d{4}|\s+(?:қала|аудан|ауыл|порт|арқылы|өңір|аймақ|"
                          r"өлке|кент\b|маң(?:ы|ын|ында|ындағы)\b|city\b|town\b|district\b|port\b))")
_KK_PLACE_CASE = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|дағы|дегі|тағы|тегі)$")
# (a dash between names is a route: «Достық – Ақтау – Баку – Поти»)
_ROUTE_GAP = re.compile(r"\s+[–—-]\s+(?=\w)")
_LIST_GAP = re.compile(r"\s*(?:\(\s*\d{4}\s*\)\s*)?(?:,|\band\b|\bи\b|\bжәне\b|\bмен\b|(?<=\s)[–—-](?=\s))\s*(?:,\s*)?")


# A city in the genitive after a noun names the place whose markets, merchants or people the noun
# means («рынков Москвы», «купцы Ташкента», "the markets of Moscow"); after a noun of a state's
# will or stance it stands for its state («позиция Москвы», "the position of Moscow", "Moscow's
# stance") and is left alone, as without any cue.
_STANCE = (r"позици|политик|интерес|решени|курс|заявлени|отношени|рол[ьи]|влияни|давлени|стратеги|инициатив|"
           r"подход|ответ|реакци|предложени|требовани|намерени|участи|усили|действи|поддержк|санкци|визит|"
           r"position|polic|interest|decision|course|statement|relation|role|influence|pressure|strateg|"
           r"initiative|approach|response|reaction|proposal|demand|intention|participation|effort|action|"
           r"support|sanction|visit|stance|view|claim|ambition|agenda")
_NOUN_BEFORE = {
    "ru": re.compile(r"(?<![\w-])(?P<noun>[а-яё]{3,})\s+$"),
    "en": re.compile(r"(?<![\w-])(?P<noun>[a-z]{3,})\s+of\s+(?:the\s+)?$"),
}
_STANCE_NOUN = re.compile(rf"(?:{_STANCE})\w*", re.I)


def _after_a_noun(text: str, m: Mention, lang: str) -> bool:
    """Whether the city `m` is the genitive complement of a noun that names no stance."""
    pattern = _NOUN_BEFORE.get(lang)
    found = pattern.search(_words_before(text, m.start)) if pattern else None
    if found is None or _STANCE_NOUN.fullmatch(found.group("noun")):
        return False
    if lang == "en":
        return True
    if lang == "ru" and name_shapes._ru_head_lemma(found.group("noun")) and name_shapes._eponym(m.exact):
        return False   # «закон Ома» is Ohm's law, not the law of the city of Ome
    return morphology.russian_pos(found.group("noun")) == "NOUN" and morphology.russian_genitive(m.exact.lower())


def _words_before(text: str, start: int) -> str:
    """The last words before `start`, a run of spaces as one: justified lines extracted from a PDF
    put many spaces between "in" and "Vienna". Every cue of _PLACE_BEFORE is short and anchored at
    the end, so any reach longer than the longest cue and the character before it reads the same."""
    # (a mention starts a word, so a space added after the last one never joins a cue to it)
    return text[max(0, start - 200):start].rstrip()[-24:] + " "


_ENUMERATION_GAP = re.compile(r"[ \t]*,[ \t]*(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
# Places no vocabulary knows between the cue and a known one: "printed in Kazan, Troitsk and
# Tashkent", «в Троицке, Ташкенте и Уфе» (each a capitalised word or two, at most five of them)
_UNKNOWN_PLACES_BEFORE = re.compile(r"(?:(?<=\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+)?" + r"(?:"
                                    + _LIST_GAP.pattern + r")){1,5}$")


def _place_cue_before(text: str, start: int, lang: str) -> bool:
    cue = _PLACE_BEFORE.get(lang, _PLACE_BEFORE["en"])
    if cue.search(_words_before(text, start)):
        return True
    window = max(0, start - 200)
    places = _UNKNOWN_PLACES_BEFORE.search(text, window, start)
    return places is not None and cue.search(_words_before(text, places.start())) is not None


def _cities_as_places(text: str, lang: str, cities: frozenset, mentions: list[Mention]) -> list[Mention]:
    out, prev_place = [], None
    for m in mentions:
        if m.entity not in cities:
            out.append(m)
            # a list that opens with a state or one of Kazakhstan's own cities goes on with places
            # too: "in Astana, Almaty and Tallinn", «в Алматы, Хельсинки и Ювяскюля»
            # (and a route that passes one of Kazakhstan's own places: «Достық – Ақтау – Баку»)
            # (and an enumeration a region of Kazakhstan opens: "reach Kyzylorda, Aralsk and Kazaly";
            # or a list of cities whose markets, firms or people a noun means: «предприятий
            # Усть-Каменогорска и Риддера»)
            if m.cls in _PLACE_CLASSES and (
                    (m.cls == "Region" and (_ROUTE_GAP.match(text, m.end) or _ENUMERATION_GAP.match(text, m.end)))
                    or _place_cue_before(text, m.start, lang)
                    or (m.cls == "Region" and _after_a_noun(text, m, lang))
                    or (prev_place is not None and _LIST_GAP.fullmatch(text[prev_place.end:m.start]))):
                prev_place = m
            continue
        place = (_place_cue_before(text, m.start, lang)
                 or _PLACE_AFTER.match(text, m.end) is not None
                 or (lang == "kk" and _KK_PLACE_CASE.search(morphology.fold(m.exact)) is not None)
                 or _after_a_noun(text, m, lang)
                 or (prev_place is not None and _LIST_GAP.fullmatch(text[prev_place.end:m.start]) is not None))
        if place:
            out.append(m)
            prev_place = m
    # a list that closes with a place names places all through: «рынки Кентау и Шымкента»
    kept = {id(m) for m in out}
    following = None
    for m in reversed(mentions):
        if id(m) in kept:
            following = m if m.cls in _PLACE_CLASSES else None
        elif following is not None and _LIST_GAP.fullmatch(text[m.end:following.start]):
            out.append(m)
            following = m
        else:
            following = None
    out.sort(key=lambda m: (m.start, m.end))
    return out


_OF_STATE = re.compile(r"\s*(?:of\s+(?:the\s+)?)?", re.I)


def _bodies_of_other_states(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A body named by one word ("President", "Правительство", "Үкіметі") beside another state's
    name is that state's: "President of the United States", "Президент США", "Қытай Үкіметі"."""
    owners = lex.body_state or {}
    out = []
    for k, m in enumerate(mentions):
        own = owners.get(m.entity)
        if own is not None and " " not in m.exact.strip():
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            prev = mentions[k - 1] if k else None
            beside = [s for s in (nxt if nxt and _OF_STATE.fullmatch(text[m.end:nxt.start]) else None,
                                  prev if prev and not text[prev.end:m.start].strip() else None)
                      if s is not None and s.cls == "State"]
            if any(s.entity != own for s in beside):
                continue
        out.append(m)
    return out


def _self_named_documents(text: str, lang: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A law, concept or programme that names itself and whose kind and quoted title a vocabulary
    entry has is that entry, the whole name one mention (the state inside it included)."""
    docs = [d for d in self_named.find(text, lang) if d.title]
    if not docs:
        return mentions
    for d in docs:
        node = (lex.titles or {}).get(lang, {}).get(d.cls)
        frontier = [node] if node else []
        for t in tokenize(text[d.title[0]:d.title[1]]):
            keys = morphology.text_keys(t.text, lang)
            frontier = [child for n in frontier for k in keys if (child := n.get(k)) is not None]
        hit = next((n[_END] for n in frontier if _END in n), None)
        # (a name found across its title's closing quote, «"Білім туралы" Заңы», still takes in the
        # state before it: the whole name is the mention)
        if hit is None or any(m.entity == hit[0] and m.start < d.end and d.start < m.end
                              and not _CLOSING_QUOTE_GAP.search(m.exact) for m in mentions):
            continue   # unknown, or already found by its name alone («Болашак» in программа «Болашак»)
        mentions = [m for m in mentions if m.end <= d.start or m.start >= d.end]
        mentions.append(Mention(hit[0], hit[1], d.start, d.end, text[d.start:d.end]))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


_NO_KEYS: frozenset[str] = frozenset()


_ARTICLES = {"the", "The"}


def _in_order(keys: frozenset[str]) -> list[str]:
    return sorted(keys, key=lambda k: (not k.startswith(morphology.ACRONYM_MARK), k)) if len(keys) > 1 else list(keys)


def _find(text: str, lang: str, lex: Lexicon, tokens: list[Token], only: list[bool] | None = None,
          abbreviations: dict[str, tuple[URIRef, str]] | None = None) -> list[Mention]:
    """One left-to-right pass of one language's trie; `only` limits it to some tokens."""
    trie = lex.tries[lang]
    if only is not None:
        keys = [morphology.text_keys(t.text, lang) if flag else _NO_KEYS for t, flag in zip(tokens, only)]
    else:
        keys = [morphology.text_keys(t.text, lang) for t in tokens]
    n = len(tokens)
    root = trie.keys()
    successors: dict[int, list[int]] = {}
    found: list[Mention] = []

    def longest(i: int):
        best = None   # (last token index, (iri, cls, needs a capital))
        first_upper = tokens[i].text[:1].isupper()
        # (a word's keys are a set: they are walked in one order, its acronym key first, so that of
        # two names as long the same one wins in every process, whatever its hash seed — "PISA"
        # the survey, not Pisa the city)
        frontier = [(child, i) for k in _in_order(keys[i]) if (child := trie.get(k)) is not None]
        while frontier:
            nxt = []
            for node, j in frontier:
                end = node.get(_END)
                if end is not None and (best is None or j > best[0]) and (not end[2] or first_upper):
                    best = (j, end)
                if j not in successors:
                    successors[j] = _successors(text, tokens, j)
                for s in successors[j]:
                    nxt.extend((child, s) for k in _in_order(keys[s]) if (child := node.get(k)) is not None)
            frontier = nxt
        return best

    def _names_inside(quote_end: int, i: int, j: int) -> bool:
        k = next((k for k in range(i + 1, j + 1) if tokens[k].start >= quote_end), None)
        return k is not None and not root.isdisjoint(keys[k]) and longest(k) is not None

    i = 0
    while i < n:
        if root.isdisjoint(keys[i]):   # most words start no name: one C-level check
            i += 1
            continue
        best = longest(i)
        if best is not None and tokens[i].text in _ARTICLES and i + 1 < n and not root.isdisjoint(keys[i + 1]):
            # a label that opens on the article ("the Caspian") yields to a longer name that opens on
            # the next word ("the Caspian Sea" is the sea's full name, not its short one and "Sea")
            after = longest(i + 1)
            if after is not None and after[0] > best[0]:
                best = None
        if best is None:
            i += 1
            continue
        # two labels of one entry that overlap are one name: «количественная ПЦР» and «ПЦР в
        # реальном времени» in «количественную ПЦР в реальном времени»
        for k in range(i + 1, best[0] + 1):
            if not root.isdisjoint(keys[k]):
                later = longest(k)
                if later is not None and later[0] > best[0] and later[1][0] == best[1][0]:
                    best = (later[0], best[1])
        j, (iri, cls, _, common) = best
        start, end = tokens[i].start, tokens[j].end
        inner = _OPENING_QUOTE_GAP.search(text, start, end)
        if inner and len(_TOKEN.findall(text, start, inner.start())) < _WORDS_BEFORE_OWN_QUOTE \
                and _names_inside(inner.end(), i, j):
            # «программа «Болашак»»: a kind before a quoted name is no title quoting its own words;
            # the name inside the quotes is found on its own (where a label of the vocabulary holds
            # the kind and a quoted name that is no label alone, «метод «затраты – выпуск»», the
            # whole is the name)
            i += 1
            continue
        if _ordinary_word_opening_a_sentence(text, lang, lex, tokens[i], i == j, cls):
            i += 1
            continue
        if start and text[start - 1] in _OPENING_QUOTES and _CLOSING_QUOTE_GAP.search(text, start, end):
            start -= 1   # «"Даму" … қоры»: the quote that opens the name is the name's
        elif text[end:end + 1] in "»”\"" and _quote_left_open(text[start:end]):
            end += 1     # «… к «зеленой экономике»»: the quote the name opened closes it
        found.append(Mention(iri, cls, start, end, text[start:end], common=common))
        i = j + 1
    mentions = _nested_in_names(text, _local_abbreviations(text, tokens, found, abbreviations), lex.body_state)
    mentions.extend(_elliptic(text, lang, lex, tokens, keys))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _ordinary_word_opening_a_sentence(text: str, lang: str, lex: Lexicon, token: Token, one_word: bool,
                                      cls: str) -> bool:
    """A programme named by one ordinary word («Болашақ» "future", «Серпін» "impetus") is only
    that word where a sentence or a quotation opens on it declined («Болашақта зерттеуді…» "in
    the future"): the capital is the sentence's, and the programme is named in its own form.
    Quoted alone («Болашақ») it is the programme."""
    if lang not in ("ru", "kk") or not one_word or cls not in INITIATIVE_KINDS + ("Initiative",):
        return False
    quoted = token.start and text[token.start - 1] in _OPENING_QUOTES
    if quoted and text[token.end:token.end + 1] in "»”\"":
        return False   # «Болашақ»: the name alone in its quotes
    # (a quotation's first word is capitalised as a sentence's is: «Болашақ мұғалімдердің …»)
    if not quoted and not _sentence_initial(text, token.start):
        return False
    # … or undeclined, as the word that qualifies the next one («Болашақ зерттеулерде» "in future
    # research"): a sentence naming the programme goes on with what it is («Болашақ бағдарламасы»)
    # or with what it did, not with a lower-case noun it qualifies
    after = _NEXT_WORD.match(text, token.end)
    ordinary_before_noun = lang == "kk" and after is not None and after.group(1)[:1].islower() \
        and not _PROGRAMME_WORD.match(after.group(1))
    return morphology.fold(token.text) not in lex.known or ordinary_before_noun


_NEXT_WORD = re.compile(r"[ \t\u00a0]+(\w[\w-]*)")
_PROGRAMME_WORD = re.compile(r"(?:бағдарлам|стипенди|программ|жоба|түлек|стипендиат|халықаралық|президенттік)\w*", re.I)


# A body's own name is often quoted before its kind: «"Даму" кәсіпкерлікті дамыту қоры», «фонд
# «Самрук-Казына»», "the «Bolashak» programme". The vocabulary lists the name without quotes; a
# closing quote may stand inside a name where the quote opened just before the name's first word
# (see _find, which takes the opening quote in) and the quoted part is short.
_CLOSING_QUOTE_GAP = re.compile(r"[»”\"][ \t\u00a0]+")
_OPENING_QUOTES = "«“„\""
# … and a label may quote its last words itself, as a document's title does («Концепция по переходу
# Республики Казахстан к «зеленой экономике»»): a quote may open between two of its words, and the
# quote closing right after the name is the name's too.
_OPENING_QUOTE_GAP = re.compile(r"[ \t\u00a0]+[«“„\"]")
_WORDS_BEFORE_OWN_QUOTE = 3
_QUOTED_WORDS = 4


def _quote_left_open(name: str) -> bool:
    return name.count("«") > name.count("»") or name.count("“") + name.count("„") > name.count("”") \
        or name.count('"') % 2 == 1


def _quote_closes_in_name(text: str, left: Token, right: Token) -> bool:
    if not _CLOSING_QUOTE_GAP.fullmatch(text[left.end:right.start]):
        return False
    before = text[max(0, left.start - 60):left.start]
    opening = max(before.rfind(q) for q in _OPENING_QUOTES)
    return opening != -1 and not any(q in before[opening + 1:] for q in "»”") and \
        len(_TOKEN.findall(before[opening + 1:])) < _QUOTED_WORDS


def _successors(text: str, tokens: list[Token], j: int) -> list[int]:
    """The tokens that may continue a name after token j: the next one, or the one after a short
    parenthesis ("public (civil) diplomacy", "халықтық (азаматтық) дипломатия")."""
    n = len(tokens)
    if j + 1 >= n:
        return []
    # (a label may hold a comma, «Один пояс, один путь», but never right after an acronym: «спектроскопия
    # ЭПР, спектроскопия ЯМР» is a list, not «ЭПР-спектроскопия»)
    gap_ok = _gap_ok(text, tokens[j], tokens[j + 1], _LABEL_GAP) and not (
        "," in text[tokens[j].end:tokens[j + 1].start] and morphology.is_acronym(tokens[j].text))
    out = [j + 1] if gap_ok or _quote_closes_in_name(text, tokens[j], tokens[j + 1]) \
        or _OPENING_QUOTE_GAP.fullmatch(text, tokens[j].end, tokens[j + 1].start) else []
    if text[tokens[j].end:tokens[j + 1].start].strip() == "(":
        for k in range(j + 1, min(j + 4, n - 1)):
            close = text[tokens[k].end:tokens[k + 1].start]
            if ")" in close:
                if close.strip() == ")":
                    out.append(k + 1)
                break
    return out


_DEFINED = re.compile(r"\s*\(([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6})\)")


def defined_abbreviations(text: str, mentions: list[Mention]) -> dict[str, tuple[URIRef, str]]:
    """Abbreviations a text defines for a name it just used: "the Central Asian region (CA)"."""
    out: dict[str, tuple[URIRef, str]] = {}
    for m in mentions:
        tail = _DEFINED.match(text, m.end)
        if tail:
            out.setdefault(tail.group(1), (m.entity, m.cls))
    return out


def _local_abbreviations(text: str, tokens: list[Token], found: list[Mention],
                         document: dict[str, tuple[URIRef, str]] | None) -> list[Mention]:
    """An abbreviation the text (or another part of the same document) defined names the same
    entity wherever it is used again."""
    local = dict(document or {})
    local.update(defined_abbreviations(text, found))
    if not local:
        return found
    covered = bytearray(len(text) + 1)
    for m in found:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for t in tokens:
        if len(t.text) < 2 or not t.text[1].isupper():
            continue
        acro = morphology.acronym_key(t.text)
        if acro and acro[1:] in local and not covered[t.start]:
            iri, cls = local[acro[1:]]
            end = t.start + len(acro) - 1
            extra.append(Mention(iri, cls, t.start, end, text[t.start:end]))
    return sorted(found + extra, key=lambda m: m.start)


# A state's name directly before the name of one of its bodies is part of that name
# ("Қазақстан Республикасы Ғылым және жоғары білім министрлігі", "Kazakhstan Ministry of ...").
_BODY_CLASSES = {"GovernmentBody"}


def _nested_in_names(text: str, found: list[Mention], owners: dict | None = None) -> list[Mention]:
    out = []
    opens: Mention | None = None   # the state that opens the next body's name
    for idx, m in enumerate(found):
        nxt = found[idx + 1] if idx + 1 < len(found) else None
        if (m.cls == "State" and nxt is not None and nxt.cls in _BODY_CLASSES
                and not text[m.end:nxt.start].strip()
                # unless the body, named by one word, is another state's ("Қытай Үкіметі")
                and not (" " not in nxt.exact.strip() and (owners or {}).get(nxt.entity, m.entity) != m.entity)):
            opens = m
            continue
        if opens is not None:
            # the quote is the whole name, state included: Kazakh writes the state in the
            # nominative and declines only the body («Қазақстан Республикасы Ауыл шаруашылығы
            # министрлігінің»), so the body alone would quote a form no reader cites
            m = replace(m, start=opens.start, exact=text[opens.start:m.end])
            opens = None
        out.append(m)
    return out


_KK_OBLIQUE_CASE = re.compile(r"(?:нда|нде|да|де|та|те|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|мен|бен|пен)$")


# (English "analysis", "synthesis", "process" end in s and are singular)
_PLURAL_HEAD = re.compile(r"(?:[иы]|ов|ами|ах|ам|дар\w*|дер\w*|тар\w*|тер\w*|лар\w*|лер\w*|[a-z](?<![isu])s)$")


def _elliptic(text: str, lang: str, lex: Lexicon, tokens: list[Token], keys: list) -> list[Mention]:
    """Names whose head noun is shared by a list of modifiers: `A, B and C analysis`."""
    pairs, heads = lex.pairs[lang], lex.heads[lang]
    out = []
    for h in range(1, len(tokens)):
        head_keys = keys[h] & heads
        if not head_keys or not _gap_ok(text, tokens[h - 1], tokens[h]):
            continue
        m = h - 1            # the modifier next to the head
        joined = False       # a conjunction closes the list: "A, B and C analysis"
        for _ in range(6):
            p = m - 1
            if p < 0:
                break
            gap = text[tokens[p].end:tokens[m].start]
            if morphology.fold(tokens[p].text) in _CONJUNCTIONS:
                q = p - 1
                if gap.strip() or q < 0 or text[tokens[q].end:tokens[p].start].strip() not in ("", ","):
                    break
                m = q
                joined = True
            elif gap.strip() == ",":
                m = p
            else:
                break
            if not joined and (not _PLURAL_HEAD.search(tokens[h].text) or (
                    lang == "kk" and _KK_OBLIQUE_CASE.search(morphology.fold(tokens[m].text)))):
                # commas alone make a list of modifiers before a plural head only («историко-правовой,
                # системно-структурный методы»): "Poisson regression, thematic analysis" are two items
                # of a list of methods. (A Kazakh modifier takes no case: «… бағында, Есік қаласы
                # маңында» is two clauses.)
                continue
            for hk in head_keys:
                hit = next((pairs[(mk, hk)] for mk in keys[m] if (mk, hk) in pairs), None)
                if hit:
                    start, end = tokens[m].start, tokens[h].end
                    out.append(Mention(hit[0], hit[1], start, end, text[start:end], elliptic=True))
                    break
        if _PLURAL_HEAD.search(tokens[h].text) and h + 1 < len(tokens) and \
                text[tokens[h].end:tokens[h + 1].start].strip() == ":":
            out.extend(_modifiers_after(text, h, head_keys, pairs, tokens, keys))
    return out


def _modifiers_after(text: str, h: int, head_keys: set, pairs: dict, tokens: list[Token], keys: list) -> list[Mention]:
    """The head first, its modifiers listed after its colon, each an item alone: «частнонаучные
    методы: формально-юридический, сравнительно-правовой, историко-правовой, анализ и синтез» —
    each modifier that makes a name with the head is that name (written as the modifier)."""
    out = []
    m = h + 1
    for _ in range(12):
        if m >= len(tokens):
            break
        after = text[tokens[m].end:tokens[m + 1].start] if m + 1 < len(tokens) else ""
        alone = after.strip() in (",", ";", ".", "") and (
            m + 1 >= len(tokens) or after.strip() or morphology.fold(tokens[m + 1].text) in _CONJUNCTIONS)
        if alone:
            hit = next((pairs[(mk, hk)] for hk in head_keys for mk in keys[m] if (mk, hk) in pairs), None)
            if hit:
                out.append(Mention(hit[0], hit[1], tokens[m].start, tokens[m].end, tokens[m].text, elliptic=True))
        # on to the next item: past this one's words to a comma or a conjunction
        while m + 1 < len(tokens) and not (text[tokens[m].end:tokens[m + 1].start].strip() in (",", ";")
                                           or morphology.fold(tokens[m + 1].text) in _CONJUNCTIONS):
            if text[tokens[m].end:tokens[m + 1].start].strip():   # a full stop, a bracket: the list ends
                return out
            m += 1
        m += 2 if m + 1 < len(tokens) and morphology.fold(tokens[m + 1].text) in _CONJUNCTIONS else 1
    return out


# --------------------------------------------------------------------------- candidates

_QUOTED = re.compile(r"«([^«»\n]{2,90})»|“([^“”\n]{2,90})”|„([^„“”\n]{2,90})[“”]|\"([^\"\n]{2,90})\"")
# the head of a theory just before a quoted name (Russian) and after it (English, Kazakh)
# (a model too: «модель «требования – контроль»», the "job demands–resources" model, «"талаптар –
# бақылау" моделі»: a model named in quotes is a scholar's, as a theory is)
_THEORY_BEFORE_QUOTE = re.compile(r"(?<![\w-])(?:теори[яиюей]|концепци[яиюей]|парадигм[аыеуой]|модел(?:ь|и|ью|ей)|"
                                  r"theory of the|concept of the)\s*$", re.I)
# (Kazakh puts the head after the quoted name: «елестетілген қауымдастықтар» тұжырымдамасы, any case)
_THEORY_AFTER_QUOTE = re.compile(r"\s+(?:theory|concept|paradigm|model)\b|\s+(?:теориясы|тұжырымдамасы|концепциясы|парадигмасы|моделі)"
                                 r"(?:на|не|нда|нде|нан|нен|мен|ның|нің|н)?(?![\w-])", re.I)
# A quoted name is a programme's or a document's unless its kind, after it (or after the list of
# quoted names it opens), says it is something else that is none of the four classes: a cultivar
# or a breed («…» және «…» сорттарының, сорт «…» is the other order), a periodical («…» журналында,
# the «…» journal).
# A quoted name that says nothing of what it names is an initiative's only where a word of a
# programme, a law, a project, a protocol or a standard stands beside it in its sentence («программа
# развития здравоохранения … «Саламатты Қазақстан»», «…» жобасы, the State Programme "…", СНиП …
# «…»); without one it is as often a conference's, a kindergarten's, a book's, a chapter's, a
# drug's or a park's name, which no reader asks for as an initiative.
# (Russian and Kazakh words by their stems, in any case; English ones whole, "act" is no "activity")
_INITIATIVE_WORD = (r"(?:программ|бағдарлам|проект|жоба|протокол|закон|заң|кодекс|стандарт|норм|снип|указ|постановлен|"
                    r"қаулы|концепц|тұжырымдама|стратеги|доктрин|послани|жолдау|мақала|стать|инициатив|бастама|"
                    r"требовани|талапт|правил|ережел|план|жоспар|карта|регламент|құжат|портал)\w*|"
                    r"(?:program(?:me)?|project|protocol|law|code|standard|strateg(?:y|ie)|concept|initiative|decree|"
                    r"resolution|article|plan|roadmap|requirement|rule|regulation|act|document|portal)s?(?![\w-])")
# (within the sentence: an initial's full stop does not end it, «в статье Н.А. Назарбаева «…»»; a
# list of quoted names shares the word before it, «программ «7-20-25» и «Баспана Хит»»)
_IN_SENTENCE = r"(?:[^.!?;]|(?<=\b\w)\.)"
_INITIATIVE_WORD_BEFORE = re.compile(r"(?i)(?<![\w-])(?:" + _INITIATIVE_WORD + r")" + _IN_SENTENCE + r"{0,120}$")
_INITIATIVE_WORD_AFTER = re.compile(r"(?i)[^.!?;«»“”\"]{0,60}?(?<![\w-])(?:" + _INITIATIVE_WORD + r")")


# A Kazakh kind word in the plural locative before a quote says where a name is written, not what
# it names («құжаттарда «Джумабай» болып жазылған есім»: "in the documents"); Kazakh puts a
# document's own kind after its name.
_KK_PLURAL_LOCATIVE = re.compile(r"^\w+(?:лар|лер|дар|дер|тар|тер)(?:да|де|та|те)$")


def _says_what_it_names(text: str, start: int, end: int) -> bool:
    before = _INITIATIVE_WORD_BEFORE.search(text, max(0, start - 160), start)
    while before is not None and _KK_PLURAL_LOCATIVE.match(word := re.match(r"\w+", before.group(0)).group()):
        before = _INITIATIVE_WORD_BEFORE.search(text, before.start() + len(word), start)
    return bool(before or _INITIATIVE_WORD_AFTER.match(text, end))


_THING_AFTER_QUOTES = re.compile(
    r"(?:\s*(?:,|и|или|және|мен|немесе|and|or)\s*[«“„\"][^«»“”„\"\n]{1,60}[»”\"“])*\s+"
    r"(?:сорт\w*|гибрид\w*|пород\w*|тұқым\w*|журнал\w*|газет\w*|альманах\w*|"
    r"cultivars?\b|variet(?:y|ies)\b|breeds?\b|hybrids?\b|journal\b|magazine\b|newspaper\b)", re.I)
_THING_BEFORE_QUOTES = re.compile(
    r"(?<![\w-])(?:сорт|гибрид|пород|журнал|газет|альманах|cultivar|variet|breed|hybrid|journal|magazine|newspaper)\w*"
    r"\s+(?:[«“„\"][^«»“”„\"\n]{1,60}[»”\"“]\s*(?:,|и|или|және|мен|and|or)\s*)*$", re.I)
# Periodicals listed in a parenthesis after the journals they are ("articles in journals indexed in
# Scopus ("…", "…")", «в журналах … («…», «…»)»), and a quoted name that calls itself a journal.
_JOURNALS_BEFORE_PARENTHESIS = re.compile(
    r"(?<![\w-])(?:журнал\w*|journals?)\b[^.;«»“”\"()\n]{0,80}\(\s*"
    r"(?:[«“„\"][^«»“”„\"\n]{1,80}[»”\"“]\s*(?:,|;|и|және|and)\s*)*$", re.I)
_JOURNAL_TITLE = re.compile(r"(?i)^(?:the\s+)?journal\b|\bjournal$|\bjournal\s+of\b")
# Nor is a course's, a specialty's or a conference's title in quotes a programme's: the course
# "Soil Physics", дисциплины «…», «…» курсының, специальности «…», the conference "…", «…»
# халықаралық ғылыми конференциясында, «Әуезов оқулары – 22» (a scholar's readings are a
# conference too). Kazakh and Russian may put adjectives of the event between the title and its kind.
# (Kazakh in the 2021 Latin alphabet writes ц as ts, so its fold reads «конферентсиясында».)
# A special course (спецкурс), a programme's module, a research topic (ғылыми тақырыбы, на тему «…»)
# and a congress are titled the same way; so are a people's customs and the values a programme
# names («…», «…» сияқты құндылықтар; салт-дәстүрлері («…», «…»)), and a notion a text defines
# («…» ұғымы, понятие «…», the term "…"): none of them is a programme, a law or a body.
_EVENT_OR_COURSE = (r"курс\w*|спецкурс\w*|спецсеминар\w*|дисциплин\w*|специальност\w*|конферен(?:ц|тс)\w*|симпозиум\w*|"
                    r"семинар\w*|чтени\w*|конгресс\w*|модул\w*|тақыры[бп]\w*|тем(?:а|ы|е|у|ой)\b|"
                    r"пән\w*|мамандығ\w*|оқулар\w*|courses?\b|disciplines?\b|modules?\b|specialt(?:y|ies)\b|"
                    r"specialit(?:y|ies)\b|conferences?\b|congress(?:es)?\b|symposi(?:um|a)\b|seminars?\b|workshops?\b|"
                    r"readings\b|topics?\b|"
                    # a priority area of the state's science funding, which names a field, not a programme
                    r"приоритетн\w+\s+направлени\w*|направлени\w*\s+развития\s+науки|басым\s+бағыт\w*|"
                    r"priority\s+(?:areas?|directions?)(?:\s+of\s+(?:science|research)(?:\s+development)?)?")
# Customs, values and notions follow their quoted names directly or after one word that says "such
# as" or "called" («…» сияқты құндылықтар, «…» деген ұғым), never after a programme's own kind.
_CUSTOM_VALUE_OR_NOTION = (r"салт(?:-дәстүр)?\w*|дәстүр\w*|обыча\w*|обряд\w*|ырым\w*|customs?\b|rituals?\b|"
                           r"құндылық\w*|ценност\w*|values\b|ұғым\w*|понят\w*|термин\w*|notions?\b|term\b")
_CUSTOM_VALUE_OR_NOTION_AFTER_QUOTES = re.compile(
    r"(?:\s*(?:,|и|және|мен|and)\s*[«“„\"][^«»“”„\"\n]{1,90}[»”\"“])*"
    r"(?:\s+(?:сияқты|секілді|деген|атты|как|такие|such|called))?\s+(?:" + _CUSTOM_VALUE_OR_NOTION + ")", re.I)
_CUSTOM_VALUE_OR_NOTION_BEFORE_QUOTES = re.compile(
    r"(?<![\w-])(?:" + _CUSTOM_VALUE_OR_NOTION + r")(?:\s+|\s*\(\s*)"
    r"(?:[«“„\"][^«»“”„\"\n]{1,90}[»”\"“]\s*(?:,|и|және|мен|and)\s*)*$", re.I)
_EVENT_OR_COURSE_AFTER_QUOTES = re.compile(
    r"(?:\s*(?:,|и|және|мен|and)\s*[«“„\"][^«»“”„\"\n]{1,90}[»”\"“])*"
    r"(?:\s+(?:[а-яёәғқңөұүһі][\w-]*|international|scientific|annual|(?:scientific-)?practical))?"
    r"(?:\s+[а-яёәғқңөұүһі][\w-]*){0,2}\s+(?:" + _EVENT_OR_COURSE + ")", re.I)
_EVENT_OR_COURSE_BEFORE_QUOTES = re.compile(
    r"(?<![\w-])(?:" + _EVENT_OR_COURSE + r")(?:\s*:\s*|\s+)(?:[«“„\"][^«»“”„\"\n]{1,90}[»”\"“]\s*(?:,|и|және|мен|and)\s*)*$",
    re.I)   # (and after a colon: «трёх модулей: «…», «…»»)
_ROMAN = re.compile(r"^[IVXLCDMХІ]+$")   # (ХХ ғасыр: Cyrillic letters standing for XX)
_COORDINATORS = {"and", "und", "y", "и", "және", "мен"}
_CONNECTORS = {"of", "and", "for", "the", "in", "on", "de", "und", "y", "и", "по", "при", "имени", "для", "және", "мен"}
_SENTENCE_END = re.compile(r"(^|[.!?:;•·\n]|^\s*[-–—]|\d[.)])\s*[\"«“„(]?\s*$")

# Words that make a capitalised run a name of an organisation or programme, and the class they
# suggest. Keys are normalised the same way as text words, so an inflected form the stemming
# reduces to a listed word (кодексі → кодекс, университеті → университет) needs no entry.
_KEYWORDS = {
    "University": ["university", "college", "academy", "университет", "академия", "академиясы"],
    # a historic polity by its kind: "Turgesh Khaganate", «Жетісу хандығы» (a Russian one, «Кокандское
    # ханство», is named by an adjective and a lower-case kind, as no capitalised run is)
    "State": ["khaganate", "kaganate", "khanate", "emirate", "sultanate", "қағанаты", "хандығы", "әмірлігі",
              "сұлтандығы",
              # a horde, capitalised in its name in every language: "Bukey Horde", «Букеевская Орда»
              "horde", "орда", "ордасы"],
    # (a regulator is named an authority: "Financial Conduct Authority", "Monetary Authority of …")
    # (a body that sets standards or oversees is a board: "International Accounting Standards Board")
    "GovernmentBody": ["ministry", "committee", "agency", "commission", "parliament", "authority", "board", "министерство", "комитет",
                       "агентство", "комиссия", "министрлік", "агенттігі", "агенттік", "комиссиясы",
                       # an executive body named an administration («Американдық көмек әкімшілігі»,
                       # «Администрация Президента»; the English word names a drug's giving and a
                       # tax's collecting too: "surfactant administration", "Tax Administration")
                       "администрация", "әкімшілігі",
                       # the judiciary in English: "Almaty City Court", "Civil Resolution Tribunal" («суд»
                       # and «сот» open the names of codes and proceedings too often: «Әкімшілік сот ісін
                       # жүргізу кодексі», «судебная практика»)
                       "court", "tribunal"],
    "NonGovernmentalOrganization": ["foundation", "association", "society", "institute", "institut", "centre", "center",
                                    "service", "bureau", "inspection", "laboratory", "corporation", "фонд", "служба",
                                    "бюро", "инспекция", "лаборатория", "корпорация", "корпорациясы", "зертханасы", "ассоциация", "общество", "институт", "центр", "қоры", "қор",
                                    "қауымдастығы", "қоғамы", "орталығы", "federation", "library", "федерация",
                                    "библиотека", "кітапхана", "кітапханасы",
                                    # a sports league is the body its clubs form: "Kontinental Hockey League",
                                    # «Казахстанская футбольная лига»
                                    "league", "лига", "лигасы"],
    "InternationalOrganization": ["organization", "organisation", "union", "council", "bank", "fund", "alliance", "организация",
                                  "союз", "совет", "банк", "ұйымы", "одағы", "кеңесі"],
    "Initiative": ["initiative", "forum", "congress", "process", "project", "agenda", "declaration", "convention",
                   "treaty", "charter", "platform", "декларация",
                   # a policy instrument: "Carbon Border Adjustment Mechanism", "Emissions Trading
                   # System/Scheme", "Partnership for Market Implementation"
                   "mechanism", "scheme", "trading", "partnership",
                   # what states sign: "Enhanced Partnership and Cooperation Agreement", "… Pact",
                   # "Memorandum of Understanding", «… келісімі», «… хаттамасы», «пакт …»
                   "agreement", "accord", "pact", "protocol", "memorandum", "келісімі", "хаттамасы",
                   "меморандумы", "протокол", "меморандум", "пакт",
                   # a body of norms: "Reporting Standards", «Международные стандарты …», and the
                   # standards of medicines a state publishes: «Государственная фармакопея …»
                   "standard", "стандарт", "pharmacopoeia", "фармакопея", "фармакопеясы",
                   # what a body publishes for others to follow: "… Disclosure Guide", "… Reference Guide"
                   "guide", "guidelines",
                   # a migration route that states and conventions agree to protect: "Central Asian
                   # Flyway", "East Asian–Australasian Flyway"
                   "flyway",
                   # a contest that a body runs for others to enter, and a plan of steps a government
                   # publishes: "… Detection Challenge", "Roadmap for the Introduction of …"
                   "challenge", "roadmap",
                   # a sports event, held once by the bodies that host it: "Asian Winter Games",
                   # "Winter Universiade", «Азиатские игры», «Азия ойындары»
                   "games", "universiade", "olympiad", "olympics", "championship", "универсиада", "олимпиада",
                   "чемпионат", "универсиадасы", "олимпиадасы", "чемпионаты", "ойындары",
                   "конвенция", "договор", "соглашение", "хартия", "процесс", "платформа", "декларациясы", "конвенциясы",
                   "процесі", "платформасы", "инициатива", "форум", "съезд", "проект", "бастамасы",
                   "съезі", "жобасы"],
    # kinds of initiative (dkg:Initiative's subclasses): what the document calls itself
    "Programme": ["program", "programme", "программа", "бағдарламасы"],
    "Strategy": ["strategy", "doctrine", "стратегия", "доктрина", "стратегиясы", "доктринасы"],
    "PolicyConcept": ["concept", "концепция", "тұжырымдамасы"],
    "ActionPlan": ["plan", "план", "жоспары"],
    # (a European Union act: "… Framework Directive", "Digital Services Act"; a statute: "Clean Air Act")
    "Law": ["law", "code", "directive", "act", "закон", "кодекс", "заңы"],
    "Address": ["address", "послание", "жолдауы"],
    "Department": ["department", "faculty", "кафедра", "факультет", "кафедрасы", "департамент", "департаменті"],
    "Diaspora": ["diaspora", "диаспора", "диаспорасы"],
    # a site named in quotes after its kind: «площадка «…»», «… алаңы» (of a test range, a deposit)
    "Region": ["площадка", "алаңы", "урочище"],
    # parties, chambers, companies, works and the institutions of culture
    "Organization": ["party", "chamber", "company", "holding", "plant", "factory", "works", "museum", "theatre",
                     # a consortium, a group of companies, and the institutions of science that keep
                     # collections or sites: "… Pipeline Consortium", "… Botanical Garden(s)",
                     # "… Astronomical Observatory", "… Nature Reserve"
                     "consortium", "garden", "observatory", "reserve",
                     # a protected area keeps its land for others, as a reserve does: "… State National
                     # Nature Park" (not «парк», «паркі»: a Kazakh sentence's first word capitalised before
                     # «парктің» is no name, and the Russian names are the quoted ones after their kind)
                     "park",
                     # a power plant: "… Power Station", «…» күн электр станциясы, СЭС «…»
                     "station", "станция", "станциясы",
                     "exchange", "биржа", "биржасы",
                     # a hospital (not «клиника», which is also a disease's clinical picture)
                     "hospital", "больница", "госпиталь", "ауруханасы",
                     # a group of states or companies: «Группа государств против …», «Группа компаний …»,
                     # "Eurasian Resources Group", "… Energy Group"
                     "группа", "group",
                     "theater", "gallery", "партия", "палата", "компания", "холдинг", "завод", "фабрика",
                     # a market is named in quotes after its kind: «рынок «…»», «… базары»
                     "bazaar", "рынок", "базар", "базары",
                     "комбинат", "музей", "театр", "галерея", "партиясы", "палатасы", "компаниясы",
                     "холдингі", "зауыты", "фабрикасы", "комбинаты", "мұражайы", "театры", "галереясы",
                     # a national collection of strains or seeds keeps them for others, as a museum does:
                     # «Микроорганизмдердің республикалық коллекциясы», «Национальная коллекция …»
                     "коллекция",
                     # an enterprise named after its kind: a mine (шахта «Абайская», «Абай» шахтасы,
                     # рудник «…», «…» кеніші, "… Mine"), a publisher (издательство «Мектеп», «Атамұра»
                     # баспасы), a farm (крестьянское хозяйство «…», «…» шаруа қожалығы), a nursery
                     # («Балапан» бөбекжайы, «…» балабақшасы)
                     "mine", "шахта", "рудник", "шахтасы", "кеніші", "издательство", "баспасы", "publisher",
                     "farm", "қожалығы", "бөбекжайы", "балабақшасы"],
    # a named index is a measure a study applies ("Gallagher index", «индекс Грина – Вермильона»)
    "Method": ["index", "индекс", "индексі",
               # an instrument of measurement: "… Severity Scale", "Mineral Liberation Analyser",
               # "Randolph Glacier Inventory", "… Symptom Questionnaire"
               "scale", "analyser", "analyzer", "inventory", "questionnaire", "шкала", "опросник",
               # "… Functional Independence Measure", "International Classification of …"
               "measure", "classification", "классификация",
               # a source of data a study draws on: "… Resistance Database", "… Registry of …
               # Patients", "Global … Atlas", «Национальный регистр …» (a citation database is
               # an initiative: see _keyword_class)
               # (not «дерекқоры»: «Scopus дерекқорында» is where a paper is indexed)
               "database", "registry", "register", "atlas", "регистр", "реестр", "атлас", "тіркелімі",
               # a body of texts or recordings a study is trained or tested on: "… Speech Corpus"
               "corpus", "корпус"],
}
_KEYWORD_CLASS = {w: cls for cls, words in _KEYWORDS.items() for w in words}
_THEORY_HINT = re.compile(r"theor|concept|ism\b|power|diplomac|security|теори|концеп|изм\b|сила|дипломат|безопасн|тұжырым|күш|қауіпсіз", re.I)
_METHOD_HINT = re.compile(r"method|analys|approach|метод|анализ|подход|әдіс|талдау|тәсіл", re.I)


_HEADING_WORD = 7   # letters of a capitalised word that is no acronym («ДИССЕРТАЦИИ», «ЗЕРТТЕУ»)


def _in_capitals_heading(text: str, tokens: list[Token], k: int) -> bool:
    """A word of a heading set in capitals («ЗЕРТТЕУ ПӘНІ», «СТРУКТУРА И ОБЪЁМ ДИССЕРТАЦИИ»), not
    an acronym: a neighbour on its line, past short words, is a long word in capitals too."""
    t = tokens[k]
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(tokens) and "\n" not in text[min(tokens[j].end, t.end):max(tokens[j].start, t.start)]:
            w = tokens[j].text
            if not w.isupper():
                break
            if len(w) >= _HEADING_WORD:
                return True
            if len(w) > 2:
                break
            j += step
    return False


# Software a method is carried out in: "WAsP", "ArcGIS ортасында", "Sonic Visualiser бағдарламасы",
# «в программе WAsP», "PSS/E бағдарламасында" — a Latin-script name beside a word for a program
_VERSION = r"(?:\s+v?\d{1,2}(?:\.\d{1,2}){0,2}(?!\w|[.,]\d))?"
_SOFTWARE_AFTER = re.compile(r"\b([A-Z][\w/+.-]*[\w+](?:\s+[A-Z][\w/+.-]*[\w+])?" + _VERSION + r")\s+(?:бағдарламасы\w*|бағдарламалар\w*|"
                             r"ортасы\w*|программ\w*|пакет\w*|software|package|environment)\b")
_SOFTWARE_BEFORE = re.compile(r"(?:\bпрограмм[аеуыо]\w*|\bпакет[аеу]?|\bsoftware|\bpackage|\bинтерфейс(?:ом|е|а)?|\binterface)\s+"
                              r"([A-Z][\w/+.-]*[\w+](?:\s+[A-Z][\w/+.-]*[\w+])?" + _VERSION + ")")
# A tool named with its version, as a methods statement cites it: "SPSS 26", "NVivo 14", "R 4.3.1",
# "ATLAS.ti 23", "CROPWAT 8.0", "Design-Expert 13". The name is written in Latin letters and is
# not a word that numbers a part of a text or a stage ("Table 3", "Phase 2"); a plain
# capitalised word needs a dotted version or a word of use before it ("in Stata 17").
_VERSIONED = re.compile(r"(?<![\w.-])([A-Z][A-Za-z]*(?:[.-][A-Za-z]+)?(?:\s[A-Z][A-Za-z]+)?)\s(v?\d{1,2}(?:\.\d{1,2}){0,2}|[23]D)(?!\w|[.,]\d|\s*[-–—]\s*\d)(?!\s*(?:%|‰|°|mm|cm|km|kg|m\b|мм|см|км|кг|жыл|год|year|г\.))")
_NOT_TOOLS = {"Table", "Figure", "Fig", "Chapter", "Section", "Article", "Paragraph", "Appendix", "Annex",
              "Part", "Phase", "Stage", "Step", "Group", "Type", "Level", "Grade", "Class", "Wave", "Round",
              "Model", "Scenario", "Volume", "Vol", "No", "Issue", "Page", "Block", "Zone", "Unit", "Line",
              "Experiment", "Test", "Sample", "Site", "Plot", "Lot", "Series", "Version", "Industry", "Web",
              "COVID", "Covid", "SARS", "ISO", "IEC", "EN", "DIN", "ASTM", "GOST", "Task", "Objective", "Item",
              # a statistic's value ("OR 0.64", "HR 1.8", "AUC 0.91") and a licence's version
              # ("CC BY-NC 4.0") are no tools
              "OR", "HR", "RR", "CI", "AUC", "BY", "BY-NC", "BY-SA", "BY-ND", "BY-NC-SA", "BY-NC-ND", "CC"}
# (a Russian verb of use or a metric's word before a tool: «использованы Faster R-CNN», «метрикой mAP»)
_TOOL_USE_BEFORE = re.compile(r"(?:\b(?:in|using|with|via|by|of|metrics?)|в|во|с|помощью|среде|программе|пакете|арқылы|"
                              r"использован[аоы]?|применен[аоы]?|применял[аи]сь|метрик(?:ой|ам|ами|и|а))\s+$")


_QUANTITY_AFTER = re.compile(r"\s+(?:million|billion|thousand|trillion|per\s*cent|percent|млн|млрд|тыс|миллион|миллиард|мың)", re.I)
_AND_BEFORE = re.compile(r"(?:\b(?:and|or)|и|или|және|мен|,)\s+$")
# What joins the next tool of a list to the one before it, and nothing else: a comma, a
# conjunction or both ("SPSS 26 and Stata 17", "SPSS 26, Stata 17", "SPSS 26 and/or Stata 17",
# «SPSS 26 и/или Stata 17», «SPSS 26 немесе Stata 17»), after a closing bracket or not.
_LIST_JOIN = re.compile(r"\)?(?:\s*,\s*(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or|и/или|или|и|және|немесе|мен)\s+)")


# A formula or an equation is named by its authors' acronym, often two joined by a hyphen, and
# compared with another: «по формулам MDRD и CKD-EPI», «формула CKD-EPI», "the MDRD equation",
# «Кокрофт-Голт формуласы». The acronyms are methods (a computation a study applies), not bodies.
_FORMULA_ACRONYM = r"(?-i:[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{1,9}(?:-[A-ZА-ЯЁ0-9]{1,9})*)(?![\w-])"
_FORMULA_WORD = r"(?:формул\w*|уравнени\w*|formula[es]?|equations?|теңдеу\w*)"
_FORMULA_BEFORE = re.compile(rf"(?i)(?<![\w-]){_FORMULA_WORD}\s+({_FORMULA_ACRONYM}(?:\s*(?:,|и|and|және|мен)\s*{_FORMULA_ACRONYM})*)")
_FORMULA_AFTER = re.compile(rf"(?i)(?<![\w-])({_FORMULA_ACRONYM})(?=\s+{_FORMULA_WORD})")


# A measure named after the concept it measures, with its makers' names: "Anholt-Ipsos Nation
# Brands Index", "Global Soft Power Index", "Human Security Scale". The concept inside is linked
# as a theory; the whole capitalised name is the index, a method, and the concept is no mention
# of its own there (see annotate).
_NAMED_MEASURE = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*\s+){1,5}(?:Index|Scale|Inventory|Barometer|Ranking)\b")
# An algorithm named in capitals is that algorithm, whatever its words: "Quantum Approximate
# Optimization Algorithm", "Variational Quantum Eigensolver" (a sentence's article opens no name;
# a capitalised word after the head makes it another thing's name: "Quake Solver Code")
_NAMED_ALGORITHM = re.compile(r"(?<![\w-])(?!(?:The|An?|This|Our|Its)\s)(?:[A-Z][\w'’-]*\s+){1,5}"
                              r"(?:Algorithm|Eigensolver|Solver)\b(?![ \t\u00a0]+[A-Z])")
_CITATION_INDEX = re.compile(r"Citation\s+Index$")
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-Z][A-Za-z0-9-]*[A-Z0-9])\)")


# Clinical guidelines agreed at a meeting are named after the meeting's place, with a number and
# a second place: "Maastricht VI/Florence consensus", "Baveno VII consensus", «Маастрихтский
# консенсус» is an adjective and left to the vocabularies. They are documents others follow
# (initiatives); a Delphi consensus is a method of reaching one, not a document.
# (An article opens no name but must not hide the one after it: "The Baveno VII consensus
# recommends …" names "Baveno VII consensus"; a match that opened on it lost the name.)
_CONSENSUS = re.compile(r"(?<![\w-])(?!(?:The|An?|This)\s)([A-Z][a-z]+)(?:[ /-](?:[A-Z][a-z]+|[IVX]{1,4}|\d{1,2})){0,3}"
                        r"\s+(?:consensus|Consensus)\b")
_NOT_CONSENSUS = {"Delphi", "Expert", "International", "European", "National", "Global"}


def _initials(words: list[str]) -> str:
    """The capitals an acronym takes from a name's words: one a word, connectors («of», «и») left out."""
    return "".join(w[0].upper() for w in words if morphology.fold(w) not in _CONNECTORS)


def _spelled_by_their_acronym(text: str) -> list[tuple[int, int]]:
    """Names that the acronym in brackets after them spells, a letter a word: «Бірыңғай жинақтаушы
    зейнетақы қоры (БЖЗҚ)». A name that opens a sentence is otherwise not told from the sentence's
    first word; the acronym says where it begins."""
    out = []
    for m in _BRACKETED_ACRONYM.finditer(text):
        acro = m.group(1)
        if not acro.isalpha() or len(acro) < 3:
            continue
        before = text[max(0, m.start() - 200):m.start()]
        if not before.endswith((" ", "\u00a0")):
            continue
        words = list(_TOKEN.finditer(before))
        k, taken = len(words) - 1, 0
        while k >= 0 and taken < len(acro):
            w = words[k].group()
            if morphology.fold(w) in _CONNECTORS and taken:
                k -= 1
                continue
            if w[:1].upper() != acro[len(acro) - 1 - taken]:
                break
            taken += 1
            k -= 1
        first = words[k + 1] if taken == len(acro) else None
        if first is None or not first.group()[:1].isupper() or _CLAUSE_START.search(before, first.start()):
            continue
        base = m.start() - len(before)
        out.append((base + first.start(), base + words[-1].end()))
    return out


def _formula_acronyms(text: str) -> list[tuple[int, int]]:
    spans = [m.span(1) for m in _FORMULA_AFTER.finditer(text)]
    for m in _FORMULA_BEFORE.finditer(text):
        spans.extend((m.start(1) + a.start(), m.start(1) + a.end()) for a in re.finditer(_FORMULA_ACRONYM, m.group(1)))
    return sorted(set(spans))


def _versioned_tools(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _VERSIONED.finditer(text):
        name, version = m.group(1), m.group(2)
        if name.split()[0] in _NOT_TOOLS or name.split()[-1] in _NOT_TOOLS or _STANDARD.fullmatch(m.group(0)):
            continue   # ("Eurocode 7" is a standard)
        before = text[max(0, m.start() - 12):m.start()]
        if _MEASURE_BEFORE.search(before) or re.search(r"[=<>≤≥]\s*$", before):
            continue   # "95 % CI 1.3": a measure
        if _QUANTITY_AFTER.match(text, m.end()):
            continue   # "About 1.2 million people", "Over 2.5 thousand": a count, not a version
        shaped = sum(c.isupper() for c in name) >= 2 or "." in name or "-" in name
        # "SPSS 26 and Stata 17": the next of a list of tools
        listed = bool(out) and _LIST_JOIN.fullmatch(text, out[-1][1], m.start())
        if shaped or "." in version or listed or _TOOL_USE_BEFORE.search(before):
            out.append((m.start(), m.end()))
    return out


# An instrument by its model code after the word for its kind: «на циклотроне У-150М»,
# «дифрактометре ДРОН-3», "a transmission microscope JEM-2100", «ДРОН-3 дифрактометрінде».
_CODE = r"([A-ZА-ЯЁ][A-ZА-ЯЁa-z]{0,7}-?\d\w*(?:[.-]\d\w*)*)"
_DEVICE_CODE = re.compile(
    r"(?:\b(?:cyclotron|accelerator|spectrometer|diffractometer|microscope|detector|reactor|simulator|analy[sz]er|"
    r"chromatograph|tomograph|facility|setup|installation)|(?<!\w)(?:циклотрон|ускорител|спектрометр|"
    r"дифрактометр|микроскоп|детектор|реактор|анализатор|хроматограф|томограф|установк|стенд|прибор)\w*|"
    r"(?<!\w)(?:қондырғ|спектрометр|микроскоп|дифрактометр)\w*)"
    r"\s+(?:типа\s+|type\s+)?" + _CODE + r"(?![\w-])"
    # Kazakh puts the kind after the code: «ДРОН-3 дифрактометрінде», «У-150М циклотронында»
    r"|(?<![\w-])" + _CODE + r"\s+(?:дифрактометр|спектрометр|микроскоп|қондырғ|циклотрон|үдеткіш|детектор|"
    r"реактор|анализатор|хроматограф)\w*")
# (and Russian ones that join two names by «и»: КПСиСУ, НИиПИ; not the codes' СНиП, a standard's;
# Kazakh ones join them by the ж of «және»: АЭжБУ, ҒжЖБМ)
_SYLLABLE_ACRONYM = re.compile(r"([А-ЯЁӘҒҚҢӨҰҮҺІA-Z][а-яёәғқңөұүһіa-z]{1,3}[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]{2,6}|[А-ЯЁ]{2,4}и[А-ЯЁ]{2,4}"
                               r"|[А-ЯӘҒҚҢӨҰҮҺІ]{1,4}ж[А-ЯӘҒҚҢӨҰҮҺІ]{2,4})"
                               r"(?:[-‐][а-яёәғқңөұүһіa-z]{1,5}|[а-яё]{1,2})?")


# An acronym of a Kazakh name in Latin letters keeps the h of the digraphs that spell Kazakh sounds
# (Zh, Sh, Kh, Ch): "AZhK", "KTZh", "ShZhK"; capitals and digraphs only, at least one digraph.
_TRANSLITERATED_ACRONYM = re.compile(r"(?=[A-Za-z]*[ZSKC]h)((?:[A-Z]|[ZSKC]h){3,6})")


# A service named by its web address, as Kazakhstan's companies and portals are ("Kaspi.kz",
# «Kolesa.kz», "eGov.kz"); not a link ("https://…", "www.…", a path or an e-mail after it).
_DOMAIN_NAME = re.compile(r"(?<![\w./@:-])([A-Za-z][A-Za-z0-9-]{1,30}\.(?:kz|қаз|com|ru|org|net|io))(?![\w/@.-]|\.\w)")


# A standard by its number: "ISO 11092", «ГОСТ 5686-94», "GOST 2.781-96", «СНиП 2.02.01-83», «СТ РК 1044-2001»
# (a national adoption of an international one with its own prefix: «СТ РК ISO 17640», «ГОСТ Р ИСО» aside)
# (Kazakhstan's codes transliterated too: "SP RK 5.01-102-2013"; a Eurocode by its one- or two-digit part: "Eurocode 7");
# the engineering societies' codes by their series letters too, which may close the number as well as open
# it: "API 1104", "API RP 580", "ASME B31.4", "ASME B31G", "NACE SP0502", "ANSI/AWS D1.1", "BS 7910".
_STANDARD = re.compile(r"(?<![\w-])((?:(?:СТ\s+РК|ГОСТ(?:\s+Р)?|ST\s+RK|GOST(?:\s+R)?|EN)\s+(?=ISO|IEC|EN\b))?"
                       r"(?:ISO(?:/IEC)?|IEC|ASTM|EN|DIN|IEEE|ГОСТ(?:\s+Р)?|GOST(?:\s+R)?|СТ\s+РК|СН\s+РК|СП\s+РК|СНиП(?:\s+РК)?|ПР\s+РК|МСН|ҚР\s+(?:ҚНжЕ|ҚН|ЕЖ)|"
                       r"(?:ST|SN|SP)\s+RK|SNiP|API(?:\s+(?:RP|Std|Spec|MPMS))?|(?:ANSI/)?ASME|(?:ANSI/)?AWS|ANSI|NACE|BS|DNV(?:-RP|-ST|-OS)?)"
                       r"\s?[A-Z]{0,2}\d[\d.:-]*\d[A-Z]?|Eurocode\s?\d{1,2}"
                       # a technical regulation of the Customs (Eurasian Economic) Union: «ТР ТС 034/2013»
                       r"|(?:ТР|TR)\s+(?:ТС|ЕАЭС|ЕАЭО|CU|EAEU)\s+\d{3}/\d{4})(?![\w-])")
# A European Union act by its number, year first: "Directive 2008/98/EC", «Регламент (ЕС) 2016/679» →
# «2008/98/EC», «2016/679»: the number alone names the act.
_EU_ACT_NUMBER = re.compile(r"(?<![\w/.-])((?:19|20)\d\d/\d{1,4}/(?:EC|EU|EEC|ЕС|ЕЭС|ЕО)|(?<=\(ЕС\)\s)(?:19|20)\d\d/\d{1,4}"
                            r"|(?<=\(EU\)\s)(?:19|20)\d\d/\d{1,4})(?![\w/-])")


# The word after an unknown acronym tells a tool or technique ("SWAT model", «модели LSTM»,
# "CMIP6 сценарийлері") from a body ("IFLA Council", «МЭК комитеті»); the word before it too
# («методом ПЦР», «в среде MATLAB», "using SHAP").
_ACRONYM_ORG_AFTER = re.compile(
    r"\s+(?:organi[sz]ation|agency|ministry|committee|council|union|association|university|institute|cent(?:re|er)|"
    r"company|bank|fund|corporation|commission|организац|агентств|министерств|комитет|совет|союз|ассоциац|"
    r"университет|институт|центр|компани|банк|фонд|корпорац|комисси|ұйым|агенттіг|министрліг|комитет|кеңес|"
    r"одағ|қауымдастығ|университет|институт|орталығ|компания|банк|қор)", re.I)
# (one lower-case word of three letters or more may stand between, never a preposition: "the HYSPLIT trajectory model", "GOCART dust scheme",
# "CALIPSO lidar profiles", «модель WRF», «ERA5 реанализ деректері»)
_ACRONYM_METHOD_AFTER = re.compile(
    # (an observation instrument: "the SOFIT lesson observation system", a coding or scoring one)
    r"(?:\s+[a-z][\w-]{2,})?\s+(?:observation|coding|scoring|rating)\s+system|"
    r"(?:\s+[a-zа-яёәғқңөұүһі][\w-]{2,})?"
    r"\s+(?:instrument\b|"
    r"model|method|algorithm|software|package|network|architecture|index|dataset|data\b|protocol|standard|"
    r"framework|technique|analysis|test|scale|questionnaire|simulation|scenario|reanalysis|satellite|imagery|"
    r"scheme|product|profiles?\b|retrievals?\b|lidar|radar|sensor|toolkit|library|code\b|simulator|"
    r"spectrometer|detector|estimates\b|database|"
    # a program that routes, solves or compiles is software ("the QRX router", "the HQS solver")
    r"router|solver|compiler|transpiler|"
    r"модел|метод|алгоритм|програм|пакет|нейросет|сет[иье]|архитектур|индекс|данн|протокол|стандарт|анализ|"
    r"тест|шкал|опросник|сценари|спутник|снимк|реанализ|схем[аеуы]|продукт|спектрометр|детектор|симулятор|"
    r"әдіс|бағдарлама|желі|нейрондық|деректер|талда|сынақ|шкала|сауалнама|ортасы|сценарий|спутниктік|түсірілім|"
    r"сұлба|дерекқор|баз[аеуы]\s+данных)", re.I)
# A guideline, a statement or a set of recommendations is an initiative, whatever part names it
# ("the STROBE and CONSORT 2010 guidelines", "the TCFD recommendations", «ESG принципы»): acronyms
# joined before the word share it, and a guideline's version year may follow its acronym. (A
# reporting checklist in a methods section is no method of the study: it says how it is reported.)
_YEAR = r"(?:\s+(?:19|20)\d\d)?"
_ACRONYM_INITIATIVE_AFTER = re.compile(
    _YEAR + r"(?:\s*(?:,|\band\b|\bи\b|\bжәне\b)\s*(?-i:[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё0-9-]{1,15})" + _YEAR + r")*"
    r"\s+(?:reporting\s+)?(?:guidelines?|statements?|checklists?|recommendations|principles|declaration|"
    r"рекомендаци|руководств|принцип|деклараци|ұсынымдар|қағидат|нұсқаулы)", re.I)
# An acronym after the word for a standard is the standard («по стандарту CLSI», «стандарты ИПДО»,
# «EITI стандартына» is after), not the body that wrote it
# (and what a report follows or complies with: "Reporting follows STROBE", "in accordance with CLSI")
_ACRONYM_STANDARD_BEFORE = re.compile(r"(?<![\w-])(?:(?:стандарт|standard)\w*|follows|followed|compl(?:y|ies|ied)\s+with|"
                                      r"in\s+(?:accordance|line)\s+with)\s+(?:the\s+)?$", re.I)
# (a second acronym joined to the first shares its word: «тестами DPPH и ORAC», "the MMSE and MoCA tests")
_ACRONYM_METHOD_BEFORE = re.compile(
    r"(?:\b(?:using|with|via|model|method|algorithm|index|dataset|software|assays?|tests?)|"
    r"(?:метод|модел|алгоритм|сред|пакет|програм|индекс|реанализ|помощью|использованием|сет[иеь]|нейросет|"
    r"архитектур|библиотек|схем|тест|шкал)\w*)\s+(?:(?-i:[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]{1,15})\s*(?:,|\band\b|\bи\b)\s*)?$", re.I)


# A survey or a study by its name in Latin capitals, whose data a work draws on («материалы
# международного исследования TALIS», "the survey TALIS"); a Cyrillic acronym there is the body
# whose survey it is, in the genitive («микроданные обследования ДСУ»)
_SURVEY_BEFORE = re.compile(r"(?:\bsurvey|(?<![\w-])(?:исследовани[яеи]|обследовани[яеи]|опрос[аеу]?))\s+$", re.I)


# A list that a word for methods introduces with a colon lists methods, wherever the text stands
# (a chapter's summary: «описаны материалы и методы: проточная цитометрия, ПЦР, …», "methods:
# …, PCR, …"): an acronym in it, before the sentence ends, is a technique.
_METHODS_LISTED_BEFORE = re.compile(r"(?i)(?<![\w-])(?:метод\w*|методик\w*|methods|techniques|әдіс\w*|тәсіл\w*)\s*:[^.;:!?\n]*$")


# The words that introduce a chapter's title in quotes ("Chapter 1, “…”", «во второй главе «…»»,
# «бірінші тарауында «…»») or follow it in Kazakh («…» атты бірінші тарауда).
_CHAPTER_BEFORE = re.compile(r"(?:chapters?|sections?|глав\w*|раздел\w*|параграф\w*|тарау\w*|бөлім\w*)"
                             r"(?:\s+(?:\d{1,2}|[IVX]{1,4}))?[\s,.:–—-]*$", re.I)
_CHAPTER_AFTER = re.compile(r"\s*(?:атты|деп\s+аталатын)\s+(?:[\w-]+\s+){0,2}(?:тарау|бөлім)", re.I)
# An abbreviation before a figure is a measure, not a body: «ОШ 3,1; 95 % ДИ 1,8–5,2», "OR = 2.4";
# before a year it may be one («саммит ШОС 2019 года»).
# (a year read as a date, «ДКСО 2019 года», "the SCO 2019 year", dates what is around it instead)
_EDITION_AFTER = re.compile(r"[ \u00a0-](?:19|20)\d\d(?![\d.,]\d|\w)(?!\s*(?:год|г\.|жыл|year))")
_CITED_YEAR = re.compile(r"[ \u00a0](?:19|20)\d\d[a-z]?\s*[);,]")
_EVENT_BEFORE = re.compile(r"(?i)(?:conferen|congress|symposi|proceedings|workshop|forum|meeting|конференц|конгресс|"
                           r"симпозиум|материал\w*\s+(?:междунар|конф)|форум|семинар|съезд|жиналыс|"
                           r"кездесу)[^.!?]*$")
_MEASURE_AFTER = re.compile(r"\s*[=:<>≤≥]?\s*\d(?!\d{3}(?!\d))")
_MEASURE_BEFORE = re.compile(r"\d\s*%\s*$")


# An acronym in brackets abbreviates the phrase before it, and that phrase's head says what it
# names: "a faecal occult blood test (FOBT)", «тест на скрытую кровь (ТСК)», «Регламент ЕС о
# цифровых услугах (DSA)», «Международного союза по охране птиц (МСОП)». The head nearest the
# bracket wins, within five words of it.
_DEFINED_HEADS = (
    ("Method", r"test|assay|task|method|technique|scale|questionnaire|index|inventory|algorithm|"
               # a solver of equations names the computation ("Variational Quantum Eigensolver (VQE)")
               r"\w*solver|"
               r"тест\w*|проб[аыуе]\w*|метод\w*|методик\w*|шкал\w*|опросник\w*|индекс\w*|алгоритм\w*|"
               r"сынақ\w*|тесті\w*|әдіс\w*|шкаласы\w*|сауалнама\w*|индексі\w*"),
    ("Initiative", r"act|regulation|directive|convention|регламент\w*|директив\w*|конвенци\w*|кодекс\w*|"
                   r"регламенті\w*|директивасы\w*|конвенциясы\w*|кодексі\w*|"
                   # a programme («Международной программы помощи пациентам … (GIPAP)»)
                   r"programme|программ\w*|бағдарламас\w*"),
    # a theory or an analytic framework: the acronym is the theory's name, not a body's
    # ("the technology–organisation–environment framework (TOE)", «теории планируемого поведения (ТПП)»);
    # a framework spelt with a capital is a document («Sendai Framework … (SFDRR)») and left out
    ("Theory", r"(?-i:framework)|theory|theories|теори\w*|теориясы\w*"),
    ("Organization", r"agency|organi[sz]ation|union|association|committee|council|агентств\w*|организаци\w*|"
                     r"союз\w*|ассоциаци\w*|комитет\w*|ұйым\w*|агенттіг\w*|қауымдастығ\w*|одағ\w*"),
)
_DEFINED_HEAD = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<{cls}>{words})" for cls, words in _DEFINED_HEADS)
                           + r")(?:\s+[^\s(),.;:«»\"]+){0,5}\s*\(\s*$")


_NON_SPACE = re.compile(r"\S+")


def _defined_class(text: str, start: int) -> str | None:
    # The head and at most five words after it, however long the words are («индекс экологической
    # устойчивости сельскохозяйственных землепользователей-арендаторов предгорий (ИЭУЗ)»): the scan
    # opens at the seventh run of non-space characters before the acronym (the bracket may stand
    # apart); a head further back has more than five words after it.
    runs = [m.start() for m in _NON_SPACE.finditer(text, 0, start)][-7:]
    begin = runs[0] if runs else start
    if not text[begin:start].rstrip().endswith("("):
        return None
    best = None
    for k in range(begin, start):
        m = _DEFINED_HEAD.match(text, k, start)   # the text before k is seen: no word is cut
        if m:
            best = m   # keep scanning: a later start is a head nearer the bracket
    return best.lastgroup if best else None


# A university's acronym ends with its kind: «…ТУ» (технический), «…ГУ» (государственный), «…НУ»
# (национальный), «…ПУ» (педагогический), «…ҰУ» (ұлттық) университет: КазНИТУ, СПбГАСУ, ЕНУ,
# ҚазҰУ, КарГТУ. (Two letters are too few: «ТУ» are technical conditions, «ГУ» a legal form.)
_UNIVERSITY_ACRONYM = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{0,6}(?:[ТГНП]У|ҰУ)")


def _acronym_class(text: str, start: int, end: int, name: str, kind: str) -> str:
    """The class suggested for an unknown acronym: what the words beside it call it, else a tool
    or technique in a statement of methods or of the methodology (indirect ELISA, real-time PCR, «реанализ ERA5») or
    where it carries a digit (CMIP6, SSP2, Sentinel-2: versions, not bodies), else a body."""
    defined = _defined_class(text, start)
    if defined:
        return defined
    if _ACRONYM_ORG_AFTER.match(text, end):
        return "Organization"
    if _UNIVERSITY_ACRONYM.fullmatch(name):
        return "University"
    if _ACRONYM_INITIATIVE_AFTER.match(text, end) or _ACRONYM_STANDARD_BEFORE.search(text[max(0, start - 30):start]):
        return "Initiative"
    if (_ACRONYM_METHOD_AFTER.match(text, end) or _ACRONYM_METHOD_BEFORE.search(text[max(0, start - 40):start])
            or (_SURVEY_BEFORE.search(text[max(0, start - 40):start]) and name.isascii())
            or _METHODS_LISTED_BEFORE.search(text[max(0, start - 240):start])
            or kind in ("methods", "theoretical-basis") or re.search(r"\d", name)):
        return "Method"
    return "Organization"


_SOFTWARE_WORD = re.compile(r"бағдарлама|ортасы|программ|пакет|software|package|environment|интерфейс|interface")


# A package of a language is named in lower case ("vegan", "lme4", "scikit-learn", "ggplot2"):
# in a Russian or Kazakh sentence a Latin-script word beside «пакет», «библиотека», «кітапхана»
# is one («vegan пакетімен», «библиотеки scikit-learn»). (In English "the statistical package"
# is no name, so only the Cyrillic words for a package count.)
_LOWER_PACKAGE = r"([a-z][a-z0-9]*(?:[.-][a-z0-9]+)*)"
_PACKAGE_WORD_RU_KK = r"(?:пакет|библиотек|кітапхана)[а-яёәғқңөұүһі]*"
_LOWER_PACKAGE_AFTER = re.compile(rf"(?<![\w.-]){_LOWER_PACKAGE}\s+{_PACKAGE_WORD_RU_KK}")
_LOWER_PACKAGE_BEFORE = re.compile(rf"(?<![\w-]){_PACKAGE_WORD_RU_KK}\s+{_LOWER_PACKAGE}(?![\w.-]|\.\w)")


# In English a lower-case word before "package", "library" or "command" ("the grf package",
# "(lme4 package)", "the ppmlhdfe command") or after a language's package ("R package lme4") is a
# package's name where it is no English word ("the statistical package", "the software library").
_LOWER_PACKAGE_EN_AFTER = re.compile(rf"(?<![\w.-]){_LOWER_PACKAGE}\s+(?:package|library|command)s?\b")
_LOWER_PACKAGE_EN_BEFORE = re.compile(rf"\b(?:R|Python|Stata|Julia)\s+(?:package|library|command)s?\s+{_LOWER_PACKAGE}(?![\w.-]|\.\w)")


# Programs listed before the word for them share it: «Leica Cyclone және CloudCompare
# бағдарламаларында», «в Rocscience Slide2 и RS2 программах», "Leica Cyclone and CloudCompare software"
_LISTED_PROGRAM = re.compile(r"(?<![\w.-])([A-Z][\w/+.-]*[\w+](?:\s+[A-Z][\w/+.-]*[\w+])?)"
                             r"\s*(?:,\s*(?:and\s+|и\s+|және\s+)?|\s+(?:and|и|және|мен|or|или|не)\s+)$")


def _listed_before(text: str, start: int) -> list[tuple[int, int]]:
    out = []
    while (m := _LISTED_PROGRAM.search(text, max(0, start - 60), start)) is not None:
        if m.group(1).split()[0] in _NOT_TOOLS:
            break
        out.append(m.span(1))
        start = m.start(1)
    return out


_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "its", "their", "such", "each", "any",
                "every", "no", "all", "both", "some", "which", "what", "his", "her"}


# A computation done in a tool named in capitals or in camel case: "geochemical modelling in
# PHREEQC", "processed in ArcGIS", «моделирование в COMSOL» (a place or a body after "in" is
# written otherwise, or is known to the vocabularies)
_TOOL_AFTER_ACTIVITY = re.compile(
    r"(?:modell?ing|simulations?|analys[ie]s|processing|processed|calculations?|calculated|computations?|computed|"
    r"modell?ed|simulated|mapped|visuali[sz]ation|моделировани\w*|расч[её]т\w*|обработк\w*|обработан\w*|анализ\w*)"
    r"\s+(?:in|with|using|в|с\s+помощью)\s+([A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*)(?![\w-])")


def _software(text: str) -> list[tuple[int, int]]:
    tools = [m.span(1) for m in _TOOL_AFTER_ACTIVITY.finditer(text)]
    if not _SOFTWARE_WORD.search(text) and not re.search(_PACKAGE_WORD_RU_KK + r"|library|command", text):   # most parts name no program
        return tools
    # (an article or a determiner before "software" names none: "The software was written …")
    out = [(m.start(1), m.end(1)) for m in _SOFTWARE_AFTER.finditer(text) if m.group(1).lower() not in _DETERMINERS]
    out += [span for m in _SOFTWARE_AFTER.finditer(text) for span in _listed_before(text, m.start(1))]
    out += [(m.start(1), m.end(1)) for m in _SOFTWARE_BEFORE.finditer(text)]
    out += [m.span(1) for rx in (_LOWER_PACKAGE_AFTER, _LOWER_PACKAGE_BEFORE) for m in rx.finditer(text)]
    out += [m.span(1) for rx in (_LOWER_PACKAGE_EN_AFTER, _LOWER_PACKAGE_EN_BEFORE) for m in rx.finditer(text)
            if not people._english_word(m.group(1)) and len(m.group(1)) >= 2]
    return sorted(set(out + tools))


# An organisation named by its kind or legal form and a quoted name: «РГП «Казгидромет»»,
# «Университета «Туран»», «АО «АрселорМиттал Темиртау»», "JSC «Kazakh Tourism»"
# (and the kinds written as initials like one: a research and production enterprise or
# association, НПП / НПО, the national chamber «НПП «Атамекен»»; a peasant farm, КХ / ШҚ)
_LEGAL_FORMS = r"АО|АҚ|ТОО|ЖШС|РГП|РГКП|ГКП|НАО|КеАҚ|ҚеАҚ|НК|ҰК|ОО|ҚБ|РМК|РМҚК|ЖАҚ|КГП|КГКП|ММ|ГУ|КГУ|JSC|LLP|NJSC|" \
               r"НПП|НПО|КХ|ШҚ"
# a quoted name, or one with a quoted name inside it whose closing marks run together or are one
# («Фонд устойчивого развития «Казына»», «Агрофирма «Акжар Өндіріс»)
_QUOTED_NAME = r"[«“„\"](?:[^«»“”„\"\n]{2,60}[»”\"“]|[^«»“”„\"\n]{1,60}«[^«»\n]{1,40}»»?)"
_ORG_QUOTED = re.compile(rf"(?:\b(?:{_LEGAL_FORMS})|[А-ЯЁA-Z]?[а-яёa-z]+)\s+({_QUOTED_NAME})")
_QUOTE_OPEN = re.compile(r"\s[«“„\"]")
_JOINED_QUOTE = re.compile(r"[ \t]*(?:,|и|және|мен|and)[ \t]*$")


# the kind after a quoted name, a lower-case word or two between («…» интеграциялық бағдарламасы,
# «…» мемлекеттік бағдарламасын, «…» program, «…» государственная программа)
_DOCUMENT_KIND_AFTER_QUOTES = re.compile(r"(?:[ \t]+[a-zа-яёәғқңөұүһі-]+){1,3}")


def _quoted_organisations(text: str) -> list[re.Match]:
    """The matches of both orders, tried only at quotation marks (the text around them is short)."""
    out = []
    for q in _QUOTE_OPEN.finditer(text):
        # (the kind may end the line before the quote: a text reflowed from a PDF)
        word = re.search(r"[\w]+[ \t]*\n?[ \t]*$", text[max(0, q.start() - 30):q.start()])
        if word:
            m = _ORG_QUOTED.match(text, q.start() - len(word.group()))
            if m:
                out.append(m)
        m = _QUOTED_ORG.match(text, q.start() + 1)
        if m:
            out.append(m)
    if text[:1] in "«“„\"":
        m = _QUOTED_ORG.match(text, 0)
        if m:
            out.append(m)
    return out


# and the other way round, as Kazakh puts it: «KEGOC» АҚ, «Қазақмыс» корпорациясы
# (a few lower-case words may stand before the kind: «…» мемлекеттік корпорациясы, «…» ұлттық
# инфокоммуникациялық холдингі; the first word that names a kind ends the name). A Russian
# preposition between them says the kind is another's: a course «…» на факультете …, в институте …
_NOT_BEFORE_KIND = r"(?!(?:на|в|во|при|по|для|с|со|из|от|к|о|об|у|за|и|или)(?![\w-]))"
_QUOTED_ORG = re.compile(rf"([«“„\"][^«»“”„\"\n]{{2,60}}[»”\"“])\s+((?:{_LEGAL_FORMS})(?![\w])|{_NOT_BEFORE_KIND}"
                         rf"[а-яёәғқңөұүһі-]+(?:[ \t]+{_NOT_BEFORE_KIND}[а-яёәғқңөұүһі-]+){{0,3}})")


# A company named in Latin letters with its legal form after it: "Kazakhtelecom JSC",
# "PetroKazakhstan Oil Products LLP", "Air Astana JSC" (the form is part of the name as printed)
_NAMED_WITH_FORM = re.compile(r"(?<![\w-])((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’-]*)\s+"
                              r"(?:JSC|NJSC|LLP|LLC|Ltd\.?|PLC|Inc\.|GmbH|AG)(?![\w])")
_NOT_A_NAME_START = {"The", "A", "An", "By", "In", "At", "For", "From", "With", "Of", "And", "Both"}


def _named_with_form(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _NAMED_WITH_FORM.finditer(text):
        s = m.start(1)
        for word in m.group(1).split()[:-1]:
            if word not in _NOT_A_NAME_START:
                break
            s = text.index(word, s) + len(word)
            s += len(text[s:]) - len(text[s:].lstrip())
        out.append((s, m.end()))
    return out


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


# the dot of a dotted initialism ("the U.S. Bankruptcy Code", "U.K. Bribery Act") ends no sentence
_DOTTED_INITIALISM_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}[ \t\u00a0]+$")


def _sentence_initial(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, pos - 12):pos])) and not _DOTTED_INITIALISM_BEFORE.search(
        text[max(0, pos - 12):pos])


_CITATION = re.compile(r"citation|цитирован|дәйексөз", re.I)


# a program's source is a code too: "Seismic Analysis Code", "Monte Carlo Transport Code" are software
_COMPUTING = re.compile(r"(?i)analysis|simulation|transport|computer|computing|numerical|source|solver")


# Kazakh «орталық» is "central" before a noun and "centre" as a noun: the name of a centre ends on
# it, declined without a possessive («Республикалық диагностикалық орталықта»), where it is the noun.
_KK_CENTRE_IN_CASE = re.compile(r"орталық(?:та|тың|қа|тан|пен|тағы)")


_STUDY_GROUPS = {"control", "experimental", "treatment", "placebo", "study", "comparison", "intervention",
                 "reference", "test", "main", "focus", "age", "risk", "blood", "first", "second", "third"}


_PERIODICALS = {"Journal", "Annals", "Bulletin", "Proceedings", "Transactions"}
_JOURNAL_BEFORE = re.compile(r"\b(?:" + "|".join(_PERIODICALS) + r")\s+of\s+(?:the\s+)?$")


def _kinds_coordinated(run: list, tokens: list, idx: int, lang: str) -> bool:
    """Whether "and" joins two words of one document's name, the first a kind used as a modifier:
    "Enhanced Partnership and Cooperation Agreement", "Trade and Economic Cooperation Agreement"
    (capitalised words follow straight on, no article, to the name's own kind); "… Agreement and
    the Partnership Agreement" are two."""
    if lang != "en" or _keyword_class([run[-1].text], lang) != "Initiative":
        return False
    for t in tokens[idx + 1: idx + 5]:
        if not _is_capitalised(t.text) or morphology.fold(t.text) in _CONNECTORS:
            return False
        if _keyword_class([t.text], lang) == "Initiative":
            return True
    return False


def _field_goes_on(run: list, tokens: list, idx: int, lang: str) -> bool:
    """Whether "and" after a word that is itself a kind goes on naming a body's field: an
    organisation's head before "of" or "for" says what the words after it are ("National
    Institute of Standards and Technology", "Association for Law and Energy"), where the next
    word is capitalised as a field's is ("… and the Ministry" is another name)."""
    words = [morphology.fold(r.text) for r in run]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for")), None)
    if lang != "en" or not cut or idx + 1 >= len(tokens):
        return False
    nxt = tokens[idx + 1].text
    if not (_is_capitalised(nxt) and morphology.fold(nxt) not in _CONNECTORS) or \
            _keyword_class([r.text for r in run[:cut]], lang) not in _ORGANISATION_CLASSES:
        return False
    # (… unless what follows names a body or a document of its own: "Centre for Policy Analysis
    # and Kazakh National University" are two)
    after = []
    for t in tokens[idx + 1:idx + 8]:
        if not (_is_capitalised(t.text) or morphology.fold(t.text) in _CONNECTORS):
            break
        after.append(t.text)
    return _keyword_class(after, lang) is None


def _keyword_class(words: list[str], lang: str) -> str | None:
    # in Russian what follows «по»/«при» is the field of a body, not its kind: «Организация по
    # Договору …», «Комитет по Конвенции» are bodies, whatever word for a document follows
    folded = [morphology.fold(w) for w in words]
    for cut in ("по", "при"):
        if cut in folded[1:]:
            head = _keyword_class(words[:folded.index(cut, 1)], lang)
            if head:
                return head
    # … and in English a body's kind before "of" or "for" is its head, whatever its field names
    # ("National Institute of Standards and Technology", "Association for Law and Energy")
    if lang == "en":
        cut = next((k for k, w in enumerate(folded) if k and w in ("of", "for")), None)
        head = _keyword_class(words[:cut], lang) if cut else None
        # (unless a body of its own follows: "Department of History of Marmara University")
        if head in _ORGANISATION_CLASSES and _keyword_class(words[cut + 1:], lang) not in _ORGANISATION_CLASSES:
            return head
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w.lower() == "code" and i and _COMPUTING.fullmatch(words[i - 1]):
            return "Method"
        if w.lower() == "group" and i and words[i - 1].lower() in _STUDY_GROUPS:
            return None   # a study's arm, capitalised: "the Control Group", "Experimental Group 2"
        if lang == "kk" and _KK_CENTRE_IN_CASE.fullmatch(morphology.fold(w)):
            return "NonGovernmentalOrganization"
        if lang == "kk" and i and morphology.fold(words[i - 1]) == "деректер" and morphology.fold(w).startswith("қор"):
            return None   # «деректер қоры» is a database (where a paper is indexed), not a fund
        for k in morphology.text_keys(w, lang):
            cls = _KEYWORD_CLASS.get(k)
            if cls == "Method" and any(_CITATION.search(x) for x in words):
                return "Initiative"   # a citation index is a bibliographic database, not a measure
            if cls:
                return cls
    return None


def _context(text: str, start: int, end: int) -> str:
    left = " ".join(text[max(0, start - _CONTEXT):start].split(" ")).replace("\n", " ")
    right = text[end:end + _CONTEXT].replace("\n", " ")
    left = re.sub(r"\s+", " ", left)
    right = re.sub(r"\s+", " ", right)
    return (("…" if start > _CONTEXT else "") + left + text[start:end] + right
            + ("…" if end + _CONTEXT < len(text) else "")).strip()


def _script_language(name: str, lang: str) -> str:
    """The language of a name by its letters: a Russian title quoted in an English text is Russian."""
    if re.search("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", name):
        return "kk"
    if re.search("[А-Яа-яЁё]", name):
        return lang if lang in ("ru", "kk") else "ru"
    return lang if re.search("[A-Za-z]", name) is None or lang == "en" else "en"


# two or more words in lower case and an opening bracket: a term the bracket names
_AFTER_A_TERM = re.compile(r"(?<![\w-])[a-zа-яёәғқңөұүһі][\w-]*\s+[a-zа-яёәғқңөұүһі][\w-]*\s*\(\s*$")


# a product's name in brackets after the method it stands for: «тұрақты шағылыстырғыштар әдісімен
# (PS-InSAR)», «методом постоянных отражателей (PS-InSAR)», "the persistent scatterer technique (PS-InSAR)"
_METHOD_WORD_BRACKET = re.compile(r"(?:әдіс|тәсіл|метод|method|technique|approach|analysis|анализ|талда)\w*\s*\(\s*$", re.I)


# A code of letters and a number ("CE3a", "SF12", "T2"): one of a series when others share its
# letters in the same text.
_SERIES_CODE = re.compile(r"([A-Za-z]{1,4})\d{1,3}[a-z]?")
_CODE_RANGE = re.compile(r"(?<![\w-])([A-Za-z]{1,4})\d{1,3}[a-z]?\s*[–—-]\s*\1\d{1,3}[a-z]?(?![\w-])")


def _code_series(text: str, spans) -> set:
    """The spans that are members of a series of codes, a classification's types or a setting's
    values ("CE1, CE2, CE3a, CE3b, CE4 и CE5", "SF7–SF12"), not the names of products: three
    different codes with the same letters at least, or the two ends of a range."""
    by_prefix: dict[str, list] = {}
    for s, e in spans:
        m = _SERIES_CODE.fullmatch(text[s:e])
        if m:
            by_prefix.setdefault(m.group(1), []).append((s, e))
    series = {span for members in by_prefix.values() if len({text[a:b] for a, b in members}) >= 3 for span in members}
    for m in _CODE_RANGE.finditer(text):
        series |= {(s, e) for s, e in spans if m.start() <= s and e <= m.end()}
    return series


_STANDARD_FOLLOWED_BEFORE = re.compile(
    r"(?:\b(?:according\s+to|in\s+accordance\s+with|following|per|testing\s+to|tested\s+to|measured\s+to|by|using)|"
    r"(?<![\w-])(?:согласно|по\s+методике|в\s+соответствии\s+с(?:о)?))\s+(?:the\s+)?"
    # (the word for a standard between: «в соответствии со стандартом EN 16868», "according to standard ISO 9001")
    r"(?:(?:стандарт(?:ом|ами|а|у)?|standards?)\s+)?$", re.I)
_LIST_MATE = re.compile(r"\s*(?:,|и|and|және|мен|or|или)\s*|\s*,\s*(?:and|и)\s+")
# (a Kazakh verb closes its clause: «ISO 2631-1 стандарты бойынша Svantek SV 106 діріл өлшегішімен
# өлшенді», measured by the standard with a meter; «ISO 45001 бойынша бағаланды»)
_STANDARD_FOLLOWED_AFTER = re.compile(
    r"\s+(?:стандарт\w*\s+)?(?:сәйкес|бойынша(?:\s+[^\s.;,]+){0,6}?\s+(?:өлше|анықта|сына|жүргіз|бағала|есепте))", re.I)
# A standard named where the work states its methods or its basis is one it applies (KEYS.md), but
# a building code, even there, is the norm a design must meet: «согласно СНиП РК …» is followed, a
# bare «СП РК 2.02-101-2014» is the rule itself.
_BUILDING_CODE = re.compile(r"(?:СНиП|SNiP|СН|СП|SN|SP|ПР|МСН|ҚР\s+(?:ҚНжЕ|ҚН|ЕЖ))\b")


# A procedure by its ending: measuring (-metry), recording (-graphy), viewing (-scopy), in the
# methods statement only (elsewhere «география» or «томография» may be a field or a ward). The
# words with these endings that name a field, a shape, a book or a disorder are none
# (method_lists.NOT_PROCEDURE).
_PROCEDURE = {
    "en": re.compile(r"(?<![\w-])[a-z][a-z-]{2,}(?:metry|graphy|scopy)(?![\w-])"),
    "ru": re.compile(r"(?<![\w-])[а-яё][а-яё-]{2,}(?:метри|графи|скопи)(?:я|и|ю|ей)(?![\w-])"),
    "kk": re.compile(r"(?<![\w-])[а-яёәғқңөұүһі][а-яёәғқңөұүһі-]{2,}(?:метри|графи|скопи)я[а-яёәғқңөұүһі]*(?![\w-])"),
}


# Genes named by their symbols after the word for them ("the genes CYP2C9, VKORC1 and CYP4F2",
# «полиморфизмы генов CYP2C9 и VKORC1»): what is studied, no tool and no body.
_GENE_LIST_BEFORE = re.compile(r"(?<![\w-])(?i:genes?|ген(?:ы|ов|ам|ах|ами|а|е|у|ом)?|гені\w*|гендер\w*)\s+"
                               r"(?:[A-Z][A-Za-z0-9-]*(?:\s*,\s*|\s+(?:and|и|және|мен)\s+))*$")
# … and after them, with the word for gene after the symbol or the list: "the LCORL gene",
# «MSTN генінің», «LCORL және HMGA2 гендері», «гены FTO и MC4R» above
_GENE_AFTER = re.compile(r"(?:(?:\s*,\s*|\s+(?:and|и|және|мен)\s+)[A-Z][A-Za-z0-9-]*)*\s+"
                         r"(?i:genes?|ген(?:а|е|ом|у|ы|ов|ам|ах)?|гені\w*|генін\w*|генд\w*)(?![\w-])")


# A grant's registration number in Kazakhstan's science funding («ИРН AP14871236», "BR24992785"):
# the grant's, as a DOI is an article's; no tool.
_GRANT_NUMBER = re.compile(r"(?<![\w-])(?:AP|BR|OR|АР|ВR)\d{8}(?![\w-])")


# Particulate matter by its size ("PM2.5", «PM10»): what is measured, not a tool.
_PARTICLES = re.compile(r"(?<![\w-])PM\d{1,2}(?:[.,]\d)?(?![\w-])")


_REGULATION = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?((?:[A-Z][a-z]+\s+){1,6}Regulation)(?![\w-])")


def _series_spans(text: str) -> set:
    return _code_series(text, [m.span() for m in _CODE_WORD.finditer(text)])


_CODE_WORD = re.compile(r"(?<![\w-])[A-Za-z]{1,4}\d{1,3}[a-z]?(?![\w-])")


def _product_candidates(text, lang, kind, found, claimed, free, unclaimed, known) -> None:
    """Software, models and companies by their spelling and the words beside them (see
    product_names): a tool where methods are spoken of, a company where a word says it is one."""
    if not re.search("[A-Za-z]", text):
        return
    listed_end = -1
    for s, e in product_names.products(text):
        if not (free(s, e) and unclaimed(s, e)) or known(text[s:e]) or any(
                known(part) or part in _NOT_TOOLS for part in text[s:e].split("-")) \
                or generic_acronyms.is_chemical_formula(text[s:e]) or generic_acronyms.is_common_noun(text[s:e]):
            continue   # (a formula's inner capitals are its elements': "CaCO3", "MgSO4")
        if any(len(w) >= 4 and known(w) for w in re.findall(r"[A-Z][a-z]+", text[s:e])):
            # built on a place's name, a brand: "PetroKazakhstan", "AsiaCredit", "AstanaMotors"
            found[(s, e)] = ("Organization", "company")
            claimed.append((s, e))
            continue
        before = text[max(0, s - 40):s]
        if product_names.CODE_NUMBER.fullmatch(text[s:e]) and (not (
                _TOOL_USE_BEFORE.search(before) or _ACRONYM_METHOD_AFTER.match(text, e) or product_names.tool_after(text, e))
                or product_names.GENE_AFTER.match(text, e) or product_names.MEASURED_BEFORE.search(before)):
            continue   # a code and its number is a tool by the words beside it only: "OXA-48 plasmids" is a gene
        if _ACRONYM_ORG_AFTER.match(text, e):
            continue   # "StepWise Council": a body's name, the capitalised names take it whole
        if not (kind in METHOD_KINDS or _TOOL_USE_BEFORE.search(before) or _ACRONYM_METHOD_BEFORE.search(before)
                or _METHOD_WORD_BRACKET.search(before)
                or _ACRONYM_METHOD_AFTER.match(text, e) or product_names.tool_after(text, e)
                or product_names.tool_before(text, s)
                or (s - listed_end < 12 and _AND_BEFORE.search(text[listed_end:s] + " "))):
            continue
        found[(s, e)] = ("Method", "product")
        claimed.append((s, e))
        listed_end = e
    for s, e in product_names.instruments(text, lang):
        name = text[s:e]
        if not (free(s, e) and unclaimed(s, e)) or known(name) or name.split()[0] in _NOT_TOOLS:
            continue
        found[(s, e)] = ("Method", "instrument")
        claimed.append((s, e))
    for s, e in product_names.vendor_programs(text):
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            for span in [k for k in found if k[0] < e and s < k[1] and found[k][1] == "capitalised"]:
                del found[span]
            found[(s, e)] = ("Method", "product")
            claimed.append((s, e))
    for s, e in product_names.computed_in(text):
        name = text[s:e]
        if not (free(s, e) and unclaimed(s, e)) or known(name) or name.split()[0] in _NOT_TOOLS or (
                " " not in name and people._english_word(name.lower())):
            continue
        found[(s, e)] = ("Method", "product")
        claimed.append((s, e))
    if kind == "methods":
        for s, e in product_names.used_with(text):
            name = text[s:e]
            if not (free(s, e) and unclaimed(s, e)) or known(name) or name in _NOT_TOOLS or \
                    people._english_word(name.lower()):
                continue
            found[(s, e)] = ("Method", "product")
            claimed.append((s, e))
    companies = product_names.kaz_companies(text) + (product_names.companies(text) if lang == "en" else [])
    for s, e in companies:
        name = text[s:e]
        if not (free(s, e) and unclaimed(s, e)) or known(name) or (
                " " not in name and people._english_word(name.lower())):
            continue
        found[(s, e)] = ("Organization", "company")
        claimed.append((s, e))
    for s, e in product_names.listed_instruments(text):
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = ("Method", "product")
            claimed.append((s, e))
    # brands in Latin letters beside a word for their kind («авиакомпаний – Air Astana, SCAT»,
    # «Wolt және Glovo платформаларының»); a plain English word is one only in a Cyrillic text
    for s, e in product_names.listed_brands(text):
        name = text[s:e]
        if not (free(s, e) and unclaimed(s, e)) or known(name) or name.split()[0] in _NOT_TOOLS or (
                lang == "en" and " " not in name and people._english_word(name.lower())):
            continue
        found[(s, e)] = ("Organization", "company")
        claimed.append((s, e))
    # and a Latin-script name listed after a company already found: "Kaspi.kz и Wildberries", and
    # on along the list from each one found so ("Kaspi.kz, Wildberries, Ozon and Amazon")
    ends = [b for (a, b), (cls, reason) in sorted(found.items()) if (cls, reason) in (
        ("Organization", "company"), ("Organization", "domain"), ("Organization", "legal form"))]
    while ends:
        nxt = product_names.listed_after(text, ends.pop(0))
        if nxt is None:
            continue
        s, e = nxt
        name = text[s:e]
        if not (free(s, e) and unclaimed(s, e)) or known(name) or name.split()[0] in _NOT_TOOLS or (
                " " not in name and people._english_word(name.lower())):
            continue
        found[(s, e)] = ("Organization", "company")
        claimed.append((s, e))
        ends.append(e)


def find_candidates(text: str, lang: str, kind: str, mentions: list[Mention], tokens: list[Token],
                    lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Unknown names as (start, end, suggested class, reason)."""
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)

    def free(s: int, e: int) -> bool:
        return covered.find(1, s, e) == -1

    def known(name: str) -> bool:
        folded = morphology.fold(name)
        return (folded in lex.known or folded in lex.dismissed or page_chrome.is_chrome(name)
                or morphology.fold(candidate_name(name, lang)) in lex.dismissed)

    found: dict[tuple[int, int], tuple[str, str]] = {}
    claimed: list[tuple[int, int]] = []   # spans of software and quoted organisations

    def unclaimed(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in claimed)

    for s, e in _software(text) + _versioned_tools(text):
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = ("Method", "software")
            claimed.append((s, e))
    for s, e in _formula_acronyms(text):
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = ("Method", "formula")
            claimed.append((s, e))
    concept_spans = [(m.start, m.end) for m in mentions if m.cls == "Theory"]
    named = [(m.span(), "measure") for m in _NAMED_MEASURE.finditer(text)]
    named += [(m.span(), "algorithm") for m in _NAMED_ALGORITHM.finditer(text)]
    for (s, e), reason in named:
        inner = [(a, b) for a, b in concept_spans if s <= a and b <= e]
        # ("Russian Science Citation Index" is a database, left to the capitalised names below)
        if not _sentence_initial(text, s) and unclaimed(s, e) and not known(text[s:e]) and all(
                any(a <= k < b for a, b in inner) for k in range(s, e) if covered[k]) \
                and not _CITATION_INDEX.search(text, s, e):
            found[(s, e)] = ("Method", reason)
            claimed.append((s, e))
            # the acronym it is given in brackets names the same measure: "… Experience Scale (FIES)"
            if (acronym := _ACRONYM_IN_BRACKETS.match(text, e)) and not known(acronym.group(1)):
                found[acronym.span(1)] = ("Method", reason)
                claimed.append(acronym.span(1))
    for m in _CONSENSUS.finditer(text):
        s, e = m.span()
        if m.group(1) not in _NOT_CONSENSUS and not _sentence_initial(text, s) and free(s, e) and unclaimed(s, e) \
                and not known(text[s:e]):
            found[(s, e)] = ("Initiative", "consensus")
            claimed.append((s, e))
    for m in _DEVICE_CODE.finditer(text):
        s, e = m.span(1) if m.group(1) else m.span(2)
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = ("Method", "instrument")
            claimed.append((s, e))
    for m in _DOMAIN_NAME.finditer(text):
        s, e = m.span(1)
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = ("Organization", "domain")
            claimed.append((s, e))
    standard_end = (-1, -1)
    for m in _STANDARD.finditer(text):
        s, e = m.span(1)
        # «СП РК 5.01-102-2013»: the РК inside stays Kazakhstan's mention; the code and the number are free
        if free(s, s + 2) and free(e - 2, e) and unclaimed(s, e) and not known(text[s:e]):
            # a standard a measurement or a test follows is a method of the work (KEYS.md): "fatigue
            # testing to ISO 13314", «IEC 61000-4-7 стандартына сәйкес», «согласно ГОСТ 31937»
            used = _STANDARD_FOLLOWED_BEFORE.search(text, max(0, s - 30), s) or _STANDARD_FOLLOWED_AFTER.match(text, e)
            # (and the standards listed with it: "according to ISO 9237 and ASTM D737")
            listed = found.get(standard_end) if _LIST_MATE.fullmatch(text, standard_end[1], s) else None
            code = _BUILDING_CODE.match(text, s) is not None
            applied = kind in method_context.METHOD_SECTIONS and not code
            followed = used or applied or (listed is not None and listed == ("Method", "standard") and not code)
            found[(s, e)] = ("Method" if followed else "Initiative", "standard")
            claimed.append((s, e))
            standard_end = (s, e)
    for m in _EU_ACT_NUMBER.finditer(text):
        s, e = m.span(1)
        # «2012/19/ЕО»: the Union's acronym closing the number stays the Union's mention too
        if free(s, s + 4) and unclaimed(s, e):
            found[(s, e)] = ("Initiative", "standard")
            claimed.append((s, e))
    for s, e in _named_with_form(text):
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = ("Organization", "legal form")
            claimed.append((s, e))
    _product_candidates(text, lang, kind, found, claimed, free, unclaimed, known)
    for m in _quoted_organisations(text):
        s, e = m.span(0) if m.re is _QUOTED_ORG else (m.start(), m.end(1))
        word = (m.group(2) if m.re is _QUOTED_ORG else text[m.start():m.start(1)]).strip()
        if re.fullmatch(_LEGAL_FORMS, word):
            cls = "Organization"
        elif m.re is _QUOTED_ORG:
            cls = None
            # a quote that names its own kind of document («… бірыңғай бағдарламасы») is that
            # document; the word after it opens the next phrase («… музей сабақтарын»)
            own = re.findall(r"[\w-]+", m.group(1))
            if own and _keyword_class(own[-1:], lang) in _DOCUMENT_CLASSES:
                continue
            for w in re.finditer(r"\S+", m.group(2)):
                if lang == "kk" and _KK_PLURAL_WORD.search(w.group()):
                    break   # «"үлкен" ассоциациялары»: a kind in the plural names no one body
                # a compound's last part is its kind: «қорық-мұражайы» is a museum
                cls = _keyword_class([w.group().rsplit("-", 1)[-1]], lang)
                if cls:
                    e = m.start(2) + w.end()
                    break
        else:
            cls = _keyword_class([word], lang)
        # (a quote that opens a body's descriptive name with its own kind, «Национальный центр …
        # «Өрлеу»», is that body's: named with its kind below, not as its legal form's)
        inner = m.group(1)[1:].split("«", 1) if m.re is _ORG_QUOTED else []
        if len(inner) == 2 and _keyword_class(re.findall(r"[\w-]+", inner[0]), lang):
            continue
        if cls in _ORGANISATION_CLASSES | {"Region"} and free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            found[(s, e)] = (cls, "quoted")
            claimed.append((s, e))
    # a second quoted name joined to one of a kind is of that kind: «рынки «…» и «…»»
    for m in _QUOTED.finditer(text):
        joined = _JOINED_QUOTE.search(text[max(0, m.start() - 8):m.start()])
        prev = joined and next(((a, b) for (a, b), v in found.items() if v[1] == "quoted"
                                and v[0] in _ORGANISATION_CLASSES | {"Region"} and b == m.start() - len(joined.group(0))),
                               None)
        if prev:
            g = next(i for i in range(1, 5) if m.group(i) is not None)
            s, e = m.start(g), m.end(g)
            if free(s, e) and unclaimed(s, e) and not known(text[s:e]):
                found[(m.start(), m.end())] = (found[prev][0], "quoted")
                claimed.append((m.start(), m.end()))
    for m in _QUOTED.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        s, e = m.start(g), m.end(g)
        name = text[s:e].strip(" ,.;:")
        s = s + text[s:e].find(name)
        e = s + len(name)
        words = _TOKEN.findall(name)
        if not words or len(words) > 8 or not free(s, e) or known(name) or not unclaimed(s, e):
            continue
        if name.endswith("?"):
            continue   # a question quoted («Неге бұлай?», "Why does it hold?") is asked, not named
        if _CHAPTER_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or _CHAPTER_AFTER.match(text, m.end()):
            continue   # a chapter's title: «В первой главе «Историография и источники» …»
        head = _THEORY_BEFORE_QUOTE.search(text[max(0, m.start() - 30):m.start()])
        if head and len(words) <= 5 and not _is_capitalised(name):
            # a theory or concept named in quotes after its head: «теория «компактного города»»,
            # «концепция «умного города»», the "compact city" concept (a capitalised name in
            # quotes is a policy's: «концепция «Цифровой Казахстан»»)
            hs = m.start() - len(head.group(0))
            if free(hs, m.end()) and unclaimed(hs, m.end()):
                found[(hs, m.end())] = ("Theory", "quoted")
                continue
        after = _THEORY_AFTER_QUOTE.match(text, m.end())
        if after and len(words) <= 5 and lang in ("en", "kk") and not _is_capitalised(name) and free(m.start(), after.end()):
            found[(m.start(), after.end())] = ("Theory", "quoted")
            continue
        if _is_capitalised(name):
            if _THING_AFTER_QUOTES.match(text, m.end()) or _THING_BEFORE_QUOTES.search(text[max(0, m.start() - 160):m.start()]) \
                    or _JOURNALS_BEFORE_PARENTHESIS.search(text[max(0, m.start() - 300):m.start()]) or _JOURNAL_TITLE.search(name) \
                    or _CUSTOM_VALUE_OR_NOTION_AFTER_QUOTES.match(text, m.end()) \
                    or _CUSTOM_VALUE_OR_NOTION_BEFORE_QUOTES.search(text[max(0, m.start() - 200):m.start()]):
                # a cultivar, a breed, a journal: «…» және «…» сорттары, «…» журналында (nor is a
                # capitalised run inside its title a name: "Journal of … Natural Resources Law")
                claimed.append((s, e))
                continue
            if _EVENT_OR_COURSE_AFTER_QUOTES.match(text, m.end()) or \
                    _EVENT_OR_COURSE_BEFORE_QUOTES.search(text[max(0, m.start() - 200):m.start()]):
                continue   # a course's or a conference's title
            cls = _keyword_class(words, lang)
            # (a document's kind after the quote names what the quote is: «Мектеп – музей»
            # интеграциялық бағдарламасы is a programme, whatever its last word)
            after = _DOCUMENT_KIND_AFTER_QUOTES.match(text, m.end())
            kinds = [_keyword_class([w], lang) for w in after.group(0).split()] if after else []
            kind_after = next((k for k in kinds if k), None)
            if kind_after in _DOCUMENT_CLASSES:
                cls = kind_after
            if cls is None and not _says_what_it_names(text, m.start(), m.end()):
                continue
            found[(s, e)] = (cls or "Initiative", "quoted")
        elif kind in THEORY_KINDS | {"novelty"} and len(words) <= 4:
            cls = "Method" if _METHOD_HINT.search(name) else "Theory" if _THEORY_HINT.search(name) else None
            if cls:
                found[(s, e)] = (cls, "quoted")
    for k, t in enumerate(tokens):
        if len(t.text) < 2 or not t.text[1].isupper():
            continue
        acro = morphology.acronym_key(t.text)
        if not acro or _ROMAN.match(acro[1:]) or not free(t.start, t.end) or not unclaimed(t.start, t.end):
            continue
        name = acro[1:]
        if known(name) or len(name) < 2 or re.fullmatch(_LEGAL_FORMS, name) or _in_capitals_heading(text, tokens, k):
            continue
        if generic_acronyms.is_common_noun(name) or generic_acronyms.is_common_noun(t.text) \
                or generic_acronyms.is_chemical_formula(name):
            continue   # a currency, a measure, a kind of firm or device, a substance: no name
        if len(t.text) - len(name) >= 5 and t.text[len(name)].islower():
            continue   # a heading in capitals glued to the text after it («ТЕМЫПылевая»), no ending
        if re.fullmatch(r"[A-Z]{2,}[a-z]{3,}", t.text):
            continue   # capitals run into a capitalised word: a brand's camel case ("FACSCanto"), no acronym
        s = t.start
        if _MEASURE_AFTER.match(text, s + len(name)) or _MEASURE_BEFORE.search(text[max(0, s - 12):s]):
            continue
        if len(name) == 2 and not (_ACRONYM_ORG_AFTER.match(text, s + 2) or _ACRONYM_METHOD_AFTER.match(text, s + 2)):
            # two capitals are units, leads, initials and codes far more often than bodies (MW, ST,
            # ТП, SH): only a word after them that says what they name makes them a candidate
            continue
        if _EDITION_AFTER.match(text, s + len(name)):
            # an acronym dated by a year is an edition, never a body: of a conference where the
            # sentence speaks of one ("ITSC 2023", «конференциях SIST-2023»), no name to review;
            # else of a survey, a data set or a guideline ("TALIS 2018", "APTOS 2019"), a method
            # ("(IEA 2021)" is a citation of a body, whose class the words beside it tell as before)
            if _EVENT_BEFORE.search(text[max(0, s - 120):s]):
                continue
            cls = _acronym_class(text, s, s + len(name), name, kind)
            if cls not in ("Method", "Initiative") and not (
                    text[max(0, s - 2):s].strip().endswith(("(", ";")) and _CITED_YEAR.match(text, s + len(name))):
                cls = "Method"   # (what the words beside it call a guideline, "CHEERS 2022 statement", stays one)
            found.setdefault((s, s + len(name)), (cls, "acronym"))
            continue
        found.setdefault((s, s + len(name)), (_acronym_class(text, s, s + len(name), name, kind), "acronym"))
    # Acronyms that keep a syllable in lower case, as Kazakhstan's institutes and universities do
    # (КазНИИСА, КазНИТУ, КарГУ, KazNU)
    for t in tokens:
        m = _SYLLABLE_ACRONYM.fullmatch(t.text) or _TRANSLITERATED_ACRONYM.fullmatch(t.text)
        if m is None or not free(t.start, t.end) or not unclaimed(t.start, t.end):
            continue
        s, e = t.start, t.start + len(m.group(1))
        if not known(m.group(1)):
            # "named entity recognition (KazNERD)": the name a task or a data set is given, not a body's
            cls = "Method" if _AFTER_A_TERM.search(text, max(0, s - 80), s) and text.startswith(")", e) else \
                _acronym_class(text, s, e, m.group(1), kind)
            found.setdefault((s, e), (cls, "acronym"))
    # (what the acronym says it is outweighs the spelling that made it a product: "KazNIISA")
    for s, e in institute_acronyms.find(text, lang):
        if free(s, e) and not known(text[s:e]):
            for span in [k for k in found if k[0] < e and s < k[1] and found[k][1] in ("product", "acronym")]:
                del found[span]
            found[(s, e)] = ("Organization", "acronym")
    # People by their initials and surname («В.В. Бартольд», «Р. Райана», "S.L. Sobolev"); a
    # scholar whose surname a linked theory's name holds stays a person too («Ж. Пиаженің
    # когнитивтік даму теориясы»): the initials name the scholar, not an eponym (KEYS.md)
    theories = [(m.start, m.end) for m in mentions if m.cls == "Theory"]
    for s, e in people.find(text, lang):
        if (free(s, e) or _scholar_of(theories, covered, s, e)) and not known(text[s:e]):
            for span in [k for k in found if k[0] < e and s < k[1]]:
                del found[span]
            found[(s, e)] = ("Person", "person")
    # Places named with their kind: «Бесқарағай ауданында», «в Бостандыкском районе», "Baizak district"
    for s, e, cls in place_shapes.find(text, lang):
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]) and not any(a < e and s < b for a, b in found):
            found[(s, e)] = (cls, "place")
            claimed.append((s, e))
    # Capitalised runs: "Russian Science Citation Index", "Department of International Relations".
    run: list[Token] = []

    # a place may open an English name too ("Caspian Pipeline Consortium", "Aksu-Zhabagly Nature
    # Reserve"): the run may hold linked places, if what it names is an organisation
    place_spans = [(m.start, m.end) for m in mentions if m.cls in _PLACE_CLASSES]

    def only_places(s: int, e: int) -> bool:
        k = covered.find(1, s, e)
        while k != -1:
            span = next(((a, b) for a, b in place_spans if a <= k < b), None)
            if span is None:
                return False
            k = covered.find(1, span[1], e)
        return True

    def flush() -> None:
        if not run:
            return
        while run and morphology.fold(run[-1].text) in _CONNECTORS:
            run.pop()
        # a place opens a name only when the name's next word follows it: "in Britain the … Authority"
        # is a place and then a name
        if run and not free(run[0].start, run[0].end) and (len(run) < 2 or not _is_capitalised(run[1].text)):
            del run[0]
            while run and not _is_capitalised(run[0].text):
                del run[0]
        # initials open a person's name or a bibliographic entry's title («А.Б. Программа …»)
        while run and len(run[0].text) <= 2 and text.startswith(".", run[0].end):
            run.pop(0)
        # a measure of a body's is two names: "Global Peace Index of the Institute for Economics
        # and Peace" (the index a method, the institute a body), as a body's unit is one name
        # with its body ("Science Committee of the Ministry of …")
        cut = next((k for k in range(1, len(run) - 1) if lang == "en" and run[k].text == "of"
                    and _keyword_class([run[k - 1].text], lang) == "Method"
                    and _keyword_class([t.text for t in run[k + 1:]], lang)), None)
        if cut is not None:
            back = run[cut + 1:]
            while back and morphology.fold(back[0].text) in _CONNECTORS:
                back.pop(0)
            run[:] = run[:cut]
            flush()
            run[:] = back
            flush()
            return
        if run and (_JOURNAL_BEFORE.search(text[max(0, run[0].start - 20):run[0].start])
                    or (run[0].text in _PERIODICALS and len(run) > 1 and run[1].text == "of")):
            run.clear()   # a journal's title: "Journal of Water Process Engineering" names no body or programme
            return
        caps = [t for t in run if _is_capitalised(t.text)]
        if len(caps) >= 2:
            s, e = run[0].start, run[-1].end
            cls = _keyword_class([t.text for t in run], lang)
            if cls is None and morphology.fold(run[-1].text) in _SIGNED_AT and \
                    not any(free(t.start, t.end) for t in run[:-1]) and only_places(s, e):
                cls = "Initiative"   # "the Almaty Agreement", "the Astana Statement": signed there
            # (a place opens a body's name, and an instrument's named after where it was made:
            # "Almaty Ulcer Severity Scale")
            # (and an agreement by the city it was signed in: "Almaty Agreement", "Tokyo Convention")
            if cls and (free(s, e) or ((cls in _ORGANISATION_CLASSES or cls == "Method" or (
                    cls == "Initiative" and morphology.fold(run[-1].text) in _SIGNED_AT)) and only_places(s, e))) \
                    and unclaimed(s, e) and not known(text[s:e]):
                found.setdefault((s, e), (cls, "capitalised"))
            elif not free(run[0].start, run[0].end):
                # not an organisation's name: the place stays itself, what follows it may be a name
                # ("Kazakhstan Emissions Trading System")
                del run[0]
                flush()
                return
        run.clear()

    for idx, t in enumerate(tokens):
        cap = _is_capitalised(t.text) and not t.text.isdigit()
        conn = morphology.fold(t.text) in _CONNECTORS
        joined = bool(run) and _gap_ok(text, run[-1], t)
        if joined and lang == "en" and "," in text[run[-1].end:t.start] and _keyword_class([run[-1].text], lang):
            # a name that has closed on its head is one item of a list: "… Kokshetau University,
            # S. Amanzholov East Kazakhstan University" are two universities, not one across the comma
            flush()
            joined = False
        if cap and (not run or joined):
            if not run and _sentence_initial(text, t.start):
                continue
            # (a place of two words opens a name as well: "Central Asia Energy Group")
            if not free(t.start, t.end) and not (lang == "en" and only_places(t.start, t.end) and (not run or (
                    not any(free(r.start, r.end) for r in run) and only_places(run[0].start, run[-1].end)))):
                flush()
                continue
            run.append(t)
        elif conn and run and joined and not (morphology.fold(t.text) in _COORDINATORS
                                                 and _keyword_class([run[-1].text], lang)
                                                 and not _field_goes_on(run, tokens, idx, lang)
                                                 and not _kinds_coordinated(run, tokens, idx, lang)):
            # "and" continues a name ("Ministry of Science and Higher Education") but does not
            # join two names ("the Turkic Investment Fund and the RSCI").
            run.append(t)
        else:
            flush()
            if cap and not _sentence_initial(text, t.start) and free(t.start, t.end):
                run.append(t)
    flush()
    if lang in ("ru", "kk"):
        # A place may open an organisation's name ("Арқалық педагогикалық институты"): the name
        # may start on a word linked as a city or state, but must hold no other linked name.
        places = {m.start for m in mentions if m.cls in _PLACE_CLASSES}
        for s, e, cls in _cyrillic_names(text, lang, tokens, covered, places):
            if (free(s, e) or (s in places and free(next(t.end for t in tokens if t.start == s), e))) \
                    and unclaimed(s, e) and not known(text[s:e]):
                found.setdefault((s, e), (cls, "capitalised"))
    for s, e in _spelled_by_their_acronym(text):
        cls = _keyword_class(_TOKEN.findall(text[s:e]), lang)
        if cls and free(s, e) and unclaimed(s, e) and not known(text[s:e]):
            for span in [k for k, v in found.items() if s <= k[0] and k[1] <= e and v[1] == "capitalised"]:
                del found[span]   # the same name without the sentence's first word
            found.setdefault((s, e), (cls, "capitalised"))
    # Theories and methods by the shape of their name ("endogenous growth theory", «метод главных
    # компонент», «институционалдық теория»), where no other name already covers them.
    # An acronym inside such a name is part of it ("GIS analysis").
    for s, e, cls in name_shapes.find(text, lang, kind, tokens):
        # a person's name that the shape took for its modifier stays the person's:
        # «Ю. Хабермастың қоғамдық сала теориясы» is Habermas and the public sphere theory
        for a, b in [k for k in found if found[k][1] == "person" and k[0] < s < k[1] < e]:
            s = b + len(text[b:e]) - len(text[b:e].lstrip())
        body = _body_opening(text, s, e, mentions) if cls == "Method" else None
        if body is not None:
            s = body.start
        inside = [k for k in found if k[0] < e and s < k[1]]
        # a person inside stays a person too: «шкала психологического благополучия К. Рифф»
        # a scholar's law is a theory, not a statute: «Дюверже заңы» came out of the capitalised
        # names as a Law by its last word; the shape knows it is named after a person
        if free(body.end if body else s, e) and not known(text[s:e]) and all(s <= a and b <= e and (
                found[(a, b)][1] in ("acronym", "person") or (found[(a, b)] == ("Law", "capitalised") and cls == "Theory"))
                for a, b in inside):
            for k in inside:
                if found[k][1] in ("acronym", "capitalised"):
                    del found[k]
            found[(s, e)] = (cls, "body's method" if body else "shape")
    if lang in ("ru", "kk"):
        _scholars_into_their_theories(text, lang, found)
    if lang == "kk":
        _scholars_own_heads(text, tokens, found)
    if lang in ("ru", "kk"):
        _scholars_theories(text, lang, found, free)
    # A document that names itself is one candidate of its kind, whatever names stand inside it
    # ("Law of the Republic of Kazakhstan «On …»"), unless it is, or holds, a known initiative.
    initiatives = [m for m in mentions if m.cls in INITIATIVE_KINDS or m.cls == "Initiative"]
    for d in self_named.find(text, lang):
        if any(m.start < d.end and d.start < m.end for m in initiatives) or known(text[d.start:d.end]):
            continue
        for span in [k for k in found if k[0] < d.end and d.start < k[1]]:
            del found[span]
        found[(d.start, d.end)] = (d.cls, "self-named")
    # An information system is its quoted name with its kind («ИС «Юрист»», «"Әділет" ақпараттық
    # жүйесі»): a tool the work used, not a programme or a body the quoted word alone suggests.
    for s, e in information_systems.find(text):
        if free(s, e) and not known(text[s:e]):
            for span in [k for k in found if k[0] < e and s < k[1]]:
                del found[span]
            found[(s, e)] = ("Method", "shape")
    methods = [(m.start, m.end) for m in mentions if m.cls == "Method"] + [k for k, v in found.items() if v[0] == "Method"]
    known_methods = [(m.start, m.end) for m in mentions if m.cls == "Method"]
    for s, e in tool_lists.listed(text, lang, methods, people._english_word, known_methods):
        inside = [k for k in found if k[0] < e and s < k[1]]
        if free(s, e) and not known(text[s:e]) and all(found[k][1] in ("acronym", "capitalised") for k in inside):
            for k in inside:   # a guess made from its capitals alone gives way to the list
                del found[k]
            found[(s, e)] = ("Method", "listed tool")
    if kind in METHOD_KINDS:
        for s, e in shared_heads.find(text, lang):
            if free(s, e) and unclaimed(s, e) and not known(text[s:e]) and not any(a < e and s < b for a, b in found):
                found[(s, e)] = ("Method", "shape")
        # a procedure named by its measuring, recording or viewing ending where the work's methods
        # are listed: «допплерометрия», «остеосцинтиграфию», "accelerometry", «колоноскопии»
        for m in _PROCEDURE.get(lang, _PROCEDURE["en"]).finditer(text):
            s, e = m.span()
            if free(s, e) and unclaimed(s, e) and not known(text[s:e]) and not method_lists.NOT_PROCEDURE.match(m.group(0).lower()) \
                    and not any(a < e and s < b for a, b in found):
                found[(s, e)] = ("Method", "procedure")
    # A European Union regulation by its name, which ends with the word ("General Data Protection
    # Regulation"); "the Committee for the Regulation of …" is a body, named by its head
    for m in _REGULATION.finditer(text):
        s, e = m.span(1)
        if free(s, e) and unclaimed(s, e) and not known(text[s:e]) and not any(a < e and s < b for a, b in found):
            found[(s, e)] = ("Law", "regulation")
    _listed_with_methods(text, mentions, found)
    _quoted_inside_bodies(text, mentions, found)
    methods = [(m.start, m.end) for m in mentions if m.cls == "Method"] + [k for k, v in found.items() if v[0] == "Method"]
    for s, e in method_lists.listed(text, lang, methods):
        if free(s, e) and not known(text[s:e]) and not any(k[0] < e and s < k[1] for k in found):
            found[(s, e)] = ("Method", "listed activity")
    chrome = page_chrome.tool_lines(text)   # a journal page's citation formats, licence and copyright
    series = _series_spans(text) | {m.span() for m in _GRANT_NUMBER.finditer(text)} | {
        m.span() for m in _PARTICLES.finditer(text)}
    return [(s, e, cls, reason) for (s, e), (cls, reason) in sorted(found.items())
            if not any(a <= s < b for a, b in chrome) and (s, e) not in series
            and not (cls in ("Method", "Organization") and (_GENE_LIST_BEFORE.search(text, max(0, s - 120), s)
                                                              or _GENE_AFTER.match(text, e)))
            and not (cls == "Initiative" and _venue(text, s, e, lang, kind))
            and not (cls == "Department" and _academic_unit(text, s, e, mentions))]


# A university's department or faculty is where the work was done or discussed, not an actor of
# it: KEYS.md lists universities and the state's bodies, and no key lists a chair («кафедры
# «Строительные конструкции»», "Department of Orthopaedics and Trauma Surgery of the Medical
# University of Vienna"). A state's department is named by its place or its field of government:
# "Department of Emergency Situations of Almaty", "Akmola Region Education Department", «Департамент
# …» - those stay.
_ACADEMIC_UNIT = re.compile(r"(?i)(?<![\w-])(?:кафедр|факультет|faculty|chair\s+of)")
_STATE_DEPARTMENT = re.compile(r"(?i)(?<![\w-])(?:region|city|oblast|district|akimat|province|state|national|"
                               r"emergency|police|justice|customs|revenue|employment|education\s+department)")


def _academic_unit(text: str, s: int, e: int, mentions: list[Mention]) -> bool:
    name = text[s:e]
    if _ACADEMIC_UNIT.search(name):
        return True
    if not name.startswith("Department of ") or _STATE_DEPARTMENT.search(name):
        return False
    # (a place inside the name or just after it, "… of Almaty", makes it a city's or a region's)
    return not any(m.cls in ("Region", "State") and m.start < e + 12 and s < m.end for m in mentions)


# A body's own quoted name inside or after its descriptive name: АО «Фонд развития
# предпринимательства «Даму»», «Национальный центр повышения квалификации «Өрлеу»», the "Orleu"
# National Centre for …: the quoted word is the body's, not a programme's. The body's candidate
# takes the quoted name in; after a body the vocabulary knows, the quoted name is dropped. (A quote
# inside another only: after a body's genitive a quoted name may be its document.)
_INNER_OPEN = re.compile(r"[ \t\u00a0]*[«“„\"]$")
_INNER_CLOSE = re.compile(r"[»”\"“][ \t\u00a0]+")


def _quoted_inside_bodies(text: str, mentions: list[Mention], found: dict) -> None:
    bodies = {(s, e): v for (s, e), v in found.items() if v[0] in _ORGANISATION_CLASSES}
    known = [(m.start, m.end) for m in mentions if m.cls in _ORGANISATION_CLASSES]
    for (s, e), (cls, reason) in list(found.items()):
        if cls != "Initiative" or reason != "quoted":
            continue
        opening = _INNER_OPEN.search(text, max(0, s - 4), s)
        closing = _INNER_CLOSE.match(text, e)
        before = opening and next(((a, b) for (a, b) in bodies if b == opening.start()), None)
        after = closing and next(((a, b) for (a, b) in bodies if a == closing.end()), None)
        if before and _opened_before(text, before[0]):
            del found[(s, e)], found[before]
            end = e + 1 if text[e:e + 1] and text[e] in "»”\"“" else e
            found[(before[0], end)] = bodies.pop(before)
        elif after and opening:
            del found[(s, e)], found[after]
            found[(opening.end() - 1, after[1])] = bodies.pop(after)
        elif opening and any(b == opening.start() and _opened_before(text, a) for a, b in known):
            del found[(s, e)]


# A body's acronym opens the name of a method it set out after the scholars who made it: "FAO
# Penman–Monteith method", "WHO Kellgren–Lawrence classification". The body is part of the name,
# no mention of its own (KEYS.md); before a plain method word ("the FAO method") it stays the body.
_SCHOLAR_PAIR = re.compile(r"[ \t\u00a0]+([A-Z][a-z]+)[ \t\u00a0]*[-–—][ \t\u00a0]*[A-Z][a-z]+[ \t\u00a0]")


def _body_opening(text: str, s: int, e: int, mentions: list[Mention]) -> Mention | None:
    """The mention of the body whose acronym opens the method's name at `s` or just before the
    first scholar there."""
    for m in mentions:
        if m.cls in _ORGANISATION_CLASSES and m.start <= s < e and m.end < e and morphology.is_acronym(text[m.start:m.end]):
            pair = _SCHOLAR_PAIR.match(text, m.end)
            if pair and s <= pair.start(1):
                return m
    return None


def _opened_before(text: str, start: int) -> bool:
    """The body's name stands inside an opening quote not yet closed («АО «Фонд … «Даму»»): a
    quoted name after it is the body's own, not a document of the body's («Еуразиялық экономикалық
    одақтың «…» техникалық регламенті»)."""
    before = text[max(0, start - 12):start]
    return max(before.rfind(q) for q in "«“„") > max(before.rfind(q) for q in "»”")


# A congress, a forum or a summit where the results were presented is a venue, as a conference
# is (KEYS.md lists neither): "reported at the World Tribology Congress", «доложены на
# Всероссийском съезде …», «Green Energy Forum – 2024» форумында. One the text speaks of
# otherwise may be a state event («Форум межрегионального сотрудничества»), and stays a candidate.
_EVENT_HEAD = re.compile(r"(?i)congress\w*|forum\w*|summit\w*|конгресс\w*|форум\w*|съезд\w*|съезі\w*|саммит\w*")
_PRESENTED_BEFORE = re.compile(
    r"(?i)(?:\bpresent|\breport|\bdiscuss|\bdeliver|\btested\b|доложен|докладыва|представлен|обсужд|апробирова|"
    r"баяндал|талқыла|таныстырыл|сынақтан|өткен)[^.!?]*$")


def _venue(text: str, s: int, e: int, lang: str, kind: str) -> bool:
    # the event's word is the name's head: its last word of a kind, or after it ("… Standards Summit")
    for w in reversed(_TOKEN.findall(text[s:e])):
        if _EVENT_HEAD.fullmatch(w):
            break
        if _keyword_class([w], lang):
            return False
    else:
        return False
    return kind == "approbation" or bool(_PRESENTED_BEFORE.search(text, max(0, s - 300), s))


# A list joins names of one kind: an unknown acronym joined straight to a method or a tool
# ("Qiskit, Cirq and QXL", «методами ПЦР и КЛБ») is one too. Only the guess of a body made for
# want of any word beside the acronym gives way; a word that called it a body keeps it one.
# (the joins are those of a list of tools, _LIST_JOIN above)


def _scholars_theories(text: str, lang: str, found: dict, free) -> None:
    """«модели Г. Лассуэлла», «Ф. Фребельдің ойын педагогикасы» (see scholar_theories); the
    scholar stays a Person, and a name a mention or another candidate holds is left to it."""
    persons = [k for k, v in found.items() if v[1] == "person"]
    for s, e in scholar_theories.find(text, lang, persons):
        rest = [k for k in persons if s <= k[0] and k[1] <= e]
        words = [(a, b) for a, b in _gaps(s, e, rest)]
        if all(free(a, b) for a, b in words) and not any(
                a < e and s < b and (a, b) not in rest for a, b in found):
            found[(s, e)] = ("Theory", "shape")


def _gaps(s: int, e: int, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, at = [], s
    for a, b in sorted(inside):
        if a > at:
            out.append((at, a))
        at = max(at, b)
    return out + ([(at, e)] if at < e else [])


def _scholar_of(theories: list[tuple[int, int]], covered: bytearray, s: int, e: int) -> bool:
    """The name's initials are free and what a mention covers of it lies inside one theory."""
    return covered[s] == 0 and any(a < e and s < b and all(a <= k < b for k in range(s, e) if covered[k])
                                   for a, b in theories)


def _listed_with_methods(text: str, mentions: list[Mention], found: dict) -> None:
    methods = {(m.start, m.end) for m in mentions if m.cls == "Method"}
    methods |= {k for k, v in found.items() if v[0] == "Method"}
    for (s, e), (cls, reason) in list(found.items()):
        if reason != "acronym" or cls != "Organization" or _ACRONYM_ORG_AFTER.match(text, e) \
                or _defined_class(text, s):
            continue
        if any(_LIST_JOIN.fullmatch(text, b, s) or _LIST_JOIN.fullmatch(text, e, a) for a, b in methods):
            found[(s, e)] = ("Method", reason)


# Russian and Kazakh name a scholar's theory or method with the scholar inside the name, in the
# genitive: after it in Russian («теория двусторонних рынков Ж. Тироля», «теория рационального
# выбора Д. Корниша и Р. Кларка»), before it in Kazakh («С. Холлдың мәдени бірегейлік теориясы»).
# The whole phrase is the theory, and the scholar stays a Person too: the keys of published-4 to
# -7 quote the scholar inside the theory's name, those of published-2 and -3 list the scholar apart
# («П. Бурдьенің» beside «әлеуметтік капитал теориясына»); both readings are kept.
_BETWEEN_SCHOLARS = re.compile(r"\s+(?:и|және|мен|пен|бен)\s+|\s*[–—-]\s*")


def _scholars_into_their_theories(text: str, lang: str, found: dict) -> None:
    people_spans = sorted(k for k, v in found.items() if v[1] == "person")

    def adjacent(gap: str) -> bool:
        return gap.strip(" \u00a0«»“”\"") == ""   # «чистая теория права» Г. Кельзена, Б. Андерсонның «…»

    spans = [((s, e), v) for (s, e), v in sorted(found.items())
             if v[0] in ("Theory", "Method") and v[1] in ("shape", "quoted")]
    for (s, e), value in spans:
        if lang == "ru":
            scholars, end = [], e
            for a, b in people_spans:
                if a < end or (a, b) not in found:
                    continue
                gap = text[end:a]
                if (adjacent(gap) if not scholars else _BETWEEN_SCHOLARS.fullmatch(gap)) \
                        and _russian_scholar_genitive(text[a:b]):
                    scholars.append((a, b))
                    end = b
                else:
                    break
            start = s
            if scholars and start > 0 and text[start - 1] in "«“\"" and text[e:scholars[0][0]].strip():
                start -= 1   # the quote closes inside the name: take the one that opens it
        else:
            before = [(a, b) for a, b in people_spans if b <= s and (a, b) in found and adjacent(text[b:s])
                      and re.search(r"(?:ның|нің|дың|дің|тың|тің)$", text[a:b])]
            scholars = before[-1:]
            start, end = (scholars[0][0], e) if scholars else (s, e)
        if scholars:
            del found[(s, e)]
            found[(start, end)] = value


# Kazakh names a scholar's method or theory by the scholar in the genitive and the head alone, in
# its possessive: «Б.А. Доспеховтың әдістемесі», «Т. Саатидің әдісімен», «Л.С. Выготскийдің
# теориясы». The phrase is the method or theory (the scholar stays a Person too, as above).
_KK_GENITIVE_END = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")


def _scholars_own_heads(text: str, tokens: list[Token], found: dict) -> None:
    starts = {t.start: t for t in tokens}
    for (a, b), (_, reason) in list(found.items()):
        if reason != "person" or not _KK_GENITIVE_END.search(text[a:b]):
            continue
        gap = re.match(r"[ \t\u00a0]+", text[b:])
        head = starts.get(b + len(gap.group())) if gap else None
        base = head and name_shapes._kk_head_base(head.text)
        if base and base[-1] in "ыі" and not any(s == head.start for s, _ in found):
            found[(a, head.end)] = (name_shapes._KK_HEADS[base][0], "shape")


def _russian_scholar_genitive(name: str) -> bool:
    """The surname of «Ж. Тироля», «Г. Кельзена» can be genitive, or is unknown to the dictionary
    («Мински»): not a nominative subject of the next clause («… теории игр А. Иванов показал»)."""
    surname = name.split()[-1].split(".")[-1]
    parses = morphology._analyzer().parse(morphology.fold(surname))
    if not any(p.is_known for p in parses[:2]):
        return True
    return any(p.tag.case == "gent" for p in parses[:3])


# Russian and Kazakh capitalise only the first word of an organisation's or programme's name:
# "Высшая аттестационная комиссия", "Дүниежүзі қазақтарының қауымдастығы". Russian names open
# with their head noun or its adjectives; Kazakh names close with it.
_MAX_NAME_WORDS = 7
_NAMED_AFTER = re.compile(r"имени\s+(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?){0,3}[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁа-яё][а-яё]+)?")


_PLACE_CLASSES = {"Region", "State"}
_ORGANISATION_CLASSES = {"Organization", "University", "GovernmentBody", "NonGovernmentalOrganization",
                         "InternationalOrganization", "Department"}
# what is named after the city it was signed or declared in
_SIGNED_AT = {"agreement", "convention", "protocol", "treaty", "declaration", "accord", "charter", "statement"}
# the kinds of document an initiative calls itself (_KEYWORDS)
_DOCUMENT_CLASSES = {"Programme", "Strategy", "PolicyConcept", "ActionPlan", "Law", "Address"}


# (a code and a law too, where the text names them by what they are about: «Кодекс о недрах»,
# «Закон о банках»; the statute's formal title is quoted, see self_named)
_TREATY_HEADS = {"договор", "конвенция", "соглашение", "декларация", "хартия", "пакт", "кодекс", "закон", "меморандум",
                 "протокол"}


def _treaty_about(text: str, tokens: list[Token], head: int, joins) -> bool:
    """A treaty's head («Договор», «Конвенции») followed by «о»/«об» and a word in the prepositional."""
    if head + 2 >= len(tokens) or not joins(head + 1) or not joins(head + 2):
        return False
    if morphology.fold(tokens[head + 1].text) not in ("о", "об"):
        return False
    morph = morphology._analyzer()
    if not any(p.normal_form in _TREATY_HEADS for p in morph.parse(morphology.fold(tokens[head].text))[:2]):
        return False
    return any(p.tag.case == "loct" and p.tag.POS in ("NOUN", "ADJF") for p in
               morph.parse(morphology.fold(tokens[head + 2].text)))


def _about_phrase_end(tokens: list[Token], k: int, limit: int, joins) -> int:
    """The last word of «о всеобъемлющем запрещении ядерных испытаний» (k at «о»): adjectives and
    nouns in the prepositional, then in the genitive; the phrase ends on a noun."""
    morph = morphology._analyzer()
    last = k - 1
    j = k + 1
    while j < limit and joins(j):
        parses = morph.parse(morphology.fold(tokens[j].text))
        # «и» joins two things the document is about («о недрах и недропользовании»), not a second
        # document («о земле и Закона о банках»); («и», «о» are letters' names to the dictionary
        # too, indeclinable nouns in every case)
        if morphology.fold(tokens[j].text) == "и" and j + 1 < limit and joins(j + 1) \
                and tokens[j + 1].text[:1].islower():
            j += 1
            continue
        if parses[0].tag.POS in ("CONJ", "PREP") or \
                not any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("loct", "gent") for p in parses):
            break
        if any(p.tag.POS == "NOUN" for p in parses[:2]):
            last = j
        j += 1
    return last


# the adjectives that open bodies' names: Kazakh relative adjectives («Ұлттық», «Халықаралық»,
# «Мемлекеттік», «Еуропалық») and Russian full adjectives («Национальный», «Международной»)
_KK_ADJECTIVE = re.compile(r"(?:лық|лік|дық|дік|тық|тік)$")
_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)")
# a word in the plural, with its possessive and case after the plural ending (not «федерациясы»)
_KK_PLURAL_WORD = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?(?:н|ң|ның|нің|на|не|нда|нде|нан|нен|мен|дың|дің|"
                             r"ға|ге|да|де|дан|ден|ды|ді)?$")


# (a short name: a longer run from a sentence's first word is a clause, «Жылдық аулау көлемін …
# асырмау қордың …»)
_OPENING_NAME_WORDS = 4
_COUNT = re.compile(r"\d{1,3}")
_KK_RESEARCH_BODY = re.compile(r"\w+(?:\s+[а-яәғқңөұүһі][\w-]*){0,4}?\s+ғылыми[-‐](?:зерттеу|өндірістік)\s+"
                               r"(?:институт|орталы)")
# A Russian body's field after its head noun: «Совет по исламским финансовым услугам», «Группа
# государств против коррупции», «Агентство по защите конкуренции»: adjectives and nouns up to a
# noun, no further than a few words, nothing that is a verb, a preposition or a conjunction.
_BODY_FIELD = {"по", "против"}
_BODY_FIELD_WORDS = 4


def _body_field_end(tokens: list[Token], k: int, limit: int, joins, last: int) -> int:
    end = last
    for j in range(k, limit):
        word = tokens[j].text
        if not joins(j) or not word[:1].islower() or any(
                morphology.russian_can_be(word, pos) for pos in ("PREP", "CONJ", "VERB", "INFN")):
            break
        if morphology.russian_can_be(word, "NOUN"):
            end = j
        elif not any(morphology.russian_can_be(word, pos) for pos in ("ADJF", "PRTF")):
            break
    return end


# Kinds that name a body after its quoted name («Ақжар» шаруа қожалығы, «Мектеп» баспасы) or a
# name inside a sentence («Чжунхуа шуцзюй баспасы»), but after a sentence's first words are
# common nouns («Экономикалық есептеулер шаруа қожалығының …», the calculations of a peasant farm)
_QUOTED_ONLY_KINDS = {"қожалығы", "бөбекжайы", "балабақшасы", "баспасы", "кеніші", "шахтасы"}


def _opens_a_body(word: str, lang: str) -> bool:
    if lang == "kk":
        return bool(_KK_ADJECTIVE.search(word.lower()))
    parses = morphology._analyzer().parse(morphology.fold(word))
    # (in the singular: «Международные организации» are no one body; and in the nominative, as
    # a body that opens a sentence is its subject: «Основную группу составили …» names a group of
    # patients, the object)
    return bool(parses) and parses[0].tag.POS == "ADJF" and parses[0].tag.number == "sing" and any(
        p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in parses[:3])


def _singular_head(word: str, lang: str) -> bool:
    if lang == "kk":
        return not _KK_PLURAL.search(word.lower())
    parses = morphology._analyzer().parse(morphology.fold(word))
    return any(p.tag.POS == "NOUN" and p.tag.number == "sing" for p in parses[:2])


def _cyrillic_names(text: str, lang: str, tokens: list[Token], covered: bytearray,
                    places: set[int] = frozenset()) -> list[tuple[int, int, str]]:
    out = []
    n = len(tokens)

    def joins(j: int) -> bool:
        w = tokens[j]
        return not covered[w.start] and _gap_ok(text, tokens[j - 1], w) and "," not in text[tokens[j - 1].end:w.start]

    for i, t in enumerate(tokens):
        if not _is_capitalised(t.text) or morphology.is_acronym(t.text) \
                or (covered[t.start] and t.start not in places):
            continue
        # a sentence's first word is capitalised whatever it is; an adjective of the kind that
        # opens a body's name may open one there too («Ұлттық … орталығы мен …», «Национальный
        # центр … провёл»), if the head is a body's, in the singular (checked below)
        opening = _sentence_initial(text, t.start)
        # a research institute's kind is written in lower case after what it studies, and such a
        # name opens a sentence as readily as any: «Мақта шаруашылығы ғылыми-зерттеу институты»
        research = lang == "kk" and bool(_KK_RESEARCH_BODY.match(text, t.start))
        if opening and not research and not _opens_a_body(t.text, lang):
            continue
        last = None
        if lang == "kk":
            for j in range(i + 1, min(i + _MAX_NAME_WORDS, n)):
                # (a count before the kind says how many, it names none: «… қалаларының 118 жобасы»)
                if not joins(j) or _is_capitalised(tokens[j].text) or _COUNT.fullmatch(tokens[j].text):
                    break
                # (a kind in the plural names no one body, «… МВт-тан асатын станциялар»: it is a
                # modifier of a kind further on, «Халықаралық музейлер кеңесі», or of no name)
                if _keyword_class([tokens[j].text], lang) and not _KK_PLURAL_WORD.search(tokens[j].text.lower()):
                    if not (opening and _QUOTED_ONLY_KINDS.intersection(morphology.text_keys(tokens[j].text, lang))):
                        last = j
                    break
        else:
            # adjectives, the head noun, then genitive modifiers ("и" only between two of them:
            # "Фонд развития науки и образования", not "декларации и данные")
            head = i
            while head < n - 1 and joins(head + 1) and any(
                    morphology.russian_can_be(tokens[head].text, pos) for pos in ("ADJF", "PRTF")):
                head += 1
            if not morphology.russian_can_be(tokens[head].text, "NOUN"):
                continue
            last = head
            k = head + 1
            if _treaty_about(text, tokens, head, joins):
                # a treaty is named by what it is about: «Договор о всеобъемлющем запрещении ядерных
                # испытаний», «Конвенции о киберпреступности»; not inside an organisation's name
                # («Организации по Договору о …» stays the organisation's)
                if i >= 1 and morphology.fold(tokens[i - 1].text) in ("по", "при"):
                    continue
                last = _about_phrase_end(tokens, k, min(i + _MAX_NAME_WORDS + 2, n), joins)
                k = n
            while k < min(i + _MAX_NAME_WORDS, n) and joins(k):
                word = tokens[k].text
                if morphology.fold(word) == "имени":
                    # "Институт химических наук имени А.Б. Бектурова": the name runs to the surname
                    named = _NAMED_AFTER.match(text, tokens[k].start)
                    if named:
                        last = next((x for x in range(k, n) if tokens[x].end >= named.end()), last)
                    break
                if morphology.fold(word) == "и":
                    if k == head + 1 or k + 1 >= n or not joins(k + 1) \
                            or not morphology.russian_genitive(tokens[k + 1].text):
                        break
                elif morphology.russian_genitive(word):
                    last = k
                else:
                    break
                k += 1
            if k < n and joins(k) and morphology.fold(tokens[k].text) in _BODY_FIELD \
                    and _keyword_class([tokens[head].text], lang) in _ORGANISATION_CLASSES:
                last = _body_field_end(tokens, k + 1, min(k + 1 + _BODY_FIELD_WORDS, n), joins, last)
        if last is not None and last > i:
            # a Russian name is what its head noun says, whatever its genitive modifiers name:
            # «Великая хартия университетов» is a charter, «Шкала … ассоциации университетов» a scale
            cls = (lang == "ru" and _keyword_class([tokens[head].text], lang)) or \
                _keyword_class([tok.text for tok in tokens[i:last + 1]], lang)
            # (a group names a body by what it is for, «Группа государств против коррупции»;
            # with adjectives alone it opens a sentence about a study's arm: «Экспериментальная
            # группа (n=48) занималась …», «Контрольная группа …»)
            if opening and lang == "ru" and last == head and morphology.fold(tokens[head].text) == "группа":
                continue
            if opening and not research and not (cls in _ORGANISATION_CLASSES and last - i < _OPENING_NAME_WORDS
                                and not any(c.isdigit() for c in text[t.start:tokens[last].end])
                                and _singular_head(tokens[head if lang == "ru" else last].text, lang)):
                continue
            if cls:
                out.append((t.start, tokens[last].end, cls))
    return out


# --------------------------------------------------------------------------- RDF


_N = ntriples.iri
_A, _PHRASE, _REFERENCE, _CONTEXT_CLASS = _N(RDF.type), _N(NIF.Phrase), _N(NIF.referenceContext), _N(NIF.Context)
_BEGIN, _END, _ANCHOR, _ENTITY = _N(NIF.beginIndex), _N(NIF.endIndex), _N(NIF.anchorOf), _N(ITSRDF.taIdentRef)
_IS_STRING, _SOURCE_URL, _LANGUAGE = _N(NIF.isString), _N(NIF.sourceUrl), _N(DCTERMS.language)
# xsd:integer, not NIF's range xsd:nonNegativeInteger: Oxigraph serves every integer type as
# xsd:integer, and what is validated before loading must be what is served.
_INT = str(XSD.integer)
_MENTIONS, _BUILDS_ON, _USES, _DISCUSSES = _N(DKG.mentions), _N(DKG.buildsOnTheory), _N(DKG.usesMethod), _N(DKG.discusses)


def context_iri(part: str, lang: str) -> str:
    """The NIF context of a part's text in one language: what a mention's offsets count in."""
    return f"{part}/text/{lang}"


def _context_lines(comp: ComponentText) -> list[str]:
    """The part's text in one language as a nif:Context (NIF wants the string its offsets count
    in; the store keeps one copy of the characters, which dkg:text states too)."""
    context, lit = _N(context_iri(comp.node, comp.lang)), ntriples.literal
    lines = [f"{context} {_A} {_CONTEXT_CLASS}", f"{context} {_IS_STRING} {lit(comp.text)}",
             f"{context} {_BEGIN} {lit('0', datatype=_INT)}",
             f"{context} {_END} {lit(str(len(comp.text)), datatype=_INT)}",
             f"{context} {_SOURCE_URL} {_N(comp.node)}"]
    if comp.lang in LANGUAGE:
        lines.append(f"{context} {_LANGUAGE} {_N(LANGUAGE[comp.lang])}")
    return lines


def _mention_lines(comp: ComponentText, m: Mention) -> list[str]:
    """One mention as a NIF string with a stable IRI, {component}/mention/{lang}/{start}-{end}:
    its offsets in its context, the words quoted and the entity, as N-Triples lines (a document
    has hundreds of them; see ntriples)."""
    node, lit = f"<{comp.node}/mention/{comp.lang}/{m.start}-{m.end}>", ntriples.literal
    return [
        f"{node} {_A} {_PHRASE}", f"{node} {_REFERENCE} {_N(context_iri(comp.node, comp.lang))}",
        f"{node} {_BEGIN} {lit(str(m.start), datatype=_INT)}", f"{node} {_END} {lit(str(m.end), datatype=_INT)}",
        f"{node} {_ANCHOR} {lit(m.exact)}", f"{node} {_ENTITY} {_N(m.entity)}",
    ]


def annotate(graph, components: list[ComponentText], *, work: rdflib.URIRef,
             source: rdflib.URIRef) -> list["Candidate"]:
    """Link every component text to the vocabularies; add mentions, work-level links and one
    NIF string per mention (in a NIF context per part and language) to `graph` (an `ntriples.Document`, or an rdflib graph); return
    the names the vocabularies do not know."""
    lex = lexicon()
    candidates: list[Candidate] = []
    lines: list[str] = []
    work_nt = _N(work)
    # names are found in the text with its two-script words folded into one (script_folding:
    # the same offsets); what is written out quotes the document's letters
    originals = [comp for comp in components if comp.text]
    # Kazakh in a Latin alphabet is read on its Cyrillic fold, its spans mapped back by offsets
    latin = _latin_readings(originals, lex)
    folded = [replace(comp, text=script_folding.fold(reading.text if reading else comp.text, comp.lang))
              for comp, reading in zip(originals, latin)]
    parts = [(comp, tokenize(comp.text)) for comp in folded]
    found = [find_mentions(comp.text, comp.lang, lex, tokens, kind=comp.kind) for comp, tokens in parts]
    # An abbreviation defined in one part ("the Central Asian region (CA)") names the entity in
    # every part of the same language.
    defined: dict[str, dict] = {}
    for (comp, _), mentions in zip(parts, found):
        for abbr, target in defined_abbreviations(comp.text, mentions).items():
            defined.setdefault(comp.lang, {}).setdefault(abbr, target)
    for idx, (comp, tokens) in enumerate(parts):
        if any(a in comp.text for a in defined.get(comp.lang, {})):
            found[idx] = find_mentions(comp.text, comp.lang, lex, tokens, defined[comp.lang], kind=comp.kind)
    named_in = [find_candidates(comp.text, comp.lang, comp.kind, mentions, tokens, lex)
                for (comp, tokens), mentions in zip(parts, found)]
    named_in = _classed_by_definition([comp for comp, _ in parts], named_in)
    for comp, (read, tokens), mentions, named, reading in zip(originals, parts, found, named_in, latin):
        node = _N(comp.node)
        named = _with_their_state(read.text, comp.lang, named, mentions)
        named, mentions = _named_after_a_person(read.text, comp.lang, named, mentions)
        named, mentions = body_conventions.treaties_of_bodies(read.text, comp.lang, tokens, named, mentions,
                                                              _ORGANISATION_CLASSES, _about_phrase_end)
        named, mentions = sports_clubs.clubs(read.text, named, mentions)
        # a name's language is told by the letters it was read in (a Latin-Kazakh name is Kazakh)
        language_of = {(s, e): _script_language(read.text[s:e], comp.lang) for s, e, _, _ in named}
        if reading is not None:
            mentions = [replace(m, start=a, end=b) for m in mentions for a, b in [reading.span(m.start, m.end)]]
            language_of = {reading.span(s, e): language for (s, e), language in language_of.items()}
            named = [(*reading.span(s, e), cls, reason) for s, e, cls, reason in named]
        if read.text != comp.text:
            mentions = [replace(m, exact=comp.text[m.start:m.end]) for m in mentions]
        # the state in "Закон Республики Казахстан «О …»" is part of the law's name, not a mention
        # and so is the head of state in «Послание Главы государства народу Казахстана от … «…»»
        # a code of a series or a range names a value of it, not the like-named tool: "SF7–SF12"
        series = _series_spans(read.text)
        if series:
            mentions = [m for m in mentions if (m.start, m.end) not in series]
        measures = [(s, e) for s, e, _, reason in named if reason in ("measure", "algorithm", "body's method")]
        if measures:   # the concept a named index measures is part of the index's name (as of an algorithm's)
            mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in measures)]
        # (and the «РК» of a building norm's code, «СНиП РК 3.01-01-2008», names no state of its own)
        docs = [(s, e, cls) for s, e, cls, reason in named if reason in ("self-named", "state's", "standard")]
        if docs:
            # (the President who gives an address stays a body: «послании Президента» names both, KEYS.md;
            # the union whose technical regulation it is, is part of its name as a state is of a law's)
            mentions = [m for m in mentions if not any(s <= m.start and m.end <= e and (
                m.cls == "State" or (m.cls == "InternationalOrganization" and cls == "Law")) for s, e, cls in docs)]
        if mentions:
            lines.extend(_context_lines(comp))
        for m in mentions:
            entity = _N(m.entity)
            lines.append(f"{node} {_MENTIONS} {entity}")
            lines.extend(_mention_lines(comp, m))
            if m.cls == "Theory" and comp.kind in THEORY_KINDS:
                lines.append(f"{work_nt} {_BUILDS_ON} {entity}")
            elif m.cls == "Method" and comp.kind in METHOD_KINDS:
                lines.append(f"{work_nt} {_USES} {entity}")
            elif m.cls not in CONCEPT_CLASSES and comp.kind in DISCUSSION_KINDS:
                lines.append(f"{work_nt} {_DISCUSSES} {entity}")
        for s, e, cls, reason in named:
            name = comp.text[s:e]
            candidates.append(Candidate(name, language_of[s, e], _context(comp.text, s, e), cls, reason,
                                        comp.node, comp.kind, source, work, s, e))
    if isinstance(graph, ntriples.Document):
        graph.add_lines(lines)
    else:
        graph.parse(data="".join(f"{line} .\n" for line in dict.fromkeys(lines)), format="nt")
    return candidates


def _latin_readings(comps: list[ComponentText], lex: Lexicon) -> list:
    """The Cyrillic reading of each part of a Kazakh work written in a Latin alphabet, None for
    each part of any other (see latin_kazakh_reading)."""
    kazakh = [i for i, comp in enumerate(comps) if comp.lang == "kk"]
    out = [None] * len(comps)
    if not kazakh:
        return out

    def known(word: str) -> bool:
        return any(m.start == 0 and m.end == len(word) for m in _find(word, "kk", lex, tokenize(word)))

    def matched(word: str) -> int:
        return max(map(len, morphology.text_keys(word, "kk") & _label_words(lex)), default=0)

    texts = [comps[i].text for i in kazakh]
    for i, reading in zip(kazakh, latin_kazakh_reading.readings(texts, known, matched)):
        out[i] = reading
    return out


_LABEL_WORDS: list = [None, frozenset()]   # the Kazakh trie they were read from, and the keys


def _label_words(lex: Lexicon) -> frozenset:
    """Every key of a word of the Kazakh labels (gathered once per compiled vocabulary)."""
    trie = lex.tries["kk"]
    if _LABEL_WORDS[0] is not trie:
        words, todo = set(), [trie]
        while todo:
            node = todo.pop()
            for key, child in node.items():
                if key != _END:
                    words.add(key)
                    todo.append(child)
        _LABEL_WORDS[:] = [trie, frozenset(words)]
    return _LABEL_WORDS[1]


# what stands between a state's name and its document's: spaces
_STATE_GAP = re.compile(r"[ \t\u00a0]+")


def _with_their_state(text: str, lang: str, named: list, mentions: list[Mention]) -> list:
    """A state's law, code or programme names its state: «Қазақстан Республикасының Жер кодексі»,
    «Бюджетный кодекс Республики Казахстан». A document found by its capitalised name takes in
    the state's name beside it (before it in Kazakh, after it in Russian), which is then no
    mention of its own, as it is none inside a document that names itself."""
    states = [m for m in mentions if m.cls == "State"]
    if not states or lang not in ("kk", "ru"):
        return named
    out = []
    for s, e, cls, reason in named:
        if lang == "kk" and reason == "capitalised" and cls in _ORGANISATION_CLASSES:
            # a state's body or institution opens with its state, declined or not: «Қазақстан
            # Республикасы Ұлттық музейінің», «Қазақстан Республикасының Ұлттық банкі»
            # (the state's formal name, of two words or more: «Солтүстік» alone is a word too)
            for m in states:
                if " " in m.exact.strip() and _STATE_GAP.fullmatch(text, m.end, s):
                    s, reason = m.start, "state's"
        if reason == "capitalised" and cls in INITIATIVE_KINDS:
            for m in states:
                if lang == "kk" and m.exact.endswith(("ның", "нің", "тың", "тің", "дың", "дің")) and \
                        _STATE_GAP.fullmatch(text, m.end, s):
                    s, reason = m.start, "state's"
                elif lang == "ru" and _STATE_GAP.fullmatch(text, e, m.start):
                    e, reason = m.end, "state's"
        out.append((s, e, cls, reason))
    return out


# Kazakh names an institution after a person before its name, as Russian does after it with
# «имени»: «Ы. Ақынов атындағы Ертіс педагогикалық институты», «Абай атындағы …», «Ахмет
# Байтұрсынұлы атындағы …». The name-giver is initials and a surname, one capitalised word, or a
# given name and a patronymic surname (a bare capitalised word before one could open a sentence).
_CAP = "[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]"
_NAMED_AFTER_KK = re.compile(
    rf"(?<![\w.])((?:{_CAP}\.\s?){{1,3}}{_CAP}[\w’'-]+|(?:{_CAP}[\w’'-]+\s+)?{_CAP}[\w’'-]*(?:ұлы|ұлының|қызы|ов|ев|ин|ова|ева|ина)"
    rf"|{_CAP}[\w’'-]+)\s+атындағы\s+$")


def _named_after_a_person(text: str, lang: str, named: list, mentions: list[Mention]) -> tuple[list, list[Mention]]:
    """An institution's name takes in the person it is named after and «атындағы» (the person
    inside is no candidate apart: the name cites them, as «имени А.Б. Бектурова» does)."""
    if lang != "kk" or "атындағы" not in text:
        return named, mentions

    def opener(s: int) -> int | None:
        m = _NAMED_AFTER_KK.search(text, max(0, s - 60), s)
        if not m or m.end() != s:
            return None
        words = m.group(1).split()
        if len(words) == 2 and "." not in words[0] and not people._given_cyrillic(words[0]):
            return m.start(1) + m.group(1).index(words[1])   # «Жұмыс Ақынов атындағы …»: the sentence's first word
        return m.start(1)

    out_mentions = []
    for m in mentions:
        start = opener(m.start) if m.cls not in _PLACE_CLASSES and m.cls in _ORGANISATION_CLASSES | {"ResearchInstitute"} else None
        out_mentions.append(replace(m, start=start, exact=text[start:m.end]) if start is not None else m)
    widened = []
    for s, e, cls, reason in named:
        start = opener(s) if cls in _ORGANISATION_CLASSES else None
        widened.append((s if start is None else start, e, cls, reason))
    spans = [(s, e) for s, e, cls, _ in widened if cls in _ORGANISATION_CLASSES] + [
        (m.start, m.end) for m in out_mentions if m.cls in _ORGANISATION_CLASSES | {"ResearchInstitute"}]
    # the person the name cites is part of it
    kept = [c for c in widened if not (c[2] == "Person" and any(a <= c[0] and c[1] <= b for a, b in spans))]
    return kept, out_mentions


# an abbreviation defined in parentheses after a name: "(CBAM)", "(KAZ ETS)", «(ДВЗЯИ)»
# (and after the words that say so: "(hereinafter – GDPR)", «(далее – НБРК)», «(бұдан әрі – ҰСБ)»)
_HEREINAFTER = r"(?:(?:hereinafter(?:\s+referred\s+to\s+as)?|далее|бұдан\s+әрі)\s*[–—-]?\s*)?"
_DEFINED_AFTER = re.compile(r"\s*\(\s*" + _HEREINAFTER + r"([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9\- ]{1,14})\s*\)")


# An acronym in brackets after words in lower case only, back to the clause's start, abbreviates a
# term, not a body's name: "return on assets (ROA)", «малый и средний бизнес (МСБ)», «двойная
# антитромбоцитарная терапия (ДАТТ)»; a body's name is capitalised, in Russian and Kazakh on its
# first word («Государственная комиссия по запасам … (ГКЗ)»).
# (after the words that say so too: «компримированном природном газе (далее – КПГ)»)
_BRACKETED_ACRONYM = re.compile(r"\(\s*" + _HEREINAFTER + r"([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9-]{1,9})\s*\)")
# the words before the bracket that must all be in lower case, and those that must hold no word for
# a body (a Russian body's name may keep its one capital further back: «Государственной комиссией
# по запасам полезных ископаемых (ГКЗ)»)
_TERM_CAPITALS = 4
_TERM_WORDS = 8
_CLAUSE_START = re.compile(r"[,;:.!?()«»“”\"\n]")
_SENTENCE_OPENERS = {"To", "The", "A", "An", "In", "We", "This", "Using", "By", "With", "For", "On",
                     "В", "Во", "Для", "С", "По", "На", "При"}


# a word for a body after the acronym, past one word in lower case: «… халықаралық қауымдастығы»
_BODY_WORD_AFTER = re.compile(r"(?:\s+[a-zа-яёәғқңөұүһі][\w-]*)?" + _ACRONYM_ORG_AFTER.pattern, re.I)


def _term_acronyms(text: str) -> set[str]:
    out = set()
    for m in _BRACKETED_ACRONYM.finditer(text):
        before = text[max(0, m.start() - 160):m.start()]
        words = _TOKEN.findall(_CLAUSE_START.split(before)[-1])[-_TERM_WORDS:]
        # (a sentence's first word among them is capitalised whatever it is: then it is no term, to be
        # safe, unless it is a word that opens sentences and no name: "To compare byte-pair encoding (BPE)";
        # a Russian or Kazakh body capitalises its first word only: «Казахстанский международный
        # арбитраж (КМА)»)
        if len(words) >= 3 and words[0] in _SENTENCE_OPENERS:
            words = words[1:]
        if len(words) >= 2 and all(not w[:1].isupper() for w in words[-_TERM_CAPITALS:]) and \
                _keyword_class(words, "en" if re.search("[A-Za-z]", words[-1]) else "ru") not in _ORGANISATION_CLASSES and \
                _keyword_class(words, "kk") not in _ORGANISATION_CLASSES and \
                _keyword_class(words[:-1] + [_KK_PLURAL_HEAD.sub(r"\1", words[-1])], "kk") not in _ORGANISATION_CLASSES:
            out.add(m.group(1))
    return out


# a Kazakh body's word in the plural ("микроқаржы ұйымдары (бұдан әрі – МҚҰ)": organisations of a kind)
_KK_PLURAL_HEAD = re.compile(r"(?:лар|лер|дар|дер|тар|тер)([ыі])$")


def _classed_by_definition(comps: list[ComponentText], named_in: list[list]) -> list[list]:
    """An unknown acronym a text defines for an unknown name ("the Carbon Border Adjustment
    Mechanism (CBAM)") is a name of the same kind, there and wherever else the document uses it
    in that language; one it defines for a term in lower case is no body's name anywhere in the
    document; otherwise the words around an acronym guess its class (often a body)."""
    defined: dict[tuple[str, str], str] = {}
    for comp, named in zip(comps, named_in):
        # of two names that end at the bracket, the inner one is abbreviated: «Шкала автономии
        # Северной ассоциации колледжей (NCA)» defines the association's acronym, not the scale's
        inner: dict[int, int] = {}
        for s, e, _, reason in named:
            if reason not in ("acronym", "person"):
                inner[e] = max(inner.get(e, s), s)
        for s, e, cls, reason in named:
            if reason == "acronym" and _defined_class(comp.text, s):
                # defined in brackets after the phrase it abbreviates (see _DEFINED_HEADS): the
                # same acronym is that kind of name wherever else the document uses it
                defined.setdefault((comp.lang, comp.text[s:e]), cls)
                continue
            if reason in ("acronym", "person") or inner[e] != s:
                continue
            tail = _DEFINED_AFTER.match(comp.text, e)
            if tail:
                for word in tail.group(1).split():
                    defined.setdefault((comp.lang, word), cls)
    # an acronym that spells a name the document writes in full elsewhere, a letter a word, is that
    # name's ("Institute of Smart Systems and Artificial Intelligence" … "the cluster of ISSAI")
    for comp, named in zip(comps, named_in):
        for s, e, cls, reason in named:
            words = _TOKEN.findall(comp.text[s:e])
            if reason == "capitalised" and len(words) >= 3:
                defined.setdefault((comp.lang, _initials(words)), cls)
    # (a name the text defines it for wins: «… на 2010–2014 годы (ГПФИИР)» is the programme's)
    terms = {(comp.lang, a) for comp in comps for a in _term_acronyms(comp.text)} - set(defined)
    # an acronym the words beside it call a technique in one part ("LSTM нейрондық желісі") is one
    # where it stands alone in another, which guessed a body for want of words (fifteenth corpus)
    # (called so by the words beside it, not by the section alone: «… БНС» in a methods statement is the bureau)
    # (or listed among tools a word beside the list names: «индексов FIB-4, NFS и APRI»)
    techniques = {(comp.lang, comp.text[s:e]) for comp, named in zip(comps, named_in)
                  for s, e, cls, reason in named if cls == "Method" and (
                      reason == "acronym" and (_ACRONYM_METHOD_AFTER.match(comp.text, e)
                                               or _ACRONYM_METHOD_BEFORE.search(comp.text[max(0, s - 40):s]))
                      or reason == "listed tool" and morphology.is_acronym(comp.text[s:e]))}
    bodies = {(comp.lang, comp.text[s:e]) for comp, named in zip(comps, named_in) for s, e, _, reason in named
              if reason == "acronym" and _BODY_WORD_AFTER.match(comp.text, e)}
    for key in techniques - bodies:
        defined.setdefault(key, "Method")
    if not defined and not terms:
        return named_in
    return [[(s, e, defined.get((comp.lang, comp.text[s:e]), cls) if reason == "acronym" else cls, reason)
             for s, e, cls, reason in named
             if not (reason == "acronym" and cls == "Organization" and (comp.lang, comp.text[s:e]) in terms
                     and not _BODY_WORD_AFTER.match(comp.text, e))]
            for comp, named in zip(comps, named_in)]


def candidate_name(name: str, lang: str) -> str:
    """The form a candidate is listed under: Russian and Kazakh names in the nominative, so that
    every inflected occurrence counts towards one candidate."""
    if lang in ("ru", "kk") and re.search("[А-Яа-яЁё]", name) and not morphology.is_acronym(name):
        if lang == "kk":
            return morphology.kazakh_nominative(name)
        return morphology.russian_nominative(name)
    return name


def candidate_iri(name: str, lang: str) -> URIRef:
    try:
        slug = slugify(candidate_name(name, lang))
    except ValueError:
        slug = "x"
    return URIRef(f"{CANDIDATE_BASE}{lang}/{slug}")


def candidates_graph(candidates: list[Candidate]) -> rdflib.Graph:
    """The curation queue: one dkg:Candidate per unknown name and language, with how often and
    where it occurs. Pass all of a build's candidates at once so the counts are corpus-wide."""
    graph = rdflib.Graph()
    graph.bind("dkg", DKG)
    groups: dict[URIRef, list[Candidate]] = defaultdict(list)
    for c in candidates:
        groups[candidate_iri(c.name, c.lang)].append(c)
    for iri, group in sorted(groups.items()):
        forms = [candidate_name(c.name, c.lang) for c in group]
        names = sorted(set(forms), key=lambda n: (-forms.count(n), n))
        # the most frequent class; between equals, the one suggested first (never the order of a
        # set, which changes with the process's hash seed)
        suggested = [c.suggested_class for c in group]
        classes = sorted(set(suggested), key=lambda k: (-suggested.count(k), suggested.index(k)))
        graph.add((iri, RDF.type, DKG.Candidate))
        graph.add((iri, RDFS.label, Literal(names[0], lang=group[0].lang)))
        graph.add((iri, DKG.suggestedClass, DKG[classes[0]]))
        graph.add((iri, DKG.occurrenceCount, Literal(len(group), datatype=XSD.integer)))
        graph.add((iri, DCTERMS.language, LANGUAGE.get(group[0].lang, Literal(group[0].lang))))
        for c in group:
            graph.add((iri, DKG.occursIn, c.work))
            graph.add((iri, DKG.foundIn, c.component))
            graph.add((iri, PROV.wasDerivedFrom, c.source))
        # every form as the texts write it (the label is the nominative), so that a quote in
        # the text can be found again from the candidate
        for written in sorted({c.name for c in group}):
            graph.add((iri, DKG.writtenForm, Literal(written, lang=group[0].lang)))
        for ctx in sorted({c.context for c in group})[:5]:
            graph.add((iri, DKG.context, Literal(ctx, lang=group[0].lang)))
    return graph
