"""Screenshots of the pages a newcomer sees first (query page, a work, an entity, the ontology,
/status) in headless Chromium at 1400×900, built from the seed corpus, failing on the layout
regressions a program can see: a page wider than the window (horizontal scrolling) and a main
heading that is a raw path (`work/humanization-…`) instead of a name. The screenshots are kept
in pytest's temporary folder (printed on failure) for a person to look at."""
from __future__ import annotations



WIDTH, HEIGHT = 1400, 900
DKG = "https://w3id.org/dissertation-kg/ontology#"


def _first(site, sparql: str) -> str:
    import requests
    r = requests.get(site.sparql, params={"query": sparql}, headers={"Accept": "application/sparql-results+json"},
                     timeout=60)
    r.raise_for_status()
    rows = r.json()["results"]["bindings"]
    assert rows, sparql
    return rows[0]["x"]["value"]


def _local(site, iri: str) -> str:
    return site.url + "/" + iri.split("/dissertation-kg/", 1)[1]


def _pages(site) -> dict[str, str]:
    work = _first(site, f"SELECT ?x WHERE {{ ?x a <{DKG}Dissertation> }} ORDER BY ?x LIMIT 1")
    person = _first(site, "SELECT ?x WHERE { ?w <http://purl.org/dc/terms/creator> ?x } ORDER BY ?x LIMIT 1")
    return {"query": site.url + "/", "work": _local(site, work), "entity": _local(site, person),
            "ontology": site.url + "/ontology", "status": site.url + "/status"}


def test_first_pages_lay_out_at_1400x900(site, browser, tmp_path):
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    problems = []
    for name, url in _pages(site).items():
        page.goto(url, wait_until="networkidle")
        if name == "query":
            # with a result table drawn, as a newcomer sees it after pressing Run
            page.wait_for_selector(".yasqe .CodeMirror")
            page.locator(".tabPanel.active .yasqe_queryButton").click()
            page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for(timeout=30_000)
            # YASR lays the table out in steps (full-width cells first, then ellipsis): measure once settled
            page.wait_for_function("""() => { const w = document.documentElement.scrollWidth;
                const same = window.__dkgLastWidth === w; window.__dkgLastWidth = w; return same; }""",
                                   polling=500, timeout=10_000)
        shot = tmp_path / f"{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))""")
            problems.append(f"{name} ({url}) is {overflow}px wider than the {WIDTH}px window "
                            f"(widest: {wide}); screenshot {shot}")
        for heading in page.locator("h1").all_inner_texts():
            text = heading.strip()
            if "/" in text and " " not in text:
                problems.append(f"{name} ({url}) has a path for a heading: {text!r}; screenshot {shot}")
        if not page.locator("h1").count() and name != "query":
            problems.append(f"{name} ({url}) has no h1; screenshot {shot}")
    page.close()
    assert not problems, "\n".join(problems)


def test_the_checks_catch_a_wide_page_and_a_path_heading(site, browser):
    """The detectors themselves: an injected wide element and a path heading are reported."""
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    page.goto(site.url + "/status", wait_until="networkidle")
    page.evaluate("""() => { const d = document.createElement('pre'); d.textContent = 'x'.repeat(400);
                             document.querySelector('main').appendChild(d);
                             document.querySelector('h1').textContent = 'work/humanization-of-foreign-policy'; }""")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") > 0
    text = page.locator("h1").inner_text()
    assert "/" in text and " " not in text
    page.close()


def test_the_picker_and_the_tab_speak_kazakh_in_kazakh(site, browser):
    """In ?lang=kk the question picker and YASGUI's tab carry the Kazakh titles of queries/*.rq."""
    import re

    from dissertation_kg.server.publishing.ui import competency_questions
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    page.goto(site.url + "/?lang=kk", wait_until="networkidle")
    page.wait_for_selector(".yasqe .CodeMirror")
    options = page.locator("#dkg-examples option").all_inner_texts()
    kazakh = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
    assert options and all(kazakh.search(o) for o in options), options
    english = [q["title"] for q in competency_questions()]
    assert not [o for o in options if o.split(". ", 1)[1] in english]
    tab = page.locator(".yasgui .tabsList .tab").first.inner_text()
    assert kazakh.search(tab), tab
    page.close()


def test_a_resource_page_heads_its_statements_in_kazakh(site, browser):
    """In ?lang=kk a work's page and a person's page head every section, the raw statements'
    included, in Kazakh, as a reader sees it drawn (not only as the HTML says)."""
    import re

    from dissertation_kg.server.publishing.reader.words import WORDS
    kazakh = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    pages = _pages(site)
    for name in ("work", "entity"):
        page.goto(pages[name] + "?lang=kk", wait_until="networkidle")
        headings = [h.strip() for h in page.locator("article.resource h2").all_inner_texts()]
        assert headings, name
        statements = WORDS["raw"]["kk"] if name == "work" else WORDS["statements"]["kk"]  # a person has no reading part
        assert statements in headings and WORDS["referred_by"]["kk"] in headings, (name, headings)
        latin = [h for h in headings if not kazakh.search(h) and re.search(r"[A-Za-z]{3,}", h)]
        assert not latin, (name, latin)
    page.close()
