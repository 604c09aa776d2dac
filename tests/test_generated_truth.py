"""The mappers against the generator's own ground truth (expected.jsonl): every field of a few
hundred generated documents, in the three languages and their varied typography.

The generator and the mappers share the genre notes, so this is the optimistic bar (the unseen
and published fixtures are the honest ones); what it catches is a regression on the bulk of
ordinary documents, which the hand-picked fixtures do not cover.
"""
from __future__ import annotations

import collections
import importlib.util
import json
from pathlib import Path

from dissertation_kg.mappings import abstract
from dissertation_kg.server.generator.corpus import generate_corpus

ROOT = Path(__file__).resolve().parent.parent


def _eval_mappers():
    spec = importlib.util.spec_from_file_location("eval_mappers", ROOT / "scripts" / "eval_mappers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_field_of_generated_documents(tmp_path):
    generate_corpus(tmp_path, 240, 11, unlisted=0.5)
    truth = [json.loads(line) for line in (tmp_path / "expected.jsonl").open(encoding="utf-8")]
    compare = _eval_mappers().compare
    right, total, wrong = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for t in truth:
        for field, (ok, got, expected) in compare(abstract.parse_file(tmp_path / t["file"]), t).items():
            total[field] += 1
            right[field] += ok
            if not ok:
                wrong[field].append(f"{t['file']}: got {got!r}, expected {expected!r}")
    assert {"language", "kind", "tasks", "provisions", "author", "title", "publication counts"} <= set(total)
    low = {f: f"{right[f]}/{total[f]}" for f in total if right[f] / total[f] < 0.99}
    assert not low, (low, {f: wrong[f][:3] for f in low})
