"""A vocabulary entry read as a subject (a theory, method, actor, initiative, state…): its
names in the three languages, the works that mention it with the part that does and the words
around the mention, the entries mentioned in the same works (ranked by how many works they
share), and how many works mention it per year.

A work mentions an entry when one of its parts does (`?part dkg:mentions ?entry`, the linker's
Web Annotations give the words). `entity_view` answers None for anything no part mentions and
no vocabulary lists. The counts (works, parts, co-occurrence, years) come precomputed per
generation (`mentions.py`); only the entry's names and the quoted mentions of the works shown
are read per page.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from dissertation_kg.server.publishing.reader import charts
from dissertation_kg.server.publishing.reader.mentions import EntityFigures
from dissertation_kg.server.publishing.reader.sparql import DKG, iri, language_code, rows
from dissertation_kg.server.publishing.reader.words import language_name, word

LANGUAGES = ("en", "ru", "kk")
QUOTED_PARTS = 3  # parts of one work quoted with a snippet; the others are named
SNIPPET_CONTEXT = 80  # characters of prefix and suffix kept around a mention


def entity_view(store, entity: str, lang: str, labels: Callable[[set[str]], dict[str, str]],
                href: Callable[[str], str | None], figures: EntityFigures) -> dict | None:
    """`figures`: the entry's precomputed counts (mentions.figures(…)[entity])."""
    e = iri(entity)
    total_works = figures.total_works
    if not total_works and not _in_scheme(store, e):
        return None
    names = _names(store, e)
    # the works where it is mentioned most first (so ordered in the figures)
    shown = [w for w, _ in figures.works]
    works = [{"work": w, "parts": n} for w, n in figures.works]
    snippets = _snippets(store, e, _quoted_parts(store, e, shown), lang)
    cooccurring = figures.cooccurring
    per_year = [{"year": y, "count": n} for y, n in figures.per_year]
    undated = figures.undated

    chart = _year_chart(per_year)
    label = labels({w["work"] for w in works} | {o for o, _ in cooccurring} | {s["kind"] for v in snippets.values() for s in v})
    for w in works:
        w.update(href=href(w["work"]), title=label.get(w["work"]) or w["work"].rsplit("/", 1)[-1],
                 unquoted=max(0, w["parts"] - QUOTED_PARTS),
                 mentions=[dict(s, part=_capital(label.get(s["kind"], s["kind"].rsplit("#", 1)[-1])),
                                part_href=href(s["component"]))
                           for s in snippets.get(w["work"], [])])
    return {
        "names": [{"lang": l, "name": language_name(l, lang), "labels": names.get(l, [])} for l in LANGUAGES],
        "total_works": total_works,
        "works": works,
        "cooccurring": [{"iri": o, "href": href(o), "label": label.get(o) or o.rsplit("/", 1)[-1], "count": n}
                        for o, n in cooccurring],
        "per_year": per_year,
        "chart": chart,
        "plot": chart and {
            "id": "works-per-year-plot", "kind": "columns", "chart": chart, "title": word("works_per_year", lang),
            "desc": ", ".join(f"{p['year']}: {p['count']}" for p in per_year),
            "xtitle": word("year", lang), "ytitle": word("works", lang),
            "table": {"head": [word("year", lang), word("works", lang)],
                      "rows": [[str(p["year"]), str(p["count"])] for p in per_year]}},
        "undated": undated,
    }


def _names(store, e: str) -> dict[str, list[str]]:
    found = rows(store, f"""SELECT ?p ?l WHERE {{ {e} ?p ?l VALUES ?p {{ skos:prefLabel foaf:name rdfs:label skos:altLabel }} }}""")
    out: dict[str, list[str]] = defaultdict(list)
    # preferred names first, then the other names the linker also recognises
    for r in sorted(found, key=lambda r: r["p"].value.endswith("altLabel")):
        lit = r["l"]
        code = (getattr(lit, "language", None) or "").split("-")[0]
        if code in LANGUAGES and lit.value not in out[code]:
            out[code].append(lit.value)
    return out


def _in_scheme(store, e: str) -> bool:
    return bool(rows(store, f"SELECT ?s WHERE {{ {e} skos:inScheme ?s }} LIMIT 1"))


def _quoted_parts(store, e: str, works: list[str]) -> dict[str, str]:
    """part → work, for the first QUOTED_PARTS parts of each work that mention the entry."""
    if not works:
        return {}
    values = " ".join(iri(w) for w in works)
    by_work: dict[str, list[str]] = defaultdict(list)
    for r in rows(store, f"SELECT ?w ?c WHERE {{ VALUES ?w {{ {values} }} ?c dkg:componentOf ?w ; dkg:mentions {e} }}"):
        by_work[r["w"].value].append(r["c"].value)
    return {c: w for w, parts in by_work.items() for c in sorted(parts)[:QUOTED_PARTS]}


def _snippets(store, e: str, work_of: dict[str, str], lang: str) -> dict[str, list[dict]]:
    """One mention per part of each work, in the reader's language when the part has it.
    The parts are given (VALUES): starting from the entry's annotations instead would read all
    of them, thousands for a country (4 s on a 1,000-document store)."""
    if not work_of:
        return {}
    values = " ".join(iri(c) for c in work_of)
    found = rows(store, f"""SELECT ?c ?kind ?l ?exact ?prefix ?suffix WHERE {{
        VALUES ?c {{ {values} }}
        ?t oa:hasSource ?c . ?a oa:hasTarget ?t ; oa:hasBody {e} .
        ?t oa:hasSelector ?q . ?q oa:exact ?exact . OPTIONAL {{ ?q oa:prefix ?prefix }} OPTIONAL {{ ?q oa:suffix ?suffix }}
        OPTIONAL {{ ?t dcterms:language ?l }}
        OPTIONAL {{ ?c a ?kind FILTER(STRSTARTS(STR(?kind), "{DKG}") && ?kind != dkg:WorkComponent) }} }}""")
    best: dict[tuple[str, str], dict] = {}
    for r in found:
        code = language_code(r.get("l")) or ""
        key = (work_of[r["c"].value], r["c"].value)
        candidate = {"component": r["c"].value, "kind": r["kind"].value if "kind" in r else "", "lang": code,
                     "prefix": _tail(r["prefix"].value) if "prefix" in r else "",
                     "exact": r["exact"].value,
                     "suffix": _head(r["suffix"].value) if "suffix" in r else ""}
        old = best.get(key)
        if old is None or (old["lang"] != lang and code == lang):
            best[key] = candidate
    out: dict[str, list[dict]] = defaultdict(list)
    for (w, _), s in sorted(best.items()):
        out[w].append(s)
    return out


def _tail(text: str) -> str:
    # the space before the mention is kept: "towards the" + "humanization", not "thehumanization"
    space = " " if text[-1:].isspace() else ""
    text = " ".join(text.split())
    text = ("…" + text[-SNIPPET_CONTEXT:].split(" ", 1)[-1]) if len(text) > SNIPPET_CONTEXT else text
    return text + space


def _head(text: str) -> str:
    space = " " if text[:1].isspace() else ""
    text = " ".join(text.split())
    return space + ((text[:SNIPPET_CONTEXT].rsplit(" ", 1)[0] + "…") if len(text) > SNIPPET_CONTEXT else text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _year_chart(per_year: list[dict]) -> dict | None:
    if not per_year:
        return None
    years = list(range(per_year[0]["year"], per_year[-1]["year"] + 1))
    counts = {p["year"]: p["count"] for p in per_year}
    return charts.columns(years, [("", [counts.get(y, 0) for y in years])], height=220)
