"""A vocabulary entry read as a subject (a theory, method, actor, initiative, state…): its
names in the three languages, the works that mention it with the part that does and the words
around the mention, the entries mentioned in the same works (ranked by how many works they
share), and how many works mention it per year.

A work mentions an entry when one of its parts does (`?part dkg:mentions ?entry`, the linker's
Web Annotations give the words). `entity_view` answers None for anything no part mentions and
no vocabulary lists. The counts (works, parts, co-occurrence, years) come precomputed per
generation (`mentions.py`), with the words quoted around the mentions shown; only the entry's
names (and the labels shown) are read per page.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from dissertation_kg.server.publishing.reader import charts
from dissertation_kg.server.publishing.reader.mentions import QUOTED_PARTS, EntityFigures
from dissertation_kg.server.publishing.reader.sparql import iri, rows
from dissertation_kg.server.publishing.reader.words import language_name, word

LANGUAGES = ("en", "ru", "kk")
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
    works = [{"work": w, "parts": n} for w, n in figures.works]
    snippets = _snippets(figures, lang)
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


def _snippets(figures: EntityFigures, lang: str) -> dict[str, list[dict]]:
    """One mention per part quoted, in the reader's language when the part has it (the words
    were read once per generation, `mentions.py`)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for work, components in figures.quoted.items():
        for component in components:
            found = figures.quotes.get(component) or {}
            quotes = found.get("quotes") or []
            if not quotes:
                continue
            code, prefix, exact, suffix = next((q for q in quotes if q[0] == lang), quotes[0])
            out[work].append({
                "component": component, "kind": found.get("kind", ""), "lang": code,
                "prefix": _tail(prefix) if prefix else "", "exact": exact,
                "suffix": _head(suffix) if suffix else ""})
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
