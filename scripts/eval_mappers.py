#!/usr/bin/env python3
"""Score the mappers against the ground truth of a generated corpus.

    python scripts/eval_mappers.py                   # 500 generated documents, seed 0
    python scripts/eval_mappers.py --count 2000 --seed 3 --show 10
    python scripts/eval_mappers.py --corpus DIR      # a corpus written by `dkg generate`

Each document is parsed with `dissertation_kg.mappings.abstract.parse_file` (no RDF, no
store) and compared field by field with `expected.jsonl`: language, kind, the counts of tasks,
novelty points and provisions, specialty code, author, title, institution, department,
publication counts per kind and listed publications. Prints the share correct per field and
the first mismatches of each, as `file: got … expected …`, to guide work on the mappers.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dissertation_kg.mappings import abstract, pairing  # noqa: E402
from dissertation_kg.mappings.errors import MappingError  # noqa: E402
from dissertation_kg.server.generator.corpus import generate_corpus  # noqa: E402

# expected.jsonl kind names → the mapper's (dkg:PublicationKind local names without "Publications")
COUNT_KINDS = {"total": "Total", "scopus": "Scopus", "wos": "WebOfScience", "committee": "CommitteeJournal",
               "international": "InternationalJournal", "conference": "Conference", "monographs": "Monographs"}


def _norm(value) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def compare(parsed, truth: dict) -> dict[str, tuple[bool, object, object]]:
    """field → (correct, got, expected); fields without ground truth in this file are skipped."""
    out = {
        "language": (parsed.lang == truth["language"], parsed.lang, truth["language"]),
        "kind": (parsed.kind == truth["kind"], parsed.kind, truth["kind"]),
    }
    for key in ("tasks", "novelty", "provisions"):
        got = len(parsed.items.get(key, []))
        out[key] = (got == truth[key], got, truth[key])
    meta = parsed.meta
    for key, got in (("specialty", meta.specialty_code), ("author", meta.author), ("title", meta.title),
                     ("institution", meta.institution), ("department", meta.department)):
        if truth.get(key):
            out[key] = (_norm(got) == _norm(truth[key]), got, truth[key])
        elif key in truth and got:  # the text does not state it: anything found was invented
            out[key] = (False, got, None)
    if truth["kind"] == "dissertation":
        expected = {COUNT_KINDS[k]: v for k, v in truth["publication_counts"].items()}
        got = dict(meta.publication_counts)
        out["publication counts"] = (got == expected, got, expected)
        out["publications listed"] = (len(meta.publications) == truth["publications_listed"],
                                      len(meta.publications), truth["publications_listed"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="a folder written by `dkg generate` (default: generate one)")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="mismatches to print per field")
    parser.add_argument("--unlisted", type=float, default=0.5,
                        help="share of translated works left out of the manifest when generating (default 0.5), "
                             "to score automatic pairing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dkg-eval-") as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp)
            generate_corpus(corpus, args.count, args.seed, unlisted=args.unlisted, opaque_names=True)
        expected = corpus / "expected.jsonl"
        if not expected.is_file():
            sys.exit(f"{expected} is missing; point --corpus at a folder written by `dkg generate`.")
        rows = [json.loads(line) for line in expected.open(encoding="utf-8")]
        right, total = collections.Counter(), collections.Counter()
        misses: dict[str, list[str]] = collections.defaultdict(list)
        rejected, parsed_docs = [], []
        for truth in rows:
            try:
                parsed = abstract.parse_file(corpus / truth["file"])
            except MappingError as exc:
                rejected.append(f"{truth['file']}: {exc}")
                continue
            parsed_docs.append(parsed)
            for field, (ok, got, exp) in compare(parsed, truth).items():
                total[field] += 1
                right[field] += ok
                if not ok:
                    misses[field].append(f"{truth['file']}: got {got!r} expected {exp!r}")
        # pairing: a document is right when its work holds exactly the files of its true work
        true_work = {t["file"]: t["work_id"] for t in rows}
        listed = set(pairing.read_manifest(corpus))
        for work in pairing.group(parsed_docs, pairing.read_manifest(corpus)):
            members = {m.source for m in work.members}
            for source in members:
                expected_members = {f for f, w in true_work.items() if w == true_work[source]}
                field = "pairing (manifest)" if source in listed else "pairing (detected)"
                total[field] += 1
                right[field] += members == expected_members
                if members != expected_members:
                    misses[field].append(f"{source}: grouped with {sorted(members - {source})} "
                                         f"expected {sorted(expected_members - {source})}")
    print(f"{len(rows)} documents, {len(rejected)} rejected by the parser")
    for line in rejected[: args.show]:
        print("   ", line)
    print("\n| field | correct | of |\n|---|---:|---:|")
    for field in total:
        print(f"| {field} | {right[field] / total[field]:.1%} | {total[field]} |")
    for field, lines in misses.items():
        print(f"\n{field}: {len(lines)} wrong")
        for line in lines[: args.show]:
            print("   ", line)


if __name__ == "__main__":
    main()
