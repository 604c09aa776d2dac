"""The SPARQL 1.1 Graph Store HTTP Protocol at /store.

Graphs are named indirectly (`/store?graph=IRI`, `/store?default`) or directly (the request URL
`/store/…` is the graph IRI). GET and HEAD are open; PUT, POST and DELETE need the update token.
Writes go to the current generation's database and last until the next `dkg build`, which
rebuilds the graph from its sources into a new generation.
"""
from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, request

from dissertation_kg.server.endpoint.auth import _plain, write_refusal
from dissertation_kg.server.endpoint.compression import encode, gzip_wanted
from dissertation_kg.server.endpoint.conditional import not_modified, validators
from dissertation_kg.server.endpoint.executor import JobError
from dissertation_kg.server.endpoint.negotiation import RDF_INPUT_TYPES, SINGLE_GRAPH_FORMATS, NotAcceptable, choose
from dissertation_kg.server.endpoint.runtime import default_is_merge, public_request_url, public_url, runtime
from dissertation_kg.server.endpoint.write_guard import destructive_asked, refusal as destructive_refusal

blueprint = Blueprint("graph_store", __name__)


@blueprint.errorhandler(JobError)
def _job_error(exc: JobError):
    return _plain(exc.status, exc.message, **exc.headers)


class _Target:
    def __init__(self, graph: str | None):
        self.graph = graph  # None: the default graph

    @property
    def label(self) -> str:
        return "the default graph" if self.graph is None else f"<{self.graph}>"


def _indirect_target() -> _Target | Response | None:
    graphs = request.args.getlist("graph")
    has_default = "default" in request.args
    if has_default and graphs:
        return _plain(400, "give either `graph=IRI` or `default`, not both")
    if len(graphs) > 1:
        return _plain(400, "give exactly one `graph` parameter")
    if has_default:
        return _Target(None)
    if graphs:
        try:
            ox.NamedNode(graphs[0])
        except ValueError:
            return _plain(400, f"graph={graphs[0]!r} is not an absolute IRI; percent-encode a full IRI into `graph=`")
        return _Target(graphs[0])
    return None


@blueprint.route("/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def indirect():
    target = _indirect_target()
    if isinstance(target, Response):
        return target
    if target is None:
        if request.method == "POST":
            # GSP §5.5: POST to the graph store itself creates a graph and says where it is.
            iri = public_url(f"store/{uuid.uuid4().hex}")
            response = _write(_Target(iri), "append")
            if response.status_code < 300:
                response = Response(status=201, headers={"Location": iri})
            return response
        return _plain(400, "name a graph: /store?graph=<percent-encoded IRI> or /store?default "
                           "(POST with neither creates a new graph)")
    return _dispatch(target)


@blueprint.route("/store/<path:rest>", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def direct(rest: str):
    # The IRI is the URL itself; nothing in it is used as a file path.
    return _dispatch(_Target(public_request_url()))


def _dispatch(target: _Target) -> Response:
    if request.method in ("GET", "HEAD"):
        return _read(target)
    if request.method == "DELETE":
        return _write(target, "drop")
    return _write(target, "replace" if request.method == "PUT" else "append")


def _read(target: _Target) -> Response:
    rt = runtime()
    try:
        fmt = choose(SINGLE_GRAPH_FORMATS, request.headers.get("Accept"), request.args.get("format"))
    except NotAcceptable as exc:
        return _plain(406, str(exc))
    gen = rt.state.current()
    gz = gzip_wanted()
    etag, headers = validators(gen, target.graph, fmt.name, gz)
    unchanged = not_modified(etag, gen, headers)
    if unchanged is not None:
        return unchanged
    result = rt.pool.run(rt.job(gen, op="dump", graph=target.graph, format=(fmt.media_type, fmt.name)),
                         rt.config.query_timeout, client=request.remote_addr)
    body = result.body if result.body is not None else result.stream
    return Response(encode(body, headers, gz), content_type=result.media_type, headers=headers)


def _parts() -> list[tuple[bytes, str]] | Response:
    accepted = ", ".join(sorted(RDF_INPUT_TYPES))
    if request.mimetype == "multipart/form-data":
        parts = []
        for storage in request.files.values():
            media = storage.mimetype
            if media not in RDF_INPUT_TYPES:
                try:
                    media = ox.RdfFormat.from_extension(storage.filename.rsplit(".", 1)[-1]).media_type
                except (AttributeError, ValueError, IndexError):
                    media = None
            if media not in RDF_INPUT_TYPES:
                return _plain(415, f"the part {storage.filename or storage.name!r} is not RDF this server reads; "
                                   f"send it as one of: {accepted}")
            parts.append((storage.read(), media))
        if not parts:
            return _plain(400, "the multipart body has no file parts; attach the RDF as a file")
        return _entity_refusal(parts) or parts
    if request.mimetype not in RDF_INPUT_TYPES:
        return _plain(415, f"Content-Type {request.mimetype or '(none)'} is not an RDF syntax this server reads; "
                           f"use one of: {accepted}")
    parts = [(request.get_data(cache=False), request.mimetype)]
    return _entity_refusal(parts) or parts


# An XML entity declaration, in the encodings an XML parser would detect: entities expanding
# into entities ("billion laughs") grew the writer to 3 GB from a 640-byte body.
_ENTITY_DECLARATIONS = tuple("<!ENTITY".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le",
                                                                 "utf-32-be"))


def _entity_refusal(parts: list[tuple[bytes, str]]) -> Response | None:
    for data, media in parts:
        if RDF_INPUT_TYPES.get(media) == ox.RdfFormat.RDF_XML and any(d in data for d in _ENTITY_DECLARATIONS):
            return _plain(400, "the RDF/XML declares XML entities (<!ENTITY …>), which this server does not "
                               "expand; write the values out, or send the data as Turtle or N-Triples")
    return None


def _write(target: _Target, op: str) -> Response:
    rt = runtime()
    refusal = write_refusal(rt.config)
    if refusal is not None:
        return refusal
    gen = rt.state.current()
    if target.graph is None and default_is_merge(gen):
        return _plain(405, "the default graph of this store is the merge of its named graphs and changes only "
                           "with them; write to a named graph instead (/store?graph=IRI)", Allow="GET, HEAD")
    if op in ("replace", "drop") and not (rt.config.allow_destructive or destructive_asked(request.args)):
        if (target.graph or "DEFAULT") in rt.corpus(gen):
            what = "replacing" if op == "replace" else "deleting"
            return _plain(403, destructive_refusal(f"{what} corpus graph <{target.graph}>" if target.graph else
                                       f"{what} the default graph"))
    job_fields = {"op": op, "graph": target.graph}
    if op != "drop":
        parts = _parts()
        if isinstance(parts, Response):
            return parts
        job_fields.update(parts=parts, base_iri=target.graph or public_request_url())
    result = rt.pool.write(rt.job(gen, **job_fields), rt.config.query_timeout)
    rt.state.bump(gen)
    return Response(status=201 if result.meta.get("created") else 204)
