"""Who may write: a bearer token from the configuration; no token configured means nobody."""
from __future__ import annotations

import hmac

from flask import Response, request

from dissertation_kg.server.config import ServerConfig


def _plain(status: int, message: str, **headers) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8", headers=headers)


def write_refusal(config: ServerConfig) -> Response | None:
    """None when the request may write, else the 401/403 response to send."""
    if config.update_token is None:
        return _plain(403, "writes are disabled on this endpoint; start the server with "
                           "`dkg serve --update-token TOKEN` (or DKG_UPDATE_TOKEN) to enable them")
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return _plain(401, "this request writes to the store: send `Authorization: Bearer <token>` "
                           "with the server's update token",
                      **{"WWW-Authenticate": 'Bearer realm="dissertation-kg"'})
    if not hmac.compare_digest(token.strip().encode(), config.update_token.encode()):
        return _plain(403, "the bearer token is not this server's update token; check the token you were given",
                      **{"WWW-Authenticate": 'Bearer realm="dissertation-kg", error="invalid_token"'})
    return None
