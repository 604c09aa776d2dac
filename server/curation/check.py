"""`dkg ontology check`: everything a curator should hear about before committing an ontology edit.

The checks, each returning `Problem`s that name a file, a line, a term and a hint:
  syntax      every .ttl file parses
  report      ROBOT-report-style checks as SPARQL (labels, definitions, whitespace, metadata)
  deprecated  deprecated terms still used by the ontology, shapes, vocabularies or mappers
  agreement   shapes, vocabularies and mappers use only declared terms; every class has a shape
  owl2-dl     the ontology with its vocabularies is OWL 2 DL: every property and class used is declared
  shapes      every vocabulary file satisfies the SHACL shapes, as a build's `dkg validate --store` checks it
  versioning  a changed ontology carries a new owl:versionInfo and owl:versionIRI
  logic       HermiT (through owlready2) finds the ontology consistent, every class satisfiable

Everything but `logic` runs on pyoxigraph, where parsing and SPARQL over a few thousand
vocabulary triples take milliseconds (rdflib needs seconds, and half a minute for the
duplicate-label join), so the non-Java checks finish in well under a second.
"""
from __future__ import annotations

import bisect
import importlib.util
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
DCTERMS = "http://purl.org/dc/terms/"
DKG = "https://w3id.org/dissertation-kg/ontology#"
BUILTIN = (RDF, RDFS, OWL, XSD, SH)
ONTOLOGY_FILE = "dkg.ttl"
SHAPES_FILE = "shapes.ttl"
N = ox.NamedNode
TYPE = N(RDF + "type")
PREFIXES = {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCTERMS,
            "dkg": DKG, "sh": SH}


@dataclass(frozen=True)
class Problem:
    check: str
    file: Path
    line: int | None
    term: str
    message: str
    hint: str

    def render(self, relative_to: Path | None = None) -> str:
        path = self.file
        if relative_to is not None:
            try:
                path = self.file.resolve().relative_to(relative_to.resolve())
            except ValueError:
                pass
        where = f"{path}:{self.line}" if self.line else f"{path}"
        term = f" {self.term}:" if self.term else ""
        return f"{where}: [{self.check}]{term} {self.message}\n    hint: {self.hint}"


# --------------------------------------------------------------------------- source files

_PREFIX_LINE = re.compile(r"^\s*(?:@prefix|prefix)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


@dataclass
class SourceFile:
    """A file with its text, so problems can point at the line a term first appears on."""
    path: Path
    text: str
    triples: list[ox.Triple] | None = None  # None when the file is not Turtle or did not parse
    prefixes: dict[str, str] = field(default_factory=dict)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def read(cls, path: Path) -> "SourceFile":
        text = path.read_text(encoding="utf-8")
        return cls(path=path, text=text, prefixes=dict(_PREFIX_LINE.findall(text)),
                   _line_starts=[0] + [m.end() for m in re.finditer("\n", text)])

    @property
    def graph_name(self) -> ox.NamedNode:
        return N(self.path.resolve().as_uri())

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def patterns_for(self, iri: str) -> list[str]:
        pats = [re.escape(f"<{iri}>")]
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                pats.append(r"(?<![\w:.-])" + re.escape(f"{prefix}:{iri[len(ns):]}") + r"(?![\w-])")
        return pats

    def line_of(self, iri: str, start: int = 0) -> int | None:
        """The line of the term's first occurrence in the file (from offset `start`), or None."""
        best = None
        for pat in self.patterns_for(iri):
            m = re.compile(pat).search(self.text, start)
            if m and (best is None or m.start() < best):
                best = m.start()
        return None if best is None else self.line_at(best)

    def short(self, iri: str) -> str:
        for prefix, ns in sorted(self.prefixes.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"


def _parse_turtle(text: str, base: str | None = None) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE, base_iri=base)]


def _parse(f: SourceFile) -> Problem | None:
    try:
        f.triples = _parse_turtle(f.text, f.path.resolve().as_uri())
    except SyntaxError as exc:
        return Problem("syntax", f.path, exc.lineno, "", f"not valid Turtle: {exc.msg}",
                       "fix the syntax at that line (a missing '.', ';' or '>' is the usual cause); "
                       "the other checks run once the file parses")
    return None


@dataclass
class Sources:
    directory: Path
    ontology: SourceFile | None
    shapes: SourceFile | None
    vocabularies: list[SourceFile]
    others: list[SourceFile]
    mappers: list[SourceFile]
    store: ox.Store = field(default_factory=ox.Store)

    @property
    def turtle(self) -> list[SourceFile]:
        return [f for f in [self.ontology, self.shapes, *self.vocabularies, *self.others] if f]

    @property
    def terms(self) -> list[SourceFile]:
        """The parsed files that define terms: the ontology and the vocabularies."""
        return [f for f in [self.ontology, *self.vocabularies] if f and f.triples is not None]

    def short(self, iri: str) -> str:
        return self.ontology.short(iri) if self.ontology else f"<{iri}>"

    def load_store(self) -> None:
        # One named graph per file, so a result can be traced to the file it came from.
        for f in self.terms:
            name = f.graph_name
            self.store.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in f.triples)

    def query(self, sparql: str):
        return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)

    def home_of(self, iri: str) -> tuple[Path, int | None]:
        """Where a term is defined (first file that has it as a subject), with its line."""
        node = N(iri)
        for f in self.terms:
            if next(self.store.quads_for_pattern(node, None, None, f.graph_name), None) is not None:
                return f.path, f.line_of(iri)
        for f in self.turtle:
            line = f.line_of(iri)
            if line:
                return f.path, line
        return (self.ontology.path if self.ontology else self.directory), None


def default_mappings_dir() -> Path | None:
    spec = importlib.util.find_spec("dissertation_kg.mappings")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def load_sources(directory: Path, mappings_dir: Path | None = None) -> tuple[Sources, list[Problem]]:
    directory = Path(directory)
    problems: list[Problem] = []

    def read(path: Path) -> SourceFile:
        f = SourceFile.read(path)
        if (p := _parse(f)) is not None:
            problems.append(p)
        return f

    onto_path, shapes_path = directory / ONTOLOGY_FILE, directory / SHAPES_FILE
    ontology = read(onto_path) if onto_path.exists() else None
    if ontology is None:
        problems.append(Problem("syntax", onto_path, None, "", "the ontology file is missing",
                                f"create {ONTOLOGY_FILE} in {directory}, or point the check at the "
                                "folder that has it"))
    shapes = read(shapes_path) if shapes_path.exists() else None
    vocabularies = [read(p) for p in sorted((directory / "vocabularies").glob("*.ttl"))]
    others = [read(p) for p in sorted(directory.glob("*.ttl")) if p not in (onto_path, shapes_path)]
    mappers = []
    if mappings_dir is not None and Path(mappings_dir).is_dir():
        mappers = [SourceFile.read(p) for p in sorted(Path(mappings_dir).glob("*.py"))]
    sources = Sources(directory, ontology, shapes, vocabularies, others, mappers)
    sources.load_store()
    return sources, problems


def _show(term) -> str:
    if isinstance(term, ox.Literal):
        return f'"{term.value}"' + (f"@{term.language}" if term.language else "")
    return term.value if term is not None else ""


# --------------------------------------------------------------------------- report (ROBOT-style)

_DKG_ENTITY = f"""
    VALUES ?type {{ owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty
                   owl:NamedIndividual }}
    ?term a ?type .
    FILTER (isIRI(?term) && STRSTARTS(STR(?term), "{DKG}"))
"""

# (check id, query, message, hint). Each query selects ?term and what the message needs.
# Absence is tested with FILTER NOT EXISTS, never OPTIONAL + !bound (rdflib bug #2332 loses
# rows with VALUES there; these queries stay portable to rdflib and any SPARQL 1.1 engine).
REPORT_CHECKS = [
    ("missing-label", f"""
        SELECT DISTINCT ?term ?lang WHERE {{
            {_DKG_ENTITY}
            VALUES ?lang {{ "en" "ru" "kk" }}
            FILTER NOT EXISTS {{ ?term rdfs:label ?l . FILTER (LCASE(LANG(?l)) = ?lang) }}
        }}""",
     "has no rdfs:label in language '{lang}'",
     "add one rdfs:label \"...\"@{lang}; every dkg: term is labelled in English, Russian and Kazakh"),
    ("missing-definition", f"""
        SELECT DISTINCT ?term ?lang WHERE {{
            {_DKG_ENTITY}
            VALUES ?lang {{ "en" "ru" "kk" }}
            FILTER NOT EXISTS {{ ?term skos:definition ?d . FILTER (LCASE(LANG(?d)) = ?lang) }}
        }}""",
     "has no skos:definition in language '{lang}'",
     "add skos:definition \"...\"@{lang}: one sentence a curator can apply without asking"),
    ("multiple-labels", """
        SELECT ?term ?lang (COUNT(DISTINCT ?l) AS ?n) WHERE {
            ?term rdfs:label ?l . FILTER (isIRI(?term))
            BIND (LCASE(LANG(?l)) AS ?lang)
        } GROUP BY ?term ?lang HAVING (COUNT(DISTINCT ?l) > 1)""",
     "has {n} rdfs:label values in language '{lang}'",
     "keep one rdfs:label per language; move the others to skos:altLabel"),
    ("multiple-pref-labels", """
        SELECT ?term ?lang (COUNT(DISTINCT ?l) AS ?n) WHERE {
            ?term skos:prefLabel ?l . FILTER (isIRI(?term))
            BIND (LCASE(LANG(?l)) AS ?lang)
        } GROUP BY ?term ?lang HAVING (COUNT(DISTINCT ?l) > 1)""",
     "has {n} skos:prefLabel values in language '{lang}' (SKOS allows one)",
     "keep one skos:prefLabel per language; make the others skos:altLabel"),
    ("missing-pref-label", """
        SELECT DISTINCT ?term ?lang WHERE {
            ?term a skos:Concept ; skos:inScheme ?scheme .
            FILTER (isIRI(?term))
            VALUES ?lang { "en" "ru" "kk" }
            FILTER NOT EXISTS { ?term skos:prefLabel ?l . FILTER (LCASE(LANG(?l)) = ?lang) }
        }""",
     "has no skos:prefLabel in language '{lang}'",
     "add skos:prefLabel \"...\"@{lang}; vocabulary entries are named in English, Russian and Kazakh"),
    ("duplicate-label", """
        SELECT DISTINCT ?term ?other ?label WHERE {
            VALUES ?p { rdfs:label skos:prefLabel }
            VALUES ?q { rdfs:label skos:prefLabel }
            ?term ?p ?label . ?other ?q ?label .
            FILTER (isIRI(?term) && isIRI(?other) && STR(?term) < STR(?other))
            FILTER NOT EXISTS { ?term owl:deprecated true }
            FILTER NOT EXISTS { ?other owl:deprecated true }
        }""",
     "has the same label {label} as {other}",
     "make the labels tell the two apart, or merge the terms (deprecate one with dcterms:isReplacedBy)"),
    ("label-whitespace", """
        SELECT DISTINCT ?term ?label WHERE {
            VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
            ?term ?p ?label . FILTER (isIRI(?term) && isLiteral(?label))
            FILTER (REGEX(STR(?label), "^\\\\s|\\\\s$|\\\\s\\\\s"))
        }""",
     "label {label} has leading, trailing or double whitespace",
     "trim the label and collapse double spaces"),
]

ONTOLOGY_METADATA = [
    (DCTERMS + "title", "dcterms:title", "a title, e.g. dcterms:title \"...\"@en"),
    (DCTERMS + "description", "dcterms:description", "a description of scope and audience"),
    (DCTERMS + "license", "dcterms:license", "a licence IRI, e.g. <https://creativecommons.org/licenses/by/4.0/>"),
    (OWL + "versionInfo", "owl:versionInfo", "a version string, e.g. \"0.1.0\""),
    (OWL + "versionIRI", "owl:versionIRI", "a version IRI, e.g. <https://w3id.org/dissertation-kg/ontology/0.1.0>"),
]


def check_report(sources: Sources) -> list[Problem]:
    problems = []
    for check, query, message, hint in REPORT_CHECKS:
        for row in sources.query(query):
            term = row["term"].value
            shown = {}
            for var in ("lang", "n", "other", "label"):
                value = row[var] if var in _variables(query) else None
                if value is not None:
                    shown[var] = sources.short(value.value) if isinstance(value, ox.NamedNode) else (
                        _show(value) if var == "label" else value.value)
            path, line = sources.home_of(term)
            problems.append(Problem(check, path, line, sources.short(term),
                                    message.format(**shown), hint.format(**shown)))
    return problems + _check_ontology_metadata(sources)


def _variables(query: str) -> str:
    return query.split("WHERE", 1)[0]


def _value(triples: list[ox.Triple], s, p: str):
    return next((t.object for t in triples if t.subject == s and t.predicate.value == p), None)


def _check_ontology_metadata(sources: Sources) -> list[Problem]:
    problems = []
    for f in sources.terms:
        ontologies = [t.subject for t in f.triples if t.predicate == TYPE and t.object == N(OWL + "Ontology")
                      and isinstance(t.subject, ox.NamedNode)]
        if f is sources.ontology and not ontologies:
            problems.append(Problem("ontology-metadata", f.path, 1, "", "declares no owl:Ontology",
                                    "add a header: <https://w3id.org/dissertation-kg/ontology> a owl:Ontology ; ..."))
        for onto in ontologies:
            line = f.line_of(onto.value)
            for prop, name, what in ONTOLOGY_METADATA:
                if _value(f.triples, onto, prop) is None:
                    problems.append(Problem("ontology-metadata", f.path, line, f"<{onto.value}>",
                                            f"the ontology header has no {name}", f"add {what}"))
            info, viri = _value(f.triples, onto, OWL + "versionInfo"), _value(f.triples, onto, OWL + "versionIRI")
            if info is not None and viri is not None and not viri.value.rstrip("/").endswith("/" + info.value):
                problems.append(Problem("ontology-metadata", f.path, f.line_of(viri.value) or line,
                                        f"<{onto.value}>",
                                        f"owl:versionIRI <{viri.value}> does not end with owl:versionInfo \"{info.value}\"",
                                        "bump both together: <.../ontology/X.Y.Z> and \"X.Y.Z\""))
    return problems


# --------------------------------------------------------------------------- mappers

_MAPPER_PATTERNS = [
    re.compile(r"\bDKG\.([A-Za-z_]\w*)"),
    re.compile(r"\bDKG\[\s*[\"']([^\"'\s]+)[\"']\s*\]"),
    re.compile(r"(?<![\w/#])dkg:([A-Za-z_][\w-]*)"),
]


# What `DKG.x` resolves to without naming a term: str methods and rdflib.Namespace.term.
_NAMESPACE_ATTRIBUTES = set(dir(str)) | {"term"}


def mapper_uses(f: SourceFile) -> dict[str, int]:
    """dkg: local names a mapper module uses, with the line of first use."""
    found: dict[str, int] = {}
    for pattern in _MAPPER_PATTERNS:
        for m in pattern.finditer(f.text):
            name = m.group(1)
            if pattern is _MAPPER_PATTERNS[0] and name in _NAMESPACE_ATTRIBUTES:
                continue  # DKG.term(...), DKG.startswith(...): Namespace and str methods
            line = f.line_at(m.start())
            found[name] = min(found.get(name, line), line)
    return found


# --------------------------------------------------------------------------- deprecation

_DEPRECATED = """
    SELECT DISTINCT ?term ?replacement WHERE {
        ?term owl:deprecated ?flag . FILTER (isIRI(?term) && ?flag = true)
        OPTIONAL { ?term dcterms:isReplacedBy ?replacement }
    }"""


def deprecated_terms(sources: Sources) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for row in sources.query(_DEPRECATED):
        repl = row["replacement"]
        if found.get(row["term"].value) is None:
            found[row["term"].value] = repl.value if repl is not None else None
    return found


def check_deprecated(sources: Sources) -> list[Problem]:
    deprecated = deprecated_terms(sources)
    replaced_by = N(DCTERMS + "isReplacedBy")
    problems = []
    for term, replacement in sorted(deprecated.items()):
        path, line = sources.home_of(term)
        short = sources.short(term)
        if replacement is None:
            problems.append(Problem("deprecated-without-replacement", path, line, short,
                                    "is owl:deprecated but names no replacement",
                                    "add dcterms:isReplacedBy <the term to use instead>, so users and this "
                                    "check can point to it"))
        instead = f"use {sources.short(replacement)} instead" if replacement else "stop using it"
        node = N(term)
        for f in sources.terms:
            uses = [q for q in sources.store.quads_for_pattern(None, None, node, f.graph_name)] + \
                   [q for q in sources.store.quads_for_pattern(None, node, None, f.graph_name)]
            uses = [q for q in uses if q.subject != node and q.predicate != replaced_by
                    and not (isinstance(q.subject, ox.NamedNode) and q.subject.value in deprecated)]
            if uses:
                user = uses[0].subject
                problems.append(Problem("deprecated-use", f.path, _line_of_use(f, user, term), short,
                                        f"is deprecated but still used (by {_describe(f, user)})", instead))
        for f in [sources.shapes, *sources.mappers]:
            if f is None:
                continue
            lines = [f.line_at(m.start()) for pat in f.patterns_for(term) for m in re.finditer(pat, f.text)]
            if f.path.suffix == ".py":
                lines += [ln for name, ln in mapper_uses(f).items() if DKG + name == term]
            if lines:
                problems.append(Problem("deprecated-use", f.path, min(lines), short,
                                        "is deprecated but still used here", instead))
    return problems


def _line_of_use(f: SourceFile, subject, term: str) -> int | None:
    if isinstance(subject, ox.NamedNode):
        start = f.line_of(subject.value)
        if start is not None:
            # The first mention of the deprecated term after the user's block starts.
            return f.line_of(term, f._line_starts[start - 1]) or start
    return f.line_of(term)


def _describe(f: SourceFile, subject) -> str:
    return f.short(subject.value) if isinstance(subject, ox.NamedNode) else "an anonymous class or list"


# --------------------------------------------------------------------------- agreement


def _objects(triples, s, p: str):
    return [t.object for t in triples if (s is None or t.subject == s) and t.predicate.value == p]


def _list_items(triples, head) -> list:
    items, seen = [], set()
    while isinstance(head, ox.BlankNode) and head not in seen:
        seen.add(head)
        items += _objects(triples, head, RDF + "first")
        rest = _objects(triples, head, RDF + "rest")
        head = rest[0] if rest else None
    return items


def _path_iris(triples, path) -> list[str]:
    if isinstance(path, ox.NamedNode):
        return [path.value]
    out: list[str] = []
    if isinstance(path, ox.BlankNode):
        for item in _list_items(triples, path):  # sequence path, or a list of alternatives
            out += _path_iris(triples, item)
        for p in ("inversePath", "alternativePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
            for o in _objects(triples, path, SH + p):
                out += _path_iris(triples, o)
    return out


def _is_true(term) -> bool:
    return isinstance(term, ox.Literal) and term.value in ("true", "1") and term.datatype.value == XSD + "boolean"


def check_agreement(sources: Sources) -> list[Problem]:
    declared = {q.subject.value for q in sources.store.quads_for_pattern(None, TYPE, None)
                if isinstance(q.subject, ox.NamedNode)}
    problems = []

    def undeclared(iri: str) -> bool:
        return not iri.startswith(BUILTIN) and iri not in declared

    targeted: set[str] = set()
    shapes = sources.shapes
    if shapes is not None and shapes.triples is not None:
        tr = shapes.triples
        used: dict[str, str] = {}
        for o in _objects(tr, None, SH + "targetClass"):
            used.setdefault(o.value, "targets")
            targeted.add(o.value)
        node_shapes = {t.subject for t in tr if t.predicate == TYPE and t.object == N(SH + "NodeShape")}
        for t in tr:  # implicit class targets: a node shape that is itself a class
            if t.subject in node_shapes and t.predicate == TYPE and t.object.value in (OWL + "Class", RDFS + "Class"):
                targeted.add(t.subject.value)
        for o in _objects(tr, None, SH + "class"):
            used.setdefault(o.value, "requires objects of class")
        for p in ("targetSubjectsOf", "targetObjectsOf"):
            for o in _objects(tr, None, SH + p):
                used.setdefault(o.value, "targets users of")
        for path in _objects(tr, None, SH + "path"):
            for iri in _path_iris(tr, path):
                used.setdefault(iri, "uses the path")
        for head in _objects(tr, None, SH + "in"):
            for item in _list_items(tr, head):
                if isinstance(item, ox.NamedNode) and item.value.startswith(DKG):
                    used.setdefault(item.value, "lists the value")
        for iri, how in sorted(used.items()):
            if undeclared(iri):
                problems.append(Problem("undeclared-term", shapes.path, shapes.line_of(iri), shapes.short(iri),
                                        f"a shape {how} this term, but the ontology does not declare it",
                                        f"declare it in {ONTOLOGY_FILE} (with labels and a definition) "
                                        "or fix the spelling in the shape"))
    for f in sources.vocabularies:
        if f.triples is None:
            continue
        seen: set[str] = set()
        for t in f.triples:
            for node in (t.predicate, t.object):
                iri = node.value if isinstance(node, ox.NamedNode) else ""
                if iri.startswith(DKG) and iri not in declared and iri not in seen:
                    seen.add(iri)
                    problems.append(Problem(
                        "undeclared-term", f.path, f.line_of(iri), f.short(iri),
                        "the vocabulary uses this dkg: term, but the ontology does not declare it",
                        f"declare it in {ONTOLOGY_FILE} with labels and definitions in en, ru and kk "
                        "(and a shape, or dkg:needsNoShape true)"))
    for f in sources.mappers:
        for name, line in sorted(mapper_uses(f).items()):
            if DKG + name not in declared:
                problems.append(Problem("undeclared-term", f.path, line, f"dkg:{name}",
                                        "the mapper emits this term, but the ontology does not declare it",
                                        f"declare dkg:{name} in {ONTOLOGY_FILE}, or correct the name in the mapper"))
    # Every dkg: class is validated, or says why not.
    for q in sources.store.quads_for_pattern(None, TYPE, N(OWL + "Class")):
        cls = q.subject
        if not isinstance(cls, ox.NamedNode) or not cls.value.startswith(DKG) or cls.value in targeted:
            continue
        flags = [x.object for p in ("needsNoShape",) for x in sources.store.quads_for_pattern(cls, N(DKG + p), None)]
        flags += [x.object for x in sources.store.quads_for_pattern(cls, N(OWL + "deprecated"), None)]
        if any(_is_true(o) for o in flags):
            continue
        path, line = sources.home_of(cls.value)
        short = sources.short(cls.value)
        problems.append(Problem("class-without-shape", path, line, short, "no shape targets this class",
                                f"add a sh:NodeShape with sh:targetClass {short} to {SHAPES_FILE}, or annotate "
                                "the class dkg:needsNoShape true if the mappers never state it as a type"))
    return sorted(set(problems), key=lambda p: (str(p.file), p.line or 0, p.term))


# --------------------------------------------------------------------------- versioning

_VERSION_PREDICATES = {OWL + "versionInfo", OWL + "versionIRI", OWL + "priorVersion",
                       DCTERMS + "modified", DCTERMS + "issued"}


def _git(cwd: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=20, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.decode("utf-8")


def repo_root(path: Path) -> Path | None:
    out = _git(path if path.is_dir() else path.parent, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if out else None


def git_text(root: Path, revision: str, rel: str) -> str | None:
    return _git(root, "show", f"{revision}:{rel}")


def latest_release_tag(root: Path) -> str | None:
    tags = (_git(root, "tag", "--list", "ontology-v*", "--sort=-v:refname") or "").split()
    return tags[0] if tags else None


def baseline(ontology_path: Path) -> tuple[str, str] | None:
    """(what it is, text) of the version to compare with: the latest ontology-v* tag, else HEAD
    when the working file differs from it. None outside git or when there is nothing to compare."""
    root = repo_root(ontology_path.resolve())
    if root is None:
        return None
    rel = ontology_path.resolve().relative_to(root.resolve()).as_posix()
    tag = latest_release_tag(root)
    if tag:
        text = git_text(root, tag, rel)
        return (f"release {tag}", text) if text is not None else None
    text = git_text(root, "HEAD", rel)
    if text is None or text == ontology_path.read_text(encoding="utf-8"):
        return None
    return ("the last commit (HEAD)", text)


def _ontology_iri(triples):
    return next((t.subject for t in triples if t.predicate == TYPE and t.object == N(OWL + "Ontology")
                 and isinstance(t.subject, ox.NamedNode)), None)


def _content(triples) -> set[ox.Quad]:
    """The statements minus the version bookkeeping, with blank nodes canonically named."""
    onto = _ontology_iri(triples)
    ds = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object)
                    for t in triples if not (t.subject == onto and t.predicate.value in _VERSION_PREDICATES))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(ds)


def check_versioning(sources: Sources) -> list[Problem]:
    f = sources.ontology
    base = baseline(f.path)
    if base is None:
        return []
    label, text = base
    try:
        old = _parse_turtle(text, f.path.resolve().as_uri())
    except SyntaxError:
        return []  # the old version did not parse: nothing sensible to compare with
    before_c, now_c = _content(old), _content(f.triples)
    if before_c == now_c:
        return []
    added, removed = len(now_c - before_c), len(before_c - now_c)
    problems = []
    old_onto, new_onto = _ontology_iri(old), _ontology_iri(f.triples)
    for prop, name in ((OWL + "versionInfo", "owl:versionInfo"), (OWL + "versionIRI", "owl:versionIRI")):
        before = _value(old, old_onto, prop) if old_onto is not None else None
        now = _value(f.triples, new_onto, prop) if new_onto is not None else None
        if now is not None and before is not None and now.value == before.value:
            problems.append(Problem(
                "version-not-bumped", f.path, f.line_of(prop), name,
                f"the ontology changed since {label} ({added} statements added, {removed} removed) "
                f"but {name} is still {_show(now) if isinstance(now, ox.Literal) else '<' + now.value + '>'}",
                "give the new version a new owl:versionInfo and owl:versionIRI, and point owl:priorVersion "
                "at the old versionIRI; `dkg ontology diff` shows what changed"))
    return problems


# --------------------------------------------------------------------------- logic (HermiT)


class ReasonerUnavailable(RuntimeError):
    pass


def reason(triples: list[ox.Triple]) -> tuple[bool, list[str]]:
    """(consistent, unsatisfiable class IRIs) according to HermiT via owlready2."""
    from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner

    with tempfile.TemporaryDirectory(prefix="dkg-hermit-") as tmp:
        path = Path(tmp) / "ontology.nt"  # owlready2 reads N-Triples, not Turtle
        ox.serialize(triples, str(path), format=ox.RdfFormat.N_TRIPLES)
        world = World()
        try:
            world.get_ontology(path.as_uri()).load()
            sync_reasoner(world, infer_property_values=False, debug=0)
            return True, sorted(c.iri for c in world.inconsistent_classes()
                                if getattr(c, "iri", None) != OWL + "Nothing")
        except OwlReadyInconsistentOntologyError:
            return False, []
        except FileNotFoundError as exc:  # no `java` on PATH
            raise ReasonerUnavailable(str(exc)) from exc
        except Exception as exc:
            if "java" in str(exc).lower():
                raise ReasonerUnavailable(str(exc)) from exc
            raise
        finally:
            world.close()


def check_logic(sources: Sources) -> list[Problem]:
    onto = sources.ontology
    everything = [t for f in sources.terms for t in f.triples]
    try:
        consistent, unsat = reason(everything)
        culprits = [] if consistent else _attribute_inconsistency(sources)
    except ReasonerUnavailable as exc:
        return [Problem("reasoner-unavailable", onto.path, None, "", f"HermiT could not run ({exc})",
                        "install a Java 17 runtime (`apt-get install openjdk-17-jre-headless`), or pass "
                        "--no-reasoner to skip the logic checks")]
    problems = [Problem(
        "inconsistent", path, None, "",
        "the ontology with this file is logically inconsistent (HermiT): an individual or axiom "
        "contradicts a disjointness, domain/range, functional or cardinality axiom",
        "look for an individual typed with two disjoint classes (e.g. dkg:Person and an organization "
        "class) or a functional property with two values, and remove the contradiction")
        for path in culprits]
    for iri in unsat:
        path, line = sources.home_of(iri)
        problems.append(Problem("unsatisfiable-class", path, line, sources.short(iri),
                                "can have no instances: its superclasses or restrictions contradict each other",
                                "check its rdfs:subClassOf axioms against the disjointness axioms"))
    return problems


def _attribute_inconsistency(sources: Sources) -> list[Path]:
    # Name the file to look at: the ontology alone, else each vocabulary with it.
    onto = sources.ontology
    if not sources.vocabularies or not reason(onto.triples)[0]:
        return [onto.path]
    found = [f.path for f in sources.vocabularies
             if f.triples is not None and not reason(onto.triples + f.triples)[0]]
    return found or [onto.path]  # only several files together contradict each other


# --------------------------------------------------------------------------- entry point

def _check_owl2_dl(sources: Sources) -> list[Problem]:
    from dissertation_kg.server.curation.owl_profile import check_dl_declarations  # imports this module

    return check_dl_declarations(sources)


def _check_vocabulary_shapes(sources: Sources) -> list[Problem]:
    from dissertation_kg.server.curation.vocabulary_shapes import check_vocabulary_shapes  # imports this module

    return check_vocabulary_shapes(sources)


CHECKS = {
    "report": check_report,
    "deprecated": check_deprecated,
    "agreement": check_agreement,
    "owl2-dl": _check_owl2_dl,
    "shapes": _check_vocabulary_shapes,
    "versioning": check_versioning,
    "logic": check_logic,
}


def check_ontology(directory: Path, *, reasoner: bool = True,
                   mappings_dir: Path | None | bool = True) -> list[Problem]:
    """All problems found in the ontology folder `directory`. `mappings_dir=True` scans the
    installed mappers; None or False skips the mapper scan."""
    if mappings_dir is True:
        mappings_dir = default_mappings_dir()
    sources, problems = load_sources(Path(directory), mappings_dir or None)
    if sources.ontology is None or sources.ontology.triples is None:
        return problems  # every other check would only repeat that the ontology is unreadable
    for name, check in CHECKS.items():
        if name == "logic" and not reasoner:
            continue
        problems += check(sources)
    return problems
