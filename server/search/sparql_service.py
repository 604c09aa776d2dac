"""`SERVICE <https://w3id.org/dissertation-kg/search> { … }` inside any SPARQL query.

    SERVICE <https://w3id.org/dissertation-kg/search> {
      ?hit dkgs:query "мягкая сила" ; dkgs:work ?work ; dkgs:score ?score ; dkgs:snippet ?snippet .
    }

The store knows nothing of search, so the block is evaluated here, before the query is handed
on: the query is parsed (rdflib's SPARQL parser), each search block is read from the parse, its
hits are computed, and the block's text is replaced by a `VALUES` block holding them. A SERVICE
block and a VALUES block in the same place join the same way with the patterns around them, so
the rest of the query — graph patterns, FILTER, ORDER BY — runs in the store unchanged.

Where the blocks are is found by the endpoint's lexical scan (strings, comments, IRIs and
prefixes exactly as Oxigraph reads them); what each block says is read by rdflib's N3 parser
from the block alone (its statements are triple patterns, which N3 reads as they are). Parsing
the whole query with rdflib's SPARQL parser was tried first: its pyparsing grammar took
100–400 ms on a short query, more than the whole search budget.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD

from dissertation_kg.server.search.index import SearchIndex

SERVICE = "https://w3id.org/dissertation-kg/search"
NS = "https://w3id.org/dissertation-kg/search#"
DEFAULT_LIMIT = 1000
INPUTS = ("query", "lang", "limit")
OUTPUTS = ("work", "score", "snippet", "title", "lang", "rank", "why", "concept", "part")


class SearchPatternError(ValueError):
    """A search block that cannot be evaluated; the message says what to change."""


@dataclass
class Block:
    text: str                       # the block exactly as written
    subject: object                 # ?hit: bound to the part of the work that matched
    query: str
    lang: str | None
    limit: int
    outputs: dict[str, object]      # dkgs:name → Variable, or a constant the hit must equal


def parse_block(body: str, prefixes: dict[str, str], base: str | None = None) -> Block:
    """Read one search block's statements (`body`, the text between its braces), with the
    query's own PREFIX and BASE declarations."""
    # A block holds triple patterns only, and SPARQL's triple-pattern syntax (prefixed names,
    # `a`, `;` `,` `[]`, ?variables, literals) is N3's: rdflib's N3 parser reads it in ~2 ms,
    # where its SPARQL grammar (pyparsing) took 100–400 ms even for this small text.
    prologue = "".join([f"@base <{base}> .\n" if base else ""] + [f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items()])
    text = body.strip()
    text = text if text.endswith(".") else text + " ."
    graph = Graph()
    try:
        graph.parse(data=prologue + text, format="n3")
    except Exception as exc:
        raise SearchPatternError(f"the search block {{ {body.strip()[:120]} }} holds statements only (no FILTER, "
                                 f"OPTIONAL, GRAPH or nested blocks) and could not be read as such "
                                 f"({type(exc).__name__}); write it as `?hit dkgs:query \"words\" ; dkgs:work ?work` "
                                 "and move other patterns outside the SERVICE block") from None
    triples = list(graph)
    if any(not isinstance(term, (URIRef, Literal, Variable, BNode)) or isinstance(term, Graph)
           for triple in triples for term in triple):
        raise SearchPatternError("a search block holds statements only (no nested blocks or formulas); move "
                                 "other patterns outside the SERVICE block")
    return _block(body, triples)


def _block(body: str, triples: list[tuple]) -> Block:
    params: dict[str, object] = {}
    subjects = set()
    for s, p, o in triples:
        if not isinstance(p, URIRef) or not str(p).startswith(NS):
            raise SearchPatternError(f"the search block may only use dkgs: properties ({NS}…), not {p.n3()}; "
                                     "move other patterns out of the SERVICE block")
        name = str(p)[len(NS):]
        if name not in INPUTS + OUTPUTS:
            raise SearchPatternError(f"dkgs:{name} is not a search property; use dkgs:query, dkgs:lang, dkgs:limit "
                                     "as inputs and " + ", ".join(f"dkgs:{o}" for o in OUTPUTS) + " as outputs")
        if name in params:
            raise SearchPatternError(f"dkgs:{name} appears twice in one search block; give it once")
        params[name] = o
        subjects.add(s)
    if len(subjects) > 1:
        raise SearchPatternError("every statement of a search block must share one subject (the hit); "
                                 "use one `?hit dkgs:query \"…\" ; dkgs:work ?work …` per block")
    query = params.get("query")
    if not isinstance(query, Literal) or not str(query).strip():
        raise SearchPatternError("the search block needs `dkgs:query \"words\"` with a literal string "
                                 "(a variable cannot be searched before the query runs)")
    lang = params.get("lang")
    if isinstance(lang, Variable):
        lang = None  # an output then
    elif lang is not None:
        lang = str(lang).lower()
        if lang not in ("en", "ru", "kk"):
            raise SearchPatternError(f'dkgs:lang "{lang}" is not one of "en", "ru", "kk"')
    limit = params.get("limit", Literal(DEFAULT_LIMIT))
    try:
        limit = int(limit.toPython()) if isinstance(limit, Literal) else None
    except (TypeError, ValueError):
        limit = None
    if limit is None or limit < 1:
        raise SearchPatternError("dkgs:limit must be a positive integer, e.g. dkgs:limit 50")
    outputs = {k: v for k, v in params.items() if k in OUTPUTS and not (k == "lang" and not isinstance(v, Variable))}
    return Block(body, next(iter(subjects), None), str(query), lang, limit, outputs)


def _values(block: Block, index: SearchIndex) -> str:
    wants_text = any(k in block.outputs for k in ("snippet", "title"))
    results = index.search(block.query, lang=block.lang, limit=block.limit, snippets=wants_text)
    columns: list[tuple[Variable, str]] = []
    if isinstance(block.subject, Variable):
        columns.append((block.subject, "hit"))
    columns += [(v, k) for k, v in block.outputs.items() if isinstance(v, Variable)]
    constants = {k: v for k, v in block.outputs.items() if not isinstance(v, (Variable, BNode))}
    names = list(dict.fromkeys(var for var, _ in columns))
    rows = []
    for rank, hit in enumerate(results.hits, start=1):
        concept = next((r.concept for r in hit.reasons if r.kind == "concept"), None)
        values = {
            "hit": URIRef(hit.node) if hit.node else None,
            "work": URIRef(hit.work),
            "score": Literal(round(hit.score, 6), datatype=XSD.double),
            "snippet": Literal(hit.snippet, lang=hit.lang or None) if hit.snippet else None,
            "title": Literal(hit.title) if hit.title else None,
            "lang": Literal(hit.lang) if hit.lang else None,
            "rank": Literal(rank),
            "why": Literal(hit.why),
            "concept": URIRef(concept) if concept else None,
            "part": URIRef("https://w3id.org/dissertation-kg/ontology#" + hit.kind) if hit.kind else None,
        }
        if any(values.get(k) != v for k, v in constants.items()):
            continue
        bound: dict[Variable, object] = {}
        if any(bound.setdefault(var, values[key]) != values[key] for var, key in columns):
            continue  # one variable in two places needs one value, as in a graph pattern
        rows.append("(" + " ".join(bound[v].n3() if bound[v] is not None else "UNDEF" for v in names) + ")")
    # No variables (the block only asks whether anything matched): one empty row, or none.
    return f"VALUES ({' '.join(v.n3() for v in names)}) {{ {' '.join(rows)} }}"


def rewrite(text: str, blocks: list[tuple[int, int, int, int]], index_for, prefixes: dict[str, str],
            base: str | None = None) -> str:
    """`text` with each search block replaced by the VALUES block of its hits. `blocks` holds,
    per block, where `SERVICE` starts, where its `{` and `}` are, and where it ends;
    `index_for()` gives the SearchIndex (called only when there is a block)."""
    if not blocks:
        return text
    index = index_for()
    out, at = [], 0
    for start, open_brace, close_brace, end in sorted(blocks):
        block = parse_block(text[open_brace + 1:close_brace], prefixes, base)
        out += [text[at:start], _values(block, index)]
        at = end
    out.append(text[at:])
    return "".join(out)
