"""The controlled vocabularies of theories, methods, actors and initiatives.

They live as hand-editable Turtle in `ontology/vocabularies/`; this module reads them (once per
process) and writes new entries in the same layout the files use, so `dkg promote` and a person
with an editor produce the same shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from anyascii import anyascii
from rdflib.namespace import OWL, RDF, RDFS, SKOS

DKG = rdflib.Namespace("https://w3id.org/dissertation-kg/ontology#")
ID = "https://w3id.org/dissertation-kg/id/"
LANGS = ("en", "ru", "kk")

# The only Wikidata items whose identity was verified from public material (field notes); any
# other link would be a guess presented as a fact.
VERIFIED_WIKIDATA = {
    "http://www.wikidata.org/entity/Q232",     # Kazakhstan
    "http://www.wikidata.org/entity/Q7809",    # UNESCO
    "http://www.wikidata.org/entity/Q183",     # Germany
    "http://www.wikidata.org/entity/Q27275",   # Central Asia
}


@dataclass(frozen=True)
class VocabularyFile:
    name: str            # file name in ontology/vocabularies/
    path_segment: str    # /id/{segment}/{slug}
    prefix: str          # Turtle prefix for entry IRIs
    scheme: str          # the skos:ConceptScheme IRI


FILES = {
    "theories": VocabularyFile("theories.ttl", "theory", "theory", ID + "scheme/theories"),
    "methods": VocabularyFile("methods.ttl", "method", "method", ID + "scheme/methods"),
    "actors": VocabularyFile("actors.ttl", "actor", "actor", ID + "scheme/actors"),
    "initiatives": VocabularyFile("initiatives.ttl", "initiative", "initiative", ID + "scheme/initiatives"),
}

# Which file a class's entries go to. dkg:Region is the linker's own class for geopolitical regions
# (Central Asia) that texts treat as collective actors.
CLASS_FILE = {
    "Theory": "theories",
    "Method": "methods",
    "State": "actors",
    "InternationalOrganization": "actors",
    "GovernmentBody": "actors",
    "NonGovernmentalOrganization": "actors",
    "University": "actors",
    "ResearchInstitute": "actors",
    "Diaspora": "actors",
    "TribalUnion": "actors",
    "Person": "actors",
    "Region": "actors",
    "Initiative": "initiatives",
}

# Kinds of initiative (dkg:Law ⊑ dkg:Initiative …). An entry of one carries dkg:Initiative too, so
# queries and shapes that ask for initiatives find it without inference.
INITIATIVE_KINDS = ("Law", "PolicyConcept", "Programme", "Strategy", "ActionPlan", "Address")
CLASS_FILE.update({kind: "initiatives" for kind in INITIATIVE_KINDS})


AGENT_CLASSES = {"State", "InternationalOrganization", "GovernmentBody", "NonGovernmentalOrganization",
                 "University", "ResearchInstitute", "Department", "Diaspora", "TribalUnion", "Person"}
CLASS_FILE["Department"] = "actors"


@dataclass
class Entry:
    iri: rdflib.URIRef
    cls: str                                          # local name in dkg:
    pref: dict[str, str]                              # lang -> prefLabel
    alt: dict[str, list[str]] = field(default_factory=dict)
    definition: dict[str, str] = field(default_factory=dict)
    same_as: list[str] = field(default_factory=list)
    iso3166: str | None = None                        # ISO 3166-1 alpha-2 code of a state


def vocabulary_dir() -> Path:
    from dissertation_kg.mappings.resources import ontology_dir

    return ontology_dir() / "vocabularies"


def slugify(label: str) -> str:
    """An IRI slug from an English label: ASCII, lowercase, hyphens (`Erasmus+` → `erasmus-plus`)."""
    text = anyascii(label).replace("+", " plus ").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an IRI slug from {label!r}; give an English label with letters or digits")
    return slug


def entry_iri(cls: str, slug: str) -> rdflib.URIRef:
    return rdflib.URIRef(ID + FILES[CLASS_FILE[cls]].path_segment + "/" + slug)


# --------------------------------------------------------------------------- writing


def _lit(text: str, lang: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}'


def format_entry(entry: Entry, vocab: VocabularyFile) -> str:
    """One entry as the vocabulary files lay it out: a block of lines, one predicate each."""
    slug = str(entry.iri).rsplit("/", 1)[1]
    names = " , ".join(_lit(entry.pref[l], l) for l in LANGS if l in entry.pref)
    types = f"dkg:Initiative , dkg:{entry.cls}" if entry.cls in INITIATIVE_KINDS else f"dkg:{entry.cls}"
    lines = [f"{vocab.prefix}:{slug}",
             f"    a owl:NamedIndividual , {types} , skos:Concept ;",
             f"    skos:inScheme <{vocab.scheme}> ;",
             "    skos:prefLabel " + names + " ;"]
    if entry.cls in AGENT_CLASSES:
        # Actors are agents too: the SHACL shapes and FOAF consumers look for foaf:name.
        lines.append("    foaf:name " + names + " ;")
    alts = [_lit(a, l) for l in LANGS for a in entry.alt.get(l, [])]
    if alts:
        lines.append("    skos:altLabel " + " ,\n        ".join(alts) + " ;")
    if entry.iso3166:
        lines.append(f'    dkg:iso3166Code "{entry.iso3166}" ;')
    defs = [_lit(entry.definition[l], l) for l in LANGS if l in entry.definition]
    if defs:
        lines.append("    skos:definition " + " ,\n        ".join(defs) + " ;")
    for target in entry.same_as:
        lines.append(f"    owl:sameAs <{target}> ;")
        lines.append(f"    skos:exactMatch <{target}> ;")
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines) + "\n"


def file_header(vocab: VocabularyFile, title: dict[str, str], comment: str) -> str:
    return (
        f"# {title['en']} — a controlled vocabulary of dissertation-kg.\n"
        f"# {comment}\n"
        "# Edit by hand or with `dkg promote`; every entry needs exactly one skos:prefLabel in en, ru\n"
        "# and kk and an English skos:definition. Link to Wikidata only with a verified QID.\n\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        "@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .\n"
        f"@prefix {vocab.prefix}: <{ID}{vocab.path_segment}/> .\n\n"
        f"<{vocab.scheme}> a skos:ConceptScheme ;\n"
        "    dcterms:title " + " , ".join(_lit(title[l], l) for l in LANGS) + " ;\n"
        "    skos:prefLabel " + " , ".join(_lit(title[l], l) for l in LANGS) + " .\n\n"
    )


# --------------------------------------------------------------------------- reading


def _entries(graph: rdflib.Graph) -> list[Entry]:
    out = []
    for s in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        classes = sorted(str(o)[len(str(DKG)):] for o in graph.objects(s, RDF.type) if str(o).startswith(str(DKG)))
        if not classes or (s, OWL.deprecated, rdflib.Literal(True)) in graph:
            continue
        # the most specific class: dkg:Law rather than dkg:Initiative
        cls = next((c for c in classes if c in INITIATIVE_KINDS), classes[0])
        e = Entry(iri=s, cls=cls, pref={})
        for lab in graph.objects(s, SKOS.prefLabel):
            e.pref.setdefault(lab.language or "", str(lab))
        for lab in graph.objects(s, SKOS.altLabel):
            e.alt.setdefault(lab.language or "", []).append(str(lab))
        for d in graph.objects(s, SKOS.definition):
            e.definition[d.language or ""] = str(d)
        e.same_as = sorted(str(o) for o in graph.objects(s, OWL.sameAs))
        e.iso3166 = next((str(o) for o in graph.objects(s, DKG.iso3166Code)), None)
        out.append(e)
    return out


def load_graph(directory: Path | None = None) -> rdflib.Graph:
    directory = directory or vocabulary_dir()
    graph = rdflib.Graph()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(
            f"no vocabularies in {directory}; restore ontology/vocabularies/*.ttl from the repository")
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several parser error types
            raise ValueError(f"{path} is not valid Turtle ({exc}); fix the entry named in the message") from exc
    return graph


DISMISSED_FILE = "dismissed.ttl"


_RDF_TYPE, _CONCEPT = str(RDF.type), str(SKOS.Concept)
_PREF, _ALT, _DEFINITION = str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.definition)
_SAME_AS, _ISO, _DISMISSED, _LABEL = str(OWL.sameAs), str(DKG.iso3166Code), str(DKG.DismissedName), str(RDFS.label)
_DEPRECATED = str(OWL.deprecated)


def _true(term) -> bool:
    return isinstance(term, ox.Literal) and term.value in ("true", "1")


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> tuple[tuple[Entry, ...], frozenset[tuple[str, str]]]:
    """The entries and dismissed names, read with Oxigraph's parser: rdflib's took two seconds of
    every vocabulary edit (the curators' loop compiles the edited vocabularies before it links a
    document again), Oxigraph's takes a tenth of one. `load_graph` gives the same as an rdflib graph."""
    files = sorted(Path(directory).glob("*.ttl"))
    if not files:
        raise FileNotFoundError(
            f"no vocabularies in {directory}; restore ontology/vocabularies/*.ttl from the repository")
    about: dict[str, dict[str, list]] = {}   # subject IRI → predicate IRI → objects, in file order
    for path in files:
        try:
            triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
        except (SyntaxError, ValueError, OSError) as exc:
            raise ValueError(f"{path} is not valid Turtle ({exc}); fix the entry named in the message") from exc
        for t in triples:
            # a dismissed name is usually a blank node (`[] a dkg:DismissedName`), one per file
            subject = t.subject.value if isinstance(t.subject, ox.NamedNode) else f"_:{path.name}:{t.subject.value}"
            about.setdefault(subject, {}).setdefault(t.predicate.value, []).append(t.object)
    entries, dismissed = [], set()
    for iri in sorted(about):
        props = about[iri]
        types = {o.value for o in props.get(_RDF_TYPE, ()) if isinstance(o, ox.NamedNode)}
        if _DISMISSED in types:
            dismissed |= {(o.value, o.language or "") for o in props.get(_LABEL, ()) if isinstance(o, ox.Literal)}
        if _CONCEPT not in types or iri.startswith("_:"):
            continue
        classes = sorted(t[len(str(DKG)):] for t in types if t.startswith(str(DKG)))
        # a retired entry (`owl:deprecated true`, its `dcterms:isReplacedBy` the entry to use)
        # stays in the vocabulary for whoever dereferences its IRI; nothing is linked to it
        if not classes or any(_true(o) for o in props.get(_DEPRECATED, ())):
            continue
        # the most specific class: dkg:Law rather than dkg:Initiative
        e = Entry(iri=rdflib.URIRef(iri), cls=next((c for c in classes if c in INITIATIVE_KINDS), classes[0]), pref={})
        for lab in _literals(props, _PREF):
            e.pref.setdefault(lab.language or "", lab.value)
        for lab in _literals(props, _ALT):
            e.alt.setdefault(lab.language or "", []).append(lab.value)
        for d in _literals(props, _DEFINITION):
            e.definition[d.language or ""] = d.value
        e.same_as = sorted({o.value for o in props.get(_SAME_AS, ()) if isinstance(o, ox.NamedNode)})
        e.iso3166 = next((o.value for o in _literals(props, _ISO)), None)
        entries.append(e)
    return tuple(entries), frozenset(dismissed)


def _literals(props: dict[str, list], predicate: str) -> list:
    # a statement repeated in two files is one statement of the merged graph
    return list(dict.fromkeys(o for o in props.get(predicate, ()) if isinstance(o, ox.Literal)))


def load_entries(directory: Path | None = None) -> tuple[Entry, ...]:
    """All entries, parsed once per process and directory."""
    return _load_cached(str(directory or vocabulary_dir()))[0]


def load_dismissed(directory: Path | None = None) -> frozenset[tuple[str, str]]:
    """(name, language) of every name a curator dismissed (`dismissed.ttl`)."""
    return _load_cached(str(directory or vocabulary_dir()))[1]


def clear_cache() -> None:
    _load_cached.cache_clear()
