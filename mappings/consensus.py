"""One value where the shapes allow one, decided before any document is mapped.

Each document becomes its own named graph, and what is served as the default graph is their
merge. Nodes that several documents describe — a work's specialty, publications and
publication counts (every translation lists them), a specialty shared by many works — would
get one value from each document, and a merge that states two citation texts for one
publication, or two preferred labels in one language for one specialty (SKOS allows one),
fails the shapes although every document passes on its own. So the value is chosen here, from
the parsed documents, and the same way whatever order the files are read in.
"""
from __future__ import annotations

from collections import Counter

from .abstract import ParsedAbstract

LANGUAGE_ORDER = ("en", "ru", "kk")  # the tie-break wherever no document has a better claim


def _in_order(members: list[ParsedAbstract]) -> list[ParsedAbstract]:
    return sorted(members, key=lambda m: (LANGUAGE_ORDER.index(m.lang), m.source))


def specialty_code(members: list[ParsedAbstract]) -> str | None:
    """The work's specialty code: the one most of its translations give, ties to en, ru, kk.
    (A work has one discipline; a translation that misprints the code must not add a second.)"""
    codes = [m.meta.specialty_code for m in _in_order(members) if m.meta.specialty_code]
    if not codes:
        return None
    counts = Counter(codes)
    return max(codes, key=lambda c: (counts[c], -codes.index(c)))


def specialty_labels(works: list[list[ParsedAbstract]]) -> dict[tuple[str, str], str]:
    """(code, language) → the specialty's preferred label in that language, over the whole
    corpus: the spelling most documents in that language use, ties to the alphabetically first.
    The other spellings become skos:altLabel (SKOS: one skos:prefLabel per language)."""
    seen: dict[tuple[str, str], Counter] = {}
    for members in works:
        code = specialty_code(members)
        for m in members:
            if code and m.meta.specialty_code == code and m.meta.specialty_name:
                seen.setdefault((code, m.lang), Counter())[m.meta.specialty_name] += 1
    return {key: min(names, key=lambda n: (-names[n], n)) for key, names in seen.items()}


def publications(members: list[ParsedAbstract]) -> dict[int, object]:
    """Ordinal → the publication record every translation states for that list entry. The
    entry as the translation in the publication's own language lists it (an English article is
    cited best by the English abstract), else the first of en, ru, kk that lists it; its year,
    venue, pages and language come with it, so the merge has one of each."""
    chosen: dict[int, tuple] = {}
    for rank, m in enumerate(_in_order(members)):
        for pub in m.meta.publications:
            claim = (pub.language != m.lang, rank)
            if pub.ordinal not in chosen or claim < chosen[pub.ordinal][0]:
                chosen[pub.ordinal] = (claim, pub)
    return {n: pub for n, (_claim, pub) in sorted(chosen.items())}


def publication_counts(members: list[ParsedAbstract]) -> dict[str, int]:
    """Kind → the number of publications of that kind, from the first of en, ru, kk that
    counts it (one dkg:count per count node)."""
    counts: dict[str, int] = {}
    for m in _in_order(members):
        for kind, n in m.meta.publication_counts.items():
            counts.setdefault(kind, n)
    return counts
