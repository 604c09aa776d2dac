"""Whole-dataset downloads, written once per store generation and then served as files.

    /dumps/dataset.nq.gz, /dumps/dataset.trig.gz   the gzip files themselves: Content-Type
        application/gzip, no Content-Encoding, so a browser saves exactly the .gz file
    /dumps/dataset.nq, /dumps/dataset.trig         the same data as application/n-quads and
        application/trig; sent with Content-Encoding: gzip to clients that accept it, else
        decompressed on the fly

The dumps hold the whole dataset: every named graph and the default graph, which `dkg build`
makes the set-merge of the named graphs (store.UNION_MARKER). Loading a dump into any engine
(with its unlabelled N-Quads lines as that engine's default graph, or as a graph passed as
`default-graph-uri`) therefore gives the answers of this server; without the merge, an engine's
own default graph (empty, or a multiset union of everything) answered 10 of 19 questions alike.
Over a remote engine the dump is read from the served generation there.

All four carry a strong ETag derived from the generation (and its write count), answer
If-None-Match with 304, and support Range on the .gz files.
"""
from __future__ import annotations

import fcntl
import gzip
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, request, send_file

from dissertation_kg.server.publishing.linked_data import PREFIXES
from dissertation_kg.server.publishing.served import Served, served, readable_from_any_origin
from dissertation_kg.server.store.engines import OxigraphStore, RemoteStore

blueprint = Blueprint("dumps", __name__)


blueprint.after_request(readable_from_any_origin)


@dataclass(frozen=True)
class Dump:
    name: str           # file name of the gzip file
    media_type: str     # media type of the decompressed content
    format: ox.RdfFormat


DUMPS = {
    "nq": Dump("dataset.nq.gz", "application/n-quads", ox.RdfFormat.N_QUADS),
    "trig": Dump("dataset.trig.gz", "application/trig", ox.RdfFormat.TRIG),
}


@contextmanager
def _exclusive(directory: Path):
    """One writer per artefact directory across gunicorn workers and `dkg build`."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_dump(target: Served, dump: Dump) -> Path:
    """The gzip file of `dump` for this generation, written now if it is not there yet."""
    if target.artefacts is None or not isinstance(target.store, (OxigraphStore, RemoteStore)):
        raise LookupError("no generation to dump: this server answers from an engine that `dkg build` did "
                          "not build into")
    path = target.artefacts / dump.name
    if path.is_file():
        return path
    with _exclusive(target.artefacts):
        if path.is_file():  # another worker finished it while we waited
            return path
        tmp = path.with_name(f".{dump.name}.{os.getpid()}.tmp")
        try:
            # mtime=0 and a fixed name (GzipFile would record the temporary file's) keep the bytes,
            # and so checksums, identical for identical data, whichever process wrote them
            with open(tmp, "wb") as raw, gzip.GzipFile(filename=dump.name.removesuffix(".gz"), fileobj=raw, mode="wb",
                                                       mtime=0, compresslevel=6) as gz:
                kwargs = {"prefixes": PREFIXES} if dump.format == ox.RdfFormat.TRIG else {}
                if isinstance(target.store, RemoteStore):
                    ox.serialize(target.store.export_quads(), gz, dump.format, **kwargs)
                else:
                    target.store.raw.dump(gz, dump.format, **kwargs)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return path


def prepare_dumps(target: Served) -> list[Path]:
    """Write every dump for a generation ahead of the first download (e.g. right after a build)."""
    return [ensure_dump(target, d) for d in DUMPS.values()]


def _etag(target: Served, dump: Dump, variant: str) -> str:
    return f"{target.generation}-{dump.name}-{variant}"


def _unavailable(exc: Exception) -> Response:
    return Response(f"No dump is available: {exc}. Download the data with CONSTRUCT queries "
                    "from /sparql instead.\n", status=404, mimetype="text/plain")


@blueprint.route("/dumps/<any('dataset.nq.gz', 'dataset.trig.gz'):name>")
def gzip_file(name: str):
    dump = next(d for d in DUMPS.values() if d.name == name)
    target = served()
    try:
        path = ensure_dump(target, dump)
    except LookupError as exc:
        return _unavailable(exc)
    resp = send_file(path, mimetype="application/gzip", as_attachment=True, download_name=dump.name,
                     etag=_etag(target, dump, "gz"), conditional=True, max_age=3600)
    resp.headers.pop("Content-Encoding", None)
    return resp


@blueprint.route("/dumps/<any('dataset.nq', 'dataset.trig'):name>")
def plain(name: str):
    dump = DUMPS[name.rsplit(".", 1)[1]]
    target = served()
    try:
        path = ensure_dump(target, dump)
    except LookupError as exc:
        return _unavailable(exc)
    gzip_ok = "gzip" in request.accept_encodings
    etag = _etag(target, dump, "gzip" if gzip_ok else "identity")
    if request.if_none_match.contains(etag):
        resp = Response(status=304)
    elif gzip_ok:
        resp = send_file(path, mimetype=dump.media_type, conditional=False)
        resp.headers["Content-Encoding"] = "gzip"
    else:
        resp = Response(_decompressed(path), mimetype=dump.media_type)
    resp.set_etag(etag)
    resp.headers["Vary"] = "Accept-Encoding"
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    resp.cache_control.max_age = 3600
    return resp


def _decompressed(path: Path):
    with gzip.open(path, "rb") as handle:
        while chunk := handle.read(1 << 16):
            yield chunk
