#!/usr/bin/env python3
"""Plant small, plausible bugs in the code one at a time and see whether the tests notice.

    python scripts/mutation.py                             # mappings/, 40 mutants, a 30-minute budget
    python scripts/mutation.py --budget 20 --sample 40 --seed 7
    python scripts/mutation.py --area limits --sample 20   # the endpoint's limits
    python scripts/mutation.py --target mappings/pairing.py --tests tests/test_pairing.py
    python scripts/mutation.py --list --sample 40 --seed 7 # the sample, without running anything

Each mutant changes one thing in one module (a comparison, a number, a boolean operator, a
`not`, one alternative of a regular expression, one word of a keyword list) and runs the tests
that guard that code with `-x`; a mutant the tests do not fail on *survived*, and is printed
with its place so a test can be written for it. The score is the share of mutants killed.

Each mutant runs only the tests that execute the mutated code (`--select coverage`, the default):
one run of the area's tests under coverage.py, one context per test, gives for every line the
tests that ran it (scripts/mutation_coverage.py builds that map once per commit and caches it,
and reads from it which tests can see a change: a line in a function, the tests that executed
it; a module-level line, the tests of the functions that read the names it defines; a line run
while building a shared fixture or a loader's cache, every test reading that). A mutant on a
line no test executes survives at once, with that reason. `--select all` runs the area's whole
set instead (and `--area limits` always does: its code runs in worker processes). The tests
run are ordered so that a kill comes early: first the test files named for the mutated module
(`MODULE_TESTS`), then the rest, the files by their total time, each file's tests in the order
they are written (tests sharing a module's fixtures may depend on it).
The durations come from the map's run (or, with `--select all`, from the unmutated baseline
run that starts the session). The sample is drawn with `random.Random(seed)` from the mutants
in file order, so one seed on one commit is one sample. Mutants that no behaviour can tell apart are listed in `EQUIVALENT` with the reason,
printed when they are left out.

Why not mutmut: it needs the code importable from one source tree it copies, and this
project's packages are mapped from several top-level folders (pyproject's package-dir); the
operators that matter here (regex alternatives and keyword lists that decide what a heading
is) are not among its mutations either. The mutated file is written in place and restored in
a `finally`, so run this on a clean checkout; it refuses to start when a target has
uncommitted changes.
"""
from __future__ import annotations

import argparse
import ast
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPER_TESTS = ["tests/test_seeds.py", "tests/test_variants.py", "tests/test_unseen.py",
                "tests/test_messy_structure.py", "tests/test_kinds_and_gaps.py", "tests/test_formats.py",
                "tests/test_reflow.py", "tests/test_linking.py", "tests/test_pairing.py",
                "tests/test_bad_input.py", "tests/test_eval_published.py", "tests/test_generated_truth.py",
                "tests/test_entities.py", "tests/test_entity_shapes.py", "tests/test_morphology.py",
                "tests/test_name_shapes.py", "tests/test_language.py", "tests/test_heading_words.py",
                "tests/test_degrees.py", "tests/test_article_summary.py", "tests/test_relink.py",
                "tests/test_entity_recall.py", "tests/test_structure_third.py", "tests/test_place_shapes.py",
                "tests/test_page_chrome.py", "tests/test_abstract_parts.py", "tests/test_letter_spacing.py",
                "tests/test_glued_headings.py", "tests/test_kazakh_latin.py",
                # the readers and rules of the nineteenth and twentieth sessions
                "tests/test_orgmode.py", "tests/test_method_lists.py", "tests/test_list_introductions.py",
                "tests/test_scholar_theories.py", "tests/test_tool_lists.py",
                "tests/test_published_corpus.py",
                "tests/test_published_second_corpus.py", "tests/test_published_third_corpus.py",
                "tests/test_published_fourth_corpus.py", "tests/test_published_fifth_corpus.py",
                "tests/test_published_sixth_corpus.py", "tests/test_published_seventh_corpus.py",
                "tests/test_published_eighth_corpus.py", "tests/test_published_ninth_corpus.py",
                "tests/test_published_tenth_corpus.py",
                # the readers' own test files (seed 191 found imposition's page numbers run by none
                # of the files above)
                "tests/test_antiword.py", "tests/test_confluence.py", "tests/test_font_letters.py",
                "tests/test_imposition.py", "tests/test_markup_readers.py", "tests/test_notebook.py",
                "tests/test_xml_readers.py"]
# what to mutate and the tests that guard it
AREAS = {
    "mappings": (["mappings"], MAPPER_TESTS),
    # the query time limit, the wait queue, per-client places and the heavy lane (executor), the
    # size and nesting limits (protocol, sparql_scan.nesting_depth), the bounds on followers of
    # an identical running query (single_flight)
    "limits": (["server/endpoint/executor.py", "server/endpoint/protocol.py", "server/endpoint/sparql_scan.py",
                "server/endpoint/single_flight.py"],
               ["tests/test_limits.py", "tests/test_security.py", "tests/test_sparql_protocol.py",
                "tests/test_fuzz.py", "tests/test_single_flight.py", "tests/test_cost_lane.py"]),
}
# test files to run first for a module (beside tests/test_<stem>.py, always first when it exists)
MODULE_TESTS = {
    "extract": ["tests/test_formats.py"],
    "numbering": ["tests/test_formats.py"],
    "headings": ["tests/test_heading_words.py", "tests/test_variants.py", "tests/test_messy_structure.py"],
    "heading_words": ["tests/test_variants.py", "tests/test_messy_structure.py"],
    "sections": ["tests/test_messy_structure.py", "tests/test_variants.py"],
    "lists": ["tests/test_messy_structure.py", "tests/test_variants.py"],
    "front_matter": ["tests/test_messy_structure.py", "tests/test_seeds.py"],
    "metadata": ["tests/test_variants.py", "tests/test_seeds.py"],
    "abstract": ["tests/test_kinds_and_gaps.py", "tests/test_messy_structure.py"],
    "gaps": ["tests/test_kinds_and_gaps.py"],
    "degrees": ["tests/test_kinds_and_gaps.py"],
    "morphology": ["tests/test_linking.py"],
    "vocabulary": ["tests/test_linking.py"],
    "method_context": ["tests/test_entities.py", "tests/test_linking.py"],
    "self_named": ["tests/test_linking.py"],
    "name_shapes": ["tests/test_entity_shapes.py", "tests/test_linking.py"],
    "rdf": ["tests/test_seeds.py", "tests/test_kinds_and_gaps.py"],
    "executor": ["tests/test_limits.py"],
    "protocol": ["tests/test_security.py", "tests/test_sparql_protocol.py"],
    "sparql_scan": ["tests/test_security.py", "tests/test_fuzz.py"],
}
# (file, text on the mutated line, mutation) → why no behaviour can differ
EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("mappings/extract/plain.py", 'inner = re.sub(r"\\A\\ufeff?---[ \\t]*\\n|', "loses alternative '\\\\A\\\\ufeff?---"):
        "the front matter is read by yaml.safe_load, for which a leading '---' (a BOM before it too) "
        "is the document's start marker: with or without it the same mapping loads (seed 311)",
    ("mappings/extract/repository_csv.py", 'return re.sub(r"^([^,]+),\\s+", r"\\1 ", name.strip(), count=1)', "1 → 2"):
        "the pattern is anchored at the start of the string (no MULTILINE), so it can match once at "
        "most: a second substitution has no start to match at",
    ("mappings/article_summary.py", "title = next((line for line in lines if len(line) >= 30", "30 → 31"):
        "the same line must have a language (_lang_of), and language.detect needs 40 letters: a line "
        "shorter than 40 characters is never the title, whatever this bound up to 40",
    ("mappings/extract/chat_export.py", "if stripped[:1] not in \"[{\" or ('\"message\"' not in stripped[:20000]", "or → and"):
        "a cheap test before json.loads: a text that opens with neither bracket is no JSON array or "
        "object (json.loads fails or gives a scalar, both read as no chat), and an array or object "
        "with neither key holds no message list; either way the text comes back as it was",
    ("mappings/linking.py", "inner = [(a, b) for a, b in concept_spans if s <= a and b <= e]", "b < e"):
        "a measure's name ends with Index, Scale, Inventory, Barometer or Ranking, and no theory's "
        "label ends with one of them, so no concept inside it ends where it ends",
    ("mappings/article_summary.py", "starts.append(at if at >= 0 else cursor)", "at > 0"):
        "`at` is found from `cursor` on, so it is 0 only when `cursor` is 0, and then both branches give 0",
    ("mappings/language.py", "ranked = votes.most_common(2)", "2 → 3"):
        "only the first two of the ranking are read (the leader and the runner-up), and most_common(3) "
        "begins with the same two",
    ("mappings/linking.py", "(best is None or j > best[0])", "j >= best[0]"):
        "two names ending at one token are reached in the order of a set of word keys (hash order), "
        "so `>` and `>=` each keep an arbitrary one of them; no input tells the two apart",
    ("server/endpoint/executor.py", "conn.send((\"error\", 500, f\"unknown job", "500 → 501"):
        "no request reaches it: the protocol layer builds every job with one of the operations the "
        "worker knows; the branch stands for a bug in that layer",
    ("server/endpoint/executor.py", "if len(self.buf) >= _CHUNK:", "len(self.buf) > _CHUNK"):
        "moves where one chunk of a streamed result ends by at most one write; the bytes a client "
        "reads, and their order, are the same",
    ("server/endpoint/executor.py", "buffer_bytes: int = 4 * 1024 * 1024", "1024 → 1025"):
        "a default nobody uses: the runtime always passes buffer_bytes (the result cache's largest entry)",
    ("mappings/linking.py", "return text[max(0, start - 200):start].rstrip()[-24:]", "200 → 201"):
        "the window only has to hold the run of spaces and the cue before a place; a run of 200 "
        "spaces or more leaves no cue either way",
    ("mappings/linking.py", "return text[max(0, start - 200):start].rstrip()[-24:]", "24 → 25"):
        "every cue of _PLACE_BEFORE is anchored at the end and at most 8 characters long with the "
        "character before it, so any reach over 9 reads the same",
    ("mappings/article_summary.py", "at = clean.find(probe, cursor) if probe else -1", "1 → 2"):
        "`at` is read only by `at >= 0` on the next line: -1 and -2 both fall back to the cursor",
    ("mappings/linking.py", "g = next(i for i in range(1, 5) if m.group(i) is not None)", "5 → 6"):
        "_QUOTED has four groups, one per kind of quotation mark, and exactly one of them takes part "
        "in every match: `next` stops at it before reaching a fifth",
    ("mappings/linking.py", "if free(s, s + 2) and free(e - 2, e) and unclaimed(s, e)", "2 → 3"):
        "a mention begins and ends at a word's edge, never at a space or inside a word; the third "
        "character of a standard's code (and the third from its end) is a space or inside the word "
        "of its first (last) two, so it is covered exactly when they are",
    ("mappings/linking.py", "runs = [m.start() for m in _NON_SPACE.finditer(text, 0, start)][-7:]", "7 → 8"):
        "_DEFINED_HEAD takes the head, at most five words (each one run of non-space characters) and "
        "the bracket: a head in the eighth run before the acronym has six runs after it and cannot match",
    ("mappings/name_shapes.py", '_CONJUNCTIONS = {"and", "or", "и", "или"', "list loses 'не'"):
        "every walker stops at «не» without it: the Kazakh one at its oblique ending (-не), the "
        "Russian ones because a particle is neither an adjective nor a genitive, the English one "
        "because it is not a Latin word; it stays listed so the stop does not hang on the ending",
    ("mappings/linking.py", 'if not states or lang not in ("kk", "ru"):', "or → and"):
        "a shortcut: the loop below changes a name only beside a state and in kk or ru, so with no "
        "state, or in English, it returns the same names either way",
    ("mappings/place_shapes.py", '_NOT_NAMES = {"the", "a", "an"', "list loses 'a'"):
        "a name before a kind is a capital and at least one lower-case letter (_NAME['en'], _BEFORE_NAME), "
        "so no name is ever the one letter «a»",
    ("mappings/name_shapes.py", '"as", "at", "from", "the", "a", "an"', "list loses 'a'"):
        "_en_doctrines compares only words of two letters or more ([a-z][a-z-]+), so «a» is never one of them",
    ("mappings/name_shapes.py", '"мемлекеттік", "жергілікті", "қосымша"', "list loses 'жергілікті'"):
        "_KK_SCOPE only keeps a word that ends as a relational adjective (-лық/-лік/-дық/-дік/-тық/-тік) from "
        "being one; «жергілікті» has no such ending, so it is no relational adjective either way",
    ("mappings/name_shapes.py", '"мемлекеттік", "жергілікті", "қосымша"', "list loses 'қосымша'"):
        "_KK_SCOPE only keeps a word that ends as a relational adjective (-лық/-лік/-дық/-дік/-тық/-тік) from "
        "being one; «қосымша» has no such ending, so it is no relational adjective either way",
    ("mappings/name_shapes.py", '"мемлекеттік", "жергілікті", "қосымша"', "list loses 'алдын-ала'"):
        "_KK_SCOPE only keeps a word that ends as a relational adjective (-лық/-лік/-дық/-дік/-тық/-тік) from "
        "being one; «алдын-ала» has no such ending, so it is no relational adjective either way",
    ("mappings/name_shapes.py", '"мемлекеттік", "жергілікті", "қосымша"', "list loses 'тұрақты'"):
        "_KK_SCOPE only keeps a word that ends as a relational adjective (-лық/-лік/-дық/-дік/-тық/-тік) from "
        "being one; «тұрақты» has no such ending, so it is no relational adjective either way",
    ("mappings/name_shapes.py", '_RU_MANNER = {"систематический"', "list loses 'регулярный'"):
        "_RU_MANNER is read only for a lemma _RU_RELATIONAL accepts (-ческий, -альный, -ельный, -орный, -урный, "
        "-очный); «регулярный» ends in -ярный, so it is no relational adjective either way",
    ("mappings/metadata.py", '("CommitteeJournal", r"recommended|committee|', "regex loses alternative 'комитеті'"):
        "the pattern is case-insensitive and also holds комитет\\w*, which matches every text «комитеті» matches",
    ("mappings/sections.py", 'not (seen - {"general", "abstract", "preamble"})', "list loses 'preamble'"):
        "`seen` holds the kinds of the headings opened (_open adds them); «preamble» is only the kind of the "
        "section before the first heading, never a heading's, so it is never in `seen`",
    ("mappings/product_names.py", '_CODED = r"[A-Z][a-z]+-[A-Z]{2,}', "regex loses alternative '[A-Z]{1,2}-[A-Z]{3,}"):
        "every name it matches («C-MAPSS») is also matched, whole, by _NUMBERED's [A-Z]{1,3}-[A-Z][a-z]?[A-Z]{2,}"
        "[A-Za-z0-9]*, which PRODUCT tries before _CODED",
    ("mappings/pairing.py", '_LATIN_NAME = re.compile(r"\\b[A-Z][A-Za-z]*[A-Z-]', "regex loses alternative '\\\\b[A-Z]{2,}"):
        "a run of two or more capitals between word boundaries is matched by the first alternative too "
        "([A-Z][A-Za-z]*[A-Z-][A-Za-z-]*), which is tried first at every position: the second never decides",
    ("mappings/pairing.py", "rarity = sum(min(1.0, 3 / (df or {}).get(x, 1)) for x in shared)", "1 → 2"):
        "the default count of a paper or name the corpus counts do not hold: 3 / 1 and 3 / 2 are both "
        "over 1.0, so min(1.0, …) gives 1.0 either way",
    ("mappings/headings.py", "if sep and sep.start() > 0:", "sep.start() >= 0"):
        "match() only reads a stripped line that opens with a capital letter, and every _SEPARATOR "
        "match begins with punctuation or a space: none starts at 0, so > 0 and >= 0 agree",
    ("mappings/reflow.py", 'return SpellChecker(language="en", distance=1)', "1 → 2"):
        "the edit distance is read only when pyspellchecker suggests corrections; the reflow asks "
        "`word in` the checker, a look-up in its word list whatever the distance",
    ("mappings/extract/restructuredtext.py", "if n <= 26 else str(n)", "26 → 27"):
        "docutils' alphabetic enumerators are one letter: a list ends at Z (\"AA.\" and \"[.\" are "
        "paragraphs), so no list item has an ordinal above 26 and the bound is never reached",
    ("mappings/extract/restructuredtext.py", '_SETTINGS = {"report_level": 5, "halt_level": 5', "5 → 6"):
        "docutils' system messages have levels 0–4 (debug … severe): a report or halt level of 5 "
        "and one of 6 both mean never, so the page renders and reports nothing either way",
    ("mappings/extract/imposition.py", "left = [r for r in rects if r[2] <= fold]", "r[2] < fold"):
        "a box ending exactly at the fold leaves the left page no inner margin, so the sheet is one page "
        "either way: kept on the left it fails the margin test, left out it breaks the count",
    ("mappings/front_matter.py", 'line = _CITE_LABEL.sub("", line, count=1)', "1 → 2"):
        "_CITE_LABEL is anchored at the string's start (`^` without MULTILINE) and matches at least "
        "a label word, so after its first match none can follow: count 1 and 2 remove the same",
}
_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
         ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In}


@dataclass
class Mutant:
    path: Path
    line: int
    what: str
    source: str          # the whole mutated module

    def place(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def _alternatives(pattern: str) -> list[str]:
    """Top-level `a|b|c` of a regular expression, or of a group that is the whole pattern."""
    depth, start, parts = 0, 0, []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if len(parts) > 1 else []


def _is_regex(text: str) -> bool:
    return bool(re.search(r"\\[wsbdWSB]|\(\?|\[[^\]]+\]|\w\*|\w\+", text))


def _col(line: str, offset: int) -> int:
    """ast's column offsets count UTF-8 bytes; the line is sliced by characters (Cyrillic letters
    are two bytes each, so a raw offset would cut the wrong place)."""
    return len(line.encode("utf-8")[:offset].decode("utf-8"))


def mutants(path: Path) -> list[Mutant]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    found: list[Mutant] = []
    lines = source.splitlines(keepends=True)

    def replace_segment(node: ast.AST, text: str) -> str | None:
        if node.lineno != node.end_lineno:
            return None
        line = lines[node.lineno - 1]
        new_line = line[:_col(line, node.col_offset)] + text + line[_col(line, node.end_col_offset):]
        return "".join(lines[:node.lineno - 1] + [new_line] + lines[node.lineno:])

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _SWAP:
            op = node.ops[0]
            node.ops[0] = _SWAP[type(op)]()
            text = ast.unparse(node)
            node.ops[0] = op
            new = replace_segment(node, text)
            if new:
                found.append(Mutant(path, node.lineno, f"{ast.unparse(node)}  →  {text}", new))
        elif isinstance(node, ast.BoolOp):
            old = node.op
            node.op = ast.Or() if isinstance(old, ast.And) else ast.And()
            text = ast.unparse(node)
            node.op = old
            new = replace_segment(node, text)
            if new:
                found.append(Mutant(path, node.lineno, f"{'and' if isinstance(old, ast.And) else 'or'} → "
                                    f"{'or' if isinstance(old, ast.And) else 'and'}", new))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            new = replace_segment(node, f"({ast.unparse(node.operand)})")
            if new:
                found.append(Mutant(path, node.lineno, f"drop `not` in {ast.unparse(node)[:60]}", new))
        elif isinstance(node, ast.Constant) and id(node) not in docstrings:
            value = node.value
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, (int, float)) and value not in (0,) and abs(value) < 10_000:
                bumped = value + 1 if isinstance(value, int) else value * 2
                new = replace_segment(node, repr(bumped))
                if new:
                    found.append(Mutant(path, node.lineno, f"{value!r} → {bumped!r}", new))
            elif isinstance(value, str) and _is_regex(value):
                alts = _alternatives(value)
                for i, alt in enumerate(alts):
                    if len(alt) < 3:
                        continue
                    dropped = "|".join(a for j, a in enumerate(alts) if j != i)
                    new = replace_segment(node, repr(dropped))
                    if new:
                        found.append(Mutant(path, node.lineno, f"regex loses alternative {alt[:50]!r}", new))
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)) and len(node.elts) >= 3 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            # keyword lists: drop one word
            for i, e in enumerate(node.elts):
                if e.lineno != e.end_lineno:
                    continue
                line = lines[e.lineno - 1]
                end = _col(line, e.end_col_offset)
                tail = line[end:]
                cut = len(tail) - len(tail.lstrip(" ,")) if tail.lstrip().startswith(",") else 0
                new_line = line[:_col(line, e.col_offset)] + line[end + cut:]
                new = "".join(lines[:e.lineno - 1] + [new_line] + lines[e.lineno:])
                try:
                    ast.parse(new)
                except SyntaxError:
                    continue
                found.append(Mutant(path, e.lineno, f"list loses {e.value[:50]!r}", new))
    # a mutant must change the code, and parse (a slip in the slicing would plant something else)
    original = ast.dump(tree)
    return [m for m in found if _parses_to_other(m.source, original)]


def _parses_to_other(source: str, original: str) -> bool:
    try:
        return ast.dump(ast.parse(source)) != original
    except SyntaxError:
        return False


_ORDER_ENV, _RECORD_ENV = "DKG_MUTATION_ORDER", "DKG_MUTATION_RECORD"


# --- pytest plugin: this module is loaded into the test run with `-p mutation` ----------------
def pytest_collection_modifyitems(session, config, items):  # noqa: ARG001 (pytest's signature)
    import json
    import os
    spec = os.environ.get(_ORDER_ENV)
    if not spec:
        return
    order = json.loads(Path(spec).read_text(encoding="utf-8"))
    first, durations = order["first"], order["durations"]
    if order.get("keep") is not None:
        # the tests the coverage map chose, and the files to run whole
        keep, whole = set(order["keep"]), set(order.get("whole", ()))
        dropped = [i for i in items if i.nodeid not in keep and i.nodeid.split("::")[0] not in whole]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [i for i in items if i.nodeid in keep or i.nodeid.split("::")[0] in whole]
    per_file: dict[str, float] = {}
    for item in items:
        per_file[item.location[0]] = per_file.get(item.location[0], 0.0) + durations.get(item.nodeid, 0.0)

    written = {id(item): i for i, item in enumerate(items)}

    def key(item):
        path = item.location[0]
        rank = first.index(path) if path in first else len(first)
        # Files stay contiguous (module-scoped fixtures are set up once) and keep their tests in
        # the order they are written: tests that share a module's server may depend on it (one
        # in test_security counts triples another adds), and a test failing only because it ran
        # earlier would count as a kill.
        return rank, per_file[path], path, written[id(item)]
    items.sort(key=key)


_durations: dict[str, float] = {}


def pytest_runtest_logreport(report):
    _durations[report.nodeid] = _durations.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 (pytest's signature)
    import json
    import os
    out = os.environ.get(_RECORD_ENV)
    if out:
        Path(out).write_text(json.dumps(_durations), encoding="utf-8")


# --- the runner -------------------------------------------------------------------------------
def run_tests(tests: list[str], timeout: float, env: dict[str, str]) -> tuple[str, str]:
    """('killed' | 'survived' | 'killed (timeout)', the first failing test)."""
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "mutation",
           "--no-header", "-m", "not slow", *tests]
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return "killed (timeout)", ""
    if done.returncode == 0:
        return "survived", ""
    failed = re.search(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.M)
    if failed:
        return "killed", failed.group(1)
    # exit 4 or 2 without a failed test: the mutated module no longer imports (conftest or collection)
    error = re.search(r"^E\s+(\w+(?:Error|Exception)\b.*)$", done.stdout + done.stderr, re.M)
    return "killed", f"pytest exit {done.returncode}" + (f": {error.group(1)[:100]}" if error else "")


def first_tests(path: Path, tests: list[str]) -> list[str]:
    rel = path.relative_to(ROOT)
    names = [f"tests/test_{path.stem}.py"] + MODULE_TESTS.get(path.stem, []) + \
        [t for part in rel.parts[:-1] for t in MODULE_TESTS.get(part, [])]
    return [t for t in dict.fromkeys(names) if t in tests]


def equivalent(m: Mutant) -> str | None:
    line = m.path.read_text(encoding="utf-8").splitlines()[m.line - 1]
    for (file, text, what), reason in EQUIVALENT.items():
        if str(m.path.relative_to(ROOT)) == file and text in line and what in m.what:
            return reason
    return None


def assets_missing() -> str | None:
    """What to do when the query UI's files are not in this checkout: its page tests would answer
    503 and "kill" every mutant they run for (seed 121's and seed 281's first tries, in clones where
    `make assets` had never run); None when they are there."""
    from dissertation_kg.server.publishing.ui import INSTALL_COMMAND, STATIC_DIR, VENDOR_FILES
    gone = [f for f in VENDOR_FILES if not (STATIC_DIR / f).exists()]
    if not gone:
        return None
    return (f"the query UI's files are missing in this checkout ({', '.join(gone)}), so its page tests fail: "
            f"run `make assets` ({INSTALL_COMMAND}) first")


def main() -> int:
    import json
    import os
    import tempfile
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--area", choices=sorted(AREAS), default="mappings",
                    help="what to mutate with the tests that guard it (default mappings)")
    ap.add_argument("--target", action="append", help="file or folder to mutate instead of the area's")
    ap.add_argument("--tests", action="append", help="test files to run per mutant instead of the area's")
    ap.add_argument("--budget", type=float, default=30, help="minutes for the whole run (default 30)")
    ap.add_argument("--sample", type=int, default=40, help="run N mutants drawn at random (0: all, in order)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=0,
                    help="seconds per mutant's test run (default: 3 × the baseline run + 60)")
    ap.add_argument("--list", action="store_true", help="print the chosen mutants and exit")
    ap.add_argument("--select", choices=["coverage", "all"], default="coverage",
                    help="per mutant, run the tests that execute its line (coverage, default) or the "
                         "area's whole set (all)")
    args = ap.parse_args()

    area_targets, area_tests = AREAS[args.area]
    targets = [ROOT / t for t in (args.target or area_targets)]
    missing = [t for t in targets if not t.exists()]
    if missing:
        print(f"no such target: {', '.join(map(str, missing))}; give a file or folder under {ROOT}", file=sys.stderr)
        return 2
    files = sorted({p for t in targets for p in ([t] if t.is_file() else t.rglob("*.py"))
                    if p.name != "__init__.py" and "eval" not in p.stem})
    all_mutants = [m for f in files for m in mutants(f)]
    chosen = list(all_mutants)
    if args.sample:
        chosen = random.Random(args.seed).sample(chosen, min(args.sample, len(chosen)))
    excluded = [(m, r) for m in chosen if (r := equivalent(m))]
    for m, reason in excluded:
        print(f"left out (equivalent): {m.place()}: {m.what} — {reason}")
    chosen = [m for m in chosen if not any(m is e for e, _r in excluded)]
    if args.list:
        for m in chosen:
            print(f"{m.place()}: {m.what}")
        print(f"{len(chosen)} of {len(all_mutants)} mutants in {len(files)} files (seed {args.seed})")
        return 0
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *map(str, files)], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    if dirty:
        print(f"uncommitted changes in the targets; commit or stash them first:\n{dirty}", file=sys.stderr)
        return 2
    problem = assets_missing()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    tests = [t for t in (args.tests or area_tests) if (ROOT / t).exists()]
    work = Path(tempfile.mkdtemp(prefix="mutation-"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "scripts"),
                                                                    os.environ.get("PYTHONPATH")])))
    select = args.select
    if select == "coverage" and args.area == "limits" and not args.target:
        # the limits run in the endpoint's query workers, forked from a forkserver: coverage
        # cannot tell which test a worker's line served
        print("--area limits: the whole set per mutant (worker processes have no test context)")
        select = "all"
    selector = None
    if select == "coverage":
        import mutation_coverage
        try:
            cmap = mutation_coverage.build_map(tests, env, _RECORD_ENV)
        except RuntimeError as e:
            print(e, file=sys.stderr)
            return 2
        if cmap.get("unmapped"):
            # A file that failed under coverage runs whole for every mutant, so it must pass
            # without coverage, or it "kills" every mutant that reaches it (seed 121's first try:
            # test_page_chrome in a worktree without the YASGUI assets, 503 on the query page).
            outcome, failed = run_tests(cmap["unmapped"], 3600, env)
            if outcome != "survived":
                print(f"the tests fail without any mutant ({failed}); fix them first", file=sys.stderr)
                return 2
        selector = mutation_coverage.Selector(cmap, mutation_coverage.Sources())
        durations = cmap["durations"]
        print(f"baseline: the coverage map's run ({len(durations)} tests, passed); {len(chosen)} mutants of "
              f"{len(all_mutants)} (seed {args.seed}), budget {args.budget:g} min", flush=True)
        timeout = args.timeout
    else:
        began = time.monotonic()
        outcome, failed = run_tests(tests, args.timeout or 3600,
                                    dict(env, **{_RECORD_ENV: str(work / "durations.json")}))
        baseline = time.monotonic() - began
        if outcome != "survived":
            print(f"the tests fail without any mutant ({failed}); fix them first", file=sys.stderr)
            return 2
        timeout = args.timeout or 3 * baseline + 60
        durations = json.loads((work / "durations.json").read_text(encoding="utf-8"))
        print(f"baseline: {len(durations)} tests in {baseline:.0f} s; {len(chosen)} mutants of {len(all_mutants)} "
              f"(seed {args.seed}), budget {args.budget:g} min", flush=True)
    start, results = time.monotonic(), []
    for i, m in enumerate(chosen, 1):
        if time.monotonic() - start > args.budget * 60:
            print(f"budget of {args.budget:g} min spent after {i - 1} mutants")
            break
        plan = {"first": first_tests(m.path, tests), "durations": durations}
        run, reason, seconds = tests, "", timeout
        if selector is not None:
            sel = selector.select(str(m.path.relative_to(ROOT)), m.line)
            if sel.empty():
                results.append((m, "survived", sel.reason))
                print(f"[{i}/{len(chosen)}] survived    0 s  {m.place()}: {m.what}  — {sel.reason}", flush=True)
                continue
            if sel.tests is not None:
                whole = sel.files & set(tests)
                plan.update(keep=sorted(sel.tests), whole=sorted(whole))
                run = [t for t in tests if t in whole or t in {n.split("::")[0] for n in sel.tests}]
                reason = f"{len(sel.tests)} tests" + (f" + {len(whole)} files" if whole else "")
                chosen_time = sum(d for n, d in durations.items() if n in sel.tests or n.split("::")[0] in whole)
                seconds = timeout or 3 * chosen_time + 60
            else:
                reason = sel.reason
                seconds = timeout or 3 * sum(durations.values()) + 60
        order = work / "order.json"
        order.write_text(json.dumps(plan), encoding="utf-8")
        original = m.path.read_text(encoding="utf-8")
        t0 = time.monotonic()
        try:
            m.path.write_text(m.source, encoding="utf-8")
            outcome, failed = run_tests(run, seconds, dict(env, **{_ORDER_ENV: str(order)}))
        finally:
            m.path.write_text(original, encoding="utf-8")
        results.append((m, outcome, reason if outcome == "survived" else ""))
        by = f"  by {failed}" if failed else ""
        ran = f" ({reason})" if reason else ""
        print(f"[{i}/{len(chosen)}] {outcome:9} {time.monotonic() - t0:4.0f} s{ran}  {m.place()}: {m.what}{by}",
              flush=True)
    killed = sum(o.startswith("killed") for _m, o, _r in results)
    survivors = [(m, r) for m, o, r in results if o == "survived"]
    print(f"\n{killed} of {len(results)} mutants killed ({killed / max(1, len(results)):.0%}); seed {args.seed}, "
          f"{len(all_mutants)} possible in {len(files)} files, {len(excluded)} left out as equivalent, "
          f"{(time.monotonic() - start) / 60:.0f} min")
    if survivors:
        print("survived (write a test that fails on each):")
        for m, reason in survivors:
            print(f"  {m.place()}: {m.what}" + (f"  — {reason}" if reason else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
