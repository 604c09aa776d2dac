"""The curator tools: `dkg ontology check|docs|diff|format`. Every check is shown to catch a
small broken fixture ontology written here, and to stay quiet on the clean one."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from dissertation_kg.server.cli.ontology import ontology as ontology_cli
from dissertation_kg.server.curation.check import check_ontology
from dissertation_kg.server.curation.diff import diff, diff_graphs, render_markdown
from dissertation_kg.server.publishing.ontology_docs import collect_examples, render_ontology_html
from dissertation_kg.server.curation.formatting import FormatError, format_turtle

ROOT = Path(__file__).resolve().parents[1]

PREFIXES = """@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

HEADER = """<https://w3id.org/dissertation-kg/ontology> a owl:Ontology ;
    dcterms:title "Fixture ontology"@en ;
    dcterms:description "A small ontology for testing the curator tools."@en ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
    owl:versionIRI <https://w3id.org/dissertation-kg/ontology/0.1.0> ;
    owl:versionInfo "0.1.0" .
"""


def term(name: str, kind: str = "owl:Class", labels=("work", "работа", "жұмыс"), extra: str = "") -> str:
    en, ru, kk = labels
    return f"""
dkg:{name} a {kind} ;{extra}
    rdfs:label "{en}"@en , "{ru}"@ru , "{kk}"@kk ;
    skos:definition "Definition of {en}."@en , "Определение: {ru}."@ru , "Анықтама: {kk}."@kk .
"""


CLEAN_TERMS = (
    term("Work")
    + term("Person", labels=("person", "персона", "тұлға"), extra="\n    owl:disjointWith dkg:Work ;")
    + term("author", "owl:ObjectProperty", ("author", "автор", "автор"),
           extra="\n    rdfs:domain dkg:Work ;\n    rdfs:range dkg:Person ;")
    + term("Thing", labels=("thing", "вещь", "зат"), extra="\n    dkg:needsNoShape true ;")
    + "\ndkg:needsNoShape a owl:AnnotationProperty ;\n"
      '    rdfs:label "needs no shape"@en , "не требует формы"@ru , "пішінді қажет етпейді"@kk ;\n'
      '    skos:definition "No shape on purpose."@en , "Намеренно без формы."@ru , "Әдейі пішінсіз."@kk .\n'
    + "\ndcterms:title a owl:AnnotationProperty .\ndcterms:description a owl:AnnotationProperty .\n"
      "dcterms:license a owl:AnnotationProperty .\nskos:definition a owl:AnnotationProperty .\n"
      "dcterms:isReplacedBy a owl:AnnotationProperty .\n"
)

SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .
@prefix ex: <https://example.org/shapes#> .

ex:WorkShape a sh:NodeShape ;
    sh:targetClass dkg:Work ;
    sh:property [ sh:path dkg:author ; sh:class dkg:Person ] .

ex:PersonShape a sh:NodeShape ;
    sh:targetClass dkg:Person .
"""

MAPPER = '''"""A fixture mapper."""
from rdflib import Namespace

DKG = Namespace("https://w3id.org/dissertation-kg/ontology#")


def emit(graph, work, person):
    graph.add((work, DKG.author, person))
    graph.add((work, DKG["Work"], person))
'''


def make_ontology(tmp_path: Path, *, ontology: str | None = None, shapes: str = SHAPES,
                  vocabularies: dict[str, str] | None = None, mapper: str = MAPPER) -> tuple[Path, Path]:
    onto_dir = tmp_path / "ontology"
    (onto_dir / "vocabularies").mkdir(parents=True, exist_ok=True)
    (onto_dir / "dkg.ttl").write_text(ontology if ontology is not None else PREFIXES + HEADER + CLEAN_TERMS,
                                      encoding="utf-8")
    (onto_dir / "shapes.ttl").write_text(shapes, encoding="utf-8")
    for name, text in (vocabularies or {}).items():
        (onto_dir / "vocabularies" / name).write_text(text, encoding="utf-8")
    mappings = tmp_path / "mappings"
    mappings.mkdir(exist_ok=True)
    (mappings / "emit.py").write_text(mapper, encoding="utf-8")
    return onto_dir, mappings


def problems_of(onto_dir: Path, mappings: Path, reasoner: bool = False):
    return check_ontology(onto_dir, reasoner=reasoner, mappings_dir=mappings)


def only(problems, check: str):
    return [p for p in problems if p.check == check]


# --------------------------------------------------------------------------- check: clean


def test_clean_fixture_has_no_problems(tmp_path):
    onto_dir, mappings = make_ontology(tmp_path)
    assert problems_of(onto_dir, mappings) == []


def test_project_ontology_has_no_problems_without_reasoner():
    problems = check_ontology(ROOT / "ontology", reasoner=False)
    assert problems == [], "\n".join(p.render(ROOT) for p in problems)


# --------------------------------------------------------------------------- check: OWL 2 DL


def test_undeclared_annotation_property_in_a_vocabulary_breaks_owl2_dl(tmp_path):
    vocabulary = PREFIXES + """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/vocab#> .

ex:thing a owl:NamedIndividual ;
    skos:hiddenLabel "a thing"@en , "вещь"@ru .
ex:other a owl:NamedIndividual ;
    skos:hiddenLabel "another"@en .
"""
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"things.ttl": vocabulary})
    found = only(problems_of(onto_dir, mappings), "owl2-dl")
    assert [(p.file.name, p.term) for p in found] == [("things.ttl", "skos:hiddenLabel")], found
    first_use = next(i for i, line in enumerate(vocabulary.splitlines(), 1) if "skos:hiddenLabel" in line)
    assert "used 3 times" in found[0].message and found[0].line == first_use
    assert "owl:AnnotationProperty" in found[0].hint
    # declared in the ontology, the same vocabulary is OWL 2 DL
    onto_dir, mappings = make_ontology(
        tmp_path / "fixed", vocabularies={"things.ttl": vocabulary},
        ontology=PREFIXES + HEADER + CLEAN_TERMS
        + "<http://www.w3.org/2004/02/skos/core#hiddenLabel> a owl:AnnotationProperty .\n")
    assert only(problems_of(onto_dir, mappings), "owl2-dl") == []


def test_undeclared_class_in_a_vocabulary_breaks_owl2_dl(tmp_path):
    vocabulary = PREFIXES + "@prefix ex: <https://example.org/vocab#> .\nex:thing a ex:Gadget .\n"
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"gadgets.ttl": vocabulary})
    found = only(problems_of(onto_dir, mappings), "owl2-dl")
    assert [p.term for p in found] == ["ex:Gadget"] and "undeclared class" in found[0].message, found


# --------------------------------------------------------------------------- check: shapes


def test_a_vocabulary_entry_the_shapes_reject_is_reported_at_its_line(tmp_path):
    # A build validates each vocabulary graph; the check must say so before the build does.
    shapes = SHAPES.replace("sh:targetClass dkg:Person .",
                            "sh:targetClass dkg:Person ;\n    sh:property [ sh:path rdfs:label ; sh:minCount 1 ;\n"
                            "        sh:message \"A person needs a name.\" ] .")
    shapes = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + shapes
    vocabulary = PREFIXES + """@prefix ex: <https://example.org/people#> .

ex:named a owl:NamedIndividual , dkg:Person ;
    rdfs:label "Named"@en .
ex:other a owl:NamedIndividual , dkg:Person ;
    rdfs:label "Other"@en ;
    dkg:author ex:nameless .

ex:nameless a owl:NamedIndividual , dkg:Person .
"""
    onto_dir, mappings = make_ontology(tmp_path, shapes=shapes, vocabularies={"people.ttl": vocabulary})
    found = problems_of(onto_dir, mappings)
    assert [(p.check, p.file.name, p.term) for p in found] == [("shapes", "people.ttl", "ex:nameless")], found
    # the entry's own line, not the earlier line that mentions it as a value
    assert found[0].line == vocabulary.splitlines().index("ex:nameless a owl:NamedIndividual , dkg:Person .") + 1
    assert "A person needs a name." in found[0].message and "dkg validate --store" in found[0].hint
    # named, it passes; and the project's own vocabularies pass the project's shapes
    onto_dir, mappings = make_ontology(tmp_path / "fixed", shapes=shapes, vocabularies={
        "people.ttl": vocabulary.replace("dkg:Person .\n", "dkg:Person ;\n    rdfs:label \"Nameless\"@en .\n")})
    assert problems_of(onto_dir, mappings) == []


# --------------------------------------------------------------------------- check: syntax


def test_syntax_error_names_file_and_line(tmp_path):
    broken = PREFIXES + HEADER + CLEAN_TERMS + "\ndkg:Broken a owl:Class ;\n    rdfs:label \"broken\"@en\ndkg:Next a owl:Class .\n"
    onto_dir, mappings = make_ontology(tmp_path, ontology=broken)
    (p,) = problems_of(onto_dir, mappings)
    assert p.check == "syntax" and p.file.name == "dkg.ttl"
    assert p.line == len(broken.splitlines())  # the statement that lacks its '.' ends here


def test_syntax_error_in_a_vocabulary_is_reported(tmp_path):
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"bad.ttl": "@prefix x: <http://x/> .\nx:a x:b .\n"})
    (p,) = problems_of(onto_dir, mappings)
    assert p.check == "syntax" and p.file.name == "bad.ttl" and p.line == 2


# --------------------------------------------------------------------------- check: report


def _ontology_with(extra: str = "", replace: tuple[str, str] | None = None) -> str:
    text = PREFIXES + HEADER + CLEAN_TERMS + extra
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    return text


def test_missing_label_in_one_language(tmp_path):
    text = _ontology_with(replace=('"person"@en , "персона"@ru , "тұлға"@kk', '"person"@en , "персона"@ru'))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term) == ("missing-label", "dkg:Person")
    assert "'kk'" in p.message
    assert p.line == text.splitlines().index("dkg:Person a owl:Class ;") + 1


def test_two_labels_in_one_language(tmp_path):
    text = _ontology_with(replace=('"person"@en ,', '"person"@en , "human"@en ,'))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term) == ("multiple-labels", "dkg:Person") and "'en'" in p.message


def test_duplicate_label_across_terms(tmp_path):
    text = _ontology_with(replace=('"person"@en', '"work"@en'))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    (p,) = problems_of(onto_dir, mappings)
    assert p.check == "duplicate-label" and {p.term, p.message.split()[-1]} == {"dkg:Person", "dkg:Work"}


def test_missing_definition(tmp_path):
    text = _ontology_with(replace=(' , "Анықтама: тұлға."@kk', ""))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term) == ("missing-definition", "dkg:Person") and "'kk'" in p.message


@pytest.mark.parametrize("label", [" person", "person ", "per  son"])
def test_whitespace_in_label(tmp_path, label):
    text = _ontology_with(replace=('"person"@en', f'"{label}"@en'))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term) == ("label-whitespace", "dkg:Person")


@pytest.mark.parametrize("missing", ["dcterms:license", "owl:versionInfo", "dcterms:description"])
def test_missing_ontology_metadata(tmp_path, missing):
    props = [ln.strip().rstrip(" ;.") for ln in HEADER.splitlines()[1:]]
    header = HEADER.splitlines()[0] + "\n" + " ;\n".join(
        "    " + p for p in props if not p.startswith(missing)) + " .\n"
    onto_dir, mappings = make_ontology(tmp_path, ontology=PREFIXES + header + "\n" + CLEAN_TERMS)
    found = only(problems_of(onto_dir, mappings), "ontology-metadata")
    assert [p.message for p in found] == [f"the ontology header has no {missing}"]


def test_version_iri_that_disagrees_with_version_info(tmp_path):
    text = _ontology_with(replace=('owl:versionInfo "0.1.0"', 'owl:versionInfo "0.2.0"'))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    (p,) = problems_of(onto_dir, mappings)
    assert p.check == "ontology-metadata" and "does not end with" in p.message


VOCAB = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .
@prefix person: <https://w3id.org/dissertation-kg/id/person/> .

# OWL 2 DL: the SKOS terms used here are declared (the project declares them in dkg.ttl).
skos:ConceptScheme a owl:Class .
skos:Concept a owl:Class .
skos:inScheme a owl:ObjectProperty .
skos:prefLabel a owl:AnnotationProperty .

<https://w3id.org/dissertation-kg/id/scheme/people> a skos:ConceptScheme .

person:abai a owl:NamedIndividual , dkg:Person , skos:Concept ;
    skos:inScheme <https://w3id.org/dissertation-kg/id/scheme/people> ;
    skos:prefLabel "Abai Kunanbaiuly"@en , "Абай Кунанбаев"@ru , "Абай Құнанбайұлы"@kk .
"""


def test_clean_vocabulary_has_no_problems(tmp_path):
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"people.ttl": VOCAB})
    assert problems_of(onto_dir, mappings) == []


def test_two_pref_labels_in_one_language_in_a_vocabulary(tmp_path):
    vocab = VOCAB.replace('"Abai Kunanbaiuly"@en', '"Abai Kunanbaiuly"@en , "Abai"@en')
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"people.ttl": vocab})
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term, p.file.name) == ("multiple-pref-labels", "<https://w3id.org/dissertation-kg/id/person/abai>", "people.ttl")
    assert p.line == vocab.splitlines().index("person:abai a owl:NamedIndividual , dkg:Person , skos:Concept ;") + 1


def test_vocabulary_entry_without_a_language(tmp_path):
    vocab = VOCAB.replace(' , "Абай Құнанбайұлы"@kk', "")
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"people.ttl": vocab})
    (p,) = problems_of(onto_dir, mappings)
    assert p.check == "missing-pref-label" and "'kk'" in p.message


# --------------------------------------------------------------------------- check: deprecation

DEPRECATED = term("Writer", labels=("writer", "писатель", "жазушы"),
                  extra="\n    owl:deprecated true ;\n    dcterms:isReplacedBy dkg:Person ;")


def test_deprecated_term_used_in_ontology_shapes_and_mappers(tmp_path):
    text = _ontology_with(DEPRECATED, replace=("rdfs:range dkg:Person ;", "rdfs:range dkg:Writer ;"))
    shapes = SHAPES.replace("sh:class dkg:Person", "sh:class dkg:Writer")
    mapper = MAPPER + "\n\ndef writer(graph, x):\n    graph.add((x, RDF.type, DKG.Writer))\n"
    onto_dir, mappings = make_ontology(tmp_path, ontology=text, shapes=shapes, mapper=mapper)
    found = only(problems_of(onto_dir, mappings), "deprecated-use")
    assert {(p.file.name, p.term) for p in found} == {
        ("dkg.ttl", "dkg:Writer"), ("shapes.ttl", "dkg:Writer"), ("emit.py", "dkg:Writer")}
    by_file = {p.file.name: p for p in found}
    assert "dkg:author" in by_file["dkg.ttl"].message
    assert by_file["dkg.ttl"].line == text.splitlines().index("    rdfs:range dkg:Writer ;") + 1
    assert by_file["emit.py"].line == mapper.splitlines().index("    graph.add((x, RDF.type, DKG.Writer))") + 1
    assert all(p.hint == "use dkg:Person instead" for p in found)


def test_deprecated_term_that_nobody_uses_is_fine(tmp_path):
    onto_dir, mappings = make_ontology(tmp_path, ontology=_ontology_with(DEPRECATED))
    assert problems_of(onto_dir, mappings) == []


def test_deprecated_term_without_replacement(tmp_path):
    onto_dir, mappings = make_ontology(
        tmp_path, ontology=_ontology_with(DEPRECATED.replace("    dcterms:isReplacedBy dkg:Person ;\n", "")))
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term) == ("deprecated-without-replacement", "dkg:Writer")


# --------------------------------------------------------------------------- check: agreement


def test_shape_path_not_declared(tmp_path):
    shapes = SHAPES.replace("sh:path dkg:author", "sh:path dkg:writtenBy")
    onto_dir, mappings = make_ontology(tmp_path, shapes=shapes)
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term, p.file.name) == ("undeclared-term", "dkg:writtenBy", "shapes.ttl")
    assert p.line == next(i for i, ln in enumerate(shapes.splitlines(), 1) if "dkg:writtenBy" in ln)


def test_shape_path_inside_an_inverse_path_is_checked(tmp_path):
    shapes = SHAPES.replace("sh:path dkg:author", "sh:path [ sh:inversePath dkg:authorOf ]")
    onto_dir, mappings = make_ontology(tmp_path, shapes=shapes)
    assert [p.term for p in problems_of(onto_dir, mappings)] == ["dkg:authorOf"]


def test_mapper_emits_an_undeclared_term(tmp_path):
    mapper = MAPPER.replace('DKG["Work"]', 'DKG["Wrok"]') + '\nQUERY = "SELECT ?x WHERE { ?x a dkg:Thesis }"\n'
    onto_dir, mappings = make_ontology(tmp_path, mapper=mapper)
    found = problems_of(onto_dir, mappings)
    assert {(p.check, p.term, p.file.name) for p in found} == {
        ("undeclared-term", "dkg:Wrok", "emit.py"), ("undeclared-term", "dkg:Thesis", "emit.py")}


def test_namespace_methods_are_not_terms(tmp_path):
    mapper = MAPPER + '\nX = DKG.term("Work")\nY = DKG.startswith("https")\n'
    onto_dir, mappings = make_ontology(tmp_path, mapper=mapper)
    assert problems_of(onto_dir, mappings) == []


def test_vocabulary_uses_an_undeclared_class(tmp_path):
    vocab = VOCAB.replace("dkg:Person , skos:Concept", "dkg:Poet , skos:Concept")
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"people.ttl": vocab})
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term, p.file.name) == ("undeclared-term", "dkg:Poet", "people.ttl")


def test_class_without_shape(tmp_path):
    shapes = SHAPES.replace("ex:PersonShape a sh:NodeShape ;\n    sh:targetClass dkg:Person .\n", "")
    onto_dir, mappings = make_ontology(tmp_path, shapes=shapes)
    (p,) = problems_of(onto_dir, mappings)
    assert (p.check, p.term) == ("class-without-shape", "dkg:Person")
    assert "dkg:needsNoShape true" in p.hint


# --------------------------------------------------------------------------- check: versioning


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("git is required for the versioning and diff tests (CI=true)")
        pytest.skip("git is not installed")
    onto_dir, mappings = make_ontology(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "fixture")
    return tmp_path, onto_dir, mappings


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changed_ontology_without_new_version_is_reported(repo):
    root, onto_dir, mappings = repo
    _edit(onto_dir / "dkg.ttl", '"person"@en', '"human being"@en')
    found = problems_of(onto_dir, mappings)
    assert {(p.check, p.term) for p in found} == {("version-not-bumped", "owl:versionInfo"),
                                                  ("version-not-bumped", "owl:versionIRI")}
    assert all("HEAD" in p.message and "1 statements added, 1 removed" in p.message for p in found)


def test_changed_ontology_with_new_version_is_fine(repo):
    root, onto_dir, mappings = repo
    _edit(onto_dir / "dkg.ttl", '"person"@en', '"human being"@en')
    _edit(onto_dir / "dkg.ttl", "ontology/0.1.0>", "ontology/0.1.1>")
    _edit(onto_dir / "dkg.ttl", 'owl:versionInfo "0.1.0"', 'owl:versionInfo "0.1.1"')
    assert problems_of(onto_dir, mappings) == []


def test_reformatting_alone_needs_no_new_version(repo):
    root, onto_dir, mappings = repo
    path = onto_dir / "dkg.ttl"
    path.write_text(format_turtle(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert problems_of(onto_dir, mappings) == []


def test_release_tag_is_the_baseline_once_there_is_one(repo):
    root, onto_dir, mappings = repo
    _git(root, "tag", "ontology-v0.1.0")
    _edit(onto_dir / "dkg.ttl", '"person"@en', '"human being"@en')
    _git(root, "commit", "-q", "-am", "relabel without a version")
    found = problems_of(onto_dir, mappings)
    assert {p.check for p in found} == {"version-not-bumped"}
    assert all("release ontology-v0.1.0" in p.message for p in found)


# --------------------------------------------------------------------------- check: logic


def _java_or_skip():
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is required for the HermiT checks (CI=true)")
        pytest.skip("java not found: install a JRE 17 to run HermiT")


@pytest.mark.slow
def test_reasoner_finds_the_clean_fixture_consistent(tmp_path):
    _java_or_skip()
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"people.ttl": VOCAB})
    assert problems_of(onto_dir, mappings, reasoner=True) == []


SHAKARIM = VOCAB.replace("abai", "shakarim").replace("Abai Kunanbaiuly", "Shakarim Kudaiberdiuly") \
    .replace("Абай Кунанбаев", "Шакарим Кудайбердиев").replace("Абай Құнанбайұлы", "Шәкәрім Құдайбердіұлы")


@pytest.mark.slow
def test_reasoner_names_the_vocabulary_that_makes_the_ontology_inconsistent(tmp_path):
    _java_or_skip()
    both = VOCAB.replace("dkg:Person , skos:Concept", "dkg:Person , dkg:Work , skos:Concept")
    onto_dir, mappings = make_ontology(tmp_path, vocabularies={"people.ttl": both, "ok.ttl": SHAKARIM})
    found = problems_of(onto_dir, mappings, reasoner=True)
    assert [(p.check, p.file.name) for p in found] == [("inconsistent", "people.ttl")]


@pytest.mark.slow
def test_reasoner_reports_an_unsatisfiable_class(tmp_path):
    _java_or_skip()
    text = _ontology_with(term("Chimera", labels=("chimera", "химера", "химера"),
                               extra="\n    rdfs:subClassOf dkg:Work , dkg:Person ;\n    dkg:needsNoShape true ;"))
    onto_dir, mappings = make_ontology(tmp_path, ontology=text)
    found = problems_of(onto_dir, mappings, reasoner=True)
    assert [(p.check, p.term) for p in found] == [("unsatisfiable-class", "dkg:Chimera")]


# --------------------------------------------------------------------------- check: command line


def test_check_command_exit_codes(tmp_path):
    runner = CliRunner()
    onto_dir, mappings = make_ontology(tmp_path)
    ok = runner.invoke(ontology_cli, ["check", str(onto_dir), "--no-reasoner", "--mappings", str(mappings)])
    assert ok.exit_code == 0, ok.output
    _edit(onto_dir / "dkg.ttl", ' , "тұлға"@kk', "")
    bad = runner.invoke(ontology_cli, ["check", str(onto_dir), "--no-reasoner", "--mappings", str(mappings)])
    assert bad.exit_code == 1
    assert "dkg.ttl:" in bad.output and "[missing-label] dkg:Person" in bad.output and "hint:" in bad.output


# --------------------------------------------------------------------------- docs


@pytest.fixture(scope="module")
def project_ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "dkg.ttl", format="turtle")


def test_docs_have_every_term_with_labels_in_three_languages(project_ontology):
    html = render_ontology_html(project_ontology)
    assert 'id="Dissertation"' in html and 'id="hasProvision"' in html and 'id="ScopusPublications"' in html
    assert '<td class="label" lang="en">provision for defense</td>' in html
    assert '<td class="label" lang="ru">положение, выносимое на защиту</td>' in html
    assert '<td class="label" lang="kk">қорғауға ұсынылатын қағида</td>' in html
    # hierarchy, domains and ranges, external alignments under their own prefixes
    assert 'href="#ScholarlyWork"' in html and "fabio:DoctoralThesis" in html and "schema:Thesis" in html
    assert "(dkg:ResearchTask or dkg:NoveltyPoint or dkg:Provision or dkg:Publication or dkg:Authorship)" in html
    assert "schema1:" not in html


def test_docs_take_examples_from_the_default_store(tmp_path):
    """Without --store, `dkg ontology docs` uses the store `make serve` built (.dkg/store)."""
    import subprocess
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from publishing_fixtures import WORK, build_store

    build_store(tmp_path / ".dkg" / "store")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    done = subprocess.run([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()",
                           "ontology", "docs", "--out", "docs"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    assert WORK.rsplit("/", 1)[1] in html


def test_docs_show_examples_from_a_store(project_ontology):
    import pyoxigraph as ox

    from dissertation_kg.server.store.engines import OxigraphStore

    store = OxigraphStore.in_memory()
    work = ox.NamedNode("https://w3id.org/dissertation-kg/id/work/w-example")
    store.raw.add(ox.Quad(work, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          ox.NamedNode("https://w3id.org/dissertation-kg/ontology#Dissertation"),
                          ox.NamedNode("https://w3id.org/dissertation-kg/graph/source/x")))
    examples = collect_examples(store, project_ontology)
    assert examples["https://w3id.org/dissertation-kg/ontology#Dissertation"] == [str(work.value)]
    html = render_ontology_html(project_ontology, examples)
    assert "w-example" in html


def test_docs_command_writes_index(tmp_path):
    result = CliRunner().invoke(ontology_cli, ["docs", "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert 'lang="kk"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- diff


def test_diff_lists_added_class_and_changed_label(tmp_path):
    old = tmp_path / "old.ttl"
    new = tmp_path / "new.ttl"
    old.write_text(PREFIXES + HEADER + CLEAN_TERMS, encoding="utf-8")
    new.write_text((PREFIXES + HEADER + CLEAN_TERMS).replace('"person"@en', '"human being"@en')
                   .replace('"0.1.0"', '"0.2.0"') + term("Thesis", labels=("thesis", "тезис", "тезис"))
                   + DEPRECATED, encoding="utf-8")
    md = diff(str(old), str(new))
    assert md.startswith("## Ontology 0.2.0 (changes since 0.1.0)")
    added = md.split("### Added")[1].split("###")[0]
    assert "- `dkg:Thesis` — thesis (class)" in added
    assert "- `dkg:Person` (class)\n  - label@en \"person\" → \"human being\"" in md
    assert "### Removed" not in md


def test_diff_reads_git_revisions(repo):
    root, onto_dir, _ = repo
    _edit(onto_dir / "dkg.ttl", '"work"@en', '"scholarly work"@en')
    _git(root, "commit", "-q", "-am", "relabel")
    md = diff("HEAD~1:ontology/dkg.ttl", "HEAD:ontology/dkg.ttl", cwd=root)
    assert 'label@en "work" → "scholarly work"' in md


def test_diff_of_a_bare_revision_reads_the_same_file_at_that_revision(repo):
    root, onto_dir, _ = repo
    vocabulary = onto_dir / "vocabularies" / "extra.ttl"
    vocabulary.parent.mkdir(exist_ok=True)
    vocabulary.write_text(PREFIXES + term("Thesis", labels=("thesis", "тезис", "тезис")), encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "vocabulary")
    _edit(vocabulary, '"thesis"@en', '"doctoral thesis"@en')
    rel = vocabulary.relative_to(root).as_posix()
    for new in (rel, str(vocabulary)):  # relative to the repository or absolute
        md = diff("HEAD", new, cwd=root)
        assert f"HEAD:{rel}" in md
        assert 'label@en "thesis" → "doctoral thesis"' in md, md
        assert "### Added" not in md and "### Removed" not in md, md  # not compared with dkg.ttl


def test_diff_of_identical_versions_says_so(project_ontology):
    md = render_markdown(diff_graphs(project_ontology, project_ontology))
    assert "No classes, properties or individuals were added, removed or changed." in md


# --------------------------------------------------------------------------- format


@pytest.mark.parametrize("name", ["dkg.ttl", "shapes.ttl"] + sorted(
    f"vocabularies/{p.name}" for p in (ROOT / "ontology" / "vocabularies").glob("*.ttl")))
def test_project_files_are_formatted_and_formatting_is_idempotent(name):
    text = (ROOT / "ontology" / name).read_text(encoding="utf-8")
    once = format_turtle(text, name)
    assert once == text, f"run `dkg ontology format` on ontology/{name}"
    assert format_turtle(once, name) == once


def test_format_keeps_the_graph_and_section_comments():
    text = (ROOT / "ontology" / "dkg.ttl").read_text(encoding="utf-8")
    assert '"""' not in text  # the shuffling below cuts statements by lines
    shuffled = _shuffle_statements(text)
    out = format_turtle(shuffled)
    assert isomorphic(rdflib.Graph().parse(data=out, format="turtle"),
                      rdflib.Graph().parse(data=text, format="turtle"))
    headers = [ln for ln in text.splitlines() if ln.startswith("# ----")]
    assert [ln for ln in out.splitlines() if ln.startswith("# ----")] == headers


def _shuffle_statements(text: str) -> str:
    """The same sections with their statements in reverse order (and blank nodes renamed on parse)."""
    out, block = [], []
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("@prefix"):
            out.extend(_reverse_blocks(block))
            block = []
            out.append(line)
        else:
            block.append(line)
    out.extend(_reverse_blocks(block))
    return "\n".join(out) + "\n"


def _reverse_blocks(lines: list[str]) -> list[str]:
    blocks, cur = [], []
    for ln in lines:
        cur.append(ln)
        if ln.rstrip().endswith(" .") or ln.strip() == ".":
            blocks.append(cur)
            cur = []
    blocks.append(cur)
    return [ln for b in reversed(blocks) for ln in b] + [""]


def test_format_orders_by_content_not_by_input_order():
    a = PREFIXES + 'dkg:B a owl:Class ; rdfs:label "b"@en .\ndkg:A a owl:Class ; rdfs:label "a"@en , "а"@ru .\n' \
        '[] a owl:AllDisjointClasses ; owl:members ( dkg:A dkg:B ) .\n'
    b = PREFIXES + '[] owl:members ( dkg:A dkg:B ) ; a owl:AllDisjointClasses .\n' \
        'dkg:A rdfs:label "а"@ru , "a"@en ; a owl:Class .\ndkg:B rdfs:label "b"@en ; a owl:Class .\n'
    assert format_turtle(a) == format_turtle(b)
    out = format_turtle(a)
    assert out.index("dkg:A\n") < out.index("dkg:B\n") < out.index("[]")


def test_format_refuses_to_drop_a_comment_inside_a_statement():
    text = PREFIXES + "dkg:A a owl:Class ;\n    # why A exists\n    rdfs:label \"a\"@en .\n"
    with pytest.raises(FormatError, match="line 8"):
        format_turtle(text)
    trailing = PREFIXES + "dkg:A a owl:Class ; # note\n    rdfs:label \"a#b\"@en .\n"
    with pytest.raises(FormatError, match="line 7"):
        format_turtle(trailing)


def test_format_allows_hash_in_iris_and_strings():
    text = PREFIXES + 'dkg:A a owl:Class ;\n    rdfs:label "C# and #hashtags"@en ;\n    rdfs:seeAlso <http://example.org/x#y> .\n'
    out = format_turtle(text)
    assert '"C# and #hashtags"@en' in out and "<http://example.org/x#y>" in out


def test_format_command_check_mode(tmp_path):
    path = tmp_path / "x.ttl"
    path.write_text(PREFIXES + "dkg:B a owl:Class .\ndkg:A a owl:Class .\n", encoding="utf-8")
    runner = CliRunner()
    check = runner.invoke(ontology_cli, ["format", "--check", str(path)])
    assert check.exit_code == 1 and "would reformat" in check.output
    assert runner.invoke(ontology_cli, ["format", str(path)]).exit_code == 0
    assert runner.invoke(ontology_cli, ["format", "--check", str(path)]).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.index("dkg:A") < text.index("dkg:B")
