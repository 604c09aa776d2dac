"""gzip content-coding for responses, when the client accepts it (results compress 5-10x).

The coding is decided before anything runs, so it can be part of the ETag: a gzip and an
identity representation of the same result are different representations (RFC 9110 §8.8.3).
"""
from __future__ import annotations

import zlib
from typing import Iterator

from flask import request

# Level 1: on a 4 MB JSON result (Cyrillic literals, IRIs) it gives 0.32 of the size in half the
# CPU of level 3 (0.30) and a seventh of the default 6 (0.29). Compression runs in the request
# thread for every answer that is not cached, so its CPU is the server's, per byte sent.
_LEVEL = 1


def gzip_wanted() -> bool:
    return request.accept_encodings.quality("gzip") > 0


def _compressor():
    return zlib.compressobj(_LEVEL, zlib.DEFLATED, 31)  # wbits 31: gzip framing


def gzip_bytes(body: bytes) -> bytes:
    c = _compressor()
    return c.compress(body) + c.flush()


class GzipStream:
    """Compresses a streamed body chunk by chunk; closing it closes the source."""

    def __init__(self, source: Iterator[bytes]):
        self._source = source
        self._iter = iter(source)
        self._c = _compressor()
        self._done = False

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        while not self._done:
            try:
                chunk = next(self._iter)
            except StopIteration:
                self._done = True
                return self._c.flush()
            out = self._c.compress(chunk)
            if out:
                return out
        raise StopIteration

    def close(self) -> None:
        close = getattr(self._source, "close", None)
        if close is not None:
            close()


def encode(body, headers: dict, gz: bool):
    """The body to send (bytes or an iterator) with Content-Encoding set when compressing."""
    if not gz:
        return body
    headers["Content-Encoding"] = "gzip"
    return gzip_bytes(body) if isinstance(body, (bytes, bytearray)) else GzipStream(body)
