"""Apache Jena's `riot --validate` reads every dump, the ontology, the shapes and every vocabulary
with 0 errors and 0 warnings (a second parser, stricter than Oxigraph and rdflib about IRIs,
language tags and literals)."""
from __future__ import annotations

import os

import pytest

import jena
from dissertation_kg.mappings.resources import ontology_dir


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def dumps(seed_store_dir, tmp_path_factory):
    from dissertation_kg.server.app import create_app
    from dissertation_kg.server.config import ServerConfig

    out = tmp_path_factory.mktemp("dumps")
    app = create_app(ServerConfig(store=seed_store_dir, workers=1, build_if_missing=False))
    client = app.test_client()
    files = []
    for name in ("dataset.nq.gz", "dataset.trig.gz"):
        resp = client.get(f"/dumps/{name}")
        assert resp.status_code == 200, resp.data[:300]
        (out / name).write_bytes(resp.data)
        files.append(out / name)
    app.extensions["dkg"].close()
    return files


def test_riot_finds_no_errors_or_warnings(dumps, tmp_path):
    if not jena.installed():
        _unavailable(f"Apache Jena is not installed: apt-get install -y {jena.PACKAGE} default-jre-headless")
    onto = ontology_dir()
    files = [onto / "dkg.ttl", onto / "shapes.ttl", *sorted((onto / "vocabularies").glob("*.ttl")), *dumps]
    done = jena.riot_validate(files, tmp_path)
    output = done.stdout + done.stderr
    problems = [line for line in output.splitlines() if " WARN " in line or " ERROR " in line
                or "Exception" in line]
    assert done.returncode == 0 and not problems, output[-4000:]
    # riot read every file (it names each one as it starts it)
    for f in files:
        assert f"File: {f}" in output, f"riot did not read {f}:\n{output[-2000:]}"


def test_riot_reports_what_it_should(tmp_path):
    """The check above can fail: a literal that is not an integer is a warning to riot."""
    if not jena.installed():
        _unavailable(f"Apache Jena is not installed: apt-get install -y {jena.PACKAGE} default-jre-headless")
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://example.org/x> <http://example.org/p> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
                   encoding="utf-8")
    done = jena.riot_validate([bad], tmp_path)
    assert " WARN " in done.stdout + done.stderr
