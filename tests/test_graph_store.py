"""The Graph Store Protocol at /store against a live `dkg serve`."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import requests

from endpoint_server import Server, make_generation

EX = "http://example.org/"
TURTLE = f"@prefix ex: <{EX}> . ex:a ex:p ex:b ; ex:name \"Алматы\"@ru ."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("gsp") / "store"
    make_generation(root, "g1", f"<{EX}s> <{EX}p> <{EX}o> <{EX}existing> .\n")
    srv = Server(root, "--max-body-bytes", "100000")
    yield srv
    srv.stop()


def _put(server, graph, data=TURTLE, ctype="text/turtle", **headers):
    return requests.put(server.url + "/store", params={"graph": graph}, data=data.encode(), timeout=60,
                        headers={"Content-Type": ctype, **server.auth(), **headers})


def _triples(resp, fmt=ox.RdfFormat.TURTLE):
    assert resp.status_code == 200, resp.text
    return {(t.subject.value, t.predicate.value, t.object.value) for t in ox.parse(resp.content, format=fmt)}


def test_put_get_delete_cycle(server):
    g = f"{EX}graph/one"
    assert _put(server, g).status_code == 201
    r = requests.get(server.url + "/store", params={"graph": g}, timeout=60)
    assert r.headers["Content-Type"] == "text/turtle; charset=utf-8", r.text
    assert _triples(r) == {(f"{EX}a", f"{EX}p", f"{EX}b"), (f"{EX}a", f"{EX}name", "Алматы")}
    # PUT replaces
    assert _put(server, g, f"<{EX}c> <{EX}p> <{EX}d> .", "application/n-triples").status_code == 204
    r = requests.get(server.url + "/store", params={"graph": g}, headers={"Accept": "application/n-triples"}, timeout=60)
    assert _triples(r, ox.RdfFormat.N_TRIPLES) == {(f"{EX}c", f"{EX}p", f"{EX}d")}
    # and the SPARQL endpoint sees the same graph
    q = requests.get(server.sparql, params={"query": f"ASK {{ GRAPH <{g}> {{ <{EX}c> ?p ?o }} }}"}, timeout=60)
    assert q.json()["boolean"] is True
    assert requests.delete(server.url + "/store", params={"graph": g}, headers=server.auth(), timeout=60).status_code == 204
    assert requests.get(server.url + "/store", params={"graph": g}, timeout=60).status_code == 404
    assert requests.delete(server.url + "/store", params={"graph": g}, headers=server.auth(), timeout=60).status_code == 404


def test_post_merges(server):
    g = f"{EX}graph/merge"
    r = requests.post(server.url + "/store", params={"graph": g}, data=f"<{EX}x> <{EX}p> \"1\" .", timeout=60,
                      headers={"Content-Type": "application/n-triples", **server.auth()})
    assert r.status_code == 201
    r = requests.post(server.url + "/store", params={"graph": g}, data=f"<{EX}x> <{EX}p> \"2\" .", timeout=60,
                      headers={"Content-Type": "application/n-triples", **server.auth()})
    assert r.status_code == 204
    got = _triples(requests.get(server.url + "/store", params={"graph": g}, timeout=60))
    assert {o for _, _, o in got} == {"1", "2"}


def test_head_and_formats(server):
    r = requests.head(server.url + "/store", params={"graph": f"{EX}existing"}, timeout=60)
    assert r.status_code == 200 and r.content == b"" and r.headers["Content-Type"].startswith("text/turtle")
    for accept, media in (("application/ld+json", "application/ld+json"), ("application/rdf+xml", "application/rdf+xml")):
        r = requests.get(server.url + "/store", params={"graph": f"{EX}existing"}, headers={"Accept": accept}, timeout=60)
        assert r.headers["Content-Type"] == media
    r = requests.get(server.url + "/store", params={"graph": f"{EX}existing"}, headers={"Accept": "text/csv"}, timeout=60)
    assert r.status_code == 406 and "text/turtle" in r.text
    assert requests.head(server.url + "/store", params={"graph": f"{EX}missing"}, timeout=60).status_code == 404


def test_default_graph(server):
    r = requests.put(server.url + "/store?default", data=f"<{EX}d> <{EX}p> <{EX}e> .", timeout=60,
                     headers={"Content-Type": "application/n-triples", **server.auth()})
    assert r.status_code in (201, 204)
    got = _triples(requests.get(server.url + "/store?default", timeout=60))
    assert got == {(f"{EX}d", f"{EX}p", f"{EX}e")}


def test_writes_need_the_token(server):
    g = f"{EX}graph/locked"
    r = requests.put(server.url + "/store", params={"graph": g}, data=TURTLE, headers={"Content-Type": "text/turtle"}, timeout=60)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    r = _put(server, g, Authorization="Bearer nope")
    assert r.status_code == 403
    r = requests.delete(server.url + "/store", params={"graph": f"{EX}existing"}, timeout=60)
    assert r.status_code == 401
    assert requests.get(server.url + "/store", params={"graph": f"{EX}existing"}, timeout=60).status_code == 200


def test_bad_writes(server):
    assert _put(server, f"{EX}graph/bad", ctype="application/pdf").status_code == 415
    r = _put(server, f"{EX}graph/bad", data="this is not turtle <")
    assert r.status_code == 400
    assert requests.get(server.url + "/store", params={"graph": f"{EX}graph/bad"}, timeout=60).status_code == 404
    r = requests.get(server.url + "/store", params={"graph": "no iri"}, timeout=60)
    assert r.status_code == 400
    r = _put(server, f"{EX}graph/big", data="#" * 200_000)
    assert r.status_code == 413


def test_post_to_the_store_creates_a_graph(server):
    r = requests.post(server.url + "/store", data=TURTLE, headers={"Content-Type": "text/turtle", **server.auth()}, timeout=60)
    assert r.status_code == 201
    location = r.headers["Location"]
    assert location.startswith(server.url + "/store/")
    # the new graph is reachable both ways
    assert requests.get(server.url + "/store", params={"graph": location}, timeout=60).status_code == 200
    assert requests.get(location, timeout=60).status_code == 200


def test_direct_identification_is_no_path(server):
    # `..` in the URL is only part of an IRI; nothing is read from disk
    r = requests.get(server.url + "/store/..%2F..%2Fetc%2Fpasswd", timeout=60)
    assert r.status_code == 404
    assert "root:" not in r.text


# --------------------------------------------------------------------------- a store as `dkg build` writes it


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """A generation whose default graph is stored as the merge of its named graphs, with the
    marker `dkg build` leaves (store.UNION_MARKER)."""
    from dissertation_kg.server.store.engines import UNION_MARKER

    root = tmp_path_factory.mktemp("merged") / "store"
    nquads = f"<{EX}s> <{EX}p> \"en\" <{EX}doc-en> .\n<{EX}s> <{EX}p> \"en\" <{EX}doc-kk> .\n"
    path = make_generation(root, "g1", nquads)
    store = ox.Store(str(path))
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    del store
    (path / UNION_MARKER).touch()
    srv = Server(root, "--base-iri", "https://w3id.org/dissertation-kg/")
    yield srv
    srv.stop()


def _count(server, pattern="?s ?p ?o"):
    r = requests.get(server.sparql, params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"}, timeout=60)
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_writes_keep_the_merged_default_graph_in_step(merged):
    assert _count(merged) == 1  # a set: the triple both documents state counts once
    r = requests.put(merged.url + "/store", params={"graph": f"{EX}doc-ru"}, timeout=60,
                     data=f"<{EX}s> <{EX}p> \"ru\" .", headers={"Content-Type": "application/n-triples", **merged.auth()})
    assert r.status_code == 201
    assert _count(merged) == 2
    # doc-en was built: deleting it must be asked for (issue #11)
    assert requests.delete(merged.url + "/store", params={"graph": f"{EX}doc-en"}, headers=merged.auth(),
                           timeout=60).status_code == 403
    assert requests.delete(merged.url + "/store", params={"graph": f"{EX}doc-en", "destructive": "yes"},
                           headers=merged.auth(), timeout=60).status_code == 204
    assert _count(merged) == 2  # still stated by doc-kk
    assert requests.delete(merged.url + "/store", params={"graph": f"{EX}doc-kk", "destructive": "yes"},
                           headers=merged.auth(), timeout=60).status_code == 204
    assert _count(merged) == 1


def test_updates_follow_the_merge_and_may_not_aim_at_the_default_graph(merged):
    before = _count(merged)
    r = requests.post(merged.sparql, data={"update": f"INSERT DATA {{ <{EX}t> <{EX}p> \"loose\" }}"},
                      headers=merged.auth(), timeout=60)
    assert r.status_code == 400 and "named graph" in r.text
    for update in (f"INSERT DATA {{ GRAPH <{EX}doc-x> {{ <{EX}t> <{EX}p> \"kept\" }} }}",
                   # the WHERE reads the (re-derived) merge, so it sees what the last update wrote
                   f"INSERT {{ GRAPH <{EX}doc-y> {{ ?s <{EX}q> 1 }} }} WHERE {{ ?s <{EX}p> \"kept\" }}",
                   f"WITH <{EX}doc-x> INSERT {{ ?s <{EX}q> 2 }} WHERE {{ ?s <{EX}p> \"kept\" }}"):
        r = requests.post(merged.sparql, data={"update": update}, headers=merged.auth(), timeout=60)
        assert r.status_code == 204, r.text
    assert _count(merged) == before + 3
    r = requests.post(merged.sparql, data={"update": f"DROP GRAPH <{EX}doc-x>"}, headers=merged.auth(), timeout=60)
    assert r.status_code == 204 and _count(merged) == before + 1


def test_the_merged_default_graph_is_not_written_directly(merged):
    r = requests.put(merged.url + "/store?default", data=f"<{EX}x> <{EX}p> <{EX}y> .", timeout=60,
                     headers={"Content-Type": "application/n-triples", **merged.auth()})
    assert r.status_code == 405 and "named graph" in r.text
    assert requests.get(merged.url + "/store?default", timeout=60).status_code == 200
