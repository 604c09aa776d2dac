"""The store seam: everything above this module talks to a `GraphStore`, never to Oxigraph.

Two implementations: `OxigraphStore` (embedded, the default) and `RemoteStore` (any SPARQL 1.1
Protocol + Graph Store Protocol server, for corpora that outgrow one machine). Both answer
queries with pyoxigraph's result objects, so serializers and callers are shared.

The embedded store's generations on disk are `location`'s job.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Sequence

import pyoxigraph as ox

from dissertation_kg.server.store.location import StoreError, StoreLocation
from dissertation_kg.server.store.spec import RemoteSpec, resolve_store


# --------------------------------------------------------------------------- stores


class GraphStore(ABC):
    """What the rest of the code may ask of a store."""

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        union_default_graph: bool = True,
        base_iri: str | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Evaluate a query. Without a dataset in the request, the default graph is the union
        of all named graphs and GRAPH still reaches each one."""

    @abstractmethod
    def update(self, sparql: str, *, base_iri: str | None = None) -> None: ...

    @abstractmethod
    def named_graphs(self) -> list[str]: ...

    @abstractmethod
    def replace_graph(self, graph_iri: str, data: bytes, format: ox.RdfFormat) -> None:
        """Replace one named graph's content (Graph Store Protocol PUT semantics)."""

    def close(self) -> None:  # pragma: no cover - trivial
        pass


def _dataset_kwargs(default_graph_uris, named_graph_uris, union_default_graph) -> dict:
    kwargs: dict = {}
    if default_graph_uris:
        kwargs["default_graph"] = [ox.NamedNode(u) for u in default_graph_uris]
    elif named_graph_uris:
        # SPARQL 1.1 Protocol: named graphs given without a default graph → an empty default graph.
        kwargs["default_graph"] = []
    elif union_default_graph:
        kwargs["use_default_graph_as_union"] = True
    if named_graph_uris:
        kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_graph_uris]
    return kwargs


# A generation built by `dkg build` holds, in its default graph, the RDF merge (a set) of all its
# named graphs. Oxigraph's own union default graph is a multiset: a triple stated by the English
# and the Kazakh document of one work would be counted twice. The marker file says the merge is
# there, so queries read the default graph as it is.
UNION_MARKER = "dkg-default-graph-is-union"


class OxigraphStore(GraphStore):
    """Embedded Oxigraph. Read-only by default, so any number of processes may open it."""

    def __init__(self, path: Path | str, *, read_only: bool = True):
        self.path = Path(path)
        self.materialized_union = (self.path / UNION_MARKER).exists()
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(
                f"cannot open the Oxigraph store at {self.path}: {exc}. "
                "Run `dkg build` to create it, or pass --store to point at another one."
            ) from exc

    @classmethod
    def in_memory(cls) -> "OxigraphStore":
        self = cls.__new__(cls)
        self.path = None
        self.materialized_union = False
        self._store = ox.Store()
        return self

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for code that builds or serializes in bulk (build, dumps)."""
        return self._store

    def query(self, sparql, *, default_graph_uris=(), named_graph_uris=(), union_default_graph=True, base_iri=None):
        union = union_default_graph and not self.materialized_union
        return self._store.query(
            sparql, base_iri=base_iri, **_dataset_kwargs(default_graph_uris, named_graph_uris, union)
        )

    def update(self, sparql, *, base_iri=None):
        self._store.update(sparql, base_iri=base_iri)
        self.refresh_union()

    def refresh_union(self) -> None:
        """After a write to named graphs, make the default graph their merge again."""
        if self.materialized_union:
            self._store.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def named_graphs(self):
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def replace_graph(self, graph_iri, data, format):
        graph = ox.NamedNode(graph_iri)
        if self._store.contains_named_graph(graph):
            self._store.clear_graph(graph)
        self._store.load(data, format=format, to_graph=graph)
        self.refresh_union()

    def close(self):
        del self._store


class RemoteStore(GraphStore):
    """A remote SPARQL engine (`remote`, `engine_dataset`): when `dkg build --store URL` built into
    it, queries see its current generation with the embedded store's dataset semantics; otherwise
    the engine's own dataset."""

    def __init__(self, spec: "RemoteSpec | str", generation: str | None = None):
        from dissertation_kg.server.store.engine_dataset import EngineDataset

        self.generation = generation  # None: whichever the engine's pointer names at each query
        self.spec = spec if isinstance(spec, RemoteSpec) else RemoteSpec(query_url=str(spec))
        self.dataset = EngineDataset(self.spec)
        self.engine = self.dataset.engine
        self.query_url = self.spec.query_url

    def query(self, sparql, *, default_graph_uris=(), named_graph_uris=(), union_default_graph=True, base_iri=None):
        return self.dataset.query(sparql, default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris,
                                  generation=self.generation, base_iri=base_iri)

    def update(self, sparql, *, base_iri=None):
        self.engine.update(sparql)

    def named_graphs(self):
        return self.dataset.named_graphs(self.generation)

    def export_quads(self):
        """Every quad of the generation: its named graphs, and their merge as the default graph.
        The merge is made here from the graphs (in a scratch on-disk store, which also keeps each
        triple once) rather than read from the engine's merge graph: Virtuoso cannot page an
        answer past 10,000 sorted rows, and a document graph is far below that."""
        import tempfile

        gen = self.generation or self.dataset.generations.current()
        with tempfile.TemporaryDirectory(prefix="dkg-export-") as scratch:
            store = ox.Store(scratch)
            for iri in self.dataset.named_graphs(gen):
                graph = ox.NamedNode(iri)
                triples = self.dataset.triples(iri, generation=gen)
                store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
                store.extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])
            yield from store
            del store

    def replace_graph(self, graph_iri, data, format):
        if format != ox.RdfFormat.N_TRIPLES:
            data = ox.serialize(ox.parse(data, format=format), format=ox.RdfFormat.N_TRIPLES)
        self.engine.put_graph(graph_iri, data)


def open_store(spec: "str | Path | RemoteSpec | None" = None, *, read_only: bool = True) -> GraphStore:
    """A store from a command-line value (see `spec.resolve_store`): a remote engine for an
    http(s) URL or a .toml file of engine settings; else a store directory (its current
    generation) or an Oxigraph database directory."""
    resolved = spec if isinstance(spec, RemoteSpec) else resolve_store(spec)
    if isinstance(resolved, RemoteSpec):
        return RemoteStore(resolved)
    spec = str(resolved)
    location = StoreLocation(spec)
    current = location.current()
    if current is not None:
        return OxigraphStore(current, read_only=read_only)
    if Path(spec).is_dir() and any(Path(spec).iterdir()) and not (Path(spec) / "generations").exists():
        return OxigraphStore(spec, read_only=read_only)
    raise StoreError(f"no graph has been built in {spec}. Run `dkg build --store {spec}` first.")
