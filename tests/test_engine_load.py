"""Loading a generation into a remote engine (server/store/engine_dataset.py, EngineGenerations.load)
with concurrent Graph Store PUTs. Virtuoso registers a language tag the first time a request uses it,
and two requests meeting the same new tag at once fail ("SR197: Non unique primary key on
DB.DBA.RDF_LANGUAGE"); a CI run's build into Virtuoso failed so. The fake engine below fails the same
way, so the load must let one request meet every tag before the parallel ones start."""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from dissertation_kg.server.store import engine_dataset as ed


class TagRegisteringEngine:
    """A Graph Store that, like Virtuoso, registers each new language tag in a table without a lock."""

    engine = "virtuoso"
    spec = SimpleNamespace(isql=None, query_url="http://engine.invalid/sparql")

    def __init__(self):
        self.known: set[str] = set()
        self.puts: list[tuple[str, bytes]] = []
        self._lock = threading.Lock()

    def put_graph(self, iri: str, data: bytes, append: bool = False) -> None:
        new = ed.language_tags([data]) - self.known
        time.sleep(0.02)  # the window between looking a tag up and inserting it
        with self._lock:
            if new & self.known:
                raise RuntimeError(f"SR197: Non unique primary key on DB.DBA.RDF_LANGUAGE ({iri})")
            self.known |= new
            self.puts.append((iri, data))

    def post_quads(self, data: bytes) -> bool:
        return False


def _graphs(n: int) -> dict[str, bytes]:
    return {f"http://example.org/doc/{i}": (f'<http://example.org/d{i}> <http://purl.org/dc/terms/title> "T"@kk .\n'
                                            f'<http://example.org/d{i}> <http://purl.org/dc/terms/title> "T"@ru .\n'
                                            f'<http://example.org/d{i}> <http://purl.org/dc/terms/title> "T"@en-GB .\n'
                                            f'<http://example.org/d{i}> <http://purl.org/dc/terms/date> "2020"^^'
                                            '<http://www.w3.org/2001/XMLSchema#gYear> .\n').encode()
            for i in range(n)}


def test_the_fake_engine_fails_as_virtuoso_does_when_two_requests_meet_a_new_tag():
    engine = TagRegisteringEngine()
    errors = []

    def put(i):
        try:
            engine.put_graph(f"g{i}", b'<a> <b> "x"@kk .\n')
        except RuntimeError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=put, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors, "the model of the race is wrong: concurrent first uses of a tag did not collide"


def test_every_language_tag_is_met_in_one_request_before_the_concurrent_ones():
    engine = TagRegisteringEngine()
    graphs = _graphs(3 * ed.LOAD_THREADS)
    merge = b"".join(graphs.values())
    ed.EngineGenerations(engine).load("g1", ed.BytesSource(graphs, merge))  # raises on a collision
    first_iri, first = engine.puts[0]
    assert first_iri == ed.manifest_graph("g1")
    assert ed.language_tags([first]) == {"kk", "ru", "en-GB"}
    assert len(engine.puts) == 1 + len(graphs) + 1  # the manifest, each graph, the merge in one slice


@pytest.mark.parametrize("line, tags", [
    (b'<a> <b> "x"@kk .\n', {"kk"}),
    (b'<a> <b> "x"@en-GB .\n', {"en-GB"}),
    (b'<a> <b> "say \\"@fr here"@ru .\n', {"ru"}),      # an escaped quote inside the literal
    (b'<a> <b> "x"^^<http://www.w3.org/2001/XMLSchema#string> .\n', set()),
    (b'<a> <b> <mailto:me@example.org> .\n', set()),
])
def test_language_tags_are_read_from_literals_only(line, tags):
    assert ed.language_tags([line]) == tags


def test_a_generation_is_read_graph_by_graph_and_its_merge_in_slices(tmp_path):
    """GenerationSource gives a load what BytesSource gives from memory, read from a real store:
    each graph on its own, the merge (the default graph) in slices of whole lines, and the
    language tags of every literal."""
    store = ox.Store(str(tmp_path / "gen"))
    graphs = _graphs(5)
    for iri, data in graphs.items():
        store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(iri))
        store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    source = ed.GenerationSource(store)
    assert source.names() == sorted(graphs)
    # (Oxigraph writes language tags in lower case: en-GB comes back as en-gb, in the data and
    # in the tags alike.)
    for iri, data in graphs.items():
        assert sorted(source.graph(iri).splitlines()) == sorted(data.replace(b"@en-GB", b"@en-gb").splitlines())
    slices = list(source.merge_slices(3))
    assert all(s.endswith(b" .\n") and s.count(b"\n") <= 3 for s in slices) and len(slices) > 1
    merged = sorted(b"".join(slices).splitlines())
    assert merged == sorted(set(b"".join(graphs.values()).replace(b"@en-GB", b"@en-gb").splitlines()))
    assert source.language_tags() == {"kk", "ru", "en-gb"}
    assert ed.BytesSource(graphs, b"".join(graphs.values())).language_tags() == {"kk", "ru", "en-GB"}


def test_a_load_sends_every_graph_and_the_whole_merge(tmp_path):
    engine = TagRegisteringEngine()
    graphs = _graphs(2 * ed.LOAD_THREADS + 1)
    merge = b"".join(graphs.values())
    ed.EngineGenerations(engine).load("g2", ed.BytesSource(graphs, merge))
    sent = dict((iri, data) for iri, data in engine.puts if iri != ed.merge_graph("g2"))
    assert {iri for iri in sent if iri != ed.manifest_graph("g2")} == {ed.prefix("g2") + iri for iri in graphs}
    merged = b"".join(data for iri, data in engine.puts if iri == ed.merge_graph("g2"))
    assert sorted(merged.splitlines()) == sorted(merge.splitlines())
