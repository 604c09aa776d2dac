"""The published corpus (tests/fixtures/published/: 28 abstracts as universities publish them, as
PDF, Word, extracted text and Markdown, in kk, ru and en) through `dkg map`, as a user maps it.

Holds what this session reached (README, "Real abstracts"): every document loads, every field
right, every incomplete document loaded with its gaps; entity F1 kept at its measured level so a
regression shows. These documents were unseen by the mappers when first measured
(FIRST_MEASUREMENT.txt, SECOND_MEASUREMENT.txt); they were fixed against since, so
tests/fixtures/unseen and the next unseen set remain the honest bar.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def figures() -> dict:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_published.py"), "--json"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_every_document_loads_in_every_format(figures):
    for fmt, t in figures["by_format"].items():
        assert t["loaded"] == t["documents"], (fmt, t)
    assert sum(t["documents"] for t in figures["by_format"].values()) >= 28
    assert set(figures["by_format"]) >= {"pdf", "docx", "txt", "md"}


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_fields_right_per_language(figures, lang):
    t = figures["by_language"][lang]
    assert t["fields_right"] >= 0.95 and t["first_words_right"] >= 0.95, t
    assert all(share >= 0.9 for share in t["per_field"].values()), t["per_field"]


def test_incomplete_documents_load_with_their_gaps(figures):
    for fmt, t in figures["by_format"].items():
        done, total = (int(x) for x in t["gaps_respected"].split("/"))
        assert done == total, (fmt, t["gaps_respected"])


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_entity_linking_does_not_fall_below_its_measured_level(figures, lang):
    # Measured 0.74-0.82 F1 per language after the recognisers of names by shape and the world
    # cities (0.69-0.76 before them), 0.78-0.82 with the recall recognisers of the second corpus
    # (people, towns, eponymous heads, written forms; RECALL_MEASUREMENT.txt). The goal of 0.9
    # is not reached: see the README. Precision 0.70: this corpus's keys list no rivers, lakes or
    # historical regions (its rule predates the second corpus's, which counts them as actors), so
    # linking the Syr Darya, Lake Balkhash or Semirechye (eighth session) costs it precision here.
    # 0.68 since the ninth session links the statement of publications: its keys list the
    # quality-assurance committee by its English name but not by ҒЖБССҚК or КОКСНВО, which the
    # second and third corpora's keys count as the committee. 0.66 and F1 0.75 since the methods
    # vocabulary was broadened (ninth session): its keys do not list deep learning, convolutional
    # or recurrent networks, U-Net, Sentinel-2 or remote sensing as methods, which the later
    # corpora's keys do (the second, third and fourth corpora gained precision and recall from it).
    # Those keys were brought to tests/fixtures/KEYS.md in the nineteenth session (117 entities
    # added, 17 removed, blind to the mappers; KEYS_MEASUREMENT.txt): P 0.915-0.944, R 0.892-0.907,
    # F1 en 0.917, kk 0.917, ru 0.904 (0.780 / 0.889 / 0.831 overall on the old keys).
    t = figures["by_language"][lang]
    assert t["entity_f1"] >= 0.89 and t["entity_precision"] >= 0.90, t
    assert t["entity_recall"] >= 0.88, t


def test_entity_recall_overall_holds_what_the_recognisers_reached(figures):
    # 0.677 before the recognisers of names by shape and the world cities, 0.779 after, 0.809
    # with the recall recognisers of the second corpus, 0.847 with every recognised part linked;
    # 0.896 against the keys brought to KEYS.md
    pred = sum(t["entity_predicted"] for t in figures["by_language"].values())
    gold = sum(t["entity_expected"] for t in figures["by_language"].values())
    recall = sum(t["entity_recall"] * t["entity_expected"] for t in figures["by_language"].values()) / gold
    assert pred and recall >= 0.88, (recall, figures["by_language"])


@pytest.fixture(scope="module")
def second_figures() -> dict:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_published.py"), "--json",
                           "--corpus", str(ROOT / "tests" / "fixtures" / "published-2")],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_the_second_corpus_as_the_mappers_now_read_it(second_figures):
    # tests/fixtures/published-2: unseen at 0.900 fields / 0.847 first words (FIRST_MEASUREMENT.txt),
    # 1.000 / 1.000 after fixing against it (FINAL_MEASUREMENT.txt; no longer unseen).
    every = {k: t for k, t in second_figures["by_format"].items() if k != "all"}
    assert all(t["loaded"] == t["documents"] for t in every.values()), every
    assert sum(t["documents"] for t in every.values()) == 16
    for lang, t in second_figures["by_language"].items():
        assert t["fields_right"] == 1.0 and t["first_words_right"] == 1.0, (lang, t)
    # measured 0.49-0.65 per language; the two journal articles are linked now (their abstracts
    # gave no annotation at all before). With the recall recognisers (RECALL_MEASUREMENT.txt):
    # F1 en 0.918, kk 0.889, ru 0.780; 0.850 overall (P 0.932, R 0.781). Eighth session (every
    # recognised part kept and linked): en 0.919, kk 0.913, ru 0.850; 0.887 (P 0.941, R 0.839).
    # Ninth session (people without initials, tools, the broadened methods vocabulary): en 0.921,
    # kk 0.931, ru 0.860; 0.897 (P 0.936, R 0.862). Its keys brought to tests/fixtures/KEYS.md
    # (25 entities added, 3 removed, blind to the mappers; KEYS_MEASUREMENT.txt): en 0.913, kk
    # 0.913, ru 0.890; 0.903 (P 0.967, R 0.847; 0.957 / 0.894 / 0.924 on the old keys).
    assert all(t["entity_f1"] >= 0.88 for t in second_figures["by_language"].values())
    # (the nineteenth session's generic methods: en P 0.938, F1 0.914)
    assert all(t["entity_precision"] >= 0.93 for t in second_figures["by_language"].values())
    overall = second_figures["by_format"]["all"]
    assert overall["entity_f1"] >= 0.89 and overall["entity_recall"] >= 0.83, overall
    articles = [d for d in second_figures["documents"] if d["fields"]["kind"]["expected"] == "article"]
    assert len(articles) == 2 and all(d["pred"] > 0 for d in articles), [(d["file"], d["pred"]) for d in articles]
