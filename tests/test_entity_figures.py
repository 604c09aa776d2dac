"""The entity pages' counts, precomputed once per generation (reader/mentions.py).

Every figure is checked against plain SPARQL solutions counted here in Python; a new generation
must show its own figures, never the previous generation's file; the file in the generation's
artefacts folder is what other workers read; and the same figures come from a remote store.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

import lxml.html
import pytest

from conftest import FIXED_TIME
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.generator.corpus import generate_corpus
from dissertation_kg.server.publishing.reader import mentions
from dissertation_kg.server.publishing.served import wait_for_warming
from dissertation_kg.server.store.engines import OxigraphStore, RemoteStore
from dissertation_kg.server.store.location import StoreLocation
from publishing_fixtures import ThreadedServer, publishing_app

BASE = "https://w3id.org/dissertation-kg/"
DKG = "https://w3id.org/dissertation-kg/ontology#"
P = f"PREFIX dkg: <{DKG}> PREFIX dcterms: <http://purl.org/dc/terms/> "


def _plain(store) -> tuple[dict[str, dict[str, set[str]]], dict[str, int]]:
    """entity → work → mentioning parts, and work → year, from unaggregated solutions."""
    parts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s in store.query(P + "SELECT ?e ?w ?c WHERE { ?c dkg:mentions ?e ; dkg:componentOf ?w }"):
        parts[s["e"].value][s["w"].value].add(s["c"].value)
    years: dict[str, int] = {}
    for s in store.query(P + "SELECT ?w ?d WHERE { ?w dkg:hasPublication ?p . ?p dcterms:issued ?d }"):
        years[s["w"].value] = max(years.get(s["w"].value, 0), int(s["d"].value[:4]))
    return parts, years


def _build(root, count: int, seed: int = 14):
    corpus = root / f"corpus-{count}"
    generate_corpus(corpus, count, seed=seed)
    summary = build(corpus, root / "store", progress=False, generated_at=FIXED_TIME)
    assert summary.ok, [r.problems for r in summary.rejected]
    return OxigraphStore(StoreLocation(root / "store").current())


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("entity-figures")
    return root, _build(root, 24)


def test_every_entrys_figures_equal_plain_sparql(generated):
    _, store = generated
    parts, years = _plain(store)
    computed = mentions.compute(store)
    assert set(computed) == set(parts) and len(parts) >= 10
    for e, works in parts.items():
        got = computed[e]
        assert got["total_works"] == len(works), e
        assert got["total_parts"] == len({c for cs in works.values() for c in cs}), e
        expected_works = sorted(((w, len(cs)) for w, cs in works.items()), key=lambda x: (-x[1], x[0]))
        assert [tuple(x) for x in got["works"]] == expected_works[:mentions.WORKS_KEPT], e
        assert got["quoted"] == {w: sorted(works[w])[:mentions.QUOTED_PARTS]
                                 for w, _ in expected_works[:mentions.WORKS_KEPT]}, e
        shared = Counter(o for w in works for o in parts if o != e and w in parts[o])
        expected_shared = sorted(shared.items(), key=lambda x: (-x[1], x[0]))[:mentions.COOCCURRING_KEPT]
        assert [tuple(x) for x in got["cooccurring"]] == expected_shared, e
        assert dict(map(tuple, got["per_year"])) == dict(Counter(years[w] for w in works if w in years)), e
        assert got["undated"] == sum(1 for w in works if w not in years), e


def _plain_quotes(store) -> tuple[dict[tuple[str, str], set[tuple[str, str, str, str]]], dict[str, set[str]]]:
    """(entry, part) → every (language, prefix, exact, suffix) its mentions quote, the prefix and
    suffix the 32 characters around the mention in its context's text; part → its dkg: classes."""
    found: dict[tuple[str, str], set[tuple[str, str, str, str]]] = defaultdict(set)
    for s in store.query(P + """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
            SELECT ?e ?c ?l ?x ?b ?end ?text WHERE { ?a itsrdf:taIdentRef ?e ; nif:referenceContext ?t ;
            nif:anchorOf ?x ; nif:beginIndex ?b ; nif:endIndex ?end .
            ?t nif:sourceUrl ?c ; dcterms:language ?l ; nif:isString ?text }"""):
        text, b, end = s["text"].value, int(s["b"].value), int(s["end"].value)
        assert text[b:end] == s["x"].value
        found[(s["e"].value, s["c"].value)].add((s["l"].value.rsplit("/", 1)[-1], text[max(0, b - 32):b],
                                                 s["x"].value, text[end:end + 32]))
    kinds: dict[str, set[str]] = defaultdict(set)
    for s in store.query(P + "SELECT ?c ?k WHERE { ?c dkg:componentOf ?w ; a ?k }"):
        kinds[s["c"].value].add(s["k"].value)
    return found, kinds


def test_the_quoted_words_are_the_mentions_words_in_every_language(generated):
    _, store = generated
    found, kinds = _plain_quotes(store)
    computed = mentions.compute(store)
    checked = 0
    for e, f in computed.items():
        shown = {c for cs in f["quoted"].values() for c in cs}
        assert set(f["quotes"]) == shown, e  # every part shown has its quotes, nothing else is kept
        for c in shown:
            got = f["quotes"][c]
            assert got["kind"].startswith(DKG) and got["kind"] in kinds[c] and got["kind"] != DKG + "WorkComponent"
            quotes = [tuple(q) for q in got["quotes"]]
            assert quotes and set(quotes) <= found[(e, c)], (e, c)
            # one quote per language the part's mentions of this entry are in
            assert sorted({q[0] for q in quotes}) == sorted({q[0] for q in found[(e, c)]}), (e, c)
            checked += 1
    assert checked >= 50


def test_an_entry_page_reads_no_mention_once_the_figures_are_there(generated, monkeypatch):
    root, store = generated
    parts, _ = _plain(store)
    entity = max(sorted(parts), key=lambda e: len(parts[e]))
    client = publishing_app(root / "store").test_client()
    assert _mentioned_total(client, entity) == len(parts[entity])  # figures computed (or read)
    assert wait_for_warming()  # the background warm-up of the generation asks the store too
    asked: list[str] = []
    real = OxigraphStore.query
    monkeypatch.setattr(OxigraphStore, "query", lambda self, q, *a, **k: asked.append(q) or real(self, q, *a, **k))
    r = client.get("/" + entity[len(BASE):] + "?lang=ru", headers={"Accept": "text/html"})
    doc = lxml.html.fromstring(r.get_data(as_text=True))
    assert doc.xpath('//q[@class="snippet"]/mark')  # the mentions are quoted…
    # …without asking the store for them (the prefixes every reader query declares name nif: too)
    assert asked and not [q for q in asked if re.search(r"referenceContext|anchorOf|isString", q)]
    mentions._memory.clear()


def _mentioned_total(client, entity: str) -> int:
    r = client.get("/" + entity[len(BASE):], headers={"Accept": "text/html"})
    assert r.status_code == 200
    heading = lxml.html.fromstring(r.get_data(as_text=True)).xpath('//section[@id="mentioned-in"]/h2')[0]
    return int(re.search(r"(\d+)\)\s*$", heading.text_content()).group(1))


def test_a_new_generation_never_shows_the_previous_generations_figures(tmp_path):
    store = _build(tmp_path, 8)
    parts, _ = _plain(store)
    entity = max(sorted(parts), key=lambda e: len(parts[e]))
    client = publishing_app(tmp_path / "store").test_client()
    assert _mentioned_total(client, entity) == len(parts[entity])
    first = StoreLocation(tmp_path / "store").current().name
    del store

    store = _build(tmp_path, 24)  # the same store folder: a new generation is switched in
    assert StoreLocation(tmp_path / "store").current().name != first
    parts, _ = _plain(store)
    assert _mentioned_total(client, entity) == len(parts[entity])  # the same app, the same process
    saved = list((tmp_path / "store" / "artefacts").glob(f"*/{mentions.FILE_NAME}"))
    assert len(saved) == 2, saved  # one per generation


def test_workers_read_the_generations_file_instead_of_computing_again(generated, monkeypatch):
    root, store = generated
    parts, _ = _plain(store)
    entity = max(sorted(parts), key=lambda e: len(parts[e]))
    client = publishing_app(root / "store").test_client()
    assert _mentioned_total(client, entity) == len(parts[entity])
    assert wait_for_warming()  # nothing writes the file behind the test's back
    saved, = (root / "store" / "artefacts").glob(f"*/{mentions.FILE_NAME}")

    # another worker: nothing in memory; it must take the file (altered here to tell) and not compute
    mentions._memory.clear()
    data = json.loads(saved.read_text(encoding="utf-8"))
    data[entity]["total_works"] = 4242
    saved.write_text(json.dumps(data), encoding="utf-8")

    def no_compute(_store):
        raise AssertionError("computed again although the generation's file is there")
    monkeypatch.setattr(mentions, "compute", no_compute)
    try:
        assert _mentioned_total(client, entity) == 4242
    finally:
        mentions._memory.clear()
        saved.unlink()  # the next test computes it again from the store


def test_the_same_figures_over_a_remote_store(generated, monkeypatch):
    root, store = generated
    with ThreadedServer(publishing_app(root / "store")) as server:
        remote = RemoteStore(server.url + "sparql")
        assert mentions.compute(remote) == mentions.compute(store)
        calls = []
        real = mentions.compute
        monkeypatch.setattr(mentions, "compute", lambda s: calls.append(1) or real(s))
        first = mentions.figures(remote, "remote " + server.url, None)
        again = mentions.figures(remote, "remote " + server.url, None)
        assert calls == [1] and again is first  # computed once, then from memory
        parts, _ = _plain(store)
        entity = max(sorted(parts), key=lambda e: len(parts[e]))
        assert first[entity].total_works == len(parts[entity])
    mentions._memory.clear()


def test_a_newly_served_generation_is_warmed_before_any_entity_page_is_asked(tmp_path):
    import time

    from dissertation_kg.server.publishing.reader import statistics
    store = _build(tmp_path, 8)
    parts, _ = _plain(store)
    client = publishing_app(tmp_path / "store").test_client()
    work = next(iter(next(iter(parts.values()))))
    assert client.get("/" + work[len(BASE):], headers={"Accept": "text/turtle"}).status_code == 200
    tag = StoreLocation(tmp_path / "store").current().name
    deadline = time.monotonic() + 60
    saved: list = []
    while time.monotonic() < deadline and not saved:
        saved = list((tmp_path / "store" / "artefacts").glob(f"{tag}*/{mentions.FILE_NAME}"))
        time.sleep(0.1)
    assert saved, "the entity figures were not computed in the background"
    assert json.loads(saved[0].read_text(encoding="utf-8")).keys() == parts.keys()
    while time.monotonic() < deadline and not any(k.startswith(tag) for k in statistics._held):
        time.sleep(0.1)
    assert any(k.startswith(tag) for k in statistics._held), statistics._held.keys()
    mentions._memory.clear()
