"""The five seed documents: the right works, provisions, tasks, novelty points and metadata."""
from __future__ import annotations


from dissertation_kg.mappings import abstract, pairing
from dissertation_kg.mappings.resources import seeds_dir

SEEDS = seeds_dir()
DKG = "https://w3id.org/dissertation-kg/ontology#"


def parse(prefix: str) -> abstract.ParsedAbstract:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return abstract.parse_file(path)


def counts(doc):
    return {k: len(v) for k, v in doc.items.items()}


def test_000_english_dissertation():
    doc = parse("000")
    assert (doc.lang, doc.kind) == ("en", "dissertation")
    assert counts(doc) == {"tasks": 8, "novelty": 8, "provisions": 8}
    assert doc.items["provisions"][0].text.startswith("The theoretical and methodological basis of the study is")
    assert doc.items["provisions"][7].text.endswith("new realities and challenges.")
    assert doc.section_text("object").startswith("the foreign policy of the Republic of Kazakhstan")
    assert doc.section_text("subject").startswith("the mechanisms and tools of public diplomacy")
    assert {"relevance", "aim", "theoretical-basis", "significance", "approbation", "structure"} <= doc.sections.keys()
    pubs = doc.meta.publications
    assert len(pubs) == 12
    assert [p.year for p in pubs[:3]] == [2017, 2018, 2018]
    assert pubs[0].pages == "323-328" and pubs[0].language == "ru"
    assert pubs[2].language == "en" and pubs[11].language == "kk"
    assert doc.meta.publication_counts == {"Total": 12, "DomesticJournal": 4, "CommitteeJournal": 3,
                                           "Scopus": 3, "Conference": 2, "Monographs": 1}


def test_001_kazakh_translation():
    doc = parse("001")
    assert (doc.lang, doc.kind) == ("kk", "dissertation")
    assert counts(doc) == {"tasks": 8, "novelty": 8, "provisions": 8}
    # "5.Халықтық …": a number with no space after it is still an item.
    assert doc.items["provisions"][4].text.startswith("Халықтық дипломатия халықаралық")
    assert doc.section_text("object").startswith("гуманизация контексіндегі")
    assert doc.meta.publications == []


def test_000_and_001_are_one_work_even_without_the_manifest():
    works = pairing.group([parse("000"), parse("001"), parse("002"), parse("003"), parse("004")], {})
    joined = [sorted(m.source[:3] for m in w.members) for w in works if len(w.members) > 1]
    assert joined == [["000", "001"]]
    (work,) = [w for w in works if len(w.members) > 1]
    assert work.decided_by == "detected" and any("8 provisions in both" in e for e in work.evidence)


def test_002_metadata():
    doc = parse("002")
    assert (doc.lang, doc.kind) == ("en", "dissertation")
    assert counts(doc) == {"tasks": 6, "novelty": 6, "provisions": 6}
    first = doc.items["provisions"][0].text
    # The first provision spans two paragraphs.
    assert "Theories of humanitarian security can influence" in first
    assert "access to quality education" in doc.items["provisions"][2].text
    m = doc.meta
    assert m.author == "Utegenova-Navarro Assel Erkenovna"
    assert m.specialty_code == "6D020200" and m.specialty_name == "International Relations"
    assert m.title.startswith("Cooperation between Kazakhstan and UNESCO")
    assert m.degree_phd
    assert m.institution == "Al-Farabi Kazakh National University"
    assert m.department == "Department of International Relations and World Economy"
    assert m.publication_counts == {"Total": 7, "Monographs": 4, "Scopus": 1, "CommitteeJournal": 3}


def test_003_is_an_article_without_provisions():
    doc = parse("003")
    assert (doc.lang, doc.kind) == ("en", "article")
    assert "provisions" not in doc.items
    assert counts(doc) == {"tasks": 3}
    assert doc.section_text("aim").startswith("to study the process of cultural and humanitarian cooperation")
    assert "methods" in doc.sections


def test_004_bulleted_lists():
    doc = parse("004")
    assert (doc.lang, doc.kind) == ("en", "dissertation")
    assert counts(doc) == {"tasks": 8, "novelty": 6, "provisions": 7}
    assert doc.items["provisions"][0].text.startswith("The evolution of the formation of the concept")
    assert doc.section_text("object") == "the academic mobility as an instrument of soft power."
    assert doc.meta.publication_counts == {"Total": 15}


def q(store, text):
    return list(store.query("PREFIX dkg: <%s>\n" % DKG + text))


def test_store_has_one_work_with_bilingual_provisions(seed_store):
    work = "https://w3id.org/dissertation-kg/id/work/humanization-kazakhstan-foreign-policy"
    rows = q(seed_store, f"""SELECT ?o (GROUP_CONCAT(LANG(?t); separator=",") AS ?langs) WHERE {{
        <{work}> dkg:hasProvision ?p . ?p dkg:ordinal ?o ; dkg:text ?t }} GROUP BY ?o ORDER BY ?o""")
    assert [int(r["o"].value) for r in rows] == list(range(1, 9))
    assert all(sorted(r["langs"].value.split(",")) == ["en", "kk"] for r in rows)


def test_store_work_types(seed_store):
    rows = q(seed_store, "SELECT ?w ?t WHERE { ?w a ?t FILTER(?t IN (dkg:Dissertation, dkg:JournalArticle)) }")
    types = {r["w"].value.rsplit("/", 1)[-1]: r["t"].value.rsplit("#", 1)[-1] for r in rows}
    assert types == {
        "humanization-kazakhstan-foreign-policy": "Dissertation",
        "kazakhstan-unesco-humanitarian-security": "Dissertation",
        "kazakh-german-cultural-cooperation": "JournalArticle",
        "academic-mobility-soft-power": "Dissertation",
    }


def test_every_document_has_its_own_named_graph_with_provenance(seed_store):
    rows = q(seed_store, """PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g ?file ?sha ?mapper ?onto WHERE { GRAPH ?g {
          ?g prov:wasDerivedFrom ?src ; prov:wasGeneratedBy ?act .
          ?src dkg:fileName ?file ; dkg:sha256 ?sha .
          ?act dkg:mapperVersion ?mapper ; dkg:ontologyVersion ?onto } }""")
    assert len(rows) == 5
    for r in rows:
        assert r["g"].value.endswith(r["file"].value)
        assert len(r["sha"].value) == 64
