#!/usr/bin/env python3
"""Score the pipeline on the held-out corpus of abstracts as universities publish them (#10).

    python scripts/eval_published.py                 # table per format and per language
    python scripts/eval_published.py --show 5        # plus the first 5 mismatches per field
    python scripts/eval_published.py --json          # the same figures for machines
    python scripts/eval_published.py --corpus DIR    # another folder with an expected/ subfolder
    python scripts/eval_published.py --via-text      # .pdf/.docx exported to text first
    python scripts/eval_published.py --any-case      # entity quotes compared in the nominative too
    python scripts/eval_published.py --rewrap 68     # text files hard-wrapped with page furniture first

Every `expected/<file>.json` under the corpus names a document and what a reader takes from
it. Each document is mapped the way a user maps it, `dkg map FILE --format nquads` in a child
process, so whatever formats the command line accepts are exercised; a file it rejects counts
as not loaded, with its message. Everything is then read from the RDF it printed:

- kind from the work's rdf:type closed under rdfs:subClassOf of ontology/dkg.ttl
  (fabio:DoctoralThesis, fabio:MastersThesis, fabio:BachelorsThesis, fabio:JournalArticle),
  degree from bibo:degree, language from the abstract's dcterms:language, author from
  dcterms:creator/foaf:name, title from dcterms:title, specialty from
  fabio:hasDiscipline/skos:notation, total publications from the dkg:PublicationCount of kind
  dkg:TotalPublications, provisions/tasks/novelty points and their first words from
  dkg:hasProvision/hasTask/hasNoveltyPoint with dkg:ordinal and dkg:text. A field the model
  does not express (e.g. a master's degree) is simply wrong, never a crash; a value expected
  to be absent (null) is right only when nothing was emitted.
- entities: every mention's nif:anchorOf with the class of its itsrdf:taIdentRef (looked up in ontology/vocabularies/*.ttl), and every dkg:Candidate's written forms
  (dkg:writtenForm, the quotes as the text has them; its label, the nominative, where a graph
  has none) and dkg:suggestedClass,
  reduced to Theory / Method / Actor / Initiative. A prediction matches an
  expected entity when one quote contains the other (case, spacing, line-end hyphens and
  Markdown's backslash escapes aside) and the class agrees; precision, recall and F1 are micro-averaged over
  distinct (quote, class) pairs per document.
- gaps: a part the document lacks ("provisions", "title-page", "publications", …) is
  respected when the RDF does not invent it; a lacking relevance, object, subject or aim when the
  graph states it (`work dkg:lacks dkg:AimPart`).
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # run from a checkout without the package installed too
from dissertation_kg.mappings.font_letters import TO_KAZAKH  # noqa: E402
from dissertation_kg.mappings.vocabulary import CLASS_FILE  # noqa: E402

SCHEME_CLASSES = {"theories": "Theory", "methods": "Method", "actors": "Actor", "initiatives": "Initiative"}
DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "published"

DKG = Namespace("https://w3id.org/dissertation-kg/ontology#")
FABIO = Namespace("http://purl.org/spar/fabio/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SCHEMA = Namespace("http://schema.org/")
PRISM = Namespace("http://prismstandard.org/namespaces/basic/2.0/")

# most specific first: a master's thesis is no doctoral thesis, but both are fabio:Thesis
KINDS = [(FABIO.JournalArticle, "article"), (FABIO.MastersThesis, "masters-thesis"),
         (FABIO.BachelorsThesis, "bachelors-thesis"), (FABIO.DoctoralThesis, "dissertation")]
ENTITY_CLASSES = {DKG.Theory: "Theory", DKG.Method: "Method", DKG.Actor: "Actor",
                  DKG.Initiative: "Initiative"}
# parts without a property of their own: respected when the graph says the work lacks them
# (a part no work must have, so the graph states no lack of it: the work simply has no statement)
STATEMENT_GAPS = {"methods": DKG.hasMethodsStatement, "structure": DKG.hasStructureStatement}
STATED_GAPS = {"relevance": "RelevancePart", "object": "ObjectPart", "subject": "SubjectPart", "aim": "AimPart"}
ITEMS = {"provisions": DKG.hasProvision, "tasks": DKG.hasTask, "novelty": DKG.hasNoveltyPoint}
FIELDS = ["kind", "degree", "lang", "author", "title", "specialty_code", "provisions", "tasks",
          "novelty", "publications_total"]
KEYWORD_PROPS = [DCTERMS.subject, SCHEMA.keywords, FABIO.hasSubjectTerm, PRISM.keyword,
                 DKG.keyword]


# --- the ontology: class closure and the classes of vocabulary entries ------------------

class Ontology:
    def __init__(self, root: Path):
        self.graph = Graph()
        for path in [root / "ontology" / "dkg.ttl",
                     *sorted((root / "ontology" / "vocabularies").glob("*.ttl"))]:
            self.graph.parse(path, format="turtle")
        self._supers: dict[URIRef, set[URIRef]] = {}

    def superclasses(self, cls: URIRef) -> set[URIRef]:
        if cls not in self._supers:
            self._supers[cls] = set(self.graph.transitive_objects(cls, RDFS.subClassOf))
        return self._supers[cls]

    def closure(self, types) -> set[URIRef]:
        out: set[URIRef] = set()
        for t in types:
            out |= self.superclasses(t)
        return out

    def entity_class(self, entry: URIRef, extra: Graph | None = None) -> str | None:
        """Theory / Method / Actor / Initiative of a vocabulary entry (or of a class IRI)."""
        types = set(self.graph.objects(entry, RDF.type))
        if extra is not None:
            types |= set(extra.objects(entry, RDF.type))
        types.add(entry)
        for cls in self.closure(types):
            if cls in ENTITY_CLASSES:
                return ENTITY_CLASSES[cls]
        # a class outside the four (dkg:Region, the linker's class for places): the vocabulary
        # file its entries go to, as `dkg candidates accept` files them
        if str(entry).startswith(str(DKG)):
            scheme = CLASS_FILE.get(str(entry)[len(str(DKG)):])
            if scheme in SCHEME_CLASSES:
                return SCHEME_CLASSES[scheme]
        # an entry the vocabularies do not hold yet: its IRI says which scheme it belongs to
        for part, name in (("/theory/", "Theory"), ("/method/", "Method"), ("/actor/", "Actor"),
                           ("/initiative/", "Initiative")):
            if part in str(entry):
                return name
        return None


# --- mapping a document as a user does ---------------------------------------------------

def dkg_command() -> list[str]:
    local = Path(sys.executable).parent / "dkg"
    if local.exists():
        return [str(local)]
    return [sys.executable, "-m", "dissertation_kg.server.cli"]


def export_text(path: Path, tmp: Path) -> Path:
    """What a user without PDF/Word support would feed the pipeline: the PDF's text as
    pdftotext reads it, the Word document saved as plain text by LibreOffice (list numbers
    included, as Word's own "Plain Text" export does). Only for --via-text."""
    out = tmp / (path.stem + ".txt")
    if path.suffix == ".pdf":
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), str(out)], check=True,
                       capture_output=True, timeout=300)
    elif path.suffix == ".docx":
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            raise FileNotFoundError("soffice")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
                        "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir",
                        str(tmp), str(path)], check=True, capture_output=True, timeout=300)
    else:
        return path
    return out


# A text file as a PDF's text copied out of a viewer reads: its paragraphs written a line each wrapped
# at a width, a long word now and then hyphenated across the line end, and every PAGE_LINES lines a
# page number and a running header (the author's name in capitals, as autoreferats print it) between
# blank lines. A CSV record, a chat export, an e-mail or markup source is left out (a viewer never
# shows them so).
PAGE_LINES = 44


def rewrap(text: str, width: int, header: str, seed: str) -> str | None:
    """`text` as a PDF viewer's copy would give it, or None when it is no running prose."""
    import random
    import textwrap

    first = text.split("\n", 1)[0]
    if first.count(",") >= 5 or text.lstrip()[:1] in "<{[" or "\r" in text or "MIME-Version" in text:
        return None
    rnd = random.Random(seed)
    lines = []
    for line in text.split("\n"):
        if len(line) <= 100 or line[:1].isspace() or line.lstrip().startswith(("|", "#", "```")):
            lines.append(line)
            continue
        wrapped = textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False)
        for i in range(len(wrapped) - 1):
            head, _, rest = wrapped[i + 1].partition(" ")
            if len(head) >= 8 and head.isalpha() and rnd.random() < 0.35:
                cut = rnd.randint(3, len(head) - 3)
                wrapped[i] += f" {head[:cut]}-"
                wrapped[i + 1] = head[cut:] + (f" {rest}" if rest else "")
        lines += wrapped
    out = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % PAGE_LINES == 0:
            out += ["", str(i // PAGE_LINES + 1), "", header.upper(), ""]
    return "\n".join(out)


IN_PROCESS = False


def map_file(path: Path, via_text: bool = False) -> tuple[Dataset | None, str]:
    if not path.is_file():
        return None, f"{path.name}: the file is missing"
    if IN_PROCESS and not via_text:
        return _map_in_process(path)
    if via_text and path.suffix in (".pdf", ".docx"):
        with tempfile.TemporaryDirectory(prefix="dkg-eval-") as tmp:
            try:
                text = export_text(path, Path(tmp))
            except (OSError, subprocess.SubprocessError) as exc:
                return None, (f"{path.name}: could not export it to text ({exc}); install "
                              "poppler-utils (pdftotext) and LibreOffice, or drop --via-text")
            return map_file(text)
    try:
        proc = subprocess.run([*dkg_command(), "map", str(path), "--format", "nquads"],
                              capture_output=True, text=True, timeout=600, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None, f"{path.name}: `dkg map` did not finish in 10 minutes"
    message = " ".join(proc.stderr.split())[-400:]
    if proc.returncode != 0 or not proc.stdout.strip():
        return None, message or f"exit status {proc.returncode}, no output"
    data = Dataset()
    try:
        data.parse(data=proc.stdout, format="nquads")
    except Exception as exc:  # noqa: BLE001 - any parse failure means nothing usable came out
        return None, f"{path.name}: the N-Quads printed by `dkg map` do not parse: {exc}"
    return data, message


def _map_in_process(path: Path) -> tuple[Dataset | None, str]:
    """What `dkg map FILE --format nquads` prints, mapped in this process: the vocabularies are
    compiled once for the corpus instead of once per document (a corpus in minutes, not tens)."""
    import contextlib
    import io

    from dissertation_kg.mappings import linking
    from dissertation_kg.mappings.errors import MappingError
    from dissertation_kg.mappings.vocab import CANDIDATES_GRAPH
    from dissertation_kg.server.cli.build import _map_files

    try:
        with contextlib.redirect_stderr(io.StringIO()):
            mapped, rejected, _ = _map_files((path,))
    except MappingError as exc:
        return None, str(exc)
    if not mapped:
        return None, " ".join(p for r in rejected for p in r.problems)[-400:] or "rejected"
    data = Dataset()
    for doc in mapped:
        named = data.graph(doc.graph_iri)
        for triple in doc.graph:
            named.add(triple)
    queue = data.graph(URIRef(str(CANDIDATES_GRAPH)))
    for triple in linking.candidates_graph([c for doc in mapped for c in doc.candidates]):
        queue.add(triple)
    return data, ""


# --- reading the RDF -----------------------------------------------------------------------

def _norm(text) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    # a key quotes a broken font's stand-in («Ҽсел») as printed; the mappers put the letter back
    # («Әсел», mappings/font_letters.py): the same letter either way
    text = text.translate(TO_KAZAKH)
    # a Markdown backslash escape is the character it escapes («Г\. Керцнер» as a converter writes it)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    text = re.sub(r"(?<=\w)-\s+(?=\w)", "", text)        # a word broken at a line end
    text = re.sub(r"[«»“”„\"'‘’`*]", "", text)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return " ".join(text.split()).casefold().strip(" .;:,")


def _name_tokens(name) -> list[str]:
    """A name's parts in any order: "Temirkhanova A.B." and "A. B. Temirkhanova" agree."""
    return sorted(t for t in re.split(r"[\s.]+", _norm(name)) if t)


def _same_name(a, b) -> bool:
    """One person's name as two printings give it: in any order, and a given name printed in full
    on one and as its initial on the other (an SSRN cover's "Aizhan B. Seitkali", the byline's
    "A.B. Seitkali"). The surname is spelled out in both."""
    x, y = _name_tokens(a), _name_tokens(b)
    if x == y:
        return True
    for surname in set(x) & set(y):
        if len(surname) < 2:
            continue
        rest_x, rest_y = list(x), list(y)
        rest_x.remove(surname)
        rest_y.remove(surname)
        if rest_x and len(rest_x) == len(rest_y) and _initials_agree(rest_x, rest_y):
            return True
    return False


def _initials_agree(xs: list[str], ys: list[str]) -> bool:
    """Each given name of one printing is the other's or its initial ("zh" of "zhanna")."""
    ys = list(ys)
    for x in xs:
        y = next((y for y in ys if y.startswith(x) or x.startswith(y)), None)
        if y is None:
            return False
        ys.remove(y)
    return True


def _words(text: str, n: int = 3) -> list[str]:
    out = []
    for word in str(text).translate(TO_KAZAKH).split():
        word = re.sub(r"^\W+|\W+$", "", word.casefold())
        if word:
            out.append(word)
        if len(out) == n:
            break
    return out


def _ordinal(graph: Graph, node) -> int:
    value = graph.value(node, DKG.ordinal)
    try:
        return int(value)
    except (TypeError, ValueError):
        return 10 ** 6


class Mapped:
    """What one document's RDF says, in the terms of the expected files."""

    def __init__(self, data: Dataset, file_name: str, onto: Ontology):
        graph = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            graph.add((s, p, o))
        self.g = graph
        abstracts = [s for s, _, _ in graph.triples((None, RDF.type, DKG.Abstract))]
        works = {w for a in abstracts for w in graph.subjects(DKG.hasAbstract, a)}
        works |= {w for a in abstracts for w in graph.objects(a, DKG.abstractOf)}
        if not works:
            works = {s for s, _, o in graph.triples((None, RDF.type, None))
                     if o in (DKG.Dissertation, DKG.JournalArticle, DKG.ScholarlyWork)}
        self.work = sorted(works)[0] if works else None
        self.abstract = abstracts[0] if abstracts else None
        w = self.work
        types = onto.closure(graph.objects(w, RDF.type)) if w is not None else set()
        self.kind = next((name for cls, name in KINDS if cls in types), None)
        self.degree = _degree(graph.value(w, BIBO.degree)) if w is not None else None
        lang = graph.value(self.abstract, DCTERMS.language) if self.abstract is not None else None
        self.lang = str(lang).rstrip("/").rsplit("/", 1)[-1] if lang is not None else None
        self.creators = [str(graph.value(c, FOAF.name) or c)
                         for c in graph.objects(w, DCTERMS.creator)] if w is not None else []
        self.titles = [str(t) for t in graph.objects(w, DCTERMS.title)] if w is not None else []
        codes = [graph.value(s, SKOS.notation) for s in graph.objects(w, FABIO.hasDiscipline)] \
            if w is not None else []
        self.specialty_code = next((str(c) for c in codes if c is not None), None)
        self.publications_total = None
        self.any_publication_count = False
        for count in (graph.objects(w, DKG.hasPublicationCount) if w is not None else []):
            self.any_publication_count = True
            if graph.value(count, DKG.publicationKind) == DKG.TotalPublications:
                value = graph.value(count, DKG["count"])  # DKG.count is str.count
                self.publications_total = int(value) if value is not None else None
        self.items: dict[str, list[str]] = {}
        for key, prop in ITEMS.items():
            nodes = sorted(set(graph.objects(w, prop)) if w is not None else set(),
                           key=lambda n: _ordinal(graph, n))
            self.items[key] = [_text_in(graph, n, self.lang) for n in nodes]
        self.keywords = sorted({_norm(k) for prop in KEYWORD_PROPS
                                for k in (graph.objects(w, prop) if w is not None else [])
                                if isinstance(k, Literal)})
        self.has_approbation = w is not None and graph.value(w, DKG.hasApprobation) is not None
        self.statements = set(graph.predicates(w, None)) if w is not None else set()
        # the parts the graph states the work lacks (`work dkg:lacks dkg:AimPart`, mappings/gaps.py)
        self.lacks = {str(part).rsplit("#", 1)[-1] for part in graph.objects(w, DKG.lacks)} if w is not None else set()
        self.entities = _entities(graph, onto, file_name, self.work)


def _degree(iri) -> str | None:
    if iri is None:
        return None
    local = re.split(r"[/#]", str(iri).rstrip("/"))[-1].casefold()
    for key, name in (("candidate", "candidate"), ("phd", "phd"), ("dphil", "phd"),
                      ("doctor", "doctor"), ("dsc", "doctor"), ("master", "master"),
                      ("ms", "master"), ("ma", "master"), ("bachelor", "bachelor"),
                      ("bs", "bachelor"), ("ba", "bachelor")):
        if local == key or local.startswith(key):
            return name
    return local


def _text_in(graph: Graph, node, lang: str | None) -> str:
    texts = list(graph.objects(node, DKG.text))
    for t in texts:
        if getattr(t, "language", None) == lang:
            return str(t)
    return str(texts[0]) if texts else ""


def _entities(graph: Graph, onto: Ontology, file_name: str, work) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for mention in graph.subjects(RDF.type, NIF.Phrase):
        cls = None
        for entity in graph.objects(mention, ITSRDF.taIdentRef):
            cls = cls or onto.entity_class(entity, graph)
        for quote in graph.objects(mention, NIF.anchorOf):
            found.add((str(quote), cls or "?"))
    for cand in graph.subjects(RDF.type, DKG.Candidate):
        places = set(graph.objects(cand, DKG.occursIn))
        if places and work is not None and work not in places:
            continue
        label = graph.value(cand, RDFS.label)
        suggested = graph.value(cand, DKG.suggestedClass)
        cls = onto.entity_class(suggested) if suggested is not None else None
        # the quotes are the written forms (the label is the name in the nominative, which the
        # text may not contain); a graph without them is scored on the label
        for name in list(graph.objects(cand, DKG.writtenForm)) or [label]:
            if name is not None:
                found.add((str(name), cls or "?"))
    return found


# --- scoring ------------------------------------------------------------------------------

def score_fields(m: Mapped, exp: dict) -> dict[str, tuple[bool, object, object]]:
    out: dict[str, tuple[bool, object, object]] = {}
    out["kind"] = (m.kind == exp["kind"], m.kind, exp["kind"])
    out["degree"] = (m.degree == exp["degree"], m.degree, exp["degree"])
    out["lang"] = (m.lang == exp["lang"], m.lang, exp["lang"])
    want = exp.get("author")
    if want is None:
        out["author"] = (not m.creators, m.creators or None, None)
    else:
        ok = any(_same_name(c, want) for c in m.creators)
        out["author"] = (ok, m.creators or None, want)
    want = exp.get("title")
    if want is None:
        out["title"] = (not m.titles, m.titles or None, None)
    else:
        out["title"] = (any(_norm(t) == _norm(want) for t in m.titles), m.titles or None, want)
    want = exp.get("specialty_code")
    out["specialty_code"] = ((m.specialty_code or None) == want, m.specialty_code, want)
    for key in ("provisions", "tasks", "novelty"):
        got, want = len(m.items[key]), exp["counts"][key]
        out[key] = (got == want, got, want)
    want = exp.get("publications_total")
    out["publications_total"] = (m.publications_total == want, m.publications_total, want)
    if exp.get("keywords"):
        want = sorted(_norm(k) for k in exp["keywords"])
        out["keywords"] = (m.keywords == want, m.keywords or None, want)
    if exp.get("authors"):
        # each author once, in any order: every name the key gives has one printing among the creators
        unmatched = list(m.creators)
        for want_name in exp["authors"]:
            hit = next((c for c in unmatched if _same_name(c, want_name)), None)
            if hit is None:
                break
            unmatched.remove(hit)
        same = hit is not None and not unmatched
        out["authors"] = (same, m.creators or None, exp["authors"])
    return out


def score_first_words(m: Mapped, exp: dict) -> list[tuple[bool, str, object, object]]:
    out = []
    for key in ("provisions", "tasks", "novelty"):
        for i, want in enumerate(exp["first_words"][key]):
            got = m.items[key][i] if i < len(m.items[key]) else None
            got_words = _words(got) if got is not None else None
            # a key's "first three words" may hold a sign that is no word ("At 30 %"): the words it
            # does hold are compared, as many as there are
            want_words = _words(want)
            right = got_words is not None and bool(want_words) and got_words[:len(want_words)] == want_words
            out.append((right, f"{key}[{i + 1}]",
                        " ".join(got_words) if got_words is not None else None, want))
    return out


def _overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a in b or b in a or _cid_in(a, b) or _cid_in(b, a))


_CID = re.compile(r"\(cid:\d+\)")


def _cid_in(quote: str, other: str) -> bool:
    """A key quotes pdfminer's stand-in for a ligature as printed ("adaptive (cid:3)ltering"); the
    mappers put its letters back ("adaptive filtering"): the same letters either way."""
    parts = _CID.split(quote)
    if len(parts) == 1 or len(parts) > 5:
        return False
    for letters in itertools.product(("fi", "fl", "ff", "ffi", "ffl"), repeat=len(parts) - 1):
        spelled = parts[0] + "".join(a + b for a, b in zip(letters, parts[1:]))
        if spelled in other or other in spelled:
            return True
    return False


# --any-case: Russian and Kazakh names inflect, and candidates are listed in the nominative
# («Государственная техническая служба» for «Государственной технической службе»), so quotes are
# also compared in the nominative, put there by the function that names candidates.
ANY_CASE = False


def _forms(text: str, lang: str) -> list[str]:
    forms = [_norm(text)]
    if ANY_CASE and lang in ("ru", "kk"):
        from dissertation_kg.mappings.linking import candidate_name
        forms.append(_norm(candidate_name(text, lang)))
    return forms


def score_entities(m: Mapped, exp: dict):
    expected = {(_norm(e["text"]), e["class"]): e for e in exp["entities"]}
    predicted = {(_norm(q), c): (q, c) for q, c in m.entities}
    lang = exp.get("lang")
    e_forms = {e: _forms(expected[e]["text"], lang) for e in expected}
    p_forms = {p: _forms(predicted[p][0], lang) for p in predicted}

    def match(p, e) -> bool:
        return p[1] == e[1] and any(_overlaps(a, b) for a in p_forms[p] for b in e_forms[e])

    tp_pred = [p for p in predicted if any(match(p, e) for e in expected)]
    found = [e for e in expected if any(match(p, e) for p in predicted)]
    false_pos = [f"{predicted[p][0]!r} as {p[1]}" for p in predicted if p not in tp_pred]
    missed = [f"{expected[e]['text']!r} ({e[1]})" for e in expected if e not in found]
    return len(tp_pred), len(predicted), len(found), len(expected), false_pos, missed


def score_gaps(m: Mapped, exp: dict) -> list[tuple[bool, str]]:
    out = []
    for gap in exp.get("gaps", []):
        if gap in ITEMS:
            ok = not m.items[gap]
        elif gap == "title-page":
            # (a programme code the document states outside a title page, in the heading over its
            # abstract, is read, not invented: the key records it)
            ok = not m.titles and not m.creators and m.specialty_code in (None, exp.get("specialty_code"))
        elif gap == "publications":
            ok = not m.any_publication_count
        elif gap == "approbation":
            ok = not m.has_approbation
        elif gap in STATEMENT_GAPS:
            ok = STATEMENT_GAPS[gap] not in m.statements
        elif gap in STATED_GAPS:
            ok = STATED_GAPS[gap] in m.lacks
        else:
            ok = False
        out.append((ok, gap))
    return out


# --- the report ---------------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.docs = self.loaded = 0
        self.field_right = collections.Counter()
        self.field_total = collections.Counter()
        self.words_right = self.words_total = 0
        self.tp_pred = self.pred = self.found = self.gold = 0
        self.gaps_right = self.gaps_total = 0

    def add(self, result: dict) -> None:
        self.docs += 1
        if not result["loaded"]:
            # a document that did not load gets every field and entity wrong
            for f in FIELDS:
                self.field_total[f] += 1
            self.words_total += result["words_total"]
            self.gold += result["gold"]
            self.gaps_total += len(result["gaps"])
            return
        self.loaded += 1
        for f, (ok, _, _) in result["fields"].items():
            self.field_total[f] += 1
            self.field_right[f] += ok
        self.words_right += sum(ok for ok, *_ in result["first_words"])
        self.words_total += len(result["first_words"])
        self.tp_pred += result["tp_pred"]
        self.pred += result["pred"]
        self.found += result["found"]
        self.gold += result["gold"]
        self.gaps_right += sum(ok for ok, _ in result["gaps"])
        self.gaps_total += len(result["gaps"])

    def summary(self) -> dict:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        right = sum(self.field_right[f] for f in FIELDS)
        total = sum(self.field_total[f] for f in FIELDS)
        return {
            "documents": self.docs, "loaded": self.loaded,
            "fields_right": round(right / total, 3) if total else None,
            "per_field": {f: round(self.field_right[f] / self.field_total[f], 3)
                          for f in self.field_total if self.field_total[f]},
            "first_words_right": round(self.words_right / self.words_total, 3)
            if self.words_total else None,
            "entity_precision": round(p, 3), "entity_recall": round(r, 3),
            "entity_f1": round(f1, 3), "entity_predicted": self.pred,
            "entity_expected": self.gold,
            "gaps_respected": f"{self.gaps_right}/{self.gaps_total}",
        }


def evaluate(corpus: Path, onto: Ontology, via_text: bool = False, rewrap_width: int = 0) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="dkg-rewrap-") as tmp:
        for exp_path in sorted((corpus / "expected").glob("*.json")):
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
            path = corpus / exp["file"]
            if rewrap_width and path.suffix == ".txt" and path.is_file():
                try:
                    wrapped = rewrap(path.read_text(encoding="utf-8"), rewrap_width, exp.get("author") or "ABSTRACT",
                                     path.name)
                except UnicodeDecodeError:
                    wrapped = None
                if wrapped is None:
                    continue    # (no running prose to rewrap: left out of the figures)
                path = Path(tmp) / path.name
                path.write_text(wrapped, encoding="utf-8")
            elif rewrap_width:
                continue
            results.append(_evaluated(exp, path, onto, via_text))
    return results


def _evaluated(exp: dict, path: Path, onto: Ontology, via_text: bool) -> dict:
    data, message = map_file(path, via_text)
    result = {"file": exp["file"], "format": exp["format"], "lang": exp["lang"],
              "expected_loads": exp.get("loads", True), "loaded": data is not None,
              "message": message, "gold": len(exp["entities"]),
              "words_total": sum(len(v) for v in exp["first_words"].values()),
              "gaps": [(False, g) for g in exp.get("gaps", [])]}
    if data is not None:
        m = Mapped(data, exp["file"], onto)
        tp_pred, pred, found, gold, false_pos, missed = score_entities(m, exp)
        result.update(fields=score_fields(m, exp), first_words=score_first_words(m, exp),
                      tp_pred=tp_pred, pred=pred, found=found, gold=gold,
                      false_positives=false_pos, missed=missed, gaps=score_gaps(m, exp))
    print(f"  {exp['file']}: {'mapped' if data is not None else 'NOT LOADED'}", file=sys.stderr)
    return result


def _group(results, key) -> dict[str, Tally]:
    groups: dict[str, Tally] = collections.defaultdict(Tally)
    for r in results:
        groups[r[key]].add(r)
        if key == "format":   # the overall row, printed once
            groups["all"].add(r)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])))


def _fmt(x) -> str:
    return "—" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


def print_table(by_format: dict[str, Tally], by_lang: dict[str, Tally], results, show: int):
    header = ("| group | docs | loaded | fields right | first words right | entity P | "
              "entity R | entity F1 | gaps respected |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(header)
    for title, groups in (("format", by_format), ("language", by_lang)):
        for name, tally in groups.items():
            s = tally.summary()
            label = name if name == "all" else f"{title}: {name}"
            print(f"| {label} | {s['documents']} | {s['loaded']} | {_fmt(s['fields_right'])} | "
                  f"{_fmt(s['first_words_right'])} | {_fmt(s['entity_precision'])} | "
                  f"{_fmt(s['entity_recall'])} | {_fmt(s['entity_f1'])} | "
                  f"{s['gaps_respected']} |")
    overall = by_format["all"].summary()["per_field"]
    extra = sorted({f for r in results if r["loaded"] for f in r["fields"]} - set(FIELDS))
    print("\n| field (all documents; not loaded = wrong) | share correct |\n|---|---:|")
    for f in FIELDS + extra:
        if f in overall:
            print(f"| {f} | {overall[f]:.3f} |")
    print("\n| document | loaded | fields right | first words right | entities found | "
          "predictions right |\n|---|---|---:|---:|---:|---:|")
    for r in results:
        if not r["loaded"]:
            print(f"| {r['file']} | no | 0/{len(FIELDS)} | 0/{r['words_total']} | 0/{r['gold']} "
                  f"| — |")
            continue
        right = sum(r["fields"][f][0] for f in FIELDS)
        words = sum(ok for ok, *_ in r["first_words"])
        print(f"| {r['file']} | yes | {right}/{len(FIELDS)} | {words}/{len(r['first_words'])} "
              f"| {r['found']}/{r['gold']} | {r['tp_pred']}/{r['pred']} |")
    not_loaded = [r for r in results if not r["loaded"]]
    if not_loaded:
        print(f"\nNot loaded ({len(not_loaded)}):")
        for r in not_loaded:
            note = " (expected: its expected file says loads=false)" if not r["expected_loads"] else ""
            print(f"    {r['file']}{note}: {r['message']}")
    if show:
        misses: dict[str, list[str]] = collections.defaultdict(list)
        for r in results:
            if not r["loaded"]:
                continue
            for f, (ok, got, want) in r["fields"].items():
                if not ok:
                    misses[f].append(f"{r['file']}: got {got!r} expected {want!r}")
            for ok, where, got, want in r["first_words"]:
                if not ok:
                    misses["first words"].append(f"{r['file']} {where}: got {got!r} "
                                                 f"expected {want!r}")
            # (sorted: the predictions come from a set, and two runs' lists should differ only where
            # the mappers do)
            for fp in sorted(r["false_positives"]):
                misses["entity false positives"].append(f"{r['file']}: {fp}")
            for miss in r["missed"]:
                misses["entities missed"].append(f"{r['file']}: {miss}")
            for ok, gap in r["gaps"]:
                if not ok:
                    misses["gaps"].append(f"{r['file']}: the RDF fills the missing {gap}")
        for f, lines in misses.items():
            print(f"\n{f}: {len(lines)} wrong")
            for line in lines[:show]:
                print("   ", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder holding the documents and expected/*.json")
    parser.add_argument("--show", type=int, default=0, help="mismatches to print per field")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--via-text", action="store_true",
                        help="map .pdf/.docx through a plain-text export (pdftotext, LibreOffice) "
                             "to score the mappers apart from file-format support")
    parser.add_argument("--rewrap", type=int, default=0, metavar="WIDTH",
                        help="score only the .txt documents of running prose, each with its long lines "
                             "hard-wrapped at WIDTH, line-end hyphens, page numbers and a running header "
                             "added first, as text copied out of a PDF viewer reads")
    parser.add_argument("--any-case", action="store_true",
                        help="compare Russian and Kazakh entity quotes in the nominative too")
    parser.add_argument("--in-process", action="store_true",
                        help="map in this process instead of one `dkg map` per document (the same "
                             "graphs; the vocabularies compiled once)")
    args = parser.parse_args()
    global ANY_CASE, IN_PROCESS
    ANY_CASE, IN_PROCESS = args.any_case, args.in_process
    if not (args.corpus / "expected").is_dir():
        print(f"{args.corpus / 'expected'} is missing: point --corpus at a folder with the "
              "documents and an expected/ subfolder of <file>.json", file=sys.stderr)
        return 2
    onto = Ontology(ROOT)
    results = evaluate(args.corpus, onto, args.via_text, args.rewrap)
    if not results:
        print(f"no expected/*.json under {args.corpus}", file=sys.stderr)
        return 2
    by_format, by_lang = _group(results, "format"), _group(results, "lang")
    if args.json:
        json.dump({"by_format": {k: t.summary() for k, t in by_format.items()},
                   "by_language": {k: t.summary() for k, t in by_lang.items()},
                   "documents": [_jsonable(r) for r in results]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(by_format, by_lang, results, args.show)
    return 0


def _jsonable(r: dict) -> dict:
    out = {k: v for k, v in r.items() if k not in ("fields", "first_words", "gaps")}
    if "fields" in r:
        out["fields"] = {f: {"right": ok, "got": got, "expected": want}
                         for f, (ok, got, want) in r["fields"].items()}
        out["first_words"] = [{"right": ok, "item": where, "got": got, "expected": want}
                              for ok, where, got, want in r["first_words"]]
    out["gaps"] = [{"gap": g, "respected": ok} for ok, g in r["gaps"]]
    return out


if __name__ == "__main__":
    sys.exit(main())
