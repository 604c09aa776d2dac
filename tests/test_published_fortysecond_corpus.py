"""The forty-second held-out corpus (tests/fixtures/published-42/, issue #10) as a whole: nine
abstracts in fields no earlier corpus has - animation, history of education, maritime law, nuclear
engineering, organisational psychology, phytopathology, probability theory, sinology and water
supply - three Kazakh, three Russian and three English, written in three parts by three people who never read the
mappers (tests/test_published_fortysecond_corpus_{kk,ru,en}.py check each part's files and traps).
Read with plain file reading only, but for the mappers' floors at the end, set after the corpus was
measured.
"""
from __future__ import annotations

from published_keys import ROOT, check_floors, check_the_mix, documents

CORPUS = ROOT / "tests" / "fixtures" / "published-42"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 42)))]
DOCUMENTS = documents(CORPUS)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one English journal article, one Kazakh Doctor of Sciences autoreferat (an old
    specialty code), one Russian master's thesis, six PhD abstracts, nine fields no earlier corpus
    (published ... published-41) has (corpus 41 was written at the same time). Its incomplete work
    lacks provisions and approbation (check_the_mix's "provisions" kind)."""
    assert len(EARLIER) == 41 and all(folder.is_dir() for folder in EARLIER)
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=0, doctor=1, incomplete=("provisions",))
    assert len(keys) == 9
    formats = {}
    for path in DOCUMENTS:
        formats.setdefault(keys[path.name]["lang"], set()).add(path.suffix)
    assert all(len(suffixes) == 3 for suffixes in formats.values()), "no language all in one format"
    assert sorted(k["kind"] for k in keys.values()).count("masters-thesis") == 1
    gapped = [k for k in keys.values() if k["gaps"]]
    assert [(k["kind"], k["lang"], sorted(k["gaps"])) for k in gapped] == [("dissertation", "ru", ["approbation", "provisions"])]


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.89, 0.87, 0.88


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on ce7e46a (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 1.000, first words 1.000,
    # entities P 0.891, R 0.852, F1 0.871, gaps 2/2. After the fixes made against it and its twin
    # corpus (FINAL_MEASUREMENT.txt, 1f2e37e): 9/9, 1.000, 1.000, 0.901 / 0.881 / 0.891.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
