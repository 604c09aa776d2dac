"""A remote SPARQL engine spoken to over the SPARQL 1.1 Protocol and the Graph Store Protocol.

Written against what engines really do, not only the letter of the protocol:
- GET for short queries, form POST for long ones and as the fallback when GET is refused
  (Virtuoso never answers a POST of `application/sparql-query`);
- Accept chosen by the query form (results for SELECT/ASK, RDF for CONSTRUCT/DESCRIBE);
- Basic, Digest (Virtuoso's authenticated endpoints) and Bearer credentials, TLS with a CA bundle;
- the engine's own error text reaches the caller with an HTTP status that fits it;
- the engine's own time limit where it has one (Virtuoso: `timeout` in ms), and the request is
  abandoned client-side at the same limit;
- row caps detected (Virtuoso's `X-SPARQL-MaxRows`, its partial "anytime" answers, or a result
  exactly at a configured cap) and raised as an error: never a silently truncated answer.

`requests` does the HTTP (Digest authentication, TLS, keep-alive): urllib would need a
hand-written Digest retry and connection reuse.
"""
from __future__ import annotations

import http.client
import re
import threading
import time
import urllib.parse

import pyoxigraph as ox
import requests

from dissertation_kg.server.store.location import StoreError
from dissertation_kg.server.store.spec import RemoteSpec

VIRTUOSO_DEFAULT_MAX_ROWS = 10000  # ResultSetMaxRows in Debian's virtuoso.ini
GET_LIMIT = 2000
DEADLOCK_RETRIES = 5
WRITE_TIMEOUT = 600.0  # seconds a load request may take (loading is not bound by the query limit)

# Virtuoso echoes every dataset parameter as a response header (X-SPARQL-named-graph: …), so a
# query over a generation of a few hundred documents gets hundreds of headers; http.client
# refuses more than 100 by default, process-wide, and offers this module constant as the knob.
http.client._MAXHEADERS = max(getattr(http.client, "_MAXHEADERS", 100), 100_000)  # longest GET URL; past it (or when GET is refused) the query goes as form POST

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, text/plain;q=0.4"

_RDF_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}

# The query form: the first of these keywords outside the prologue. Comments, IRIs and strings
# are blanked first so that a `#` or a keyword inside them does not count.
_NOISE = re.compile(r'#[^\n]*|<[^<>\s]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.DOTALL)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(sparql: str) -> str:
    match = _FORM.search(_NOISE.sub(" ", sparql))
    return match.group(1).upper() if match else "SELECT"


class EngineError(StoreError):
    """The engine refused or failed a request; `status` is the HTTP status to pass on."""

    def __init__(self, message: str, status: int = 502):
        super().__init__(message)
        self.status = status


class RowCapError(EngineError):
    def __init__(self, message: str):
        super().__init__(message, 502)


def _media(resp) -> str:
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower()


class RemoteEngine:
    """HTTP to one engine: queries, updates and Graph Store requests with its credentials."""

    def __init__(self, spec: RemoteSpec):
        self.spec = spec
        self._local = threading.local()
        self._engine = spec.engine

    # ------------------------------------------------------------------ connection

    @property
    def session(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = requests.Session()
            spec = self.spec
            auth = spec.auth or ("basic" if spec.user else ("bearer" if spec.token else None))
            if auth == "basic":
                s.auth = requests.auth.HTTPBasicAuth(spec.user or "", spec.password or "")
            elif auth == "digest":
                s.auth = requests.auth.HTTPDigestAuth(spec.user or "", spec.password or "")
            elif auth == "bearer":
                s.headers["Authorization"] = f"Bearer {spec.token or spec.password or ''}"
            if spec.ca == "insecure":
                s.verify = False
            elif spec.ca:
                s.verify = spec.ca
            self._local.session = s
        return s

    def _send(self, method: str, url: str, *, timeout: float | None = None, **kwargs):
        limit = timeout or self.spec.timeout
        try:
            resp = self.session.request(method, url, timeout=(min(10.0, limit), limit), **kwargs)
        except requests.exceptions.Timeout:
            raise EngineError(f"the SPARQL engine at {url} did not answer within {limit:g} s; the request was "
                              "abandoned. Simplify the query or raise the time limit", 504) from None
        except requests.exceptions.SSLError as exc:
            raise EngineError(f"TLS with {url} failed ({exc}); give the engine's CA bundle in DKG_STORE_CA",
                              502) from None
        except requests.exceptions.RequestException as exc:
            raise EngineError(f"cannot reach the SPARQL engine at {url} ({exc}); check the URL and that the "
                              "engine is running", 502) from None
        return resp

    def _check(self, resp, what: str) -> None:
        if resp.status_code < 400:
            return
        text = resp.text.strip()[:2000] or resp.reason
        if resp.status_code in (401, 403):
            raise EngineError(f"the engine at {resp.url.split('?')[0]} refused the {what} ({resp.status_code}): "
                              f"{text}. Check DKG_STORE_USER / DKG_STORE_PASSWORD / DKG_STORE_AUTH", 502)
        status = resp.status_code if resp.status_code in (400, 404, 406, 413, 414, 415, 503, 504) else 502
        if status == 502 and re.search(r"timeout|timed out|time limit|SR171|S1TAT|estimated execution time", text,
                                        re.IGNORECASE):
            status = 504
        elif status == 502 and re.search(r"syntax|SP030|SP031|parse error|SR319|37000", text, re.IGNORECASE):
            status = 400
        raise EngineError(f"the SPARQL engine answered {resp.status_code} to the {what}: {text}", status)

    @property
    def engine(self) -> str:
        """virtuoso, oxigraph, dkg or generic, from the `Server` header of a trivial query."""
        if self._engine is None:
            resp = self._send("GET", self.spec.query_url, params={"query": "ASK {}"},
                              headers={"Accept": RESULTS_ACCEPT})
            server = resp.headers.get("Server", "").lower()
            self._engine = ("virtuoso" if "virtuoso" in server else "oxigraph" if "oxigraph" in server
                            else "dkg" if "gunicorn" in server or "werkzeug" in server else "generic")
        return self._engine

    def _base(self) -> str:
        parts = urllib.parse.urlsplit(self.spec.query_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def update_url(self) -> str:
        if self.spec.update_url:
            return self.spec.update_url
        url = self.spec.query_url
        if self.engine == "oxigraph" and url.endswith("/query"):
            return url[: -len("/query")] + "/update"
        if self.engine == "virtuoso" and self.spec.user and url.endswith("/sparql"):
            return url + "-auth"  # Virtuoso takes writes with credentials (Digest) at /sparql-auth
        return url

    @property
    def gsp_url(self) -> str | None:
        if self.spec.gsp_url:
            return self.spec.gsp_url
        if self.engine == "oxigraph":
            return self._base() + "/store"
        if self.engine == "virtuoso":
            return self._base() + ("/sparql-graph-crud-auth" if self.spec.user else "/sparql-graph-crud")
        if self.engine == "dkg":
            return self.spec.query_url.rsplit("/sparql", 1)[0] + "/store"
        return None

    # ------------------------------------------------------------------ queries

    def raw_query(self, sparql: str, params: list[tuple[str, str]] = (), *, timeout: float | None = None):
        """Send a query; returns (form, media type, body bytes). Raises EngineError, RowCapError."""
        form = query_form(sparql)
        accept = RDF_ACCEPT if form in ("CONSTRUCT", "DESCRIBE") else RESULTS_ACCEPT
        resp = self._query_request(sparql, params, accept, timeout)
        return form, _media(resp), resp.content

    def stream_query(self, sparql: str, params: list[tuple[str, str]] = (), *, accept: str,
                     timeout: float | None = None):
        """Send a query asking for exactly `accept`; returns the response with its body unread
        (stream it with passthrough.body_chunks), after its status and announced row cap are checked."""
        return self._query_request(sparql, params, accept, timeout, stream=True)

    def _query_request(self, sparql: str, params, accept: str, timeout: float | None, stream: bool = False):
        limit = timeout or self.spec.timeout
        params = list(params)
        if self.engine == "virtuoso":
            params.append(("timeout", str(int(limit * 1000))))  # Virtuoso's own limit, in ms
        fields = [("query", sparql)] + params
        encoded = urllib.parse.urlencode(fields)
        resp = None
        if len(self.spec.query_url) + len(encoded) < GET_LIMIT:
            resp = self._send("GET", f"{self.spec.query_url}?{encoded}", timeout=limit, headers={"Accept": accept},
                              stream=stream)
            if resp.status_code in (405, 414, 431):
                resp.close()
                resp = None
        if resp is None:
            resp = self._send("POST", self.spec.query_url, timeout=limit, data=encoded.encode(), stream=stream,
                              headers={"Accept": accept,
                                       "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        try:
            self._check(resp, "query")
            self._row_cap(resp, limit)
        except EngineError:
            resp.close()
            raise
        return resp

    def _row_cap(self, resp, limit: float) -> None:
        cap = resp.headers.get("X-SPARQL-MaxRows")
        if cap:
            raise RowCapError(f"the engine cut the answer at its row cap of {cap} rows (X-SPARQL-MaxRows), so it "
                              "would be incomplete; add LIMIT/OFFSET to page through it, or raise the engine's "
                              "ResultSetMaxRows")
        state = resp.headers.get("X-SQL-State", "")
        if state:  # Virtuoso's "anytime" answer: partial results when its time limit struck
            raise EngineError(f"the engine stopped the query at the {limit:g} s limit and returned a partial "
                              f"answer ({state}: {resp.headers.get('X-SQL-Message', '')}); it is not passed on. "
                              "Simplify the query or raise the time limit", 504)

    @property
    def row_cap(self) -> int | None:
        """The engine's row cap: configured, else Virtuoso's default (10,000), else none known."""
        if self.spec.max_rows:
            return self.spec.max_rows
        return VIRTUOSO_DEFAULT_MAX_ROWS if self.engine == "virtuoso" else None

    def results(self, form: str, media: str, body: bytes):
        """pyoxigraph result objects, as the embedded store returns them."""
        if form in ("CONSTRUCT", "DESCRIBE"):
            fmt = _RDF_TYPES.get(media)
            if fmt is None:
                raise EngineError(f"the engine answered a {form} with {media or 'no Content-Type'}, not RDF", 502)
            graph = ox.Store()  # in memory: gives the triples the embedded store's serialize()
            graph.load(body, format=fmt, to_graph=ox.DefaultGraph())
            cap = self.row_cap
            if cap and len(graph) >= cap:
                # Virtuoso cuts a CONSTRUCT at its ResultSetMaxRows without saying so.
                raise RowCapError(f"the {form} answer has {len(graph)} triples, the engine's row cap ({cap}): it is "
                                  "probably cut off. Add LIMIT/OFFSET to page through it, or raise the cap "
                                  "(Virtuoso: ResultSetMaxRows; then set DKG_STORE_MAX_ROWS to it)")
            return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
        fmt = _RESULT_TYPES.get(media)
        if fmt is None:
            raise EngineError(f"the engine answered a {form} with {media or 'no Content-Type'}, not SPARQL results",
                              502)
        parsed = ox.parse_query_results(body, format=fmt)
        if form == "ASK" and not isinstance(parsed, ox.QueryBoolean):
            # Virtuoso answers an ASK over a graph it has never held with the solutions of its
            # internal SELECT (one variable, __ASK_RETVAL, and no rows) instead of a boolean.
            found = any(row[0] is not None and row[0].value not in ("0", "false") for row in parsed)
            return ox.parse_query_results(b'{"head": {}, "boolean": %s}' % (b"true" if found else b"false"),
                                          format=ox.QueryResultsFormat.JSON)
        cap = self.row_cap
        if isinstance(parsed, ox.QueryBoolean) or not cap:
            return parsed
        rows = list(parsed)
        if len(rows) >= cap:
            raise RowCapError(f"the answer has {len(rows)} rows, the engine's row cap ({cap}): it is probably cut "
                              "off. Add LIMIT/OFFSET to page through it, or raise the cap (DKG_STORE_MAX_ROWS)")
        return ox.parse_query_results(body, format=fmt)

    # ------------------------------------------------------------------ writes

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        resp = self._send("POST", self.update_url, timeout=timeout,
                          data=urllib.parse.urlencode({"update": sparql}).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        self._check(resp, "update")

    def _gsp(self) -> str:
        url = self.gsp_url
        if not url:
            raise EngineError(f"no Graph Store Protocol URL is known for {self.spec.query_url}; set "
                              "DKG_STORE_GSP_URL (or gsp_url in the store's TOML file)", 400)
        return url

    def put_graph(self, graph_iri: str, ntriples: bytes, *, append: bool = False) -> None:
        """Graph Store PUT (replace) or, with `append`, POST (add) of N-Triples to one graph."""
        # Virtuoso 7's graph store reads Turtle, of which N-Triples is a subset.
        ctype = "text/turtle" if self.engine == "virtuoso" else "application/n-triples"
        for attempt in range(DEADLOCK_RETRIES + 1):
            resp = self._send("POST" if append else "PUT", self._gsp(), params={"graph": graph_iri}, data=ntriples,
                              headers={"Content-Type": ctype}, timeout=max(self.spec.timeout, WRITE_TIMEOUT))
            # Virtuoso may pick concurrent loads as deadlock victims (SR172, SQL state 40001); the
            # victim's transaction was rolled back, so sending it again is safe.
            if resp.status_code < 400 or not re.search(r"SR172|40001|deadlock", resp.text) \
                    or attempt == DEADLOCK_RETRIES:
                break
            time.sleep(0.2 * (attempt + 1))
        self._check(resp, f"Graph Store PUT of <{graph_iri}>")

    def post_quads(self, nquads: bytes) -> bool:
        """Add N-Quads to the whole dataset in one request where the engine takes them (Oxigraph,
        this project's server); False when it does not, so the caller goes graph by graph."""
        if self.engine not in ("oxigraph", "dkg"):
            return False
        resp = self._send("POST", self._gsp(), data=nquads, headers={"Content-Type": "application/n-quads"},
                          timeout=max(self.spec.timeout, WRITE_TIMEOUT))
        self._check(resp, "Graph Store POST of N-Quads")
        return True

    def drop_graph(self, graph_iri: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph_iri}>")
