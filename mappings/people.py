"""People named by their initials and surname, in English, Russian and Kazakh, inflected or not:
"S.L. Sobolev", «В.В. Бартольд», «Э. Деси и Р. Райана», «М.М. Протодьяконовым», «Дж. Гилмора»,
«Н.А. Бернштейннің».

Initials before a surname are how abstracts cite the scholars a work builds on, so the shape is
precise where the name is kept apart from the other things initials stand next to:
- a bibliographic entry writes the surname first ("Жакупова А.Б. Программа психологической
  поддержки…"): initials that follow a capitalised word are that word's, and what comes after
  them is a title, not a surname;
- the word after the initials must read as a surname, not as a word of the language: pymorphy3
  knows «Программа», «Модель» and «Теория» as common nouns and not as surnames, while
  «Райана», «Протодьяконовым» and «Бартольд» are surnames or unknown to it; an English word
  in lower case in pyspellchecker's list ("Program", "Model") is refused the same way;
- the initials must be initials: a capital and a full stop, each at most two letters («Дж.»),
  not the end of an abbreviation («т.е.», "e.g.", «РК.»), and not a section number.

Found names are candidates of class dkg:Person (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import morphology

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
# one to three initials ("S.L.", «В. В.», «Дж.»), then the surname (a hyphenated one too:
# «Кара-Мурза», "Friedrich-Loeffler" is no person since no initial stands before it)
# A nobiliary particle may stand between them in lower case ("H. de Wit", "E. van Wincoop",
# «П. ван Хиле», «Дж. фон Нейман»): the surname is still the capitalised word after it.
_PARTICLE = r"(?:(?:van|von|de|der|den|du|da|di|del|della|ван|фон|де|дер|ден|дю|да|ди|дель|De|Van|Di|Del|Le|La|Du)[ \u00a0]){0,2}"
# A surname keeps the letters of its own language ("K. Szabó", "J. Łukasiewicz", "A. Østergaard")
# and an Irish or Italian prefix before its capital ("J. O’Connor", «Дж. О’Коннора», "M. D'Amico"),
# or a prefix joined to it with a capital of its own ("T. McKenzie", "D. MacLeod", "T. DebRoy").
# (A degree's unit is no initial: "200 °C. Fibre length …")
_SURNAME_UPPER = _UPPER + "À-ÖØ-ÞĀ-Ž"
_SURNAME_LOWER = _LOWER + "ß-öø-ÿā-ž"
_SURNAME_WORD = (rf"(?:[OoDdОДо][’'](?=[{_SURNAME_UPPER}]))?[{_SURNAME_UPPER}](?:[{_SURNAME_LOWER}]{{1,3}}[{_SURNAME_UPPER}])?"
                 rf"[{_SURNAME_LOWER}’']+")
_NAME = re.compile(
    rf"(?<![\w.°℃])((?:[{_UPPER}][{_LOWER}]?\.[ \u00a0]?){{1,3}}){_PARTICLE}"
    rf"({_SURNAME_WORD}(?:-(?:(?:de|da|di|del|la|le|van|von|y)-)?[{_SURNAME_UPPER}][{_SURNAME_LOWER}]+)?)(?![\w-])")
_APOSTROPHE_PREFIX = re.compile(r"^[OoDdОДо][’']")
# a surname just before the initials makes them its own ("Жакупова А.Б.", "Tikhonov A.N."): a
# capitalised word the dictionary takes for a surname, or with a surname's ending
_WORD_BEFORE = re.compile(rf"([{_UPPER}][{_LOWER}]+)[ \u00a0]*,?[ \u00a0]*$")
_SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ына|ова|ева|ёва|ина|ский|ская|цкий|цкая|ского|цкого|ской|цкой|енко|ко|ук|юк|ян|дзе|швили|"
                             r"ұлы|улы|қызы|кызы|ov|ev|ova|eva|in|ina|sky|skaya|enko|uly|kyzy|son|sen|er|s)$")
# the endings of a Kazakh surname written with Kazakh letters (the Russian dictionary knows none)
_KAZAKH_SURNAME_ENDING = re.compile(r"(?:ов|ев|ова|ева|ин|ина|ұлы|қызы)$")
# Russian tags that make a word a person's name
_NAME_TAGS = ("Surn", "Name", "Patr")


# A Latin binomial and the first of its authorities, abbreviated or in brackets, before the name:
# the name is the second authority of the species ("Picea schrenkiana Fisch. & C.A. Mey.", "Malus
# sieversii (Ledeb.) M. Roem."), part of how the species is cited
_TAXON_AUTHORITY_BEFORE = re.compile(
    r"(?<![\w-])[A-Z][a-z]+\s+[a-z]{2,}(?:us|a|um|is|ii|i|ae|es|ensis|oides|ata|ica|ides)"
    r"(?:\s+(?:subsp|var|f)\.\s+[a-z]{3,})?"
    r"\s+(?:\([A-Z][\w.\s&]*\)|[A-Z][a-z]*\.(?:\s*(?:&|et|ex)\s*[A-Z][a-z]*\.?)?\s*(?:&|et|ex))\s*$")


def find(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every "initials surname" name in `text`, the surname as written
    (inflected: «Р. Райана», «Н.А. Бернштейннің»); in English also a scholar named without
    initials by the possessive of a theory ("Henri Lefebvre's theory")."""
    out: list[tuple[int, int]] = []
    for m in _NAME.finditer(text):
        window = max(0, m.start() - 40)
        before = _WORD_BEFORE.search(text[window:m.start()])
        # "S.L. Sobolev, G.I. Barenblatt": the word before is the surname of the name before
        if before and _surname_before(before.group(1)) and not (out and out[-1][1] == window + before.end(1)):
            continue
        if _TAXON_AUTHORITY_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            continue   # "Picea schrenkiana Fisch. & C.A. Mey.": a species' authority, not a scholar the text names
        surname = _APOSTROPHE_PREFIX.sub("", m.group(2))
        if _LATIN.search(m.group(1)) and not _LATIN.search(surname):
            continue   # a Latin letter and a full stop before a Cyrillic word: "… в ioGAS и R. Аналитические"
        if not _reads_as_surname(surname, lang) and not _surname_by_its_place(text, m, lang):
            continue
        out.append((m.start(), m.end()))
    if lang in ("ru", "kk"):
        out = sorted(out + [span for span in _cyrillic_full_names(text, lang)
                            if not any(s < span[1] and span[0] < e for s, e in out)])
    if lang == "kk":
        out = sorted(out + [span for span in _kazakh_genitive_surnames(text)
                            if not any(s < span[1] and span[0] < e for s, e in out)])
    if lang in ("ru", "kk", "en"):
        out = sorted(out + [span for span in _scholars_in_brackets(text, lang)
                            if not any(s < span[1] and span[0] < e for s, e in out)])
    if lang == "en":
        taken = _scholars_by_possessive(text) + _scholars_after_of(text)
        taken += [span for span in _full_names(text) if not any(s < span[1] and span[0] < e for s, e in out + taken)]
        out = sorted(out + taken)
    out = sorted(out + [span for span in _arabic_names(text) if not any(s < span[1] and span[0] < e for s, e in out)])
    out = sorted(out + [span for span in _titled_rulers(text, lang) if not any(s < span[1] and span[0] < e for s, e in out)])
    return [(s, e) for s, e in out if not _street(text, s, e)]


# A scholar named in the Arabic way, by the article or the father's name before the name («әл-Фараби»,
# «аль-Бируни», "al-Khwarizmi"; «Ибн Сина», "Ibn Khaldun"), and the kunya before them («Әбу Насыр
# әл-Фараби»), in any case the sentence gives it («әл-Фарабидің», «Ибн Синаның»). Not where the name is
# an institution's namesake («әл-Фараби атындағы ҚазҰУ», «КазНУ имени аль-Фараби»).
_ARABIC_NAME = re.compile(
    rf"(?<![\w-])(?:(?:Әбу|Абу|Abu|Abū)[ \u00a0]+[{_UPPER}][{_LOWER}]+[ \u00a0]+)?"
    rf"(?:(?:[Ии]бн|[Ii]bn)[ \u00a0]+[{_UPPER}][{_LOWER}]+|(?:[Әә]л|[Аа]ль|[Ээ]ль|[Aa]l)-[{_UPPER}][{_LOWER}]+)(?![\w-])")
_NAMESAKE_BEFORE = re.compile(r"(?:имени|им\.|named after)[ \u00a0]+$", re.I)
_NAMESAKE_AFTER = re.compile(rf"[ \u00a0]+(?:атындағы|[{_UPPER}][{_LOWER}]+[ \u00a0]+(?:National[ \u00a0]+)?University)", re.I)


# A ruler or a steppe leader named by his title, as histories name them: "Kasym Khan", "Nadir Shah",
# "Shah Abbas I", «Тәуке ханның», «Қабанбай батыр», «Төле би», «Касым-хана», «хан Абылай». The
# title is part of the name as printed; a people's or a realm's word before it names no one («Қазақ
# хандары», "the Kazakh khans"), and «хандық», «ханство» are the realm, not a ruler.
_ROMAN = r"(?:[ \t]+(?:I{1,3}|IV|VI{0,3}|IX|X))?"
_TITLED = {
    "en": re.compile(rf"(?<![\w-])((?:[A-Z][a-z’'-]+[ \t]+){{0,3}}[A-Z][a-z’'-]+[ \t]+(?:Khan|Shah|Sultan|Beg|Bek|Bey|Batyr|Mirza)"
                     rf"{_ROMAN}|(?:Shah|Sultan|Emir|Amir)[ \t]+[A-Z][a-z’'-]+{_ROMAN})(?![\w-])"),
    "kk": re.compile(r"(?<![\w-])([А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:[- ][А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+)?[ \t]+"
                     r"(?:хан(?!дық|дығ|дар)[а-яәғқңөұүһі]{0,4}|би(?:дің|ге|ді|мен|ден)?|батыр(?!лар)[а-яәғқңөұүһі]{0,4}|"
                     r"сұлтан(?!дар)[а-яәғқңөұүһі]{0,4}))(?![\w-])"),
    "ru": re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-|[ \t]+)(?:хан[а-яё]{0,3}|би|батыр[а-яё]{0,3}|султан[а-яё]{0,3}))(?![\w-])"),
}
# (and the Russian order with the title first: «хан Абылай», «при хане Тауке», «батыр Кабанбай»)
_TITLE_FIRST = re.compile(r"(?<![\w-])((?:хан[а-яё]{0,3}|батыр[а-яё]{0,3}|султан[а-яё]{0,3})[ \t]+[А-ЯЁ][а-яё]+)(?![\w-])")
_NOT_A_RULERS_NAME = re.compile(
    r"(?i)^(?:the|a|an|kazakh|uzbek|kyrgyz|dzungar|mughal|safavid|shaybanid|mongol|nogai|great|little|middle|"
    r"junior|senior|crimean|golden|white|blue|қазақ|қырғыз|өзбек|жоңғар|ноғай|моңғол|орыс|қытай|ұлы|кіші|орта|ақ|"
    r"бас|ханы|казах\w*|джунгар\w*|ногай\w*|монгол\w*|русск\w*|велик\w*|младш\w*|средн\w*|старш\w*)$")


def _titled_rulers(text: str, lang: str) -> list[tuple[int, int]]:
    pattern = _TITLED.get(lang)
    if pattern is None or not re.search(r"(?i)khan|shah|sultan|beg\b|bek\b|bey\b|batyr|mirza|emir|amir|хан|би\b|"
                                        r"батыр|сұлтан|султан", text):
        return []
    out = []
    matches = list(pattern.finditer(text)) + (list(_TITLE_FIRST.finditer(text)) if lang == "ru" else [])
    for m in matches:
        words = m.group(1).split()
        if lang == "ru" and m.re is pattern and _russian_word(words[0].split("-")[0]):
            continue   # «При хане …», «Ханы и батыры»: a Russian word before the title, no name
        if _NOT_A_RULERS_NAME.match(words[0].split("-")[0]):
            if len(words) <= 2:
                continue
            s = m.start(1) + len(words[0]) + 1
        else:
            s = m.start(1)
        out.append((s, m.end(1)))
    return out


def _russian_word(word: str) -> bool:
    parses = morphology._analyzer().parse(word.lower())
    return morphology._analyzer().word_is_known(word.lower()) and not any(
        "Name" in p.tag or "Surn" in p.tag or "Geox" in p.tag for p in parses[:2])


def _arabic_names(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ARABIC_NAME.finditer(text)
            if not _NAMESAKE_BEFORE.search(text, max(0, m.start() - 20), m.start())
            and not _NAMESAKE_AFTER.match(text, m.end())
            # (the first word of a quoted name, «Әл-Фараби әлемі» конференциясы, is the event's)
            and not (text[max(0, m.start() - 1):m.start()] in "«\"“„" and m.start() > 0
                     and text[m.end():m.end() + 1] not in "»\"”“")]


# A street named after a person is an address («Қ. Сәтпаев к-сі, 2», «ул. К. Сатпаева, 22», "12 Al-Farabi Ave.")
_STREET_AFTER = re.compile(r"[ \u00a0]*(?:к-сі|көшесі|даңғылы|даңғ\.|street|st\.|avenue|ave\.)(?![\w-])", re.I)
_STREET_BEFORE = re.compile(r"(?<![\w-])(?:ул\.|улиц[аеуы]|пр\.|просп\.|проспект(?:а|е|у|ом)?|пр-т|көшесі(?:нде|нің)?|"
                            r"даңғылы(?:нда|ның)?|street)[ \u00a0]*$", re.I)


def _street(text: str, s: int, e: int) -> bool:
    return bool(_STREET_AFTER.match(text, e) or _STREET_BEFORE.search(text, max(0, s - 16), s))


# Where a surname is also a word of the language ("J. Knight", "E. Jones", «Б.Ж. Әбдірайым»,
# «Қ.С. Қаражан»), the initials decide only when nothing else could be meant: two initials (a given
# name and a patronymic) before a word with Kazakh letters, which no Russian dictionary lists, or
# a single initial before an English word that takes a possessive ("J. Knight's definition") or
# stands in a list of other initials-and-surname names ("J. Beelen and E. Jones").
_AND = r"(?:,[ \u00a0]|[ \u00a0](?:and|и|мен|бен|пен|және)[ \u00a0])"
# (the name before may be written as any surname is: "R.H. MacArthur and E.O. Wilson")
_LISTED_BEFORE = re.compile(rf"[{_UPPER}][{_LOWER}]?\.[ \u00a0]?{_PARTICLE}{_SURNAME_WORD}{_AND}$")
_LISTED_AFTER = re.compile(rf"{_AND}[{_UPPER}][{_LOWER}]?\.[ \u00a0]?[{_UPPER}]")
# A word naming a body of work or an idea before the initials makes them an author's: «в трудах
# Ф.А. Щербины», «теория М. Маккомбса», "the life course perspective of G. Elder". (A title after
# a surname, «Жакупова А.Б. Программа…», has no such word before its initials.)
_AUTHOR_CUE = {
    "ru": re.compile(r"(?<![\w-])(?:труд|работ|исследовани|публикаци|теори|концепци|модел|иде|"
                     r"подход|учени|взгляд|материал|стать|монографи|книг|сочинени|записк|отч[её]т|дневник)"
                     r"[а-яё]*[ \u00a0]+$", re.I),
    "en": re.compile(r"(?<![\w-])(?:works?|writings|studies|theory|theories|concept|model|perspective|"
                     r"approach|framework|ideas?|views?)[ \u00a0]+(?:of|by)[ \u00a0]+$", re.I),
}


_KK_GENITIVE = re.compile(r"(?:ның|нің|тың|тің|дың|дің)$")
# (or the title of one of its works in quotes: «А. Сейдімбектің «Күй шежіресінде»»)
_KK_WORK_AFTER = re.compile(r"[ \u00a0]+(?:(?:еңбек|зерттеу|теория|тұжырым|пікір|көзқарас|шығарма|мақала|ілім|идея|"
                            r"концепци|монографи|кітаб|жазба|естелі)\w*|[«“\"][А-ЯЁӘҒҚҢӨҰҮҺІ])", re.I)
_LATIN = re.compile("[A-Za-z]")
_NOT_INITIALS = {"U.S.", "U.K.", "E.U.", "U.N.", "P.R.", "D.C.", "A.D.", "B.C.", "N.Y.", "L.A.", "S.A."}
_CO_AUTHORS = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:co-?workers|co-?authors|colleagues|associates)\b|\s+et\s+al\b|"
                         r"\s*\(\s*(?:19|20)\d\d", re.I)
# ("after" and "following" cite whose idea a thing follows: "bond valence sum analysis after I.D. Brown")
_BY = re.compile(r"(?<!\w)(?:by|after|following)\s+$", re.I)
# … or the subject of what a scholar did: "R.W. Butler linked it to …", "J.R. Baker showed that …"
_DID_AFTER = re.compile(r"\s+(?:[a-z]{2,}ed|showed|wrote|found|drew|gave|made|saw|took|began|led|built|put|set)\b")
_KK_DID_AFTER = re.compile(r"[ \u00a0]+[а-яәғқңөұүһі]{3,}(?:ды|ді|ты|ті|ған|ген|қан|кен)(?![\w-])")
_WORD_AT_END = re.compile(r"(?<![\w-])([а-яё]+)[ \u00a0]+$")
_STATE_AFTER = re.compile(rf"{_AND}(?:{'|'.join(re.escape(x) for x in sorted(_NOT_INITIALS))})")


def _surname_by_its_place(text: str, m: re.Match, lang: str) -> bool:
    initials = m.group(1).count(".")
    word = m.group(2)
    if lang in ("ru", "kk") and initials >= 2 and re.search("[ӘҒҚҢӨҰҮҺІәғқңөұүһі]", word) is not None:
        return True
    if lang not in ("ru", "kk", "en"):
        return False
    before = text[max(0, m.start() - 40):m.start()]
    cue = _AUTHOR_CUE.get(lang)
    if cue is not None and cue.search(before):
        return True
    # Kazakh names the body of work after its author's genitive: «М. Шоқайдың еңбектері»,
    # «Ә. Бөкейхановтың көзқарастары»
    if lang == "kk" and _KK_GENITIVE.search(word) and _KK_WORK_AFTER.match(text, m.end()):
        return True
    # a surname that is an English word after two initials, followed by its co-authors or cited
    # by "by": "K.O. Hill and co-workers", "D.G. Sweet et al.", "developed by A.D. Kersey"
    # (never "U.S. Army": no abbreviation of a state or an era is a person's initials)
    after = text[m.end():m.end() + 12]
    if lang == "en" and initials >= 2:
        # (… or listed with other names so written: "M.K. Suleimenov, Yu.G. Basin, A.G. Didenko")
        return m.group(1).replace(" ", "") not in _NOT_INITIALS and (
            _CO_AUTHORS.match(text, m.end()) is not None or _BY.search(before) is not None
            or _DID_AFTER.match(text, m.end()) is not None
            or bool(_LISTED_BEFORE.search(before) or _LISTED_AFTER.match(after) and not _STATE_AFTER.match(after)))
    if lang == "en" and re.search(r"[a-z]['’]s$", word):
        return True
    # … the subject of a Kazakh verb in the past or of its participle: «теориясын Г. Фант жасады»,
    # «әдісін С. Харт ұсынды», «көзқарастарды D. London дамытты», «С. Харт ұсынған әдіс»
    # (inside a sentence: «А. Зерттеу жүргізілді» opening a line is a list's item)
    inside = before.rstrip()[-1:] not in ("", ".", "!", "?", ":", ";", "\n") and not before.endswith("\n")
    if lang == "kk" and inside and _KK_DID_AFTER.match(text, m.end()):
        return True
    # … or named right after a Russian verb of making or proposing: «выполнил У. Хаус»,
    # «предложено P. Lauren», «разработана Дж. Свеллером»
    if lang == "ru" and inside and (verb := _WORD_AT_END.search(before)) and morphology.russian_pos(verb.group(1)) in ("VERB", "PRTS"):
        return True
    # one initial is as plain where the name is the subject of a past-tense verb or the agent after
    # "by": "G. Taylor described the separation method", "proposed by G. Taylor"
    if lang == "en" and (_BY.search(before) or _DID_AFTER.match(text, m.end())):
        return True
    return bool(_LISTED_BEFORE.search(before) or _LISTED_AFTER.match(after))


# A scholar named without initials by the possessive of a theory, concept or body of work:
# "Henri Lefebvre's theory", "Bourdieu's concept of capital", "Rashid Nugmanov's films".
_SCHOLAR_POSSESSIVE = re.compile(
    r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:(?:van|von|de|der|den|du|da|di|la|le|al|ibn)\s+)?){0,2}"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+"
    # ("Butler's tourism area life cycle model": up to four words between name and head)
    r"(?:[a-z-]+\s+){0,4}(?:theory|theories|concept|concepts|notion|approach|model|framework|typology|"
    r"method|hierarchy|idea|ideas|views?|works?|writings|legacy|school|films?|novels?|poetics|thesis)\b|"
    r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+[\"“«]")   # "Rashid Nugmanov's "The Needle\""
_NOT_A_SCHOLAR = {"The", "This", "That", "Our", "Its", "Their", "Republic", "Kazakhstan", "University",
                  "Institute", "Ministry", "Government", "President", "Council", "Union", "Bank",
                  "Agency", "Company", "Centre", "Center", "State", "National", "World", "Central",
                  "Soviet", "Kazakh", "Russian", "English", "Europe", "European", "Asia", "Asian",
                  # events named after a season, which is a given name too ("Summer Universiade"):
                  # the event's word is too rare for the English word list
                  "Universiade", "Olympiad", "Olympics", "Paralympics", "Expo"}


# A scholar named by surname alone after the body of work that is theirs: "media system theory
# of Hallin and Mancini", "the work of Barnard on …". Only heads a person owns (a theory, works,
# writings, ideas): "the model of Singapore" and "the approach of Finland" name places.
_OF_SCHOLAR = re.compile(
    r"\b(?:theory|theories|works?|writings|ideas|views|typology|legacy)\s+of\s+"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+and\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?))?(?![\w-])(?!\s+[A-Z])")


def _scholars_after_of(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _OF_SCHOLAR.finditer(text):
        names = [m.span(g) for g in (1, 2) if m.group(g)]
        if all(text[a:b] not in _NOT_A_SCHOLAR and not _english_word(text[a:b].lower())
               and not _given_name(text[a:b]) for a, b in names):
            out.extend(names)
    return out


# Scholars cited in brackets after the theory or model that is theirs: «фискалдық федерализм
# теориясына (Оутс, Масгрейв)», «теория хрупкости (Мински, 1986)», "stakeholder theory (Freeman,
# 1984)". Each bracketed surname, a single capitalised word, maybe with a year, is a person.
_BRACKETED_AFTER = re.compile(r"(?:теори|концепци|модел|тәсіл|тұжырымдама|theory|theories|model|concept|framework)"
                              r"[a-zа-яәғқңөұүһі]*\s*\(([^()\n]{3,80})\)", re.I)
_BRACKET_PART = re.compile(rf"\s*([{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)(?:,?\s+(?:19|20)\d\d[a-z]?)?\s*")
_BRACKET_JOIN = re.compile(r";|,(?!\s*(?:19|20)\d\d)|\s+(?:и|және|мен|пен|бен|and|&)\s+")


def _scholars_in_brackets(text: str, lang: str) -> list[tuple[int, int]]:
    out = []
    for m in _BRACKETED_AFTER.finditer(text):
        inner, at, spans = m.group(1), m.start(1), []
        for piece in _BRACKET_JOIN.split(inner):
            part = _BRACKET_PART.fullmatch(piece)
            if part is None or not _reads_as_surname(part.group(1), lang) or part.group(1) in _NOT_A_SCHOLAR:
                spans = []
                break   # an acronym, a phrase, a place: the bracket is no list of scholars
            start = at + inner.index(piece) + part.start(1)
            spans.append((start, start + len(part.group(1))))
        out.extend(spans)
    return out


def _scholars_by_possessive(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SCHOLAR_POSSESSIVE.finditer(text):
        group = 1 if m.group(1) else 2
        words = m.group(group).split()
        # "From Rashid Nugmanov's …": a capitalised word of the language opens the sentence
        while words and (words[0] in _NOT_A_SCHOLAR or (len(words) > 1 and _english_word(words[0].lower())
                                                         and not _given_name(words[0]))):
            words.pop(0)
        if not words or words[0][:1].islower() or any(w in _NOT_A_SCHOLAR for w in words) or \
                _sentence_start_only(text, m.start(group), words):
            continue
        start = m.end(group) - len(" ".join(words))
        out.append((start, m.end(group)))
    return out


# A person named by given name and surname, without initials: "the approach of David Bordwell
# and Kristin Thompson", "the films of Darezhan Omirbayev". Two capitalised words are a name when
# the first is a given name in gender-guesser's dictionary (some 45,000 names of many countries,
# Kazakh ones among them) or the second ends as a Kazakh or Russian surname does in Latin letters;
# and neither is an ordinary English word ("Paris Agreement", "Aral Sea") nor a given name standing
# second ("Monte Carlo"), and no capitalised word runs on before or after (a longer name).
# (the letters of other Latin alphabets too: "Bronisław Malinowski", "Søren Kierkegaard")
_LATIN_UP, _LATIN_LOW = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"
_FULL_NAME = re.compile(rf"(?<![\w’'.-])(?<![A-Z][a-z] )([{_LATIN_UP}][{_LATIN_LOW}]+(?:-[{_LATIN_UP}][{_LATIN_LOW}]+)?) "
                        rf"([{_LATIN_UP}][{_LATIN_LOW}]+(?:-[{_LATIN_UP}][{_LATIN_LOW}]+)?)(?![\w-])(?!\s+[{_LATIN_UP}])")
_LATIN_SURNAME = re.compile(r"(?:ov|ev|yev|ova|eva|yeva|uly|kyzy|qyzy|sky|skaya|skiy|enko|bayev|bayeva|bekov|bekova|"
                            r"ski|ska|wicz|vich)$")


def _full_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _FULL_NAME.finditer(text):
        first, second = m.group(1), m.group(2)
        if first in _NOT_A_SCHOLAR or second in _NOT_A_SCHOLAR or _capitalised_word_before(text, m.start()):
            continue
        surname_shaped = bool(_LATIN_SURNAME.search(second))
        if not surname_shaped and (_given_name(second) or _english_word(second.lower())):
            continue
        if _english_word(first.lower()) and not _given_name(first):
            continue
        if _given_name(first) or surname_shaped:
            out.append((m.start(), m.end()))
    return out


def _capitalised_word_before(text: str, start: int) -> bool:
    """"Kazakh National University …": a capitalised word before the pair, in the same sentence."""
    before = re.search(r"([A-Za-z]+)[ \u00a0]+$", text[max(0, start - 40):start])
    return bool(before and before.group(1)[:1].isupper() and not _sentence_start_only(text, start - len(before.group(0)), [before.group(1)]))


# A person named by given name and surname in Cyrillic, inflected or not: «Мұхтар Әуезовтің»,
# «Михаила Бахтина», «Олжас Сулейменов». The given name is one pymorphy3's dictionary tags as a
# name (Kazakh names too, read through their Russian spelling: Мұхтар as Мухтар); the surname
# reads as one (a surname's tag or ending, a Kazakh case ending on it), and no capitalised word
# runs on before or after (a longer name: «Мұхтар Әуезов атындағы …» keeps the person).
_CYRILLIC_PAIR = re.compile(r"(?<![\w.-])([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+) ([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?)(?![\w-])(?! [А-ЯЁӘҒҚҢӨҰҮҺІ])")
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноуухи")
# A Kazakh patronymic, in any case: «Бікіұлы», «Құнанбайұлының», «Бекқызына»
_PATRONYMIC = re.compile(r"[а-яёәғқңөұүһі]{2}(?:ұлы|улы|қызы|кызы)(?:ның|нің|на|не|нан|нен|мен|ға|ге|нда|нде|н)?$")
# capitalised words that open a sentence before a patronymic and name no one
_NOT_GIVEN = {"Бұл", "Осы", "Сол", "Ол", "Оның", "Ал", "Және", "Бірақ", "Мұнда", "Онда", "Кейін", "Сондай", "Әсіресе",
              "Это", "Эти", "Этот", "Его", "Как", "Так", "Все", "При"}


def _cyrillic_full_names(text: str, lang: str) -> list[tuple[int, int]]:
    out = []
    for m in _CYRILLIC_PAIR.finditer(text):
        first, second = m.group(1), m.group(2)
        if _cyrillic_capital_before(text, m.start()):
            continue
        if not _given_cyrillic(first) and not (_PATRONYMIC.search(second) and first not in _NOT_GIVEN):
            # (a given name no dictionary lists is still one before a Kazakh patronymic:
            # «Мүрсейіт Бікіұлы», «Абай Құнанбайұлының»)
            continue
        if not _surname_shaped(second, lang):
            continue
        out.append((m.start(), m.end()))
    return out


# A scholar named by the surname alone in the Kazakh genitive, whose work or idea follows
# («Декарттың рационализмі», «Сулейменовтің еңбектері», «Голдманның сенімділік теориясы»): a
# capitalised word that the dictionary knows as a surname and never as a place, or, inside a
# sentence only, one with a surname's ending that names no thing it knows (the name before it, if
# any, is a full name's, found as one)
_KK_GENITIVE_NAME = re.compile(r"(?<![\w.-])([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)(?:ның|нің|дың|дің|тың|тің)(?![\w-])")


def _kazakh_genitive_surnames(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _KK_GENITIVE_NAME.finditer(text):
        before = text[:m.start()].rstrip()
        if _cyrillic_capital_before(text, m.start()):
            continue
        # (opening a sentence, where every word is capitalised, only a surname the dictionary knows:
        # «Декарттың күмәнді әдіс ретінде пайдалануы …»)
        initial = not before or before[-1] in ".!?:;«\"“(\n"
        if _kazakh_surname_stem(m.group(1)) and not (initial and not _known_surname(m.group(1))):
            out.append((m.start(), m.end()))
    return out


@lru_cache(maxsize=50_000)
def _known_surname(stem: str) -> bool:
    low = morphology.fold(stem).translate(_KAZAKH_TO_RUSSIAN)
    return any("Surn" in p.tag and p.is_known for p in morphology._analyzer().parse(low)[:2])


@lru_cache(maxsize=50_000)
def _kazakh_surname_stem(stem: str) -> bool:
    low = morphology.fold(stem).translate(_KAZAKH_TO_RUSSIAN)
    if len(low) < 4:
        return False
    parses = morphology._analyzer().parse(low)[:2]
    if any("Geox" in p.tag or "Orgn" in p.tag for p in parses):
        return False
    # (the dictionary's own surnames: its guesses call any unknown word one, «Президенті»)
    if any("Surn" in p.tag and p.is_known for p in parses):
        return True
    return len(low) >= 6 and _KAZAKH_SURNAME_ENDING.search(morphology.fold(stem)) is not None and not any(
        p.is_known and not ("Name" in p.tag or "Surn" in p.tag) for p in parses)


def _cyrillic_capital_before(text: str, start: int) -> bool:
    before = re.search(r"([А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+)[ \u00a0]+$", text[max(0, start - 40):start])
    return bool(before and before.group(1)[:1].isupper()
                and not _sentence_start_only(text, start - len(before.group(0)), [before.group(1)]))


@lru_cache(maxsize=50_000)
def _given_cyrillic(word: str) -> bool:
    low = morphology.fold(word).translate(_KAZAKH_TO_RUSSIAN)
    parses = morphology._analyzer().parse(low)[:2]
    if any("Geox" in p.tag for p in parses):
        return False
    if any("Name" in p.tag for p in parses):
        return True
    # Kazakh names pymorphy3 does not list (Ерлан, Әлихан), through their Latin spelling
    from anyascii import anyascii
    return _given_name(anyascii(word).replace("'", "").capitalize())


@lru_cache(maxsize=50_000)
def _surname_shaped(word: str, lang: str) -> bool:
    low = morphology.fold(word)
    stems = {low} | (set(morphology.kazakh_stems(low)) if lang == "kk" else set())
    stems = {st.translate(_KAZAKH_TO_RUSSIAN) for st in stems if len(st) >= 4}
    for st in stems:
        parses = morphology._analyzer().parse(st)[:2]
        if any("Surn" in p.tag for p in parses):
            return True
        # an unknown word, or one known only in another case, with a surname's ending
        if _SURNAME_ENDING.search(st) and len(st) >= 5 and not any(
                p.is_known and p.tag.case == "nomn" and "inan" in p.tag for p in parses):
            return True
    return False


@lru_cache(maxsize=1)
def _given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=True)


@lru_cache(maxsize=50_000)
def _given_name(word: str) -> bool:
    return _given_names().get_gender(word) != "unknown"


def _sentence_start_only(text: str, start: int, words: list[str]) -> bool:
    """One capitalised word is a surname only inside a sentence: opening one, any word is
    capitalised ("Today's approach …")."""
    return len(words) == 1 and (start == 0 or re.search(r"[.!?]\s*$", text[max(0, start - 3):start]) is not None)


@lru_cache(maxsize=50_000)
def _surname_before(word: str) -> bool:
    low = morphology.fold(word)
    if _english_word(low, _SURNAME_FREQUENCY):
        return False   # "As A. Giddens argues", "Thus J. Nye …": a word of the sentence ending in a surname's "s"
    if _SURNAME_ENDING.search(low):
        return True
    return bool(re.search("[а-яё]", low)) and any("Surn" in p.tag for p in morphology._analyzer().parse(low)[:2])


@lru_cache(maxsize=50_000)
def _reads_as_surname(word: str, lang: str) -> bool:
    low = morphology.fold(word)
    if len(low) < 2:
        return False
    if re.search("[а-яё]", low) and not re.search("[әғқңөұүһі]", low):
        if lang == "kk" and _foreign_surname_in_kazakh(low):
            return True
        return _russian_surname(low)
    if re.search("[әғқңөұүһі]", low):
        # (a Kazakh given name or surname the guesser reads as one: «Ә. Қайдар»)
        if lang == "kk" and len(low) >= 4 and any(any(t in p.tag for t in ("Surn", "Name"))
                                                  for p in morphology._analyzer().parse(low)[:2]):
            return True
        # a Kazakh case ending on a surname («Бернштейннің», «Асафьевтің»): what is left must
        # read as a surname to the Russian dictionary too, or be unknown to it
        stems = [s for s in morphology.kazakh_stems(low) if len(s) >= 3 and not re.search("[әғқңөұүһі]", s)]
        if any(_russian_surname(s) for s in stems):
            return True
        # a Kazakh surname in its own letters, by its ending («Сәрсенбаевтың», «Нұрланова», «Әбілұлы»)
        return any(len(s) >= 5 and _KAZAKH_SURNAME_ENDING.search(s) for s in {low, *morphology.kazakh_stems(low)})
    return not _english_word(low, _SURNAME_FREQUENCY if len(low) <= _SHORT_SURNAME else 500)


def _foreign_surname_in_kazakh(low: str) -> bool:
    """A surname in Russian letters inside a Kazakh text («Й. Корен», «Б. Сарвар»): a Russian verb
    or participle the dictionary would read there is not Kazakh prose, so only a known thing in the
    nominative (a title's first word, «Программа») is refused."""
    parses = morphology._analyzer().parse(low)
    return len(low) >= 4 and not any(p.is_known and p.tag.case == "nomn" and "inan" in p.tag for p in parses[:2])


def _russian_surname(low: str) -> bool:
    parses = morphology._analyzer().parse(low)
    # a word that is almost surely a verb, a participle, an adverb or a function word is no
    # surname, whatever rare surname the dictionary also spells so: «С. Предложены …», «С. По
    # данным …» are a page's "С." before a sentence, not an initial and a name
    if parses[0].is_known and parses[0].tag.POS not in (None, "NOUN", "ADJF") and parses[0].score >= 0.9:
        return False
    if any(any(t in p.tag for t in _NAME_TAGS) for p in parses):
        return True
    # a title opens with a thing in the nominative («Программа», «Модель», «Теория»); a known
    # word in another case («М. Портера») or a person («К. Рифф») may be a surname
    return not any(p.is_known and p.tag.case == "nomn" and "inan" in p.tag for p in parses)


@lru_cache(maxsize=1)
def _english_words():
    from spellchecker import SpellChecker

    return SpellChecker(language="en")


# After initials a short word is a surname unless it is a common English word: the list counts the
# commonest surnames too ("Smith" 1,006, "Wang" 740, "Xu" 1,502, "Li" 2,438, "Kim" 2,274), far
# below the words a capital might start ("North" 61,507, "Knight" 12,808). A longer word keeps the
# lower bar: after a citation's initials a title may open ("Salmela L. Autonomy and …", 655).
_SURNAME_FREQUENCY = 3000
_SHORT_SURNAME = 5


def _english_word(low: str, frequency: int = 500) -> bool:
    """A frequent English word ("Program", "Model"): pyspellchecker's list holds surnames too,
    so only a frequent word counts (surnames such as "Sobolev" are rare or absent)."""
    try:
        return _english_words().word_frequency[low] >= frequency
    except ImportError:  # pyspellchecker is a dependency; without it, no English word is refused
        return False
