"""The Flask application: the SPARQL endpoint and whatever pages other modules add."""
from __future__ import annotations

import importlib

from flask import Flask
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from dissertation_kg.server.endpoint.auth import _plain
from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.endpoint.runtime import Runtime
from dissertation_kg.server.store.location import StoreError

# Each module exposes `blueprint` (a flask.Blueprint). Add linked-data pages, VoID, dumps and
# the query UI (which owns "/") here; a module not written yet is skipped.
BLUEPRINT_MODULES = [
    "dissertation_kg.server.endpoint.protocol",   # /sparql
    "dissertation_kg.server.endpoint.graph_store",       # /store
    "dissertation_kg.server.endpoint.admin",             # /admin/reload, /admin/status
    "dissertation_kg.server.publishing.chrome",            # the header and footer words (no routes)
    "dissertation_kg.server.publishing.linked_data",       # /id/…, /graph/…, /ontology
    "dissertation_kg.server.publishing.void",              # /.well-known/void
    "dissertation_kg.server.publishing.dumps",             # /dumps/…
    "dissertation_kg.server.publishing.ui",                # / (YASGUI)
    "dissertation_kg.server.publishing.status",            # /status (served graph, rebuilds)
    "dissertation_kg.server.publishing.search_page",       # /search (full-text and concept search)
    "dissertation_kg.server.publishing.reader.statistics",  # /statistics (the graph in plots)
]

# Browsers and federation engines (Comunica, YASGUI on another origin) call these directly.
_CORS_RESOURCES = [r"/sparql", r"/sparql/", r"/store", r"/store/*"]
_EXPOSED_HEADERS = ["Content-Type", "Content-Length", "ETag", "Last-Modified", "Location",
                    "Retry-After", "Vary", "WWW-Authenticate", "X-Query-Lane"]


def create_app(config: ServerConfig | None = None) -> Flask:
    config = config or ServerConfig.from_env()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.config["MAX_FORM_MEMORY_SIZE"] = config.max_body_bytes
    app.config["DKG_CONFIG"] = config
    app.extensions["dkg"] = Runtime(config)
    for name in BLUEPRINT_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        app.register_blueprint(module.blueprint)
    from dissertation_kg.server.curation.rebuild import attach as attach_rebuilder  # the curators' loop: rebuild on edits

    attach_rebuilder(app, config)
    CORS(app, resources={r: {} for r in _CORS_RESOURCES}, origins="*",
         methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
         allow_headers=["Content-Type", "Accept", "Authorization", "If-None-Match", "If-Modified-Since"],
         expose_headers=_EXPOSED_HEADERS, max_age=86400)

    @app.errorhandler(HTTPException)
    def _plain_http_error(exc: HTTPException):
        hints = {
            404: "nothing here; the SPARQL endpoint is /sparql and the graph store /store",
            405: "this method is not allowed here; /sparql takes GET and POST",
            413: f"the request body is larger than the {config.max_body_bytes} byte limit; "
                 "split the data or raise --max-body-bytes / DKG_MAX_BODY_BYTES",
        }
        response = _plain(exc.code or 500, hints.get(exc.code, exc.description or exc.name))
        if exc.code == 405 and getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return _plain_http_error(exc)
        app.logger.exception("unexpected error")
        return _plain(500, f"the server failed unexpectedly ({type(exc).__name__}); the details are in "
                           "its log. Retry, and report it if it persists")

    @app.errorhandler(StoreError)
    def _store_missing(exc: StoreError):
        return _plain(503, str(exc), **{"Retry-After": "30"})

    return app
