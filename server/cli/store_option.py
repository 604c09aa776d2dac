"""`--store DIR|URL|FILE.toml`, the same option for every command that reads or writes the graph.

Kept as text until it is resolved by `store.spec.resolve_store`, so a URL never becomes a path
(click.Path would collapse `http://` to `http:/`). Not given: DKG_STORE_QUERY_URL, DKG_STORE_CONFIG
or DKG_STORE, else .dkg/store.
"""
from __future__ import annotations

from pathlib import Path

import click

from dissertation_kg.server.store.location import StoreError
from dissertation_kg.server.store.spec import RemoteSpec, resolve_store

HELP = ("Store: a folder (embedded Oxigraph), the URL of a SPARQL engine, or a .toml file of engine "
        "settings. Default: DKG_STORE_QUERY_URL, DKG_STORE_CONFIG or DKG_STORE, else .dkg/store.")


class StoreParam(click.ParamType):
    name = "DIR|URL"

    def convert(self, value, param, ctx):
        if isinstance(value, (Path, RemoteSpec)):
            return value
        try:
            return resolve_store(value)
        except StoreError as exc:
            self.fail(str(exc), param, ctx)


STORE = StoreParam()


def store_option(help: str = HELP, **kwargs):
    return click.option("--store", "store", type=STORE, default=None, help=help, **kwargs)


def resolved(store) -> Path | RemoteSpec:
    """The option's value, or the default from the environment when it was not given."""
    try:
        return resolve_store(store)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None


def local_only(store, command: str) -> Path:
    """For commands that only work on a folder: a clear error for an engine."""
    value = resolved(store)
    if isinstance(value, RemoteSpec):
        raise click.UsageError(f"`dkg {command}` works on a store folder, not on the engine at {value.query_url}; "
                               "pass --store DIR")
    return value
