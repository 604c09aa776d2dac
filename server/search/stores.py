"""Which index file serves which store, and building it when it is missing.

An embedded generation keeps its index inside its own folder (written by `dkg build`). A remote
store has no folder of ours, so its index is built from its SPARQL endpoint into a cache file
named after the endpoint's URL, and rebuilt on request (`dkg search --reindex`): the remote data
can change without us knowing.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from dissertation_kg.server.search.index import INDEX_NAME, IndexMissing, SearchIndex, build_index
from dissertation_kg.server.store.engines import GraphStore, OxigraphStore, RemoteStore

CACHE = Path(os.environ.get("DKG_SEARCH_CACHE", Path.home() / ".cache" / "dissertation-kg" / "search"))


def index_path(store: GraphStore) -> Path:
    if isinstance(store, OxigraphStore) and store.path is not None:
        return Path(store.path) / INDEX_NAME
    if isinstance(store, RemoteStore):
        return CACHE / f"{hashlib.sha256(store.query_url.encode()).hexdigest()[:20]}.sqlite"
    raise IndexMissing("this store has no place for a search index (an in-memory store); build the graph "
                       "with `dkg build` and search its store directory")


def index_for(store: GraphStore, *, reindex: bool = False) -> SearchIndex:
    """The store's index, built first when there is none yet (or `reindex`)."""
    path = index_path(store)
    if reindex or not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_index(store, path)
    try:
        return SearchIndex(path)
    except IndexMissing:
        if reindex:
            raise
        build_index(store, path)  # an index of an older format: build it again
        return SearchIndex(path)
