"""Why a search hit matched, in the reader's language: the explanation under each hit on /search.

The search package gives every reason as data (its kind, the language, the stems found or the
concept's label, how the work's text names it and how often) plus an English sentence for
programs and `dkg search`; it may not import this layer, so the words a reader sees are chosen
here. Names of languages are CLDR's and plural forms follow CLDR's rules, both through Babel;
what the part that matched is called comes from the ontology's labels.
"""
from __future__ import annotations

from babel import Locale
from markupsafe import Markup

from dissertation_kg.server.publishing.linked_data import ontology_labels, pick_literal
from dissertation_kg.server.publishing.reader.words import language_name, word

DKG = "https://w3id.org/dissertation-kg/ontology#"

PHRASES: dict[str, dict[str, str]] = {
    "words": {"en": "words ({language}): {terms}", "ru": "слова ({language}): {terms}",
              "kk": "сөздер ({language}): {terms}"},
    "concept": {"en": "concept “{label}”", "ru": "понятие «{label}»", "kk": "«{label}» ұғымы"},
    "named_as": {"en": "mentioned as “{exact}” ({language})", "ru": "в работе названо «{exact}» ({language})",
                 "kk": "жұмыста «{exact}» деп аталады ({language})"},
}
# by CLDR plural category (Locale.plural_form); Kazakh does not inflect a noun after a number
MENTIONS: dict[str, dict[str, str]] = {
    "en": {"one": "{n} mention", "other": "{n} mentions"},
    "ru": {"one": "{n} упоминание", "few": "{n} упоминания", "many": "{n} упоминаний", "other": "{n} упоминания"},
    "kk": {"other": "{n} рет кездеседі"},
}


def _phrase(key: str, lang: str) -> Markup:
    entry = PHRASES[key]
    return Markup(entry.get(lang) or entry["en"])


def _in_language(text: str, code: str) -> Markup:
    # quoted words of the data keep their own language, for screen readers and hyphenation
    return Markup('<span lang="{}">{}</span>').format(code, text) if code else Markup("{}").format(text)


def mentions(n: int, lang: str) -> str:
    forms = MENTIONS.get(lang, MENTIONS["en"])
    try:
        category = Locale.parse(lang).plural_form(n)
    except (ValueError, LookupError):
        category = "other"
    return (forms.get(category) or forms["other"]).format(n=n)


def reason_text(reason, lang: str) -> Markup:
    """One reason (search.index.Reason) as a phrase in `lang`; data stays escaped."""
    language = language_name(reason.lang, lang) if reason.lang else ""
    if reason.kind == "words":
        terms = Markup(", ").join(_in_language(t, reason.lang) for t in reason.terms)
        return _phrase("words", lang).format(language=language, terms=terms)
    parts = [_phrase("concept", lang).format(label=reason.label or reason.concept or "")]
    if reason.mentioned_as:
        parts.append(_phrase("named_as", lang).format(exact=_in_language(reason.mentioned_as, reason.lang),
                                                      language=language))
    if reason.mentions:
        parts.append(Markup("{}").format(mentions(reason.mentions, lang)))
    return Markup(", ").join(parts)


def why(hit, lang: str) -> Markup:
    return Markup("; ").join(reason_text(r, lang) for r in hit.reasons)


def part_name(kind: str, lang: str) -> str:
    """What the matched part is (`Provision` → "положение, выносимое на защиту"), from the
    ontology's labels; an author's name (foaf:Person) is the author; else the class's name.
    Not cached here: ontology_labels() is, per version of dkg.ttl, so a curator's new label shows."""
    if kind == "Person":
        return word("author", lang)
    labels = [literal for _, literal in sorted(ontology_labels().get(DKG + kind, []), key=lambda x: x[0])]
    if not labels:
        return kind
    label = pick_literal(labels, lang).value
    return label[:1].upper() + label[1:]
