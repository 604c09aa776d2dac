"""What a reader used to see in English whatever language they chose (issue #14): the competency
questions' titles in the query page's picker, the search hits' explanations, the 404 page and
the /ontology page, now in kk and ru, whichever way the language was chosen (?lang= or
Accept-Language).

As in test_page_chrome, the checks do not trust the word tables: every Latin-letter word of the
checked parts must be a name that is the same in every language, unless an element marks it as
another language on purpose (a quoted word of the data, a label in the table of languages).
"""
from __future__ import annotations

import json
import re

import lxml.html
import pytest

from dissertation_kg.mappings.resources import queries_dir
from dissertation_kg.server.publishing import ui
from dissertation_kg.server.publishing.hit_reasons import mentions
from dissertation_kg.server.publishing.ontology_docs import WORDS as ONTOLOGY_WORDS
from dissertation_kg.server.publishing.reader.words import WORDS
from publishing_fixtures import publishing_app

LATIN_WORD = re.compile(r"[A-Za-z]+")
# names the same in every language: standards, formats, codes and the project's own name
NAMES = {"IRI", "SPARQL", "Scopus", "ISO", "dissertation", "kg", "dkg", "pip", "install", "e", "SHA", "POST"}
CHOICES = ["query-string", "accept-language"]


@pytest.fixture(scope="module")
def client(seed_store_dir):
    app = publishing_app(seed_store_dir)
    app.testing = True
    return app.test_client()


def _page(client, url: str, lang: str, choice: str, status: int = 200):
    if choice == "query-string":
        r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}", headers={"Accept": "text/html"})
    else:
        r = client.get(url, headers={"Accept": "text/html", "Accept-Language": f"{lang},en;q=0.5"})
    assert r.status_code == status, (url, r.status_code)
    doc = lxml.html.fromstring(r.get_data(as_text=True))
    assert doc.get("lang") == lang
    return doc


def _foreign_words(elements, lang: str, drop: str = "") -> list[str]:
    """Latin words in `elements` outside code and outside parts marked as another language."""
    found = []
    for element in elements:
        for node in element.iter():
            marked = node.xpath("ancestor-or-self::*[@lang][1]/@lang")
            if (marked and marked[0] != lang) or node.tag == "code":
                texts = []
            else:
                texts = [node.text or ""]
            texts += [child.tail or "" for child in node]
            found += [w for t in texts for w in LATIN_WORD.findall(t.replace(drop, "") if drop else t)
                      if w not in NAMES]
    return found


def _titles(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        m = re.match(r"# Question(?:@(\w+))?: (.+)", line)
        if m:
            out.setdefault(m.group(1) or "en", m.group(2))
    return out


# --------------------------------------------------------------------------- the query page's picker


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_picker_titles_every_question_in_the_page_language(client, lang, choice):
    doc = _page(client, "/", lang, choice)
    options = doc.xpath("//select[@id='dkg-examples']/option")
    files = sorted(queries_dir().glob("*.rq"))
    assert len(options) == len(files) == 26
    for option, path in zip(options, files):
        titles = _titles(path.read_text(encoding="utf-8"))
        shown = option.text_content().split(". ", 1)[1]
        assert shown == titles[lang], path.name
        assert option.get("lang") is None, path.name  # not an English fallback
        assert titles["en"] not in option.text_content()
    assert not _foreign_words(options, lang)
    # YASGUI names its tab from the same titles
    config = json.loads(doc.xpath("//script[@id='dkg-config']")[0].text)
    assert [q["title"] for q in config["questions"]] == [o.text_content().split(". ", 1)[1] for o in options]


def test_the_picker_falls_back_to_english_for_a_question_without_that_language(client, tmp_path, monkeypatch):
    (tmp_path / "a.rq").write_text("# Question: Which works are there?\n"
                                   "# Question@ru: Какие работы есть?\n# Question@kk: Қандай жұмыстар бар?\n"
                                   "SELECT * { ?s ?p ?o }\n", encoding="utf-8")
    (tmp_path / "b.rq").write_text("# Question: Which works have no title in Russian?\n"
                                   "# Question@kk: Орысша атауы жоқ жұмыстар қайсы?\nASK {}\n", encoding="utf-8")
    monkeypatch.setattr(ui, "queries_dir", lambda: tmp_path)
    options = _page(client, "/", "ru", "query-string").xpath("//select[@id='dkg-examples']/option")
    assert [(o.text_content(), o.get("lang")) for o in options] == [
        ("1. Какие работы есть?", None), ("2. Which works have no title in Russian?", "en")]
    options = _page(client, "/", "kk", "accept-language").xpath("//select[@id='dkg-examples']/option")
    assert [(o.text_content(), o.get("lang")) for o in options] == [
        ("1. Қандай жұмыстар бар?", None), ("2. Орысша атауы жоқ жұмыстар қайсы?", None)]
    options = _page(client, "/", "en", "query-string").xpath("//select[@id='dkg-examples']/option")
    assert [o.text_content() for o in options] == ["1. Which works are there?",
                                                    "2. Which works have no title in Russian?"]


# --------------------------------------------------------------------------- the search hits' explanations

# a query with hits among the texts of that language (?lang= also keeps only texts in it), and
# the words the explanation must use
SEARCHES = {"ru": ("внешней политики", ["слова", "русский"]),
            "kk": ("мягкая сила", ["ұғымы", "деп аталады", "рет кездеседі", " тілі)"])}
ENGLISH = ["words", "concept", "mention", "Russian", "Kazakh", "English", "Provision", "Publication"]


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_search_hits_explain_themselves_in_the_page_language(client, lang, choice):
    query, expected = SEARCHES[lang]
    doc = _page(client, f"/search?q={query}", lang, choice)
    why = doc.xpath("//p[@class='search-why']")
    assert why, f"no hits for {query!r}"
    text = " ".join(p.text_content() for p in why)
    for w in expected:
        assert w in text, (w, text)
    assert not [w for w in ENGLISH if w in text], text
    assert not _foreign_words(why, lang), text


@pytest.mark.parametrize("lang, expected", [("ru", ["понятие «мягкая сила»", "в работе названо «soft power»",
                                                    "(английский)", "упоминаний"]),
                                            ("kk", ["«мягкая сила» ұғымы", "жұмыста «soft power» деп аталады",
                                                    "(ағылшын тілі)", "рет кездеседі"])])
def test_a_concept_found_in_another_language_is_explained_in_the_page_language(client, lang, expected):
    # unfiltered, the works name soft power in English: the quoted words stay English, marked so
    why = _page(client, "/search?q=мягкая+сила", lang, "accept-language").xpath("//p[@class='search-why']")
    text = " ".join(p.text_content() for p in why)
    for w in expected:
        assert w in text, (w, text)
    assert why[0].xpath(".//span[@lang='en']/text()") == ["soft power"]
    assert not _foreign_words(why, lang), text


def test_the_search_json_keeps_its_reasons_as_data_whatever_the_reader_language(client):
    r = client.get("/search?q=мягкая+сила&format=json", headers={"Accept-Language": "kk"})
    reason = r.get_json()["hits"][0]["why"][0]
    assert {k: reason[k] for k in ("kind", "label", "lang", "mentioned_as")} == {
        "kind": "concept", "label": "мягкая сила", "lang": "en", "mentioned_as": "soft power"}
    assert reason["mentions"] > 1 and reason["concept"].endswith("/soft-power")
    assert reason["text"] == f"concept “мягкая сила”, mentioned as “soft power” (en), {reason['mentions']} mention(s)"


@pytest.mark.parametrize("lang, n, expected", [("ru", 1, "1 упоминание"), ("ru", 3, "3 упоминания"),
                                               ("ru", 5, "5 упоминаний"), ("ru", 21, "21 упоминание"),
                                               ("ru", 12, "12 упоминаний"), ("kk", 1, "1 рет кездеседі"),
                                               ("kk", 7, "7 рет кездеседі"), ("en", 1, "1 mention"),
                                               ("en", 2, "2 mentions")])
def test_counts_of_mentions_take_the_language_plural(lang, n, expected):
    assert mentions(n, lang) == expected


# --------------------------------------------------------------------------- the 404 page


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("path, reason", [("/id/work/no-such-work", "nf_unknown"),
                                          ("/graph/..%2f..%2fontology", "nf_invalid_iri")])
def test_the_not_found_page_speaks_the_page_language(client, lang, choice, path, reason):
    doc = _page(client, path, lang, choice, status=404)
    article = doc.xpath("//article[@class='not-found']")[0]
    iri = article.xpath(".//code")[0].text_content()
    text = article.text_content()
    assert article.xpath("h1")[0].text_content() == WORDS["not_found"][lang]
    assert WORDS[reason][lang].format(iri=iri) in text
    assert WORDS["nf_home_link"][lang] == article.xpath(".//a")[0].text_content()
    assert not _foreign_words([article], lang, drop=iri), text
    assert "Not found" not in text and "query page" not in text


def test_the_not_found_body_for_rdf_clients_stays_english(client):
    r = client.get("/id/work/no-such-work", headers={"Accept": "text/turtle", "Accept-Language": "kk"})
    assert r.status_code == 404 and r.mimetype == "text/plain"
    assert r.get_data(as_text=True).startswith("Nothing in this graph is described by <")


# --------------------------------------------------------------------------- the ontology page

FIXED = ("//nav[@class='toc']", "//section/h2", "//dl[@class='meta']/dt", "//span[@class='kind']",
         "//span[@class='badge']", "//dl[@class='facts']/dt", "//article[@class='term']/p[not(@class)]")


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_ontology_page_speaks_the_page_language(client, lang, choice):
    doc = _page(client, "/ontology", lang, choice)
    fixed = [e for path in FIXED for e in doc.xpath(path)]
    assert not _foreign_words(fixed, lang)
    headings = [h.text_content() for h in doc.xpath("//section/h2")]
    assert headings[:2] == [ONTOLOGY_WORDS["hierarchy"][lang], ONTOLOGY_WORDS["classes"][lang]]
    assert "Classes" not in headings and "Class hierarchy" not in headings
    facts = {dt.text_content() for dt in doc.xpath("//dl[@class='facts']/dt")}
    assert ONTOLOGY_WORDS["subclass_of"][lang] in facts and "Subclass of" not in facts
    # the ontology's own label and definition in that language lead the term
    provision = doc.xpath("//article[@id='Provision']")[0]
    label = {"ru": "положение, выносимое на защиту", "kk": "қорғауға ұсынылатын қағида"}[lang]
    assert provision.xpath("h3/a")[0].text_content() == label
    assert provision.xpath("h3/span[@class='kind']")[0].text_content() == ONTOLOGY_WORDS["class"][lang]
    definition = provision.xpath("p[@class='definition']")[0]
    assert definition.get("lang") == lang
    assert {"ru": "на защиту", "kk": "қорғауға ұсынатын"}[lang] in definition.text_content()
    assert doc.xpath("//header[@class='onto']/h1")[0].get("lang") == lang
    # the site header follows, and keeps the language on its link back here
    assert doc.xpath("//header[@class='site']//a[starts-with(@href, '/ontology')]/@href") == [f"/ontology?lang={lang}"]


# --------------------------------------------------------------------------- the raw statements of every resource page

RAW = ("labels_in", "as_formats", "statements", "raw", "no_outgoing", "nested", "referred_by", "no_incoming",
       "provenance", "named_graph", "source_file", "mapper", "mapped_at", "truncated_link", "graph_triples")
# the parts whose words are the page's own, not the graph's (labels, literals, IRIs are data)
FIXED_RAW = ("//p[@class='formats']", "//article[@class='resource']//h2", "//article[@class='resource']//h3",
             "//section[contains(@class, 'statements-section')]/p", "//section[h2]/p",
             "//section[@class='provenance']//th")


def _first(client, sparql: str) -> str:
    r = client.get("/sparql", query_string={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
    rows = r.get_json()["results"]["bindings"]
    assert rows, sparql
    return rows[0]["x"]["value"]


def _path(iri: str) -> str:
    return "/" + iri.split("/dissertation-kg/", 1)[1]


def _resource_pages(client) -> dict[str, str]:
    work = _first(client, "SELECT ?x WHERE { ?x a <https://w3id.org/dissertation-kg/ontology#Dissertation> } "
                          "ORDER BY ?x LIMIT 1")
    person = _first(client, "SELECT ?x WHERE { ?w <http://purl.org/dc/terms/creator> ?x } ORDER BY ?x LIMIT 1")
    graph = _first(client, "SELECT ?x WHERE { GRAPH ?x { ?s ?p ?o } "
                           "FILTER(CONTAINS(STR(?x), '/graph/source/')) } ORDER BY ?x LIMIT 1")
    actor = _first(client, "SELECT ?x (COUNT(*) AS ?n) WHERE { ?s ?p ?x FILTER(CONTAINS(STR(?x), '/id/actor/')) } "
                           "GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1")
    return {"work": _path(work), "entity": _path(actor), "person": _path(person), "graph": _path(graph)}


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("kind", ["work", "entity", "person", "graph"])
def test_the_raw_statements_speak_the_page_language(client, lang, choice, kind):
    doc = _page(client, _resource_pages(client)[kind], lang, choice)
    fixed = [e for path in FIXED_RAW for e in doc.xpath(path)]
    assert not _foreign_words(fixed, lang), [e.text_content() for e in fixed]
    text = " ".join(e.text_content() for e in fixed)
    for key in RAW:
        assert WORDS[key]["en"] not in text, key
    headings = [h.text_content() for h in doc.xpath("//article[@class='resource']//h2")]
    assert (WORDS["raw"] if kind in ("work", "entity") else WORDS["statements"])[lang] in headings
    assert WORDS["referred_by"][lang] in headings or kind == "graph"
    if kind == "work":  # a work's statements come from its documents: the table says which
        assert WORDS["provenance"][lang] in headings
        header = [th.text_content() for th in doc.xpath("//section[@class='provenance']//th")]
        assert header == [WORDS[k][lang] for k in ("named_graph", "source_file")] + ["SHA-256"] + \
            [WORDS[k][lang] for k in ("mapper", "ontology", "mapped_at")]
    inverse = doc.xpath("//span[@class='inverse']/@title")
    assert kind == "graph" or inverse
    assert set(inverse) <= {WORDS["inverse"][lang]}
    # the language links name each language in itself, marked as that language
    links = doc.xpath("//p[@class='formats']/a[@hreflang]")
    assert [(a.get("lang"), a.text_content()) for a in links] == [
        ("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_truncation_note_links_the_query_page_and_gives_the_query_for_all(client, lang, monkeypatch):
    from dissertation_kg.server.publishing import linked_data

    entity = _resource_pages(client)["entity"]
    monkeypatch.setattr(linked_data, "PAGE_INCOMING_LIMIT", 2)
    doc = _page(client, entity, lang, "query-string")
    note = doc.xpath("//p[@id='all-references']")
    assert len(note) == 1
    text = note[0].text_content()
    assert WORDS["truncated_before"][lang].format(n=2).strip() in text
    assert len(doc.xpath("//table[contains(@class, 'incoming')]//li")) == 2
    # the link goes to the query page, in the reader's language
    link = note[0].xpath("a")[0]
    assert link.text_content() == WORDS["truncated_link"][lang]
    assert link.get("href") == ("/" if lang == "en" else f"/?lang={lang}")
    target = client.get(link.get("href"))
    assert target.status_code == 200 and b'id="yasgui"' in target.data
    # the query shown lists every reference, more than the page did
    query = doc.xpath("//pre[@class='query']/code")[0].text_content()
    r = client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    rows = r.get_json()["results"]["bindings"]
    assert len(rows) > 2
    listed = {a.get("title") for a in doc.xpath("//table[contains(@class, 'incoming')]//li/a")}
    assert listed <= {row["subject"]["value"] for row in rows}


# --------------------------------------------------------------------------- /status, the fallback pages

@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_status_page_speaks_the_page_language(client, lang, choice):
    from dissertation_kg.server.publishing.chrome import WORDS as CHROME

    doc = _page(client, "/status", lang, choice)
    main = doc.xpath("//main")[0]
    assert not _foreign_words([main], lang), main.text_content()
    assert doc.xpath("//h1")[0].text_content() == CHROME["status"][lang]
    headings = [h.text_content() for h in main.xpath(".//h2")]
    assert CHROME["st_served"][lang] in headings and CHROME["st_rebuilds"][lang] in headings
    rows = [th.text_content() for th in main.xpath(".//table//th")]
    assert CHROME["st_generation"][lang] in rows and CHROME["st_triples"][lang] in rows
    for english in ("Served graph", "generation", "triples", "Rebuilds", "Not polling", "Now", "idle"):
        assert english not in main.text_content(), english


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_missing_assets_page_speaks_the_page_language(client, lang, choice, monkeypatch):
    from dissertation_kg.server.publishing.chrome import WORDS as CHROME

    monkeypatch.setattr(ui, "missing_assets", lambda: ["vendor/yasgui/yasgui.min.js"])
    doc = _page(client, "/", lang, choice, status=503)
    article = doc.xpath("//article[@class='missing-assets']")[0]
    command = article.xpath(".//pre")[0].text_content()
    assert article.xpath("h1")[0].text_content() == CHROME["assets_title"][lang]
    assert not _foreign_words([article], lang, drop=command), article.text_content()
    assert "not installed" not in article.text_content()


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_fallback_ontology_listing_speaks_the_page_language(client, lang, choice, monkeypatch):
    import sys

    # what /ontology shows where the documentation module is not installed
    monkeypatch.setitem(sys.modules, "dissertation_kg.server.publishing.ontology_docs", None)
    doc = _page(client, "/ontology", lang, choice)
    article = doc.xpath("//article[@class='ontology']")[0]
    assert article.xpath("h1")[0].text_content() == WORDS["ontology_title"][lang]
    headings = [h.text_content() for h in article.xpath("section/h2")]
    assert headings[0] == WORDS["onto_classes"][lang] and "Classes" not in headings
    assert not _foreign_words(article.xpath("h1 | p[@class='formats'] | section/h2"), lang)


def test_the_name_of_a_matched_part_follows_an_edit_of_the_ontology(tmp_path, monkeypatch):
    """A curator renames a class in dkg.ttl while the server runs: the search page names the
    matched part by the new label, not by the one read first."""
    import os
    import shutil

    from dissertation_kg.mappings.resources import ontology_dir
    from dissertation_kg.server.publishing.hit_reasons import part_name
    ontology = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), ontology)
    monkeypatch.setenv("DKG_ONTOLOGY", str(ontology))
    before = part_name("Provision", "en")
    ttl = ontology / "dkg.ttl"
    text = ttl.read_text(encoding="utf-8")
    assert '"provision for defense"@en' in text and before == "Provision for defense"
    ttl.write_text(text.replace('"provision for defense"@en', '"thesis put forward"@en'), encoding="utf-8")
    mtime = ttl.stat().st_mtime
    os.utime(ttl, (mtime + 5, mtime + 5))
    assert part_name("Provision", "en") == "Thesis put forward"
