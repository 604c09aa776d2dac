"""The search index: one SQLite file per generation, FTS5 over pre-stemmed text, BM25 ranking.

FTS5 cannot call a Python stemmer from inside SQLite, so each text is stemmed here and the
stems are what FTS5 indexes (one column per language, so an English stem never matches Russian
text); the texts themselves are kept beside them for snippets. Concept search needs no FTS: the
vocabulary is small, so its labels' stems are held in memory and compared with the query's.
Why FTS5 and not tantivy: see scripts/bench_search.py and the figures in the README.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from dissertation_kg.server.search import extract
from dissertation_kg.server.search.analysis import LANGS, query_languages, stem, stems, tokens
from dissertation_kg.server.store.engines import GraphStore

INDEX_NAME = "dkg-search.sqlite"
FORMAT_VERSION = "1"
# A stem found in more than this share of one language's texts says little about any of them;
# it is left out of the words a text must contain (unless the query has nothing else).
COMMON_SHARE = 0.25
# Prior weights of where a word is found: a title names what the work is about, a heading or a
# citation much less so.
_WEIGHT = {"title": 3.0, "heading": 0.3, "citationText": 0.5, "name": 1.0}
_KIND_WEIGHT = {"Provision": 1.2, "NoveltyPoint": 1.1, "ResearchAim": 1.1, "ResearchObject": 1.1,
                "ResearchSubject": 1.1, "TheoreticalBasis": 1.1, "MethodsStatement": 1.1}
SNIPPET_CHARS = 220


class IndexMissing(FileNotFoundError):
    """No index next to this generation; the message says how to build one."""


@dataclass
class Reason:
    kind: str                 # "words" or "concept"
    lang: str
    terms: list[str] = field(default_factory=list)    # words: the query's stems found
    concept: str | None = None                        # concept: the entity's IRI
    label: str | None = None                          # the label the query named
    mentioned_as: str | None = None                   # how the work's text names it
    mentions: int = 0

    def describe(self) -> str:
        if self.kind == "words":
            return f"words ({self.lang}): " + ", ".join(self.terms)
        said = f", mentioned as “{self.mentioned_as}” ({self.lang})" if self.mentioned_as else ""
        return f"concept “{self.label}”{said}, {self.mentions} mention(s)"

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], 0)} | {"text": self.describe()}


@dataclass
class Hit:
    work: str
    title: str
    score: float
    node: str
    kind: str
    lang: str
    snippet: str
    highlights: list[tuple[int, int]]
    reasons: list[Reason]

    @property
    def snippet_html(self) -> Markup:
        out, last = [], 0
        for start, end in self.highlights:
            out += [escape(self.snippet[last:start]), Markup("<mark>"), escape(self.snippet[start:end]),
                    Markup("</mark>")]
            last = end
        out.append(escape(self.snippet[last:]))
        return Markup("").join(out)

    @property
    def why(self) -> str:
        return "; ".join(r.describe() for r in self.reasons)

    def as_dict(self) -> dict:
        return {"work": self.work, "title": self.title, "score": round(self.score, 4), "matched": self.node,
                "part": self.kind, "lang": self.lang, "snippet": self.snippet,
                "highlights": [list(h) for h in self.highlights], "snippet_html": str(self.snippet_html),
                "why": [r.as_dict() for r in self.reasons]}


@dataclass
class Results:
    query: str
    hits: list[Hit]
    total: int
    took_ms: float


# --------------------------------------------------------------------------- building


# FTS5's own tokenizer over the stems: it must be the same wherever document frequencies are counted.
_TOKENIZER = "unicode61 remove_diacritics 0"
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (id INTEGER PRIMARY KEY, work TEXT, node TEXT, kind TEXT, prop TEXT, lang TEXT, text TEXT);
CREATE VIRTUAL TABLE fts USING fts5(en, ru, kk, content='', columnsize=1,
                                    tokenize="{_TOKENIZER}");
CREATE TABLE labels (entity TEXT, lang TEXT, label TEXT, key TEXT);
CREATE TABLE mentions (entity TEXT, work TEXT, node TEXT, lang TEXT, exact TEXT);
CREATE TABLE vocab (lang TEXT, term TEXT, df INTEGER, PRIMARY KEY (lang, term)) WITHOUT ROWID;
"""


def build_index(store: GraphStore, path: Path | str) -> dict:
    """Index every text, label and mention of `store` into the file `path` (replaced whole,
    so a reader never sees half an index). Returns counts and the time it took."""
    path = Path(path)
    t0 = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        counts = {"texts": 0, "labels": 0, "mentions": 0}
        docs, rows = [], []
        for i, t in enumerate(extract.texts(store), start=1):
            docs.append((i, t.work, t.node, t.kind, t.prop, t.lang, t.text))
            key = " ".join(f'{s}' for s in stems(t.text, t.lang))
            rows.append((i, *(key if lang == t.lang else None for lang in LANGS)))
        db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?)", docs)
        db.executemany("INSERT INTO fts (rowid, en, ru, kk) VALUES (?,?,?,?)", rows)
        counts["texts"] = len(docs)
        labels = [(l.entity, l.lang, l.label, " ".join(stems(l.label, l.lang))) for l in extract.labels(store)]
        db.executemany("INSERT INTO labels VALUES (?,?,?,?)", labels)
        counts["labels"] = len(labels)
        work_of = {node: work for _, work, node, *_ in docs}
        ments = [(m.entity, m.work, m.node, m.lang, m.exact) for m in extract.mentions(store, work_of)]
        db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)", ments)
        counts["mentions"] = len(ments)
        db.executescript("""
            CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, col);
            INSERT INTO vocab SELECT col, term, doc FROM temp.v;
            CREATE INDEX docs_work ON docs (work, prop);
            CREATE INDEX docs_node ON docs (node, lang);
            CREATE INDEX mentions_entity ON mentions (entity);
            CREATE INDEX mentions_work ON mentions (work, entity);
            INSERT INTO fts (fts) VALUES ('optimize');
        """)
        took = time.perf_counter() - t0
        db.executemany("INSERT INTO meta VALUES (?,?)", [("format", FORMAT_VERSION), ("built_seconds", f"{took:.2f}"),
                                                          *((k, str(v)) for k, v in counts.items())])
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)
    return counts | {"seconds": time.perf_counter() - t0}


def update_index(store: GraphStore, previous: Path | str, path: Path | str, works: set[str], *,
                 labels: bool | set[str]) -> dict:
    """The index of `store` made from the `previous` generation's index by indexing again only
    the texts of `works` (those whose documents were added, changed or removed) that differ, and
    their mentions,
    and the labels of `labels` (entity IRIs whose labels may have changed; True: every label,
    when the ontology or vocabularies changed). Written to a temporary file and renamed to
    `path`, like build_index; equal to what it would build. Nothing in it reads the whole
    index: an edit to one work of ten thousand costs the copy of the file and that work."""
    path = Path(path)
    t0 = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    # A file copy, not SQLite's backup API (4x slower here): the previous generation's index is
    # never written after its build (a reindex replaces the file whole).
    shutil.copyfile(previous, tmp)
    db = sqlite3.connect(tmp)
    try:
        if dict(db.execute("SELECT key, value FROM meta")).get("format") != FORMAT_VERSION:
            raise IndexMissing(f"the search index at {previous} has another format; it is built again")
        marks = ",".join("?" * len(works))
        works_list = sorted(works)
        # Only the rows whose text differs are removed and added: an alias or a changed sentence
        # leaves most of a touched work's texts as they were, and stemming them (twice) and
        # counting their stems again was about a quarter of an update's time (py-spy, 100 works).
        old: dict[tuple, list[int]] = defaultdict(list)
        for rowid, *row in db.execute(f"SELECT id, work, node, kind, prop, lang, text FROM docs WHERE work IN ({marks})",
                                      works_list):
            old[tuple(row)].append(rowid)
        new = [(t.work, t.node, t.kind, t.prop, t.lang, t.text) for t in (extract.texts(store, works) if works else [])]
        added = []
        for row in new:
            if old.get(row):
                old[row].pop()
            else:
                added.append(row)
        # Contentless FTS5 forgets a row only when told the values it indexed: the stems again.
        gone = []
        for (_, _, _, _, lang, text), rowids in old.items():
            key = " ".join(stems(text, lang)) if rowids else None
            gone.extend((rowid, *(key if language == lang else None for language in LANGS)) for rowid in rowids)
        db.executemany("INSERT INTO fts (fts, rowid, en, ru, kk) VALUES ('delete', ?, ?, ?, ?)", gone)
        db.executemany("DELETE FROM docs WHERE id = ?", [(row[0],) for row in gone])
        db.execute(f"DELETE FROM mentions WHERE work IN ({marks})", works_list)
        start = (db.execute("SELECT MAX(id) FROM docs").fetchone()[0] or 0) + 1
        docs, rows = [], []
        for i, (work, node, kind, prop, lang, text) in enumerate(added, start=start):
            docs.append((i, work, node, kind, prop, lang, text))
            key = stems(text, lang)
            rows.append((i, *(" ".join(key) if language == lang else None for language in LANGS)))
        db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?)", docs)
        db.executemany("INSERT INTO fts (rowid, en, ru, kk) VALUES (?,?,?,?)", rows)
        work_of = {node: work for work, node, *_ in new}
        ments = [(m.entity, m.work, m.node, m.lang, m.exact)
                 for m in (extract.mentions(store, work_of, only_these=True) if work_of else [])]
        db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)", ments)
        if labels is True:
            db.execute("DELETE FROM labels")
            found = extract.labels(store)
        elif labels:
            db.execute("CREATE TEMP TABLE relabelled (entity TEXT PRIMARY KEY)")
            db.executemany("INSERT INTO temp.relabelled VALUES (?)", [(e,) for e in sorted(labels)])
            db.execute("DELETE FROM labels WHERE entity IN (SELECT entity FROM temp.relabelled)")
            found = extract.labels(store, labels)
        else:
            found = []
        db.executemany("INSERT INTO labels VALUES (?,?,?,?)", [
            (l.entity, l.lang, l.label, " ".join(stems(l.label, l.lang))) for l in found])
        _update_frequencies(db, gone, rows)
        counts = {"texts": db.execute("SELECT COUNT(*) FROM docs").fetchone()[0],
                  "labels": db.execute("SELECT COUNT(*) FROM labels").fetchone()[0],
                  "mentions": db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]}
        took = time.perf_counter() - t0
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", [("built_seconds", f"{took:.2f}"),
                                                                    *((k, str(v)) for k, v in counts.items())])
        db.commit()
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, path)
    return counts | {"seconds": time.perf_counter() - t0, "works": len(works)}


def _update_frequencies(db: sqlite3.Connection, removed: list[tuple], added: list[tuple]) -> None:
    """Correct the `vocab` table's document frequencies for the rows removed from and added to
    the index. The rows' stems are counted by FTS5 itself, in a scratch table with the same
    tokenizer (which splits some stems again), so the result equals a recount of the whole
    index (what build_index does) at the cost of the changed rows only."""
    change: dict[tuple[str, str], int] = defaultdict(int)
    for sign, batch in ((-1, removed), (1, added)):
        if not batch:
            continue
        db.executescript(f"""
            DROP TABLE IF EXISTS temp.changed;
            CREATE VIRTUAL TABLE temp.changed USING fts5(en, ru, kk, content='',
                                                         tokenize="{_TOKENIZER}");
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.changed_vocab USING fts5vocab(temp, changed, col);
        """)
        db.executemany("INSERT INTO temp.changed (en, ru, kk) VALUES (?,?,?)", [row[1:] for row in batch])
        for col, term, n in db.execute("SELECT col, term, doc FROM temp.changed_vocab"):
            change[col, term] += sign * n
    db.execute("DROP TABLE IF EXISTS temp.changed_vocab")
    db.execute("DROP TABLE IF EXISTS temp.changed")
    changed = [(lang, term, n) for (lang, term), n in change.items() if n]
    db.executemany("INSERT INTO vocab VALUES (?, ?, ?) ON CONFLICT (lang, term) DO UPDATE SET df = df + excluded.df",
                   changed)
    db.executemany("DELETE FROM vocab WHERE lang = ? AND term = ? AND df <= 0",
                   [(lang, term) for lang, term, n in changed if n < 0])


# --------------------------------------------------------------------------- searching


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SearchIndex:
    """A read-only view of one index file; cheap to query from many threads (one connection
    per thread), so the endpoint keeps one per generation."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.is_file():
            raise IndexMissing(f"no search index at {self.path}; run `dkg build` (it writes one into each "
                               "generation) or `dkg search --reindex` to build it for this store")
        self._local = {}
        db = self._db()
        fmt = dict(db.execute("SELECT key, value FROM meta")).get("format")
        if fmt != FORMAT_VERSION:
            raise IndexMissing(f"the search index at {self.path} has format {fmt}, this program reads "
                               f"{FORMAT_VERSION}; run `dkg build` or `dkg search --reindex` to rebuild it")
        self.sizes = {lang: n for lang, n in db.execute("SELECT lang, COUNT(*) FROM docs GROUP BY lang")}
        self.df = {(lang, term): df for lang, term, df in db.execute("SELECT lang, term, df FROM vocab")}
        self.labels = [(e, lang, label, tuple(key.split())) for e, lang, label, key in
                       db.execute("SELECT entity, lang, label, key FROM labels") if key]

    def _db(self) -> sqlite3.Connection:
        ident = threading.get_ident()
        db = self._local.get(ident)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local[ident] = db
        return db

    # -- the query's words

    def _terms(self, query: str, lang: str | None) -> dict[str, list[str]]:
        """Per language, the stems a text must contain (common ones dropped, see COMMON_SHARE)."""
        out = {}
        for language in query_languages(query):
            if lang and language != lang:
                continue
            terms = list(dict.fromkeys(stems(query, language)))
            size = max(1, self.sizes.get(language, 0))
            rare = [t for t in terms if self.df.get((language, t), 0) <= COMMON_SHARE * size]
            if terms:
                out[language] = rare or terms
        return out

    def _word_hits(self, terms: dict[str, list[str]], all_terms: bool) -> dict[int, tuple]:
        """rowid → (BM25 score, higher is better, work, node, kind, prop, lang) of matching texts."""
        glue = " AND " if all_terms else " OR "
        parts = [f"{language} : ({glue.join(_fts_phrase(t) for t in ts)})" for language, ts in terms.items() if ts]
        if not parts:
            return {}
        sql = ("SELECT d.id, -bm25(fts), d.work, d.node, d.kind, d.prop, d.lang FROM fts JOIN docs d ON d.id = fts.rowid "
               "WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 5000")
        return {row[0]: row[1:] for row in self._db().execute(sql, (" OR ".join(parts),))}

    # -- concepts

    def _concepts(self, query: str, lang: str | None) -> dict[str, tuple[float, str, str]]:
        """Entities the query names: entity → (share of the query's words its label covers, label, lang)."""
        found: dict[str, tuple[float, str, str]] = {}
        for language in query_languages(query):
            qs = set(stems(query, language))
            if not qs:
                continue
            for entity, label_lang, label, key in self.labels:
                if label_lang != language or not set(key) <= qs:
                    continue
                cover = len(set(key)) / len(qs)
                if cover > found.get(entity, (0.0,))[0]:
                    found[entity] = (cover, label, language)
        return found

    def search(self, query: str, *, lang: str | None = None, limit: int = 10, offset: int = 0,
               snippets: bool = True) -> Results:
        """The works that match `query`, best first. `lang` keeps only texts in that language;
        `snippets=False` skips the snippets and titles (the SPARQL pattern asks for them only
        when a query uses them)."""
        t0 = time.perf_counter()
        query = query.strip()
        db = self._db()
        terms = self._terms(query, lang)
        scored = self._word_hits(terms, all_terms=True)
        loose = False
        if not scored:
            scored, loose = self._word_hits(terms, all_terms=False), True
        docs = {rowid: row[1:] for rowid, row in scored.items()}
        per_work: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for rowid, (score, work, node, kind, prop, doc_lang) in scored.items():
            if lang and doc_lang != lang:
                continue
            weight = _WEIGHT.get(prop, 1.0) * _KIND_WEIGHT.get(kind, 1.0)
            per_work[work].append((score * weight, rowid))
        word_score = {}
        for work, found in per_work.items():
            found.sort(reverse=True)
            word_score[work] = found[0][0] + 0.1 * sum(s for s, _ in found[1:6])
        top = max(word_score.values(), default=1.0) or 1.0
        if loose:
            top *= 2  # a text that holds only some of the words ranks below one that holds them all

        concepts = self._concepts(query, lang)
        concept_counts: dict[str, dict[str, int]] = defaultdict(dict)  # work → entity → mentions
        if concepts:
            marks = ",".join("?" * len(concepts))
            where = f"entity IN ({marks})" + (" AND lang = ?" if lang else "")
            for entity, work, n in db.execute(f"SELECT entity, work, COUNT(*) FROM mentions WHERE {where} "
                                              "GROUP BY entity, work", [*concepts, *([lang] if lang else [])]):
                concept_counts[work][entity] = n
        concept_score = {work: max(concepts[e][0] * (0.6 + 0.4 * min(1.0, n / 3)) for e, n in found.items())
                         for work, found in concept_counts.items()}

        works = set(word_score) | set(concept_score)
        final = {w: word_score.get(w, 0.0) / top + concept_score.get(w, 0.0) for w in works}
        ranked = sorted(works, key=lambda w: (-final[w], w))
        hits = [self._hit(w, final[w], per_work.get(w, []), docs, terms, concept_counts.get(w, {}), concepts, lang,
                          snippets) for w in ranked[offset:offset + limit]]
        return Results(query, hits, len(ranked), (time.perf_counter() - t0) * 1000)

    # -- presenting one hit

    def _hit(self, work, score, found, docs, terms, mentions, concepts, lang, snippets=True) -> Hit:
        db = self._db()
        reasons: list[Reason] = []
        node = kind = hit_lang = ""
        snippet, highlights = "", []
        if found:
            rowid = found[0][1]
            _, node, kind, _, hit_lang = docs[rowid]
            wanted = set(terms.get(hit_lang, []))
            if snippets:
                text = db.execute("SELECT text FROM docs WHERE id = ?", (rowid,)).fetchone()[0]
                snippet, highlights = make_snippet(text, hit_lang, wanted)
                matched = sorted({stem(t.text, hit_lang) for t in tokens(text)} & wanted)
            else:
                matched = sorted(wanted)
            reasons.append(Reason("words", hit_lang, terms=matched))
        by_entity = defaultdict(list)
        if mentions:
            where = f"work = ? AND entity IN ({','.join('?' * len(mentions))})" + (" AND lang = ?" if lang else "")
            for entity, m_node, m_lang, exact in db.execute(
                    f"SELECT entity, node, lang, exact FROM mentions WHERE {where}",
                    [work, *mentions, *([lang] if lang else [])]):
                by_entity[entity].append((m_node, m_lang, exact))
        for entity, ms in sorted(by_entity.items(), key=lambda kv: -len(kv[1])):
            cover, label, label_lang = concepts[entity]
            # Say how the work's own text names the concept, in another language when it can.
            m_node, m_lang, exact = sorted(ms, key=lambda m: (m[1] == label_lang, m[0]))[0]
            reasons.append(Reason("concept", m_lang, concept=entity, label=label, mentioned_as=exact or None,
                                  mentions=len(ms)))
            if not node:
                node, hit_lang = m_node, m_lang
            if snippets and not snippet:
                row = db.execute("SELECT text, kind FROM docs WHERE node = ? AND lang = ? AND prop = 'text'",
                                 (m_node, m_lang)).fetchone()
                if row:
                    node, kind, hit_lang = m_node, row[1], m_lang
                    snippet, highlights = make_snippet(row[0], m_lang, set(), phrase=exact)
        title = self.title(work, lang or hit_lang) if snippets else ""
        return Hit(work, title, score, node, kind, hit_lang, snippet, highlights, reasons)

    def title(self, work: str, lang: str | None = None) -> str:
        rows = self._db().execute("SELECT lang, text FROM docs WHERE work = ? AND prop = 'title'", (work,)).fetchall()
        order = [lang, "en", "ru", "kk"]
        rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else 9)
        return rows[0][1] if rows else work.rsplit("/", 1)[-1]

    def close(self) -> None:
        for db in self._local.values():
            db.close()
        self._local.clear()


def make_snippet(text: str, lang: str, wanted: set[str], *, phrase: str | None = None,
                 width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """The stretch of `text` (about `width` characters, cut at spaces) that holds the most
    matched words, and where those words are in it."""
    marks = [(t.start, t.end) for t in tokens(text) if wanted and stem(t.text, lang) in wanted]
    if phrase:
        low, needle, at = text.lower(), phrase.lower(), 0
        while (at := low.find(needle, at)) >= 0:
            marks.append((at, at + len(needle)))
            at += len(needle)
    marks.sort()
    if not marks:
        cut = text[:width].rsplit(" ", 1)[0] if len(text) > width else text
        return cut + ("…" if len(cut) < len(text) else ""), []
    best = max(marks, key=lambda m: sum(1 for o in marks if m[0] <= o[0] < m[0] + width))
    start = max(0, best[0] - width // 4)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", best[1], end)
        end = space if space > best[1] else end
    prefix = "…" if start else ""
    shown = [(s - start + len(prefix), e - start + len(prefix)) for s, e in marks if s >= start and e <= end]
    return prefix + text[start:end] + ("…" if end < len(text) else ""), shown


_OPEN: dict[tuple[str, float], SearchIndex] = {}
_OPEN_LOCK = threading.Lock()


def for_generation(generation: Path | str) -> SearchIndex:
    """The index of one generation of an embedded store, opened once per process and file."""
    path = Path(generation) / INDEX_NAME
    try:
        stamp = path.stat().st_mtime
    except FileNotFoundError:
        raise IndexMissing(f"no search index at {path}; rebuild with `dkg build`, or run "
                           f"`dkg search --reindex --store STORE QUERY` to add one to this generation") from None
    key = (str(path), stamp)
    with _OPEN_LOCK:
        found = _OPEN.get(key)
        if found is None:
            for old in [k for k in _OPEN if k[0] == key[0]]:
                _OPEN.pop(old)  # not closed: a request in flight may still read it
            found = _OPEN[key] = SearchIndex(path)
    return found


