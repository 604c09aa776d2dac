"""Words of the page around an abstract that are no entities.

An abstract copied from a repository, a university site or a journal page keeps some of the
page's own words: the format of a file to download ("PDF", "DOCX"), an identifier's label ("DOI",
"ISSN"), the degree in a title ("PhD"), the repository software in the footer ("DSpace"), the
tabs of a language switcher ("English", "Русский", "Қазақша"). They are written like names, in
capitals or in quotes, and the candidate rules would offer them for curation as a body, a method
or a programme; they name none of the four classes.
"""
from __future__ import annotations

import re

from . import morphology

# file formats and identifier labels
_FORMATS = {"pdf", "doc", "docx", "rtf", "odt", "txt", "html", "htm", "xml", "csv", "xls", "xlsx", "ppt", "pptx",
            "jpg", "jpeg", "png", "zip", "rar", "djvu", "epub", "mp4", "doi", "isbn", "issn", "orcid", "url", "uri",
            "udc", "удк", "ббк", "әож", "мрнти", "ғтамр",
            # the Journal of Economic Literature's classification, labelling an article's codes (no
            # rule offers "JEL Codes" or "JEL Classification" whole: the label is the acronym)
            "jel"}
# degrees and titles written before or after a name
_DEGREES = {"phd", "dsc", "msc", "bsc", "mba", "ma", "ba", "md", "llm", "llb", "dba"}
# repository and journal software named in a page's footer
_PLATFORMS = {"dspace", "eprints", "ojs", "open journal systems"}
# a language switcher's tabs, each language in its own name (and the English names of the three)
_LANGUAGES = {"english", "русский", "қазақша", "қазақ тілі", "kazakh", "russian", "қазақ", "рус",
              "каз", "eng", "kaz", "rus", "english version", "english version of the abstract"}

_ALL = _FORMATS | _DEGREES | _PLATFORMS | _LANGUAGES


def is_chrome(name: str) -> bool:
    """Whether `name` is one of the page's own words, not a name in the abstract."""
    return morphology.fold(name.strip(" \t«»“”\"'.,;:()")) in _ALL


# A journal's page lists its citation tools and its licence beside the abstract ("More Citation
# Formats: ACM · APA · IEEE · MLA", "Download Citation: Endnote/Zotero (RIS) · BibTeX", "This work
# is licensed under a Creative Commons Attribution 4.0 International License"), and a page's footer
# states its copyright ("© 2025 … University", "(c) 2024 …", "Copyright (c) 2024 The Authors").
# The styles' and the licence's names are written like bodies' acronyms and versioned tools (and
# some are also bodies: IEEE, ACM), the footer names the publisher; on such a line nothing is named
# that the abstract is about, so the whole line is the page's.
# (A copyright or licence word alone does not make a line the page's: "Copyright infringement in …"
# opens a law abstract's paragraph, "licensed under the Oleflex technology of …" is prose.)
_TOOL_LINE = re.compile(
    r"(?im)^[ \t]*(?:©|\(c\)[ \t]*(?:19|20)\d\d|copyright[ \t]*(?:©|\(c\)|(?:19|20)\d\d))[^\n]*$|"
    r"^[^\n]*(?:citation\s+(?:formats?|styles?|managers?)|(?:download|export)\s+citation|cite\s+this|"
    r"формат\w*\s+цитировани\w*|скачать\s+цитат\w*|дәйексөз\s+пішім\w*|"
    r"licen[cs]ed\s+under\s+(?:a\s+|the\s+)?(?:creative\s+commons|cc[\s-]+by)|under\s+(?:a|the)\s+creative\s+commons|"
    r"лицензи\w+\s+creative\s+commons)[^\n]*$|"
    # a page's share buttons, labelled and listing the social networks ("Share: Facebook · X",
    # «Поделиться: VK · Telegram», «Бөлісу: Facebook Telegram»): the networks are the page's links
    r"^[^\w\n]*(?:share(?:\s+this(?:\s+page)?)?|поделиться|бөлісу)[\s\u200b\u2060]*:[^\n]*$|"
    # and its video button, a call to watch on a platform ("Watch on YouTube", «Смотреть на
    # YouTube», «YouTube-та көру»): the platform is where the page links, not what it is about
    r"^[^\w\n]*(?:watch\s+(?:it\s+)?on|смотр(?:еть|ите)\s+на|[A-Za-z][\w.]*-(?:та|те|да|де|тан|тен|дан|ден)\s+(?:көру|қарау))"
    r"\s[^\n]*$")


# The paragraph that names a work's supervisors, consultants or opponents: their universities and
# countries in brackets are the people's affiliations ("Supervisors: …; Prof. X (George Washington
# University, USA).", «Ғылыми кеңесші: PhD М. Х. (Цюрих университеті, Швейцария)»), not what the
# work is about. It runs on over the lines a list of people wraps to (the line before ends on a
# comma, a semicolon or "and"), two at most.
_PEOPLE_LABEL = (r"(?:scientific\s+|research\s+)?(?:supervisors?|consultants?|advisors?|official\s+opponents?|reviewers?)|"
                 r"научн\w+\s+(?:руководител\w*|консультант\w*)|официальн\w+\s+оппонент\w*|"
                 r"ғылыми\s+(?:жетекші\w*|кеңесші\w*)|ресми\s+оппонент\w*")
_PEOPLE_LINE = re.compile(rf"(?im)^[ \t>*_|#-]*(?:{_PEOPLE_LABEL})[*_]*[ \t]*:[^\n]*")
_WRAPPED_LINES = 2
_LIST_GOES_ON = re.compile(r"(?:[;,]|\band|\bи|\bжәне)[ \t]*$")


# A site's links to its accounts on the social networks, in its header or footer: two or more
# networks on a line («[25]Facebook [26]Instagram [27]YouTube [28]Сайт картасы», "Facebook |
# Instagram") or a run of lines that hold one each ("* Facebook" ⏎ "* Instagram"). The networks are
# where the page links, not what the abstract is about.
_NETWORK = r"(?:Facebook|Instagram|YouTube|Telegram|VK|ВКонтакте|Twitter|LinkedIn|TikTok|WhatsApp|Threads)"
_LINK_MARK = r"[ \t*•·|/,\-–—]*(?:\[\d+\][ \t]*)?"
_NETWORKS_LINE = re.compile(rf"(?m)^{_LINK_MARK}{_NETWORK}(?:{_LINK_MARK}{_NETWORK})+(?:{_LINK_MARK}[^\n]{{0,40}})?$")
_NETWORK_LINES = re.compile(rf"(?m)^{_LINK_MARK}{_NETWORK}[ \t]*(?:\n{_LINK_MARK}{_NETWORK}[ \t]*)+$")
# (and wherever a paragraph's lines were joined: each network after a link's number or a bullet,
# «[25]Facebook [26]Instagram», or between bars or dots, or three in a row)
_NETWORKS_RUN = re.compile(rf"(?:(?:\[\d+\]|[*•·|])[ \t]*{_NETWORK}\b[ \t]*){{2,}}|"
                           rf"{_NETWORK}(?:[ \t]*[|·•][ \t]*{_NETWORK}\b)+|{_NETWORK}(?:[ \t]+{_NETWORK}\b){{2,}}")


def tool_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of `text` that list a journal page's citation formats, state its
    licence or copyright, link to the site's social networks, or name the work's supervisors and
    their affiliations."""
    spans = [m.span() for m in _TOOL_LINE.finditer(text)]
    spans += [m.span() for pattern in (_NETWORKS_LINE, _NETWORK_LINES, _NETWORKS_RUN) for m in pattern.finditer(text)]
    for m in _PEOPLE_LINE.finditer(text):
        end = m.end()
        for _ in range(_WRAPPED_LINES):
            if not _LIST_GOES_ON.search(text, max(0, end - 8), end) or not text.startswith("\n", end):
                break
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt == -1 else nxt
            if not text[end + 1:nxt].strip():
                break   # a blank line ends the paragraph
            end = nxt
        spans.append((m.start(), end))
    return sorted(spans)
