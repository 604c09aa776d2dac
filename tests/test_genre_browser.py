"""The reading pages (a work, an entity, /statistics) in headless Chromium, at 1400×900 and at a
phone's 390×844, in each of the three languages: no horizontal scrolling, no path or IRI as a
heading, the headings in the chosen language, and the provisions side by side in as many
columns as the work has languages. Screenshots are kept in pytest's temporary folder, as in
test_ui_layout.py, and named in every failure."""
from __future__ import annotations

import re

import pytest
import requests

from dissertation_kg.server.publishing.reader.words import WORDS

SIZES = {"desktop": (1400, 900), "phone": (390, 844)}
DKG = "https://w3id.org/dissertation-kg/ontology#"
WORK = "https://w3id.org/dissertation-kg/id/work/humanization-kazakhstan-foreign-policy"
ENTITY = "https://w3id.org/dissertation-kg/id/theory/humanization"
PATH_LIKE = re.compile(r"^[\w.:-]*/[\w./#-]*$|://")

# A heading every page must show in the chosen language: (page, CSS selector, word key)
EXPECTED = {"work": [("#provisions h2", "provisions"), ("#concepts h2", "concepts")],
            "entity": [("#names h2", "labels"), ("#mentioned-in h2", "mentioned_in"), ("#cooccurring h2", "cooccurring"),
                       ("#works-per-year h2", "works_per_year")],
            "statistics": [("#works-by-specialty h2", "works_by_specialty"), ("#language-share h2", "language_share")]}


def _work_languages(site) -> int:
    r = requests.get(site.sparql, timeout=60, headers={"Accept": "application/sparql-results+json"}, params={
        "query": f"SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE {{ <{WORK}> <{DKG}hasAbstract>/<http://purl.org/dc/terms/language> ?l }}"})
    r.raise_for_status()
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def _urls(site) -> dict[str, str]:
    local = lambda iri: site.url + "/" + iri.split("/dissertation-kg/", 1)[1]  # noqa: E731
    return {"work": local(WORK), "entity": local(ENTITY), "statistics": site.url + "/statistics"}


@pytest.mark.parametrize("size", list(SIZES))
def test_reading_pages_lay_out_in_each_language(site, browser, tmp_path, size):
    width, height = SIZES[size]
    columns = _work_languages(site)
    assert columns == 2  # the seed work is published in Kazakh and English
    page = browser.new_page(viewport={"width": width, "height": height})
    problems = []
    for lang in ("en", "ru", "kk"):
        for name, url in _urls(site).items():
            page.goto(f"{url}?lang={lang}", wait_until="networkidle")
            shot = tmp_path / f"{name}-{lang}-{size}.png"
            page.screenshot(path=str(shot), full_page=True)
            where = f"{name} [{lang}, {width}×{height}] ({url}); screenshot {shot}"
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append(f"{where} is {overflow}px wider than the window")
            for heading in page.locator("h1, h2, h3").all_inner_texts():
                if PATH_LIKE.search(heading.strip()):
                    problems.append(f"{where} has a path or IRI as a heading: {heading!r}")
            if page.evaluate("() => document.documentElement.lang") != lang:
                problems.append(f"{where}: <html lang> is not {lang}")
            for selector, key in EXPECTED[name]:
                texts = page.locator(selector).all_inner_texts()
                if not texts or not texts[0].startswith(WORDS[key][lang]):
                    problems.append(f"{where}: {selector} reads {texts[:1]}, not {WORDS[key][lang]!r}")
            if name == "work":
                for part in ("provisions", "tasks", "novelty"):
                    table = page.locator(f"table.side-by-side[data-part={part}]")
                    shown = table.locator("thead th[lang]").count()
                    cells = table.locator("tbody tr").first.locator("td").count()
                    if shown != columns or cells != columns:
                        problems.append(f"{where}: {part} in {shown} columns ({cells} cells), not {columns}")
                    # side by side: the cells of one row share a line, they are not stacked
                    tops = table.locator("tbody tr").first.locator("td").evaluate_all(
                        "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))")
                    if len(set(tops)) != 1:
                        problems.append(f"{where}: {part} cells are not side by side (tops {tops})")
            if name == "statistics":
                for svg in page.locator("svg.chart").all():
                    box = svg.bounding_box()
                    if box is None or box["width"] < 200 or box["x"] + box["width"] > width:
                        problems.append(f"{where}: a plot is cut or squashed ({box})")
    page.close()
    assert not problems, "\n".join(problems)


def test_the_checks_catch_stacked_cells_and_a_foreign_heading(site, browser):
    """The detectors themselves: stacked cells and a heading in another language are reported."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(_urls(site)["work"] + "?lang=kk", wait_until="networkidle")
    page.add_style_tag(content="table.side-by-side td { display: block; }")
    tops = page.locator("table.side-by-side[data-part=provisions] tbody tr").first.locator("td").evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))")
    assert len(set(tops)) > 1
    heading = page.locator("#provisions h2").inner_text()
    assert heading.startswith(WORDS["provisions"]["kk"]) and not heading.startswith(WORDS["provisions"]["en"])
    page.close()
