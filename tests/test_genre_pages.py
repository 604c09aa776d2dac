"""The pages made for the genre (issue #14), read as HTML and checked against the store.

Every figure a page shows is recomputed here from plain SPARQL solutions counted in Python (not
the pages' own aggregate queries), so a wrong join, a lost language or an off-by-one in a count
fails. The seed corpus gives a real bilingual work; a generated corpus (40 documents) gives
several years, specialties, theories and actors for the plots and the entity pages.
"""
from __future__ import annotations

import re
from collections import defaultdict

import lxml.html
import pytest

from conftest import FIXED_TIME
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.generator.corpus import generate_corpus
from dissertation_kg.server.publishing.linked_data import INCOMING_LIMIT, PAGE_INCOMING_LIMIT
from dissertation_kg.server.publishing.reader.words import WORDS, language_name
from dissertation_kg.server.publishing.served import wait_for_warming
from dissertation_kg.server.store.engines import OxigraphStore
from dissertation_kg.server.store.location import StoreLocation
from publishing_fixtures import publishing_app

BASE = "https://w3id.org/dissertation-kg/"
DKG = "https://w3id.org/dissertation-kg/ontology#"
P = f"""PREFIX dkg: <{DKG}> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX fabio: <http://purl.org/spar/fabio/> """
LANG_IRI = "http://id.loc.gov/vocabulary/iso639-1/"
PATH_LIKE = re.compile(r"^[\w.:-]*/[\w./#-]*$|://")


def _path(iri: str) -> str:
    return "/" + iri[len(BASE):]


def _select(store, query: str) -> list[dict]:
    return [{v: (s[v].value if s[v] is not None else None) for v in ("a", "b", "c", "d", "e")
             if v in {x.value for x in res.variables}}
            for res in [store.query(P + query)] for s in res]


def _html(client, url: str, lang: str = "en"):
    r = client.get(url, headers={"Accept": "text/html", "Accept-Language": lang})
    assert r.status_code == 200, (url, r.status_code, r.get_data(as_text=True)[:500])
    return lxml.html.fromstring(r.get_data(as_text=True)), r


@pytest.fixture(scope="module")
def seed(seed_store_dir):
    app = publishing_app(seed_store_dir)
    app.testing = True
    return app.test_client(), OxigraphStore(StoreLocation(seed_store_dir).current())


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("genre-generated")
    generate_corpus(root / "corpus", 40, seed=14)
    summary = build(root / "corpus", root / "store", progress=False, generated_at=FIXED_TIME)
    assert summary.ok, [r.problems for r in summary.rejected]
    app = publishing_app(root / "store")
    app.testing = True
    return app.test_client(), OxigraphStore(StoreLocation(root / "store").current())


# --------------------------------------------------------------------------- a work's page


def _works_with_provisions(store) -> list[str]:
    return sorted({r["a"] for r in _select(store, "SELECT ?a WHERE { ?a dkg:hasProvision ?b }")})


@pytest.mark.parametrize("part, prop", [("provisions", "hasProvision"), ("tasks", "hasTask"),
                                        ("novelty", "hasNoveltyPoint")])
@pytest.mark.parametrize("corpus", ["seed", "generated"])
def test_numbered_parts_stand_in_order_side_by_side_in_every_language(corpus, part, prop, request):
    client, store = request.getfixturevalue(corpus)
    works = _works_with_provisions(store)[:6]
    assert works
    for work in works:
        languages = sorted(r["b"][len(LANG_IRI):] for r in _select(
            store, f"SELECT ?b WHERE {{ <{work}> dkg:hasAbstract ?a . ?a dcterms:language ?b }}"))
        texts: dict[int, dict[str, str]] = defaultdict(dict)
        for s in store.query(P + f"SELECT ?n ?t WHERE {{ <{work}> dkg:{prop} ?c . ?c dkg:ordinal ?n ; dkg:text ?t }}"):
            texts[int(s["n"].value)][s["t"].language] = s["t"].value
        doc, _ = _html(client, _path(work))
        tables = doc.xpath(f'//table[@class="side-by-side"][@data-part="{part}"]')
        if not texts:
            assert not tables, f"{work}: a {part} table with nothing in it"
            continue
        assert len(tables) == 1, f"{work}: no {part} table"
        table = tables[0]
        columns = [th.get("lang") for th in table.xpath("./thead/tr/th[@lang]")]
        assert sorted(columns) == languages, (work, columns, languages)  # one column per language of the work
        ordinals = [int(th.text_content()) for th in table.xpath("./tbody/tr/th")]
        assert ordinals == sorted(texts), (work, ordinals)
        for row, n in zip(table.xpath("./tbody/tr"), ordinals):
            cells = row.xpath("./td")
            assert [c.get("lang") for c in cells] == columns
            for cell, lang in zip(cells, columns):
                expected = texts[n].get(lang)
                if expected is None:
                    assert WORDS["missing_text"]["en"] in cell.text_content()
                else:
                    assert cell.text_content().strip() == expected.strip(), (work, n, lang)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_work_page_reads_in_the_readers_language(seed, lang):
    client, store = seed
    work = BASE + "id/work/humanization-kazakhstan-foreign-policy"
    doc, response = _html(client, _path(work) + f"?lang={lang}")
    assert response.headers["Content-Language"] == lang
    headings = [h.text_content().strip() for h in doc.xpath("//h1 | //h2 | //h3")]
    for h in headings:
        assert not PATH_LIKE.search(h), f"a path or IRI as a heading: {h!r}"
    h2 = [re.sub(r"\s*\(\d+\)$", "", h) for h in doc.xpath("//h2/text()")]
    for key in ("provisions", "tasks", "novelty", "concepts", "publications"):
        assert WORDS[key][lang] in [h.strip() for h in h2], (key, lang, h2)
    facts = dict(zip([dt.text_content().strip() for dt in doc.xpath('//dl[@class="work-facts"]/dt')],
                     [dd.text_content().strip() for dd in doc.xpath('//dl[@class="work-facts"]/dd')]))
    names = {language_name(c, lang) for c in ("kk", "en")}
    assert set(facts[WORDS["languages"][lang]].split(", ")) == names
    years = [int(r["a"][:4]) for r in _select(store, f"SELECT ?a WHERE {{ <{work}> dkg:hasPublication/dcterms:issued ?a }}")]
    assert facts[WORDS["year"][lang]].startswith(str(max(years)))
    # publications: as many listed as the graph has, and the heading counts them
    pubs = _select(store, f"SELECT ?a WHERE {{ <{work}> dkg:hasPublication ?a }}")
    assert len(doc.xpath('//ol[@class="publication-list"]/li')) == len(pubs)
    # theories and methods are links to their own pages, all of them
    for prop in ("buildsOnTheory", "usesMethod"):
        wanted = {_path(r["a"]) for r in _select(store, f"SELECT ?a WHERE {{ <{work}> dkg:{prop} ?a }}")}
        linked = set(doc.xpath('//section[@class="concepts"]//a/@href'))
        assert wanted and wanted <= linked, (prop, wanted - linked)
    # the incomplete parts are named, and the raw statements are still below
    lacks = _select(store, f"SELECT ?a WHERE {{ <{work}> dkg:lacks ?a }}")
    assert bool(doc.xpath('//p[@class="gaps"]')) == bool(lacks)
    assert doc.xpath('//table[@class="statements outgoing"]')


def test_content_negotiation_still_sends_rdf_for_a_work(seed):
    client, _ = seed
    r = client.get("/id/work/humanization-kazakhstan-foreign-policy", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    assert b"<html" not in r.data and b"hasProvision" in r.data


# --------------------------------------------------------------------------- an entity's page


def _mentioning_works(store) -> dict[str, set[str]]:
    by_entity: dict[str, set[str]] = defaultdict(set)
    for r in _select(store, "SELECT ?a ?b WHERE { ?c dkg:mentions ?a ; dkg:componentOf ?b }"):
        by_entity[r["a"]].add(r["b"])
    return by_entity


def _busiest(store) -> str:
    by_entity = _mentioning_works(store)
    return max(sorted(by_entity), key=lambda e: len(by_entity[e]))


def test_the_page_lists_fewer_references_than_the_rdf_and_says_so(generated):
    client, store = generated
    entity = _busiest(store)
    referring = _select(store, f"SELECT DISTINCT ?a ?b WHERE {{ ?a ?b <{entity}> }}")
    assert len(referring) > PAGE_INCOMING_LIMIT  # the busiest entry of 40 documents is referred to often
    doc, _ = _html(client, _path(entity))
    listed = doc.xpath('//table[contains(@class, "incoming")]//li')
    assert 0 < len(listed) <= PAGE_INCOMING_LIMIT  # a statement per referring resource and property
    assert str(PAGE_INCOMING_LIMIT) in doc.xpath('//table[contains(@class, "incoming")]/following-sibling::p[@class="note"]')[0].text_content()
    r = client.get(_path(entity), headers={"Accept": "application/n-triples"})
    incoming = [t for t in r.get_data(as_text=True).splitlines() if t.rstrip(" .").endswith(f"<{entity}>")]
    assert PAGE_INCOMING_LIMIT < len(incoming) <= INCOMING_LIMIT  # RDF clients get the RDF's own limit


def test_entity_page_cooccurrence_counts_match_the_graph(generated):
    client, store = generated
    by_entity = _mentioning_works(store)
    entity = _busiest(store)
    doc, _ = _html(client, _path(entity))
    rows = [(td.get("data-iri"), int(td.text_content())) for td in doc.xpath('//table[@class="cooccurring"]//td')]
    assert len(rows) >= 5, rows
    mine = by_entity[entity]
    expected = {other: len(works & mine) for other, works in by_entity.items() if other != entity and works & mine}
    for other, count in rows:
        assert count == expected[other], (other, count, expected[other])
    counts = [c for _, c in rows]
    assert counts == sorted(counts, reverse=True)
    # ranked: nothing left out counts more than the last one shown
    assert max((n for o, n in expected.items() if o not in dict(rows)), default=0) <= counts[-1]
    heading = doc.xpath('//section[@id="mentioned-in"]/h2')[0].text_content()
    assert heading.strip().endswith(f"{len(mine)})"), heading


def test_entity_page_names_the_part_and_quotes_the_mention(generated):
    client, store = generated
    entity = _busiest(store)
    quotes: dict[str, set[str]] = defaultdict(set)
    for r in _select(store, f"""SELECT ?a ?b WHERE {{ ?x itsrdf:taIdentRef <{entity}> ; nif:referenceContext ?t ;
            nif:anchorOf ?b . ?t nif:sourceUrl ?a }}"""):
        quotes[r["a"]].add(r["b"])
    doc, _ = _html(client, _path(entity) + "?lang=ru")
    items = doc.xpath('//ul[@class="mentions"]/li/ul/li[span[@class="part"]]')
    assert items
    for li in items:
        part = li.xpath('./span[@class="part"]/a/@href')[0]
        component = BASE + part.lstrip("/")
        mark = li.xpath('.//q[@class="snippet"]/mark')[0].text_content()
        assert mark in quotes[component], (component, mark, quotes[component])
        assert li.xpath('./span[@class="part"]')[0].text_content().strip()  # the part is named


def test_entity_page_labels_in_three_languages(seed):
    client, store = seed
    entity = BASE + "id/theory/humanization"
    doc, _ = _html(client, _path(entity) + "?lang=kk")
    cells = {td.get("lang"): td.text_content() for td in doc.xpath('//table[@class="names"]//td')}
    for s in store.query(P + f"SELECT ?l WHERE {{ <{entity}> skos:prefLabel ?l }}"):
        assert s["l"].value in cells[s["l"].language]
    assert [th.text_content() for th in doc.xpath('//table[@class="names"]//th')] == \
        [language_name(c, "kk") for c in ("en", "ru", "kk")]
    assert WORDS["mentioned_in"]["kk"] in doc.xpath('//section[@id="mentioned-in"]/h2')[0].text_content()


def _work_years(store) -> dict[str, int]:
    years: dict[str, int] = {}
    for r in _select(store, "SELECT ?a ?b WHERE { ?a dkg:hasPublication ?p . ?p dcterms:issued ?b }"):
        years[r["a"]] = max(years.get(r["a"], 0), int(r["b"][:4]))
    return years


def test_entity_works_per_year_equals_the_graph(generated):
    client, store = generated
    entity = _busiest(store)
    years = _work_years(store)
    expected: dict[int, int] = defaultdict(int)
    for w in _mentioning_works(store)[entity]:
        if w in years:
            expected[years[w]] += 1
    doc, _ = _html(client, _path(entity))
    table = doc.xpath('//section[@id="works-per-year"]//table[@class="data"]')[0]
    shown = {int(tr.xpath("./th")[0].text_content()): int(tr.xpath("./td")[0].text_content())
             for tr in table.xpath("./tbody/tr")}
    assert shown == dict(expected)
    svg = doc.xpath('//section[@id="works-per-year"]//svg[@role="img"]')[0]
    assert len(svg.xpath(".//rect[title]")) == len([n for n in expected.values() if n])


# --------------------------------------------------------------------------- /statistics


def _table(doc, plot_id: str) -> tuple[list[str], list[list[str]]]:
    table = doc.xpath(f'//section[@id="{plot_id}"]//table[@class="data"]')[0]
    head = [th.text_content() for th in table.xpath("./thead/tr/th")]
    rows = [[c.text_content() for c in tr.xpath("./th|./td")] for tr in table.xpath("./tbody/tr")]
    return head, rows


def test_statistics_plots_equal_the_graph(generated):
    client, store = generated
    doc, response = _html(client, "/statistics")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    years = _work_years(store)
    works = {r["a"] for r in _select(store, "SELECT ?a WHERE { ?a dkg:hasAbstract ?b }")}

    # works per year (the row totals of the specialty plot)
    expected_years: dict[int, int] = defaultdict(int)
    for w in works:
        if w in years:
            expected_years[years[w]] += 1
    _, rows = _table(doc, "works-by-specialty")
    shown = {int(r[0]): int(r[-1]) for r in rows if int(r[-1])}
    assert shown == dict(expected_years)
    undated = len(works) - sum(expected_years.values())
    note = doc.xpath('//section[@id="works-by-specialty"]/p[@class="note"]')
    assert (undated == 0 and not note) or note[0].text_content().startswith(f"{undated} ")

    # share of works per language
    per_language: dict[str, set] = defaultdict(set)
    for r in _select(store, "SELECT ?a ?b WHERE { ?a dkg:hasAbstract ?x . ?x dcterms:language ?b }"):
        per_language[r["b"][len(LANG_IRI):]].add(r["a"])
    _, rows = _table(doc, "language-share")
    assert {r[0]: int(r[1]) for r in rows} == {language_name(l, "en"): len(ws) for l, ws in per_language.items()}
    for r in rows:
        share = float(r[2].rstrip(" %"))
        assert abs(share - 100 * int(r[1]) / len(works)) < 0.06

    # theories over time: every cell
    cells: dict[tuple[str, int], set] = defaultdict(set)
    for r in _select(store, "SELECT ?a ?b WHERE { ?a dkg:buildsOnTheory ?b }"):
        if r["a"] in years:
            cells[(r["b"], years[r["a"]])].add(r["a"])
    head, rows = _table(doc, "theories-over-time")
    links = doc.xpath('//section[@id="theories-over-time"]//table[@class="data"]/tbody/tr/th')
    assert rows
    hrefs = [BASE + a.lstrip("/") for a in doc.xpath('//section[@id="theories-over-time"]//table[@class="data"]/tbody/tr/@data-href')]
    assert len(links) == len(rows)
    for row, theory in zip(rows, hrefs):
        for year, value in zip(head[1:], row[1:]):
            assert int(value) == len(cells.get((theory, int(year)), ())), (theory, year)

    # actors discussed together
    discussed: dict[str, set] = defaultdict(set)
    for r in _select(store, """SELECT ?a ?b WHERE { ?a dkg:discusses ?b . ?b skos:inScheme ?s
                               FILTER(STRENDS(STR(?s), "/scheme/actors")) }"""):
        discussed[r["a"]].add(r["b"])
    pairs: dict[tuple, int] = defaultdict(int)
    for actors in discussed.values():
        for a in actors:
            for b in actors:
                if a < b:
                    pairs[(a, b)] += 1
    _, rows = _table(doc, "actor-pairs")
    assert rows
    top = sorted(pairs.values(), reverse=True)[:len(rows)]
    assert [int(r[1]) for r in rows] == top


def _works_per_language(client) -> dict[str, int]:
    doc, _ = _html(client, "/statistics")
    return {r[0]: int(r[1]) for r in _table(doc, "language-share")[1]}


def test_statistics_are_asked_once_per_generation_and_follow_a_new_one(tmp_path, monkeypatch):
    generate_corpus(tmp_path / "corpus", 6, seed=3)
    assert build(tmp_path / "corpus", tmp_path / "store", progress=False, generated_at=FIXED_TIME).ok
    client = publishing_app(tmp_path / "store").test_client()
    first = _works_per_language(client)
    assert wait_for_warming()  # the background warm-up of the generation asks the store too
    asked: list[str] = []
    real = OxigraphStore.query
    monkeypatch.setattr(OxigraphStore, "query", lambda self, q, *a, **k: asked.append(q) or real(self, q, *a, **k))
    assert _works_per_language(client) == first
    assert not [q for q in asked if "GROUP BY" in q]  # the second view draws from what the first asked
    monkeypatch.undo()

    generate_corpus(tmp_path / "more", 16, seed=4)  # the same store folder: a new generation is switched in
    assert build(tmp_path / "more", tmp_path / "store", progress=False, generated_at=FIXED_TIME).ok
    store = OxigraphStore(StoreLocation(tmp_path / "store").current())
    expected: dict[str, set] = defaultdict(set)
    for r in _select(store, "SELECT ?a ?b WHERE { ?a dkg:hasAbstract ?x . ?x dcterms:language ?b }"):
        expected[language_name(r["b"][len(LANG_IRI):], "en")].add(r["a"])
    assert _works_per_language(client) == {k: len(v) for k, v in expected.items()} != first


def test_statistics_plots_are_svg_with_title_desc_axes_and_a_table(generated):
    client, _ = generated
    for lang in ("en", "ru", "kk"):
        doc, _ = _html(client, f"/statistics?lang={lang}")
        assert not doc.xpath("//script")  # readable without JavaScript
        plots = doc.xpath('//section[@class="plot"]')
        assert len(plots) == 4
        for section in plots:
            svg = section.xpath(".//svg[@role='img']")[0]
            title, desc = svg.xpath("./title")[0], svg.xpath("./desc")[0]
            assert title.text_content().strip() and desc.text_content().strip()
            assert set(svg.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
            assert section.xpath(".//table[@class='data']/tbody/tr")
            assert section.xpath("./h2")[0].text_content() == title.text_content()
        h2 = [h.text_content() for h in doc.xpath("//section[@class='plot']/h2")]
        assert h2 == [WORDS[k][lang] for k in ("works_by_specialty", "theories_over_time", "actor_pairs",
                                               "language_share")]
        axis = doc.xpath("//section[@id='works-by-specialty']//svg//text[@class='axis-title']/text()")
        assert WORDS["year"][lang] in axis and WORDS["works"][lang] in axis


def test_labels_from_the_data_are_escaped_on_the_reading_pages(tmp_path):
    """A vocabulary label or a provision text carrying markup is shown as text, never run."""
    import pyoxigraph as ox

    from publishing_fixtures import WORK, XSS, build_store

    theory = BASE + "id/theory/evil"
    g = ox.NamedNode(BASE + "graph/source/doc-a")
    extra = [ox.Quad(ox.NamedNode(WORK), ox.NamedNode(DKG + "buildsOnTheory"), ox.NamedNode(theory), g),
             ox.Quad(ox.NamedNode(theory), ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                     ox.Literal(XSS, language="en"), g),
             ox.Quad(ox.NamedNode(theory), ox.NamedNode("http://www.w3.org/2004/02/skos/core#inScheme"),
                     ox.NamedNode(BASE + "id/scheme/theories"), g),
             ox.Quad(ox.NamedNode(WORK + "/provision/2"), ox.NamedNode(DKG + "text"), ox.Literal(XSS, language="en"), g),
             ox.Quad(ox.NamedNode(WORK + "/provision/2"), ox.NamedNode(DKG + "ordinal"), ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g),
             ox.Quad(ox.NamedNode(WORK), ox.NamedNode(DKG + "hasProvision"), ox.NamedNode(WORK + "/provision/2"), g)]
    build_store(tmp_path / "xss", extra)
    client = publishing_app(tmp_path / "xss").test_client()
    for url in (_path(WORK), _path(theory), "/statistics"):
        page = client.get(url, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert XSS not in page, url
    page = client.get(_path(WORK), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "&lt;script&gt;" in page


def test_reading_pages_over_a_remote_store(seed, tmp_path):
    """The same work page and plots from an Oxigraph server built by `dkg build --store URL`."""
    import os
    import subprocess
    import sys

    from remote_engines import EngineMissing, start_oxigraph

    try:
        engine = start_oxigraph(timeout_s=60)
    except EngineMissing as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} (CI=true: the engine must be there)")
        pytest.skip(str(exc))
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
        env.update({"DKG_STORE": str(tmp_path / ".dkg" / "store"), "DKG_BUILD_WORKERS": "1", **engine.env})
        out = subprocess.run([sys.executable, "-m", "dissertation_kg.server.cli", "build", "--store", engine.query_url,
                              "-q"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stdout + out.stderr
        from dissertation_kg.server.app import create_app
        from dissertation_kg.server.config import ServerConfig
        from dissertation_kg.server.store.spec import resolve_store

        remote = create_app(ServerConfig(store=resolve_store(engine.query_url), base_iri=BASE, workers=1,
                                         build_if_missing=False)).test_client()
        local, _ = seed
        work = "/id/work/humanization-kazakhstan-foreign-policy?lang=kk"
        for url, part in ((work, '//table[@data-part="provisions"]'), ("/statistics", '//table[@class="data"]')):
            there, _ = _html(remote, url)
            here, _ = _html(local, url)
            assert there.xpath(part) and [lxml.html.tostring(t) for t in there.xpath(part)] == \
                [lxml.html.tostring(t) for t in here.xpath(part)], url
    finally:
        engine.stop()
