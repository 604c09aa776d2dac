"""The query page in a real headless Chromium: YASGUI loads from this server alone, offers the
competency questions in a picker, runs a query against /sparql and shows the result rows."""
from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from endpoint_server import Server
from publishing_fixtures import WORK, build_store

CI = os.environ.get("CI") == "true"


def _unavailable(reason: str):
    if CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from dissertation_kg.server.publishing.ui import missing_assets
    if missing_assets():
        _unavailable("YASGUI assets are missing: run `npm ci && python scripts/install_assets.py`")
    root = tmp_path_factory.mktemp("ui") / "store"
    build_store(root, search=True)  # the example queries include full-text search
    srv = Server(root, token=None, workers=1)
    yield srv
    srv.stop()


def _questions():
    from dissertation_kg.server.publishing.ui import competency_questions
    return competency_questions()


def test_query_page_runs_a_query_and_shows_rows(server, browser):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/", wait_until="networkidle")
    page.wait_for_selector(".yasqe .CodeMirror")
    questions = _questions()
    # The questions are offered in a picker, not as one tab each (19 tabs wrapped into ten rows).
    assert page.locator(".yasgui .tabsList .tab").count() == 1
    picker = page.locator("#dkg-examples")
    if questions:
        assert picker.locator("option").count() == len(questions)
    panel = page.locator(".tabPanel.active")

    # Every competency question parses and runs without an error from the endpoint.
    for q in questions:
        picker.select_option(q["id"])
        assert page.evaluate("() => window.dkgYasgui.getTab().getQuery()") == q["query"], q["id"]
        panel.locator(".yasqe_queryButton").click()
        panel.locator(".yasr_response_chip").wait_for(timeout=30_000)
        page.wait_for_function("() => !document.querySelector('.tabPanel.active .yasqe_queryButton.busy')",
                               timeout=30_000)
        assert panel.locator(".errorResult").count() == 0, q["id"]
        assert panel.locator(".yasr_response_chip").inner_text().strip(), q["id"]

    # Our own query, so the test does not depend on which questions exist.
    page.evaluate("""() => { window.dkgYasgui.getTab().setQuery(
        'SELECT ?work ?title (STRLEN(?title) AS ?n) WHERE { ?work a <https://w3id.org/dissertation-kg/ontology#Dissertation> ; '
        + '<http://purl.org/dc/terms/title> ?title FILTER(lang(?title) = "en") } ORDER BY ?work'); }""")
    panel.locator(".yasqe_queryButton").click()
    rows = panel.locator(".yasr table.dataTable tbody tr")
    rows.first.wait_for(timeout=30_000)
    page.wait_for_function("() => document.querySelectorAll('.tabPanel.active .yasr table.dataTable tbody tr').length === 2",
                           timeout=30_000)
    text = panel.locator(".yasr table.dataTable tbody").inner_text()
    assert "Humanization of foreign policy" in text
    assert WORK.rsplit("/", 1)[1] in text
    # typed literals show as values: 30, not "30"^^xsd:integer
    assert "^^" not in text and "XMLSchema" not in text
    assert str(len("Humanization of foreign policy")) in text.split()
    # an IRI of this graph links to its page on this server
    local = server.url + "/id/" + WORK.split("/id/", 1)[1]
    link = panel.locator(f".yasr table.dataTable tbody a.iri[data-iri='{WORK}']").first
    assert link.get_attribute("href") == "/id/" + WORK.split("/id/", 1)[1]
    with page.context.expect_page() as opened:
        link.click()
    resource = opened.value
    resource.wait_for_load_state()
    assert resource.url == local
    assert resource.locator("h1").inner_text() == "Humanization of foreign policy"
    resource.close()
    assert not errors, errors
    # Offline: every request went to this server, none to a CDN or web service.
    hosts = {urlparse(u).netloc for u in requested if urlparse(u).scheme in ("http", "https")}
    hosts.discard("")
    assert hosts == {urlparse(server.url).netloc}, hosts
    page.close()


def test_resource_page_renders_in_the_browser(server, browser):
    page = browser.new_page(locale="ru-RU", extra_http_headers={"Accept-Language": "ru"})
    page.goto(server.url + "/id/" + WORK.split("/id/", 1)[1])
    assert page.locator("h1").inner_text() == "Гуманизация внешней политики"
    page.locator("a", has_text="Айгерим Тест").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/id/person/aigerim-test")
    assert page.locator("h1").inner_text() == "Айгерим Тест"
    page.close()


# --------------------------------------------------------------------------- without a browser


def test_missing_assets_page_names_the_install_command(tmp_path, monkeypatch):
    from dissertation_kg.server.publishing import ui
    from publishing_fixtures import publishing_app
    monkeypatch.setattr(ui, "STATIC_DIR", tmp_path)
    root = tmp_path / "store"
    build_store(root)
    resp = publishing_app(root).test_client().get("/")
    assert resp.status_code == 503
    page = resp.get_data(as_text=True)
    assert "npm ci &amp;&amp; python scripts/install_assets.py" in page
    assert "vendor/yasgui/yasgui.min.js" in page


def test_questions_are_read_at_request_time_and_titled_by_their_first_comment(tmp_path):
    from dissertation_kg.server.publishing.ui import competency_questions
    (tmp_path / "b.rq").write_text("# Question: Which works?\n# more\nSELECT * { ?s ?p ?o }\n")
    (tmp_path / "a.rq").write_text("PREFIX x: <http://x/>\nASK {}\n")
    found = competency_questions(tmp_path)
    assert [(q["id"], q["title"]) for q in found] == [("a", "a"), ("b", "Which works?")]
    (tmp_path / "c.rq").write_text("# Added later\nASK {}\n")
    assert competency_questions(tmp_path)[-1]["title"] == "Added later"


def test_the_page_embeds_questions_safely(tmp_path, monkeypatch):
    from dissertation_kg.server.publishing import ui
    from publishing_fixtures import publishing_app
    if ui.missing_assets():
        _unavailable("YASGUI assets are missing: run `npm ci && python scripts/install_assets.py`")
    (tmp_path / "x.rq").write_text('# </script><script>alert(1)</script>\nASK {}\n')
    monkeypatch.setattr(ui, "queries_dir", lambda: tmp_path)
    root = tmp_path / "store"
    build_store(root)
    page = publishing_app(root).test_client().get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
