"""The SPARQL 1.1 Protocol at /sparql: query by GET, form POST and direct POST; update by form
POST and direct POST; the service description on a GET with no query."""
from __future__ import annotations

import io
import re
import threading
from collections import OrderedDict
from typing import NamedTuple

import pyoxigraph as ox
from flask import Blueprint, Response, request
from werkzeug.datastructures import MultiDict

from dissertation_kg.server.endpoint.auth import _plain, write_refusal
from dissertation_kg.server.endpoint.compression import encode, gzip_wanted
from dissertation_kg.server.endpoint.conditional import not_modified, validators
from dissertation_kg.server.endpoint.executor import JobError
from dissertation_kg.server.endpoint.negotiation import BOOLEAN_FORMATS, GRAPH_FORMATS, RESULT_FORMATS, Format, choose_or_explain
from dissertation_kg.server.endpoint.runtime import default_is_merge, public_request_url, runtime
from dissertation_kg.server.endpoint.service_description import describe_service
from dissertation_kg.server.endpoint.federation_guard import ServiceRefused, may_reach_out
from dissertation_kg.server.endpoint.write_guard import destructive, destructive_asked, refusal as destructive_refusal
from dissertation_kg.server.endpoint.sparql_scan import add_using_clauses, default_graph_writes, nesting_depth, scan
from dissertation_kg.server.endpoint import search_pattern
from dissertation_kg.server.search.index import IndexMissing
from dissertation_kg.server.store.spec import engine_search_dir

blueprint = Blueprint("sparql", __name__)

_TRIVIAL_ASK = re.compile(r"\s*ASK\s*(?:WHERE\s*)?\{\s*\}\s*", re.IGNORECASE)
_EMPTY = ox.Store()  # answers the trivial ASK without a worker round trip


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@blueprint.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError):
    return _plain(exc.status, exc.message, **exc.headers)


@blueprint.errorhandler(JobError)
def _job_error(exc: JobError):
    return _plain(exc.status, exc.message, **exc.headers)


def _one(params: MultiDict, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise ProtocolError(400, f"the request has {len(values)} `{name}` parameters; send exactly one")
    return values[0] if values else None


def _body_text(kind: str) -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(415, f"the {kind} must be sent as UTF-8 (got charset={charset}); "
                                 "re-encode it and send `charset=utf-8` or no charset")
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {kind} is not valid UTF-8; re-encode it as UTF-8") from None


def _iris(params: MultiDict, name: str) -> list[str]:
    iris = params.getlist(name)
    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise ProtocolError(400, f"{name}={iri!r} is not an absolute IRI; give a full IRI such as "
                                     "https://w3id.org/dissertation-kg/graph/source/…") from None
    return iris


@blueprint.route("/sparql", methods=["GET", "POST"])
@blueprint.route("/sparql/", methods=["GET", "POST"])
def sparql():
    if request.method == "GET":
        if "update" in request.args:
            raise ProtocolError(400, "updates are not accepted by GET; POST them as `update=` "
                                     "(application/x-www-form-urlencoded) or as application/sparql-update")
        query = _one(request.args, "query")
        if query is None:
            return describe_service()
        return _query(query, request.args)

    ctype = request.mimetype
    if not ctype:
        raise ProtocolError(400, "the POST has no Content-Type; use application/x-www-form-urlencoded, "
                                 "application/sparql-query or application/sparql-update")
    if ctype == "application/x-www-form-urlencoded":
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise ProtocolError(415, f"form data must be UTF-8 (got charset={charset}); re-encode it")
        params = MultiDict(request.args)
        for key, values in request.form.lists():
            params.setlist(key, params.getlist(key) + values)
        query, update = _one(params, "query"), _one(params, "update")
        if query is not None and update is not None:
            raise ProtocolError(400, "the request has both `query` and `update`; send them separately")
        if query is not None:
            return _query(query, params)
        if update is not None:
            return _update(update, params)
        raise ProtocolError(400, "the form has neither `query` nor `update`; add one of them")
    if ctype == "application/sparql-query":
        if "query" in request.args or "update" in request.args:
            raise ProtocolError(400, "a direct POST carries the query in its body; remove `query`/`update` from the URL")
        return _query(_body_text("query"), request.args)
    if ctype == "application/sparql-update":
        if "query" in request.args or "update" in request.args:
            raise ProtocolError(400, "a direct POST carries the update in its body; remove `query`/`update` from the URL")
        return _update(_body_text("update"), request.args)
    raise ProtocolError(415, f"Content-Type {ctype} is not a SPARQL request; use application/x-www-form-urlencoded, "
                             "application/sparql-query or application/sparql-update")


def _searched(text: str, gen=None) -> str:
    """The request with its full-text search blocks evaluated (see search_pattern)."""
    rt = runtime()
    gen = gen or rt.state.current()
    generation = gen.path
    if rt.config.remote:
        # The index `dkg build --store URL` wrote beside its staging store, kept per engine
        # generation; the blocks are evaluated here and the engine gets the rest, hits bound.
        generation = engine_search_dir(rt.config.store, gen.name)
        if not generation.is_dir() and search_pattern.blocks(scan(text)):
            raise ProtocolError(501, f"this server has no search index for the engine's generation {gen.name}: it "
                                     "was built from another machine (the index stays beside the build's staging "
                                     "store). Run `dkg build --store URL` from this machine, or use `dkg search "
                                     "--store URL WORDS` (it indexes the engine)")
    try:
        return search_pattern.evaluate(text, generation)
    except search_pattern.SearchPatternError as exc:
        raise ProtocolError(400, str(exc)) from None
    except IndexMissing as exc:
        raise ProtocolError(503, str(exc), {"Retry-After": "60"}) from None


class _Facts(NamedTuple):
    depth: int
    form: str | None
    has_from: bool
    services: bool


def _read(text: str) -> _Facts:
    sc = scan(text)
    return _Facts(nesting_depth(text), sc.form, sc.has_keyword("FROM"), may_reach_out(text))


_FACTS: OrderedDict[str, _Facts] = OrderedDict()
_FACTS_LOCK = threading.Lock()


def _facts(text: str) -> _Facts:
    """_read(text), remembered for short texts: under load the same queries come again and again,
    and scanning them was a good part of answering one from the cache."""
    if len(text) > 4096:
        return _read(text)
    with _FACTS_LOCK:
        known = _FACTS.get(text)
        if known is not None:
            _FACTS.move_to_end(text)
            return known
    facts = _read(text)
    with _FACTS_LOCK:
        _FACTS[text] = facts
        while len(_FACTS) > 4096:
            _FACTS.popitem(last=False)
    return facts


def _check_depth(text: str, kind: str, limit: int) -> None:
    depth = _facts(text).depth if len(text) <= 4096 else nesting_depth(text)
    if depth > limit:
        raise ProtocolError(400, f"the {kind} nests {depth} levels deep (groups, brackets, collections, path "
                                 f"parentheses and `!`/`^` count); the limit here is {limit}. Flatten it, e.g. "
                                 "join patterns in one group or use VALUES instead of nested alternatives")


def _negotiate(formats: tuple[Format, ...], params: MultiDict) -> tuple[Format | None, str]:
    return choose_or_explain(formats, request.headers.get("Accept"), params.get("format"))


def _not_acceptable(message: str) -> Response:
    return _plain(406, message)


def _query(text: str, params: MultiDict) -> Response:
    rt = runtime()
    cfg = rt.config
    if len(text) > cfg.max_query_chars:
        raise ProtocolError(413, f"the query is {len(text)} characters long; the limit here is "
                                 f"{cfg.max_query_chars}. Shorten it (e.g. move VALUES data into the graph)")
    _check_depth(text, "query", cfg.max_query_depth)
    gen = rt.state.current()
    searched = _searched(text, gen)
    facts = _facts(searched) if searched is text else _read(searched)
    text = searched
    # Reading the targets means a full rdflib parse (seconds for a long query): it runs in the
    # query worker, under the time limit, not here. Only the cheap proof of absence runs here;
    # a query that may reach out is treated as one that does (no cache, the SERVICE limit).
    services = facts.services
    form = facts.form
    result_fmt, result_406 = _negotiate(BOOLEAN_FORMATS if form == "ASK" else RESULT_FORMATS, params)
    graph_fmt, graph_406 = _negotiate(GRAPH_FORMATS, params)
    if form == "ASK" and result_fmt is None:
        return _not_acceptable(result_406 + ". An ASK result has no CSV or TSV form in SPARQL 1.1 "
                                            "(Jena and rdflib reject a bare true/false)")
    if form in ("SELECT", "ASK") and result_fmt is None:
        return _not_acceptable(result_406)
    if form in ("CONSTRUCT", "DESCRIBE") and graph_fmt is None:
        return _not_acceptable(graph_406)

    default, named = _iris(params, "default-graph-uri"), _iris(params, "named-graph-uri")
    if default or named:
        dataset = {"mode": "explicit", "default": default, "named": named}
    elif facts.has_from:
        dataset = {"mode": "query"}
    else:
        dataset = {"mode": "union"}
    base_iri = public_request_url()
    chosen = (result_fmt.media_type if result_fmt else None, graph_fmt.media_type if graph_fmt else None)
    key = (gen.tag, text, repr(sorted(dataset.items())), chosen, base_iri)
    gz = gzip_wanted()
    etag, headers = validators(gen, key, gz)
    if services:
        # The answer depends on another endpoint's data, which no local state tracks.
        headers = {"Vary": "Accept, Accept-Encoding", "Cache-Control": "no-store"}
    unchanged = None if services else not_modified(etag, gen, headers)
    if unchanged is not None:
        return unchanged
    hit = None if services else rt.cache.get(key)
    if hit is not None:
        headers["X-Cache"] = "hit"
        return Response(encode(hit[1], headers, gz), content_type=hit[0], headers=headers)
    if _TRIVIAL_ASK.fullmatch(text) and result_fmt is not None:
        out = io.BytesIO()
        _EMPTY.query("ASK {}").serialize(out, format=result_fmt.ox_format)
        return Response(encode(out.getvalue(), headers, gz), content_type=result_fmt.media_type, headers=headers)

    flight = None
    if not services:
        # Identical misses run once (single_flight.py): the others wait for the first one's answer.
        flight = rt.flights.lead(key)
        followed = rt.flights.follow(key, request.remote_addr, cfg.query_timeout) if flight is None else None
        if followed is not None:
            error = followed.error
            if error is not None:
                raise JobError(error.status, error.message, dict(error.headers), of_query=True)
            hit = rt.cache.get(key)
            if hit is not None:
                headers["X-Cache"] = "shared"
                return Response(encode(hit[1], headers, gz), content_type=hit[0], headers=headers)
    try:
        return _run_query(rt, gen, text, services, key, headers, gz, base_iri, dataset, result_fmt, graph_fmt,
                          result_406 or graph_406)
    except JobError as exc:
        if flight is not None and exc.of_query:
            flight.error = exc
        raise
    finally:
        if flight is not None:
            rt.flights.land(key, flight)


def _run_query(rt, gen, text, services, key, headers, gz, base_iri, dataset, result_fmt, graph_fmt,
               not_acceptable) -> Response:
    cfg = rt.config
    job = rt.job(
        gen, op="query", sparql=text, base_iri=base_iri, dataset=dataset,
        result_format=(result_fmt.media_type, result_fmt.name) if result_fmt else None,
        graph_format=(graph_fmt.media_type, graph_fmt.name) if graph_fmt else None,
        not_acceptable=not_acceptable, guard=list(rt.guard.allowed) if services else None,
    )
    timeout = min(cfg.query_timeout, cfg.service_timeout) if services else cfg.query_timeout
    lane = rt.lane(text, rt.pool)
    headers["X-Query-Lane"] = lane.header()
    try:
        result = rt.pool.run(job, timeout, client=request.remote_addr, heavy=lane.heavy, shape=lane.estimate.shape,
                             held=lane.held, shape_of=(lambda: rt.lane(text).estimate.shape) if lane.held else None)
    except JobError as exc:
        exc.headers.setdefault("X-Query-Lane", lane.header())
        raise
    if result.body is not None:
        if not services:
            rt.cache.put(key, result.media_type, result.body)
        return Response(encode(result.body, headers, gz), content_type=result.media_type, headers=headers)
    return Response(encode(result.stream, headers, gz), content_type=result.media_type, headers=headers)


def _update(text: str, params: MultiDict) -> Response:
    rt = runtime()
    cfg = rt.config
    refusal = write_refusal(cfg)
    if refusal is not None:
        return refusal
    if len(text) > cfg.max_query_chars:
        raise ProtocolError(413, f"the update is {len(text)} characters long; the limit here is "
                                 f"{cfg.max_query_chars}. Load large data with the Graph Store Protocol (/store)")
    _check_depth(text, "update", cfg.max_query_depth)
    text = _searched(text)
    sc = scan(text)
    try:
        loads = rt.guard.check(text, update=True)
    except ServiceRefused as exc:
        raise ProtocolError(400, str(exc)) from None
    using, using_named = _iris(params, "using-graph-uri"), _iris(params, "using-named-graph-uri")
    if using or using_named:
        if sc.has_keyword("USING", "WITH"):
            raise ProtocolError(400, "the update names its own dataset (USING/WITH) and the request also has "
                                     "using-graph-uri/using-named-graph-uri; keep only one of them")
        text = add_using_clauses(text, using, using_named)
    gen = rt.state.current()
    if not (cfg.allow_destructive or destructive_asked(params)):
        reason = destructive(text, rt.corpus(gen))
        if reason is not None:
            raise ProtocolError(403, destructive_refusal(reason))
    if default_is_merge(gen):
        aimed = default_graph_writes(text)
        if aimed is not None:
            raise ProtocolError(400, f"this update changes the default graph directly ({aimed}), but here the "
                                     "default graph is the merge of the named graphs and follows them; write to a "
                                     "named graph instead, e.g. INSERT DATA { GRAPH <IRI> { … } } or WITH <IRI>")
    rt.pool.write(rt.job(gen, op="update", sparql=text, base_iri=public_request_url(), services=bool(loads)),
                  cfg.query_timeout)
    rt.state.bump(gen)
    return Response(status=204)
