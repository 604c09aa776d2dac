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


# `# Question@ru: …` beside the English `# Question: …`: a curator adds a question's titles in a
# text editor, next to the query; tools that read only the first comment line still get English.
_TITLE = re.compile(r"^#+\s*(?:question|q|cq)\s*\d*\s*(?:@(?P<lang>[A-Za-z]{2,3}))?\s*[:.]\s*(?P<title>.*)$",
                    re.IGNORECASE)


def question_titles(text: str, fallback: str) -> dict[str, str]:
    """The titles of one .rq file by language: "en" from its first comment line (the English
    question, with or without a `Question:` prefix), the others from `# Question@xx:` lines."""
    titles: dict[str, str] = {}
    english = None
    for line in text.splitlines():
        if not (line.startswith("#") and line.lstrip("#").strip()):
            continue
        found = _TITLE.match(line)
        if found and found["lang"]:
            if found["title"].strip():
                titles.setdefault(found["lang"].lower(), found["title"].strip())
        elif english is None:
            english = found["title"].strip() if found and found["title"].strip() else line.lstrip("#").strip()
    titles["en"] = english or titles.get("en") or fallback
    return titles


def competency_questions(directory: Path | None = None, lang: str = "en") -> list[dict]:
    """Every queries/*.rq file, titled in `lang` (else in English), read afresh on each call so
    queries added after start-up show up without a restart."""
    directory = directory or queries_dir()
    questions = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        titles = question_titles(text, path.stem)
        shown = lang if lang in titles else "en"
        questions.append({"id": path.stem, "title": titles[shown], "lang": shown, "query": text})
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
    resp = Response(render_template("ui.html", questions=competency_questions(lang=lang), endpoint=endpoint, local=local,
                                    lang=lang, alternates=[]), mimetype="text/html")
    resp.headers["Content-Language"] = lang
    resp.headers["Vary"] = "Accept-Language"  # the page's own words follow it
    return resp
