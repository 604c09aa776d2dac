"""What a work's abstracts leave out, by kind of work.

A document that lacks a part still loads with what was found; the parts that none of the
work's translations gives are stated in the graph (`work dkg:lacks dkg:ProvisionsPart`), so
that SPARQL finds them, and summed up by the build.
"""
from __future__ import annotations

# part → the individual of dkg:WorkPart that names it (ontology/dkg.ttl)
PARTS = {
    "title": "TitlePart", "author": "AuthorPart", "specialty": "SpecialtyPart", "relevance": "RelevancePart",
    "object": "ObjectPart", "subject": "SubjectPart", "aim": "AimPart", "tasks": "TasksPart",
    "novelty": "NoveltyPart", "provisions": "ProvisionsPart", "keywords": "KeywordsPart",
}
# What an abstract of each kind of work is expected to give.
EXPECTED = {
    "dissertation": ("title", "author", "specialty", "relevance", "object", "subject", "aim", "tasks",
                     "novelty", "provisions"),
    "masters-thesis": ("title", "author", "relevance", "object", "subject", "aim", "tasks"),
    "bachelors-thesis": ("title", "author", "aim", "tasks"),
    "article": ("title", "author", "keywords"),
}
# Plain words for the build's report: "no provisions for defense".
WORDS = {
    "title": "title", "author": "author", "specialty": "specialty", "relevance": "relevance",
    "object": "research object", "subject": "research subject", "aim": "aim", "tasks": "research tasks",
    "novelty": "scientific novelty", "provisions": "provisions for defense", "keywords": "keywords",
}


def present(doc) -> set[str]:
    """The parts one parsed document gives."""
    known = getattr(doc, "parts", None)  # a summary (mappings/summary.py) keeps them
    if known is not None:
        return set(known)
    meta = doc.meta
    found = {k for k in ("relevance", "object", "subject", "aim") if doc.section_text(k).strip()}
    found |= {k for k in ("tasks", "novelty", "provisions") if doc.items.get(k)}
    if meta.title:
        found.add("title")
    if meta.author:
        found.add("author")
    if meta.specialty_code:
        found.add("specialty")
    if meta.keywords:
        found.add("keywords")
    return found


def missing(kind: str, members) -> list[str]:
    """The expected parts that no translation of the work gives, in the order of EXPECTED."""
    given = set().union(*(present(m) for m in members)) if members else set()
    return [part for part in EXPECTED.get(kind, ()) if part not in given]
