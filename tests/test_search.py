"""Full-text and concept search: the index each build writes, stemming per language, concept
search across languages, the SPARQL search pattern through the real endpoint, /search, `dkg search`."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
import requests
from click.testing import CliRunner

from endpoint_server import Server

from dissertation_kg.server.cli import main
from dissertation_kg.server.search.analysis import stem, stems
from dissertation_kg.server.search.index import INDEX_NAME, SearchIndex, build_index
from dissertation_kg.server.search.stores import index_for
from dissertation_kg.server.store.engines import OxigraphStore, RemoteStore
from dissertation_kg.server.store.location import StoreLocation

ID = "https://w3id.org/dissertation-kg/id/"
SOFT_POWER_EN = ID + "work/academic-mobility-soft-power"          # its texts are English only
HUMANIZATION = ID + "work/humanization-kazakhstan-foreign-policy"  # English and Kazakh
UNESCO_WORK = ID + "work/kazakhstan-unesco-humanitarian-security"
PREFIXES = """PREFIX dkgs: <https://w3id.org/dissertation-kg/search#>
PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@pytest.fixture(scope="module")
def index(seed_store_dir) -> SearchIndex:
    return SearchIndex(StoreLocation(seed_store_dir).current() / INDEX_NAME)


def _works(results) -> list[str]:
    return [h.work for h in results.hits]


# --------------------------------------------------------------------------- the index


def test_every_build_writes_an_index_of_every_kind_of_text(seed_store_dir, seed_store):
    path = StoreLocation(seed_store_dir).current() / INDEX_NAME
    assert path.is_file(), "dkg build must leave a search index in the generation"
    db = sqlite3.connect(path)
    kinds = {k for (k,) in db.execute("SELECT DISTINCT kind FROM docs")}
    props = {p for (p,) in db.execute("SELECT DISTINCT prop FROM docs")}
    assert {"Provision", "ResearchTask", "NoveltyPoint", "Relevance", "MethodsStatement", "ScholarlyWork"} <= kinds
    assert {"text", "title", "heading"} <= props
    assert {lang for (lang,) in db.execute("SELECT DISTINCT lang FROM docs")} >= {"en", "kk"}
    # As many component texts as the store holds: read from the store itself.
    n_store = int(next(iter(seed_store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?c <https://w3id.org/dissertation-kg/ontology#componentOf> ?w ; "
        "<https://w3id.org/dissertation-kg/ontology#text> ?t }")))["n"].value)
    assert db.execute("SELECT COUNT(*) FROM docs WHERE prop = 'text'").fetchone()[0] == n_store
    n_labels = db.execute("SELECT COUNT(*) FROM labels").fetchone()[0]
    n_mentions = db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    assert n_labels > 500 and n_mentions > 100
    db.close()


# --------------------------------------------------------------------------- stemming


@pytest.mark.parametrize("lang, forms", [
    ("ru", ["мягкая", "мягкой", "мягкую"]),
    ("ru", ["сила", "силы", "силой"]),
    ("ru", ["Япония", "Японией", "Японии"]),
    ("en", ["power", "powers"]),
    ("en", ["cooperation", "cooperating"]),
    ("kk", ["күш", "күштің", "күшін", "күшті"]),
    ("kk", ["Қытай", "Қытаймен", "Қытайдың"]),
    ("kk", ["Азия", "Азиядағы", "Азияның"]),
    ("kk", ["мемлекет", "мемлекеттердің", "мемлекеттерге"]),
    ("kk", ["кітап", "кітабы"]),
    ("kk", ["ЮНЕСКО", "ЮНЕСКО-ның", "ЮНЕСКО-мен"]),
])
def test_inflected_forms_share_one_stem(lang, forms):
    assert len({stem(f, lang) for f in forms}) == 1, {f: stem(f, lang) for f in forms}


def test_different_words_keep_different_stems():
    assert stem("сила", "ru") != stem("село", "ru")
    assert stem("күш", "kk") != stem("күн", "kk")
    assert stems("soft power", "en") == ["soft", "power"]


def test_an_inflected_kazakh_query_finds_the_form_in_the_text(index):
    # The Kazakh text says «жұмсақ күшті» / «жұмсақ күш»; the query uses the genitive.
    results = index.search("жұмсақ күштің", lang="kk")
    assert HUMANIZATION in _works(results)
    hit = results.hits[_works(results).index(HUMANIZATION)]
    words = [r for r in hit.reasons if r.kind == "words"]
    assert words and set(words[0].terms) == {"жұмсақ", "күш"}
    assert hit.lang == "kk"


# --------------------------------------------------------------------------- ranking and snippets


def test_hits_are_ranked_and_their_snippets_highlight_the_matched_words(index):
    results = index.search("humanitarian dimension of security")
    assert results.hits[0].work == UNESCO_WORK  # the only title with all those words
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    for hit in results.hits:
        assert hit.highlights, hit
        wanted = {stem(w, "en") for w in ("humanitarian", "dimension", "security")}
        for start, end in hit.highlights:
            assert stem(hit.snippet[start:end], "en") in wanted
        assert "<mark>" in hit.snippet_html and "</mark>" in hit.snippet_html


def test_snippet_html_escapes_the_text(index):
    hit = index.search("UNESCO").hits[0]
    hit.snippet = "<b>" + hit.snippet
    hit.highlights = [(s + 3, e + 3) for s, e in hit.highlights]
    assert str(hit.snippet_html).startswith("&lt;b&gt;")


# --------------------------------------------------------------------------- concepts across languages


@pytest.mark.parametrize("query", ["мягкая сила", "жұмсақ күш", "soft power"])
def test_a_concept_named_in_any_language_finds_works_written_in_another(index, query):
    results = index.search(query)
    assert SOFT_POWER_EN in _works(results)
    hit = results.hits[_works(results).index(SOFT_POWER_EN)]
    concept = [r for r in hit.reasons if r.kind == "concept"]
    assert concept, hit.why
    assert concept[0].concept.endswith("/soft-power") and concept[0].mentions > 0
    assert concept[0].mentioned_as and "soft power" in concept[0].mentioned_as.lower()
    assert "concept" in hit.why


def test_a_russian_query_reaches_english_text_only_through_the_concept(index):
    hit = next(h for h in index.search("мягкая сила").hits if h.work == SOFT_POWER_EN)
    assert [r.kind for r in hit.reasons] == ["concept"]
    assert hit.lang == "en" and "soft power" in hit.snippet[hit.highlights[0][0]:hit.highlights[0][1]].lower()


# --------------------------------------------------------------------------- the real endpoint


@pytest.fixture(scope="module")
def server(seed_store_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("search-endpoint") / "store"
    shutil.copytree(seed_store_dir, root, symlinks=True)
    srv = Server(root)
    yield srv
    srv.stop()


def _select(server, query: str) -> requests.Response:
    return requests.post(server.sparql, data={"query": query}, headers={"Accept": "application/sparql-results+json"},
                         timeout=60)


def _rows(resp) -> list[dict]:
    assert resp.status_code == 200, resp.text
    return [{k: v["value"] for k, v in b.items()} for b in resp.json()["results"]["bindings"]]


def test_the_search_pattern_joins_with_graph_patterns(server, index):
    query = PREFIXES + """
SELECT ?work ?score ?snippet ?n WHERE {
  SERVICE <https://w3id.org/dissertation-kg/search> {
    ?hit dkgs:query "жұмсақ күш" ; dkgs:work ?work ; dkgs:score ?score ; dkgs:snippet ?snippet .
  }
  { SELECT ?work (COUNT(?p) AS ?n) WHERE { ?work dkg:hasProvision ?p } GROUP BY ?work }
} ORDER BY DESC(?score)"""
    rows = _rows(_select(server, query))
    direct = {h.work: h for h in index.search("жұмсақ күш", limit=1000).hits}
    counts = {r["w"]: int(r["n"]) for r in _rows(_select(server, PREFIXES + """
        SELECT ?w (COUNT(?p) AS ?n) WHERE { ?w dkg:hasProvision ?p } GROUP BY ?w"""))}
    assert {r["work"] for r in rows} == set(direct) & set(counts) and rows
    for r in rows:
        assert int(r["n"]) == counts[r["work"]]
        assert float(r["score"]) == pytest.approx(direct[r["work"]].score, abs=1e-5)
        assert r["snippet"] == direct[r["work"]].snippet
    assert [float(r["score"]) for r in rows] == sorted((float(r["score"]) for r in rows), reverse=True)


def test_the_search_pattern_takes_prefixed_names_options_and_constants(server):
    query = """PREFIX s: <https://w3id.org/dissertation-kg/search#>
PREFIX dk: <https://w3id.org/dissertation-kg/>
SELECT ?hit ?why ?lang ?concept WHERE {
  # SERVICE <https://w3id.org/dissertation-kg/search> { in a comment, left alone }
  SERVICE dk:search { ?hit s:query "soft power" ; s:work <%s> ; s:limit 5 ;
                      s:why ?why ; s:lang ?lang ; s:concept ?concept }
  BIND("SERVICE <https://w3id.org/dissertation-kg/search> { }" AS ?decoy)
}""" % SOFT_POWER_EN
    rows = _rows(_select(server, query))
    assert len(rows) == 1
    assert rows[0]["hit"].startswith(SOFT_POWER_EN + "/")  # the part of the work that matched
    assert rows[0]["concept"] == ID + "theory/soft-power" or rows[0]["concept"].endswith("/soft-power")
    assert "soft power" in rows[0]["why"]


def test_a_search_with_no_hits_joins_to_nothing(server):
    rows = _rows(_select(server, PREFIXES + """SELECT ?work WHERE {
      SERVICE <https://w3id.org/dissertation-kg/search> { [] dkgs:query "xylophonequartz" ; dkgs:work ?work }
      ?work ?p ?o }"""))
    assert rows == []


@pytest.mark.parametrize("block, message", [
    ('?hit dkgs:work ?work', "dkgs:query"),
    ('?hit dkgs:query ?q ; dkgs:work ?work', "literal"),
    ('?hit dkgs:query "x" ; dkgs:colour ?c', "dkgs:colour"),
    ('?hit dkgs:query "x" ; dkgs:lang "de"', "dkgs:lang"),
    ('?hit dkgs:query "x" ; dkgs:limit 0', "dkgs:limit"),
    ('?hit dkgs:query "x" . FILTER(true)', "statements only"),
])
def test_a_wrong_search_block_is_a_400_that_says_what_to_change(server, block, message):
    resp = _select(server, PREFIXES + "SELECT * WHERE { SERVICE <https://w3id.org/dissertation-kg/search> { %s } }" % block)
    assert resp.status_code == 400 and message in resp.text, resp.text


def test_the_search_service_is_local_but_other_services_are_still_refused(server):
    ok = _select(server, PREFIXES + """SELECT ?work WHERE {
      SERVICE <https://w3id.org/dissertation-kg/search> { [] dkgs:query "UNESCO" ; dkgs:work ?work } }""")
    assert ok.status_code == 200 and UNESCO_WORK in ok.text
    refused = _select(server, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert refused.status_code == 400 and "refused" in refused.text


def test_the_service_description_announces_the_search_feature(server):
    resp = requests.get(server.sparql, headers={"Accept": "text/turtle"}, timeout=30)
    assert resp.status_code == 200
    assert "<https://w3id.org/dissertation-kg/search>" in resp.text and "sd:Feature" in resp.text


def test_search_page_in_html_with_highlights_and_links(server):
    resp = requests.get(server.url + "/search", params={"q": "мягкая сила"}, headers={"Accept": "text/html"}, timeout=30)
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/html")
    assert 'href="/id/work/academic-mobility-soft-power"' in resp.text
    assert "<mark>" in resp.text and "concept" in resp.text
    assert 'action="/search"' in resp.text


def test_search_page_in_json_by_format_and_by_accept(server):
    by_format = requests.get(server.url + "/search", params={"q": "жұмсақ күш", "format": "json"}, timeout=30).json()
    by_accept = requests.get(server.url + "/search", params={"q": "жұмсақ күш"},
                             headers={"Accept": "application/json"}, timeout=30).json()
    assert [h["work"] for h in by_format["hits"]] == [h["work"] for h in by_accept["hits"]]
    assert SOFT_POWER_EN in [h["work"] for h in by_format["hits"]]
    hit = by_format["hits"][0]
    assert {"work", "title", "score", "snippet", "highlights", "why"} <= set(hit)
    assert requests.get(server.url + "/search", params={"format": "json"}, timeout=30).status_code == 400


def test_every_page_has_the_search_box(server):
    for path in ("/status", "/id/work/academic-mobility-soft-power"):
        resp = requests.get(server.url + path, headers={"Accept": "text/html"}, timeout=30)
        assert resp.status_code == 200, path
        assert 'class="site-search"' in resp.text and 'name="q"' in resp.text, path


def test_an_index_built_over_a_remote_store_finds_the_same(server, index, tmp_path):
    remote = RemoteStore(server.sparql)
    path = tmp_path / "remote.sqlite"
    counts = build_index(remote, path)
    assert counts["texts"] > 100
    remote_index = SearchIndex(path)
    for q in ("жұмсақ күш", "UNESCO", "humanitarian security"):
        assert _works(remote_index.search(q)) == _works(index.search(q)), q


# --------------------------------------------------------------------------- dkg search


def test_dkg_search_prints_json_and_a_table(seed_store_dir):
    runner = CliRunner()
    out = runner.invoke(main, ["search", "мягкая", "сила", "--store", str(seed_store_dir), "--format", "json",
                               "--limit", "5"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["query"] == "мягкая сила" and SOFT_POWER_EN in [h["work"] for h in data["hits"]]
    assert len(data["hits"]) <= 5
    table = runner.invoke(main, ["search", "UNESCO", "--store", str(seed_store_dir), "--lang", "en"])
    assert table.exit_code == 0 and "Cooperation between Kazakhstan" in table.output and "[UNESCO]" in table.output


def test_dkg_search_without_a_store_says_what_to_do(tmp_path):
    out = CliRunner().invoke(main, ["search", "x", "--store", str(tmp_path / "none")])
    assert out.exit_code != 0 and "dkg build" in out.output


def test_dkg_search_builds_a_missing_index(seed_store_dir, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(seed_store_dir, copy, symlinks=True)
    (StoreLocation(copy).current() / INDEX_NAME).unlink()
    found = index_for(OxigraphStore(StoreLocation(copy).current()))
    assert UNESCO_WORK in _works(found.search("UNESCO"))


@pytest.mark.parametrize("name", ["30-search-concept-across-languages.rq", "30-search-joined-with-specialty.rq",
                                  "30-search-provisions-by-words.rq"])
def test_the_example_search_queries_run_on_the_endpoint(server, name):
    from dissertation_kg.mappings.resources import queries_dir
    resp = _select(server, (queries_dir() / name).read_text(encoding="utf-8"))
    assert resp.status_code == 200, resp.text
    rows = _rows(resp)
    if name.startswith("30-search-concept"):
        assert SOFT_POWER_EN in {r["work"] for r in rows}


def test_the_search_pattern_works_in_the_where_clause_of_an_update(server):
    update = PREFIXES + """INSERT { GRAPH <urn:dkg:test:found> { ?work <urn:dkg:test:about> "soft power" } }
    WHERE { SERVICE <https://w3id.org/dissertation-kg/search> { [] dkgs:query "жұмсақ күш" ; dkgs:work ?work } }"""
    resp = requests.post(server.sparql, data={"update": update}, headers=server.auth(), timeout=60)
    assert resp.status_code == 204, resp.text
    rows = _rows(_select(server, "SELECT ?w WHERE { GRAPH <urn:dkg:test:found> { ?w ?p ?o } }"))
    assert SOFT_POWER_EN in {r["w"] for r in rows}


def test_dkg_query_evaluates_the_search_pattern_on_an_embedded_store(seed_store_dir):
    from dissertation_kg.mappings.resources import queries_dir
    out = CliRunner().invoke(main, ["query", str(queries_dir() / "30-search-concept-across-languages.rq"),
                                    "--store", str(seed_store_dir), "--format", "json"])
    assert out.exit_code == 0, out.output
    works = {b["work"]["value"] for b in json.loads(out.output)["results"]["bindings"]}
    assert SOFT_POWER_EN in works


def test_the_federation_guard_counts_the_search_service_as_local():
    from dissertation_kg.server.endpoint.federation_guard import ServiceGuard, ServiceRefused
    guard = ServiceGuard(())
    local = "SELECT * { SERVICE <https://w3id.org/dissertation-kg/search> { [] <urn:x> 1 } }"
    assert guard.check(local) == []  # allowed, and not an outgoing call (no no-store, no service timeout)
    with pytest.raises(ServiceRefused):
        guard.check("SELECT * { SERVICE <https://w3id.org/dissertation-kg/searchx> { ?s ?p ?o } }")
