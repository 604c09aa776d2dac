"""A lexical scan of SPARQL text: just enough structure for the protocol layer to decide things
before a worker parses and runs the request (which query form, does it name its own dataset,
where are the USING clauses to go, how deeply is it nested).

A token scan rather than a parse: it is fast and it does not depend on a second SPARQL grammar
accepting everything Oxigraph accepts. It decides nothing that security depends on: what SERVICE
and LOAD reach is read from a parse (federation_guard.py), because a scan that disagreed with
Oxigraph about where a string ends once let a SERVICE through. Oxigraph still parses every
request; malformed text is rejected there with a 400.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import URIRef

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?:(?:[\w\-:%.\u00B7\u00C0-\uFFFF]|\\.)*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[A-Za-z_][\w\-]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

# The same without IRIs: `<` may also be the less-than operator, and a parser that reads it so
# would see brackets the first reading hides inside an "IRI".
_TOKEN_NO_IRI = re.compile(_TOKEN.pattern.replace(
    r"""  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
""", ""), re.VERBOSE | re.DOTALL)
_UNARY = frozenset("!^+-")

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass
class Token:
    kind: str
    text: str
    start: int
    depth: int  # brace/bracket/paren nesting depth where the token starts


@dataclass
class Scan:
    text: str  # the text the positions refer to
    tokens: list[Token]
    prefixes: dict[str, str] = field(default_factory=dict)
    base: str | None = None

    @property
    def form(self) -> str | None:
        """SELECT, ASK, CONSTRUCT or DESCRIBE for a query, None for anything else."""
        for tok in self.tokens:
            if tok.kind == "word" and tok.depth == 0 and tok.text.upper() in QUERY_FORMS:
                return tok.text.upper()
        return None

    def has_keyword(self, *words: str, depth: int | None = 0) -> bool:
        wanted = {w.upper() for w in words}
        return any(
            t.kind == "word" and t.text.upper() in wanted and (depth is None or t.depth == depth)
            for t in self.tokens
        )

    def resolve(self, tok: Token) -> str | None:
        """The absolute IRI a token denotes, or None when it is not an IRI (e.g. a variable)."""
        if tok.kind == "iri":
            iri = tok.text[1:-1]
            # rdflib's resolution keeps an empty fragment (`<ns#>`), which urljoin drops
            return str(URIRef(iri, base=self.base)) if self.base else iri
        if tok.kind == "pname":
            prefix, _, local = tok.text.partition(":")
            if prefix not in self.prefixes:
                return None
            return self.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        return None

    def iris_after(self, keyword: str) -> list[tuple[Token, str | None]]:
        """The IRI (or variable) that follows each `keyword` (skipping SILENT)."""
        out = []
        toks = self.tokens
        for i, tok in enumerate(toks):
            if tok.kind != "word" or tok.text.upper() != keyword:
                continue
            j = i + 1
            if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT":
                j += 1
            target = toks[j] if j < len(toks) else None
            out.append((target, self.resolve(target) if target else None))
        return out


def scan(text: str) -> Scan:
    # No \u decoding: Oxigraph decodes escapes only inside strings and IRIs, and a scan that
    # decoded them elsewhere would end strings where Oxigraph does not.
    tokens: list[Token] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        if kind == "close":
            depth = max(0, depth - 1)
        tokens.append(Token(kind, m.group(), m.start(), depth))
        if kind == "open":
            depth += 1
    result = Scan(text, tokens)
    # The prologue may recur between update operations; later declarations win, as in SPARQL.
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or i + 1 >= len(tokens):
            continue
        word = tok.text.upper()
        if word == "BASE" and tokens[i + 1].kind == "iri":
            result.base = result.resolve(tokens[i + 1])
        elif word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1].kind == "pname" and tokens[i + 2].kind == "iri":
            result.prefixes[tokens[i + 1].text.rstrip(":")] = result.resolve(tokens[i + 2]) or ""
    return result


def add_using_clauses(text: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """Apply the protocol's using-graph-uri / using-named-graph-uri to every operation of an
    update that has a WHERE clause, by inserting USING clauses before its WHERE (Oxigraph's
    Python API takes no update dataset). `DELETE WHERE { P }` becomes `DELETE { P } USING … WHERE { P }`,
    its definition in SPARQL 1.1 Update §3.1.3.3."""
    sc = scan(text)
    text = sc.text
    using = " ".join([f"USING <{g}>" for g in default_graphs] + [f"USING NAMED <{g}>" for g in named_graphs])
    edits: list[tuple[int, int, str]] = []
    toks = sc.tokens
    for i, tok in enumerate(toks):
        if tok.kind != "word" or tok.depth != 0 or tok.text.upper() != "WHERE":
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and prev.kind == "word" and prev.text.upper() == "DELETE":
            # find the extent of the quad pattern after WHERE
            j = i + 1
            if j >= len(toks) or toks[j].kind != "open":
                continue
            k = j + 1
            while k < len(toks) and not (toks[k].kind == "close" and toks[k].depth == 0):
                k += 1
            if k >= len(toks):
                continue
            pattern = text[toks[j].start: toks[k].start + 1]
            edits.append((tok.start, toks[k].start + 1, f"{pattern} {using} WHERE {pattern}"))
        else:
            edits.append((tok.start, tok.start, f"{using} "))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def default_graph_writes(text: str) -> str | None:
    """The first place where an update would change the default graph itself (a template
    triple outside GRAPH with no WITH, LOAD without INTO, DEFAULT as a target), or None.

    For stores whose default graph is derived from the named graphs, where such a change would
    be undone by the re-derivation."""
    sc = scan(text)
    toks = sc.tokens
    with_active = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        word = tok.text.upper() if tok.kind == "word" else None
        if tok.kind == "other" and tok.text == ";" and tok.depth == 0:
            with_active = False
        elif word == "WITH" and tok.depth == 0:
            with_active = True
        elif word == "LOAD" and tok.depth == 0:
            j = i + 1
            while j < len(toks) and not (toks[j].kind == "other" and toks[j].text == ";"):
                if toks[j].kind == "word" and toks[j].text.upper() == "INTO":
                    break
                j += 1
            else:
                return "LOAD without INTO GRAPH"
        elif word in ("DEFAULT",) and tok.depth == 0 and i > 0:
            prev = toks[i - 1].text.upper()
            if prev in ("TO", "CLEAR", "DROP", "SILENT", "CREATE"):
                return f"{prev} DEFAULT"
        elif word in ("INSERT", "DELETE") and tok.depth == 0 and not with_active:
            j = i + 1
            if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() in ("DATA", "WHERE"):
                j += 1
            if j < len(toks) and toks[j].kind == "open" and toks[j].text == "{":
                k = j + 1
                while k < len(toks) and not (toks[k].kind == "close" and toks[k].depth == 0):
                    t = toks[k]
                    if t.depth == 1 and t.kind == "word" and t.text.upper() == "GRAPH":
                        # skip the graph name and its block
                        k += 2
                        depth_open = toks[k].depth if k < len(toks) else 1
                        k += 1
                        while k < len(toks) and not (toks[k].kind == "close" and toks[k].depth == depth_open):
                            k += 1
                    elif t.depth == 1 and not (t.kind == "other" and t.text == "."):
                        return f"{word} of a triple outside GRAPH {{ … }}"
                    k += 1
                i = k
        i += 1
    return None


def nesting_depth(text: str) -> int:
    """How deeply a parser has to recurse for `text`: brackets of every kind plus runs of
    prefix operators (`!!!x`, `^^p`), outside strings and comments. The larger of two readings
    (with and without IRIs), so that no way of reading `<` hides depth from the estimate."""
    deepest = 0
    for pattern in (_TOKEN, _TOKEN_NO_IRI):
        depth = run = 0
        for m in pattern.finditer(text):
            kind = m.lastgroup
            if kind in ("ws", "comment"):
                continue
            if kind == "other" and m.group() in _UNARY:
                run += 1
                deepest = max(deepest, depth + run)
                continue
            run = 0
            if kind == "open":
                depth += 1
                deepest = max(deepest, depth)
            elif kind == "close":
                depth = max(0, depth - 1)
    return deepest
