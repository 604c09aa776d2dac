"""/statistics: the graph in plots — works per year by specialty, theories over time, the
actors discussed together most often, the share of works per language.

Each plot is the answer to one SPARQL query over the served store (shown under the plot, so a
reader can run it at /sparql), drawn as SVG on the server with its figures as a table beside it.
The queries' answers are kept in memory per store generation (three seconds of aggregates at
10,000 documents, asked again by every view until now): a new generation, or a write to one,
changes the tag and so the answers; over a bare remote URL (no generation to key by) they are
kept for REMOTE_TTL seconds. Labels are read per view, in the reader's language.
"""
from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from flask import Blueprint, Response, render_template

from dissertation_kg.server.publishing.linked_data import href_for, labels_for, _lang
from dissertation_kg.server.publishing.reader import charts
from dissertation_kg.server.publishing.reader.sparql import WORK_CLASSES, WORK_YEAR, integer, language_code, rows
from dissertation_kg.server.publishing.reader.words import language_name, word, words
from dissertation_kg.server.publishing.served import readable_from_any_origin, served, warm_on_open

blueprint = Blueprint("statistics", __name__, template_folder=str(Path(__file__).parent.parent / "templates"))
blueprint.after_request(readable_from_any_origin)

SPECIALTIES_SHOWN = 7   # the rest are summed as "other": more colours than this cannot be told apart
THEORIES_SHOWN = 12
PAIRS_SHOWN = 15
REMOTE_TTL = 300.0

WORKS_BY_YEAR_AND_SPECIALTY = f"""SELECT ?year ?specialty (COUNT(DISTINCT ?w) AS ?works) WHERE {{
  ?w a ?kind . VALUES ?kind {{ {WORK_CLASSES} }}
  OPTIONAL {{ ?w fabio:hasDiscipline ?specialty }}
  OPTIONAL {WORK_YEAR}
}} GROUP BY ?year ?specialty"""

THEORIES_BY_YEAR = f"""SELECT ?theory ?year (COUNT(DISTINCT ?w) AS ?works) WHERE {{
  ?w dkg:buildsOnTheory ?theory .
  {WORK_YEAR}
}} GROUP BY ?theory ?year"""

ACTOR_PAIRS = f"""SELECT ?a ?b (COUNT(DISTINCT ?w) AS ?works) WHERE {{
  ?w dkg:discusses ?a , ?b . FILTER(STR(?a) < STR(?b))
  ?a skos:inScheme ?sa . ?b skos:inScheme ?sb .
  FILTER(STRENDS(STR(?sa), "/scheme/actors") && STRENDS(STR(?sb), "/scheme/actors"))
}} GROUP BY ?a ?b ORDER BY DESC(?works) ?a ?b LIMIT {PAIRS_SHOWN}"""

WORKS_PER_LANGUAGE = """SELECT ?language (COUNT(DISTINCT ?w) AS ?works) WHERE {
  ?w dkg:hasAbstract ?abstract . ?abstract dcterms:language ?language
} GROUP BY ?language"""

ALL_WORKS = "SELECT (COUNT(DISTINCT ?w) AS ?works) WHERE { ?w dkg:hasAbstract ?abstract }"


def works_by_year_and_specialty(store) -> dict:
    """{(year, specialty IRI or None): works}; works without a year under year None."""
    return {(integer(r.get("year")), r["specialty"].value if "specialty" in r else None): integer(r["works"])
            for r in rows(store, WORKS_BY_YEAR_AND_SPECIALTY)}


def theories_by_year(store) -> dict:
    return {(r["theory"].value, integer(r["year"])): integer(r["works"]) for r in rows(store, THEORIES_BY_YEAR)}


def actor_pairs(store) -> list[tuple[str, str, int]]:
    return [(r["a"].value, r["b"].value, integer(r["works"])) for r in rows(store, ACTOR_PAIRS)]


def works_per_language(store) -> tuple[dict[str, int], int]:
    per = {language_code(r["language"]) or r["language"].value: integer(r["works"])
           for r in rows(store, WORKS_PER_LANGUAGE)}
    total = rows(store, ALL_WORKS)
    return per, integer(total[0]["works"]) if total else 0


def _specialty_plot(figures: dict, lang: str) -> dict:
    data = figures["specialties"]
    undated = sum(n for (year, _), n in data.items() if year is None)
    dated = {k: n for k, n in data.items() if k[0] is not None}
    years = list(range(min(y for y, _ in dated), max(y for y, _ in dated) + 1)) if dated else []
    per_specialty = Counter()
    for (_, s), n in dated.items():
        per_specialty[s] += n
    shown = [s for s, _ in per_specialty.most_common() if s is not None][:SPECIALTIES_SHOWN]
    names = labels_for({s for s in shown}, lang)
    notations = figures["notations"]
    series_values: dict[str, list[int]] = defaultdict(lambda: [0] * len(years))
    other = word("other", lang)
    for (year, s), n in dated.items():
        name = (f"{notations[s]} {names.get(s, '')}".strip() if s in notations else names.get(s, s)) if s in shown else other
        series_values[name][years.index(year)] += n
    order = [(f"{notations[s]} {names.get(s, '')}".strip() if s in notations else names.get(s, s)) for s in shown]
    series = [(name, series_values[name]) for name in order if name in series_values]
    if other in series_values:
        series.append((other, series_values[other]))
    chart = charts.columns(years, series)
    table = {"head": [word("year", lang)] + [name for name, _ in series] + [word("works", lang)],
             "rows": [[str(y)] + [str(v[i]) for _, v in series] + [str(chart["totals"][i])] for i, y in enumerate(years)]}
    return {"id": "works-by-specialty", "title": word("works_by_specialty", lang), "kind": "columns", "chart": chart,
            "table": table, "query": WORKS_BY_YEAR_AND_SPECIALTY, "undated": undated,
            "desc": f"{sum(chart['totals'])} {word('works', lang).lower()}, {years[0]}–{years[-1]}" if years else word("none", lang)}


def _theory_plot(figures: dict, lang: str) -> dict:
    data = figures["theories"]
    totals = Counter()
    for (t, _), n in data.items():
        totals[t] += n
    shown = [t for t, _ in totals.most_common(THEORIES_SHOWN)]
    names = labels_for(set(shown), lang)
    years = sorted({y for _, y in data}) if data else []
    years = list(range(years[0], years[-1] + 1)) if years else []
    label = {t: names.get(t) or t.rsplit("/", 1)[-1] for t in shown}
    cells = {(label[t], y): n for (t, y), n in data.items() if t in label}
    chart = charts.heatmap([label[t] for t in shown], years, cells)
    table = {"head": [word("theories", lang)] + [str(y) for y in years],
             "rows": [[label[t]] + [str(cells.get((label[t], y), 0)) for y in years] for t in shown],
             "links": [href_for(t) for t in shown]}
    return {"id": "theories-over-time", "title": word("theories_over_time", lang), "kind": "heatmap", "chart": chart,
            "table": table, "query": THEORIES_BY_YEAR,
            "desc": f"{len(shown)} {word('theories', lang).lower()}, {years[0]}–{years[-1]}" if years else word("none", lang)}


def _pairs_plot(figures: dict, lang: str) -> dict:
    pairs = figures["pairs"]
    names = labels_for({a for a, _, _ in pairs} | {b for _, b, _ in pairs}, lang)
    items = [(f"{names.get(a, a.rsplit('/', 1)[-1])} + {names.get(b, b.rsplit('/', 1)[-1])}", n) for a, b, n in pairs]
    chart = charts.bars(items, label_width=330)
    table = {"head": [word("pair", lang), word("shared_works", lang)], "rows": [[label, str(n)] for label, n in items]}
    return {"id": "actor-pairs", "title": word("actor_pairs", lang), "kind": "bars", "chart": chart, "table": table,
            "query": ACTOR_PAIRS, "desc": "; ".join(f"{label}: {n}" for label, n in items[:3]) or word("none", lang)}


def _language_plot(figures: dict, lang: str) -> dict:
    per, total = figures["languages"]
    order = [l for l in ("kk", "ru", "en") if l in per] + sorted(set(per) - {"kk", "ru", "en"})
    items = [(language_name(l, lang), round(100 * per[l] / total, 1) if total else 0) for l in order]
    chart = charts.bars(items, unit=" %", label_width=200)
    table = {"head": [word("language", lang), word("works", lang), word("share", lang)],
             "rows": [[language_name(l, lang), str(per[l]), f"{items[i][1]:g} %"] for i, l in enumerate(order)]}
    return {"id": "language-share", "title": word("language_share", lang), "kind": "bars", "chart": chart,
            "table": table, "query": WORKS_PER_LANGUAGE, "note": word("language_share_note", lang),
            "desc": "; ".join(f"{name}: {v:g} %" for name, v in items) or word("none", lang)}


def compute(store) -> dict:
    """The answers every view of /statistics draws from (no labels: those are per language)."""
    return {
        "specialties": works_by_year_and_specialty(store),
        "notations": {r["s"].value: r["code"].value
                      for r in rows(store, "SELECT ?s ?code WHERE { ?s a dkg:Specialty ; skos:notation ?code }")},
        "theories": theories_by_year(store),
        "pairs": actor_pairs(store),
        "languages": works_per_language(store),
    }


_held: dict[str, tuple[float, dict]] = {}
_held_lock = threading.Lock()
_computing = threading.Lock()  # a view arriving while the generation is warmed waits for that answer


@warm_on_open
def figures(target) -> dict:
    """compute() for the served generation: once per generation and process."""
    remote = target.artefacts is None
    key = f"remote {getattr(target.store, 'query_url', id(target.store))}" if remote else target.generation

    def held() -> dict | None:
        with _held_lock:
            found = _held.get(key)
            return found[1] if found is not None and (not remote or time.monotonic() - found[0] < REMOTE_TTL) else None

    found = held()
    if found is not None:
        return found
    with _computing:
        found = held()
        if found is not None:
            return found
        started = time.monotonic()
        found = compute(target.store)
        with _held_lock:
            if not remote:  # only the current generation's answers are asked for again
                for old in [k for k in _held if not k.startswith("remote ")]:
                    del _held[old]
            _held[key] = (started, found)
    return found


@blueprint.route("/statistics")
def statistics():
    lang = _lang()
    found = figures(served())
    plots = [_specialty_plot(found, lang), _theory_plot(found, lang), _pairs_plot(found, lang),
             _language_plot(found, lang)]
    for p in plots:
        p.update(xtitle=word("year", lang), ytitle=word("works", lang))
    body = render_template("statistics.html", plots=plots, w=words(lang), lang=lang, languages=["en", "ru", "kk"],
                           alternates=[])
    resp = Response(body, mimetype="text/html")
    resp.headers["Content-Language"] = lang
    resp.headers["Vary"] = "Accept-Language"
    return resp
