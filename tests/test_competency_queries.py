"""Every competency question in queries/ answers right on the seed corpus."""
from __future__ import annotations

import re
from collections import Counter

import pyoxigraph

from dissertation_kg.mappings.resources import queries_dir

QUERIES = queries_dir()
W = "https://w3id.org/dissertation-kg/id/work/"


def rows_of(store, name):
    res = store.query((QUERIES / name).read_text(encoding="utf-8"))
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


def test_every_query_opens_with_its_question():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 10
    for f in files:
        first = f.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Question: ") and first.endswith("?"), f.name


def test_every_query_has_its_title_in_english_russian_and_kazakh():
    # The query page's picker shows these in the reader's language (`# Question@ru: …` lines).
    cyrillic = re.compile(r"[А-Яа-яЁё]")
    kazakh = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
    for f in sorted(QUERIES.glob("*.rq")):
        lines = f.read_text(encoding="utf-8").splitlines()
        titles = {}
        for line in lines:
            m = re.match(r"# Question(?:@(\w+))?: (.+)$", line)
            if m:
                assert (m.group(1) or "en") not in titles, f"{f.name}: two titles in {m.group(1) or 'en'}"
                titles[m.group(1) or "en"] = m.group(2)
        assert set(titles) == {"en", "ru", "kk"}, f"{f.name}: titles in {sorted(titles)}; add # Question@ru/@kk"
        assert lines[0] == f"# Question: {titles['en']}", f.name  # English first, for tools that read line 1
        assert len(cyrillic.findall(titles["ru"])) > len(titles["ru"]) // 2, f.name
        assert not kazakh.search(titles["ru"]), f"{f.name}: Kazakh letters in the Russian title"
        assert kazakh.search(titles["kk"]) and cyrillic.search(titles["kk"]), f.name
        assert titles["ru"] != titles["kk"], f.name


def test_provisions_in_every_language(seed_store):
    rows = rows_of(seed_store, "01-provisions-of-a-work.rq")
    per = Counter((r["work"].rsplit("/", 1)[-1], r["language"]) for r in rows)
    assert per == {("humanization-kazakhstan-foreign-policy", "en"): 8,
                   ("humanization-kazakhstan-foreign-policy", "kk"): 8,
                   ("kazakhstan-unesco-humanitarian-security", "en"): 6,
                   ("academic-mobility-soft-power", "en"): 7}


def test_works_by_specialty(seed_store):
    rows = rows_of(seed_store, "02-works-by-specialty.rq")
    assert [(r["code"], r["specialty"], r["works"]) for r in rows] == [("6D020200", "International Relations", "1")]
    assert rows[0]["titles"].startswith("Cooperation between Kazakhstan and UNESCO")


def test_tasks_and_novelty(seed_store):
    rows = rows_of(seed_store, "03-tasks-and-novelty.rq")
    per = Counter((r["work"].rsplit("/", 1)[-1], r["kind"]) for r in rows)
    assert per[("humanization-kazakhstan-foreign-policy", "task")] == 8
    assert per[("humanization-kazakhstan-foreign-policy", "novelty")] == 8
    assert per[("academic-mobility-soft-power", "novelty")] == 6
    assert per[("kazakh-german-cultural-cooperation", "task")] == 3
    # English is preferred where the work has it.
    first = next(r for r in rows if r["work"].endswith("humanization-kazakhstan-foreign-policy") and r["kind"] == "task")
    assert first["text"].startswith("analyze the conceptual")


def test_publication_counts(seed_store):
    rows = rows_of(seed_store, "04-publication-counts.rq")
    got = {(r["work"].rsplit("/", 1)[-1], r["kind"].rsplit("#", 1)[-1]): int(r["count"]) for r in rows}
    assert got[("humanization-kazakhstan-foreign-policy", "TotalPublications")] == 12
    assert got[("humanization-kazakhstan-foreign-policy", "ScopusPublications")] == 3
    assert got[("kazakhstan-unesco-humanitarian-security", "Monographs")] == 4
    assert got[("academic-mobility-soft-power", "TotalPublications")] == 15
    assert all(r["kindLabel"] for r in rows), "every kind has an English label from the ontology"


def test_abstracts_per_language(seed_store):
    rows = rows_of(seed_store, "05-abstracts-per-language.rq")
    assert {r["language"].rsplit("/", 1)[-1]: int(r["abstracts"]) for r in rows} == {"en": 4, "kk": 1}


def test_provision_count_mismatch(seed_store, tmp_path):
    assert rows_of(seed_store, "06-provision-count-mismatch.rq") == []
    # A Kazakh text of work 002 with one provision fewer shows up.
    from dissertation_kg.server.store.engines import OxigraphStore
    st = OxigraphStore.in_memory()
    st.raw.load("""
    @prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .
    <http://x/w> dkg:hasAbstract <http://x/w/abstract/en>, <http://x/w/abstract/kk> ;
                 dkg:hasProvision <http://x/w/provision/1>, <http://x/w/provision/2> .
    <http://x/w/abstract/en> dkg:abstractOf <http://x/w> . <http://x/w/abstract/kk> dkg:abstractOf <http://x/w> .
    <http://x/w/provision/1> dkg:text "one"@en, "бір"@kk . <http://x/w/provision/2> dkg:text "two"@en .
    """.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    rows = rows_of(st, "06-provision-count-mismatch.rq")
    assert [(r["work"], sorted(r["counts"].split())) for r in rows] == [("http://x/w", ["en:2", "kk:1"])]


def test_articles(seed_store):
    rows = rows_of(seed_store, "07-articles-without-provisions.rq")
    assert [r["work"].rsplit("/", 1)[-1] for r in rows] == ["kazakh-german-cultural-cooperation"]
    assert rows[0]["aim"].startswith("to study the process")


def test_works_in_several_languages(seed_store):
    rows = rows_of(seed_store, "08-works-in-several-languages.rq")
    assert [(r["work"].rsplit("/", 1)[-1], r["languages"], sorted(r["codes"].split(","))) for r in rows] == [
        ("humanization-kazakhstan-foreign-policy", "2", ["en", "kk"])]


def test_publications_by_year_and_language(seed_store):
    rows = rows_of(seed_store, "09-publications-by-year-and-language.rq")
    total = sum(int(r["publications"]) for r in rows)
    assert total == 12
    got = {(r["year"], (r["language"] or "").rsplit("/", 1)[-1]): int(r["publications"]) for r in rows}
    assert got[("2020", "en")] == 2 and got[("2025", "kk")] == 1


def test_provenance(seed_store):
    rows = rows_of(seed_store, "10-provenance-of-abstracts.rq")
    assert sorted(r["file"][:3] for r in rows) == ["000", "001", "002", "003", "004"]
    assert all(len(r["sha256"]) == 64 and r["mapper"] and r["ontology"] for r in rows)


def test_authors_and_institutions(seed_store):
    rows = rows_of(seed_store, "11-authors-and-institutions.rq")
    (unesco,) = [r for r in rows if r["work"].endswith("kazakhstan-unesco-humanitarian-security")]
    assert unesco["author"] == "Utegenova-Navarro Assel Erkenovna"
    assert unesco["institution"] == "Al-Farabi Kazakh National University"
    assert unesco["degree"] == "http://purl.org/ontology/bibo/degrees/phd"
    assert len(rows) == 3


def test_object_subject_aim(seed_store):
    rows = rows_of(seed_store, "12-object-subject-aim.rq")
    got = {(r["work"].rsplit("/", 1)[-1], r["component"], r["language"]) for r in rows}
    assert ("humanization-kazakhstan-foreign-policy", "object", "kk") in got
    assert ("humanization-kazakhstan-foreign-policy", "object", "en") in got
    assert ("kazakh-german-cultural-cooperation", "aim", "en") in got
    assert len([g for g in got if g[0] == "academic-mobility-soft-power"]) == 3
