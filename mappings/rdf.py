"""ParsedAbstract + the work it belongs to → the RDF of one document (one named graph)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import importlib.util

from rdflib import Graph, Literal, URIRef

from . import MAPPER_VERSION
from . import consensus, degrees, gaps, ntriples, relink
from . import vocab as v
from .abstract import ParsedAbstract
from .vocab import BIBO, DCTERMS, DKG, FABIO, FOAF, PROV, RDF, SKOS, XSD

# section kind → (class, property from the work, IRI segment)
COMPONENTS = {
    "relevance": (DKG.Relevance, DKG.hasRelevance, "relevance"),
    "object": (DKG.ResearchObject, DKG.hasResearchObject, "object"),
    "subject": (DKG.ResearchSubject, DKG.hasResearchSubject, "subject"),
    "aim": (DKG.ResearchAim, DKG.hasAim, "aim"),
    "hypothesis": (DKG.Hypothesis, DKG.hasHypothesis, "hypothesis"),
    "theoretical-basis": (DKG.TheoreticalBasis, DKG.hasTheoreticalBasis, "theoretical-basis"),
    "methods": (DKG.MethodsStatement, DKG.hasMethodsStatement, "methods"),
    "significance": (DKG.Significance, DKG.hasSignificance, "significance"),
    "approbation": (DKG.Approbation, DKG.hasApprobation, "approbation"),
    "structure": (DKG.StructureStatement, DKG.hasStructureStatement, "structure"),
    # how many works and where (the committee's journals, Scopus): the works themselves are
    # dkg:Publication; the statement keeps the prose around the list, which names bodies
    "publications": (DKG.PublicationsStatement, DKG.hasPublicationsStatement, "publications-statement"),
    # The parts an autoreferat or an article adds: kept so that nothing a reader can use is lost
    # (a history abstract's sources and chronological scope hold most of its places and people).
    "development": (DKG.StateOfResearch, DKG.hasStateOfResearch, "state-of-research"),
    "general": (DKG.GeneralDescription, DKG.hasGeneralDescription, "general-description"),
    "sources": (DKG.SourceBase, DKG.hasSourceBase, "sources"),
    "chronology": (DKG.ResearchScope, DKG.hasResearchScope, "scope"),
    "priority": (DKG.PriorityAlignment, DKG.hasPriorityAlignment, "priority"),
    "reliability": (DKG.ReliabilityStatement, DKG.hasReliabilityStatement, "reliability"),
    "contribution": (DKG.AuthorContribution, DKG.hasAuthorContribution, "author-contribution"),
    "content": (DKG.ContentSummary, DKG.hasContentSummary, "content"),
    "findings": (DKG.MainResults, DKG.hasMainResults, "main-results"),
    "completeness": (DKG.CompletenessAssessment, DKG.hasCompletenessAssessment, "completeness"),
    "justification": (DKG.NoveltyJustification, DKG.hasNoveltyJustification, "novelty-justification"),
    "introduction": (DKG.Introduction, DKG.hasIntroduction, "introduction"),
    "research": (DKG.ResultsAndDiscussion, DKG.hasResultsAndDiscussion, "results"),
    "conclusion": (DKG.Conclusion, DKG.hasConclusion, "conclusion"),
}
ITEMS = {
    "tasks": (DKG.ResearchTask, DKG.hasTask, "task"),
    "novelty": (DKG.NoveltyPoint, DKG.hasNoveltyPoint, "novelty"),
    "provisions": (DKG.Provision, DKG.hasProvision, "provision"),
}
PUBLICATION_KINDS = {
    "Total": DKG.TotalPublications, "Scopus": DKG.ScopusPublications,
    "WebOfScience": DKG.WebOfSciencePublications, "CommitteeJournal": DKG.CommitteeJournalPublications,
    "InternationalJournal": DKG.InternationalJournalPublications,
    "DomesticJournal": DKG.DomesticJournalPublications, "Conference": DKG.ConferencePublications,
    "Monographs": DKG.Monographs,
}
LINKED_KIND = {"tasks": "task", "novelty": "novelty", "provisions": "provision"}
LIST_INTRODUCTIONS = {"tasks": DKG.TasksIntroduction, "novelty": DKG.NoveltyIntroduction,
                      "provisions": DKG.ProvisionsIntroduction}
# kind of work (abstract.KINDS, most weighty first) → its class
WORK_CLASS = {"dissertation": DKG.Dissertation, "masters-thesis": DKG.MastersThesis,
              "bachelors-thesis": DKG.BachelorsThesis, "article": DKG.JournalArticle}
# The degrees each kind of work can be submitted for.
KIND_DEGREES = {"dissertation": degrees.DOCTORAL, "masters-thesis": degrees.MASTERS,
                "bachelors-thesis": frozenset({"bachelor"}), "article": frozenset()}
_ORG_WORDS = ("universit", "университет", "institut", "институт", "academ", "академи", "college", "колледж")


@dataclass
class WorkContext:
    """What a document needs to know about its work: decided once for all its translations."""
    id: str
    kind: str                      # one of abstract.KINDS
    author_iri: URIRef | None = None
    author_iris: tuple[URIRef, ...] = ()   # every author in order, from the first translation listing them
    degree: str | None = None      # degrees.py's name of the degree, the same in every translation
    gaps: tuple[str, ...] = ()     # gaps.PARTS that no translation gives
    institution_iri: URIRef | None = None
    institution_name: Literal | None = None   # as the first translation that names it says it
    department_iri: URIRef | None = None
    # Decided once for every translation (see consensus): what the merge may hold only once.
    specialty_code: str | None = None
    specialty_labels: dict[str, str] = field(default_factory=dict)   # language → preferred label
    publications: dict[int, object] = field(default_factory=dict)    # ordinal → metadata.Publication
    publication_counts: dict[str, int] = field(default_factory=dict)
    languages: tuple[str, ...] = ()   # of the work's documents

    @property
    def iri(self) -> URIRef:
        return v.work(self.id)


@dataclass
class MappedDocument:
    source: str
    graph_iri: URIRef
    statements: ntriples.Document
    work_id: str
    candidates: list = field(default_factory=list)
    # What the linker may match in the texts (relink.word_filter): which vocabulary edits can
    # change this document. Empty when it was not linked.
    words: bytes = b""
    _graph: Graph | None = field(default=None, repr=False)

    def nquads(self) -> bytes:
        """The document's statements in its own named graph, as N-Quads (what the build loads)."""
        return self.statements.nquads(str(self.graph_iri))

    @property
    def graph(self) -> Graph:
        """The statements as an rdflib graph (made on first use; the build never needs it)."""
        if self._graph is None:
            self._graph = self.statements.graph()
            for prefix, ns in v.PREFIXES.items():
                self._graph.bind(prefix, ns)
        return self._graph


def work_context(work_id: str, members: list[ParsedAbstract],
                 specialty_labels: dict[tuple[str, str], str] | None = None) -> WorkContext:
    """Shared IRIs come from the first member (by language en, ru, kk) that states them.
    `specialty_labels` is `consensus.specialty_labels` over the whole corpus (without it, over
    this work's members alone)."""
    order = sorted(members, key=lambda m: ("en", "ru", "kk").index(m.lang))
    kinds = list(WORK_CLASS)
    kind = min((m.kind for m in members), key=kinds.index, default="article")
    ctx = WorkContext(work_id, kind, gaps=tuple(gaps.missing(kind, members)), languages=tuple(m.lang for m in order))
    ctx.specialty_code = consensus.specialty_code(members)
    labels = specialty_labels if specialty_labels is not None else consensus.specialty_labels([members])
    ctx.specialty_labels = {lang: name for (code, lang), name in sorted(labels.items()) if code == ctx.specialty_code}
    ctx.publications = consensus.publications(members)
    ctx.publication_counts = consensus.publication_counts(members)
    ctx.degree = next((m.meta.degree for m in order if m.meta.degree in KIND_DEGREES[kind]), None)
    for m in order:
        if m.meta.authors and not ctx.author_iris:
            ctx.author_iris = tuple(v.person(a.name) for a in m.meta.authors)
        if m.meta.author and ctx.author_iri is None:
            ctx.author_iri = v.person(m.meta.author)
        if m.meta.institution and ctx.institution_iri is None:
            ctx.institution_iri = v.organization(m.meta.institution)
            ctx.institution_name = Literal(m.meta.institution, lang=m.lang)
        if m.meta.department and ctx.department_iri is None:
            ctx.department_iri = v.organization((m.meta.institution or "") + " " + m.meta.department)
    return ctx


def to_graph(doc: ParsedAbstract, ctx: WorkContext, *, ontology_version: str,
             generated_at: dt.datetime | None = None, link: bool = True) -> MappedDocument:
    g = ntriples.Document()
    lang = doc.lang
    work = ctx.iri
    abstract = URIRef(f"{work}/abstract/{lang}")
    source = v.source(doc.source)
    graph_iri = v.document_graph(doc.source)

    g.add((work, RDF.type, WORK_CLASS[ctx.kind]))
    g.add((work, DKG.hasAbstract, abstract))
    g.add((abstract, RDF.type, DKG.Abstract))
    g.add((abstract, DKG.abstractOf, work))
    g.add((abstract, DCTERMS.language, v.LANGUAGE[lang]))
    g.add((abstract, DKG.sourceDocument, source))
    g.add((abstract, PROV.wasDerivedFrom, source))

    meta = doc.meta
    if meta.title:
        g.add((work, DCTERMS.title, Literal(meta.title, lang=lang)))
    _authors(g, work, meta, ctx, lang)
    if meta.specialty_code and ctx.specialty_code:
        sp = v.specialty(ctx.specialty_code)
        g.add((work, FABIO.hasDiscipline, sp))
        g.add((sp, RDF.type, DKG.Specialty))
        g.add((sp, SKOS.notation, Literal(ctx.specialty_code)))
        if meta.specialty_name and meta.specialty_code == ctx.specialty_code:
            preferred = ctx.specialty_labels.get(lang, meta.specialty_name)
            label = SKOS.prefLabel if meta.specialty_name == preferred else SKOS.altLabel
            g.add((sp, label, Literal(meta.specialty_name, lang=lang)))
    if ctx.degree:
        g.add((work, BIBO.degree, v.DEGREES[ctx.degree]))
    for word in meta.keywords.get(lang, []):
        g.add((work, DCTERMS.subject, Literal(word, lang=lang)))
    for part in ctx.gaps:
        g.add((work, DKG.lacks, DKG[gaps.PARTS[part]]))
    if meta.institution and ctx.institution_iri is not None:
        g.add((work, DKG.institution, ctx.institution_iri))
        g.add((ctx.institution_iri, RDF.type, DKG.University))
        g.add((ctx.institution_iri, FOAF.name, Literal(meta.institution, lang=lang)))
    if meta.department and ctx.department_iri is not None:
        g.add((work, DKG.department, ctx.department_iri))
        g.add((ctx.department_iri, RDF.type, DKG.Department))
        g.add((ctx.department_iri, FOAF.name, Literal(meta.department, lang=lang)))
        if ctx.institution_iri is not None:
            # The university may be named only in another translation: type and name it here
            # too (in that translation's words), so this document's graph is valid on its own.
            g.add((ctx.department_iri, DKG.partOfOrganization, ctx.institution_iri))
            g.add((ctx.institution_iri, RDF.type, DKG.University))
            if not meta.institution and ctx.institution_name is not None:
                g.add((ctx.institution_iri, FOAF.name, ctx.institution_name))

    linkable = []  # (node, kind, text, language) for the entity linker
    for kind, (cls, prop, segment) in COMPONENTS.items():
        section = doc.sections.get(kind)
        if section is None or not section.text.strip():
            continue
        node = URIRef(f"{work}/{segment}")
        _component(g, work, node, cls, prop, section.text, lang)
        if section.heading:
            g.add((node, DKG.heading, Literal(section.heading, lang=lang)))
        linkable.append((node, segment, section.text, lang))
    summary = doc.sections.get("abstract")
    if ctx.kind == "article" and summary is not None and summary.text.strip():
        # An article's abstract block is its content, as a dissertation's parts are: linked
        # like them. (A dissertation's "abstract" section is its title page, not content.)
        node = URIRef(f"{work}/summary")
        _component(g, work, node, DKG.Summary, DKG.hasSummary, summary.text, lang)
        if summary.heading:
            g.add((node, DKG.heading, Literal(summary.heading, lang=lang)))
        linkable.append((node, "summary", summary.text, lang))
        for other, text in sorted(doc.translations.items()):
            # The summary the journal printed in another language is the work's summary in
            # that language, unless a document of the work in that language gives its own.
            if other not in ctx.languages:
                g.add((node, DKG.text, Literal(text, lang=other)))
                linkable.append((node, "summary", text, other))
    for kind, (cls, prop, segment) in ITEMS.items():
        if ctx.kind == "article" and kind == "provisions":
            continue
        intro = doc.intros.get(kind)
        if intro and doc.items.get(kind):
            # what the list's section says before its first item is kept, and linked, as its own part
            node = URIRef(f"{work}/{segment}-introduction")
            _component(g, work, node, LIST_INTRODUCTIONS[kind], DKG.hasListIntroduction, intro, lang)
            g.add((node, RDF.type, DKG.ListIntroduction))   # a shape reads the type without the ontology
            linkable.append((node, LINKED_KIND[kind], intro, lang))
        for item in doc.items.get(kind, []):
            node = URIRef(f"{work}/{segment}/{item.ordinal}")
            _component(g, work, node, cls, prop, item.text, lang)
            g.add((node, DKG.ordinal, Literal(item.ordinal, datatype=XSD.integer)))
            linkable.append((node, LINKED_KIND[kind], item.text, lang))

    for count_kind in meta.publication_counts:
        n = ctx.publication_counts.get(count_kind, meta.publication_counts[count_kind])
        node = URIRef(f"{work}/publication-count/{count_kind.lower()}")
        g.add((work, DKG.hasPublicationCount, node))
        g.add((node, RDF.type, DKG.PublicationCount))
        g.add((node, DKG.publicationKind, PUBLICATION_KINDS[count_kind]))
        g.add((node, DKG["count"], Literal(n, datatype=XSD.integer)))
    for pub in meta.publications:
        pub = ctx.publications.get(pub.ordinal, pub)
        node = URIRef(f"{work}/publication/{pub.ordinal}")
        g.add((work, DKG.hasPublication, node))
        g.add((node, RDF.type, DKG.Publication))
        g.add((node, DKG.ordinal, Literal(pub.ordinal, datatype=XSD.integer)))
        g.add((node, DKG.citationText, Literal(pub.citation)))
        if pub.year:
            g.add((node, DCTERMS.issued, Literal(str(pub.year), datatype=XSD.gYear)))
        if pub.venue:
            g.add((node, DKG.venue, Literal(pub.venue)))
        if pub.pages:
            g.add((node, BIBO.pages, Literal(pub.pages)))
        if pub.language:
            g.add((node, DCTERMS.language, v.LANGUAGE[pub.language]))

    _provenance(g, doc, source, graph_iri, ontology_version, generated_at)

    candidates, words = [], b""
    if link:
        candidates = _link(g, linkable, work, source, meta.title)
        words = relink.word_filter(relink.text_keys((text, tl) for _, _, text, tl in linkable if text))
    return MappedDocument(doc.source, graph_iri, g, ctx.id, candidates, words)


def _authors(g: ntriples.Document, work: URIRef, meta, ctx: WorkContext, lang: str) -> None:
    """Each author as dcterms:creator, and in print order as a qualified attribution
    (`{work}/author/{n}`, prov:agent, dkg:ordinal) with the organisations the author's
    superscript numbers point to."""
    people = meta.authors or []
    same = len(ctx.author_iris) == len(people)
    for n, author in enumerate(people, 1):
        person = ctx.author_iris[n - 1] if same else v.person(author.name)
        g.add((work, DCTERMS.creator, person))
        g.add((person, RDF.type, DKG.Person))
        g.add((person, FOAF.name, Literal(author.name, lang=lang)))
        node = URIRef(f"{work}/author/{n}")
        g.add((work, PROV.qualifiedAttribution, node))
        g.add((node, RDF.type, DKG.Authorship))
        g.add((node, PROV.agent, person))
        g.add((node, DKG.ordinal, Literal(n, datatype=XSD.integer)))
        marks = author.affiliations or (list(meta.affiliations) if len(meta.affiliations) == 1 else [])
        for mark in marks:
            name = meta.affiliations.get(mark)
            # Only universities and research institutes are typed; another affiliation (a
            # ministry, a company) stays in the text rather than under a class it may not have.
            if not name or not any(w in name.lower() for w in _ORG_WORDS):
                continue
            org = v.organization(name)
            g.add((node, DKG.affiliation, org))
            g.add((org, RDF.type, DKG.University))
            g.add((org, FOAF.name, Literal(name, lang=lang)))


def _component(g: ntriples.Document, work: URIRef, node: URIRef, cls, prop, text: str, lang: str) -> None:
    g.add((work, prop, node))
    g.add((node, RDF.type, cls))
    g.add((node, DKG.componentOf, work))
    g.add((node, DKG.text, Literal(text, lang=lang)))


def _provenance(g: ntriples.Document, doc: ParsedAbstract, source: URIRef, graph_iri: URIRef,
                ontology_version: str, generated_at: dt.datetime | None) -> None:
    activity = URIRef(f"{source}/mapping")
    when = generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    g.add((source, RDF.type, DKG.SourceDocument))
    g.add((source, DKG.fileName, Literal(doc.source)))
    g.add((source, DKG.sha256, Literal(doc.checksum)))
    g.add((source, DKG.characterCount, Literal(doc.char_count, datatype=XSD.integer)))
    g.add((activity, RDF.type, DKG.MappingActivity))
    g.add((activity, PROV.used, source))
    g.add((activity, PROV.endedAtTime, Literal(_canonical_datetime(when), datatype=XSD.dateTime,
                                                      normalize=False)))  # rdflib would write +00:00 back
    g.add((activity, DKG.mapperVersion, Literal(MAPPER_VERSION)))
    g.add((activity, DKG.ontologyVersion, Literal(ontology_version)))
    # The original file's format and what read its text: a PDF's text is only as good as the
    # library that extracted it, so results can be traced to it (and re-extracted when it changes).
    g.add((source, DCTERMS["format"], Literal(doc.media_type)))
    agent = v.software(doc.extractor, doc.extractor_version)
    g.add((activity, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, FOAF.name, Literal(doc.extractor)))
    g.add((agent, DKG.softwareVersion, Literal(doc.extractor_version)))
    g.add((graph_iri, RDF.type, PROV.Bundle))
    g.add((graph_iri, PROV.wasDerivedFrom, source))
    g.add((graph_iri, PROV.wasGeneratedBy, activity))


def _link(g: ntriples.Document, linkable, work: URIRef, source: URIRef, title: str | None) -> list:
    """Entity linking, when the linker is installed (mappings/linking.py)."""
    if importlib.util.find_spec(__package__ + ".linking") is None:
        return []
    from . import linking
    comps = [linking.ComponentText(node, kind, lang, text) for node, kind, text, lang in linkable]
    return linking.annotate(g, comps, work=work, source=source)


def _canonical_datetime(when: dt.datetime) -> str:
    """xsd:dateTime in the form Oxigraph serves it ("Z" for UTC, no trailing zeros in the
    seconds' fraction): it keeps values, not spellings, and what was validated must be served."""
    text = when.isoformat()
    if text.endswith("+00:00"):
        text = text[:-6] + "Z"
    if "." in text:
        head, _, rest = text.partition(".")
        digits = "".join(c for c in rest if c.isdigit())
        zone = rest[len(digits):]
        digits = digits.rstrip("0")
        text = head + ("." + digits if digits else "") + zone
    return text
