"""Writes to the served generation on a remote engine, keeping its dataset what the embedded store's
is after the same write: the merge graph (the default graph) the set-merge of the named graphs,
as `OxigraphStore.refresh_union` keeps it, and the manifest listing the graphs that exist.

All of it goes to the engine as one SPARQL Update request where the engine runs a request's
operations in order, each seeing the ones before (Oxigraph's server: one transaction, so a reader
sees the write and its corrected merge together). Virtuoso 7 does not: within one request a later
INSERT … WHERE does not see an earlier one's triples (tried: the merge missed them), so there
each step is a request of its own, and a reader may see the write a moment before the merge
follows it.

1. the triples of every graph the write may delete from are set aside in a scratch graph;
2. the write itself, already on the generation's graph names (endpoint/engine_update.py);
3. what the written graphs now hold is added to the merge (a graph is a set: nothing doubles);
4. set-aside triples that no graph of the generation still holds leave the merge; the scratch
   graph is dropped;
5. the manifest gains the graphs created and loses the ones dropped.

Only the written graphs are read, never the whole merge, so a write costs what it touches.
"""
from __future__ import annotations

import uuid

from dissertation_kg.server.store.engine_dataset import HAS_GRAPH, NS, manifest_graph, merge_graph, prefix


def corrected(gen: str, update: list[str], *, adds, deletes, created, dropped) -> list[str]:
    """The operations that apply `update` (its operations) to generation `gen` and correct its
    merge and manifest, in order."""
    p, merge, manifest = prefix(gen), merge_graph(gen), manifest_graph(gen)
    scratch = f"{p}scratch-{uuid.uuid4().hex}"
    ops = []
    for g in sorted(deletes):
        ops.append(f"INSERT {{ GRAPH <{scratch}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{p}{g}> {{ ?s ?p ?o }} }}")
    ops.extend(update)
    for g in sorted(adds - dropped):
        ops.append(f"INSERT {{ GRAPH <{merge}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{p}{g}> {{ ?s ?p ?o }} }}")
    if deletes:
        ops.append(
            f"DELETE {{ GRAPH <{merge}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{scratch}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{p}\") "
            f"&& ?g != <{merge}> && ?g != <{scratch}> && ?g != <{manifest}>) }} }}")
        ops.append(f"DROP SILENT GRAPH <{scratch}>")
    if created:
        ops.append("INSERT DATA { GRAPH <%s> { %s } }" % (
            manifest, " ".join(f"<{NS}{gen}> <{HAS_GRAPH}> <{g}> ." for g in sorted(created))))
    if dropped:
        ops.append("DELETE DATA { GRAPH <%s> { %s } }" % (
            manifest, " ".join(f"<{NS}{gen}> <{HAS_GRAPH}> <{g}> ." for g in sorted(dropped))))
    return ops


def graph_write(gen: str, graph: str, op: str, ntriples: bytes = b"") -> tuple[list[str], dict]:
    """The update for a Graph Store write to one named graph (replace, append or drop), and the
    keyword arguments of `corrected` for it."""
    target = f"<{prefix(gen)}{graph}>"
    body = ntriples.decode("utf-8")
    if op == "drop":
        # SILENT: the caller saw the graph in the manifest; Virtuoso refuses a plain DROP of a
        # graph that was filled without CREATE GRAPH.
        return [f"DROP SILENT GRAPH {target}"], {"adds": set(), "deletes": {graph}, "created": set(), "dropped": {graph}}
    insert = f"INSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}"
    if op == "replace":
        return ([f"DROP SILENT GRAPH {target}", insert],
                {"adds": {graph}, "deletes": {graph}, "created": {graph}, "dropped": set()})
    return [insert], {"adds": {graph}, "deletes": set(), "created": {graph}, "dropped": set()}
