"""Which writes may destroy the built corpus.

One authorised `CLEAR ALL` once emptied the served graph for good (issue #11). Writes are meant
for graphs of their own beside the corpus; an operation that would delete from a corpus graph
(one the build made), or from every graph at once, is refused unless the request says
`destructive=yes`. Even then the way back is a rebuild (`dkg reload --rebuild`), which makes a
fresh generation from the sources.

The decision rests on rdflib's parse of the update: one it cannot read is treated as
destructive, since what it deletes cannot be shown to be harmless.
"""
from __future__ import annotations

from rdflib import URIRef, Variable

from dissertation_kg.server.endpoint.parse_tree import Unreadable, algebra

_BULK = {"ALL": "every graph", "NAMED": "every named graph", "DEFAULT": "the default graph"}


def _graph_hits(graph, corpus: set[str], what: str) -> str | None:
    """`corpus` holds the corpus graphs' IRIs, and "DEFAULT" when the built default graph is data
    of its own (not the merge of the named graphs)."""
    if isinstance(graph, str) and graph in _BULK:
        touched = {"ALL": corpus, "NAMED": corpus - {"DEFAULT"}, "DEFAULT": corpus & {"DEFAULT"}}[graph]
        return f"{what} {_BULK[graph]}" if touched else None
    if isinstance(graph, Variable):
        return f"{what} a graph chosen by ?{graph} (it may be any corpus graph)"
    if isinstance(graph, URIRef) and str(graph) in corpus:
        return f"{what} corpus graph <{graph}>"
    return None


def _deleted_graphs(op) -> list:
    """The graphs a DELETE template deletes from ("DEFAULT" or the WITH graph for its triples)."""
    # CompValue.get answers a missing key with the key's own name, hence the `in` tests.
    clause = op["delete"] if op.name == "Modify" else op
    graphs = list(clause["quads"].keys()) if "quads" in clause and clause["quads"] else []
    if "triples" in clause and clause["triples"]:
        graphs.append(op["withClause"] if "withClause" in op else "DEFAULT")
    return graphs


def destructive(text: str, corpus: set[str]) -> str | None:
    """What in the update would delete corpus data, or None."""
    try:
        ops = algebra(text, update=True)
    except Unreadable as exc:
        return f"the update could not be read to check what it deletes ({exc})"
    for op in ops:
        found = None
        if op.name in ("Clear", "Drop"):
            found = _graph_hits(op.get("graphiri"), corpus, f"{op.name.upper()} of")
        elif op.name in ("Move", "Copy"):
            source, target = op.get("graph")
            found = _graph_hits(target, corpus, f"{op.name.upper()} over")
            if found is None and op.name == "Move":
                found = _graph_hits(source, corpus, "MOVE of")
        elif op.name in ("DeleteData", "DeleteWhere", "Modify"):
            if op.name == "Modify" and "delete" not in op:
                continue
            for graph in _deleted_graphs(op):
                found = _graph_hits(graph, corpus, "DELETE from")
                if found:
                    break
        if found:
            return found
    return None


def refusal(reason: str) -> str:
    return (f"refused: this update would destroy built data ({reason}). Write to a graph of your own "
            "instead (e.g. INSERT DATA { GRAPH <https://example.org/my-notes> { … } }), or, to really do "
            "it, repeat the request with destructive=yes; `dkg reload --rebuild` restores the corpus.")


def destructive_asked(params) -> bool:
    return (params.get("destructive") or "").strip().lower() in ("yes", "true", "1")
