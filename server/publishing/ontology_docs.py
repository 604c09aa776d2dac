"""HTML documentation of the ontology: `dkg ontology docs`, and the page the server returns for
the ontology IRI when a browser asks (`render_ontology_html`).

Every term gets an element whose id is its local name, so `…/ontology#Dissertation` lands on it.
The page's own words (headings, the kinds of term, the names of facts) are in the reader's
language (WORDS); the terms' labels and definitions are the ontology's own, in that language
where it gives one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import rdflib
from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, NamespaceManager

from dissertation_kg.server.publishing.chrome import chrome_words

DKG = "https://w3id.org/dissertation-kg/ontology#"
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
VANN = rdflib.Namespace("http://purl.org/vocab/vann/")
LANGS = ("en", "ru", "kk")
LANG_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
SECTIONS = [
    ("classes", OWL.Class),
    ("object-properties", OWL.ObjectProperty),
    ("datatype-properties", OWL.DatatypeProperty),
    ("annotation-properties", OWL.AnnotationProperty),
    ("individuals", OWL.NamedIndividual),
]
# OWL's own names (owl:Class, "some", "only") stay as they are, in code, like the terms' IRIs.
WORDS: dict[str, dict[str, str]] = {
    "classes": {"en": "Classes", "ru": "Классы", "kk": "Кластар"},
    "object-properties": {"en": "Object properties", "ru": "Объектные свойства", "kk": "Объектілік қасиеттер"},
    "datatype-properties": {"en": "Datatype properties", "ru": "Свойства типов данных",
                            "kk": "Деректер типі қасиеттері"},
    "annotation-properties": {"en": "Annotation properties", "ru": "Свойства-аннотации", "kk": "Аннотация қасиеттері"},
    "individuals": {"en": "Individuals", "ru": "Индивиды", "kk": "Даралар"},
    "class": {"en": "class", "ru": "класс", "kk": "класс"},
    "object property": {"en": "object property", "ru": "объектное свойство", "kk": "объектілік қасиет"},
    "datatype property": {"en": "datatype property", "ru": "свойство типа данных", "kk": "деректер типі қасиеті"},
    "annotation property": {"en": "annotation property", "ru": "свойство-аннотация", "kk": "аннотация қасиеті"},
    "individual": {"en": "individual", "ru": "индивид", "kk": "дара"},
    "version": {"en": "Version", "ru": "Версия", "kk": "Нұсқасы"},
    "prior_version": {"en": "Prior version", "ru": "Предыдущая версия", "kk": "Алдыңғы нұсқасы"},
    "prefix": {"en": "Prefix", "ru": "Префикс", "kk": "Префикс"},
    "licence": {"en": "Licence", "ru": "Лицензия", "kk": "Лицензия"},
    "creators": {"en": "Creators", "ru": "Авторы", "kk": "Авторлары"},
    "contents": {"en": "Contents", "ru": "Содержание", "kk": "Мазмұны"},
    "hierarchy": {"en": "Class hierarchy", "ru": "Иерархия классов", "kk": "Кластар иерархиясы"},
    "deprecated": {"en": "deprecated", "ru": "устарело", "kk": "ескірген"},
    "examples": {"en": "Examples from the graph:", "ru": "Примеры из графа:", "kk": "Графтағы мысалдар:"},
    # the facts of a term
    "subclass_of": {"en": "Subclass of", "ru": "Надклассы", "kk": "Жоғары кластары"},
    "superclass_of": {"en": "Superclass of", "ru": "Подклассы", "kk": "Ішкі кластары"},
    "equivalent_to": {"en": "Equivalent to", "ru": "Эквивалентен", "kk": "Баламасы"},
    "disjoint_with": {"en": "Disjoint with", "ru": "Не пересекается с", "kk": "Қиылыспайтын кластар"},
    "domain_of": {"en": "Domain of", "ru": "Область определения свойств", "kk": "Анықталу облысы болатын қасиеттер"},
    "range_of": {"en": "Range of", "ru": "Область значений свойств", "kk": "Мәндер облысы болатын қасиеттер"},
    "instances": {"en": "Instances", "ru": "Экземпляры", "kk": "Даналары"},
    "domain": {"en": "Domain", "ru": "Область определения", "kk": "Анықталу облысы"},
    "range": {"en": "Range", "ru": "Область значений", "kk": "Мәндер облысы"},
    "sub_property_of": {"en": "Sub-property of", "ru": "Надсвойства", "kk": "Жоғары қасиеттері"},
    "super_property_of": {"en": "Super-property of", "ru": "Подсвойства", "kk": "Ішкі қасиеттері"},
    "inverse_of": {"en": "Inverse of", "ru": "Обратное свойство", "kk": "Кері қасиеті"},
    "characteristics": {"en": "Characteristics", "ru": "Характеристики", "kk": "Сипаттамалары"},
    "type": {"en": "Type", "ru": "Тип", "kk": "Типі"},
    "in_scheme": {"en": "In scheme", "ru": "В схеме", "kk": "Схемасы"},
    "replaced_by": {"en": "Replaced by", "ru": "Заменён на", "kk": "Орнына"},
}


def page_words(lang: str) -> dict[str, str]:
    """Every word of the page in `lang` (English where one is missing)."""
    return {key: entry.get(lang) or entry["en"] for key, entry in WORDS.items()}

_env = Environment(
    loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
# the shared header (site_header.html) is rendered here too, outside Flask, in the page's language
_env.globals["chrome_words"] = chrome_words


@dataclass
class Ref:
    """A link to a term: inside the page for dkg: terms, to the IRI otherwise."""
    text: str
    href: str
    title: str = ""


@dataclass
class TermDoc:
    name: str
    iri: str
    kind: str
    labels: dict[str, str]
    definitions: dict[str, str]
    comments: list[tuple[str, str]]     # (language, text)
    facts: list[tuple[str, list[Ref]]] = field(default_factory=list)
    deprecated: bool = False
    examples: list[str] = field(default_factory=list)


def _used_prefixes(graph: rdflib.Graph) -> NamespaceManager:
    # rdflib binds its own defaults (schema: is https://schema.org/ there), which pushes a file's
    # http://schema.org/ to "schema1:"; keep only namespaces the graph uses, named as the file did.
    iris = {str(x) for t in graph for x in t if isinstance(x, URIRef)}
    manager = NamespaceManager(rdflib.Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, ns in sorted(graph.namespaces(), key=lambda pn: (bool(re.search(r"\d$", pn[0])), pn[0])):
        if not any(i.startswith(str(ns)) for i in iris):
            continue
        base = re.sub(r"\d+$", "", prefix)
        name = base if base and base not in {p for p, _ in manager.namespaces()} else prefix
        manager.bind(name, ns, override=False)
    return manager


class _Builder:
    def __init__(self, graph: rdflib.Graph, lang: str = "en"):
        self.g = graph
        self.lang = lang
        self.w = page_words(lang)
        self.ns = _used_prefixes(graph)
        self.ontology = next((s for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef)), None)
        self.namespace = str(graph.value(self.ontology, VANN.preferredNamespaceUri) or DKG) if self.ontology else DKG

    def own(self, node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(self.namespace)

    def local(self, node) -> str:
        return str(node)[len(self.namespace):]

    def short(self, node) -> str:
        try:
            return self.ns.normalizeUri(node)
        except Exception:
            return f"<{node}>"

    def label(self, node, lang: str | None = None) -> str:
        by_lang = self.texts(node, RDFS.label) or self.texts(node, SKOS.prefLabel)
        return (by_lang.get(lang or self.lang) or by_lang.get("en") or by_lang.get("")
                or next(iter(by_lang.values()), ""))

    def texts(self, node, prop) -> dict[str, str]:
        out: dict[str, str] = {}
        for o in sorted(self.g.objects(node, prop)):
            if isinstance(o, Literal):
                out.setdefault(o.language or "", str(o))
        return out

    def ref(self, node) -> Ref:
        if isinstance(node, BNode):
            return Ref(self.describe(node), "")
        if self.own(node):
            return Ref(self.short(node), f"#{self.local(node)}", self.label(node))
        return Ref(self.short(node), str(node))

    def describe(self, node) -> str:
        """Anonymous class expressions in words: unions, intersections, restrictions."""
        for prop, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = self.g.value(node, prop)
            if members is not None:
                return "(" + word.join(self.short(m) if not isinstance(m, BNode) else self.describe(m)
                                       for m in rdflib.collection.Collection(self.g, members)) + ")"
        on = self.g.value(node, OWL.onProperty)
        if on is not None:
            for prop, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"), (OWL.hasValue, "value")):
                v = self.g.value(node, prop)
                if v is not None:
                    return f"{self.short(on)} {word} {self.short(v) if not isinstance(v, BNode) else self.describe(v)}"
            return f"restriction on {self.short(on)}"
        return "an anonymous class"

    def refs(self, nodes: Iterable) -> list[Ref]:
        return [self.ref(n) for n in sorted(set(nodes), key=lambda n: (isinstance(n, BNode), str(n)))]

    def terms(self, rdf_type, examples: Mapping[str, list[str]]) -> list[TermDoc]:
        out = []
        for s in sorted({s for s in self.g.subjects(RDF.type, rdf_type) if self.own(s)}):
            if rdf_type == OWL.NamedIndividual:
                kind = "individual"
            else:
                kind = {OWL.Class: "class", OWL.ObjectProperty: "object property",
                        OWL.DatatypeProperty: "datatype property",
                        OWL.AnnotationProperty: "annotation property"}[rdf_type]
            doc = TermDoc(
                name=self.local(s), iri=str(s), kind=kind,
                labels=self.texts(s, RDFS.label), definitions=self.texts(s, SKOS.definition),
                comments=[(c.language or "", str(c)) for c in self.g.objects(s, RDFS.comment)
                          if isinstance(c, Literal)],
                deprecated=any(o.toPython() is True for o in self.g.objects(s, OWL.deprecated) if isinstance(o, Literal)),
                examples=list(examples.get(str(s), [])),
            )
            doc.facts = [(self.w[name], refs) for name, refs in self.facts(s, rdf_type) if refs]
            out.append(doc)
        return out

    def facts(self, s, rdf_type) -> list[tuple[str, list[Ref]]]:
        g = self.g
        facts = []
        if rdf_type == OWL.Class:
            facts += [
                ("subclass_of", self.refs(g.objects(s, RDFS.subClassOf))),
                ("superclass_of", self.refs(g.subjects(RDFS.subClassOf, s))),
                ("equivalent_to", self.refs(g.objects(s, OWL.equivalentClass))),
                ("disjoint_with", self.refs(set(g.objects(s, OWL.disjointWith)) | set(g.subjects(OWL.disjointWith, s))
                                            | self.all_disjoint(s))),
                ("domain_of", self.refs(self.properties_with(RDFS.domain, s))),
                ("range_of", self.refs(self.properties_with(RDFS.range, s))),
                ("instances", self.refs(x for x in g.subjects(RDF.type, s) if isinstance(x, URIRef))),
            ]
        elif rdf_type in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
            characteristics = [self.ref(t) for t in g.objects(s, RDF.type)
                               if t in (OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty,
                                        OWL.SymmetricProperty, OWL.AsymmetricProperty, OWL.ReflexiveProperty,
                                        OWL.IrreflexiveProperty)]
            facts += [
                ("domain", self.refs(g.objects(s, RDFS.domain))),
                ("range", self.refs(g.objects(s, RDFS.range))),
                ("sub_property_of", self.refs(g.objects(s, RDFS.subPropertyOf))),
                ("super_property_of", self.refs(g.subjects(RDFS.subPropertyOf, s))),
                ("inverse_of", self.refs(set(g.objects(s, OWL.inverseOf)) | set(g.subjects(OWL.inverseOf, s)))),
                ("equivalent_to", self.refs(g.objects(s, OWL.equivalentProperty))),
                ("characteristics", characteristics),
            ]
        else:
            facts += [
                ("type", self.refs(t for t in g.objects(s, RDF.type) if t != OWL.NamedIndividual)),
                ("in_scheme", self.refs(g.objects(s, SKOS.inScheme))),
            ]
        facts.append(("replaced_by", self.refs(g.objects(s, DCTERMS.isReplacedBy))))
        return facts

    def all_disjoint(self, s) -> set:
        out = set()
        for axiom in self.g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = self.g.value(axiom, OWL.members)
            if members is None:
                continue
            items = list(rdflib.collection.Collection(self.g, members))
            if s in items:
                out |= {m for m in items if m != s}
        return out

    def properties_with(self, prop, cls) -> set:
        found = set(self.g.subjects(prop, cls))
        # Domains and ranges given as unions of classes name this class too.
        for union_owner in self.g.subjects(prop, None):
            target = self.g.value(union_owner, prop)
            if isinstance(target, BNode):
                members = self.g.value(target, OWL.unionOf)
                if members is not None and cls in list(rdflib.collection.Collection(self.g, members)):
                    found.add(union_owner)
        return found

    def tree(self) -> list[dict]:
        """The dkg: class hierarchy, roots first (classes whose superclasses are all external)."""
        classes = sorted({s for s in self.g.subjects(RDF.type, OWL.Class) if self.own(s)})

        def node(c, seen):
            subs = sorted(x for x in self.g.subjects(RDFS.subClassOf, c) if self.own(x) and x not in seen)
            return {"ref": self.ref(c), "children": [node(x, seen | {x}) for x in subs]}

        roots = [c for c in classes if not any(self.own(p) for p in self.g.objects(c, RDFS.subClassOf))]
        return [node(r, {r}) for r in roots]

    def meta(self) -> dict:
        o = self.ontology
        if o is None:
            return {"iri": self.namespace.rstrip("#"), "titles": {}, "descriptions": {}}
        g = self.g
        return {
            "iri": str(o),
            "titles": self.texts(o, DCTERMS.title),
            "descriptions": self.texts(o, DCTERMS.description),
            "version": g.value(o, OWL.versionInfo),
            "version_iri": g.value(o, OWL.versionIRI),
            "prior_version": g.value(o, OWL.priorVersion),
            "license": g.value(o, DCTERMS.license),
            "creators": [str(c) for c in g.objects(o, DCTERMS.creator)],
            "prefix": g.value(o, VANN.preferredNamespacePrefix),
            "namespace": self.namespace,
        }


def render_ontology_html(graph: rdflib.Graph, examples: Mapping[str, list[str]] | None = None,
                         site_root: str | None = None, lang: str = "en") -> str:
    """The ontology as one HTML page, its own words in `lang`. `examples` maps a term IRI to a
    few example strings (instances of a class, uses of a property). Without `site_root` the page
    is self-contained (`dkg ontology docs`); with it (the server's path prefix) it wears the
    site's header and style."""
    lang = lang if lang in LANGS else "en"
    b = _Builder(graph, lang)
    examples = examples or {}
    sections = [{"id": sid, "title": b.w[sid], "terms": b.terms(t, examples)} for sid, t in SECTIONS]
    # the reader's language first, so a term's label and definition in it come before the others
    order = [lang] + [code for code in LANGS if code != lang]
    return _env.get_template("ontology_docs.html").render(
        meta=b.meta(), sections=[s for s in sections if s["terms"]], tree=b.tree(), lang=lang, w=b.w,
        langs=order, lang_names=LANG_NAMES, site={"root": site_root} if site_root is not None else None,
    )


def collect_examples(store, graph: rdflib.Graph, limit: int = 3) -> dict[str, list[str]]:
    """A few real uses of every dkg: class and property, read from a GraphStore."""
    b = _Builder(graph)
    out: dict[str, list[str]] = {}
    for _, rdf_type in SECTIONS[:3]:
        for s in sorted({s for s in graph.subjects(RDF.type, rdf_type) if b.own(s)}):
            if rdf_type == OWL.Class:
                q = f"SELECT DISTINCT ?x WHERE {{ ?x a <{s}> }} LIMIT {limit}"
                rows = [_term_text(r[0]) for r in store.query(q)]
            else:
                q = f"SELECT ?x ?y WHERE {{ ?x <{s}> ?y }} LIMIT {limit}"
                rows = [f"{_term_text(r[0])} → {_term_text(r[1])}" for r in store.query(q)]
            if rows:
                out[str(s)] = rows
    return out


def _term_text(term, width: int = 120) -> str:
    text = getattr(term, "value", str(term))
    if hasattr(term, "language") and term.language:
        text = f"“{text[:width]}{'…' if len(text) > width else ''}”@{term.language}"
    return text


def write_docs(graph: rdflib.Graph, out_dir: Path, examples: Mapping[str, list[str]] | None = None) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_text(render_ontology_html(graph, examples), encoding="utf-8")
    return target
