"""/status says why each document was rejected (its encoding, its language, its structure or the
SHACL shapes), names each file once and shows the Markdown code spans of messages as <code>; a
work that lacks parts is loaded and listed with its gaps, not rejected."""
from __future__ import annotations

import re
import shutil

import pytest

from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.build.record import fingerprint, summary_record, write_record
from dissertation_kg.mappings.resources import ontology_dir

NO_PROVISIONS = (
    "ABSTRACT\nof the dissertation for the degree of Doctor of Philosophy (PhD)\n\n"
    "The object of the research is the instruments of public policy in Kazakhstan.\n"
    "The aim of the research is to assess these instruments.\n"
    "Research objectives:\n1. to describe the instruments;\n2. to assess them.\n"
    "Main provisions for defense:\n\n")
GERMAN = ("Gegenstand der Untersuchung ist die Außenpolitik Kasachstans. Das Ziel der Arbeit ist es, die "
          "Instrumente der öffentlichen Diplomatie zu bewerten und die Ergebnisse mit anderen Ländern zu vergleichen. ") * 3


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = tmp_path_factory.mktemp("status")
    corpus = root / "corpus"
    corpus.mkdir()
    good = next(seeds_dir().glob("002_*.txt"))
    shutil.copy(good, corpus / good.name)
    (corpus / "latin1.txt").write_bytes("Аннотация диссертации".encode("utf-8") + b"\xff\xfe caf\xe9 " * 40)
    (corpus / "no-provisions.txt").write_text(NO_PROVISIONS, encoding="utf-8")
    (corpus / "german.txt").write_text(GERMAN, encoding="utf-8")
    store = root / "store"
    summary = build(corpus, store, progress=False)
    write_record(store, summary_record(summary, seeds=corpus, ontology=ontology_dir(),
                                       source_fingerprint=fingerprint(corpus, ontology_dir())))
    from dissertation_kg.server.app import create_app
    from dissertation_kg.server.config import ServerConfig

    app = create_app(ServerConfig(store=store, workers=1, build_if_missing=False, seeds=corpus))
    yield app
    app.extensions["dkg"].close()


@pytest.fixture(scope="module")
def page(app):
    client = app.test_client()
    html = client.get("/status", headers={"Accept": "text/html"}).get_data(as_text=True)
    data = client.get("/status", headers={"Accept": "application/json"}).get_json()
    kk = client.get("/status?lang=kk", headers={"Accept": "text/html"}).get_data(as_text=True)
    return html, data, kk


def _rejections_section(html: str) -> str:
    m = re.search(r"<h2>Rejected documents.*?</dl>", html, re.S)
    assert m, html
    return m.group(0)


def test_each_rejection_says_why(page):
    html, data, _ = page
    reasons = {r["source"]: r["reason"] for r in data["generation"]["rejected"]}
    assert reasons == {"latin1.txt": "encoding", "german.txt": "language"}
    section = _rejections_section(html)
    assert "SHACL rejected them" not in html
    assert re.search(r"latin1\.txt</code> — rejected: the file is not readable text", section)
    assert re.search(r"german\.txt</code> — rejected: its language is not Kazakh, Russian or English", section)


def test_a_work_without_provisions_is_loaded_and_listed_with_its_gap(page):
    html, data, _ = page
    gaps = {f: g["lacks"] for g in data["generation"]["gaps"] for f in g["sources"]}
    assert "no-provisions.txt" in gaps and any("rovision" in part for part in gaps["no-provisions.txt"]), gaps
    assert "no-provisions.txt" not in _rejections_section(html)


def test_each_file_name_is_printed_once(page):
    section = _rejections_section(page[0])
    assert section.count("latin1.txt") == 1 and section.count("german.txt") == 1


def test_backticks_become_code(page):
    html = page[0]
    text_outside_tags = re.sub(r"<[^>]+>", "", html)
    assert "`" not in text_outside_tags, [line for line in text_outside_tags.splitlines() if "`" in line]


def test_rejections_and_gaps_are_explained_in_kazakh(page):
    """In ?lang=kk the reasons, the missing parts (the ontology's labels) and the page's own words
    are Kazakh; file names, codes and the build's messages (in <code>, or data) stay as they are."""
    import lxml.html

    from dissertation_kg.server.publishing.chrome import WORDS
    from test_page_languages import _foreign_words

    doc = lxml.html.fromstring(page[2])
    reasons = [dt.text_content() for dt in doc.xpath("//dl[@class='rejections']/dt")]
    assert any(WORDS["st_why_language"]["kk"] in r for r in reasons), reasons
    assert any(WORDS["st_why_encoding"]["kk"].split("`")[0] in r for r in reasons), reasons
    gaps = doc.xpath("//table[@class='provenance'][.//th[.='" + WORDS["st_lacks"]["kk"] + "']]//td[3]")
    assert gaps and all("қорғауға ұсынылатын қағидалар" in td.text_content() for td in gaps[:1])
    fixed = doc.xpath("//main/h1 | //main/h2 | //main//th | //main/p | //dl[@class='rejections']/dt")
    assert not _foreign_words(fixed, "kk"), [e.text_content() for e in fixed]


def test_the_missing_parts_are_named_while_dkg_ttl_does_not_parse(app, tmp_path, monkeypatch):
    """A curator mid-edit of dkg.ttl reads /status: the parts' names come from the served graph."""
    import lxml.html

    from dissertation_kg.server.publishing import linked_data
    from dissertation_kg.server.publishing.chrome import WORDS

    broken = tmp_path / "dkg.ttl"
    broken.write_text("@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .\ndkg:Broken a ;\n", encoding="utf-8")
    monkeypatch.setattr(linked_data, "ontology_path", lambda: broken)
    assert linked_data.ontology_labels() == {}  # no version of this file ever parsed: no labels from it
    r = app.test_client().get("/status?lang=kk", headers={"Accept": "text/html"})
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    doc = lxml.html.fromstring(r.get_data(as_text=True))
    lacks = doc.xpath(f"//table[.//th[.='{WORDS['st_lacks']['kk']}']]//td[3]")
    assert lacks and all("қорғауға ұсынылатын қағидалар" in td.text_content() for td in lacks[:1])
