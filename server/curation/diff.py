"""`dkg ontology diff OLD NEW`: what changed between two versions of the ontology, as a
Markdown changelog entry a curator can paste into the release notes.

OLD and NEW are files, or git revisions (`HEAD~1`, `ontology-v0.1.0`), or `REV:path` for a given
file at a revision. A bare revision reads the file named on the other side (`HEAD` against
ontology/vocabularies/actors.ttl reads HEAD's actors.ttl), else ontology/dkg.ttl.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from dissertation_kg.server.curation.check import git_text, repo_root

DEFAULT_PATH = "ontology/dkg.ttl"
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
KINDS = [
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
    (OWL.NamedIndividual, "Individuals"),
]
# How a change of these predicates is described; others are listed by their short name.
TEXT_PREDICATES = {RDFS.label: "label", SKOS.definition: "definition", SKOS.prefLabel: "preferred label",
                   RDFS.comment: "comment"}


_BARE = {XSD.boolean, XSD.integer, XSD.decimal, XSD.double}


class DiffError(ValueError):
    """A version could not be read; the message says what to pass instead."""


def load_version(spec: str, *, cwd: Path | None = None, default_path: str = DEFAULT_PATH) -> tuple[rdflib.Graph, str]:
    """(graph, description) for a file path or a git revision (of `default_path` unless REV:path)."""
    cwd = Path(cwd or Path.cwd())
    path = Path(spec)
    if not path.is_absolute():
        path = cwd / path
    if path.is_file():
        text, label = path.read_text(encoding="utf-8"), spec
    else:
        root = repo_root(cwd)
        if root is None:
            raise DiffError(f"{spec!r} is neither a file nor a git revision (no git repository at {cwd}); "
                            "pass a path to a .ttl file")
        rev, _, rel = spec.partition(":")
        rel = rel or default_path
        text = git_text(root, rev, rel)
        if text is None:
            raise DiffError(f"git has no {rel} at revision {rev!r}; check `git log -- {rel}` for a "
                            "revision that has it, or pass a file path")
        label = f"{rev}:{rel}"
    try:
        graph = rdflib.Graph().parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise DiffError(f"{label} is not valid Turtle ({exc}); run `dkg ontology check` on it") from exc
    return graph, label


@dataclass
class TermChange:
    term: URIRef
    lines: list[str] = field(default_factory=list)


@dataclass
class OntologyDiff:
    old_label: str
    new_label: str
    old_version: str | None
    new_version: str | None
    added: dict[str, list[URIRef]]
    removed: dict[str, list[URIRef]]
    changed: dict[str, list[TermChange]]
    deprecated: list[URIRef]
    graph: rdflib.Graph  # for short names and labels

    @property
    def empty(self) -> bool:
        return not (any(self.added.values()) or any(self.removed.values()) or any(self.changed.values()))


def _kind(g: rdflib.Graph, term) -> str | None:
    for cls, name in KINDS:
        if (term, RDF.type, cls) in g:
            return name
    return None


def _terms(g: rdflib.Graph) -> dict[URIRef, str]:
    out = {}
    for cls, name in KINDS:
        for s in g.subjects(RDF.type, cls):
            if isinstance(s, URIRef):
                out.setdefault(s, name)
    return out


def _describe_node(g: rdflib.Graph, node, depth: int = 0) -> str:
    """A readable, order-independent rendering of an object (blank nodes expanded)."""
    if isinstance(node, Literal):
        if node.language:
            return f'"{node}"@{node.language}'
        if node.datatype in _BARE:
            return str(node)
        if node.datatype is not None and node.datatype != XSD.string:
            return f'"{node}"^^{_short(g, node.datatype)}'
        return f'"{node}"'
    if isinstance(node, URIRef):
        return f"`{_short(g, node)}`"
    if depth > 4:
        return "[…]"
    items = list(rdflib.collection.Collection(g, node)) if (node, RDF.first, None) in g else None
    if items is not None:
        return "(" + " ".join(_describe_node(g, i, depth + 1) for i in items) + ")"
    pairs = sorted(f"{_short(g, p)} {_describe_node(g, o, depth + 1)}" for p, o in g.predicate_objects(node))
    return "[" + "; ".join(pairs) + "]"


def _short(g: rdflib.Graph, iri) -> str:
    try:
        return g.namespace_manager.normalizeUri(iri)
    except Exception:
        return f"<{iri}>"


def _statements(g: rdflib.Graph, term) -> set[tuple[URIRef, str, object]]:
    return {(p, _describe_node(g, o), o) for p, o in g.predicate_objects(term)}


def _version(g: rdflib.Graph) -> str | None:
    onto = next(iter(g.subjects(RDF.type, OWL.Ontology)), None)
    value = g.value(onto, OWL.versionInfo) if onto is not None else None
    return str(value) if value is not None else None


def diff_graphs(old: rdflib.Graph, new: rdflib.Graph, old_label: str = "old", new_label: str = "new") -> OntologyDiff:
    before, after = _terms(old), _terms(new)
    added: dict[str, list[URIRef]] = {name: [] for _, name in KINDS}
    removed: dict[str, list[URIRef]] = {name: [] for _, name in KINDS}
    changed: dict[str, list[TermChange]] = {name: [] for _, name in KINDS}
    for term in sorted(set(after) - set(before)):
        added[after[term]].append(term)
    for term in sorted(set(before) - set(after)):
        removed[before[term]].append(term)
    deprecated = []
    for term in sorted(set(before) & set(after)):
        old_st, new_st = _statements(old, term), _statements(new, term)
        if old_st == new_st:
            continue
        change = TermChange(term)
        gone = {(p, text) for p, text, _ in old_st} - {(p, text) for p, text, _ in new_st}
        came = {(p, text) for p, text, _ in new_st} - {(p, text) for p, text, _ in old_st}
        change.lines += _text_changes(old, new, term, gone, came)
        for p, text in sorted(came, key=str):
            if p not in TEXT_PREDICATES:
                change.lines.append(f"added {_short(new, p)} {text}")
        for p, text in sorted(gone, key=str):
            if p not in TEXT_PREDICATES:
                change.lines.append(f"removed {_short(old, p)} {text}")
        if (term, OWL.deprecated, Literal(True)) in new and (term, OWL.deprecated, Literal(True)) not in old:
            deprecated.append(term)
        if change.lines:
            changed[after[term]].append(change)
    return OntologyDiff(old_label, new_label, _version(old), _version(new), added, removed, changed,
                        deprecated, new)


def _text_changes(old, new, term, gone, came) -> list[str]:
    """Label and definition changes, paired per language: `label@en "a" → "b"`."""
    lines = []
    for p, name in TEXT_PREDICATES.items():
        was = {o.language or "": str(o) for o in old.objects(term, p) if isinstance(o, Literal)}
        now = {o.language or "": str(o) for o in new.objects(term, p) if isinstance(o, Literal)}
        if not any(q == p for q, _ in gone | came):
            continue
        for lang in sorted(set(was) | set(now)):
            tag = f"{name}@{lang}" if lang else name
            if lang in was and lang in now and was[lang] != now[lang]:
                lines.append(f'{tag} "{was[lang]}" → "{now[lang]}"')
            elif lang in now and lang not in was:
                lines.append(f'added {tag} "{now[lang]}"')
            elif lang in was and lang not in now:
                lines.append(f'removed {tag} "{was[lang]}"')
    return lines


def _label(g: rdflib.Graph, term) -> str:
    for o in g.objects(term, RDFS.label):
        if isinstance(o, Literal) and o.language == "en":
            return f" — {o}"
    return ""


def render_markdown(d: OntologyDiff) -> str:
    old_v = d.old_version or d.old_label
    new_v = d.new_version or d.new_label
    title = f"## Ontology {new_v}" + (f" (changes since {old_v})" if old_v != new_v else f" ({d.old_label} → {d.new_label})")
    out = [title, ""]
    if d.empty:
        out.append("No classes, properties or individuals were added, removed or changed.")
        return "\n".join(out) + "\n"
    g = d.graph
    sections = [("Added", d.added, lambda t: f"- `{_short(g, t)}`{_label(g, t)}"),
                ("Removed", d.removed, lambda t: f"- `{_short(g, t)}`")]
    for title, groups, line in sections:
        if any(groups.values()):
            out.append(f"### {title}")
            out.append("")
            for kind, terms in groups.items():
                for t in terms:
                    out.append(f"{line(t)} ({_singular(kind)})")
            out.append("")
    if d.deprecated:
        out.append("### Deprecated")
        out.append("")
        for t in d.deprecated:
            repl = g.value(t, DCTERMS.isReplacedBy)
            out.append(f"- `{_short(g, t)}`" + (f", use `{_short(g, repl)}` instead" if repl else ""))
        out.append("")
    if any(d.changed.values()):
        out.append("### Changed")
        out.append("")
        for kind, changes in d.changed.items():
            for c in changes:
                out.append(f"- `{_short(g, c.term)}` ({_singular(kind)})")
                out.extend(f"  - {line}" for line in c.lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _singular(kind: str) -> str:
    return {"Classes": "class", "Object properties": "object property", "Datatype properties": "datatype property",
            "Annotation properties": "annotation property", "Individuals": "individual"}[kind]


def _path_in_repository(spec: str, cwd: Path) -> str | None:
    """The repository-relative path of `spec` when it names a file in a git work tree."""
    path = Path(spec) if Path(spec).is_absolute() else cwd / spec
    if not path.is_file():
        return None
    root = repo_root(path.resolve())
    if root is None:
        return None
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def diff(old_spec: str, new_spec: str, *, cwd: Path | None = None) -> str:
    """A bare revision on one side means the same file as the other side at that revision:
    `diff HEAD ontology/vocabularies/actors.ttl` compares actors.ttl with its own HEAD version."""
    cwd = Path(cwd or Path.cwd())
    old_path, new_path = _path_in_repository(old_spec, cwd), _path_in_repository(new_spec, cwd)
    old, old_label = load_version(old_spec, cwd=cwd, default_path=new_path or DEFAULT_PATH)
    new, new_label = load_version(new_spec, cwd=cwd, default_path=old_path or DEFAULT_PATH)
    return render_markdown(diff_graphs(old, new, old_label, new_label))
