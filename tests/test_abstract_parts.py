"""Every part of an abstract the sections recognise is kept in the graph (issue #10, "nothing a
reader can use is thrown away"): an autoreferat's degree of development, sources, chronological
scope, priority directions, reliability, personal contribution and main content, the
justification and completeness parts of the new Kazakhstani template, and an article's
introduction, results and conclusion. Each is a class of its own in the ontology (aligned with
DEO where DEO has one), validated by the shapes, listed on the work's page, and its text is
linked to entities like any other part. Before, these sections were recognised and dropped, and
with them most of a history abstract's places and people."""
from __future__ import annotations

import re

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from dissertation_kg.mappings import abstract, headings, rdf
from dissertation_kg.mappings.vocab import DKG
from dissertation_kg.server.build import shacl
from dissertation_kg.server.build.pipeline import ontology_version
from dissertation_kg.server.publishing.reader import work as work_reader

LANGS = {"en", "kk", "ru"}
LIST_KINDS = set(headings.LIST_KINDS)
# Article blocks that are content (the others are its title page, keyword line and references).
ARTICLE_CONTENT = {"introduction", "research", "conclusion"}


def _mapped(text: str, name: str):
    doc = abstract.parse_bytes(text.encode("utf-8"), name)
    ctx = rdf.work_context("w-parts", [doc])
    return doc, ctx.iri, rdf.to_graph(doc, ctx, ontology_version=ontology_version()).graph


def _part(g, work, cls):
    parts = [p for p in g.objects(work, None) if (p, RDF.type, cls) in g]
    assert len(parts) == 1, (cls, parts)
    return parts[0]


def _mentioned(g, part) -> set[str]:
    """The last segments of the entities a part mentions (their labels are in the vocabularies)."""
    return {str(e).rsplit("/", 1)[-1] for e in g.objects(part, DKG.mentions)}


def test_every_content_kind_the_sections_recognise_has_a_part_in_the_graph():
    kept = set(rdf.COMPONENTS) | set(rdf.ITEMS)
    assert (abstract.CORE_KINDS | ARTICLE_CONTENT) - kept == set()


def test_every_part_is_declared_labelled_and_shaped(ontology_graph, shapes_graph):
    single_shapes = {(shapes_graph.value(s, URIRef("http://www.w3.org/ns/shacl#path")),
                      shapes_graph.value(s, URIRef("http://www.w3.org/ns/shacl#class")))
                     for s in shapes_graph.subjects(URIRef("http://www.w3.org/ns/shacl#maxCount"), Literal(1))}
    targets = set(shapes_graph.objects(URIRef("https://w3id.org/dissertation-kg/shapes#WorkComponentShape"),
                                       URIRef("http://www.w3.org/ns/shacl#targetClass")))
    belongs = str(shapes_graph.value(URIRef("https://w3id.org/dissertation-kg/shapes#PartsBelongToWork"),
                                     URIRef("http://www.w3.org/ns/shacl#select")))
    for kind, (cls, prop, segment) in rdf.COMPONENTS.items():
        assert (cls, RDF.type, OWL.Class) in ontology_graph, kind
        assert (cls, RDFS.subClassOf, DKG.WorkComponent) in ontology_graph, kind
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology_graph, kind
        assert ontology_graph.value(prop, RDFS.range) == cls, kind
        assert (prop, RDFS.subPropertyOf, DKG.hasComponent) in ontology_graph, kind
        for term in (cls, prop):
            assert {l.language for l in ontology_graph.objects(term, RDFS.label)} == LANGS, term
            assert {d.language for d in ontology_graph.objects(term, SKOS.definition)} == LANGS, term
        assert (prop, cls) in single_shapes, kind          # at most one per work, of its class
        assert cls in targets, kind                        # a part has text
        assert re.search(rf"dkg:{prop.split('#')[1]}\b", belongs), kind   # and belongs to its work
        assert prop.split("#")[1] in work_reader.SINGLE, kind              # and is on the work's page
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", segment), segment
    segments = [s for _, _, s in rdf.COMPONENTS.values()] + [s for _, _, s in rdf.ITEMS.values()]
    assert len(segments) == len(set(segments))  # one IRI per part


@pytest.fixture(scope="module")
def ontology_graph():
    from rdflib import Graph

    from dissertation_kg.mappings.resources import ontology_dir
    return Graph().parse(ontology_dir() / "dkg.ttl")


@pytest.fixture(scope="module")
def shapes_graph():
    return shacl.load_shapes()


# A Candidate of Sciences autoreferat as extraction leaves it: hard wraps, a word hyphenated
# across lines, a page number, headings run into their text.
RU_AUTOREFERAT = """На правах рукописи

АХМЕТОВА АЙГЕРИМ СЕРИКОВНА

Переселенческая политика и аграрное освоение Северного Казахстана
во второй половине XIX – начале XX века

07.00.02 – Отечественная история

АВТОРЕФЕРАТ
диссертации на соискание ученой степени
кандидата исторических наук

Республика Казахстан
Караганда, 2012

ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ

Актуальность темы исследования. Изучение переселенческой политики позволяет понять
истоки современной демографической картины Северного Казахстана.
Степень научной разработанности проблемы. Вопросы переселения рассматривались в трудах
Н.Е. Бекмахановой и Е.Б. Бекмаханова; региональный аспект исследован недостаточно.
Объект исследования – аграрное освоение Северного Казахстана.
Предмет исследования – переселенческая политика Российской империи и её последствия.
Цель исследования – выявить последствия переселенческой политики для казахского аула.
Источниковая база исследования. Работа основана на документах Центрального государствен-
ного архива Республики Казахстан и Государственного архива Омской области.

– 3 –

Хронологические рамки исследования охватывают период с 1868 по 1917 год; территориальные
рамки – Акмолинская область, нынешние Костанай и Павлодар.
Научная новизна исследования заключается в том, что впервые введены в оборот документы
переселенческих управлений.
Практическое значение работы состоит в том, что результаты использованы в курсах истории
Казахстана.
Достоверность результатов обеспечена широкой источниковой базой и сравнительным анализом.
Личный вклад автора состоит в выявлении и введении в оборот архивных документов.
Апробация работы. Результаты обсуждены на конференциях в Караганде и Астане.
Структура диссертации. Работа состоит из введения, двух глав, заключения и списка источников.
ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ
Во введении обоснована актуальность темы. В первой главе рассмотрена политика Российской
империи в Тургайской области.
"""


def test_an_autoreferats_own_parts_are_kept_and_linked():
    doc, work, g = _mapped(RU_AUTOREFERAT, "ru-autoreferat.txt")
    expected = {
        DKG.StateOfResearch: "Вопросы переселения",
        DKG.SourceBase: "Работа основана на документах",
        DKG.ResearchScope: "охватывают период с 1868",
        DKG.ReliabilityStatement: "обеспечена широкой источниковой базой",
        DKG.AuthorContribution: "состоит в выявлении",
        DKG.ContentSummary: "Во введении обоснована",
        DKG.Significance: "результаты использованы в курсах",
    }
    for cls, words in expected.items():
        part = _part(g, work, cls)
        text = g.value(part, DKG.text)
        assert text is not None and text.language == "ru" and words in text, (cls, text)
        assert (part, DKG.componentOf, work) in g
    # the page number and the hyphenation across lines are gone from the sources' text
    sources = str(g.value(_part(g, work, DKG.SourceBase), DKG.text))
    assert "государственного архива" in sources and "– 3 –" not in sources
    # entities in the new parts are linked like anywhere else: the scope names places
    scope = _part(g, work, DKG.ResearchScope)
    assert {"kostanay", "pavlodar"} <= _mentioned(g, scope), g.value(scope, DKG.text)
    problems = shacl.validate_graph(g, "ru-autoreferat.txt")
    assert shacl.violations(problems) == []


EN_PUBLICATIONS = """Relevance of the research. Grain storage losses in northern Kazakhstan remain high.
The aim of the research is to reduce storage losses of wheat in Kostanay region.
Publications. Nine works have been published, four of them in journals recommended by the
Committee for Quality Assurance in the Sphere of Science and Higher Education and two in journals
indexed in Scopus:
1. Amanov B.K. Losses of wheat in storage // Bulletin of Agricultural Science. – 2021. – No. 2. – P. 10-18.
2. Amanov B.K., Ivanova S.P. Drying regimes for wheat // Herald of KazNU. – 2022. – No. 4. – P. 33-41.
Structure of the dissertation. Introduction, three chapters, conclusion; 120 pages.
"""


def test_the_statement_of_publications_is_kept_without_its_list_and_linked():
    doc, work, g = _mapped(EN_PUBLICATIONS, "en-publications.txt")
    part = _part(g, work, DKG.PublicationsStatement)
    text = str(g.value(part, DKG.text))
    assert text.startswith("Nine works have been published") and "Scopus" in text, text
    # the listed works are publications of the metadata, not text of the statement
    assert "Losses of wheat in storage" not in text and "Drying regimes" not in text, text
    assert "quality-assurance-committee-kz" in _mentioned(g, part), _mentioned(g, part)
    assert (part, DKG.componentOf, work) in g
    assert shacl.violations(shacl.validate_graph(g, "en-publications.txt")) == []


KK_ABSTRACT = """Зерттеудің өзектілігі. Ертіс өзенінің су ресурстарын басқару Қазақстан үшін маңызды.
Зерттеу нысаны – Ертіс өзенінің бассейні.
Зерттеудің мақсаты – су ресурстарын басқарудың тиімді жолдарын анықтау.
Зерттеудің хронологиялық шеңбері 1991–2020 жылдарды қамтиды, аумақтық шеңбері – Павлодар және
Шығыс Қазақстан облыстары.
Зерттеудің дереккөздік базасы ретінде Қазгидромет деректері пайдаланылды.
Автордың жеке үлесі барлық далалық зерттеулерді өз бетінше жүргізуінде.
"""


def test_kazakh_scope_sources_and_contribution_are_kept():
    _, work, g = _mapped(KK_ABSTRACT, "kk-abstract.txt")
    assert "1991–2020" in g.value(_part(g, work, DKG.ResearchScope), DKG.text)
    assert "Қазгидромет" in g.value(_part(g, work, DKG.SourceBase), DKG.text)
    assert "далалық зерттеулерді" in g.value(_part(g, work, DKG.AuthorContribution), DKG.text)
    assert shacl.violations(shacl.validate_graph(g, "kk-abstract.txt")) == []


EN_ARTICLE = """UDC 556.5
GLACIER RETREAT IN THE ILE ALATAU, 1990–2020
A.B. Seitkali1, D. K. Omarov2
1Al-Farabi Kazakh National University, Almaty, Kazakhstan
2Institute of Geography and Water Security, Almaty, Kazakhstan

Abstract. Satellite images of thirty years show the glaciers of the Ile Alatau retreating faster
after 2005 than before.
Keywords: glaciers, remote sensing, Ile Alatau

Introduction
Glaciers of the Ile Alatau feed the rivers of Almaty; their retreat was last measured in 2011.
Results and discussion
The glaciated area shrank by a third, most of it below 3,800 m.
Conclusion
Monitoring must continue in Kazakhstan and Kyrgyzstan.
"""


def test_an_articles_introduction_results_and_conclusion_are_kept():
    doc, work, g = _mapped(EN_ARTICLE, "en-article.txt")
    assert doc.kind == "article"
    found = {cls: str(g.value(_part(g, work, cls), DKG.text)) for cls in
             (DKG.Introduction, DKG.ResultsAndDiscussion, DKG.Conclusion)}
    assert "feed the rivers" in found[DKG.Introduction]
    assert "retreating faster" in g.value(_part(g, work, DKG.Summary), DKG.text)
    assert "shrank by a third" in found[DKG.ResultsAndDiscussion]
    assert "Monitoring must continue" in found[DKG.Conclusion]
    assert {"kazakhstan", "kyrgyzstan"} <= _mentioned(g, _part(g, work, DKG.Conclusion))
    assert shacl.violations(shacl.validate_graph(g, "en-article.txt")) == []


@pytest.mark.parametrize("line, kind", [
    ("ТЕМА И ЕЁ ЗНАЧЕНИЕ Распад СССР разрушил единую водно-энергетическую систему региона.", "relevance"),
    ("Значение темы исследования. Распад СССР разрушил единую систему.", "relevance"),
    ("Практическое значение работы состоит в том, что результаты использованы в учебных курсах.", "significance"),
    ("Теоретическое и практическое значение исследования. Результаты применимы в вузах.", "significance"),
])
def test_russian_headings_with_the_word_znachenie(line, kind):
    head = headings.match(line, "ru")
    assert head is not None and head.kind == kind, head


@pytest.mark.parametrize("line, kind", [
    ("ТӘЖІРИБЕЛІК МАҢЫЗЫ", "significance"),
    ("Тақырыптың зерделену дәрежесі", "development"),
    ("Зерттеудің көкейтестілігі. Транскаспий маршруты Қытайды Еуропамен байланыстырады.", "relevance"),
    ("Тақырыптың көкейкестілігі", "relevance"),
])
def test_kazakh_heading_synonyms(line, kind):
    head = headings.match(line, "kk")
    assert head is not None and head.kind == kind, head


@pytest.mark.parametrize("line", [
    "Значение этого показателя возросло вдвое за десять лет наблюдений.",
    "Большое значение для темы имеют архивные документы Омской области.",
])
def test_the_word_znachenie_in_a_sentence_heads_nothing(line):
    assert headings.match(line, "ru") is None
