"""The token a local `dkg reload` uses when the operator configured none: `dkg serve` writes a
fresh random one to STORE/admin-token (mode 0600, readable only by the user running the server)
at start-up, and `dkg reload` reads it from there. Whoever can read the store can already replace
the data, so the file gives away nothing more; it only lets /admin/reload, never writes."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

FILE_NAME = "admin-token"


def token_path(store: Path | str) -> Path:
    return Path(store) / FILE_NAME


def write_admin_token(store: Path | str) -> str:
    """A new token, written with mode 0600 (replacing the previous server's)."""
    token = secrets.token_urlsafe(32)
    path = token_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{FILE_NAME}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask never widens it, and a leftover file gets narrowed
        os.write(fd, (token + "\n").encode())
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return token


def read_admin_token(store: Path | str) -> str | None:
    try:
        return token_path(store).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
