"""/status: what the curators need to know about the graph being served and the last rebuild.

HTML for browsers, JSON for everything else (the Accept header decides; `*/*` gets JSON):
the generation served and when it was built, its documents, works and triples, the documents
SHACL rejected, deprecated terms the data still uses, and the last rebuild attempts with the
problems that blocked one. Public and read-only, like the rest of the publishing routes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from dissertation_kg.server.endpoint.runtime import runtime
from dissertation_kg.server.store.location import StoreError

blueprint = Blueprint("status", __name__, template_folder="templates")


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
                                                 "ontology", "rejected", "warnings", "deprecations")})
        info["ontology_warnings"] = record.get("ontology_warnings", [])
        for key in ("seeds", "ontology"):  # a public page: the folder's name, not where the server keeps it
            if info.get(key):
                info[key] = Path(info[key]).name
        info["built_by"] = "dkg build or a rebuild"
        # The record says what was built; writes may have changed it since, so count the store
        # (once per generation and write).
        info["triples_built"] = info.get("triples")
        info["triples"] = _count(rt.stats(gen))
    else:
        # Not made by `dkg build`: count what is there (once per generation, in a query worker).
        stats = rt.stats(gen)
        info.update({"documents": sum(1 for g in stats["graphs"] if "/graph/source/" in g), "works": None,
                     "triples": _count(stats), "rejected": [], "warnings": [], "deprecations": [],
                     "ontology_warnings": [], "built_by": "unknown (no build record)"})
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
    best = request.accept_mimetypes.best_match(["application/json", "text/html"], default="application/json")
    if best == "text/html":
        response = Response(render_template("status.html", s=body, lang="en", alternates=[]),
                            mimetype="text/html")
    else:
        response = jsonify(body)
    response.headers["Vary"] = "Accept"
    response.headers["Cache-Control"] = "no-store"  # it changes with every rebuild attempt
    return response
