"""A SPARQL Update for the embedded store, turned into one for the current generation on a remote
engine (`store/engine_dataset.py` keeps each generation under graph names of its own).

What the update writes, deletes, reads and refuses is decided from rdflib's parse of it
(parse_tree.py). The text is then edited token by token (sparql_scan.py) only where a graph is
named — after GRAPH, WITH, USING [NAMED], INTO, and in ADD/MOVE/COPY — and the graphs so edited
must be exactly those the parse found, or the update is refused: a scan that read the text
differently from the parse can never redirect a write to a graph nobody checked.

Each operation that reads (a WHERE clause) gets the generation's dataset as USING clauses: the
merge graph as its default graph (or its WITH graph, as SPARQL says) and, when it uses GRAPH, the
generation's graphs as named graphs. Without them Virtuoso would read every graph it holds
(other generations too), and Oxigraph's server an empty default graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef, Variable

from dissertation_kg.server.endpoint.parse_tree import Unreadable, algebra
from dissertation_kg.server.endpoint.sparql_scan import add_using_clauses, scan


class EngineUpdateRefused(ValueError):
    """The update cannot be carried out faithfully on the engine; the message says what to do."""


@dataclass
class EngineUpdate:
    operations: list[str]                         # the update's operations, on the generation's graph names
    adds: set[str] = field(default_factory=set)   # original graph IRIs that may gain triples
    deletes: set[str] = field(default_factory=set)  # … that may lose triples
    dropped: set[str] = field(default_factory=set)  # … that no longer exist afterwards
    created: set[str] = field(default_factory=set)  # … that exist afterwards


def _graph_patterns(node, found: list) -> None:
    """Every GRAPH term of a WHERE algebra (subqueries and EXISTS included)."""
    if hasattr(node, "name") and node.name == "Graph":
        found.append(node["term"])
    if isinstance(node, dict):
        for value in node.values():
            _graph_patterns(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _graph_patterns(value, found)


def _iri(term, where: str) -> str:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Variable):
        raise EngineUpdateRefused(
            f"{where} names its graph by the variable ?{term}; over a remote engine a write must name its graphs "
            "(the engine keeps them under other names). Write one update per graph, e.g. "
            "INSERT { GRAPH <IRI> { … } } WHERE { … }")
    raise EngineUpdateRefused(
        f"{where} is {term} (a whole-store operation); over a remote engine name the graph, e.g. DROP GRAPH <IRI>, "
        "or rebuild with `dkg build --store URL`")


def _template_graphs(clause, with_graph, where: str) -> set[str]:
    graphs = {_iri(g, where) for g in (clause.get("quads") or {})} if "quads" in clause else set()
    if "triples" in clause and clause["triples"]:
        if with_graph is None:
            raise EngineUpdateRefused(f"{where} has triples outside GRAPH {{ … }}: they would change the default "
                                      "graph, which is the merge of the named graphs; put them in a named graph")
        graphs.add(str(with_graph))
    return graphs


def _plan(ops) -> tuple[EngineUpdate, list[dict], set[str]]:
    """What each operation does, from the parse; also every graph IRI the text names (to check the
    edit against) and, per operation, what it reads."""
    plan = EngineUpdate(operations=[])
    reads: list[dict] = []
    named: set[str] = set()
    for op in ops:
        name = op.name
        info = {"where": False, "graph_var": False, "graphs": set(), "with": None, "using": False}
        if name in ("InsertData", "DeleteData"):
            graphs = _template_graphs(op, None, "INSERT DATA" if name == "InsertData" else "DELETE DATA")
            (plan.adds if name == "InsertData" else plan.deletes).update(graphs)
            named |= graphs
        elif name == "DeleteWhere":
            graphs = _template_graphs(op, None, "DELETE WHERE")
            plan.deletes |= graphs
            named |= graphs
            info.update(where=True, graphs=graphs)
        elif name == "Modify":
            with_graph = op["withClause"] if "withClause" in op and op["withClause"] is not None else None
            if with_graph is not None:
                named.add(_iri(with_graph, "WITH"))
                info["with"] = str(with_graph)
            if "delete" in op and op["delete"] is not None:
                graphs = _template_graphs(op["delete"], with_graph, "the DELETE template")
                plan.deletes |= graphs
                named |= graphs
            if "insert" in op and op["insert"] is not None:
                graphs = _template_graphs(op["insert"], with_graph, "the INSERT template")
                plan.adds |= graphs
                named |= graphs
            for using in (op["using"] if "using" in op and op["using"] else []):
                info["using"] = True
                for key in ("default", "named"):
                    if key in using and using[key] is not None:
                        named.add(_iri(using[key], "USING"))
            terms: list = []
            _graph_patterns(op["where"], terms)
            info.update(where=True, graph_var=any(isinstance(t, Variable) for t in terms),
                        graphs={str(t) for t in terms if isinstance(t, URIRef)})
            named |= info["graphs"]
        elif name in ("Clear", "Drop", "Create"):
            graph = _iri(op["graphiri"], name.upper())
            named.add(graph)
            if name == "Create":
                plan.created.add(graph)
            else:
                plan.deletes.add(graph)
                (plan.dropped if name == "Drop" else plan.created).add(graph)
        elif name == "Load":
            if "graphiri" not in op or op["graphiri"] is None:
                raise EngineUpdateRefused("LOAD without INTO GRAPH would change the default graph, which is the "
                                          "merge of the named graphs; add INTO GRAPH <IRI>")
            graph = _iri(op["graphiri"], "LOAD … INTO GRAPH")
            named.add(graph)
            plan.adds.add(graph)
        elif name in ("Add", "Move", "Copy"):
            source, target = op["graph"]
            if source == "DEFAULT" or target == "DEFAULT":
                raise EngineUpdateRefused(f"{name.upper()} with DEFAULT: over a remote engine the default graph is "
                                          "the merge of the named graphs and is not copied or written by itself; "
                                          "name the graphs")
            source, target = _iri(source, name.upper()), _iri(target, name.upper())
            named |= {source, target}
            plan.adds.add(target)
            if name != "Add":
                plan.deletes.add(target)
            if name == "Move" and source != target:
                plan.deletes.add(source)
                plan.dropped.add(source)
        else:
            raise EngineUpdateRefused(f"the update operation {name} is not known here; this is a bug, please report it")
        reads.append(info)
    plan.created |= plan.adds
    plan.created -= plan.dropped
    return plan, reads, named


# Keywords after which the next IRI names a graph. After TO, and after ADD/MOVE/COPY [SILENT],
# GRAPH is optional (GraphOrDefault), so those are listed too.
_GRAPH_KEYWORDS = {"GRAPH", "WITH", "USING", "NAMED", "INTO", "TO", "ADD", "MOVE", "COPY", "SILENT"}


def _rename(text: str, prefix: str) -> tuple[str, set[str], list[str]]:
    """The text with every IRI in a graph position put under `prefix`; the IRIs so renamed; and
    the text split into its operations (at `;` outside brackets)."""
    sc = scan(text)
    toks = sc.tokens
    edits, renamed = [], set()
    for i, tok in enumerate(toks):
        if tok.kind not in ("iri", "pname") or i == 0:
            continue
        prev = toks[i - 1]
        if prev.kind != "word" or prev.text.upper() not in _GRAPH_KEYWORDS:
            continue
        if prev.text.upper() == "SILENT" and not (i >= 2 and toks[i - 2].kind == "word"
                                                  and toks[i - 2].text.upper() in ("ADD", "MOVE", "COPY")):
            continue  # CLEAR/DROP/CREATE SILENT GRAPH <g>: the IRI follows GRAPH
        if prev.text.upper() == "TO" and not any(t.kind == "word" and t.text.upper() in ("ADD", "MOVE", "COPY")
                                                 and t.depth == 0 for t in _operation(toks, i)):
            continue
        iri = sc.resolve(tok)
        if iri is None:
            raise EngineUpdateRefused(f"the graph name {tok.text} uses an undeclared prefix; declare it")
        renamed.add(iri)
        edits.append((tok.start, tok.start + len(tok.text), f"<{prefix}{iri}>"))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text, renamed, _operations(text)


def _operation(toks, i: int) -> list:
    """The tokens of the operation token `i` belongs to."""
    start = i
    while start > 0 and not (toks[start - 1].kind == "other" and toks[start - 1].text == ";" and toks[start - 1].depth == 0):
        start -= 1
    return toks[start:i]


def _operations(text: str) -> list[str]:
    sc = scan(text)
    cuts = [t.start for t in sc.tokens if t.kind == "other" and t.text == ";" and t.depth == 0]
    bounds = [0] + [c + 1 for c in cuts] + [len(text)]
    parts = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p.strip(" \t\r\n;")]


def _prologue(text: str) -> str:
    """The PREFIX/BASE declarations of a text, to repeat before a later operation."""
    sc = scan(text)
    out = []
    for i, tok in enumerate(sc.tokens):
        if tok.kind == "word" and tok.text.upper() == "PREFIX" and i + 2 < len(sc.tokens):
            out.append(f"PREFIX {sc.tokens[i + 1].text} {sc.tokens[i + 2].text}")
        elif tok.kind == "word" and tok.text.upper() == "BASE" and i + 1 < len(sc.tokens):
            out.append(f"BASE {sc.tokens[i + 1].text}")
    return "\n".join(out)


def for_engine(text: str, gen_prefix: str, merge_graph: str, generation_graphs) -> EngineUpdate:
    """The update `text` for the generation whose graph names start with `gen_prefix`.
    `generation_graphs()` lists the generation's graphs (original IRIs), asked only when an
    operation reads GRAPH ?var."""
    try:
        ops = algebra(text, update=True)
    except Unreadable as exc:
        raise EngineUpdateRefused(f"the update could not be read ({exc}); fix its syntax") from None
    plan, reads, named = _plan(ops)
    renamed_text, renamed, parts = _rename(text, gen_prefix)
    if renamed != named:
        raise EngineUpdateRefused(
            "the graphs this update names could not be mapped onto the engine with certainty (parsed: "
            f"{sorted(named)}; found in the text: {sorted(renamed)}); write the graph IRIs in full, <…>")
    if len(parts) != len(reads):
        raise EngineUpdateRefused(f"the update has {len(reads)} operations but {len(parts)} were found in the text; "
                                  "separate them with `;` and nothing else")
    out = []
    for i, (part, info) in enumerate(zip(parts, reads)):
        part = part.rstrip().rstrip(";")
        if i:
            part = _prologue(";".join(parts[:i])) + "\n" + part
        if info["where"] and not info["using"]:
            default = [gen_prefix + info["with"]] if info["with"] else [merge_graph]
            if info["graph_var"]:
                named_graphs = [gen_prefix + g for g in generation_graphs()]
            else:
                named_graphs = [gen_prefix + g for g in sorted(info["graphs"])]
            part = add_using_clauses(part, default, named_graphs)
        out.append(part)
    plan.operations = out
    return plan
