"""Dereferencing the graph's IRIs: `/id/…`, `/graph/…` and `/ontology` on this server are the
IRIs `{base}id/…`, `{base}graph/…` and `{base}ontology`, whatever host serves them.

Every IRI answers 200 directly (no 303 hop): the representation (HTML or RDF) is chosen by
Accept, `Content-Location` names the representation sent, and `Link: rel=alternate` lists the
others. One round trip keeps SPARQL SERVICE callers and redirect-blind clients working.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from dissertation_kg.server.publishing import rdf_negotiation
from dissertation_kg.server.publishing.chrome import page_language
from dissertation_kg.mappings.resources import ontology_dir
from dissertation_kg.server.publishing.served import base_iri, readable_from_any_origin, served, warm_on_open
from dissertation_kg.server.publishing.reader.entity import entity_view
from dissertation_kg.server.publishing.reader.mentions import figures as mention_figures
from dissertation_kg.server.publishing.reader.work import work_view
from dissertation_kg.server.publishing.reader.words import words

blueprint = Blueprint("linked_data", __name__, template_folder="templates")


blueprint.after_request(readable_from_any_origin)

LANGUAGES = ["en", "ru", "kk"]
INCOMING_LIMIT = 500  # a specialty or a university can be cited by thousands of works
# The HTML page lists fewer: a reader wanting them all is sent to the endpoint, and an entry's
# page already reads its mentions above the raw statements (the 500 rows, their labels and
# their sources' provenance were ~60 % of a country's page)
PAGE_INCOMING_LIMIT = 100

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# The ontology keeps its w3id IRI whatever base the data is minted under.
ONTOLOGY_IRI = "https://w3id.org/dissertation-kg/ontology"

PREFIXES = {
    "dkg": "https://w3id.org/dissertation-kg/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "fabio": "http://purl.org/spar/fabio/",
    "bibo": "http://purl.org/ontology/bibo/",
    "deo": "http://purl.org/spar/deo/",
    "doco": "http://purl.org/spar/doco/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "void": "http://rdfs.org/ns/void#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
}
LACKS = PREFIXES["dkg"] + "lacks"  # a work's missing parts, shown above its statements

# Properties whose values name a resource, best first.
LABEL_PROPERTIES = [
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
    "http://xmlns.com/foaf/0.1/name",
    "https://w3id.org/dissertation-kg/ontology#heading",
    "https://w3id.org/dissertation-kg/ontology#fileName",
    "https://w3id.org/dissertation-kg/ontology#text",
    "https://w3id.org/dissertation-kg/ontology#citationText",
]

# Characters that may not appear in an IRI (RFC 3987) and so are percent-encoded when a
# decoded request path is turned back into one.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


# --------------------------------------------------------------------------- IRI <-> path


def iri_for_path(path: str) -> str | None:
    """The IRI a request path stands for, or None if the path is not a safe IRI path."""
    segments = path.split("/")
    if any(s in ("..", ".") for s in segments) or "\x00" in path:
        return None
    iri = base_iri() + _NOT_IN_IRI.sub(lambda m: quote(m.group(0), safe=""), path.lstrip("/"))
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    return iri


def local_href(iri: str) -> str | None:
    """A link on this server for an IRI the graph minted, else None."""
    if iri == ONTOLOGY_IRI or iri.startswith(ONTOLOGY_IRI + "#"):
        return request.script_root + "/ontology" + iri[len(ONTOLOGY_IRI):]
    base = base_iri()
    if not iri.startswith(base):
        return None
    rest = iri[len(base):]
    # `base//evil.example/x` must not become the protocol-relative `//evil.example/x` (nor
    # `/\evil.example`, which browsers read the same): leading slashes stay in the path, encoded.
    rest = re.sub(r"^[/\\]+", lambda m: quote(m.group(0), safe=""), rest)
    return request.script_root + "/" + rest


def href_for(iri: str) -> str | None:
    """Where a link to `iri` should point: here for our IRIs, the IRI itself for web IRIs,
    nowhere for other schemes (a `javascript:` IRI in the data must not become a link)."""
    local = local_href(iri)
    if local is not None:
        return local
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def curie(iri: str) -> str:
    """A short name for an IRI that has no label: a CURIE, or our IRIs' path after the base."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(ns):] or "-"):
            return f"{prefix}:{iri[len(ns):]}"
    base = base_iri()
    if iri.startswith(base + "id/") and len(iri) > len(base) + 3:
        return iri[len(base) + 3:]
    return iri


def readable_name(iri: str) -> str:
    """A heading for one of our IRIs that has no label: its last path segment in words
    (`work/academic-mobility-soft-power` → "Academic mobility soft power"; `…/provision/3` →
    "Provision 3"), never the raw path. Other IRIs get their CURIE."""
    short = curie(iri)
    if short == iri or ":" in short.split("/", 1)[0]:
        return short
    parts = [p for p in short.split("/") if p]
    words = parts[-1]
    if len(parts) > 1 and (words.isdigit() or len(words) <= 3):  # an ordinal or a language code
        words = f"{parts[-2]} {words}"
    words = re.sub(r"[-_]+", " ", words).strip()
    return words[:1].upper() + words[1:] if words else short


# --------------------------------------------------------------------------- reading the store


@dataclass
class Description:
    iri: str
    outgoing: list[tuple[ox.NamedNode, ox.Term, str | None]] = field(default_factory=list)
    incoming: list[tuple[ox.Term, ox.NamedNode, str | None]] = field(default_factory=list)
    nested: list[ox.Quad] = field(default_factory=list)  # blank-node values, one level deep
    incoming_truncated: bool = False
    incoming_limit: int = INCOMING_LIMIT

    @property
    def empty(self) -> bool:
        return not self.outgoing and not self.incoming

    def graphs(self) -> list[str]:
        found = {g for _, _, g in self.outgoing} | {g for _, _, g in self.incoming}
        return sorted(g for g in found if g)

    def triples(self) -> list[ox.Triple]:
        node = ox.NamedNode(self.iri)
        seen: dict[ox.Triple, None] = {}
        for p, o, _ in self.outgoing:
            seen[ox.Triple(node, p, o)] = None
        for q in self.nested:
            seen[q.triple] = None
        for s, p, _ in self.incoming:
            seen[ox.Triple(s, p, node)] = None
        return list(seen)


def _graph_name(solution, var: str = "g") -> str | None:
    g = solution[var]
    return g.value if isinstance(g, ox.NamedNode) else None


def describe(iri: str, incoming_limit: int = INCOMING_LIMIT) -> Description:
    store = served().store
    node = str(ox.NamedNode(iri))  # validated, so safe to splice into SPARQL
    d = Description(iri, incoming_limit=incoming_limit)
    # Union of the real default graph and every named graph, keeping which graph said what.
    for row in store.query(
        f"SELECT ?g ?p ?o WHERE {{ {{ {node} ?p ?o }} UNION {{ GRAPH ?g {{ {node} ?p ?o }} }} }}",
        union_default_graph=False,
    ):
        d.outgoing.append((row["p"], row["o"], _graph_name(row)))
    for row in store.query(
        f"SELECT ?g ?s ?p WHERE {{ {{ ?s ?p {node} }} UNION {{ GRAPH ?g {{ ?s ?p {node} }} }} }} "
        f"LIMIT {4 * incoming_limit + 1}",
        union_default_graph=False,
    ):
        d.incoming.append((row["s"], row["p"], _graph_name(row)))
    d.outgoing = _drop_merged_copies(d.outgoing)
    d.incoming = _drop_merged_copies(d.incoming)
    if len(d.incoming) > incoming_limit:
        d.incoming = d.incoming[:incoming_limit]
        d.incoming_truncated = True
    if any(isinstance(o, ox.BlankNode) for _, o, _ in d.outgoing):
        for row in store.query(
            f"SELECT ?b ?p ?o WHERE {{ {{ {node} ?x ?b . ?b ?p ?o }} UNION "
            f"{{ GRAPH ?g {{ {node} ?x ?b . ?b ?p ?o }} }} FILTER(isBlank(?b)) }}",
            union_default_graph=False,
        ):
            d.nested.append(ox.Quad(row["b"], row["p"], row["o"]))
    return d


def _drop_merged_copies(rows: list[tuple]) -> list[tuple]:
    """A build may store the default graph as the merge of the named graphs: a statement then
    comes back once from there (graph None) and once per document that states it. Keep the
    named graphs, which carry the provenance; keep a default-graph statement only if no named
    graph has it."""
    named = {(a, b) for a, b, g in rows if g is not None}
    seen: set[tuple] = set()
    out = []
    for a, b, g in rows:
        if (g is None and (a, b) in named) or (a, b, g) in seen:
            continue
        seen.add((a, b, g))
        out.append((a, b, g))
    return out


def labels_for(iris: set[str], lang: str) -> dict[str, str]:
    """The best label of each IRI in the preferred language, falling back through the others."""
    if not iris:
        return {}
    store = served().store
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    props = ", ".join(f"<{p}>" for p in LABEL_PROPERTIES)
    found: dict[str, list[tuple[int, ox.Literal]]] = defaultdict(list)
    rank = {p: n for n, p in enumerate(LABEL_PROPERTIES)}
    # FILTER rather than a second VALUES: Oxigraph joins two VALUES blocks before the pattern
    # (0.5 s for 80 IRIs on a 1,000-document store, 2 ms this way)
    for row in store.query(
        f"SELECT ?s ?p ?l WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?l FILTER(?p IN ({props})) }}",
        union_default_graph=True,
    ):
        if isinstance(row["l"], ox.Literal):
            found[row["s"].value].append((rank[row["p"].value], row["l"]))
    own_labels = ontology_labels()  # once: finding the ontology file is not free (0.3 s for 400 IRIs)
    for i in iris:  # vocabulary terms: the ontology's own labels
        if i not in found:
            for n, lit in own_labels.get(i, []):
                found[i].append((n, lit))
    # A part of a work named only by a heading in another language (the Kazakh abstract has no
    # approbation section, the English one calls it "Research Results Approval") is named by
    # its class in the page's language instead.
    heading = rank[PREFIXES["dkg"] + "heading"]
    foreign = [i for i, c in found.items()
               if c and all(n == heading for n, _ in c) and not any(_in_language(l, lang) for _, l in c)]
    if foreign:
        kinds = " ".join(str(ox.NamedNode(i)) for i in foreign)
        for row in store.query(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {kinds} }} ?s a ?t }}", union_default_graph=True):
            own = [lit for _, lit in ontology_labels().get(row["t"].value, []) if _in_language(lit, lang)]
            if own:
                found[row["s"].value] = [(0, own[0])]
    return {i: _shorten(pick_literal([l for _, l in sorted(c, key=lambda x: x[0])], lang).value)
            for i, c in found.items() if c}


def _in_language(lit: ox.Literal, lang: str) -> bool:
    return (lit.language or "").lower().split("-")[0] == lang


def _shorten(label: str, limit: int = 140) -> str:
    # component texts serve as labels; a whole paragraph would swamp the page
    label = " ".join(label.split())
    if len(label) <= limit:
        return label
    return label[:limit].rsplit(" ", 1)[0] + "…"


def pick_literal(literals: list[ox.Literal], lang: str) -> ox.Literal:
    """The literal in `lang`, else in the next language we publish, else untagged, else any.
    `literals` is in order of preference of the property it came from."""
    order = [lang] + [l for l in LANGUAGES if l != lang]
    for wanted in order:
        for lit in literals:
            if (lit.language or "").lower().split("-")[0] == wanted:
                return lit
    for lit in literals:
        if not lit.language:
            return lit
    return literals[0]


# --------------------------------------------------------------------------- the ontology file


@functools.lru_cache(maxsize=4)
def _ontology_store(path: Path, mtime: float) -> tuple[ox.Store, bytes] | None:
    data = path.read_bytes()
    store = ox.Store()
    try:
        store.load(data, format=ox.RdfFormat.TURTLE)
    except SyntaxError:
        return None
    return store, data


# the last version of each ontology file that parsed: a curator's edit in progress (`dkg serve`
# watches the folder) must not take the pages down; `dkg ontology check` and the rebuild report
# the error
_last_parsed: dict[Path, tuple[ox.Store, bytes]] = {}


def ontology_path() -> Path:
    return ontology_dir() / "dkg.ttl"


def _ontology() -> tuple[ox.Store, bytes] | None:
    path = ontology_path()
    try:
        found = _ontology_store(path, path.stat().st_mtime)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if found is None:
        return _last_parsed.get(path)
    _last_parsed[path] = found
    return found


def ontology_store() -> ox.Store | None:
    found = _ontology()
    return found[0] if found else None


def ontology_labels() -> dict[str, list[tuple[int, ox.Literal]]]:
    store = ontology_store()
    if store is None:
        return {}
    return _labels_of_store(store)


@functools.lru_cache(maxsize=4)
def _labels_of_store(store: ox.Store) -> dict[str, list[tuple[int, ox.Literal]]]:
    out: dict[str, list[tuple[int, ox.Literal]]] = defaultdict(list)
    for n, prop in enumerate(LABEL_PROPERTIES[:2]):
        for q in store.quads_for_pattern(None, ox.NamedNode(prop), None, None):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                out[q.subject.value].append((n, q.object))
    return dict(out)


# --------------------------------------------------------------------------- responses


def _serialize(triples, fmt: ox.RdfFormat) -> bytes:
    kwargs = {} if fmt in (ox.RdfFormat.N_TRIPLES,) else {"prefixes": PREFIXES}
    return ox.serialize(triples, format=fmt, **kwargs)


def _alternates(path: str) -> list[tuple[str, str]]:
    base = request.script_root + path
    return [(f"{base}?format={c.extension}", c.media_type) for c in rdf_negotiation.BY_EXTENSION.values()]


def _vary(resp: Response) -> Response:
    resp.headers["Vary"] = "Accept, Accept-Language"
    return resp


def _link_header(path: str) -> str:
    return ", ".join(f'<{href}>; rel="alternate"; type="{mt}"' for href, mt in _alternates(path))


def _not_acceptable(offered: list[str]) -> Response:
    body = ("None of the media types in your Accept header is available here. "
            f"Ask for one of: {', '.join(offered)}, or add ?format=ttl to the URL.\n")
    return _vary(Response(body, status=406, mimetype="text/plain"))


def _lang() -> str:
    return page_language()


def not_found(iri: str, reason: str = "unknown", **details: str) -> Response:
    """404 for `iri`. `reason` names its phrase in reader/words.py (`nf_<reason>`, filled with
    the IRI and `details`): in the reader's language on the HTML page, English for RDF clients."""
    choice = rdf_negotiation.negotiate(request)
    if choice is not None and choice.format is None:
        w = words(_lang())
        resp = Response(render_template("not_found.html", iri=iri, message=w[f"nf_{reason}"].format(iri=iri, **details),
                                        w=w, lang=_lang(),
                                        home=_home()),
                        status=404, mimetype="text/html")
        resp.headers["Content-Language"] = _lang()
    else:
        resp = Response(words("en")[f"nf_{reason}"].format(iri=iri, **details) + "\n", status=404,
                        mimetype="text/plain")
    return _vary(resp)


def _endpoints() -> set[str]:
    from flask import current_app
    return set(current_app.view_functions)


@blueprint.route("/id/<path:rest>")
@blueprint.route("/graph/<path:rest>", endpoint="graph")
def resource(rest: str):
    prefix = request.path[len(request.script_root):].split("/", 2)[1]  # "id" or "graph"
    iri = iri_for_path(f"{prefix}/{rest}")
    if iri is None:
        return not_found(f"{base_iri()}{prefix}/{rest}", "invalid_iri")
    choice = rdf_negotiation.negotiate(request)
    if choice is None:
        return _not_acceptable(rdf_negotiation.offered_types())
    d = describe(iri, INCOMING_LIMIT if choice.format is not None else PAGE_INCOMING_LIMIT)
    if d.empty:
        return not_found(iri)
    # as sent (percent-encoded): a decoded `>` or `"` would end the Link header's IRI early
    path = quote(request.path[len(request.script_root):], safe="/:@!$&'()*+,;=-._~")
    if choice.format is not None:
        resp = Response(_serialize(d.triples(), choice.format), mimetype=choice.media_type)
    else:
        resp = Response(render_template("resource.html", **_page(d, path)), mimetype="text/html")
        resp.headers["Content-Language"] = _lang()
    resp.headers["Content-Location"] = f"{request.script_root}{path}?format={choice.extension}"
    resp.headers["Link"] = _link_header(path)
    return _vary(resp)


@warm_on_open
def entity_figures(target):
    """The entity pages' counts for the served generation (computed once per generation)."""
    if target.artefacts is not None:  # one folder per store and generation tag
        key = str(target.artefacts)
    else:  # a bare remote URL: no generation to key by, so one entry per endpoint
        key = "remote " + str(getattr(target.store, "query_url", id(target.store)))
    return mention_figures(target.store, key, target.artefacts)


def _term_view(term: ox.Term, labels: dict[str, str]) -> dict:
    if isinstance(term, ox.NamedNode):
        # A node of ours with no label (an abstract, a publication count) is named in words
        # ("Abstract en"), never by its path.
        return {"kind": "iri", "iri": term.value, "href": href_for(term.value),
                "label": labels.get(term.value) or readable_name(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"kind": "bnode", "label": f"_:{term.value}"}
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        return {"kind": "literal", "value": term.value, "language": term.language,
                "datatype": None if term.language or dt == PREFIXES["xsd"] + "string" else curie(dt)}
    return {"kind": "other", "label": str(term)}


def _page(d: Description, path: str) -> dict:
    lang = _lang()
    iris = {d.iri}
    iris |= {p.value for p, _, _ in d.outgoing} | {p.value for _, p, _ in d.incoming}
    iris |= {o.value for _, o, _ in d.outgoing if isinstance(o, ox.NamedNode)}
    iris |= {s.value for s, _, _ in d.incoming if isinstance(s, ox.NamedNode)}
    labels = labels_for(iris, lang)

    def grouped(rows, term_index):
        # one entry per value, however many documents state it (translations repeat facts)
        groups: dict[str, dict] = defaultdict(dict)
        for row in rows:
            pred, other, graph = (row[0], row[1], row[2]) if term_index == 1 else (row[1], row[0], row[2])
            entry = groups[pred.value].setdefault(other, {"term": _term_view(other, labels), "graphs": []})
            if graph:
                entry["graphs"].append(graph)
        ordered = sorted(groups.items(), key=lambda kv: (kv[0] != RDF_TYPE, labels.get(kv[0], curie(kv[0]))))
        return [{"property": _term_view(ox.NamedNode(p), labels), "values": _sort_values(list(v.values()), lang)}
                for p, v in ordered]

    types = list(dict.fromkeys(labels.get(o.value) or curie(o.value) for p, o, _ in d.outgoing
                               if p.value == RDF_TYPE and isinstance(o, ox.NamedNode)))
    work = entity = None
    if path.startswith("/id/"):  # a document's graph is read as statements only
        target = served()
        store = target.store
        def label(found: set[str]) -> dict[str, str]:
            return labels_for(found, lang)
        work = work_view(store, d.iri, lang, label, href_for)
        if work is None:
            entity = entity_view(store, d.iri, lang, label, href_for, entity_figures(target)[d.iri])
    return {
        "work": work,
        "entity": entity,
        "w": words(lang),
        "iri": d.iri,
        "title": labels.get(d.iri) or readable_name(d.iri),
        "types": types,
        "gaps": sorted({labels.get(o.value) or curie(o.value) for p, o, _ in d.outgoing
                        if p.value == LACKS and isinstance(o, ox.NamedNode)}),
        "lang": lang,
        "languages": LANGUAGES,
        "outgoing": grouped(d.outgoing, 1),
        "incoming": grouped(d.incoming, 0),
        "incoming_truncated": d.incoming_truncated,
        "incoming_limit": d.incoming_limit,
        "all_incoming": _query_page(lang),
        "all_incoming_query": all_incoming_query(d.iri),
        "nested": [{"subject": _term_view(q.subject, labels), "property": _term_view(q.predicate, labels),
                    "value": _term_view(q.object, labels)} for q in d.nested],
        "provenance": provenance(d.graphs()),
        "alternates": _alternates(path),
        "path": path,
        "graph_store": _graph_store_link(d.iri) if path.startswith("/graph/") else None,
    }


def all_incoming_query(iri: str) -> str:
    """The SPARQL that lists every reference to `iri`, for a reader the page's list cut short."""
    return (f"SELECT DISTINCT ?subject ?property WHERE {{\n  ?subject ?property {ox.NamedNode(iri)}\n}}\n"
            "ORDER BY ?property ?subject")


def _home() -> str:
    """The query page, or the site root if this app has no query page (under its mount point)."""
    return url_for("ui.index") if "ui.index" in _endpoints() else request.script_root + "/"


def _query_page(lang: str) -> str:
    """The query page in the reader's language. It opens on the first competency question: it
    takes no query from its URL."""
    return _home() + ("?" + urlencode({"lang": lang}) if lang != "en" else "")


def _sort_values(values: list[dict], lang: str) -> list[dict]:
    """The page's language first, then in natural order: provision/2 before provision/10.
    Numbered parts of a work (…/novelty/3) keep their own order, whatever their texts say."""
    def key(v):
        t = v["term"]
        iri = t.get("iri") or ""
        numbered = bool(re.search(r"/\d+$", iri))
        return (0 if t.get("language") == lang else 1, t.get("language") or "", 0 if numbered else 1,
                _natural(iri if numbered else (t.get("value") or t.get("label") or "")))
    return sorted(values, key=key)


def _natural(text: str) -> list[tuple]:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]


def _graph_store_link(graph_iri: str) -> str | None:
    if "graph_store.indirect" in _endpoints():
        return url_for("graph_store.indirect") + "?" + urlencode({"graph": graph_iri})
    return request.script_root + "/store?" + urlencode({"graph": graph_iri})


def provenance(graphs: list[str]) -> list[dict]:
    """Where each named graph came from: its source file, checksum, and the mapping run."""
    if not graphs:
        return []
    store = served().store
    values = " ".join(str(ox.NamedNode(g)) for g in graphs)
    query = f"""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
        SELECT ?g ?src ?file ?sha ?chars ?activity ?mapper ?ontology ?ended WHERE {{
          VALUES ?g {{ {values} }}
          ?g prov:wasDerivedFrom ?src .
          OPTIONAL {{ ?src dkg:fileName ?file }}
          OPTIONAL {{ ?src dkg:sha256 ?sha }}
          OPTIONAL {{ ?src dkg:characterCount ?chars }}
          OPTIONAL {{ ?activity prov:used ?src .
                     OPTIONAL {{ ?activity dkg:mapperVersion ?mapper }}
                     OPTIONAL {{ ?activity dkg:ontologyVersion ?ontology }}
                     OPTIONAL {{ ?activity prov:endedAtTime ?ended }} }}
        }}"""
    found: dict[str, dict] = {g: {"graph": g, "graph_href": href_for(g)} for g in graphs}
    for row in store.query(query, union_default_graph=True):
        entry = found[row["g"].value]
        for var in ("src", "file", "sha", "chars", "activity", "mapper", "ontology", "ended"):
            value = row[var]
            if value is not None and var not in entry:
                entry[var] = value.value
        if "src" in entry:
            entry["src_href"] = href_for(entry["src"])
        if "activity" in entry:
            entry["activity_href"] = href_for(entry["activity"])
    return list(found.values())


# --------------------------------------------------------------------------- the ontology


@blueprint.route("/ontology")
def ontology():
    iri = ONTOLOGY_IRI
    found = _ontology()
    if found is None:
        return not_found(iri, "no_ontology", path=str(ontology_path()))
    store, data = found
    choice = rdf_negotiation.negotiate(request, rdf=["text/turtle", "application/rdf+xml",
                                                     "application/ld+json", "application/n-triples"])
    if choice is None:
        return _not_acceptable(rdf_negotiation.offered_types())
    if choice.format is None:
        resp = Response(_ontology_html(store, data), mimetype="text/html")
        resp.headers["Content-Language"] = _lang()
    elif choice.format == ox.RdfFormat.TURTLE:
        resp = Response(data, mimetype=choice.media_type)  # as written, with comments
    else:
        resp = Response(_serialize([q.triple for q in store], choice.format), mimetype=choice.media_type)
    resp.headers["Content-Location"] = f"{request.script_root}/ontology?format={choice.extension}"
    resp.headers["Link"] = _link_header("/ontology")
    return _vary(resp)


def _ontology_html(store: ox.Store, data: bytes) -> str:
    try:
        from dissertation_kg.server.publishing.ontology_docs import render_ontology_html
    except ModuleNotFoundError as exc:
        if exc.name != "dissertation_kg.server.publishing.ontology_docs":
            raise
    else:
        return _ontology_page(store, data, request.script_root, _lang(), render_ontology_html)
    return render_template("ontology_listing.html", **_ontology_listing(store))


@functools.lru_cache(maxsize=16)
def _ontology_page(store: ox.Store, data: bytes, site_root: str, lang: str, render) -> str:
    # Parsing the ontology with rdflib and rendering it takes ~0.6 s of CPU (0.13 + 0.43 here, with
    # the machine busy); the store is the same object until the file changes (_ontology_store), so
    # the page is made once per version and language.
    import rdflib
    graph = rdflib.Graph()
    graph.parse(data=data, format="turtle")
    return render(graph, site_root=site_root, lang=lang)


def _ontology_listing(store: ox.Store) -> dict:
    lang = _lang()
    ns = PREFIXES["dkg"]
    kinds = {
        "onto_classes": "http://www.w3.org/2002/07/owl#Class",
        "onto_object_properties": "http://www.w3.org/2002/07/owl#ObjectProperty",
        "onto_datatype_properties": "http://www.w3.org/2002/07/owl#DatatypeProperty",
        "onto_annotation_properties": "http://www.w3.org/2002/07/owl#AnnotationProperty",
        "onto_individuals": "http://www.w3.org/2002/07/owl#NamedIndividual",
    }
    comment = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
    definition = ox.NamedNode("http://www.w3.org/2004/02/skos/core#definition")
    labels = ontology_labels()
    sections = []
    w = words(lang)
    for title, cls in kinds.items():
        terms = []
        for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(cls), None):
            s = q.subject
            if not isinstance(s, ox.NamedNode) or not s.value.startswith(ns):
                continue
            notes = [x.object for x in store.quads_for_pattern(s, definition, None, None)] + \
                    [x.object for x in store.quads_for_pattern(s, comment, None, None)]
            notes = [n for n in notes if isinstance(n, ox.Literal)]
            label_lits = [l for _, l in sorted(labels.get(s.value, []), key=lambda x: x[0])]
            terms.append({
                "name": s.value[len(ns):], "iri": s.value,
                "label": pick_literal(label_lits, lang).value if label_lits else s.value[len(ns):],
                "comment": pick_literal(notes, lang).value if notes else None,
            })
        if terms:
            sections.append({"title": w[title], "terms": sorted(terms, key=lambda t: t["name"])})
    return {"iri": ONTOLOGY_IRI, "sections": sections, "lang": lang, "w": w,
            "alternates": _alternates("/ontology")}
