"""The shared page chrome (header, search box, footer, the query page's and search form's own
labels) in the reader's language: a Kazakh or Russian page shows no English word of ours,
whichever way the language was chosen (?lang= or Accept-Language).

The check does not trust the word table: every Latin-letter word in the chrome's text and in
its placeholder, aria-label and title attributes must be a name that stays the same in every
language (dissertation-kg, SPARQL, VoID, N-Quads, TriG, language codes), except inside an
element marked as another language (the switcher names English in English).
"""
from __future__ import annotations

import re

import lxml.html
import pytest

from dissertation_kg.server.publishing.chrome import ENDONYMS, WORDS
from publishing_fixtures import publishing_app

WORK = "/id/work/humanization-kazakhstan-foreign-policy"
ENTITY = "/id/theory/humanization"
PAGES = {"query": "/", "search": "/search?q=мягкая+сила", "search-empty": "/search", "statistics": "/statistics",
         "work": WORK, "entity": ENTITY, "status": "/status", "not-found": "/id/work/no-such-work"}
# what stays the same in every language: names of the project, standards, formats and languages
NAMES = {"dissertation", "kg", "SPARQL", "VoID", "N", "Quads", "TriG", "kk", "ru", "en", "JSON", "ms", "dkgs",
         "query", "work", "hit", "SERVICE", "https", "w3id", "org", "search"}
# the chrome: what every page shares, and the query page's and the search form's own labels
CHROME = ("//header[@class='site']", "//footer[@class='site']", "//label[@for='dkg-examples']",
          "//main/p[1][following-sibling::div[@id='yasgui'] or following-sibling::p[@class='picker']]",
          "//main/h1[following-sibling::form[@class='search-page']]", "//form[@class='search-page']",
          "//p[@class='search-summary']")
LATIN_WORD = re.compile(r"[A-Za-z]+")


@pytest.fixture(scope="module")
def client(seed_store_dir):
    app = publishing_app(seed_store_dir)
    app.testing = True
    return app.test_client()


def _english_words(doc, lang: str) -> list[str]:
    found = []
    for path in CHROME:
        for element in doc.xpath(path):
            for node in element.iter():
                marked = node.xpath("ancestor-or-self::*[@lang][1]/@lang")
                if marked and marked[0] != lang:
                    continue  # named in its own language on purpose
                texts = [node.text or ""] + [node.get(a) or "" for a in ("placeholder", "aria-label", "title")]
                if node.tag == "code":
                    texts[0] = ""  # a URL or SPARQL, not words
                texts += [child.tail or "" for child in node]  # text after a child is this node's
                found += [w for t in texts for w in LATIN_WORD.findall(t) if w not in NAMES]
    return found


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("choice", ["query-string", "accept-language"])
@pytest.mark.parametrize("page", list(PAGES))
def test_a_kazakh_or_russian_page_shows_no_english_chrome(client, page, lang, choice):
    url = PAGES[page]
    if choice == "query-string":
        r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}", headers={"Accept": "text/html"})
    else:
        r = client.get(url, headers={"Accept": "text/html", "Accept-Language": f"{lang},en;q=0.5"})
    assert r.status_code in (200, 404), (url, r.status_code)
    doc = lxml.html.fromstring(r.get_data(as_text=True))
    assert doc.get("lang") == lang
    assert doc.xpath("//header[@class='site']") and doc.xpath("//footer[@class='site']")
    english = _english_words(doc, lang)
    assert not english, f"{url} in {lang}: English words in the chrome: {english}"
    # and the chrome is there in that language, not merely absent
    nav = [a.text_content() for a in doc.xpath("//header[@class='site']/nav/a")]
    assert nav[:4] == [WORDS[k][lang] for k in ("query", "statistics", "ontology", "status")]
    box = doc.xpath("//form[@class='site-search']")[0]
    assert box.xpath(".//input/@placeholder") == [WORDS["search_placeholder"][lang]]
    assert box.xpath(".//button")[0].text_content() == WORDS["search_button"][lang]
    assert WORDS["about"][lang] in doc.xpath("//footer[@class='site']")[0].text_content()


def test_the_language_switcher_keeps_the_page_and_names_each_language_in_itself(client):
    r = client.get("/search?q=soft+power&lang=kk", headers={"Accept": "text/html"})
    doc = lxml.html.fromstring(r.get_data(as_text=True))
    links = {a.get("lang"): a for a in doc.xpath("//footer[@class='site']//p[@class='languages']/a")}
    assert set(links) == {"en", "ru"}  # the current language is not a link
    assert links["ru"].text_content() == ENDONYMS["ru"]
    assert links["ru"].get("href") == "?q=soft+power&lang=ru"
    assert doc.xpath("//footer[@class='site']//p[@class='languages']/strong/@lang") == ["kk"]


def test_an_english_page_keeps_its_english_chrome(client):
    r = client.get("/statistics", headers={"Accept": "text/html", "Accept-Language": "en"})
    doc = lxml.html.fromstring(r.get_data(as_text=True))
    assert doc.get("lang") == "en"
    assert [a.text_content() for a in doc.xpath("//header[@class='site']/nav/a")][:2] == ["Query", "Statistics"]
    assert "Vary" in r.headers and "Accept-Language" in r.headers["Vary"]
