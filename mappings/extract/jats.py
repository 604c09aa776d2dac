"""A journal article in JATS XML (the NISO standard journals deposit and OJS exports), whatever the
file is named: the article as its page prints it.

The front matter is the title page: the article's title ("Title: …"), its authors in full ("Авторы: Surname
Given-names; …", as a byline labelled with full names reads), their affiliations, the journal's
line; then the abstract under its own title, the keywords of the article's language after it
(«Ключевые слова: …»), the body's sections (a title and its paragraphs), and last the
translated abstracts with their keywords, as journals print them at the end. References, figures,
tables' XML and the journal's identifiers are no prose of the article.

Read with ElementTree (expat: no external entity or DTD is fetched, entity expansion bounded);
written by hand because no library renders JATS to text, and only the elements an abstract page
needs are read.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE\s+article\s+PUBLIC\s+\"-//NLM//DTD\s+JATS[^>]*>\s*)?"
                   r"<article[\s>]")
_JATS = re.compile(r"JATS|dtd-version=|<article-meta[\s>]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_AUTHORS = {"ru": "Авторы", "kk": "Авторлар", "en": "Authors"}
_KEYWORDS = {"ru": "Ключевые слова", "kk": "Түйін сөздер", "en": "Keywords"}
_ABSTRACT = {"ru": "Аннотация", "kk": "Аңдатпа", "en": "Abstract"}


def is_jats(source: str) -> bool:
    head = source[:3000]
    return bool(_ROOT.match(head)) and bool(_JATS.search(head))


def text(source: str) -> str:
    """The article's page; any other text as it is."""
    if not is_jats(source):
        return source
    try:
        article = ElementTree.fromstring(source.lstrip("\ufeff"))
    except ElementTree.ParseError:
        return source
    lang = (article.get(_XML_LANG) or "en").split("-")[0]
    meta = article.find("front/article-meta")
    if meta is None:
        return source
    out: list[str] = []
    title = _words(meta.find("title-group/article-title"))
    if title:
        out += [f"Title: {title}", ""]   # a labelled line, as the other readers' title pages give it
    authors = []
    for contrib in meta.iter("contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        name = contrib.find("name")
        if name is not None:
            authors.append(" ".join(filter(None, (_words(name.find("surname")), _words(name.find("given-names"))))))
        elif contrib.find("string-name") is not None:
            authors.append(_words(contrib.find("string-name")))
    if authors:
        out.append(f"{_AUTHORS.get(lang, 'Authors')}: " + "; ".join(a for a in authors if a))
    out += [_words(aff) for aff in meta.iter("aff") if _words(aff)]
    journal = _words(article.find("front/journal-meta/journal-title-group/journal-title"))
    if journal:
        out.append(journal)
    keywords = {(group.get(_XML_LANG) or lang).split("-")[0]: group for group in meta.findall("kwd-group")}
    abstract = meta.find("abstract")
    if abstract is not None:
        out += [""] + _abstract(abstract, lang, keywords.get(lang))
    body = article.find("body")
    if body is not None:
        out += [""] + _sections(body)
    for trans in meta.findall("trans-abstract"):
        trans_lang = (trans.get(_XML_LANG) or "").split("-")[0]
        out += [""] + _abstract(trans, trans_lang, keywords.get(trans_lang))
    return "\n".join(out).strip() + "\n"


def _abstract(element, lang: str, keywords) -> list[str]:
    heading = _words(element.find("title")) or _ABSTRACT.get(lang, "Abstract")
    lines = [heading] + [_words(p) for p in element.iter("p") if _words(p)]
    if keywords is not None:
        label = _words(keywords.find("title")) or _KEYWORDS.get(lang, "Keywords")
        lines.append(f"{label}: " + "; ".join(_words(k) for k in keywords.findall("kwd") if _words(k)))
    return lines


def _sections(element) -> list[str]:
    lines: list[str] = []
    for child in element:
        if child.tag == "sec":
            title = _words(child.find("title"))
            if title:
                lines += ["", title]
            lines += _sections(child)
        elif child.tag == "p" and _words(child):
            lines.append(_words(child))
        elif child.tag == "list":
            numbered = child.get("list-type") in ("order", "arabic", "decimal")
            for n, item in enumerate(child.findall("list-item"), start=1):
                lines.append(f"{n}. " + _words(item) if numbered else "• " + _words(item))
    return lines


def _words(element) -> str:
    if element is None:
        return ""
    return " ".join("".join(t for t in element.itertext() if t).split())
