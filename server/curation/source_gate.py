"""Which ontology problems stop a rebuild from replacing the served graph, and which only warn.

The policy (README.md, "Curators' loop"):

  blocks   syntax            a .ttl file in the ontology folder or its vocabularies does not parse
                             (a missing dkg.ttl counts): the build would fail or silently lose terms
           undeclared-term   a shape, vocabulary or mapper uses a dkg: term the ontology does not
                             declare: a renamed or deleted term, so the data would stop meaning
                             what the queries expect
  warns    everything else `dkg ontology check --no-reasoner` reports — missing labels or
           definitions (a Kazakh label, say), deprecated terms still in use, a class without a
           shape. The graph is still right; the curator sees them on /status and in the log.

Versioning (needs git history) and HermiT (needs Java, seconds) are left to `dkg ontology
check`, which curators run before committing; the gate must answer in well under a second.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dissertation_kg.server.curation.check import Problem, check_agreement, check_deprecated, check_report, default_mappings_dir, \
    load_sources

BLOCKING_CHECKS = frozenset({"syntax", "undeclared-term"})


@dataclass
class GateResult:
    blocking: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.blocking


def problem_line(p: Problem) -> str:
    """One log line: file:line, the check, the term, what is wrong and what to do."""
    where = f"{p.file}:{p.line}" if p.line else f"{p.file}"
    term = f" {p.term}:" if p.term else ""
    return f"{where}: [{p.check}]{term} {p.message} (hint: {p.hint})"


def problem_dict(p: Problem) -> dict:
    return {"check": p.check, "file": str(p.file), "line": p.line, "term": p.term, "message": p.message,
            "hint": p.hint, "text": problem_line(p)}


def plain_problem(check: str, file: Path | str, message: str, hint: str) -> dict:
    """A problem found outside the ontology checks (the build, the store), in the same shape."""
    return problem_dict(Problem(check, Path(file), None, "", message, hint))


def check_sources(ontology: Path, mappings_dir: Path | None | bool = True) -> GateResult:
    """Run the fast checks on an ontology folder and sort their problems into blocking and warnings."""
    if mappings_dir is True:
        mappings_dir = default_mappings_dir()
    sources, problems = load_sources(Path(ontology), mappings_dir or None)
    if sources.ontology is not None and sources.ontology.triples is not None:
        for check in (check_agreement, check_report, check_deprecated):
            problems += check(sources)
    result = GateResult()
    for p in sorted(set(problems), key=lambda p: (str(p.file), p.line or 0, p.check, p.term)):
        (result.blocking if p.check in BLOCKING_CHECKS else result.warnings).append(p)
    return result
