"""The embedded store's dataset, kept on a remote engine: generations, the one-step switch, and
queries that see exactly one generation.

Every build loads into graph names of its own, `urn:x-dkg:<generation>:<graph IRI>`, plus
`urn:x-dkg:<generation>:default` holding the set-merge of its graphs (the embedded store's default
graph) and a manifest listing its graphs. One triple in `urn:x-dkg:pointer` names the generation
in use; a single SPARQL Update rewrites it (the switch), then the older generations are dropped.
A killed build leaves its half-loaded graphs unreferenced: the pointer never moved, and the next
build drops them.

A query is sent with the dataset of the current generation (`default-graph-uri` = its merge
graph, `named-graph-uri` = its graphs when the query uses GRAPH); graph IRIs the query names
(GRAPH <…>, FROM <…>, FROM NAMED <…>) are mapped to the generation's names and mapped back in
the answer, so results are those of the embedded store, graph names included.
"""
from __future__ import annotations

import itertools
import re
import tempfile
import threading
import time
import uuid

import pyoxigraph as ox

from dissertation_kg.server.store.remote import EngineError, RemoteEngine, RowCapError, _NOISE, query_form
from dissertation_kg.server.store.spec import RemoteSpec

NS = "urn:x-dkg:"
POINTER = NS + "pointer"
CURRENT = NS + "current"
GENERATION = NS + "generation"     # pointer graph: every generation ever started (for cleaning up)
HAS_GRAPH = NS + "graph"           # manifest: generation → original graph IRI
LANGUAGE = NS + "language"         # manifest: one literal per language tag the generation uses
LOAD_THREADS = 4                   # concurrent Graph Store PUTs while loading a generation
MERGE_SLICE = 20_000               # triples per request when loading the merge graph
DROP_BATCH = 100                   # graphs dropped per SPARQL Update request
POINTER_TTL = 1.0                  # seconds a looked-up pointer is trusted (one engine query per second)


def prefix(gen: str) -> str:
    return f"{NS}{gen}:"


def merge_graph(gen: str) -> str:
    return prefix(gen) + "default"


def manifest_graph(gen: str) -> str:
    return prefix(gen) + "manifest"


_LANGUAGE_TAG = re.compile(rb'(?<!\\)"@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)[ \t]')


def language_tags(chunks) -> set[str]:
    """The language tags of the literals in N-Triples `chunks`."""
    return {m.group(1).decode("ascii") for chunk in chunks for m in _LANGUAGE_TAG.finditer(chunk)}


def new_generation_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:6]


def generation_time(gen: str) -> float:
    """When a generation was started (its id begins with the UTC time)."""
    import calendar

    try:
        return float(calendar.timegm(time.strptime(gen.split("-", 1)[0], "%Y%m%dT%H%M%S")))
    except ValueError:
        return time.time()


class GenerationSource:
    """A built local generation as a load reads it: graph by graph, and the merge (the default
    graph) in slices through a file on disk, so that a corpus is never held in memory whole
    (10,000 documents are some 5 GB of N-Triples; reading them all first took 6.5 GB)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def names(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph(self, iri: str) -> bytes:
        return self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))

    def merge_slices(self, lines: int):
        with tempfile.TemporaryFile() as f:
            self.store.dump(f, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            f.seek(0)
            while batch := list(itertools.islice(f, lines)):
                yield b"".join(batch)

    def language_tags(self) -> set[str]:
        # The merge holds every triple of the graphs, so every literal.
        rows = self.store.query('SELECT DISTINCT (LANG(?o) AS ?tag) WHERE { ?s ?p ?o FILTER(LANG(?o) != "") }')
        return {row["tag"].value for row in rows}


class BytesSource:
    """The same over N-Triples already in memory (small generations, tests)."""

    def __init__(self, graphs: dict[str, bytes], merge: bytes):
        self.graphs, self.merge = graphs, merge

    def names(self) -> list[str]:
        return sorted(self.graphs)

    def graph(self, iri: str) -> bytes:
        return self.graphs[iri]

    def merge_slices(self, lines: int):
        all_lines = self.merge.splitlines(keepends=True)
        for i in range(0, len(all_lines), lines):
            yield b"".join(all_lines[i:i + lines])

    def language_tags(self) -> set[str]:
        return language_tags(itertools.chain(self.graphs.values(), [self.merge]))


class EngineGenerations:
    """The generations kept on one engine, and the pointer to the one in use."""

    def __init__(self, engine: RemoteEngine):
        self.engine = engine
        self._lock = threading.Lock()
        self._pointer: tuple[float, str | None] | None = None
        self._refreshing = False
        self._epoch = 0
        self._graphs: dict[str, list[str]] = {}

    def _select(self, sparql: str) -> list:
        form, media, body = self.engine.raw_query(sparql)
        return list(self.engine.results(form, media, body))

    def current(self, fresh: bool = False) -> str | None:
        with self._lock:
            if not fresh and self._pointer:
                age = time.monotonic() - self._pointer[0]
                if age < POINTER_TTL:
                    # Past half its life the pointer is looked up again beside this request, not in
                    # it: under steady traffic no request waits for the engine's pointer (a round
                    # trip each second that one request in every few paid), and none is ever
                    # answered from a pointer older than POINTER_TTL.
                    if age >= POINTER_TTL / 2 and not self._refreshing:
                        self._refreshing = True
                        threading.Thread(target=self._refresh, name="dkg-engine-pointer", daemon=True).start()
                    return self._pointer[1]
        return self._lookup()

    def _lookup(self) -> str | None:
        with self._lock:
            epoch = self._epoch
        asked = time.monotonic()  # the age counts from the question: the answer may be that old
        rows = self._select(f"SELECT ?g WHERE {{ GRAPH <{POINTER}> {{ <{POINTER}> <{CURRENT}> ?g }} }}")
        gen = rows[0]["g"].value if rows else None
        with self._lock:
            # An answer to a question asked before forget() (a switch, a reload) is not kept.
            if epoch == self._epoch and (self._pointer is None or self._pointer[0] <= asked):
                self._pointer = (asked, gen)
        return gen

    def forget(self) -> None:
        with self._lock:
            self._pointer = None
            self._epoch += 1

    def _refresh(self) -> None:
        try:
            self._lookup()
        except Exception:  # noqa: BLE001 - the next request past POINTER_TTL asks itself and reports it
            pass
        finally:
            with self._lock:
                self._refreshing = False

    def all(self) -> list[str]:
        rows = self._select(f"SELECT ?g WHERE {{ GRAPH <{POINTER}> {{ <{POINTER}> <{GENERATION}> ?g }} }}")
        return sorted(r["g"].value for r in rows)

    def graphs(self, gen: str) -> list[str]:
        """The original IRIs of the generation's named graphs (fixed once it is built)."""
        if gen not in self._graphs:
            rows = self._select(f"SELECT ?g WHERE {{ GRAPH <{manifest_graph(gen)}> {{ ?x <{HAS_GRAPH}> ?g }} }}")
            self._graphs[gen] = sorted(r["g"].value for r in rows)
        return self._graphs[gen]

    # ------------------------------------------------------------------ building

    def start(self) -> str:
        gen = new_generation_id()
        self.engine.update(f'INSERT DATA {{ GRAPH <{POINTER}> {{ <{POINTER}> <{GENERATION}> "{gen}" }} }}')
        return gen

    def load(self, gen: str, source: "GenerationSource | BytesSource") -> None:
        """Load the manifest, then N-Triples per original graph IRI and the merge, read from
        `source` a graph or a slice at a time."""
        p = prefix(gen)
        names = source.names()
        # The manifest first: it is what `drop` goes by, so a build killed halfway is cleaned up
        # completely by the next one. Readers only ever look at the generation the pointer names.
        manifest = "".join(f"<{NS}{gen}> <{HAS_GRAPH}> <{iri}> .\n" for iri in names)
        # Virtuoso registers a language tag the first time a request uses it, and two concurrent
        # requests meeting the same new tag collide ("SR197: Non unique primary key on
        # DB.DBA.RDF_LANGUAGE", openlink/virtuoso-opensource#1329): every tag is met here first,
        # in one request, before the parallel ones below.
        tags = sorted(source.language_tags())
        manifest += "".join(f'<{NS}{gen}> <{LANGUAGE}> "{tag}"@{tag} .\n' for tag in tags)
        self.engine.put_graph(manifest_graph(gen), manifest.encode())

        # N-Triples lines end in " .\n" (a newline inside a literal is escaped): the graph name
        # goes before it.
        def quads():
            for iri in names:
                yield source.graph(iri).replace(b" .\n", f" <{p}{iri}> .\n".encode())
            named = f" <{merge_graph(gen)}> .\n".encode()
            for chunk in source.merge_slices(MERGE_SLICE):
                yield chunk.replace(b" .\n", named)

        if self.engine.spec.isql and self.engine.engine == "virtuoso":
            from dissertation_kg.server.store.virtuoso_loader import bulk_load

            bulk_load(self.engine.spec, f"dkg-{gen}", quads())
            return
        if self.engine.engine in ("oxigraph", "dkg"):
            # One N-Quads POST instead of one PUT per graph: the same content, far fewer requests;
            # sent from a file on disk, which requests streams, rather than from memory.
            with tempfile.TemporaryFile() as body:
                for chunk in quads():
                    body.write(chunk)
                body.seek(0)
                if self.engine.post_quads(body):
                    return
        # The merge is as large as everything else together: sent in slices added to it (a graph
        # is a set, so the engine keeps each triple once), first, to overlap the rest. Each
        # thread takes the next request from one shared iterator, so only the requests in flight
        # are in memory (Executor.map would read them all before sending the first).
        puts = itertools.chain(((merge_graph(gen), chunk, True) for chunk in source.merge_slices(MERGE_SLICE)),
                               ((p + iri, iri, False) for iri in names))
        lock = threading.Lock()
        failures: list[BaseException] = []

        def sender():
            while not failures:
                with lock:
                    item = next(puts, None)
                    if item is None:
                        return
                    graph, data, append = item
                    if not append:
                        data = source.graph(data)
                try:
                    self.engine.put_graph(graph, data, append=append)
                except BaseException as exc:  # noqa: BLE001 - re-raised below, after the others stop
                    failures.append(exc)

        threads = [threading.Thread(target=sender, name="dkg-engine-load") for _ in range(LOAD_THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if failures:
            raise failures[0]

    def switch(self, gen: str) -> None:
        """Point readers at `gen` with one update (one statement: atomic on every engine)."""
        # The WHERE clause must match once even before the first switch (an OPTIONAL alone
        # matches nothing on Virtuoso): the generation's own registration is that match.
        self.engine.update(
            f'DELETE {{ GRAPH <{POINTER}> {{ <{POINTER}> <{CURRENT}> ?old }} }} '
            f'INSERT {{ GRAPH <{POINTER}> {{ <{POINTER}> <{CURRENT}> "{gen}" }} }} '
            f'WHERE {{ GRAPH <{POINTER}> {{ <{POINTER}> <{GENERATION}> "{gen}" '
            f'OPTIONAL {{ <{POINTER}> <{CURRENT}> ?old }} }} }}')
        if self.current(fresh=True) != gen:
            raise EngineError(f"the engine at {self.engine.spec.query_url} did not record the switch to "
                              f"generation {gen}; the served data is unchanged. Check the update URL and "
                              "credentials (DKG_STORE_UPDATE_URL, DKG_STORE_USER)", 502)
        self.forget()

    def drop(self, gen: str) -> None:
        names = [prefix(gen) + iri for iri in self.graphs(gen)] + [merge_graph(gen), manifest_graph(gen)]
        for i in range(0, len(names), DROP_BATCH):  # one request per batch: far fewer round trips
            self.engine.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in names[i:i + DROP_BATCH]))
        self.engine.update(f'DELETE DATA {{ GRAPH <{POINTER}> {{ <{POINTER}> <{GENERATION}> "{gen}" }} }}')
        self._graphs.pop(gen, None)

    def prune(self, keep: str, also: str | None = None) -> list[str]:
        """Drop every generation but `keep` and `also` (older ones and ones a killed build left behind)."""
        dropped = []
        for gen in self.all():
            if gen not in (keep, also):
                self.drop(gen)
                dropped.append(gen)
        return dropped


# --------------------------------------------------------------------------- query rewriting

_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)
# A keyword is a word of its own: not the local part of a prefixed name (ex:graph, ex:from), a
# variable (?from) or a blank node label (_:graph), any of which would otherwise be read as
# GRAPH or FROM, rewriting an object or, for FROM, sending the query with no dataset of ours.
# SPARQL needs no space before an IRI (FROM<x>, GRAPH<x>); before a prefixed name it does.
_KEYWORD_START = r"(?<![\w:?$.\-])"
_GRAPH_TERM = re.compile(_KEYWORD_START + r"(GRAPH|FROM\s+NAMED|FROM)(?:\s*<([^<>\s]*)>|\s+([A-Za-z][\w.-]*)?:([\w.-]*))",
                         re.IGNORECASE)
_GRAPH_KEYWORD = re.compile(_KEYWORD_START + r"GRAPH\b", re.IGNORECASE)


def rewrite_graphs(sparql: str, gen: str) -> tuple[str, bool, bool]:
    """The query with the graph IRIs it names mapped into `gen`; also whether it uses GRAPH (True),
    only with constant IRIs (the set of them), or not at all (False), and whether it gives its own
    dataset (FROM)."""
    prefixes = {m.group(1) or "": m.group(2) for m in _PREFIX_DECL.finditer(sparql)}
    blanked = _NOISE.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " " * len(m.group(0)), sparql)
    out, last, constants, has_from = [], 0, set(), False
    for m in _GRAPH_TERM.finditer(blanked):
        keyword = m.group(1).upper()
        has_from |= keyword.startswith("FROM")
        iri = m.group(2)
        if iri is None:
            base = prefixes.get(m.group(3) or "")
            if base is None:
                continue
            iri = base + m.group(4)
        if keyword == "GRAPH":
            constants.add(iri)
        out.append(sparql[last:m.start()])
        out.append(f"{m.group(1)} <{prefix(gen)}{iri}>")
        last = m.end()
    out.append(sparql[last:])
    graph_uses = len(_GRAPH_KEYWORD.findall(blanked))
    uses_graph = False if not graph_uses else constants if graph_uses == _constant_graph_uses(blanked) else True
    return "".join(out), uses_graph, has_from


def _constant_graph_uses(blanked: str) -> int:
    return sum(1 for m in _GRAPH_TERM.finditer(blanked) if m.group(1).upper() == "GRAPH")


_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


_BASE_DECL = re.compile(r"\bBASE\s*<", re.IGNORECASE)


def with_base(sparql: str, base_iri: str | None) -> str:
    """The query with `base_iri` as its base, as pyoxigraph's `base_iri=` gives it embedded: a BASE
    declared first (the prologue takes BASE and PREFIX in any order). Not when the query declares
    a BASE of its own, which wins embedded and which Virtuoso refuses to see twice; nor when the
    IRI cannot be written between <>."""
    if not base_iri or _IRI_UNSAFE.search(base_iri):
        return sparql
    blanked = _NOISE.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " " * len(m.group(0)), sparql)
    if _BASE_DECL.search(blanked):
        return sparql
    return f"BASE <{base_iri}>\n{sparql}"


class EngineDataset:
    """Queries against the current generation on an engine, answered as the embedded store
    answers them (pyoxigraph result objects, the same dataset semantics)."""

    def __init__(self, spec: RemoteSpec, engine: RemoteEngine | None = None,
                 generations: EngineGenerations | None = None):
        self.spec = spec
        self.engine = engine or RemoteEngine(spec)
        self.generations = generations or EngineGenerations(self.engine)

    def query(self, sparql: str, *, default_graph_uris=(), named_graph_uris=(), union_default_graph=True,
              base_iri=None, generation: str | None = None, timeout: float | None = None):
        sparql = with_base(sparql, base_iri)
        gen = generation or self.generations.current()
        if gen is None:  # not built by `dkg build`: the engine's own dataset, passed through
            params = [("default-graph-uri", u) for u in default_graph_uris] + \
                     [("named-graph-uri", u) for u in named_graph_uris]
            return self.engine.results(*self.engine.raw_query(sparql, params, timeout=timeout))
        text, params = self.prepare(sparql, gen, default_graph_uris, named_graph_uris)
        form, media, body = self.engine.raw_query(text, params, timeout=timeout)
        return self.engine.results(form, media, body.replace(prefix(gen).encode(), b""))

    def answer(self, sparql: str, *, results: str | None, graph: str | None, default_graph_uris=(),
               named_graph_uris=(), generation: str | None = None, timeout: float | None = None,
               base_iri: str | None = None):
        """The answer in the client's format, as bytes straight from the engine where it writes that
        format (passthrough.py): a `Passed`; else, as `query`, pyoxigraph result objects for the
        caller to serialize. `results`/`graph`: the media types negotiated for either kind."""
        from dissertation_kg.server.store import passthrough

        form = query_form(sparql)
        media = graph if form in ("CONSTRUCT", "DESCRIBE") else results
        engine = self.engine.engine
        if not passthrough.passable(engine, form, media):
            return self.query(sparql, default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris,
                              generation=generation, timeout=timeout, base_iri=base_iri)
        sparql = with_base(sparql, base_iri)
        gen = generation or self.generations.current()
        if gen is None:
            text = sparql
            params = [("default-graph-uri", u) for u in default_graph_uris] + \
                     [("named-graph-uri", u) for u in named_graph_uris]
        else:
            text, params = self.prepare(sparql, gen, default_graph_uris, named_graph_uris)
        limit = timeout or self.spec.timeout
        resp = self.engine.stream_query(text, params, accept=media, timeout=limit)
        got = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if got != media:  # the engine chose another format after all: read it as before
            body = resp.content
            return self.engine.results(form, got, body.replace(prefix(gen).encode(), b"") if gen else body)
        chunks = passthrough.body_chunks(resp, self.spec.query_url, limit)
        chunks = passthrough.rewritten(chunks, passthrough.replacements(engine, media, prefix(gen) if gen else None))
        cap = None if passthrough.announces_cap(engine, form, media) else self.engine.row_cap
        return Passed(media, passthrough.capped(chunks, form, media, cap))

    def prepare(self, sparql: str, gen: str, default_graph_uris=(), named_graph_uris=()) -> tuple[str, list]:
        """The query text and protocol parameters that ask the engine about generation `gen`."""
        text, uses_graph, has_from = rewrite_graphs(sparql, gen)
        p = prefix(gen)
        if default_graph_uris or named_graph_uris:
            params = [("default-graph-uri", p + u) for u in default_graph_uris] + \
                     [("named-graph-uri", p + u) for u in named_graph_uris]
            if not default_graph_uris:
                params.append(("default-graph-uri", p + "none"))  # named graphs only: an empty default graph
        elif has_from:
            params = []
        else:
            params = [("default-graph-uri", merge_graph(gen))]
            if uses_graph:
                # Only the graphs the query can reach: those it names when every GRAPH names one,
                # else all of the generation's (Virtuoso echoes each as a response header).
                names = sorted(uses_graph) if isinstance(uses_graph, set) else self.generations.graphs(gen)
                params += [("named-graph-uri", p + g) for g in names]
        return text, params

    def triples(self, graph: str | None, *, generation: str | None = None, page: int = 5000) -> list:
        """All triples of one graph (None: the default graph), page by page when the engine caps
        the rows of one answer."""
        where = "?s ?p ?o" if graph is None else f"GRAPH <{graph}> {{ ?s ?p ?o }}"
        cap = self.engine.row_cap
        try:
            return list(self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", generation=generation))
        except RowCapError:
            pass
        except EngineError:
            if not cap:  # with a cap known, a server in front of a capped engine refuses the same way
                raise
        page = min(page, cap - 1) if cap and cap > 1 else page  # a full page would read as cut off
        try:
            return self._pages(where, page, generation, ordered=True)
        except EngineError:
            # Virtuoso refuses to sort past OFFSET + LIMIT > 10,000 rows (its MaxSortedTopRows);
            # its unsorted scan order is stable for an unchanged graph, so page without ORDER BY
            # and check the count, so that an unstable order is an error, never a silent gap.
            out = self._pages(where, page, generation, ordered=False)
            counted = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", generation=generation)
            total = int(next(iter(counted))["n"].value)
            if len(set(out)) != total:
                raise EngineError(f"read {len(set(out))} of the {total} triples of "
                                  f"{graph or 'the default graph'} page by page: the engine neither sorts that "
                                  "many rows nor keeps its order across pages. Raise the engine's row cap or its "
                                  "sort limit (Virtuoso: ResultSetMaxRows, MaxSortedTopRows in virtuoso.ini)") from None
            return list(dict.fromkeys(out))  # pages of an unsorted scan may overlap

    def _pages(self, where: str, page: int, generation: str | None, *, ordered: bool) -> list:
        order = "ORDER BY ?s ?p ?o " if ordered else ""
        out, offset = [], 0
        while True:
            rows = list(self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT ?s ?p ?o WHERE {{ {where} }} "
                                   f"{order}LIMIT {page} OFFSET {offset} }} }}", generation=generation))
            out += rows
            if len(rows) < page:
                return out
            offset += page

    def named_graphs(self, generation: str | None = None) -> list[str]:
        gen = generation or self.generations.current()
        if gen is None:
            res = self.engine.results(*self.engine.raw_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
            return sorted(row["g"].value for row in res)
        return self.generations.graphs(gen)


def ox_dataset_kwargs(kwargs: dict) -> dict:
    """pyoxigraph's dataset keywords (as the query workers pass them) in GraphStore terms."""
    out = {}
    if "default_graph" in kwargs or "named_graphs" in kwargs:
        out["default_graph_uris"] = [g.value for g in kwargs.get("default_graph") or []
                                     if isinstance(g, ox.NamedNode)]
        out["named_graph_uris"] = [g.value for g in kwargs.get("named_graphs") or []]
        if not out["default_graph_uris"] and not out["named_graph_uris"]:
            out["named_graph_uris"] = []
    return out


class Passed:
    """An engine's answer on its way to the client unparsed: its media type and its bytes."""

    def __init__(self, media: str, chunks):
        self.media = media
        self.chunks = chunks


class WorkerView:
    """What a query worker asks of `ox.Store`, answered from one generation on an engine, so the
    worker pool (time limit, kill, streaming) serves a remote engine unchanged."""

    def __init__(self, spec: RemoteSpec, generation: str | None):
        self.dataset = EngineDataset(spec)
        self.generation = generation

    def query(self, sparql, *, base_iri=None, use_default_graph_as_union=False, **kwargs):
        return self.dataset.query(sparql, generation=self.generation, base_iri=base_iri, **ox_dataset_kwargs(kwargs))

    def answer(self, sparql, *, results=None, graph=None, base_iri=None, use_default_graph_as_union=False, **kwargs):
        """EngineDataset.answer for this generation: a `Passed`, or result objects to serialize."""
        return self.dataset.answer(sparql, results=results, graph=graph, generation=self.generation,
                                   base_iri=base_iri, **ox_dataset_kwargs(kwargs))

    def named_graphs(self):
        return [ox.NamedNode(g) for g in self.dataset.named_graphs(self.generation)]

    def contains_named_graph(self, graph) -> bool:
        return graph.value in self.dataset.named_graphs(self.generation)

    def __len__(self) -> int:
        rows = list(self.dataset.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
                                       generation=self.generation))
        return int(rows[0]["n"].value)

    def dump(self, output, format, from_graph=None):
        graph = "?g" if from_graph is None else f"<{from_graph.value}>"
        if isinstance(from_graph, ox.DefaultGraph):
            sparql = "CONSTRUCT WHERE { ?s ?p ?o }"
        else:
            sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
        self.dataset.query(sparql, generation=self.generation).serialize(output, format=format)

    def graph_names(self) -> list[str]:
        """The generation's named graphs (original IRIs), as the manifest lists them now."""
        return self.dataset.named_graphs(self.generation)

    def write(self, update: list[str], **changes) -> None:
        """Apply an update (its operations, already on this generation's graph names), with the
        merge graph and the manifest corrected after it (remote_writes.py)."""
        from dissertation_kg.server.store.remote_writes import corrected

        if self.generation is None:
            raise EngineError("this engine was not built by `dkg build --store URL` (it has no generation pointer), "
                              "so this server does not write to it; write to the engine directly", 405)
        ops = corrected(self.generation, update, **changes)
        engine = self.dataset.engine
        if engine.engine == "virtuoso":  # a later operation of one request does not see an earlier one's writes
            for op in ops:
                engine.update(op)
        else:
            engine.update(" ;\n".join(ops))
        self.dataset.generations._graphs.pop(self.generation, None)

    def update(self, *_args, **_kwargs):
        raise EngineError("this write cannot be carried out on a remote engine in this form; use SPARQL Update "
                          "or the Graph Store Protocol on a named graph", 405)

    add_graph = clear_graph = remove_graph = extend = update
