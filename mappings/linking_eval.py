"""Scoring the entity linker against an annotated gold set (tests/gold/*.json).

The unit is what the graph states: (component, language, entity) — a component text either
names an entity (`dkg:mentions`) or it does not. Each gold component lists the entities it names
with one exact quote each; the quotes document the decision and are checked to occur in the text.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import URIRef

from .linking import ComponentText, annotate
from .vocab import DKG, ID
from .vocabulary import load_entries

GOLD_KINDS = ("object", "subject", "theoretical-basis", "methods", "task", "novelty", "provision")


@dataclass
class GoldComponent:
    document: str
    id: str
    kind: str
    lang: str
    text: str
    entities: set[str]                 # IRIs
    quotes: dict[str, str] = field(default_factory=dict)

    @property
    def node(self) -> URIRef:
        return URIRef(f"urn:gold:{self.document}/{self.id}")


def load_gold(directory: Path) -> list[GoldComponent]:
    out = []
    for path in sorted(directory.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for c in doc["components"]:
            ents = {str(ID) + m["entity"] for m in c["mentions"]}
            out.append(GoldComponent(doc["document"], c["id"], c["kind"], c["lang"], c["text"], ents,
                                     {str(ID) + m["entity"]: m["exact"] for m in c["mentions"]}))
    return out


def predict_linker(gold: list[GoldComponent]) -> dict[URIRef, set[str]]:
    """Run the real `annotate` interface per document and read back `dkg:mentions`."""
    by_doc: dict[str, list[GoldComponent]] = {}
    for g in gold:
        by_doc.setdefault(g.document, []).append(g)
    predicted: dict[URIRef, set[str]] = {}
    for doc, comps in by_doc.items():
        graph = rdflib.Graph()
        annotate(graph, [ComponentText(c.node, c.kind, c.lang, c.text) for c in comps],
                 work=URIRef(f"urn:gold:{doc}"), source=URIRef(f"urn:gold:{doc}#source"))
        for c in comps:
            predicted[c.node] = {str(o) for o in graph.objects(c.node, DKG.mentions)}
    return predicted


def predict_baseline(gold: list[GoldComponent]) -> dict[URIRef, set[str]]:
    """The naive reference: a case-insensitive exact match of the preferred label in the
    component's language, on word boundaries."""
    patterns = {lang: [] for lang in ("en", "ru", "kk")}
    for e in load_entries():
        for lang, label in e.pref.items():
            if lang in patterns:
                patterns[lang].append((re.compile(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)"), str(e.iri)))
    out = {}
    for c in gold:
        low = c.text.lower()
        out[c.node] = {iri for rx, iri in patterns.get(c.lang, []) if rx.search(low)}
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[GoldComponent], predicted: dict[URIRef, set[str]]) -> dict[str, dict[str, Score]]:
    """Scores by class, by language and overall (micro-averaged), restricted to gold kinds."""
    cls = {str(e.iri): e.cls for e in load_entries()}
    table: dict[str, dict[str, Score]] = {"class": {}, "lang": {}, "all": {"micro": Score()}}
    for c in gold:
        if c.kind not in GOLD_KINDS:
            continue
        pred = predicted.get(c.node, set())
        for iri in pred | c.entities:
            outcome = "tp" if iri in pred and iri in c.entities else "fp" if iri in pred else "fn"
            for group, key in (("class", cls.get(iri, "unknown")), ("lang", c.lang), ("all", "micro")):
                s = table[group].setdefault(key, Score())
                setattr(s, outcome, getattr(s, outcome) + 1)
    return table


def errors(gold: list[GoldComponent], predicted: dict[URIRef, set[str]]) -> list[str]:
    lines = []
    for c in gold:
        pred = predicted.get(c.node, set())
        for iri in sorted(pred - c.entities):
            lines.append(f"FP {c.document} {c.id} [{c.lang}] {iri.rsplit('/id/', 1)[-1]}")
        for iri in sorted(c.entities - pred):
            lines.append(f"FN {c.document} {c.id} [{c.lang}] {iri.rsplit('/id/', 1)[-1]} «{c.quotes.get(iri, '')}»")
    return lines


def markdown_table(linker: dict, baseline: dict) -> str:
    rows = ["| group | linker P | linker R | linker F1 | baseline P | baseline R | baseline F1 | gold |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for group, title in (("class", "class"), ("lang", "language"), ("all", "overall")):
        for key in sorted(linker[group]):
            a = linker[group][key]
            b = baseline[group].get(key, Score())
            rows.append(f"| {title}: {key} | {a.precision:.3f} | {a.recall:.3f} | {a.f1:.3f} | "
                        f"{b.precision:.3f} | {b.recall:.3f} | {b.f1:.3f} | {a.tp + a.fn} |")
    return "\n".join(rows)


def counts(gold: list[GoldComponent]) -> Counter:
    return Counter(c.lang for c in gold for _ in c.entities)
