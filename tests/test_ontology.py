"""The ontology (dkg.ttl) and the shapes (shapes.ttl): they parse, are labelled in three
languages, are consistent under HermiT, and the shapes accept a valid work and reject broken ones."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DCTERMS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "dkg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
DKG = Namespace("https://w3id.org/dissertation-kg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY_IRI = URIRef("https://w3id.org/dissertation-kg/ontology")
LANGS = {"en", "ru", "kk"}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES, format="turtle")


def _dkg_terms(g: rdflib.Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for k in kinds for s in g.subjects(RDF.type, k)
            if isinstance(s, URIRef) and str(s).startswith(str(DKG))}


# --------------------------------------------------------------------------- (a) parsing, header


def test_ontology_parses_and_has_metadata(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for p in (DCTERMS.title, DCTERMS.description, DCTERMS.creator):
        assert ontology.value(ONTOLOGY_IRI, p) is not None, p
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/dissertation-kg/ontology/0.5.0")
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.5.0"
    assert str(ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"))) == "dkg"


MODEL_CLASSES = """ScholarlyWork Dissertation JournalArticle Abstract WorkComponent Relevance
ResearchObject ResearchSubject ResearchAim Hypothesis TheoreticalBasis MethodsStatement
Significance Approbation StructureStatement ResearchTask NoveltyPoint Provision Publication
PublicationCount PublicationKind Specialty Actor Person Organization State
InternationalOrganization GovernmentBody NonGovernmentalOrganization University Department
Diaspora TribalUnion Theory Method Initiative SourceDocument MappingActivity""".split()
MODEL_OBJECT_PROPERTIES = """institution department partOfOrganization hasAbstract abstractOf
hasComponent componentOf hasRelevance hasResearchObject hasResearchSubject hasAim hasHypothesis
hasTheoreticalBasis hasMethodsStatement hasSignificance hasApprobation hasStructureStatement
hasTask hasNoveltyPoint hasProvision hasPublication hasPublicationCount publicationKind
sourceDocument launchedBy mentions""".split()
MODEL_DATATYPE_PROPERTIES = """ordinal text heading citationText venue count fileName sha256
characterCount mapperVersion ontologyVersion softwareVersion""".split()
MODEL_KINDS = """TotalPublications ScopusPublications WebOfSciencePublications
CommitteeJournalPublications InternationalJournalPublications DomesticJournalPublications
ConferencePublications Monographs""".split()


def test_every_model_term_is_declared(ontology):
    for name in MODEL_CLASSES:
        assert (DKG[name], RDF.type, OWL.Class) in ontology, name
    for name in MODEL_OBJECT_PROPERTIES:
        assert (DKG[name], RDF.type, OWL.ObjectProperty) in ontology, name
    for name in MODEL_DATATYPE_PROPERTIES:
        assert (DKG[name], RDF.type, OWL.DatatypeProperty) in ontology, name
    for name in MODEL_KINDS:
        assert (DKG[name], RDF.type, DKG.PublicationKind) in ontology, name


def test_every_used_external_term_is_declared(ontology):
    # OWL 2 DL needs a declaration for every entity; without imports we must make them ourselves.
    declared = set(ontology.subjects(RDF.type, None))
    builtin = (str(OWL), str(RDF), str(RDFS), str(XSD))
    used = set()
    for s, p, o in ontology:
        if p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentProperty, RDFS.domain, RDFS.range):
            used.add(o)
        used.add(p)
    missing = {t for t in used if isinstance(t, URIRef) and not str(t).startswith(builtin)
               and t not in declared}
    assert not missing, sorted(missing)


def test_alignments_from_model(ontology):
    expected = [
        (DKG.Dissertation, URIRef("http://purl.org/spar/fabio/DoctoralThesis")),
        (DKG.Dissertation, URIRef("http://purl.org/ontology/bibo/Thesis")),
        (DKG.Dissertation, URIRef("http://schema.org/Thesis")),
        (DKG.Provision, URIRef("http://schema.org/Claim")),
        (DKG.Actor, URIRef("http://www.w3.org/ns/prov#Agent")),
        (DKG.Abstract, URIRef("http://purl.org/spar/doco/Abstract")),
        (DKG.NoveltyPoint, URIRef("http://purl.org/spar/deo/Contribution")),
    ]
    for sub, sup in expected:
        assert (sub, RDFS.subClassOf, sup) in ontology, (sub, sup)
    assert (DKG.hasProvision, RDFS.subPropertyOf, DKG.hasComponent) in ontology
    assert (DKG.mentions, RDFS.subPropertyOf, DCTERMS.references) in ontology
    assert (DKG.Dissertation, OWL.disjointWith, DKG.JournalArticle) in ontology
    assert (DKG.Person, OWL.disjointWith, DKG.Organization) in ontology


# --------------------------------------------------------------------------- (b) labels


def test_every_dkg_term_has_one_label_and_a_definition_per_language(ontology):
    terms = _dkg_terms(ontology)
    assert len(terms) > 60
    problems = []
    for term in sorted(terms):
        for prop in (RDFS.label, SKOS.definition):
            langs = [o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)]
            for lang in LANGS:
                if prop == RDFS.label and langs.count(lang) != 1:
                    problems.append(f"{term} has {langs.count(lang)} rdfs:label@{lang}")
                if prop == SKOS.definition and lang not in langs:
                    problems.append(f"{term} has no skos:definition@{lang}")
            if set(langs) - LANGS:
                problems.append(f"{term} {prop} in unexpected languages {set(langs) - LANGS}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- (c) HermiT


def _java_or_skip() -> None:
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is required for the HermiT consistency test (CI=true)")
        pytest.skip("java not found: install a JRE 17 to run HermiT")


def _reason(graph: rdflib.Graph):
    from owlready2 import World, sync_reasoner

    # owlready2 reads N-Triples but not Turtle.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ontology.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = World()
        world.get_ontology(path.as_uri()).load()
        sync_reasoner(world, infer_property_values=False, debug=0)
        return list(world.inconsistent_classes())


@pytest.mark.slow
def test_ontology_is_consistent_under_hermit(ontology):
    _java_or_skip()
    assert _reason(ontology) == []


@pytest.mark.slow
def test_hermit_catches_a_work_that_is_both_dissertation_and_article(ontology):
    # Proves the consistency test above can fail: the disjointness axiom is live.
    _java_or_skip()
    from owlready2 import OwlReadyInconsistentOntologyError

    broken = rdflib.Graph() + ontology
    work = URIRef("https://w3id.org/dissertation-kg/id/work/both")
    broken.add((work, RDF.type, OWL.NamedIndividual))
    broken.add((work, RDF.type, DKG.Dissertation))
    broken.add((work, RDF.type, DKG.JournalArticle))
    with pytest.raises(OwlReadyInconsistentOntologyError):
        _reason(broken)


# --------------------------------------------------------------------------- (d) shapes

BASE = "https://w3id.org/dissertation-kg/id/"
WORK = URIRef(BASE + "work/w-test")
VALID = f"""
@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix fabio: <http://purl.org/spar/fabio/> .
@prefix bibo: <http://purl.org/ontology/bibo/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix iso: <http://id.loc.gov/vocabulary/iso639-1/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@base <{BASE}> .

<work/w-test> a dkg:Dissertation ;
    dcterms:title "Public diplomacy of Kazakhstan"@en , "Қазақстанның қоғамдық дипломатиясы"@kk ;
    dcterms:creator <person/aigerim-test> ;
    fabio:hasDiscipline <specialty/6D020200> ;
    bibo:degree <http://purl.org/ontology/bibo/degrees/phd> ;
    dkg:institution <organization/test-university> ;
    dkg:hasAbstract <work/w-test/abstract/en> , <work/w-test/abstract/kk> ;
    dkg:hasAim <work/w-test/aim> ;
    dkg:hasTask <work/w-test/task/1> ;
    dkg:hasProvision <work/w-test/provision/1> , <work/w-test/provision/2> ;
    dkg:hasPublication <work/w-test/publication/1> ;
    dkg:hasPublicationCount <work/w-test/publication-count/scopus> .

<work/w-test/abstract/en> a dkg:Abstract ; dkg:abstractOf <work/w-test> ;
    dcterms:language iso:en ; dkg:sourceDocument <source/test-en> .
<work/w-test/abstract/kk> a dkg:Abstract ; dkg:abstractOf <work/w-test> ;
    dcterms:language iso:kk .

<work/w-test/aim> a dkg:ResearchAim ; dkg:componentOf <work/w-test> ;
    dkg:heading "Aim"@en ;
    dkg:text "To study public diplomacy."@en , "Қоғамдық дипломатияны зерттеу."@kk .
<work/w-test/aim/text/en> a nif:Context ; nif:isString "To study public diplomacy." ;
    nif:beginIndex 0 ; nif:endIndex 26 ; nif:sourceUrl <work/w-test/aim> ; dcterms:language iso:en .
<work/w-test/aim/mention/en/9-25> a nif:Phrase ; nif:referenceContext <work/w-test/aim/text/en> ;
    nif:beginIndex 9 ; nif:endIndex 25 ; nif:anchorOf "public diplomacy" ;
    itsrdf:taIdentRef <theory/public-diplomacy> .
<work/w-test/task/1> a dkg:ResearchTask ; dkg:componentOf <work/w-test> ;
    dkg:ordinal "1"^^xsd:integer ; dkg:text "Describe the actors."@en .
<work/w-test/provision/1> a dkg:Provision ; dkg:componentOf <work/w-test> ;
    dkg:ordinal "1"^^xsd:integer ;
    dkg:text "Public diplomacy humanizes foreign policy."@en , "Қоғамдық дипломатия сыртқы саясатты ізгілендіреді."@kk .
<work/w-test/provision/2> a dkg:Provision ; dkg:componentOf <work/w-test> ;
    dkg:ordinal "2"^^xsd:integer ; dkg:text "Diasporas are actors."@en .

<work/w-test/publication/1> a dkg:Publication ; dkg:ordinal "1"^^xsd:integer ;
    dkg:citationText "Test A. Public diplomacy // Bulletin. 2021. P. 323-328." ;
    dcterms:issued "2021"^^xsd:gYear ; bibo:pages "323-328" ; dcterms:language iso:ru .
<work/w-test/publication-count/scopus> a dkg:PublicationCount ;
    dkg:publicationKind dkg:ScopusPublications ; dkg:count "2"^^xsd:integer .

<person/aigerim-test> a dkg:Person ; foaf:name "Aigerim Test" .
<organization/test-university> a dkg:University ; foaf:name "Test University"@en .
<specialty/6D020200> a dkg:Specialty ; skos:notation "6D020200" ;
    skos:prefLabel "International Relations"@en .
<source/test-en> a dkg:SourceDocument ; dkg:fileName "test-en.txt" ;
    dkg:sha256 "{'a' * 64}" ; dkg:characterCount 1234 ; dcterms:format "text/plain" .
<source/test-en/mapping> a dkg:MappingActivity ; prov:used <source/test-en> ;
    prov:endedAtTime "2026-01-01T00:00:00Z"^^xsd:dateTime ; dkg:mapperVersion "0.1.0" ;
    prov:wasAssociatedWith <software/python-utf-8-codec/3.11.2> .
<software/python-utf-8-codec/3.11.2> a prov:SoftwareAgent ; foaf:name "python-utf-8-codec" ;
    dkg:softwareVersion "3.11.2" .
"""


def _valid() -> rdflib.Graph:
    return rdflib.Graph().parse(data=VALID, format="turtle")


def _results(data: rdflib.Graph, shapes: rdflib.Graph, severity=SH.Violation) -> set[tuple]:
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    found = {(report.value(r, SH.focusNode), report.value(r, SH.resultPath))
             for r in report.subjects(RDF.type, SH.ValidationResult)
             if report.value(r, SH.resultSeverity) == severity}
    if severity == SH.Violation:
        assert conforms == (not found)  # warnings and information do not break conformance
    return found


def _violations(data: rdflib.Graph, shapes: rdflib.Graph) -> set[tuple]:
    return _results(data, shapes)


def _u(path: str) -> URIRef:
    return URIRef(BASE + path)


def test_valid_dissertation_conforms(shapes):
    assert _violations(_valid(), shapes) == set()


def test_messages_are_plain_english(shapes):
    messages = [str(m) for m in shapes.objects(None, SH.message)]
    assert messages and all(m[0].isupper() and m.rstrip().endswith((".", "?", ")")) for m in messages)


def _drop_provisions(g):
    for p in list(g.objects(WORK, DKG.hasProvision)):
        g.remove((p, None, None))
    g.remove((WORK, DKG.hasProvision, None))


def _duplicate_ordinal(g):
    p2 = _u("work/w-test/provision/2")
    g.set((p2, DKG.ordinal, Literal(1, datatype=XSD.integer)))


def _ordinal_gap(g):
    p2 = _u("work/w-test/provision/2")
    g.set((p2, DKG.ordinal, Literal(3, datatype=XSD.integer)))


def _german_text(g):
    g.add((_u("work/w-test/provision/2"), DKG.text, Literal("Diasporen sind Akteure.", lang="de")))


def _two_english_texts(g):
    g.add((_u("work/w-test/aim"), DKG.text, Literal("Another English aim.", lang="en")))


def _abstract_without_language(g):
    g.remove((_u("work/w-test/abstract/kk"), DCTERMS.language, None))


def _article_with_provision(g):
    g.remove((WORK, RDF.type, None))
    g.remove((WORK, URIRef("http://purl.org/ontology/bibo/degree"), None))
    g.add((WORK, RDF.type, DKG.JournalArticle))


NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")
MENTION, CONTEXT = _u("work/w-test/aim/mention/en/9-25"), _u("work/w-test/aim/text/en")


def _mention_without_entity(g):
    g.remove((MENTION, ITSRDF.taIdentRef, None))


def _mention_offset_as_text(g):
    g.set((MENTION, NIF.beginIndex, Literal("9")))


def _mention_without_context(g):
    g.remove((MENTION, NIF.referenceContext, None))


def _context_without_language(g):
    g.remove((CONTEXT, DCTERMS.language, None))


BROKEN = {
    "duplicate ordinal": (_duplicate_ordinal, {(WORK, DKG.hasProvision)}),
    "gap in ordinals": (_ordinal_gap, {(WORK, DKG.hasProvision)}),
    "text in German": (_german_text, {(_u("work/w-test/provision/2"), DKG.text)}),
    "two English texts": (_two_english_texts, {(_u("work/w-test/aim"), DKG.text)}),
    "abstract without language": (_abstract_without_language,
                                  {(_u("work/w-test/abstract/kk"), DCTERMS.language)}),
    "article with a provision": (_article_with_provision, {(WORK, DKG.hasProvision)}),
    "mention without entity": (_mention_without_entity, {(MENTION, ITSRDF.taIdentRef)}),
    "mention offset as text": (_mention_offset_as_text, {(MENTION, NIF.beginIndex)}),
    "mention without context": (_mention_without_context, {(MENTION, NIF.referenceContext)}),
    "context without language": (_context_without_language, {(CONTEXT, DCTERMS.language)}),
}


def test_a_dissertation_without_provisions_is_a_warning_not_a_violation(shapes):
    """A missing part is a gap the work loads with (issue #10), not wrong data."""
    g = _valid()
    _drop_provisions(g)
    assert _violations(g, shapes) == set()
    assert (WORK, DKG.hasProvision) in _results(g, shapes, SH.Warning)


def test_a_work_that_lacks_something_else_than_a_work_part_is_a_violation(shapes):
    g = _valid()
    g.add((WORK, DKG.lacks, DKG.Provision))
    assert _violations(g, shapes) == {(WORK, DKG.lacks)}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_variant_is_rejected(name, shapes):
    breaker, expected = BROKEN[name]
    g = _valid()
    breaker(g)
    assert _violations(g, shapes) == expected


def test_component_without_work_or_text_is_rejected(shapes):
    g = _valid()
    aim = _u("work/w-test/aim")
    g.remove((aim, DKG.componentOf, None))
    g.remove((aim, DKG.text, None))
    assert _violations(g, shapes) == {(aim, DKG.componentOf), (aim, DKG.text)}
