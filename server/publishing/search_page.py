"""/search?q=: the full-text and concept search for people (HTML) and programs (JSON).

JSON when asked for (`?format=json`, or an Accept header that prefers it); HTML otherwise. The
index is the served generation's own (written by `dkg build`), so results follow a switch.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request

from dissertation_kg.server.publishing.chrome import page_language

from dissertation_kg.server.endpoint.runtime import runtime
from dissertation_kg.server.publishing.hit_reasons import part_name, why
from dissertation_kg.server.publishing.linked_data import href_for
from dissertation_kg.server.publishing.reader.words import language_name
from dissertation_kg.server.search import index as search_index

blueprint = Blueprint("search", __name__, template_folder="templates")
LANGS = ("en", "ru", "kk")
MAX_LIMIT = 100


def _wants_json() -> bool:
    fmt = request.args.get("format")
    if fmt:
        return fmt == "json"
    best = request.accept_mimetypes.best_match(["text/html", "application/json"], default="text/html")
    return best == "application/json"


def _int(name: str, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(request.args.get(name, default))))
    except ValueError:
        return default


@blueprint.route("/search", methods=["GET"])
def search():
    query = (request.args.get("q") or "").strip()
    lang = request.args.get("lang") if request.args.get("lang") in LANGS else None
    limit = _int("limit", 20, 1, MAX_LIMIT)
    offset = _int("offset", 0, 0, 10_000)
    as_json = _wants_json()
    results, error = None, None
    if query:
        try:
            index = search_index.for_generation(runtime().state.current().path)
            results = index.search(query, lang=lang, limit=limit, offset=offset)
        except search_index.IndexMissing as exc:
            error = str(exc)
    if as_json:
        if error:
            response = jsonify({"error": error})
            response.status_code = 503
        elif not query:
            response = jsonify({"error": "no query: add ?q=words (and optionally &lang=en|ru|kk&limit=N&offset=N)"})
            response.status_code = 400
        else:
            response = jsonify({"query": query, "lang": lang, "total": results.total, "offset": offset,
                                "took_ms": round(results.took_ms, 1), "hits": [h.as_dict() for h in results.hits]})
    else:
        hits = [(h, href_for(h.work)) for h in results.hits] if results else []
        response = Response(render_template("search.html", q=query, search_lang=lang, results=results, hits=hits,
                                            error=error, offset=offset, limit=limit, lang=page_language(), alternates=[],
                                            why=why, part_name=part_name, language_name=language_name),
                            status=503 if error else 200, mimetype="text/html")
    response.headers["Vary"] = "Accept, Accept-Language"
    return response
