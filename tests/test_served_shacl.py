"""The SHACL shapes hold on what the server serves, not only on each document before loading:
every named graph read back from the store, the candidates graph, and the default graph (the
merge of the named graphs), where translations and works that disagree meet.

The corpus is the seeds, a generated corpus, and two disagreements planted in it the way real
abstracts disagree: two works spelling one specialty differently in one language, and two
translations of one work citing a publication differently.
"""
from __future__ import annotations

import json
import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dissertation_kg.mappings import consensus, linking, pairing
from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.mappings.vocab import CANDIDATES_GRAPH, DKG, RDF, SKOS
from dissertation_kg.server.build.conformance import DEFAULT_GRAPH, validate_store
from dissertation_kg.server.build.pipeline import build, corpus_files, map_corpus, parse_corpus
from dissertation_kg.server.cli import main
from dissertation_kg.server.generator import lexicon as L
from dissertation_kg.server.generator.corpus import generate_corpus
from dissertation_kg.server.store.engines import open_store
from dissertation_kg.server.store.location import StoreLocation

SOURCE = "https://w3id.org/dissertation-kg/graph/source/"
VARIANT = " (spelled another way)"


def _respell_specialty(corpus: Path) -> tuple[str, str, str]:
    """In the second of two works that name one specialty in one language, spell its name
    differently. Returns (code, language, file)."""
    by_key = defaultdict(list)
    for line in (corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        if truth.get("specialty"):
            by_key[(truth["specialty"], truth["language"])].append((truth["work_id"], truth["file"]))
    for (code, lang), files in sorted(by_key.items()):
        works = sorted(dict(files).values())
        if len(works) < 2:
            continue
        name = next(names[1 + L.LANGS.index(lang)] for names in L.SPECIALTIES if names[0] == code)
        path = corpus / works[1]
        text = path.read_text(encoding="utf-8")
        changed = re.sub(rf"({code}\s*[–-]\s*){re.escape(name)}", rf"\g<1>{name}{VARIANT}", text, count=1)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
            return code, lang, works[1]
    raise AssertionError("the generated corpus has no two works naming one specialty in one language")


def _recite_publication(corpus: Path) -> tuple[str, str]:
    """In the Russian translation of a work that the English one also has, cite the first
    publication differently. Returns (work prefix, file)."""
    for ru in sorted(corpus.glob("*_ru.txt")):
        prefix = ru.name.split("_")[0]
        if not (corpus / f"{prefix}_en.txt").exists():
            continue
        text = ru.read_text(encoding="utf-8")
        changed = re.sub(r"(?m)^(1[.)]\s.*?) // ", r"\1 / ", text, count=1)
        if changed != text:
            ru.write_text(changed, encoding="utf-8")
            return prefix, ru.name
    raise AssertionError("the generated corpus has no translated work with a publication list")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("served-corpus")
    generate_corpus(folder, 24, seed=1)
    code, lang, respelled = _respell_specialty(folder)
    work_prefix, recited = _recite_publication(folder)
    manifest = (folder / "manifest.toml").read_text(encoding="utf-8")
    for seed in corpus_files(seeds_dir()):
        shutil.copy(seed, folder / seed.name)
    manifest += "\n" + (seeds_dir() / "manifest.toml").read_text(encoding="utf-8")
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    return {"dir": folder, "code": code, "lang": lang, "respelled": respelled,
            "work_prefix": work_prefix, "recited": recited}


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("served-store")
    summary = build(corpus["dir"], path, progress=False)
    assert not summary.rejected, summary.rejected
    return path


def _copy(store: Path, to: Path) -> ox.Store:
    """A writable copy of the served generation, to plant bad triples in."""
    shutil.copytree(StoreLocation(store).current(), to)
    return ox.Store(str(to))


def test_what_is_served_conforms_in_every_graph_and_the_merge(store):
    results = validate_store(open_store(store))
    graphs = {r.graph for r in results}
    assert DEFAULT_GRAPH in graphs and str(CANDIDATES_GRAPH) in graphs
    assert sum(g.startswith(SOURCE) for g in graphs) >= 24
    assert all(r.triples > 0 for r in results)
    failing = {r.graph: [str(p) for p in r.violations[:3]] for r in results if r.violations}
    assert not failing


def test_disagreeing_translations_and_works_merge_into_one_value(corpus, store):
    st = open_store(store)
    sp = f"<https://w3id.org/dissertation-kg/id/specialty/{corpus['code']}>"
    lang = corpus["lang"]
    pref = [r[0].value for r in st.query(f"SELECT ?l {{ {sp} <{SKOS.prefLabel}> ?l FILTER (lang(?l) = '{lang}') }}")]
    alt = [r[0].value for r in st.query(f"SELECT ?l {{ {sp} <{SKOS.altLabel}> ?l FILTER (lang(?l) = '{lang}') }}")]
    assert len(pref) == 1 and VARIANT not in pref[0]
    assert alt == [pref[0] + VARIANT]  # the other spelling is kept, as an alternative label
    # ... and stated as such by the document that spells it so.
    graph = SOURCE + corpus["respelled"]
    assert st.query(f"ASK {{ GRAPH <{graph}> {{ {sp} <{SKOS.altLabel}> ?l }} }}")

    cited = list(st.query(f"""SELECT DISTINCT ?g ?c {{ GRAPH ?g {{ ?w <{DKG.hasPublication}> ?p .
        ?p <{DKG.ordinal}> 1 ; <{DKG.citationText}> ?c }}
        FILTER (STRSTARTS(STR(?g), "{SOURCE}{corpus['work_prefix']}_")) }}"""))
    assert {r[0].value.rsplit("/", 1)[1] for r in cited} >= {corpus["recited"], f"{corpus['work_prefix']}_en.txt"}
    assert len({r[1].value for r in cited}) == 1  # every translation states the one citation
    assert " // " in cited[0][1].value  # the English abstract's, not the re-cited Russian one


def test_validate_store_command_passes_on_what_is_served(store):
    result = CliRunner().invoke(main, ["validate", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ named graph\(s\) \(\d+ triples\) and the default graph \(\d+ triples\) checked, "
                     r"0 problem\(s\)", result.output), result.output[-300:]


def _plant_in_document(raw: ox.Store) -> str:
    graph = next(g.value for g in raw.named_graphs() if g.value.startswith(SOURCE))
    work = next(iter(raw.quads_for_pattern(None, ox.NamedNode(str(DKG.hasAbstract)), None, ox.NamedNode(graph)))).subject
    raw.add(ox.Quad(work, ox.NamedNode(str(DKG.hasAim)), ox.Literal("an aim as text, not a part"), ox.NamedNode(graph)))
    return graph.rsplit("/", 1)[1], []


def _plant_in_candidates(raw: ox.Store) -> str:
    graph = ox.NamedNode(str(CANDIDATES_GRAPH))
    candidate = next(iter(raw.quads_for_pattern(None, ox.NamedNode(str(DKG.occurrenceCount)), None, graph))).subject
    raw.add(ox.Quad(candidate, ox.NamedNode(str(DKG.occurrenceCount)), ox.Literal("-1", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), graph))
    return f"graph <{CANDIDATES_GRAPH}>", []


def _plant_in_default(raw: ox.Store) -> str:
    """A triple only the default graph holds (a merge that is not the named graphs' merge)."""
    sp = next(iter(raw.quads_for_pattern(None, ox.NamedNode(str(SKOS.notation)), None, ox.DefaultGraph()))).subject
    raw.add(ox.Quad(sp, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("Another name", language="en"), ox.DefaultGraph()))
    raw.add(ox.Quad(sp, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("Yet another name", language="en"), ox.DefaultGraph()))
    return "default graph", []


def _plant_merge_conflict(raw: ox.Store) -> str:
    """Two documents each valid alone, that together give a specialty two preferred labels in
    one language: only the merge fails, and the report names both documents."""
    quads = [q for q in raw.quads_for_pattern(None, ox.NamedNode(str(SKOS.notation)), None, None)
             if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(SOURCE)]
    graphs = sorted({q.graph_name.value for q in quads})[:2]
    sp = next(q.subject for q in quads if q.graph_name.value == graphs[0])
    for graph, name in zip(graphs, ("One spelling", "Another spelling")):
        for g in (ox.NamedNode(graph), ox.DefaultGraph()):
            raw.add(ox.Quad(sp, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal(name, language="xx"), g))
            raw.add(ox.Quad(sp, ox.NamedNode(str(SKOS.notation)), quads[0].object, g))
            raw.add(ox.Quad(sp, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(DKG.Specialty)), g))
    return "default graph", [g.rsplit("/", 1)[1] for g in graphs]


@pytest.mark.parametrize("plant", [_plant_in_document, _plant_in_candidates, _plant_in_default, _plant_merge_conflict],
                         ids=["document graph", "candidates graph", "default graph", "merge of two documents"])
def test_a_bad_triple_fails_validation_naming_its_graph(store, tmp_path, plant):
    raw = _copy(store, tmp_path / "store")
    where, named = plant(raw)
    raw.flush()
    del raw
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "store")])
    assert result.exit_code == 1, result.output
    failing = [line for line in result.output.splitlines() if line.startswith("fails: ")]
    assert len(failing) == 1 and failing[0].startswith(f"fails: {where}"), result.output
    for name in named:  # a merge problem names the documents that state the values
        assert any("stated in:" in line and name in line.rsplit("stated in:", 1)[1]
                   for line in result.output.splitlines()), (name, result.output[-2000:])


def test_what_the_mappers_write_is_what_oxigraph_serves():
    """Oxigraph keeps values, not spellings (xsd:nonNegativeInteger comes back xsd:integer): a
    datatype the store rewrites would make the served data differ from what was validated."""
    files = corpus_files(seeds_dir())
    mapped, rejected, _ = map_corpus(files, pairing.read_manifest(seeds_dir()))
    assert not rejected
    candidates = linking.candidates_graph([c for doc in mapped for c in doc.candidates])
    written = b"".join(doc.nquads() for doc in mapped) + candidates.serialize(format="nt", encoding="utf-8")
    store = ox.Store()
    store.load(written, format=ox.RdfFormat.N_QUADS)
    served = set(ox.parse(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS))
    assert set(ox.parse(written, format=ox.RdfFormat.N_QUADS)) == served


def test_consensus_is_the_same_whatever_order_the_documents_come_in():
    parsed, _ = parse_corpus(corpus_files(seeds_dir()))
    works = [w.members for w in pairing.group(parsed, pairing.read_manifest(seeds_dir()))]
    first = consensus.specialty_labels(works), [consensus.publications(m) for m in works]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = [rng.sample(m, len(m)) for m in works]
        again = consensus.specialty_labels(rng.sample(shuffled, len(shuffled)))
        assert again == first[0]
        assert [consensus.publications(m) for m in shuffled] == first[1]
