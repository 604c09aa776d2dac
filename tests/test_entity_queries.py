"""The entity competency questions (queries/20-26) answer right on the seed corpus built by
`dkg build` (the `seed_store` fixture), and the curation commands work against that store."""
from __future__ import annotations

import json
import shutil

import pytest
import rdflib
from click.testing import CliRunner

from dissertation_kg.mappings import linking, vocabulary
from dissertation_kg.server.cli import main
from dissertation_kg.mappings.resources import queries_dir

ID = "https://w3id.org/dissertation-kg/id/"
W = ID + "work/"
HUMANIZATION = W + "humanization-kazakhstan-foreign-policy"
UNESCO_WORK = W + "kazakhstan-unesco-humanitarian-security"
MOBILITY = W + "academic-mobility-soft-power"
GERMAN = W + "kazakh-german-cultural-cooperation"


def rows_of(store, name: str) -> list[dict]:
    res = store.query((queries_dir() / name).read_text(encoding="utf-8"))
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


def test_entity_queries_open_with_their_question():
    for name in ("20-theories-per-work.rq", "21-works-per-theory.rq", "22-initiatives-in-provisions.rq",
                 "23-actors-with-soft-power.rq", "24-entities-in-kazakh-and-english.rq",
                 "25-candidates-awaiting-review.rq", "26-methods-per-work.rq"):
        lines = (queries_dir() / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# Question: ") and lines[0].endswith("?"), name
        # after the question's titles in Russian and Kazakh (`# Question@ru: …`), what it returns
        after = [line for line in lines[1:] if not line.startswith("# Question@")]
        assert after[0].startswith("# Returns"), name


def test_theories_per_work(seed_store):
    rows = rows_of(seed_store, "20-theories-per-work.rq")
    per = {}
    for r in rows:
        per.setdefault(r["work"], set()).add(r["theory"].rsplit("/", 1)[1])
    assert {"realism", "neorealism", "neoliberalism", "constructivism", "rational-actor", "soft-power",
            "systems-approach"} <= per[HUMANIZATION]
    assert {"interdependence", "human-development", "institutionalism", "liberalism", "human-security"} <= per[UNESCO_WORK]
    # The article states its basis in its methods section: the principles of historicism and a
    # system approach (a research's principles, as the keys class them).
    assert {"systems-approach", "principle-of-historicism"} <= per[GERMAN]
    # Theories named only in a provision are mentions of the provision, not the work's basis.
    assert "neorealism" not in per.get(MOBILITY, set())
    assert all(r["label"] for r in rows)


def test_works_per_theory_in_any_language(seed_store):
    rows = rows_of(seed_store, "21-works-per-theory.rq")
    by_ru = {r["labelRu"]: r for r in rows}
    constructivism = by_ru["конструктивизм"]
    assert constructivism["labelKk"] == "конструктивизм" and constructivism["labelEn"] == "constructivism"
    assert [r["work"] for r in rows if r["labelRu"] == "конструктивизм"] == [HUMANIZATION]
    # one row per work, each with the theory's count
    assert all(int(r["works"]) == sum(x["theory"] == r["theory"] for x in rows) for r in rows)
    systems = next(r for r in rows if r["labelEn"] == "systems approach")
    assert int(systems["works"]) == 3
    assert systems["labelKk"] == "жүйелік тәсіл"


def test_initiatives_in_provisions(seed_store):
    rows = rows_of(seed_store, "22-initiatives-in-provisions.rq")
    found = {(r["work"], int(r["ordinal"]), r["initiative"].rsplit("/", 1)[1], r["language"]) for r in rows}
    for lang in ("en", "kk"):
        assert (HUMANIZATION, 4, "g-global", lang) in found
        assert (HUMANIZATION, 4, "congress-leaders-world-traditional-religions", lang) in found
    assert (MOBILITY, 6, "unified-central-asian-higher-education-space", "en") in found
    kk_quote = next(r["quote"] for r in rows if r["language"] == "kk"
                    and r["initiative"].endswith("congress-leaders-world-traditional-religions"))
    assert kk_quote == "Әлемдік және дәстүрлі діндер лидерлерінің съезі"
    # The Foreign Policy Concept is named in the relevance section, not in a provision.
    assert not any(r["initiative"].endswith("foreign-policy-concept-2020-2030") for r in rows)


def test_actors_co_occurring_with_soft_power(seed_store):
    rows = rows_of(seed_store, "23-actors-with-soft-power.rq")
    by_actor = {r["actor"].rsplit("/", 1)[1]: r for r in rows}
    assert by_actor["kazakhstan"]["class"].endswith("#State")
    assert int(by_actor["kazakhstan"]["works"]) == 2
    assert by_actor["central-asia"]["class"].endswith("#Region")
    assert "unesco" not in by_actor   # UNESCO's work never names soft power


def test_entities_in_kazakh_and_english(seed_store):
    rows = rows_of(seed_store, "24-entities-in-kazakh-and-english.rq")
    assert {r["work"] for r in rows} == {HUMANIZATION}   # the only work with both abstracts
    both = {r["entity"].rsplit("/id/", 1)[1] for r in rows}
    assert {"actor/kazakhstan", "theory/public-diplomacy", "theory/soft-power", "theory/constructivism",
            "initiative/g-global", "actor/central-asia", "initiative/foreign-policy-concept-2020-2030",
            "method/content-analysis", "theory/humanization"} <= both
    # Named in English only ("systems approach"); the Kazakh text says "systems analysis".
    assert "theory/systems-approach" not in both


def test_methods_per_work(seed_store):
    rows = rows_of(seed_store, "26-methods-per-work.rq")
    per = {}
    for r in rows:
        per.setdefault(r["work"], set()).add(r["method"].rsplit("/", 1)[1])
    assert {"comparative-analysis", "content-analysis", "discourse-analysis", "case-study"} <= per[HUMANIZATION]
    assert {"structural-functional-analysis", "problem-chronological-method", "interdisciplinary-approach"} <= per[UNESCO_WORK]
    assert {"survey", "diachronic-method"} <= per[MOBILITY]
    assert "comparative-historical-method" in per[GERMAN]


def test_candidates_awaiting_review(seed_store):
    rows = rows_of(seed_store, "25-candidates-awaiting-review.rq")
    names = {(r["name"], r["lang"]) for r in rows}
    assert ("Russian Science Citation Index", "en") in names
    # A university's department is where the work was done, no actor to review (KEYS.md lists none).
    assert ("Department of International Relations and World Economy", "en") not in names
    assert ("гуманитарлық өлшемінің тұтас тұжырымдамасы", "kk") in names
    # An acronym of a common noun (a kind of body) is no name to review (mappings/generic_acronyms.py).
    assert not {n for n, _ in names} & {"NGO", "ҮЕҰ"}
    # A journal's series quoted in a publication list («… серия «Исторические и социально-политические
    # науки»») is a venue, not an initiative: nothing beside it says it is a programme or a law.
    assert not {n for n, _ in names} & {"Исторические и социально-политические науки"}
    assert all(int(r["count"]) >= 1 and int(r["works"]) >= 1 for r in rows)
    # Nothing the vocabularies know is a candidate.
    assert not {n for n, _ in names} & {"UNESCO", "Kazakhstan", "G-Global", "Bolashak"}


# --------------------------------------------------------------------------- the curation commands


def test_dkg_candidates_lists_the_queue(seed_store_dir):
    runner = CliRunner()
    out = runner.invoke(main, ["candidates", "--store", str(seed_store_dir), "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert rows == sorted(rows, key=lambda r: (-r["count"], r["name"]))
    index = next(r for r in rows if r["name"] == "Russian Science Citation Index")
    assert index["count"] == 1 and index["works"] == 1 and index["suggestedClass"] == "Initiative"
    assert "Russian Science Citation Index (RSCI)" in index["context"]
    assert index["promoted"] is False and index["dismissed"] is False
    table = runner.invoke(main, ["candidates", "--store", str(seed_store_dir)])
    assert table.exit_code == 0 and "Russian Science Citation Index" in table.stdout


def test_dkg_candidates_without_a_store_says_what_to_do(tmp_path):
    out = CliRunner().invoke(main, ["candidates", "--store", str(tmp_path / "none")])
    assert out.exit_code == 2
    assert "dkg build" in out.output


@pytest.fixture
def vocab_copy(tmp_path):
    target = tmp_path / "vocabularies"
    shutil.copytree(vocabulary.vocabulary_dir(), target)
    yield target
    linking.clear_cache()


def test_dkg_promote_appends_a_well_formed_entry(vocab_copy):
    before = (vocab_copy / "actors.ttl").read_text(encoding="utf-8")
    out = CliRunner().invoke(main, [
        "promote", "RSCI", "--class", "NonGovernmentalOrganization",
        "--label-en", "Russian Science Citation Index", "--label-ru", "Российский индекс научного цитирования",
        "--label-kk", "Ресейдің ғылыми дәйексөз индексі", "--alt", "РИНЦ@ru", "--alt", "RSCI@en",
        "--definition", "The Russian national bibliographic database of scientific citations.",
        "--vocabularies", str(vocab_copy)])
    assert out.exit_code == 0, out.output
    after = (vocab_copy / "actors.ttl").read_text(encoding="utf-8")
    assert after.startswith(before)                      # nothing else touched
    g = rdflib.Graph().parse(vocab_copy / "actors.ttl")
    iri = rdflib.URIRef(ID + "actor/russian-science-citation-index")
    assert (iri, rdflib.RDF.type, vocabulary.DKG.NonGovernmentalOrganization) in g
    assert (iri, rdflib.namespace.SKOS.inScheme, rdflib.URIRef(ID + "scheme/actors")) in g
    assert {(str(o), o.language) for o in g.objects(iri, rdflib.namespace.SKOS.altLabel)} == {("РИНЦ", "ru"), ("RSCI", "en")}
    # The next build links it: the linker compiled from the edited folder finds it.
    lex = linking.compile_lexicon(vocabulary.load_entries(vocab_copy))
    found = linking.find_mentions("indexed in the RSCI and Scopus", "en", lex)
    assert [str(m.entity) for m in found] == [str(iri)]


def test_dkg_promote_refuses_a_label_that_names_another_entry(vocab_copy):
    before = (vocab_copy / "theories.ttl").read_text(encoding="utf-8")
    out = CliRunner().invoke(main, [
        "promote", "soft power", "--class", "Theory", "--label-en", "soft power", "--label-ru", "мягкая мощь",
        "--label-kk", "жұмсақ қуат", "--definition", "x", "--slug", "soft-power-2",
        "--vocabularies", str(vocab_copy)])
    assert out.exit_code != 0
    assert "already name an entry" in out.output and "theory/soft-power" in out.output
    assert (vocab_copy / "theories.ttl").read_text(encoding="utf-8") == before


def test_dkg_promote_refuses_an_existing_iri(vocab_copy):
    out = CliRunner().invoke(main, [
        "promote", "Realism", "--class", "Theory", "--label-en", "realism", "--label-ru", "р", "--label-kk", "р",
        "--definition", "x", "--vocabularies", str(vocab_copy)])
    assert out.exit_code != 0 and "already exists" in out.output


def test_dkg_dismiss_stops_listing_a_name(vocab_copy):
    text = "academic exchanges through the IAUP that ensure long-term communication"

    def names_listed():
        lex = linking.compile_lexicon(vocabulary.load_entries(vocab_copy), vocabulary.load_dismissed(vocab_copy))
        tokens = linking.tokenize(text)
        found = linking.find_mentions(text, "en", lex, tokens)
        return [text[s:e] for s, e, _, _ in linking.find_candidates(text, "en", "provision", found, tokens, lex)]

    assert names_listed() == ["IAUP"]
    runner = CliRunner()
    out = runner.invoke(main, ["dismiss", "IAUP", "--vocabularies", str(vocab_copy)])
    assert out.exit_code == 0, out.output
    vocabulary.clear_cache()
    g = rdflib.Graph().parse(vocab_copy / "dismissed.ttl")
    assert (rdflib.URIRef(ID + "candidate/en/iaup"), rdflib.RDF.type, vocabulary.DKG.DismissedName) in g
    assert names_listed() == []
    again = runner.invoke(main, ["dismiss", "IAUP", "--vocabularies", str(vocab_copy)])
    assert again.exit_code == 0 and "already dismissed" in again.output
    # A label of an entry cannot be dismissed: that would hide a real name.
    refused = runner.invoke(main, ["dismiss", "UNESCO", "--vocabularies", str(vocab_copy)])
    assert refused.exit_code != 0 and "label of a vocabulary entry" in refused.output
