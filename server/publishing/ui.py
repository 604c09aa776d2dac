"""The query page at `/`: YASGUI, served from this server, with the competency questions.

The YASGUI bundle is not in git; `npm ci && python scripts/install_assets.py` copies it into
server/static/vendor/ at set-up, so the page works offline and no CDN is ever contacted.
"""
from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, render_template, request

from dissertation_kg.server.publishing.chrome import page_language
from dissertation_kg.server.publishing.linked_data import ONTOLOGY_IRI
from dissertation_kg.mappings.resources import queries_dir
from dissertation_kg.server.publishing.served import base_iri
from dissertation_kg.server.endpoint.runtime import public_url

blueprint = Blueprint("ui", __name__, template_folder="templates",
                      static_folder="static", static_url_path="/assets")

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_FILES = ("vendor/yasgui/yasgui.min.js", "vendor/yasgui/yasgui.min.css")
INSTALL_COMMAND = "npm ci && python scripts/install_assets.py"


# Pages are built from data anyone could have put in the graph: scripts only from this server,
# no plugins, no framing. Styles may be inline (YASGUI injects them); the query page may call
# other SPARQL endpoints, as YASGUI lets its user choose one.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@blueprint.after_app_request
def _protective_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.mimetype == "text/html":
        csp = _CSP + ("; connect-src *" if request.path == "/" else "; connect-src 'self'")
        response.headers.setdefault("Content-Security-Policy", csp)
    return response


def competency_questions(directory: Path | None = None) -> list[dict]:
    """Every queries/*.rq file, titled by its first comment line, read afresh on each call so
    queries added after start-up show up without a restart."""
    directory = directory or queries_dir()
    questions = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title = next((line.lstrip("#").strip() for line in text.splitlines()
                      if line.startswith("#") and line.lstrip("#").strip()), path.stem)
        title = re.sub(r"^(question|q|cq)\s*\d*\s*[:.]\s*", "", title, flags=re.IGNORECASE) or title
        questions.append({"id": path.stem, "title": title, "query": text})
    return questions


def missing_assets() -> list[str]:
    return [f for f in VENDOR_FILES if not (STATIC_DIR / f).is_file()]


@blueprint.route("/")
def index():
    missing = missing_assets()
    if missing:
        body = render_template("ui_missing_assets.html", missing=missing, command=INSTALL_COMMAND,
                               lang=page_language(), alternates=[])
        return Response(body, status=503, mimetype="text/html")
    endpoint = public_url("sparql")
    # IRIs in results that this server dereferences open here, not at their (possibly
    # unreachable) home host.
    local = {base_iri(): request.script_root + "/", ONTOLOGY_IRI: request.script_root + "/ontology"}
    lang = page_language()
    resp = Response(render_template("ui.html", questions=competency_questions(), endpoint=endpoint, local=local,
                                    lang=lang, alternates=[]), mimetype="text/html")
    resp.headers["Content-Language"] = lang
    resp.headers["Vary"] = "Accept-Language"  # the page's own words follow it
    return resp
