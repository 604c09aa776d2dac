"""/status: what the curators need to know about the graph being served and the last rebuild.

HTML for browsers, JSON for everything else (the Accept header decides; `*/*` gets JSON):
the generation served and when it was built, its documents, works and triples, the documents
rejected and why (encoding, language, structure, SHACL), the works loaded with parts missing, deprecated terms the data still uses, and the last rebuild attempts with the
problems that blocked one. Public and read-only, like the rest of the publishing routes.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, render_template, request
from markupsafe import Markup, escape

from dissertation_kg.mappings import gaps
from dissertation_kg.server.publishing.chrome import WORDS, chrome_words, page_language
from dissertation_kg.server.publishing.linked_data import LABEL_PROPERTIES, PREFIXES, pick_literal
from dissertation_kg.server.publishing.served import served
from dissertation_kg.server.endpoint.runtime import runtime
from dissertation_kg.server.store.location import StoreError

blueprint = Blueprint("status", __name__, template_folder="templates")
log = logging.getLogger(__name__)


# Why a document was rejected, by the reason the build records: the page's words (chrome.WORDS,
# in the reader's language on the HTML page), in English and without code marks in the JSON
_REASONS = {reason: WORDS[f"st_why_{reason}"]["en"].replace("`", "")
            for reason in ("encoding", "language", "structure", "manifest", "unreadable", "SHACL")}


def _rejections(rejected: list[dict] | None) -> list[dict]:
    """Each rejected document once, with why it was rejected; the problems without the file name
    the build prefixes them with (the page shows it once, above them)."""
    out = []
    for rej in rejected or []:
        source = rej["source"]
        problems = [p[len(source) + 2:] if p.startswith(source + ": ") else p for p in rej["problems"]]
        # Records written before reasons were kept: a shapes problem names a node, a mapper's does not.
        reason = rej.get("reason") or ("SHACL" if any(p.startswith("node ") for p in problems) else "structure")
        out.append({"source": source, "reason": reason, "why": _REASONS.get(reason, reason), "problems": problems})
    return out


# Who built the generation: the JSON's English text by the key of the page's words for it
BUILT_BY = {"st_built_by": "dkg build or a rebuild",
            "st_built_remote": "dkg build --store URL from another machine (no build record here)",
            "st_built_unknown": "unknown (no build record)"}
# What started a rebuild, as the rebuilder and /admin/reload record it, and the key of the page's
# words for it (a trigger not listed is shown as recorded)
TRIGGERS = {"edit": "st_trigger_edit", "sources changed while the server was stopped": "st_trigger_offline",
            "dkg reload (sources changed)": "st_trigger_reload", "dkg reload --rebuild": "st_trigger_force"}


def page_words(lang: str, parts: set[str]) -> dict[str, str]:
    """The page's words (chrome.WORDS), plus what the JSON records as English text (who built,
    what triggered a rebuild) and as part codes (what a work lacks, `parts`), keyed by that
    record so the template looks each up by the value it shows."""
    w = chrome_words(lang)
    w.update({f"built_by {text}": w[key] for key, text in BUILT_BY.items()})
    w.update({f"trigger {text}": w[key] for text, key in TRIGGERS.items()})
    w.update({f"part {code}": name for code, name in _part_names(parts, lang).items()})
    return w


def _part_names(codes: set[str], lang: str) -> dict[str, str]:
    """The ontology's names of these parts in `lang`, read from the served graph, not from
    dkg.ttl: /status is where a curator looks while the dkg.ttl being edited does not parse.
    A store that cannot answer leaves the codes as they are (the page still says what it can)."""
    iris = {PREFIXES["dkg"] + gaps.PARTS[code]: code for code in codes if code in gaps.PARTS}
    if not iris:
        return {}
    values = " ".join(f"<{iri}>" for iri in iris)
    props = " ".join(f"<{p}>" for p in LABEL_PROPERTIES[:2])
    found: dict[str, list[tuple[int, ox.Literal]]] = {}
    try:
        rows = served().store.query(f"SELECT ?s ?p ?l WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {props} }} "
                                    f"?s ?p ?l FILTER(isLiteral(?l)) }}", union_default_graph=True)
        for row in rows:
            found.setdefault(iris[row["s"].value], []).append((LABEL_PROPERTIES.index(row["p"].value), row["l"]))
    except (StoreError, OSError) as exc:
        log.warning("/status names the missing parts by their codes: the served graph did not answer (%s)", exc)
        return {}
    return {code: pick_literal([lit for _, lit in sorted(lits, key=lambda x: x[0])], lang).value
            for code, lits in found.items()}


_CODE_SPAN = re.compile(r"`([^`]+)`")


@blueprint.app_template_filter("code_spans")
def code_spans(text: str) -> Markup:
    """Messages and hints mark commands and file names with Markdown backticks: show them as
    <code>, everything else escaped. (Only code spans occur in them, so no Markdown library.)"""
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text))))


def _generation(rt, rebuilder) -> dict:
    try:
        gen = rt.state.current()
    except StoreError as exc:
        return {"name": None, "error": str(exc)}
    record = rebuilder.generation_record(gen.name) if rebuilder is not None else None
    info = {"name": gen.name, "writes": gen.revision,
            "built_at": dt.datetime.fromtimestamp(gen.modified, dt.timezone.utc).isoformat(timespec="seconds")}
    if record is not None:
        info.update({k: record.get(k) for k in ("built_at", "documents", "works", "triples", "cached", "seeds",
                                                 "ontology", "rejected", "warnings", "deprecations",
                                                 "path", "full_reason")})
        info["gaps"] = record.get("gaps", [])
        info["gap_counts"] = record.get("gap_counts", {})
        info["ontology_warnings"] = record.get("ontology_warnings", [])
        info["rejected"] = _rejections(info.get("rejected"))
        for key in ("seeds", "ontology"):  # a public page: the folder's name, not where the server keeps it
            if info.get(key):
                info[key] = Path(info[key]).name
        info["built_by"] = BUILT_BY["st_built_by"]
        info["triples_built"] = info.get("triples")
        if rt.config.remote:
            # Counting on the engine takes seconds, more while it loads the next build: the page
            # says what this machine knows (the build record) and asks the engine nothing more.
            info.update({"engine_generation": gen.name, "staging_generation": record.get("generation"),
                         "engine_load_seconds": record.get("engine_load_seconds")})
            if gen.revision:
                info["triples"] = None  # changed by writes since the build; not counted on the engine
        else:
            # The record says what was built; writes may have changed it since, so count the store
            # (once per generation and write).
            info["triples"] = _count(rt.stats(gen))
    elif rt.config.remote:
        # Not built from this machine: its graphs from the generation's manifest (one query per
        # generation), not a count over the whole engine.
        graphs = rt.state.generations.graphs(gen.name)
        info.update({"documents": sum(1 for g in graphs if "/graph/source/" in g), "works": None, "triples": None,
                     "rejected": [], "warnings": [], "deprecations": [], "gaps": [], "gap_counts": {},
                     "ontology_warnings": [], "engine_generation": gen.name,
                     "built_by": BUILT_BY["st_built_remote"]})
    else:
        # Not made by `dkg build`: count what is there (once per generation, in a query worker).
        stats = rt.stats(gen)
        info.update({"documents": sum(1 for g in stats["graphs"] if "/graph/source/" in g), "works": None,
                     "triples": _count(stats), "rejected": [], "warnings": [], "deprecations": [],
                     "gaps": [], "gap_counts": {},
                     "ontology_warnings": [], "built_by": BUILT_BY["st_built_unknown"]})
    return info


def _count(stats: dict) -> int:
    # the served default graph: the merge of the named graphs, or the default graph itself
    return stats["union"] or stats["default"]


@blueprint.route("/status", methods=["GET"])
def status():
    rt = runtime()
    rebuilder = current_app.extensions.get("dkg-rebuild")
    rebuild = rebuilder.status() if rebuilder is not None else None
    if rebuild is not None:
        rebuild = {k: (Path(v).name if k in ("seeds", "ontology") and isinstance(v, str) else v)
                   for k, v in rebuild.items()}
    body = {"generation": _generation(rt, rebuilder), "rebuild": rebuild}
    last = (body["rebuild"] or {}).get("last_attempt")
    if last and last.get("rejected"):
        last["rejected"] = _rejections(last["rejected"])
    best = request.accept_mimetypes.best_match(["application/json", "text/html"], default="application/json")
    if best == "text/html":
        lang = page_language()
        g = body["generation"]
        parts = set(g.get("gap_counts") or {}) | {p for gap in g.get("gaps") or [] for p in gap["lacks"]}
        response = Response(render_template("status.html", s=body, lang=lang, c=page_words(lang, parts), alternates=[]),
                            mimetype="text/html")
        response.headers["Content-Language"] = lang
    else:
        response = jsonify(body)
    response.headers["Vary"] = "Accept, Accept-Language"
    response.headers["Cache-Control"] = "no-store"  # it changes with every rebuild attempt
    return response
