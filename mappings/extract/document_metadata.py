"""The YAML front matter of a document that describes the work itself, as pandoc, R Markdown
and Quarto write it (`title`, `subtitle`, `author`, `institute`, and the work's `abstract`,
often a block scalar `abstract: |` holding whole sections): read as the title page and the
abstract's first part. A site generator's front matter (Hugo's, Docusaurus's: a page's title,
its slug, the site's author) holds no `abstract`, and stays unread.

Read with PyYAML (`safe_load`): front matter is YAML, and its quoting, block scalars and
flow lists are the parser's business. Only top-level text is wanted; nested mappings
(`output:`, `params:`) are a renderer's settings and are skipped, but an author written as a
mapping (pandoc's `- name: … affiliation: …`) gives its name. Front matter that is not valid
YAML is read as holding nothing.
"""
from __future__ import annotations

import re

import yaml


def fields(front: str) -> dict[str, str]:
    """Top-level keys (lower-cased) → their text: scalars as written (a `|` block keeps its
    lines, a `>` block folds them), lists joined by "; "."""
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    out = {}
    for key, value in data.items():
        text = _text(value)
        if isinstance(key, str) and text:
            out[key.lower()] = text
    return out


def _text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return "; ".join(t for t in (_text(v) for v in value) if t) or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return None


# Keys that say a document is rendered for print or as a paper (Quarto's `format: pdf`, R
# Markdown's `output: word_document`, a bibliography, a citation style); and those of a site
# generator's page (its URL, its place in a menu).
_DOCUMENT_KEYS = ("format", "output", "bibliography", "csl", "documentclass", "number-sections")
_SITE_KEYS = ("slug", "layout", "permalink", "weight", "sidebar_position", "sidebar_label", "draft",
              "aliases", "url", "menu", "nav_order", "type")


def _describes_a_work(front: str, f: dict[str, str]) -> bool:
    """Front matter without an abstract that still describes the work: a title, and a renderer's
    document settings or authors written as pandoc's records (`- name: … affiliations: …`),
    with none of a site page's keys."""
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return False
    if not isinstance(data, dict) or not f.get("title") or any(k in data for k in _SITE_KEYS):
        return False
    authors = data.get("author") or data.get("authors")
    records = isinstance(authors, list) and any(isinstance(a, dict) and "name" in a for a in authors)
    return records or any(k in data for k in _DOCUMENT_KEYS)


# a first-level heading in Markdown (ATX or setext) or HTML
_FIRST_LEVEL_HEADING = re.compile(r"^[ ]{0,3}#[ \t]+\S|^[^\n]*\S[^\n]*\n[ ]{0,3}=+[ \t]*$|<h1[\s>]", re.M | re.I)


# A site's post that announces a defence ("PhD defence: …", «Защита диссертации …», «… қорғау
# туралы хабарландыру») is titled by the event: the work's title is the one its body gives.
_ANNOUNCES = re.compile(r"(?i)(?:phd|doctoral|master'?s|thesis|dissertation)\s+defen[cs]e\b|"
                        r"defen[cs]e\s+of\s+(?:the|a)?\s*(?:phd|doctoral|master'?s)?\s*(?:thesis|dissertation)|announcement\b|"
                        r"(?:публичная\s+)?защит[аы]\s+(?:докторской\s+|магистерской\s+)?диссертаци|объявлени[ея]\b|"
                        r"[^:]*\bдиссертация\w*\s+қорғау|[^:]*\bқорғау\s+туралы\s+хабарландыру")


# A page named for the document's kind and its author ("PhD abstract – Tulegenova A.Zh.",
# «Аннотация – Иванов А.Б.»): the site's name for the page, as the title of a short one is.
_KIND_AND_NAME = re.compile(r"(?i)^(?:(?:phd|doctoral|master'?s|dissertation)\s+)?(?:abstract|annotation|summary|"
                            r"аннотация|аңдатпа|автореферат|түйіндеме)\b[^:–—]{0,24}\s[–—-]\s")


def page(front: str, body: str = "") -> str | None:
    """The title page and abstract the front matter holds; None when it holds no abstract and
    describes no work (a site's front matter, read as nothing) — except a site page's title
    when the page has no first-level heading of its own: the site's layout prints the title as
    that heading, so a journal's post of an article ("layout: post", "title: Femtosecond-laser-
    inscribed fibre Bragg gratings …") is titled by it, while a note whose body opens with
    "# Less invasive surfactant administration …" is only named by its front matter ("PhD
    abstract (EN) – final for the council"). A title of fewer than five words names the page
    ("Abstract", «Аннотация диссертации»), not a work."""
    f = fields(front)
    if not f.get("abstract", "").strip() and not _describes_a_work(front, f):
        title = " ".join(f.get("title", "").split())
        if len(title.split()) >= 5 and not _FIRST_LEVEL_HEADING.search(body) and not _ANNOUNCES.match(title) \
                and not _KIND_AND_NAME.match(title):
            return f"Title: {title}"
        return None
    lines = []
    if f.get("title"):
        lines.append(f"Title: {_fuller_title(f['title'], body)}")
    if f.get("subtitle"):
        lines.append(f["subtitle"])
    if f.get("author"):
        lines.append(f"Author: {_fuller_name(f['author'], body)}")
    for key in ("institute", "institution", "affiliation", "organization"):
        if f.get(key):
            lines.append(f[key])
    if f.get("abstract", "").strip():
        lines += ["", f["abstract"].strip(), ""]
    return "\n".join(lines)


# A front matter's title may be the short one for the running head, its author the name as the
# author signs ("Sizing and Control of a BESS for …", "Alikhan Nurmagambetov"), while the body's
# title page gives them whole ("# Sizing and Control of a Battery Energy Storage System for …
# in the Unified Power System of Kazakhstan", "**Alikhan Daniyaruly Nurmagambetov**"): the whole
# one is the work's. It opens with the short title's first words, or holds every word of the name.
_H1 = re.compile(r"^[ ]{0,3}#[ \t]+(.+?)[ \t#]*$", re.M)
_SECOND_LEVEL = re.compile(r"^[ ]{0,3}#{2,}[ \t]", re.M)
_OPENING_WORDS = 3


def _title_page(body: str) -> str:
    second = _SECOND_LEVEL.search(body)
    return body[:second.start()] if second else body[:3000]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _fuller_title(title: str, body: str) -> str:
    m = _H1.search(_title_page(body))
    if m is None:
        return title
    short, whole = _words(title), _words(m.group(1))
    if len(whole) > len(short) >= _OPENING_WORDS and whole[:_OPENING_WORDS] == short[:_OPENING_WORDS]:
        return " ".join(m.group(1).replace("*", "").split())
    return title


def _fuller_name(name: str, body: str) -> str:
    words = set(_words(name))
    if len(words) < 2:
        return name
    for line in _title_page(body).split("\n"):
        plain = " ".join(line.replace("*", "").replace("_", " ").split())
        found = _words(plain)
        if len(found) <= 5 and len(found) > len(words) and words <= set(found) and not line.lstrip().startswith("#"):
            return plain
    return name
