"""The mutation run's choice of tests per mutant (scripts/mutation_coverage.py), on a tiny module
and a coverage map written by hand."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from mutation_coverage import Selector, Sources  # noqa: E402

WORDS = '''\
import re

KEYWORDS = ("aim", "tasks",
            "novelty")
_HEAD = re.compile("|".join(KEYWORDS))
LIMIT = 3


def kind(line):
    if _HEAD.match(line):
        return "heading"
    return "text"


def never_called(line):
    return len(line) > LIMIT
'''
OTHER = '''\
from .words import _HEAD


def starts_a_section(line):
    return bool(_HEAD.match(line.strip()))
'''
KIND, SECTION, PAGE = ("tests/test_words.py::test_kind", "tests/test_other.py::test_section",
                       "tests/test_pages.py::test_page")


def _selector(tmp_path, files, fixtures=None, calls=None) -> Selector:
    (tmp_path / "mappings").mkdir()
    (tmp_path / "mappings" / "words.py").write_text(WORDS, encoding="utf-8")
    (tmp_path / "mappings" / "other.py").write_text(OTHER, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_words.py").write_text("def test_kind(): ...\n", encoding="utf-8")
    contexts = sorted({c for by_line in files.values() for cs in by_line.values() for c in cs})
    cmap = {"contexts": contexts,
            "files": {f: {str(n): [contexts.index(c) for c in cs] for n, cs in by_line.items()}
                      for f, by_line in files.items()},
            "fixtures": fixtures or {KIND: [], SECTION: [], PAGE: []}, "calls": calls or {}, "within": {}}
    return Selector(cmap, Sources(tmp_path, dirs=("mappings",)))


# what the imports ran ("") and what each test ran; nothing ran never_called's body
IMPORTED = {n: [""] for n in (1, 3, 5, 6, 9, 15)}
RAN = {"mappings/words.py": {**IMPORTED, 10: [KIND], 11: [KIND], 12: [KIND]},
       "mappings/other.py": {1: [""], 4: [""], 5: [SECTION]}}


def test_a_line_in_a_function_runs_the_tests_that_executed_it(tmp_path):
    chosen = _selector(tmp_path, RAN).select("mappings/words.py", 10)
    assert (chosen.tests, chosen.files) == ({KIND}, set())


def test_a_module_level_line_runs_the_tests_of_the_functions_reading_what_it_defines(tmp_path):
    # KEYWORDS (its second line: coverage records the statement on its first) makes _HEAD, read
    # by kind here and by starts_a_section through an import; LIMIT is read only by a function
    # no test runs
    chosen = _selector(tmp_path, RAN).select("mappings/words.py", 4)
    assert chosen.tests == {KIND, SECTION} and not chosen.files


def test_a_line_no_test_runs_is_a_survivor_with_its_reason(tmp_path):
    selector = _selector(tmp_path, RAN)
    for line in (16, 6):    # never_called's body; LIMIT, read only there
        chosen = selector.select("mappings/words.py", line)
        assert chosen.empty() and chosen.reason == "no test runs this line"


def test_a_table_a_test_file_names_runs_that_whole_file(tmp_path):
    selector = _selector(tmp_path, RAN)
    (tmp_path / "tests" / "test_limit.py").write_text("from x.words import LIMIT\n", encoding="utf-8")
    selector.sources = Sources(tmp_path, dirs=("mappings",))
    chosen = selector.select("mappings/words.py", 6)
    assert chosen.files == {"tests/test_limit.py"} and not chosen.tests


def test_what_a_shared_fixture_or_a_loader_ran_runs_every_test_reading_it(tmp_path):
    # kind's line 10 ran while building a module-scoped fixture in KIND's setup, which PAGE
    # shares; line 11 ran in a loader's first call, which SECTION also called (a cache hit)
    files = {"mappings/words.py": {**IMPORTED, 10: [f"setup:{KIND}"], 11: ["cached:words.load"]},
             "mappings/other.py": {}}
    selector = _selector(tmp_path, files, fixtures={KIND: ["f.py::store"], PAGE: ["f.py::store"], SECTION: []},
                         calls={"words.load": [KIND, SECTION]})
    assert selector.select("mappings/words.py", 10).tests == {KIND, PAGE}
    assert selector.select("mappings/words.py", 11).tests == {KIND, SECTION}


def test_a_python_without_coverage_is_told_how_to_install_it(monkeypatch):
    """The map needs coverage.py, an optional extra: without it the run stops before any test
    with the command that installs it, not with an empty "did not run under coverage"."""
    import importlib.util

    import mutation_coverage
    import pytest
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "coverage" else real(name, *a))
    with pytest.raises(RuntimeError, match=r"pip install -e '\.\[mutation\]'"):
        mutation_coverage.build_map(["tests/test_mutation.py"], {}, "X")


def test_a_checkout_without_the_query_ui_files_is_told_to_install_them(monkeypatch):
    """Without YASGUI's files every page test answers 503 and would "kill" each mutant it runs for:
    the run stops first, with the command that installs them."""
    import mutation
    from dissertation_kg.server.publishing import ui
    assert mutation.assets_missing() is None   # CI and `make test` install them
    monkeypatch.setattr(ui, "VENDOR_FILES", ("vendor/yasgui/not-there.js",))
    message = mutation.assets_missing()
    assert "not-there.js" in message and "make assets" in message
