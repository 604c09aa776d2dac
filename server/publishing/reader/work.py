"""A work read as the dissertation it describes (Scholia and ORKG are the models): who, what
degree, which specialty and institution, when, in which languages; then its provisions for
defense, tasks and novelty points in order, each with its text in every language of the work
side by side; the theories, methods, actors and initiatives it names; its publications.

`work_view` answers None for a resource that is not a work, so the caller shows the raw
statements alone.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

from dissertation_kg.server.publishing.reader.sparql import (
    DKG, WORK_CLASSES, integer, iri, language_code, rows)
from dissertation_kg.server.publishing.reader.words import language_name

LANGUAGE_ORDER = ("kk", "ru", "en")  # the order of the columns: as the abstracts are printed

# Numbered parts, in the order an abstract gives them.
NUMBERED = (("provisions", "hasProvision"), ("tasks", "hasTask"), ("novelty", "hasNoveltyPoint"))
# One-per-work parts, in the order an abstract gives them; headed by their class's label.
SINGLE = ("hasGeneralDescription", "hasRelevance", "hasStateOfResearch", "hasResearchObject", "hasResearchSubject",
          "hasAim", "hasHypothesis", "hasTheoreticalBasis", "hasSourceBase", "hasResearchScope",
          "hasMethodsStatement", "hasIntroduction", "hasResultsAndDiscussion", "hasMainResults",
          "hasNoveltyJustification", "hasPriorityAlignment", "hasSignificance", "hasReliabilityStatement",
          "hasCompletenessAssessment", "hasAuthorContribution", "hasApprobation", "hasPublicationsStatement",
          "hasStructureStatement",
          "hasContentSummary", "hasConclusion", "hasListIntroduction")
CONCEPTS = (("theories", "buildsOnTheory"), ("methods", "usesMethod"), ("actors", "discusses"))


def work_view(store, work: str, lang: str, labels: Callable[[set[str]], dict[str, str]],
              href: Callable[[str], str | None]) -> dict | None:
    w = iri(work)
    facts = rows(store, f"""SELECT ?p ?o WHERE {{ {w} ?p ?o
        VALUES ?p {{ rdf:type dcterms:title dcterms:creator bibo:degree fabio:hasDiscipline dkg:institution
                    dkg:department dkg:lacks dkg:buildsOnTheory dkg:usesMethod dkg:discusses }} }}""")
    kinds = [r["o"].value for r in facts if r["p"].value.endswith("#type")
             and r["o"].value in {DKG + c.split(":")[1] for c in WORK_CLASSES.split()}]
    if not kinds:
        return None
    by_property: dict[str, list] = defaultdict(list)
    for r in facts:
        by_property[r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]].append(r["o"])

    languages = _languages(store, w)
    parts = _parts(store, w)
    authors = _authors(store, w) or sorted(t.value for t in by_property["creator"])
    entities = {key: sorted({t.value for t in by_property[prop]}) for key, prop in CONCEPTS}
    initiatives = set(_initiatives(store, w))
    entities["initiatives"] = sorted(e for e in entities["actors"] if e in initiatives)
    entities["actors"] = [e for e in entities["actors"] if e not in initiatives]
    publications = _publications(store, w)
    counts = _counts(store, w)
    specialty = [t.value for t in by_property["hasDiscipline"]]
    notations = _notations(store, specialty)

    named = set(authors) | set(specialty) | {c["kind"] for c in counts} | {p["kind"] for p in parts["single"]}
    for key in ("degree", "institution", "department", "lacks", "type"):
        named |= {t.value for t in by_property[key]}
    for values in entities.values():
        named |= set(values)
    names = labels(named)

    def link(value: str) -> dict:
        return {"iri": value, "href": href(value), "label": names.get(value) or value.rsplit("/", 1)[-1]}

    titles = {t.language: t.value for t in by_property["title"] if t.language}
    # the abstracts' languages, and any other a part's text is in (a language the mapper did not record)
    languages = set(languages) | {l for group in parts["numbered"].values() for item in group for l in item["texts"]}
    columns = [l for l in LANGUAGE_ORDER if l in languages] + sorted(languages - set(LANGUAGE_ORDER))
    return {
        "title": titles.get(lang) or next((titles[l] for l in columns if l in titles), None),
        "titles": [{"lang": l, "text": titles[l]} for l in columns if l in titles and l != lang],
        "kinds": [names.get(k, k.rsplit("#", 1)[-1]) for k in kinds],
        "authors": [link(a) for a in authors],
        "degree": [link(t.value) for t in by_property["degree"]],
        "specialty": [dict(link(s), notation=notations.get(s)) for s in specialty],
        "institution": [link(t.value) for t in by_property["institution"]],
        "department": [link(t.value) for t in by_property["department"]],
        "year": max((p["year"] for p in publications if p["year"]), default=None),
        "languages": [{"code": l, "name": language_name(l, lang)} for l in columns],
        "columns": [{"code": l, "name": language_name(l, lang)} for l in columns],
        "numbered": [{"key": key, "items": _side_by_side(parts["numbered"][key], columns)}
                     for key, _ in NUMBERED if parts["numbered"][key]],
        "single": [{"heading": _capital(names.get(p["kind"], "")), "texts": [p["texts"].get(l) for l in columns]}
                   for p in parts["single"]],
        "entities": {key: [link(e) for e in sorted(values, key=lambda v: (names.get(v) or v).lower())]
                     for key, values in entities.items()},
        "publications": publications,
        "counts": [{"kind": names.get(c["kind"], c["kind"].rsplit("#", 1)[-1]), "count": c["count"]} for c in counts],
        "gaps": sorted(names.get(t.value) or t.value.rsplit("#", 1)[-1] for t in by_property["lacks"]),
    }


def _languages(store, w: str) -> list[str]:
    found = rows(store, f"SELECT DISTINCT ?l WHERE {{ {w} dkg:hasAbstract ?a . ?a dcterms:language ?l }}")
    return [c for c in (language_code(r.get("l")) for r in found) if c]


def _parts(store, w: str) -> dict:
    props = " ".join(f"dkg:{p}" for _, p in NUMBERED) + " " + " ".join(f"dkg:{p}" for p in SINGLE)
    found = rows(store, f"""SELECT ?p ?c ?n ?text ?kind WHERE {{
        {w} ?p ?c . VALUES ?p {{ {props} }}
        OPTIONAL {{ ?c dkg:ordinal ?n }} OPTIONAL {{ ?c dkg:text ?text }}
        OPTIONAL {{ ?c a ?kind FILTER(STRSTARTS(STR(?kind), "{DKG}")
                                   && ?kind NOT IN (dkg:WorkComponent, dkg:ListIntroduction)) }} }}""")
    numbered: dict[str, dict[str, dict]] = {key: {} for key, _ in NUMBERED}
    single: dict[str, dict] = {}
    prop_key = {p: key for key, p in NUMBERED}
    for r in found:
        prop = r["p"].value[len(DKG):]
        component = r["c"].value
        if prop in prop_key:
            entry = numbered[prop_key[prop]].setdefault(component, {"ordinal": integer(r.get("n")), "texts": {}})
        else:
            entry = single.setdefault(component, {"prop": prop, "kind": r["kind"].value if "kind" in r else "",
                                                  "texts": {}})
        text = r.get("text")
        if text is not None and text.language:
            entry["texts"][text.language] = text.value
    ordered_single = sorted(single.values(), key=lambda e: SINGLE.index(e["prop"]))
    return {"numbered": {k: sorted(v.values(), key=lambda e: (e["ordinal"] is None, e["ordinal"] or 0))
                         for k, v in numbered.items()},
            "single": ordered_single}


def _side_by_side(items: list[dict], columns: list[str]) -> list[dict]:
    return [{"ordinal": item["ordinal"], "texts": [item["texts"].get(l) for l in columns]} for item in items]


def _authors(store, w: str) -> list[str]:
    found = rows(store, f"""SELECT ?p (MIN(?n) AS ?first) WHERE {{
        {w} prov:qualifiedAttribution ?a . ?a prov:agent ?p . OPTIONAL {{ ?a dkg:ordinal ?n }} }} GROUP BY ?p""")
    return [r["p"].value for r in sorted(found, key=lambda r: integer(r.get("first")) or 0)]


def _initiatives(store, w: str) -> list[str]:
    found = rows(store, f"""SELECT DISTINCT ?e WHERE {{ {w} dkg:discusses ?e .
        {{ ?e a dkg:Initiative }} UNION {{ ?e skos:inScheme ?s FILTER(STRENDS(STR(?s), "/scheme/initiatives")) }} }}""")
    return [r["e"].value for r in found]


def _publications(store, w: str) -> list[dict]:
    found = rows(store, f"""SELECT ?p ?n ?text ?year ?venue ?pages WHERE {{ {w} dkg:hasPublication ?p .
        OPTIONAL {{ ?p dkg:ordinal ?n }} OPTIONAL {{ ?p dkg:citationText ?text }}
        OPTIONAL {{ ?p dcterms:issued ?year }} OPTIONAL {{ ?p dkg:venue ?venue }} OPTIONAL {{ ?p bibo:pages ?pages }} }}""")
    pubs: dict[str, dict] = {}
    for r in found:
        year = r.get("year")
        pubs.setdefault(r["p"].value, {
            "ordinal": integer(r.get("n")), "text": r["text"].value if "text" in r else "",
            "year": int(year.value[:4]) if year is not None and re.match(r"\d{4}", year.value) else None,
            "venue": r["venue"].value if "venue" in r else None})
    return sorted(pubs.values(), key=lambda p: (p["ordinal"] is None, p["ordinal"] or 0))


def _counts(store, w: str) -> list[dict]:
    found = rows(store, f"""SELECT ?kind (MAX(?n) AS ?count) WHERE {{ {w} dkg:hasPublicationCount ?c .
        ?c dkg:publicationKind ?kind ; dkg:count ?n }} GROUP BY ?kind""")
    # the total first, then the largest
    out = [{"kind": r["kind"].value, "count": integer(r.get("count")) or 0} for r in found]
    return sorted(out, key=lambda c: (not c["kind"].endswith("TotalPublications"), -c["count"], c["kind"]))


def _notations(store, specialties: list[str]) -> dict[str, str]:
    if not specialties:
        return {}
    values = " ".join(iri(s) for s in specialties)
    found = rows(store, f"SELECT ?s ?code WHERE {{ VALUES ?s {{ {values} }} ?s skos:notation ?code }}")
    return {r["s"].value: r["code"].value for r in found}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
