"""Dereferencing the graph's IRIs: content negotiation, languages, links, provenance, safety."""
from __future__ import annotations

import os
import re
import shutil

import markupsafe

import pytest
import rdflib

from dissertation_kg.mappings.resources import ontology_dir
from publishing_fixtures import (BASE, DKG, ID, PERSON, SPECIALTY, UNIVERSITY, WORK, XSS, build_store,
                                 publishing_app)

RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("store")
    build_store(root)
    app = publishing_app(root)
    app.testing = True
    return app.test_client()


def path_of(iri: str) -> str:
    assert iri.startswith(BASE)
    return "/" + iri[len(BASE):]


@pytest.mark.parametrize("media_type", list(RDF_TYPES))
def test_rdf_representations_parse_and_hold_the_description(client, media_type):
    resp = client.get(path_of(WORK), headers={"Accept": media_type})
    assert resp.status_code == 200
    assert resp.mimetype == media_type
    assert "Accept" in resp.headers["Vary"] and "Accept-Language" in resp.headers["Vary"]
    g = rdflib.Graph().parse(data=resp.data, format=RDF_TYPES[media_type])
    work = rdflib.URIRef(WORK)
    assert (work, rdflib.RDF.type, rdflib.URIRef(DKG + "Dissertation")) in g
    assert (work, rdflib.DCTERMS.title, rdflib.Literal("Гуманизация внешней политики", lang="ru")) in g
    assert (work, rdflib.DCTERMS.creator, rdflib.URIRef(PERSON)) in g
    # incoming statements belong to the description too
    assert (rdflib.URIRef(WORK + "/aim"), rdflib.URIRef(DKG + "componentOf"), work) in g


def test_browsers_get_html_and_star_gets_turtle(client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get(path_of(WORK), headers={"Accept": browser}).mimetype == "text/html"
    assert client.get(path_of(WORK), headers={"Accept": "*/*"}).mimetype == "text/turtle"
    assert client.get(path_of(WORK), headers={"Accept": "text/html, */*"}).mimetype == "text/html"
    resp = client.get(path_of(WORK) + "?format=nt", headers={"Accept": "text/html"})
    assert resp.mimetype == "application/n-triples"


def test_unacceptable_type_is_406_with_advice(client):
    resp = client.get(path_of(WORK), headers={"Accept": "image/png"})
    assert resp.status_code == 406
    assert b"text/turtle" in resp.data


def test_direct_200_with_content_location_and_alternates(client):
    resp = client.get(path_of(WORK), headers={"Accept": "text/turtle"})
    assert resp.status_code == 200
    assert resp.headers["Content-Location"].endswith(path_of(WORK) + "?format=ttl")
    assert 'type="application/ld+json"' in resp.headers["Link"]
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("accept_language, expected, absent", [
    ("ru-RU,ru;q=0.9,en;q=0.5", "Гуманизация внешней политики", None),
    ("kk", "Сыртқы саясатты ізгілендіру", None),
    ("en-GB,en;q=0.9", "Humanization of foreign policy", None),
    ("de", "Humanization of foreign policy", None),  # unknown language: English first
])
def test_title_follows_accept_language(client, accept_language, expected, absent):
    resp = client.get(path_of(WORK), headers={"Accept": "text/html", "Accept-Language": accept_language})
    page = resp.get_data(as_text=True)
    title = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert title.strip() == expected


def test_label_falls_back_when_language_missing(client):
    # the university has only an English name
    resp = client.get(path_of(UNIVERSITY), headers={"Accept": "text/html", "Accept-Language": "kk"})
    assert "<h1>Test University</h1>" in resp.get_data(as_text=True)


def test_html_links_neighbours_locally_both_ways(client):
    page = client.get(path_of(WORK), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f'href="{path_of(PERSON)}"' in page                 # outgoing
    assert f'href="{path_of(WORK)}/aim"' in page               # incoming (componentOf) and outgoing
    assert "International Relations" in page                    # neighbour shown by its label
    person = client.get(path_of(PERSON), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f'href="{path_of(WORK)}"' in person                  # incoming creator link
    assert 'href="/ontology#Dissertation"' in page              # ontology terms dereference here too


def test_html_shows_provenance_of_the_named_graph(client):
    page = client.get(path_of(WORK), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "doc-a.txt" in page
    assert "ab" * 32 in page
    assert "2026-11-21T10:00:00Z" in page
    assert 'href="/graph/source/doc-a"' in page
    assert "0.1.0" in page


def test_literals_are_escaped_in_html(client):
    page = client.get(path_of(WORK + "/aim"), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert XSS not in page
    assert str(markupsafe.escape(XSS)) in page


def test_named_graph_iri_dereferences(client):
    resp = client.get("/graph/source/doc-a", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200
    g = rdflib.Graph().parse(data=resp.data, format="turtle")
    assert (rdflib.URIRef(BASE + "graph/source/doc-a"), rdflib.RDF.type,
            rdflib.URIRef("http://www.w3.org/ns/prov#Bundle")) in g


@pytest.mark.parametrize("accept, mimetype", [("text/html", "text/html"), ("text/turtle", "text/plain")])
def test_unknown_iri_is_a_helpful_404(client, accept, mimetype):
    resp = client.get("/id/work/no-such-work", headers={"Accept": accept})
    assert resp.status_code == 404
    assert resp.mimetype == mimetype
    text = resp.get_data(as_text=True)
    assert ID + "work/no-such-work" in text
    assert "SPARQL" in text or "query page" in text


@pytest.mark.parametrize("path", [
    "/id/..%2F..%2Fpyproject.toml",
    "/id/work/..%2F..%2F..%2Fetc%2Fpasswd",
    "/id/%2E%2E/%2E%2E/server/store.py",
    "/graph/..%2f..%2fontology",
    "/id/work/%3E%20%3Fp%20%3Fo%20%7D%20%23",  # an attempt to close the IRI inside SPARQL
    "/assets/..%2F..%2Fpyproject.toml",
    "/assets/%2E%2E/store.py",
])
def test_no_path_traversal_or_injection(client, path):
    resp = client.get(path, headers={"Accept": "text/turtle"})
    assert resp.status_code in (400, 404)
    body = resp.get_data(as_text=True)
    assert "[project]" not in body and "root:" not in body and "GraphStore" not in body


def test_iri_mapping_follows_the_configured_base(tmp_path):
    import pyoxigraph as ox
    other = "http://localhost:9999/kg/"
    root = tmp_path / "store"
    build_store(root, extra=[ox.Quad(ox.NamedNode(other + "id/thing"), ox.NamedNode(DKG + "text"),
                                     ox.Literal("moved", language="en"), ox.NamedNode(other + "graph/x"))])
    app = publishing_app(root, base=other)
    resp = app.test_client().get("/id/thing", headers={"Accept": "application/n-triples"})
    assert resp.status_code == 200
    assert f"<{other}id/thing>".encode() in resp.data
    # and links in HTML point at this server, not at the configured host
    page = app.test_client().get("/id/thing", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/graph/x"' in page


@pytest.mark.parametrize("media_type, fmt", [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                                             ("application/ld+json", "json-ld")])
def test_ontology_dereferences(client, media_type, fmt):
    resp = client.get("/ontology", headers={"Accept": media_type})
    assert resp.status_code == 200
    assert resp.mimetype == media_type
    g = rdflib.Graph().parse(data=resp.data, format=fmt)
    assert (rdflib.URIRef(DKG + "Dissertation"), rdflib.RDF.type, rdflib.OWL.Class) in g
    assert (rdflib.URIRef(BASE + "ontology"), rdflib.RDF.type, rdflib.OWL.Ontology) in g


def test_ontology_html_has_an_anchor_per_term(client):
    resp = client.get("/ontology", headers={"Accept": "text/html"})
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert 'id="Dissertation"' in page and 'id="hasProvision"' in page


def test_the_ontology_page_is_rendered_once_per_version_and_language(client, tmp_path, monkeypatch):
    """rdflib parses and the page is rendered on the first request for a language, not on every
    one; an edit of the file renders it anew."""
    import rdflib as _rdflib

    ontology = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), ontology)
    monkeypatch.setenv("DKG_ONTOLOGY", str(ontology))
    parses = []
    real = _rdflib.Graph.parse
    monkeypatch.setattr(_rdflib.Graph, "parse", lambda self, *a, **k: parses.append(1) or real(self, *a, **k))

    def page(lang):
        resp = client.get("/ontology", headers={"Accept": "text/html", "Accept-Language": lang})
        assert resp.status_code == 200
        return resp.get_data(as_text=True)

    first = page("en")
    assert page("en") == first and len(parses) == 1
    page("ru")
    assert len(parses) == 2  # another language: its own page
    text = (ontology / "dkg.ttl").read_text(encoding="utf-8")
    (ontology / "dkg.ttl").write_text(text.replace('"provision for defense"@en', '"thesis put forward"@en'),
                                      encoding="utf-8")
    mtime = (ontology / "dkg.ttl").stat().st_mtime
    os.utime(ontology / "dkg.ttl", (mtime + 5, mtime + 5))
    assert "thesis put forward" in page("en") and len(parses) == 3


@pytest.mark.parametrize("path", ["/ontology", "/status", "/", path_of(WORK)])
def test_every_page_wears_the_site_header_with_a_way_back_and_status(client, path):
    """The ontology page used to have its own style and no way back; /status was linked nowhere."""
    page = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
    header = re.search(r'<header class="site">.*?</header>', page, re.S)
    assert header, f"{path} has no site header"
    for href in ('href="/"', 'href="/ontology"', 'href="/status"', 'href="/dumps/dataset.nq.gz"'):
        assert href in header.group(0), (path, href)
    assert "/assets/site.css" in page


def test_dkg_ontology_docs_stay_self_contained(tmp_path):
    import rdflib as _rdflib

    from dissertation_kg.mappings.resources import ontology_dir
    from dissertation_kg.server.publishing.ontology_docs import render_ontology_html

    html = render_ontology_html(_rdflib.Graph().parse(ontology_dir() / "dkg.ttl"))
    assert '<header class="site">' not in html and "site.css" not in html


def test_specialty_labels_in_each_language(client):
    for lang, label in [("en", "International Relations"), ("ru", "Международные отношения"),
                        ("kk", "Халықаралық қатынастар")]:
        page = client.get(path_of(SPECIALTY), headers={"Accept": "text/html", "Accept-Language": lang})
        assert f"<h1>{label}</h1>" in page.get_data(as_text=True)


def test_merged_default_graph_shows_each_statement_once(tmp_path):
    root = tmp_path / "merged"
    build_store(root, merged_default=True)
    client = publishing_app(root).test_client()
    page = client.get(path_of(WORK), headers={"Accept": "text/html"}).get_data(as_text=True)
    # the raw statements (the reading part above them names the title and author once more)
    statements = page.split('<table class="statements outgoing">', 1)[1].split("</table>", 1)[0]
    assert statements.count("Гуманизация внешней политики") == 1
    assert statements.count(f'href="{path_of(PERSON)}"') == 1
    assert 'href="/graph/source/doc-a"' in page  # provenance still found through the named graph


def test_values_are_listed_in_natural_order():
    """A work's provisions appear 1, 2, …, 10 on its page, not 1, 10, 2."""
    from dissertation_kg.server.publishing.linked_data import _sort_values
    values = [{"term": {"kind": "iri", "label": f"w:provision/{n}"}} for n in (10, 2, 1, 11, 3)]
    assert [v["term"]["label"] for v in _sort_values(values, "en")] == [f"w:provision/{n}" for n in (1, 2, 3, 10, 11)]
    # novelty points labelled by their texts still come in their ordinal order, not alphabetically
    points = [{"term": {"kind": "iri", "iri": f"{BASE}id/work/w/novelty/{n}", "label": text}}
              for n, text in ((3, "a third point"), (1, "the first point"), (2, "b second point"))]
    assert [v["term"]["label"] for v in _sort_values(points, "en")] == ["the first point", "b second point", "a third point"]
    texts = [{"term": {"kind": "literal", "value": v, "language": lang}} for v, lang in
             [("б", "ru"), ("b", "en"), ("a", "en")]]
    assert [v["term"]["value"] for v in _sort_values(texts, "ru")] == ["б", "a", "b"]


@pytest.mark.parametrize("path,expected", [
    ("work/academic-mobility-soft-power", "Academic mobility soft power"),
    ("work/academic-mobility-soft-power/provision/3", "Provision 3"),
    ("work/academic-mobility-soft-power/abstract/kk", "Abstract kk"),
    ("theory/soft_power", "Soft power"),
])
def test_unlabelled_resources_get_a_heading_in_words_not_their_path(path, expected):
    # headings and the link texts of unlabelled values alike (an abstract, a publication count)
    from flask import Flask

    from dissertation_kg.server.publishing.linked_data import readable_name

    with Flask(__name__).test_request_context():
        assert readable_name(BASE + "id/" + path) == expected


def test_no_link_text_on_a_work_page_is_a_path(client):
    """Values without a label (abstracts, publication counts) are named in words on the page."""
    html = client.get(path_of(WORK), headers={"Accept": "text/html"}).get_data(as_text=True)
    texts = re.findall(r"<a [^>]*href=\"[^\"]*/id/[^>]*>([^<]+)</a>", html)
    # a path of ours has two slashes or more (work/…/abstract/en); a media type link has one
    assert texts and not [t for t in texts if re.fullmatch(r"[\w-]+(?:/[\w-]+){2,}", t.strip())], texts


def test_a_part_named_only_in_another_language_is_named_by_its_class(tmp_path):
    """The Kazakh page of a work whose approbation only the English abstract names ("Research
    Results Approval") shows the Kazakh name of the part, not the English heading."""
    import pyoxigraph as ox
    part = ox.NamedNode(WORK + "/approbation")
    graph = ox.NamedNode(BASE + "graph/source/doc-en.txt")
    extra = [ox.Quad(ox.NamedNode(WORK), ox.NamedNode(DKG + "hasApprobation"), part, graph),
             ox.Quad(part, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode(DKG + "Approbation"), graph),
             ox.Quad(part, ox.NamedNode(DKG + "heading"), ox.Literal("Research Results Approval", language="en"), graph)]
    build_store(tmp_path / "store", extra=extra)
    client = publishing_app(tmp_path / "store").test_client()
    kk = client.get(path_of(WORK), headers={"Accept": "text/html", "Accept-Language": "kk"}).get_data(as_text=True)
    en = client.get(path_of(WORK), headers={"Accept": "text/html", "Accept-Language": "en"}).get_data(as_text=True)
    assert "нәтижелердің апробациясы" in kk and "Research Results Approval" not in kk
    assert "Research Results Approval" in en


def test_an_ontology_edit_that_does_not_parse_yet_leaves_the_pages_up(client, tmp_path, monkeypatch):
    """A curator saves dkg.ttl half-edited while `dkg serve` watches the folder: every page
    keeps the labels, the /ontology page and the Turtle of the version that last parsed."""
    ontology = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), ontology)
    monkeypatch.setenv("DKG_ONTOLOGY", str(ontology))
    provision = client.get(path_of(WORK), headers={"Accept": "text/html", "Accept-Language": "ru"}).get_data(as_text=True)
    before = client.get("/ontology", headers={"Accept": "text/turtle"}).get_data()
    assert b"owl:Ontology" in before

    text = (ontology / "dkg.ttl").read_text(encoding="utf-8")
    (ontology / "dkg.ttl").write_text(text + "\ndkg:Broken a owl:Class ; rdfs:label \"unterminated .\n", encoding="utf-8")
    page = client.get(path_of(WORK), headers={"Accept": "text/html", "Accept-Language": "ru"})
    assert page.status_code == 200 and page.get_data(as_text=True) == provision
    for accept in ("text/html", "text/turtle", "application/n-triples"):
        r = client.get("/ontology", headers={"Accept": accept})
        assert r.status_code == 200, (accept, r.status_code)
    assert client.get("/ontology", headers={"Accept": "text/turtle"}).get_data() == before

    (ontology / "dkg.ttl").write_text(text.replace('"provision for defense"@en', '"thesis put forward"@en'),
                                      encoding="utf-8")
    mtime = (ontology / "dkg.ttl").stat().st_mtime
    os.utime(ontology / "dkg.ttl", (mtime + 5, mtime + 5))  # a new mtime, however coarse the clock
    assert b"thesis put forward" in client.get("/ontology", headers={"Accept": "text/turtle"}).get_data()
