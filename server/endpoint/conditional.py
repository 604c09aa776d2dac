"""HTTP validators for answers that depend only on the graph's state: an ETag derived from the
generation, its write count and the request, and Last-Modified from the build or last write."""
from __future__ import annotations

import hashlib

from flask import Response, request

from dissertation_kg.server.store.state import Generation


def validators(gen: Generation, *parts: object) -> tuple[str, dict]:
    """Pass everything the representation depends on as `parts` (incl. the content-coding)."""
    tag = hashlib.sha256(repr((gen.tag, *parts)).encode()).hexdigest()[:32]
    return tag, {"ETag": f'"{tag}"', "Last-Modified": gen.last_modified, "Vary": "Accept, Accept-Encoding",
                 # stored, but revalidated on each use: the graph can change with any build
                 "Cache-Control": "public, no-cache"}


def not_modified(tag: str, gen: Generation, headers: dict) -> Response | None:
    """A 304 when the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    if request.method not in ("GET", "HEAD"):
        return None
    if request.if_none_match:
        return Response(status=304, headers=headers) if request.if_none_match.contains(tag) else None
    since = request.if_modified_since
    if since is not None and int(gen.modified) <= since.timestamp():
        return Response(status=304, headers=headers)
    return None
