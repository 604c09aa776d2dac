"""What `--store` means, the same for every command: a folder (an embedded store), an http(s) URL
(a remote SPARQL engine) or a `.toml` file describing a remote engine.

A remote engine may need more than one URL and credentials; they come from a TOML file or from
environment variables (the variables win over the file, the `--store` URL over both):

    DKG_STORE_QUERY_URL   SPARQL 1.1 Protocol query endpoint (alone it makes the store remote)
    DKG_STORE_UPDATE_URL  SPARQL Update endpoint (default: derived from the engine, else the query URL)
    DKG_STORE_GSP_URL     Graph Store Protocol endpoint (default: derived from the engine)
    DKG_STORE_USER, DKG_STORE_PASSWORD, DKG_STORE_AUTH=basic|digest|bearer (bearer: the password
                          or DKG_STORE_TOKEN is the token)
    DKG_STORE_CA          CA bundle for TLS (a path), or `insecure` to skip verification
    DKG_STORE_TIMEOUT     seconds an engine request may take (default 60)
    DKG_STORE_MAX_ROWS    the engine's configured row cap, if it does not announce it itself
    DKG_STORE_ISQL        Virtuoso's isql address (host:port): builds load through its bulk loader
    DKG_STORE_ISQL_USER, DKG_STORE_ISQL_PASSWORD  isql credentials (default: the user and password)
    DKG_STORE_LOAD_DIR    a folder this machine writes and the Virtuoso server may read (DirsAllowed)
    DKG_STORE_CONFIG      a TOML file with the same keys in lower case, without DKG_STORE_
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Mapping

from dissertation_kg.server.store.location import DEFAULT_STORE, StoreError

AUTH_KINDS = ("basic", "digest", "bearer")


@dataclass(frozen=True)
class RemoteSpec:
    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None
    user: str | None = None
    password: str | None = None
    auth: str | None = None          # basic | digest | bearer; None: basic when a user is given
    token: str | None = None
    ca: str | None = None            # CA bundle path, or "insecure"
    timeout: float = 60.0
    max_rows: int | None = None
    engine: str | None = None        # virtuoso | oxigraph | dkg | generic; None: ask the engine
    isql: str | None = None          # Virtuoso's isql host:port, for its bulk loader
    isql_user: str | None = None
    isql_password: str | None = None
    load_dir: str | None = None      # where the bulk loader's files go (readable by the Virtuoso server)
    source: str = ""                 # where the settings came from, for error messages

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping) -> "RemoteSpec":
        return cls(**{k: v for k, v in data.items() if k in {f.name for f in fields(cls)}})

    def __str__(self) -> str:
        return self.query_url


def is_url(value) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


_KEYS = ("query_url", "update_url", "gsp_url", "user", "password", "auth", "token", "ca", "timeout",
         "max_rows", "engine", "isql", "isql_user", "isql_password", "load_dir")


def _coerce(values: dict, where: str) -> dict:
    out = {}
    for key, raw in values.items():
        if raw is None or raw == "":
            continue
        if key not in _KEYS:
            raise StoreError(f"{where}: unknown setting {key!r}; the settings are {', '.join(_KEYS)}")
        if key == "timeout":
            try:
                raw = float(raw)
            except ValueError:
                raise StoreError(f"{where}: timeout={raw!r} is not a number of seconds; set it to e.g. 60") from None
        elif key == "max_rows":
            try:
                raw = int(raw)
            except ValueError:
                raise StoreError(f"{where}: max_rows={raw!r} is not a whole number; set it to the engine's "
                                 "row cap, e.g. 10000") from None
        elif key == "auth":
            raw = str(raw).lower()
            if raw not in AUTH_KINDS:
                raise StoreError(f"{where}: auth={raw!r} is not one of {', '.join(AUTH_KINDS)}; pick one")
        else:
            raw = str(raw)
        out[key] = raw
    for key in ("query_url", "update_url", "gsp_url"):
        if key in out and not is_url(out[key]):
            raise StoreError(f"{where}: {key}={out[key]!r} is not an http(s) URL; give the engine's full URL")
    return out


def _from_toml(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StoreError(f"cannot read the store settings {path}: {exc}; check the path") from None
    except tomllib.TOMLDecodeError as exc:
        raise StoreError(f"{path} is not valid TOML ({exc}); fix it and try again") from None
    data = data.get("store", data)  # either top-level keys or a [store] table
    return _coerce(data, str(path))


def _from_env(env: Mapping[str, str]) -> dict:
    return _coerce({k: env.get(f"DKG_STORE_{k.upper()}") for k in _KEYS}, "environment (DKG_STORE_*)")


def resolve_store(value: str | Path | None = None, env: Mapping[str, str] | None = None) -> Path | RemoteSpec:
    """The store a command should use: `value` (the --store option), else the environment
    (DKG_STORE_QUERY_URL, DKG_STORE_CONFIG, DKG_STORE), else the default folder."""
    if isinstance(value, RemoteSpec):
        return value
    env = os.environ if env is None else env
    text = None if value is None else str(value)
    if text is None:
        if env.get("DKG_STORE_QUERY_URL"):
            text = env["DKG_STORE_QUERY_URL"]
        elif env.get("DKG_STORE_CONFIG"):
            text = env["DKG_STORE_CONFIG"]
        elif env.get("DKG_STORE"):
            text = env["DKG_STORE"]
        else:
            return Path(DEFAULT_STORE)
    settings: dict = {}
    source = text
    if env.get("DKG_STORE_CONFIG") and text != env["DKG_STORE_CONFIG"]:
        settings.update(_from_toml(Path(env["DKG_STORE_CONFIG"])))
    if text.endswith(".toml"):
        settings.update(_from_toml(Path(text)))
        settings.update(_from_env(env))
        if "query_url" not in settings:
            raise StoreError(f"{text} has no query_url; add the engine's SPARQL endpoint URL to it")
    elif is_url(text):
        settings.update(_from_env(env))
        settings["query_url"] = text
    elif "://" in text:
        raise StoreError(f"--store {text}: only http:// and https:// endpoints are supported; "
                         "give an http(s) URL or a folder")
    else:
        return Path(text)
    return RemoteSpec(**settings, source=source)


def local_dir(spec: RemoteSpec) -> Path:
    """This machine's folder for an engine: the build's staging store and cache, build records,
    and the artefacts (VoID statistics, dumps) of the generation served from it."""
    import hashlib

    key = hashlib.sha256(spec.query_url.encode()).hexdigest()[:12]
    return Path(DEFAULT_STORE).parent / "remote" / key


def engine_search_dir(spec: RemoteSpec, generation: str) -> Path:
    """Where this machine keeps the search index of one generation on an engine (the index the
    build wrote beside the staging store, linked here before the engine's pointer moves)."""
    return local_dir(spec) / "search" / generation


def with_overrides(spec: RemoteSpec, **values) -> RemoteSpec:
    return replace(spec, **{k: v for k, v in values.items() if v is not None})
