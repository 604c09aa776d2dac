"""Build, store and publish the dissertation knowledge graph.

One package per concern; imports run one way, down this list (tests/test_layout.py holds it):

    cli/         the `dkg` command line: parses options, calls the packages below
    app.py       the Flask application: gathers endpoint, publishing and the curators' loop
    curation/    ontology check, diff, formatting; the candidates queue; rebuild on edit
    publishing/  linked-data pages, ontology pages, VoID, dumps, the UI and /status
    endpoint/    SPARQL 1.1 Protocol, Graph Store Protocol, query execution and limits
    build/       corpus → mapped, validated quads → a new generation
    generator/   the synthetic corpus (stands apart: shares nothing with the mappers it tests)
    store/       the seam: generations on disk, the embedded store, remote engines
    config.py, processes.py   settings of a running server; process hygiene

Below them all is `dissertation_kg.mappings` (text → sections → RDF), which imports nothing here.
"""
