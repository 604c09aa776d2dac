"""Who may write: a bearer token from the configuration; no token configured means nobody.
Who may reload: the update token or the admin token (see store/admin_token.py)."""
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
    return _bearer_refusal([config.update_token], "update token")


def admin_refusal(config: ServerConfig) -> Response | None:
    """None when the request may use /admin/reload, else the 401/403 response to send."""
    tokens = [t for t in (config.update_token, config.admin_token) if t]
    if not tokens:
        return _plain(403, "reloading is disabled on this server; start it with `dkg serve` (which writes "
                           "STORE/admin-token) or give it DKG_ADMIN_TOKEN / DKG_UPDATE_TOKEN")
    return _bearer_refusal(tokens, "admin token (STORE/admin-token) or update token")


def _bearer_refusal(tokens: list[str], what: str) -> Response | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return _plain(401, "this request changes the server: send `Authorization: Bearer <token>` "
                           f"with the server's {what}",
                      **{"WWW-Authenticate": 'Bearer realm="dissertation-kg"'})
    if not any(hmac.compare_digest(token.strip().encode(), t.encode()) for t in tokens):
        return _plain(403, f"the bearer token is not this server's {what}; check the token you were given",
                      **{"WWW-Authenticate": 'Bearer realm="dissertation-kg", error="invalid_token"'})
    return None
