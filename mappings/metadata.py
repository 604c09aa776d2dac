"""Metadata an abstract states in passing: title, author, specialty, degree, institution,
publication counts by kind and the publication list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import degrees, front_matter, headings
from .headings import LIST_MARKER

_I = re.IGNORECASE | re.UNICODE

def _number_words() -> dict[str, dict[str, int]]:
    en_units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    en_teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"]
    en = {w: i for i, w in enumerate(en_units, 1)} | {w: i for i, w in enumerate(en_teens, 10)}
    en |= {"a single": 1, "twenty": 20, "thirty": 30, "forty": 40}
    en |= {f"{tens}{sep}{w}": t + i for tens, t in (("twenty", 20), ("thirty", 30), ("forty", 40))
           for sep in ("-", " ") for i, w in enumerate(en_units, 1)}
    ru = {"один": 1, "одна": 1, "одной": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2,
          "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5,
          "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9,
          "девяти": 9, "десять": 10, "десяти": 10, "двадцать": 20, "двадцати": 20, "тридцать": 30,
          "тридцати": 30, "сорок": 40, "сорока": 40}
    # "двадцать три", "двадцати трех": the tens and the unit in the same case
    units = {w: n for w, n in ru.items() if n < 10}
    ru |= {f"{tens} {unit}": t + n for tens, t in (("двадцать", 20), ("двадцати", 20), ("тридцать", 30),
                                                  ("тридцати", 30), ("сорок", 40), ("сорока", 40))
           for unit, n in units.items()}
    for i, stem in enumerate(["одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат",
                              "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат"], 11):
        ru[stem + "ь"] = ru[stem + "и"] = i
    kk_units = ["бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
    kk = {w: i for i, w in enumerate(kk_units, 1)} | {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40}
    kk |= {f"{tens} {w}": t + i for tens, t in (("он", 10), ("жиырма", 20), ("отыз", 30), ("қырық", 40))
           for i, w in enumerate(kk_units, 1)}
    return {"en": en, "ru": ru, "kk": kk}


NUMBER_WORDS = _number_words()

# Publication kinds, most specific first; each clause of the approbation text counts once.
KIND_PATTERNS = [
    ("Scopus", r"scopus|скопус"),
    ("WebOfScience", r"web\s+of\s+science|\bwos\b|clarivate"),
    ("CommitteeJournal", r"recommended|committee|кксон|коксон|ккснво|ксқбк|кокснво|рекомендован\w*|комитет\w*|ұсынған|ұсынылған|комитеті"),
    ("Conference", r"conference|конференци\w*|симпозиум\w*|форум\w*"),
    ("Monographs", r"monograph\w*|монографи\w*"),
    ("InternationalJournal", r"international\s+(?:\w+\s+)?journals?|foreign\s+(?:\w+\s+)?journals?|зарубежн\w+\s+(?:\w+\s+)?журнал\w*|международн\w+\s+(?:\w+\s+)?журнал\w*|шетелдік\s+(?:\w+\s+)?журнал\w*|халықаралық\s+(?:\w+\s+)?журнал\w*"),
    ("DomesticJournal", r"kazakhstani\s+journals?|domestic\s+journals?|отечественн\w+\s+журнал\w*|казахстанск\w+\s+журнал\w*|отандық\s+журнал\w*|қазақстандық\s+журнал\w*"),
]
_ITEM_WORDS = (r"publications?|articles?|papers?|works?|monographs?|chapters?|reports?|presentations?|"
               r"доклад\w*|баяндама\w*|"
               r"публикаци\w*|стат(?:ья|ьи|ей|ьях)|работ\w*|труд(?:а|ов|ах)?|монографи\w*|тезис\w*|"
               r"жарияланым\w*|мақала\w*|еңбек\w*|жұмыс\w*|монография\w*|басылым\w*")


@dataclass
class Publication:
    ordinal: int
    citation: str
    year: int | None = None
    venue: str | None = None
    pages: str | None = None
    language: str | None = None


@dataclass
class Author:
    name: str
    affiliations: list[int] = field(default_factory=list)   # the superscript numbers after the name


@dataclass
class Metadata:
    title: str | None = None
    author: str | None = None
    specialty_code: str | None = None
    specialty_name: str | None = None
    # "phd" | "candidate" | "doctor" (of Sciences) | "master-arts" | "master-science" | "master" | "bachelor"
    degree: str | None = None
    institution: str | None = None
    department: str | None = None
    publication_counts: dict[str, int] = field(default_factory=dict)
    publications: list[Publication] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)          # in the order printed
    affiliations: dict[int, str] = field(default_factory=dict)  # superscript number → organisation
    keywords: dict[str, list[str]] = field(default_factory=dict)  # language → keywords, in order

    @property
    def degree_phd(self) -> bool:
        return self.degree == "phd"


_SPECIALTY = re.compile(
    r"(?<![\w-])(?P<code>[5-8][DDДМMВB]\d{5,6}|\d{2}\.\d{2}\.\d{2})(?![\w])"
    r"(?:\s*[–—-]\s*|\s*[«\"“]\s*|\s+)?(?P<name>[«\"“]?[^\n«»\"“”.;,()]{3,80})?", re.UNICODE)
# A quoted title: «…» (which may hold «…» inside), “…” or "…"; an apostrophe does not end it.
_Q = r"""(?:«\s*(?P<a>(?:[^«»]|«[^«»]*»){10,300}?)\s*»|“\s*(?P<b>[^”]{10,300}?)\s*[”“]|"\s*(?P<c>[^"\n]{10,300}?)\s*")"""
_CAP_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+"
_TITLE_PATTERNS = [
    rf"on\s+the\s+(?:topic|theme|subject)\s*:?\s*{_Q}",
    rf"на\s+тему\s*:?\s*{_Q}",
    rf"{_Q}\s+тақырыб",
    rf"(?:тақырыбы|тақырыбында)\s*:?\s*{_Q}",
    # (a form's label in two languages, "Название / Title:", is one label)
    # ("Topic: …", "Theme of the project: …" say in English what "Тема: …" says)
    # ("Dissertation title: …", a council's form as a converter gives it)
    rf"^[ \t]*(?:(?:название|тақырыбы|атауы)\s*/\s*)?(?:(?:dissertation|thesis|project|research)[ \t]+)?(?:title|topic|theme|тема|тақырыбы)(?:\s*/\s*(?:название|тема|тақырыбы|атауы))?"
    # (or what the title is of, before a colon: "Тема магистерской диссертации: …", a form's row)
    rf"(?:\s*[:–—-]|(?:[ \t]+[^\W\d_]+['’]?[^\W\d_]*){{1,3}}[ \t]*:)\s*(?:{_Q}|(?P<t>.+))$",
    # The label alone on its line and the title on the next: a title page typed as a table
    # ("Тема магистерской диссертации | Развитие …", "Title of the thesis | …").
    r"^[ \t]*(?:(?:title|topic|theme|тема)(?:[ \t]+[^\W\d_]+['’]?[^\W\d_]*){0,3}|(?:[^\W\d_]+[ \t]+){0,2}тақырыбы)[ \t]*:?[ \t]*\n"
    r"[ \t]*(?P<t>[^\n]{10,400})$",
    # "… the dissertation of Sarsenbayeva Dana Yerlanovna “…”": the work's own title, before any
    # other quotation (a running header's shortened title, a law's name)
    rf"(?:dissertation|thesis)\s+(?:of|by)\s+{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{1,3}}\s*,?\s*{_Q}",
    rf"(?:^|\s){_Q}",
]
# (a Kazakh name typed without the Kazakh layout writes «ә» as the Latin schwa «ə», U+0259: still a name)
_NAME = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏ][a-zа-яёәғқңөұүһіə'’]+(?:-[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏ][a-zа-яёәғқңөұүһіə'’]+)?"
_FULL_NAME = rf"{_NAME}(?:[ \t]+{_NAME}){{1,3}}"
_KK_GENITIVE = r"(?:ның|нің|дың|дің|тың|тің)"
_STUDENT_YEAR = (r"(?i:\d\s*-?\s*(?:курс|жыл)\w*\s+(?:студент\w*|білім\s+алушы\w*|магистрант\w*)"
                 r"|(?:студент\w*|магистрант\w*)\s+\d\s*-?\s*(?:го\s+)?курса"
                 r"|\d(?:st|nd|rd|th)?[- ]year\s+(?:student|undergraduate))")
_AUTHOR_PATTERNS = [
    # "… by **Utegenova-Navarro Assel Erkenovna**", "dissertation work of Zhaksylykov Marat …"
    rf"\b(?:by|work\s+of|thesis\s+of|dissertation\s+of)\s+(?P<a>{_FULL_NAME})",
    # A diploma's "Выполнил(а) студент:" and "Подготовила:" name the one who did the work.
    # (a title page run into one line labels its fields after a full stop: "… Software Engineering.
    # Author: Bekzhanov Yerlan Nurlanovich, group SE-2107. Supervisor: …")
    rf"(?:^|\n|(?<=[.;][ \t]))\s*(?i:author|автор|авторы|автордың\s+аты-жөні|докторант|phd\s+student|doctoral\s+student|"
    # (a council's page labels the doctoral student "Doctoral candidate:")
    rf"(?:doctoral|phd)\s+candidate|соискатель|исполнитель|орындаған|"
    rf"магистрант|master'?s\s+student|graduate\s+student|студент|student|білім\s+алушы|обучающ\w+|prepared\s+by|completed\s+by|"
    rf"(?:выполнил|подготовил)(?:\(а\)|а|и)?(?:\s+(?:студент\w*|магистрант\w*|обучающ\w+))?)\s*[:–—-]\s*"
    # the student's year may stand before the name ("Орындаған: 4-курс студенті …", "студент 4 курса …")
    rf"(?:{_STUDENT_YEAR}\s+)?(?P<a>{_FULL_NAME})",
    # A news post's "Магистрант Сапарова Айгерім Нұрланқызы … сәтті қорғады", "Докторант Иванов
    # Пётр Сергеевич защитил …": the role, no colon, then the name in full; the patronymic's
    # ending tells a person's name from the words a sentence goes on with.
    rf"(?:^|\n)\s*(?i:докторант|магистрант|соискатель|ізденуші|doctoral\s+student|phd\s+student|master'?s\s+student)"
    rf"\s+(?P<a>{_NAME}[ \t]+{_NAME}[ \t]+{_NAME}(?:(?<=ұлы)|(?<=улы)|(?<=қызы)|(?<=кызы)|(?<=вич)|(?<=вна)))(?!\w)",
    # Russian, in the genitive: "диссертационной работы Ивановой Марии Петровны «…»"
    rf"(?:диссертаци\w*|работ\w*|исследовани\w*)\s+(?P<ru>{_NAME}[ \t]+{_NAME}(?:[ \t]+{_NAME})?)\s*(?:[«\"“]|на\s+тему|,)",
    # Kazakh, in the genitive: "Сарсенбаева Жанар Санжаровнаның «…»", or before the code of the
    # programme ("Жанұзақов Ерлан Серікұлының 8D09102 – Ветеринариялық санитария …")
rf"(?P<kk>{_NAME}[ \t]+{_NAME}[ \t]+[А-ЯЁӘҒҚҢӨҰҮҺІƏ][а-яёәғқңөұүһіəi]+?(?:ұлы|қызы|вич|вна)?){_KK_GENITIVE}(?!\w)\s*"
    r"(?:[«“\"]|диссертаци|\d[A-ZА-Я]\d{5}(?!\d)|\d{2}\.\d{2}\.\d{2}(?![\d.]))",
    rf"(?:^|\n|»|”)\s*(?P<a>{_NAME}(?:[ \t]+{_NAME}){{1,2}})\s+(?:on\s+the\s+topic|на\s+тему)",
    # A full name with its patronymic opening a line, the title in capitals run on after it
    # (a PDF's title page joined into one line): "Омарова Айгерім Болатқызы САКСАУЛ ТОҒАЙЛАРЫ …".
    rf"(?:^|\n)[ \t]*(?P<a>{_NAME}[ \t]+{_NAME}[ \t]+{_NAME}(?:(?<=ұлы)|(?<=улы)|(?<=қызы)|(?<=кызы)|(?<=вич)|(?<=вна)))[ \t]+"
    r"(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"]{2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]*[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2})",
    # A name in capitals on a line of its own: "ЖУМАБЕКОВА АЙГЕРИМ СЕРИКОВНА".
    r"(?:^|\n)[ \t]*(?P<caps>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'’-]{2,}(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'’-]{2,}){1,3})[ \t]*(?=\n|$)",
    # A name alone on a line of the title page (the first, or after the specialty line).
    rf"(?:^|\n)[ \t]*(?P<a>{_NAME}(?:[ \t]+{_NAME}){{1,3}})[ \t]*(?=\n|$)",
]


def russian_nominative(name: str) -> str:
    """Ивановой Марии Петровны → Иванова Мария Петровна (the genitive of a title page)."""
    parts = name.split()
    if len(parts) < 2:
        return name
    patronymic = parts[-1] if len(parts) == 3 else ""
    female = bool(re.search(r"(?:вны|чны|[ыи]зы)$", patronymic)) or bool(re.search(r"(?:ой|ей)$", parts[0]))

    def surname(w: str) -> str:
        if female:
            return re.sub(r"(ов|ев|ёв|ин|ын)ой$", r"\1а", re.sub(r"ской$", "ская", w))
        return re.sub(r"(ов|ев|ёв|ин|ын)а$", r"\1", re.sub(r"ского$", "ский", w))

    def given(w: str) -> str:
        if female:
            return re.sub(r"ии$", "ия", re.sub(r"([^и])ы$", r"\1а", w))
        return re.sub(r"я$", "й", re.sub(r"([бвгджзклмнпрстфхцчшщ])а$", r"\1", w))

    def father(w: str) -> str:
        return re.sub(r"вны$", "вна", re.sub(r"чны$", "чна", re.sub(r"вича$", "вич", re.sub(r"ича$", "ич", w))))

    out = [surname(parts[0]), given(parts[1])]
    if patronymic:
        out.append(father(patronymic))
    return " ".join(out)


# Capitalised words that open Kazakh and Russian sentences and titles, never a person's name.
_NOT_A_NAME = re.compile(r"(?i)\b(?:республика\w*|қазақстан\w*|казахстан\w*|жұмыс\w*|зерттеу\w*|диссертаци\w*|"
                         r"работ\w*|дипломн\w*|магистерск\w*|бакалаврск\w*|выпускн\w*|квалификацион\w*|"
                         r"университет\w*|академи\w*|институт\w*|колледж\w*|министрл\w*|министерств\w*|мемлекет\w*|"
                         r"халықаралық|международн\w*|"
                         r"republic|kazakhstan|university|institute|academy|ministry|department|faculty|dissertation|"
                         # a table's header row of authors and affiliations ("Авторы | Аффилиация")
                         r"авторы|авторлар|authors|аффилиаци\w*|affiliations?|мекемелер\w*)\b")


def _author(head: str) -> str | None:
    """The first match of the most telling pattern that is a name."""
    for pat in _AUTHOR_PATTERNS:
        for m in re.finditer(pat, head, re.UNICODE):
            name = _author_of(m)
            # Without a title page the text opens with a heading ("Актуальность темы",
            # "Тақырыптың өзектілігі") that the name patterns can take for a name.
            if name and not any(headings.kinds_named(name, lang) for lang in ("en", "ru", "kk")):
                return name
    return None


def _author_of(m: re.Match) -> str | None:
    """The name a pattern matched, in its dictionary form, or None when it is no name."""
    if m.groupdict().get("ru"):
        return russian_nominative(_squash(m.group("ru")))
    if m.groupdict().get("caps"):
        # "СЕЙДАХМЕТОВА ЖАНАР АЙДАРҚЫЗЫНЫҢ": the Kazakh genitive of the title page, in capitals
        name = re.sub(rf"(?<=[а-яёәғқңөұүһі]{{3}}){_KK_GENITIVE}$", "", m.group("caps").title())
        if not _NOT_A_NAME.search(name) and not re.search(
                r"(?i)abstract|annotation|аннотаци|аңдатпа|реферат|summary|түйін|резюме|phd|диссертац", name):
            return _squash(name)
        return None
    if m.groupdict().get("kk"):
        name = _squash(m.group("kk"))
        return None if _NOT_A_NAME.search(name) else name
    # "Омарова Гүлнар Серікқызының" alone on its line: the Kazakh genitive of the title page
    name = re.sub(rf"(?<=[а-яёәғқңөұүһі]{{3}}){_KK_GENITIVE}$", "", _squash(m.group("a")))
    # A heading in capitals or an abstract's first words are no name.
    if name.isupper() or re.search(r"(?i)\b(abstract|annotation|аннотация|аңдатпа)", name) or _NOT_A_NAME.search(name):
        return None
    return name


# Where the work was done: "completed at the Department of X of the Y University",
# "выполнена на кафедре X Y университета", "Y университетінің X кафедрасында орындалды".
_DONE = re.compile(r"(?i)\b(?:completed|carried\s+out|performed|prepared|conducted|written|"
                   r"выполнена|подготовлена|проведена|орындалды|дайындалды|жүргізілді)\b")
# A sentence ends after a word of two letters or more, acronyms included ("Университета КИМЭП.");
# not after an initial ("Л.Н. Гумилева") nor after "им." (имени) before one.
_SENTENCE_END = re.compile(r"(?<=[a-zA-Zа-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ)»\"”]{2}[.!?])(?<!\bим\.)\s+(?=\S)")
_ORG_KIND = {"en": r"University|Institute|Academy|College",
             "ru": r"(?i:университет\w*|институт\w*|академи\w*)",
             "kk": r"(?i:университет\w*|институт\w*|академия\w*)"}


# Legal forms that precede a university's name in Kazakhstan ("НАО «Алматинский университет
# энергетики и связи»", "NJSC Al-Farabi Kazakh National University"): not part of the name.
_LEGAL_FORMS = (r"НАО|НУО|АО|РГП\s+на\s+ПХВ|РГКП|ТОО|ООО|ЧУ|УО|КЕАҚ|КеАҚ|АҚ|ЖШС|ШЖҚ\s+РМК|NJSC|NCJSC|NPJSC|JSC|LLP|"
                r"некоммерческое\s+акционерное\s+общество|акционерное\s+общество|"
                r"non-?profit\s+joint[- ]stock\s+company|joint[- ]stock\s+company")
_LEGAL_FORM = re.compile(rf"^(?:(?:{_LEGAL_FORMS})\s+)+", re.I)
_AFTER_LEGAL_FORM = re.compile(rf"([»”\"][ \t]*(?:{_LEGAL_FORMS}))[ \t]+(?=(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{2}}))", re.I)


def _plain_name(name: str | None) -> str | None:
    if not name:
        return name
    name = _LEGAL_FORM.sub("", name.strip())
    if len(name) > 2 and name[0] in "«\"“" and name[-1] in "»\"”":
        name = name[1:-1].strip()
    return name or None


def affiliation(text: str, lang: str) -> tuple[str | None, str | None]:
    """(institution, department), each in its dictionary form, from the sentence that says
    where the dissertation was completed."""
    institution, department = _affiliation(text, lang)
    return _plain_name(institution), department


def _affiliation(text: str, lang: str) -> tuple[str | None, str | None]:
    sentence = next((sent for line in text.split("\n") for sent in _SENTENCE_END.split(line) if _DONE.search(sent)), None)
    if sentence is None:
        return None, None
    sentence = sentence.strip().rstrip(".")
    if lang == "kk":
        m = re.search(r"(?P<u>(?:[\w.’'-]+\s+){0,12}?(?:университет|институт|академия)\w*?(?:інің|ының|нің|ның|тің|тың|дің|дың))"
                      r"(?:\s+(?P<d>[\w\s,-]{3,90}?)\s+кафедрасында)?", sentence, _I)
        if not m:
            return None, None
        words = m.group("u").split()
        while words and re.match(r"(?i)(?:диссертация\w*|жұмыс\w*|зерттеу\w*)$", words[0]):
            words = words[1:]
        institution = re.sub(r"(?:нің|ның|тің|тың|дің|дың)$", "", " ".join(words)) if words else None
        department = (m.group("d").strip() + " кафедрасы") if m.group("d") else None
        return institution, _capitalise(department)
    if lang == "ru":
        # The department's name runs on over nouns in the genitive ("истории Казахстана") and
        # ends where the university's name begins: an adjective, its kind, or a quotation.
        d = re.search(r"на\s+кафедре\s+(?P<d>.+?)(?:\s+(?=«|\"|[А-ЯЁ][\w-]*(?:ого|его|ой|ей|ых|их)\b|"
                      rf"(?i:университет|институт|академи)|(?:{_LEGAL_FORMS})\b)|$)", sentence)
        done = _DONE.search(sentence)
        rest = sentence[d.end():] if d else sentence[done.end():]
        u = re.search(r"(?P<u>[А-ЯЁ«\"][^,;]*)$", rest)
        u = u if u and re.search(_ORG_KIND["ru"], u.group("u")) else None
        department = ("Кафедра " + d.group("d")) if d else None
        return (russian_org_nominative(_plain_name(u.group("u").strip()) or "") if u else None) or None, department
    # "the Department of History of Kazakhstan of Al-Farabi Kazakh National University": the
    # department ends where the rest still names the university, at the last such "of"/"at".
    org = rf"\b(?:{_ORG_KIND['en']})\b"
    department, rest = None, sentence
    start = re.search(r"Department\s+of\s+", sentence)
    if start:
        splits = [start.end() + m.start() for m in
                  re.finditer(r"\s+(?=(?:of|at|in)\s+(?:the\s+)?[A-Z])", sentence[start.end():])]
        ends = [i for i in splits if re.search(org, sentence[i:])] or splits[:1]
        if ends:
            department, rest = _squash(sentence[start.start():ends[-1]]), sentence[ends[-1]:]
    u = re.search(r"(?:of|at|in)\s+(?:the\s+)?(?P<u>[A-Z].*)$", rest)
    u = u if u and re.search(org, u.group("u")) else None
    u = u or \
        re.search(rf"(?P<u>(?:[A-Z][\w.’'-]*\s+)+(?:{_ORG_KIND['en']})(?:\s+(?:of|named\s+after)\s+[A-Z][\w.’' -]*)?)", rest)
    name = _squash(u.group("u")) if u else None
    kind = re.search(org, name) if name else None
    if kind and "," in name[kind.end():]:
        name = name[:name.index(",", kind.end())]  # "…National University, Astana": the city goes
    return name, department


def _capitalise(s: str | None) -> str | None:
    return s[:1].upper() + s[1:] if s else s


def russian_org_nominative(name: str) -> str:
    """Евразийского национального университета имени Л.Н. Гумилева → Евразийский национальный
    университет имени Л.Н. Гумилева (what follows имени stays in the genitive, as it should);
    «в Казахском национальном университете» → Казахский национальный университет."""
    # Only the words up to the institution's kind change case; what follows (имени …,
    # международных отношений …) is a genitive modifier in the dictionary form too.
    words = name.split()
    kind_at = next((i for i, w in enumerate(words) if re.match(r"(?i)(?:университет|институт|академи)", w)), len(words) - 1)
    feminine = bool(re.match(r"(?i)академи", words[kind_at])) if words else False
    # "выполнена в Казахском национальном университете": the prepositional case
    prepositional = bool(words) and words[kind_at].lower().endswith("е")
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i < kind_at:
            if prepositional and lw.endswith(("ком", "гом", "хом", "ем")):
                w = w[:-2] + "ий"
            elif prepositional and lw.endswith("ом"):
                w = w[:-2] + "ый"
            elif feminine and lw.endswith(("ой", "ей")):
                w = w[:-2] + ("яя" if lw.endswith("ей") else "ая")
            elif lw.endswith(("кого", "гого", "хого")):
                w = w[:-3] + "ий"
            elif lw.endswith("ого"):
                w = w[:-3] + "ый"
            elif lw.endswith("его"):
                w = w[:-3] + "ий"
        elif i == kind_at:
            if lw.endswith(("университета", "института", "университете", "институте")):
                w = w[:-1]
            elif lw.endswith("академии"):
                w = w[:-1] + "я"
        out.append(w)
    return _squash(" ".join(out))


# Classification codes (UDC 327 (574:434), УДК, ӘОЖ, МРНТИ, IRSTI) head some title pages.
_CLASSIFICATIONS = front_matter.CLASSIFICATIONS
_CLASSIFICATION = re.compile(rf"(?i)\b(?:{_CLASSIFICATIONS})\b[^\n]*$")


# Where a specialty's name ends: the phrase that names it as a specialty, the degree, a
# classification, the city and year of the title page.
_SPECIALTY_END = re.compile(
    r"(?i)\s*(?:[«\"“”»]\s*)?(?:\bмамандығ\w*|\bмамандық\w*|\bспециальност\w*|\bspecialty\b|\bspeciality\b|"
    r"\bбойынша\b|\bбілім\s+беру\s+бағдарлама\w*|\bобразовательн\w+\s+программ\w*|\beducational\s+programm?e|"
    r"\bна\s+соискание|\bfor\s+the\s+degree|\bдәрежесін|\bғылымдарының|\bдоктор\w*|\bкандидат\w*|"
    r"\bфилософия\s+доктор|\bdoctor\s+of|\bmaster\s+of|\bмагистр\w*|\bабстракт|\bавтореферат\w*|"
    r"\bдиссертаци\w*|\bdissertation|\bthesis|(?-i:\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{4,}\b))|,\s*(?:\d|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s*(?:,|\d|қ\.|$))|[.;(]\s|[.;(]$|\n|$)")


def specialty_name(m: re.Match) -> str | None:
    """The specialty's whole name after its code, commas included ("Жалпы педагогика,
    педагогика және білім беру тарихы"), without "мамандығы бойынша" and what follows."""
    if not m.group("name"):
        return None
    text = m.string
    start = m.start("name")
    quoted = text[start:start + 1] in "«\"“"
    if quoted:
        close = re.search(r"[»\"”]", text[start + 1:start + 200])
        return _squash(text[start + 1:start + 1 + close.start()]) if close else None
    end = _SPECIALTY_END.search(text, start + 1)
    name = text[start:end.start() if end else start + 120][:160]
    return _squash(name.strip(" «»\"“”–—-")) or None


# A code right after a classification's label and its other codes (МРНТИ 19.21.61; 19.01.11)
_CLASSIFIED = re.compile(rf"(?i)\b(?:{_CLASSIFICATIONS})\b[\s\d.:()\[\]/+,;\"«»–-]*$")


# A dissertation council's code has a specialty's shape after its letter («совета Д 14.15.01»,
# «ОД 14.61.03», "council D 14.61.03"): a council, not the work's specialty.
_COUNCIL_CODE_BEFORE = re.compile(r"(?:^|[\s(])(?:ОД|OD|ДК|Д|D|К|K)\s*$")


def _specialty(text: str) -> re.Match | None:
    """The first specialty code that is not a classification code (МРНТИ 19.21.61, УДК …) or a
    dissertation council's."""
    for m in _SPECIALTY.finditer(text):
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if not _CLASSIFIED.search(before) and not _COUNCIL_CODE_BEFORE.search(before):
            return m
    return None


# What names itself in quotes and is no title: a law, a code, a programme, a concept, an
# address ("Law of the Republic of Kazakhstan «On Artificial Intelligence»", "Закон «Об
# образовании»", "«Жасанды интеллект туралы» Заңы").
_DOCUMENT_WORDS = (r"laws?|codes?|concepts?|programm?es?|strateg(?:y|ies)|decrees?|address|doctrine|plan|"
                   r"закон\w*|кодекс\w*|концепци\w*|программ\w*|стратеги\w*|указ\w*|послани\w*|доктрин\w*|"
                   r"заң\w*|кодекс\w*|тұжырымдама\w*|бағдарлама\w*|стратегия\w*|жарлы\w*|жолдау\w*")
_DOCUMENT_BEFORE = re.compile(rf"(?i)(?:{_DOCUMENT_WORDS})(?:\s+(?:of|the|Республики|Казахстан|Kazakhstan|Republic|"
                              rf"РК|ҚР|Қазақстан|Республикасының)){{0,4}}\s*$")
# «… туралы» Қазақстан Республикасының Заңы: the state may stand between the name and its kind
_DOCUMENT_AFTER = re.compile(rf"(?i)^\s*(?:(?:Қазақстан\s+)?Республикасының\s+|(?:ҚР|РК)\s+)?(?:{_DOCUMENT_WORDS}|"
                             rf"жобасы\w*|проект\w*|project)\b")


# A bare quotation that says what it is "on" names a law or a regulation («Тамақ өнімдерінің
# қауіпсіздігі туралы», «О миграции населения», «On Cinematography»), whatever stands around it.
_ON_SOMETHING = re.compile(r"(?i)\s+туралы\s*$|^\s*(?:(?:о|об)\s+\w|on\s+(?!the\b)\w)")


def _names_a_document(head: str, m: re.Match) -> bool:
    before = head[max(0, m.start() - 60):m.start() + 1].rstrip("«\"“ ")
    return bool(_DOCUMENT_BEFORE.search(before) or _DOCUMENT_AFTER.match(head[m.end():m.end() + 30]))


def _inside_sentence(head: str, m: re.Match, bare: bool) -> bool:
    """A bare quotation run into prose on both sides ("… the slogan «…» was used …") names
    something the sentence is about; a title stands on its own line or after its label."""
    if not bare:
        return False
    line_start = head.rfind("\n", 0, m.start()) + 1
    line_end = head.find("\n", m.end())
    before, after = head[line_start:m.start()], head[m.end():line_end if line_end >= 0 else len(head)]
    if re.search(r"(?i)диссертац|работ|жұмыс|thesis|dissertation|тақырып|topic|тем[аеуы]", before):
        return False  # "диссертационной работы Ким Дмитрия Владимировича «…», представленной …"
    lower = r"[a-zа-яёәғқңөұүһі]"
    # (or opening a sentence of the prose that goes on after it: "… бағаланады. «…» бизнесті …")
    return bool(re.search(rf"(?:{lower}[\w-]*|{lower}[.!?;])[ \t]*[«\"“]?$", before)
                and re.match(rf"^[\s,;]*{lower}", after))


# Quoted names on a title page that are no title: «Медицинский университет Астана» after НАО.
_ORG_QUOTE = re.compile(rf"(?i)(?<![^\W\d_])(?:{_LEGAL_FORMS})\s*$")
_ORG_QUOTE_AFTER = re.compile(rf"^\s*(?:{_LEGAL_FORMS})\b")
# A unit of the university named in quotes ("выполнена на кафедре «Строительство дорог»",
# "«Жылу энергетикасы» кафедрасында", "the Department of “Road Building”"): the unit's name,
# which names a subject as a title does, but is no title.
_UNIT_QUOTE = re.compile(r"(?i)(?<![^\W\d_])(?:кафедр\w*|факультет\w*|лаборатори\w*|отдел\w*|department(?:\s+of)?|"
                         r"chair(?:\s+of)?|faculty(?:\s+of)?|laboratory(?:\s+of)?|бөлім\w*|зертхана\w*)\s*$")
_UNIT_QUOTE_AFTER = re.compile(r"(?i)^\s*(?:кафедра\w*|факультет\w*|зертхана\w*|бөлім\w*|department|chair|laboratory)\b")
# An organisation's name ends on what it is ("… медицина университеті", "… University",
# "… университет имени С.Д. Асфендиярова"); a title names a subject.
_ORG_NAME = re.compile(r"(?i)(?:university|institute|academy|college|университет\w*|институт\w*|академи\w*|"
                       r"колледж\w*)(?:\s+(?:имени|named\s+after)\s+[^,;]{2,60})?\s*$")


def is_org_name(text: str) -> bool:
    return bool(_ORG_NAME.search(text.strip(" «»\"“”")))


def extract(sections: dict[str, str], full_text: str, lang: str, publication_lines: list[str]) -> Metadata:
    meta = Metadata()
    head = sections.get("preamble", "") + "\n" + sections.get("abstract", "")
    # «UNIVERSITY» NJSC and the next line of capitals joined into one by the line wrap: the
    # organisation's name ends at its legal form, and what follows (the author's name, the
    # title) is a line of its own.
    head = _AFTER_LEGAL_FORM.sub(r"\1\n", head)
    title_page = bool(head.strip())
    head = head if title_page else full_text[:1500]
    # Without a title page, a bare quotation in the opening prose names a programme or a
    # slogan («Путь в Европу»), not the work: only the "on the topic" patterns apply there.
    for pat in _TITLE_PATTERNS if title_page else _TITLE_PATTERNS[:-1]:
        for m in re.finditer(pat, head, _I | re.MULTILINE):
            # A quoted specialty name ("6D020200 – «Международные отношения»") is no title.
            title = next(g for g in (m.groupdict().get(k) for k in "abct") if g)
            # (on the title's own line: the code a line above may be a classification's, "МРНТИ 87.15.03")
            if (_SPECIALTY.search(head[max(0, m.start() - 14, head.rfind("\n", 0, m.start()) + 1):m.start() + 2])
                    or _SPECIALTY.match(title.strip())
                    or len(title.split()) < 3):
                continue
            if _names_a_document(head, m) or _inside_sentence(head, m, pat is _TITLE_PATTERNS[-1]) or (
                    pat is _TITLE_PATTERNS[-1] and _ON_SOMETHING.search(title)):
                continue  # «On Artificial Intelligence» after "Law", a quotation in running prose
            # The window holds the longest legal form spelled out ("НЕКОММЕРЧЕСКОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО «…»").
            if _ORG_QUOTE.search(head[max(0, m.start() - 48):m.start() + 1].rstrip("«\"“ ")) or (
                    _ORG_QUOTE_AFTER.match(head[m.end():m.end() + 12])) or is_org_name(title) or (
                    _UNIT_QUOTE.search(head[max(0, m.start() - 48):m.start() + 1].rstrip("«\"“ "))) or (
                    _UNIT_QUOTE_AFTER.match(head[m.end():m.end() + 16])) or (
                    len(title.split()) <= 6 and re.search(rf"(?i)^(?:\S+\s+)?(?:{_ORG_KIND['ru']}|{_ORG_KIND['en']})\b", title)) or (
                    _ORG_NAME.search(head[head.rfind("\n", 0, m.start()) + 1:m.start() + 1].rstrip("«\"“ "))):
                # a university's name in quotes, or its own name after what it is on the same
                # line ("MEDICAL UNIVERSITY «HIGHER SCHOOL OF PUBLIC HEALTH»")
                continue
            meta.title = _squash(title)
            break
        if meta.title:
            break
    # (a classification code the line wrap ran the name onto, "УДК 619:618 ИВАНОВА МАРИЯ
    # ПЕТРОВНА", is no part of the name's line)
    coded = "\n".join(_CODES.sub("", line, count=1) if _CLASSIFICATION.search(line) else line for line in head.split("\n"))
    meta.author = _author(_join_split_name(front_matter.normalise_case(coded)))
    if meta.title is None:
        # An article's authors are printed with initials ("А.Б. Серікова¹, К.М. Ахметов²"): the
        # title follows them (and their affiliations), as it follows a dissertation's author.
        printed = front_matter.authors([l for l in head.split("\n") if l.strip()][:30])
        locator = meta.author or (printed[0][0] if printed else None)
        # (positions in the head with a name set over lines joined, as the name was read)
        joined = _join_split_name(front_matter.normalise_case(head))
        if printed and meta.author and _position(joined, printed[0][0]) < _position(joined, meta.author):
            # The authors with initials come first; what the name patterns found below them
            # (a short title in capitals reads like a name) is no locator.
            locator = printed[0][0]
        elif printed and meta.author and any(marks for _, marks in printed) and \
                not _abbreviates(printed[0][0], meta.author):
            # Authors numbered to their affiliations are an article's: a title in capitals
            # above them reads like a name and is none.
            locator = printed[0][0]
        elif len(printed) >= 2 and meta.author and _position(joined, printed[0][0]) > _position(joined, meta.author) \
                and any(_abbreviates(name, meta.author) for name, _ in printed):
            # The byline with initials names again the people a block above names in full (a
            # table of the authors and their affiliations set before the codes and the title):
            # the title stands by the byline, not after the table's names.
            locator = printed[0][0]
        meta.title = _title_line([sections.get("preamble", ""), sections.get("abstract", "")], locator)
    if meta.author is None or meta.title is None:
        author, title = _run_on_title_page(head)
        meta.author, meta.title = meta.author or author, meta.title or title
    if meta.title is None:
        meta.title = _title_before_specialty(sections.get("preamble", ""), meta.author)
    if meta.author is None and meta.title is None:
        # No title page in the text (a scanned one, an image): the autoreferat's résumé at its
        # end names the author and the title again, in each of its languages.
        meta.author, meta.title = _from_resume(full_text, lang)
    m = _specialty(head) or _specialty(full_text[:4000])
    if m:
        code = m.group("code")
        meta.specialty_code = code.replace("Д", "D").replace("М", "M").replace("В", "B")
        name = specialty_name(m)
        meta.specialty_name = name if name and len(name) >= 3 and not name.lower().startswith(("by ", "on ")) else None
    meta.degree = degrees.degree(head if title_page else full_text[:3000], meta.specialty_code)
    if meta.degree is None and title_page:
        meta.degree = degrees.degree(full_text[:3000])
    _front_matter(meta, head, full_text)
    _cited_authors(meta, full_text)
    where = "\n".join(sections.get(k, "") for k in ("approbation", "general", "preamble", "abstract", "structure"))
    meta.institution, meta.department = affiliation(where, lang)
    if meta.institution is None and meta.department is None:
        # Under a heading the mapper did not know, the sentence is still in the text.
        meta.institution, meta.department = affiliation(full_text, lang)
    counts_text = "\n".join(sections.get(k, "") for k in ("approbation", "publications"))
    meta.publication_counts = publication_counts(_prose(counts_text), lang) or publication_counts(
        _publishing_sentences(_prose(full_text)), lang)
    if "Total" not in meta.publication_counts:
        # The total only in a table's last row ("Барлығы | 11", "Всего | 11", "Total | 11").
        total = _TABLE_TOTAL.search(counts_text)
        if total:
            meta.publication_counts["Total"] = int(total.group(1))
    if "Total" not in meta.publication_counts and len(meta.publication_counts) == 1:
        # One count and of one kind ("The results were presented in 2 conference papers"): the
        # statement lists every publication there is, so that count is the total too.
        meta.publication_counts["Total"] = next(iter(meta.publication_counts.values()))
    meta.publications = publication_list(publication_lines)
    return meta


# A résumé's opening, as an autoreferat ends (and as ВАК's rules have it): the heading, then the
# author's full name, the title and the document's description, each closed by a full stop
# («РЕЗЮМЕ ⏎ Жакупов Ерлан Сабитович. Расчет … системы. Автореферат диссертации на соискание …»).
_NAME_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’]+(?:-[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’]+)?"
_RESUME = re.compile(rf"(?m)^[ \t]*(?:РЕЗЮМЕ|ТҮЙІН|ТҮЙІНДЕМЕ|SUMMARY|RESUME)[ \t.:]*\n[ \t]*"
                     rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})\.[ \t]+"
                     rf"(?P<title>[^\n]{{10,400}}?)\.[ \t]+(?=[^\n]*?(?:диссертац|dissertation|thesis))", re.I)


def _from_resume(text: str, lang: str) -> tuple[str | None, str | None]:
    """The author and the title as the résumé in the document's language gives them."""
    for m in _RESUME.finditer(text):
        if script_language(m.group("title")) == lang:
            return m.group("name"), _squash(m.group("title"))
    return None, None


_TABLE_TOTAL = re.compile(r"(?i)(?<!\w)(?:барлығы|всего|итого|total)\s*[:–—-]?\s*(\d{1,3})\s*$")


_CAPS_RUN = re.compile(r"(?<![\w-])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'’-]+(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'’-]+){1,3}(?![\w-])")
_NOT_NAME_CAPS = re.compile(r"(?i)abstract|annotation|аннотаци|аңдатпа|реферат|summary|түйін|резюме|phd|диссертац|"
                            r"\b(?:udc|удк|әож|мрнти|irsti|doi|issn)\b")


def _run_on_title_page(head: str) -> tuple[str | None, str | None]:
    """A title page extracted as one line ("… University UDC 004.85 NURLANOVA ASEL BERIKOVNA
    Machine learning methods … 8D06101 – Information systems ABSTRACT …"): the name is the
    run of words in capitals, the title what stands between it and the specialty code."""
    lines = [l.strip() for l in head.split("\n") if l.strip()]
    line = lines[0] if lines else ""
    code = _specialty(line)
    end = code.start() if code else len(line)
    # The run may stop before the specialty line ("… ОРАЗБЕКОВ ЕРАСЫЛ ТАЛҒАТҰЛЫ Title⏎8D01401 – …").
    code_next = code is None and len(lines) > 1 and _SPECIALTY.match(lines[1]) is not None
    if not (code and len(line.split()) >= 20 or code_next and len(line.split()) >= 8):
        # A title page re-joined by the line wrap into a few long lines ("… Faculty of Social
        # Sciences ABDRAKHMANOVA ZHANAR YERBOLOVNA Digitisation of … ⏎ … of Kazakhstan ⏎
        # Dissertation for the degree … 8D03204"): read together up to the specialty code.
        at = next((i for i, l in enumerate(lines[:4]) if _specialty(l)), None)
        if not at:
            return None, None
        line = " ".join(lines[:at + 1])
        code = _specialty(line)
        end = code.start()
    for m in _CAPS_RUN.finditer(line, 0, end):
        name = m.group(0).title()
        if _NOT_A_NAME.search(name) or _NOT_NAME_CAPS.search(name):
            continue
        if re.match(r"[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}(?![\w-]*[a-zа-яёәғқңөұүһі])", line[m.end():]):
            return None, None  # more capitals follow: a title set in capitals, not a name
        title = line[m.end():end]
        # "… an econometric assessment ABSTRACT of the dissertation …", "… Dissertation for the degree"
        ends = [x.start() for x in (_DOCUMENT_NAME.search(title), _TITLE_STOP.search(title)) if x]
        title = _squash(title[:min(ends)] if ends else title)
        return _squash(name), (title if 3 <= len(title.split()) <= 40 else None)
    return None, None


_DOCUMENT_NAME = re.compile(r"(?<![\w-])(?:ABSTRACT|ANNOTATION|SUMMARY|АВТОРЕФЕРАТ|АННОТАЦИЯ|АҢДАТПА|"
                            r"(?i:abstract\s+of\s+the|annotation\s+of\s+the|автореферат\s+диссертации))(?![\w-])")


# The line that says what the document is and for which degree: "Аннотация диссертации на
# соискание …", "Abstract of the dissertation for the degree …", «Диссертация на соискание …»
_DEGREE_STATEMENT = re.compile(
    r"(?i)^[*_ ]*(?:(?:аннотация|автореферат|abstract|annotation)\s+(?:диссертации|of\s+the\s+(?:dissertation|thesis))"
    r"|диссертация\s+на\s+соискание|dissertation\s+(?:submitted\s+)?for\s+the\s+degree)")


_ONE_WORD_LINE = r"[ \t]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+[ \t]*"


_CAPS_WORDS_LINE = r"[ \t]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'’-]+(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ'’-]+)?[ \t]*"


def _join_split_name(head: str) -> str:
    """A name set over two to four lines, one word each ("Омарова / Гүлнар / Серікқызының"),
    or in capitals over two lines ("БЕКМҰХАНБЕТОВА / АЯУЛЫМ ЕРЖАНҚЫЗЫ"), on one line, as the
    name patterns read it."""
    head = re.sub(rf"(?m)^{_ONE_WORD_LINE}(?:\n{_ONE_WORD_LINE}){{1,3}}$",
                  lambda m: " ".join(m.group(0).split()), head)
    head = re.sub(rf"(?m)^{_CAPS_WORDS_LINE}\n{_CAPS_WORDS_LINE}$",
                  lambda m: " ".join(m.group(0).split()) if len(m.group(0).split()) <= 4 else m.group(0), head)
    # a surname and given name with the patronymic wrapped onto the next line, as a narrow table
    # cell of a title page sets it ("Sultanov Arman / Bolatovich", "Иванов Пётр / Сергеевич")
    return re.sub(rf"(?m)^{_TWO_WORDS_LINE}\n{_PATRONYMIC_LINE}$", lambda m: " ".join(m.group(0).split()), head)


_TWO_WORDS_LINE = r"[ \t]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+[ \t]*"
_PATRONYMIC_LINE = (r"[ \t]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*(?:ovich|evich|ovna|evna|uly|kyzy|qyzy|ович|евич|овна|евна|ична|"
                    r"ұлы|улы|қызы|кызы)[ \t]*")


def _front_matter(meta: Metadata, head: str, full_text: str) -> None:
    """Authors with initials and their numbered affiliations (an article's title page), and the
    keywords of every language."""
    lines = [l for l in head.split("\n") if l.strip()][:30]
    found = front_matter.authors(lines) if meta.author is None or meta.degree is None else []
    if len(found) == 1 and meta.author and _abbreviates(found[0][0], meta.author):
        found = []  # "Кенжалиев Е.А." of a running header: the author the title page names in full
    if found:
        at = next(i for i, l in enumerate(lines) if front_matter.authors([l]))
        meta.affiliations = front_matter.affiliations(lines, at + 1)
        meta.authors = [Author(name, marks) for name, marks in found]
        meta.author = found[0][0]
    elif meta.author:
        meta.authors = [Author(meta.author)]
    meta.keywords = front_matter.keywords(full_text)


def _cited_authors(meta: Metadata, full_text: str) -> None:
    """An article page that cites itself ("How to Cite: …", "Для цитирования: …") names all its
    authors there, surname and initials: the byline's people (each found there by surname), in
    the citation's form, with the byline's affiliation marks; a byline of full names across
    several lines may have lost one. (A thesis's own publication of the same title, in its
    list of publications, names its author with initials only: a thesis keeps its byline.)"""
    if not meta.authors or meta.degree:
        return
    cited = front_matter.cited_authors(full_text, meta.title)
    if len(cited) == len(meta.authors) and all("." not in a.name and len(a.name.split()) >= 2 for a in meta.authors):
        return   # the byline named them all in full: the citation's initials would say less
    surnames = [name.split()[0].casefold() for name in cited]

    def cited_as(author: Author) -> int | None:
        words = [w.casefold() for w in re.findall(r"[^\W\d_]+", author.name)]
        return next((k for k, s in enumerate(surnames) if s in words), None)

    places = [cited_as(a) for a in meta.authors]
    if len(cited) < len(meta.authors) or None in places or places[0] != 0:
        return
    marks = {k: a.affiliations for k, a in zip(places, meta.authors)}
    meta.authors = [Author(name, marks.get(k, [])) for k, name in enumerate(cited)]
    meta.author = cited[0]


def _abbreviates(short: str, full: str) -> bool:
    """"Кенжалиев Е.А." and "Е.А. Кенжалиев" are "Кенжалиев Ержан Асылбекович" cited: the same
    surname, the initials of the other names."""
    words = re.findall(r"[^\W\d_]+", full.lower())
    parts = re.findall(r"[^\W\d_]+", short.lower())
    surnames = [p for p in parts if len(p) > 1]
    initials = [p for p in parts if len(p) == 1]
    return len(surnames) == 1 and bool(words) and surnames[0] == words[0] and \
        initials == [w[0] for w in words[1:1 + len(initials)]]


# An article's title page: authors with initials ("А.Б. Сейітқали¹, Н.Қ. Омарова²"),
# numbered affiliations, e-mail, DOI — none of them the title.
# (an affiliation marked by a letter in superscript too: "ᵃ Steppe University, …")
# (the affiliations labelled as a page's property, "Мекемелер: …", "Affiliations: …", as a Notion
# or wiki export prints them, are front matter too)
# (an e-mail address is the corresponding author's, alone on its line when the label's line wrapped:
# "… (*e-mail:⏎name@uni.kz)")
_FRONT_MATTER = re.compile(r"(?i)^[¹²³⁴⁵*\\ᵃᵇᶜᵈᵉᶠᵍ]|e-?mail|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://|doi\b|№\s*\d|\bvol\.\s*\d|\bno\.\s*\d|"
                           # the authors' ORCID iDs, labelled or not ("ORCID: 0000-0002-4187-3305 (A.K. …)")
                           r"\borcid\b|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b|"
                           r"^\s*(?:мекемелер[іі]?|мекеме|affiliations?|аффилиаци[яи]|организаци[яи]|institutions?)\s*:|"
                           r"(?:^|,\s*)[^\W\d_]\.\s?(?:[^\W\d_]\.\s?)?[^\W\d_]{2,}[¹²³⁴⁵*\\]*\s*(?:,|$)")


_PROPERTY = re.compile(r"^[^\W\d_]{2,}(?:[ \t][^\W\d_]{2,})?[ \t]*:[ \t]+\S")


# A journal's dates of the article's history ("Received: 12.03.2023 · Accepted: …", "Поступила
# в редакцию 5 мая 2022", "Келіп түсті: …"): the journal's record, not the title.
_HISTORY = re.compile(r"(?i)^(?:[^\w\n]*)(?:received|submitted|revised|accepted|published|поступил[аo]?|получен[аo]?|"
                      r"принят[аo]?|опубликован[аo]?|келіп\s+түсті|түсті|қабылданды|жарияланды)\b[^\n]{0,30}?"
                      r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[^\W\d_]{3,}\.?\s+\d{4})")


# A manuscript's record for the editors ("Manuscript type: Original article. Word count: 6,200.
# Figures: 5", "Running head: …", "Объём: 12 с."): labelled properties of the submission, which
# stand between the authors and the abstract where a printed article has its history.
_SUBMISSION = re.compile(r"(?i)^(?:manuscript\s+(?:type|id|number|category)|article\s+type|type\s+of\s+(?:article|paper|manuscript)|"
                         r"word\s+count|running\s+(?:head|title)|short\s+title|тип\s+статьи|"
                         r"количество\s+слов|мақала\s+түрі)\s*:|\b(?:word\s+count|количество\s+слов)\s*:\s*[\d.,\s]+")


# The title page's imprint on one line: the university, its city and the year ("E.A. Buketov
# Karaganda University, Karaganda, 2024", «… университеті, Орал, 2024 ж.»).
_IMPRINT = re.compile(r"^(?P<org>[^,]{8,}),\s*[^\W\d_][\w .-]{1,30},\s*(?:19|20)\d\d\s*(?:ж\.?|г\.?|жыл|год)?\.?$")


def _front_matter_line(line: str) -> bool:
    return bool(_FRONT_MATTER.search(line) or _HISTORY.search(line) or _SUBMISSION.search(line)
                or front_matter.authors([line]) or front_matter.affiliations([line])
                or ((imprint := _IMPRINT.match(line)) is not None and is_org_name(imprint.group("org"))))


def _alone(line: str, name: str) -> bool:
    """The line is the name, give or take punctuation and a label ("Author: …")."""
    rest = line.lower().replace(name.lower(), " ", 1)
    return len(re.findall(r"[^\W\d_]+", rest)) <= 1


def _title_line(texts: list[str], author: str | None) -> str | None:
    """A title page with no quotes: the title is the line after the author's name (or the first
    line when the name is not there), with the lines that go on with it (a title wrapped over
    two lines). The title page may sit before the ABSTRACT heading or under it."""
    pages = [_doi_tails_joined([l.strip() for l in _join_split_name(text).split("\n") if l.strip()])
             for text in texts]
    pages = [[t for l in lines if (t := _after_classification(l))] for lines in pages]

    def author_at(lines: list[str], alone: bool = False) -> int | None:
        return next((i for i, l in enumerate(lines) if author and author.lower() in l.lower()
                     and (not alone or _alone(l, author))), None)

    # The name on a line of its own comes first, on its page and among the pages: a council's
    # announcement above the title page names the candidate inside a sentence («… the
    # dissertation of Surname Name for …»).
    found = [(author_at(lines, alone=True), author_at(lines)) for lines in pages]
    named = next((n for n, (own, _) in enumerate(found) if own is not None),
                 next((n for n, (_, any_) in enumerate(found) if any_ is not None), None))
    for n, lines in enumerate(pages):
        at = (found[n][0] if found[n][0] is not None else found[n][1]) if n == named else None
        # Under the ABSTRACT heading only a line that follows the author's name is a title; the
        # first line there may already be the abstract's prose. When the name stands elsewhere
        # on the title page, no first line stands in for it.
        front = [l for l in lines if not _front_matter_line(l) and not is_org_name(l)]
        first = front[0] if front and at is None and n == 0 and named is None else None
        index = at + 1 if at is not None and at + 1 < len(lines) else (lines.index(first) if first else None)
        # Authors given as a page's property ("Авторлар: …", a Notion or wiki export): the
        # properties under them ("Журнал: …", "Tags: …") are the page's too, not its title.
        properties = at is not None and (front_matter.labelled_authors(lines[at]) or (
            # … or a full name as one property of several ("Author: …" over "Supervisor: …", a
            # repository item page's metadata table)
            _PROPERTY.match(lines[at]) is not None and at + 1 < len(lines) and _PROPERTY.match(lines[at + 1]) is not None))
        while index is not None and index < len(lines) - 1 and at is not None and (
                _front_matter_line(lines[index]) or is_org_name(lines[index])
                or (properties and _PROPERTY.match(lines[index]))
                or (index == at + 1 and _ROLE_LINE.match(lines[at]) and _specialty(lines[index]))
                # the programme's line under the name ("PhD programme 8D01403 – …"), which no title is
                or (index > at and _SPECIALTY.search(lines[index]))
                # the other people of the title page, each labelled with the role ("Ғылыми
                # жетекші: …", "Scientific supervisor: …"), under the programme's line
                or (index > at and _ROLE_LINE.match(lines[at]) and _people_line(lines[index]))):
            # an article's affiliations and e-mail stand between its authors and its title; a
            # name labelled with its role ("Магистрант: …") may have the programme's line
            # ("Білім беру бағдарламасы: 7M… – …") under it before the title
            index += 1
        # (a title runs on over as many lines as its wrap took, forty words at most: see below)
        end = len(lines) if index is not None else 0
        # After the affiliations, a word or two ("Highlights", "Аннотация") or a heading opens the
        # article's body: as after the abstract's opening, the title stood above the authors.
        body_opens = at is not None and index is not None and index > at + 1 and (
            len(lines[index].split()) < 3 or any(headings.match(lines[index], lg) for lg in ("en", "ru", "kk"))
            or _DOCUMENT_LINE.match(lines[index]))
        if at is not None and index == at + 1 and at >= 1 and _ROLE_ALONE.match(lines[at - 1]) \
                and _PEOPLE_ROLE.search(lines[index]) and _title_above(lines, at) is not None:
            # The title page's people in a table, each under the label of its role ("Doctoral
            # student" / the name / "Scientific supervisor …"): the title stood above the labels.
            index, end = _title_above(lines, at - 1), at - 1
        elif at is not None and index is not None and (_front_matter_line(lines[index]) or _ABSTRACT_OPENS.match(lines[index])
                                                       or body_opens or (properties and _PROPERTY.match(lines[index]))
                                                       # … or a record's properties, one after another, after
                                                       # the affiliations ("Тип: статья в журнале" ⏎ "Номер: 3",
                                                       # an eLIBRARY article card)
                                                       or (index > at + 1 and index + 1 < len(lines)
                                                           and _PROPERTY.match(lines[index]) and _PROPERTY.match(lines[index + 1]))
                                                       # an affiliation right under the author: "University, City, Country"
                                                       or (index == at + 1 and "," in lines[index]
                                                           and is_org_name(lines[index].split(",")[0]))
                                                       # … or a label introducing them ("Author information:")
                                                       or (index == at + 1 and lines[index].endswith(":")
                                                           and len(lines[index].split()) <= 4)
                                                       # … or the statement of the degree sought ("Аннотация
                                                       # диссертации на соискание …") right under the name
                                                       or (index == at + 1 and _DEGREE_STATEMENT.match(lines[index]))
                                                       # … or the page ends with the other people's roles
                                                       # ("Scientific advisers: …") after the author's data
                                                       or (index == len(lines) - 1 and index > at + 1
                                                           and _people_line(lines[index]))
                                                       # … or with the author's university, the body's
                                                       # heading next ("by Name – date" over the
                                                       # university on a forum post)
                                                       or (index == len(lines) - 1 and index >= at + 1
                                                           and is_org_name(lines[index]))):
            # The affiliations (or the abstract itself) end the title page: the title stood
            # above the authors.
            index, end = _title_above(lines, at), at
        if at is not None and at == len(lines) - 1 and at >= 1 and front_matter.authors([lines[at]]):
            # An article's byline ends the title page (the abstract's heading follows it): the
            # title stood above the authors.
            index, end = _title_above(lines, at), at
        candidate = lines[index] if index is not None else None
        if candidate is None or not (3 <= len(candidate.split()) <= 40) or _SPECIALTY.search(candidate):
            continue
        if _NOT_TITLE.search(candidate) or is_org_name(candidate) or _UNIT.search(candidate):
            continue
        if any(headings.match(candidate, lang) for lang in ("en", "ru", "kk")) and len(candidate.split()) < 6:
            continue
        for following in lines[index + 1:end]:
            # "… in the 1920s:" and its subtitle, or a title wrapped before a lower-case word
            # ("… bilingual students / in the context of …"): one title.
            goes_on = candidate.endswith(":") or (following[:1].islower() and not candidate.endswith("."))
            # A title set in capitals wraps onto more capitals; a document name in capitals
            # ("АВТОРЕФЕРАТ", "ABSTRACT") or a heading there is no part of it.
            # (and a comma ends no title: the years after it go on, "…, / 2017–2023")
            goes_on = goes_on or (candidate.endswith(",") and re.search(r"[^\W\d_]", following) is None)
            goes_on = goes_on or (_capitals(candidate) and _capitals(following) and not candidate.endswith(".")
                                  and not _DOCUMENT_NAME.search(following)
                                  and not any(headings.match(following, lang) for lang in ("en", "ru", "kk")))
            if not goes_on or _NOT_TITLE.search(following) or _SPECIALTY.search(following) or len(candidate.split()) > 40:
                break
            # (a word of a title in capitals hyphenated at the line end: "ҚАЛАЛА-" ⏎ "РЫНЫҢ")
            broken = _capitals(candidate) and re.search(r"[^\W\d_]{2}-$", candidate) and following[:2].isalpha()
            candidate = candidate[:-1] + following if broken else candidate + " " + following
        return _squash(candidate.strip("«»\"“”"))
    return None


# A line that names the document below ("Аннотация магистерской диссертации", "Abstract of the
# master's thesis", «Магистрлік диссертацияның аңдатпасы») opens its body, as a heading does.
_DOCUMENT_LINE = re.compile(
    r"(?i)^[*_ ]*(?:(?:аннотация|автореферат|abstract|annotation|summary|аңдатпа|андатпа|түйіндеме)"
    r"(?:\s+of(?:\s+the|\s+a)?)?(?:\s+[\w'’-]+){0,2}?\s+(?:диссертаци\w*|dissertation|thesis|работы|жұмыс\w*)"
    r"|(?:[\w'’-]+\s+){0,2}(?:диссертациясының|жұмысының)\s+(?:аңдатпасы|андатпасы|түйіндемесі))[*_ .:]*$")


# The abstract's own opening ("Резюме. Введение. …", "Abstract: …") after an article's authors:
# the title page has ended.
_ABSTRACT_OPENS = re.compile(r"(?i)^[*_ ]*(?:abstract|annotation|summary|аннотация|резюме|аңдатпа|андатпа|түйіндеме)"
                             r"[*_ ]*(?:[:.–—-]|$)")


# A DOI broken at its slash by the line wrap ("DOI 10.34689/" ⏎ "SH.2023.25.4.004 TITLE …"):
# the suffix that opens the next line is the DOI's, not the title's first word.
_DOI_BROKEN = re.compile(r"(?i)\b10\.\d{4,9}/$")
_DOI_SUFFIX = re.compile(r"^[^\s/]*[\d./_-][^\s]*\s*")


# A line of classification codes and DOI ("МРНТИ 76.29.41 УДК 616-002.5 https://doi.org/ 10.5…"):
# one code after another, with what is left of the line after them.
_CODES = re.compile(rf"(?i)^(?:\s*(?:(?:{_CLASSIFICATIONS}|DOI)\s*:?\s*[\d.:/()+=\-–]*\d[\d.:/()+=\-–]*"
                    r"|https?://\S*(?:\s+10\.\d{4,9}/\S+)?|10\.\d{4,9}/\S+)[,;]?)+\s*")


def _after_classification(line: str) -> str:
    """A title page's line less its classification codes: nothing when the codes are the line
    (or anything else follows them), the title when the line wrap ran it on after the codes
    (a title in capitals, three words at least)."""
    if not _CLASSIFICATION.search(line):
        return line
    codes = _CODES.match(line)
    rest = line[codes.end():] if codes else ""
    return rest if codes and len(rest.split()) >= 3 and _capitals(rest) else ""


def _doi_tails_joined(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        tail = _DOI_SUFFIX.match(line) if out and _DOI_BROKEN.search(out[-1]) else None
        if tail:
            out[-1] += tail.group(0).strip()
            line = line[tail.end():]
        if line:
            out.append(line)
    return out


# A role's label alone on its line over a name ("Doctoral student", "Докторант", "Ізденуші"), and
# a line naming the roles of the other people of a title page.
_ROLE_ALONE = re.compile(r"^[^\W\d_]+(?:[ \t][^\W\d_]+){0,2}$")
_PEOPLE_ROLE = re.compile(r"(?i)supervisor|advis[eo]r|consultant|руководител|консультант|жетекші|кеңесші")


_ROLE_LABEL = re.compile(r"^[^\W\d_]+(?:[ \t][^\W\d_]+){0,2}[ \t]*:")


def _people_line(line: str) -> bool:
    """A line labelled with the role of one of the title page's other people ("Ғылыми жетекші:",
    "Научный консультант:", "Supervisor:")."""
    label = _ROLE_LABEL.match(line)
    return bool(label and _PEOPLE_ROLE.search(label.group(0)))


# (the header row joined into one line, as one-word lines are: «Автор Мекеме ORCID»)
_AUTHORS_HEADER = re.compile(r"(?i)^(?:авторлар[ыі]?|авторы|автор|authors?)(?:\s+[^\W\d_]+){1,3}$")


# An affiliation numbered to its authors ("² Омбы мемлекеттік аграрлық университеті, …", "1 University …")
_AFFILIATION_NUMBER = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}(?=\s+[^\W\d_]))\s*\S")


def _title_above(lines: list[str], at: int) -> int | None:
    """Where a title printed above the authors' line begins: the line just above it, or the
    first of the lines in capitals it wraps over; the journal's header and the classification
    codes above are no part of it."""
    index = at - 1
    # The header row of a table of authors read cell by cell («Автор», «Мекеме», «ORCID») stands
    # between the title and the first author: labels of a word or two, which no title is.
    while index > 0 and at - index <= 4 and _ROLE_ALONE.match(lines[index]) and (
            len(lines[index].split()) <= 2 or _AUTHORS_HEADER.match(lines[index])):
        index -= 1
    # An article's byline, affiliations and classification codes between the title and a
    # line naming the authors in full ("Авторлар: …" under the affiliations): the title is above
    # them all.
    while index > 0 and at - index <= 8 and (front_matter.authors([lines[index]]) or (
            _front_matter_line(lines[index]) and _AFFILIATION_NUMBER.match(lines[index]))
            or _after_classification(lines[index]) == "" and _CLASSIFICATION.search(lines[index])):
        index -= 1
    if index < 0 or _front_matter_line(lines[index]) or is_org_name(lines[index]):
        return None
    # a title wrapped before a word in lower case ("… a multicentre / cohort study."): its first line
    while index > 0 and at - index <= 3 and lines[index][:1].islower() and not lines[index - 1].endswith(".") \
            and not _front_matter_line(lines[index - 1]):
        index -= 1
    while index > 0 and _capitals(lines[index]) and _capitals(lines[index - 1]) \
            and not lines[index - 1].endswith(".") and not _front_matter_line(lines[index - 1]):
        index -= 1
    return index


def _title_before_specialty(page: str, author: str | None = None) -> str | None:
    """A title page whose author stands below the title ("Author: / Li Anastassiya …") or
    nowhere: the title is the line just above the line with the specialty code, as Kazakhstani
    title pages set it (institution, department, ДИПЛОМДЫҚ ЖОБА, title, code and programme)."""
    lines = [l.strip() for l in page.split("\n") if l.strip() and not _CLASSIFICATION.match(l.strip())]
    at = next((i for i, l in enumerate(lines) if _specialty(l)), None)
    if not at:
        return None
    # The title run on into the code's line by the line wrap ("End-to-End Recognition … 8D06103 –
    # Computational Linguistics"): the words before the code, when they are no label.
    before_code = lines[at][:_specialty(lines[at]).start()].rstrip(" –—-:,")
    for candidate in (before_code, lines[at - 1]):
        if _could_be_title(candidate, author):
            return _squash(candidate.strip("«»\"“”"))
    return None


def _could_be_title(candidate: str, author: str | None) -> bool:
    # The author's name in capitals above the code is no title, though no name pattern (which
    # wants lower-case letters) says so.
    return (3 <= len(candidate.split()) <= 40 and not _NOT_TITLE.search(candidate) and not is_org_name(candidate)
            and not _front_matter_line(candidate) and not _DOCUMENT_NAME.search(candidate)
            and not _specialty(candidate) and not any(headings.match(candidate, lang) for lang in ("en", "ru", "kk"))
            and not re.fullmatch(rf"{_FULL_NAME}", candidate) and not _ROLE_LINE.match(candidate)
            and not (author and author.lower() in _squash(candidate).lower())
            and not (author and _squash(candidate).lower() == author.lower()))


# A person's role and name as a title page labels them ("Магистрант: …", "Орындаған: …",
# "Author: …"): a word or two and a colon before a name is no title.
_ROLE_LINE = re.compile(rf"^[^\W\d_]+(?:[ \t][^\W\d_]+)?[ \t]*:[ \t]*{_FULL_NAME}[ \t]*$")


# A university's faculty or department on the title page's first line is no title.
_UNIT = re.compile(r"(?i)\b(?:faculty|department|факультет\w*|кафедр\w*)\b")


# Lines of a title page that say what the document is, not what the work is about.
_NOT_TITLE = re.compile(r"(?i)\b(?:dissertation|thesis|диссертац\w*|specialty|специальност\w*|мамандығ\w*|"
                        r"educational\s+programme|образовательн\w+\s+программ\w*|білім\s+беру\s+бағдарлама\w*|"
                        r"scientific\s+(?:supervisor|consultant)|научн\w+\s+(?:руководител|консультант)\w*|"
                        r"ғылыми\s+(?:жетекші|кеңесші)\w*|"
                        # the council page's other labels
                        r"ведущ\w+\s+организаци\w*|официальн\w+\s+оппонент\w*|жетекші\s+ұйым\w*|"
                        r"ресми\s+оппонент\w*|leading\s+organi[sz]ation|official\s+opponents?|"
                        # … and its first sentence, where the work was done
                        r"работа\s+выполнена|жұмыс\s+(?:\S+\s+){0,8}?орындал\w*|"
                        r"the\s+(?:work|research)\s+was\s+(?:carried\s+out|performed|done|conducted)\s+(?:at|in)\b|"
                        # the autoreferat's «На правах рукописи», not a title about manuscripts
                        # («Абай шығармаларының қолжазба көшірмелері: …»)
                        r"(?:as\s+a|rights\s+of\s+(?:the\s+|a\s+)?)manuscript|правах\s+рукописи|қолжазба\s+құқығ\w*)")


# Where a title run into the title page's next words ends: the words saying what the document
# is ("Dissertation for the degree …", "диссертация на соискание …"); "manuscript" names the
# kind of a title itself ("Digitisation of Kazakh Manuscript …").
_TITLE_STOP = re.compile(r"(?i)\b(?:dissertation|thesis|диссертац\w*|specialty|специальност\w*|мамандығ\w*|"
                         r"educational\s+programme|образовательн\w+\s+программ\w*|білім\s+беру\s+бағдарлама\w*)")


def _position(text: str, name: str) -> int:
    at = text.lower().find(name.lower())
    return at if at >= 0 else len(text)


def _capitals(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,.;:")


# Outside an approbation or publications section only a sentence about publishing counts
# publications: "38 maps and the reports of …", "three chapters", "4 экспедиций" do not.
_PUBLISHED = re.compile(r"(?i)publish\w*|publications?|опубликова\w*|публикаци\w*|издан\w*|печат\w*|"
                        r"жарияла\w*|жарық\s+көр\w*|басылым\w*|monograph\w*|монограф\w*")


_STRUCTURE = re.compile(r"(?i)consists?\s+of|comprises|состоит\s+из|состоящ\w+\s+из|включает\s+в\s+себя|"
                        r"тұрады|құралған|тараудан|structure|структур\w*|құрылым\w*")


def _publishing_sentences(text: str) -> str:
    return "\n".join(sent for line in text.split("\n") for sent in _SENTENCE_END.split(line) if _PUBLISHED.search(sent))


def _prose(text: str) -> str:
    """Drop the list entries, whose own numbers (volumes, pages) are not counts."""
    return "\n".join(line for line in text.split("\n") if not LIST_MARKER.match(line))


def _number(token: str, lang: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    for words in (NUMBER_WORDS[lang], NUMBER_WORDS["en"]):
        if token in words:
            return words[token]
    return None


# A standard's acronym (and its bracketed original) right before a number designates it: IFRS 9,
# МСФО (IFRS) 9, ISO 9001, ХҚЕС 9 (a body's acronym before a count, «ККСОН – 3», stays a label)
_DESIGNATION_BEFORE = re.compile(r"(?<![\w-])(?:МСФО|IFRS|IAS|ISO|ГОСТ|IEC|ХҚЕС|МСА|ISA|SDG|ЦУР|COVID)"
                                 r"(?:\s*\([A-Z]{2,}\))?[\s\u00a0-]*$")

# A number of years, months or days («150 жылдық», «за 5 лет», "10-year", "three years")
_SPAN_OF_TIME = re.compile(r"(?:\s*-\s*|\s+)(?:жыл(?:дық|ғы|\b|дар|да|ында)|ай(?:лық|\b)|лет(?:н\w*|и\w*|\b)|год\w*|"
                           r"years?\b|months?\b|days?\b)", re.I)


def _inside_quotes(text: str, at: int) -> bool:
    """Whether `at` stands inside «…» opened on its line and not closed before it. (Not “…”: in
    the inner quotes of a Russian text, «НК „Kazakh Tourism“», “ closes.)"""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return line.rfind("«") > line.rfind("»")


def publication_counts(text: str, lang: str) -> dict[str, int]:
    """Counts by kind from sentences such as "three publications in journals indexed in Scopus".

    The text is cut into spans, each running from a number to the next number or clause
    boundary; a span whose number counts items ("articles", "статей", "мақала", "of which")
    counts for the most specific kind it names, and the first span naming no kind is the total.
    """
    # "The dissertation consists of an introduction, three chapters …": the structure, no count
    text = "\n".join(sent for line in text.split("\n") for sent in _SENTENCE_END.split(line)
                     if _PUBLISHED.search(sent) or not _STRUCTURE.search(sent))
    counts: dict[str, int] = {}
    words = sorted({w for table in (NUMBER_WORDS[lang], NUMBER_WORDS["en"]) for w in table}, key=len, reverse=True)
    number = re.compile(rf"(?<![\w.,])(\d{{1,3}}|{'|'.join(re.escape(w) for w in words)})(?![\w.,]\d|\w)", _I)
    # Commas do not end a span: Russian participle phrases sit between commas ("в журналах,
    # индексируемых в Scopus").
    boundary = re.compile(r"[;:()]|(?<=[.!?])\s|\bincluding\b|в\s+том\s+числе|из\s+них|(?:оның|олардың)\s+ішінде", _I)
    prev_end = 0
    for m in number.finditer(text):
        n = _number(m.group(1), lang)
        if n is None or n > 500:
            continue
        if _DESIGNATION_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue   # a standard's number, not a count: «МСФО (IFRS) 9 в открытой печати», "ISO 9001 in …"
        if _SPAN_OF_TIME.match(text, m.end()):
            continue   # an age or a span: «Абайдың 150 жылдық мерейтойы … басылымдар», "over 5 years, 12 papers"
        if _inside_quotes(text, m.start()):
            continue   # a name's number: the conference «Ауэзовские чтения – 18», «Шоқан оқулары – 13»
        tail = text[m.end():]
        nxt = number.search(tail)
        cut = boundary.search(tail)
        end = min(x.start() for x in (nxt, cut) if x) if (nxt or cut) else len(tail)
        span = m.group(0) + tail[:end]
        # "10 научных работах", "three of which", "3 – в изданиях, …" (a count in an enumeration)
        item = re.match(rf"\S+\s+(?:[\w-]+\s+){{0,4}}?(?:{_ITEM_WORDS}|of\s+(?:which|them))(?!\w)|\S+\s+из\s+них"
                        rf"|\S+\s*[–—-]\s+(?=\w)|\S+\s+(?:in|в|во|на)\s+(?=\w)", span, _I)
        # "… ұсынған басылымдарда – төрт; …", "в изданиях, рекомендованных КОКСОН, – 4": the
        # label first, then a dash and the count.
        dashed = re.search(r"[–—-]\s*$", text[max(prev_end, m.start() - 4):m.start()]) and re.match(
            r"\S+\s*(?:[;,.)]|$)", span)
        if not item and not dashed:
            continue
        if dashed:
            before = text[prev_end:m.start()]
            last_cut = list(boundary.finditer(before))
            before = before[last_cut[-1].end():] if last_cut else before
            prev_end = m.end()
            kind = next((k for k, pat in KIND_PATTERNS if re.search(pat, before, _I)), None)
            counts.setdefault(kind or "Total", n)
            continue
        # Kazakh (and some Russian) put the qualifier before the number: "Scopus базасындағы
        # журналда 1 мақала". Look back to the previous count or clause boundary.
        before = text[prev_end:m.start()]
        last_cut = list(boundary.finditer(before))
        before = before[last_cut[-1].end():] if last_cut else before
        if lang == "kk":
            # A clause closed by a passive past verb and a comma ("… конференциясында баяндама
            # жасалды, 1 тезис жарияланды") says what else was done: it qualifies no count after it.
            # So does one closed by a passive converb ("… конференциясында баяндалып, 1 тезис
            # жарияланды"): the talk was given, the theses are what was published.
            before = re.split(r"(?<=[^\W\d_]{2}(?:ылды|ілді|алды|елді|анды|енді|ынды|інді|ылып|іліп|алып|еліп|анып|еніп"
                              r"|ынып|ініп)),\s", before)[-1]
        if lang != "kk":
            # Where the qualifier follows the count, a look-back stops at a clause joined by
            # "and": "presented at the conference … and published in 1 paper" counts no talk.
            before = re.split(r"\s(?:and|и)\s", before, flags=_I)[-1]
        prev_end = m.start() + item.end()
        # Qualifiers follow the count in English and Russian, precede it in Kazakh.
        first, second = (before, span[:item.end()]) if lang == "kk" else (span, before)
        kind = next((k for k, pat in KIND_PATTERNS if re.search(pat, first, _I)), None)
        if kind is None:
            kind = next((k for k, pat in KIND_PATTERNS if re.search(pat, second, _I)), None)
        if kind is None and re.match(r"\S+\s+of\s+(?:which|them)", span, _I):
            continue  # "three of which …": part of a count already made, not the total
        counts.setdefault(kind or "Total", n)
    return counts


def script_language(s: str) -> str | None:
    """The language of a short citation, by script alone (too short for `language.detect`)."""
    s = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", "", s)  # quoted names (programmes, journals) mislead
    if re.search(r"[әғқңөұүһӘҒҚҢӨҰҮҺ]", s):
        return "kk"
    cyr = len(re.findall(r"[а-яёА-ЯЁ]", s))
    lat = len(re.findall(r"[a-zA-Z]", s))
    if cyr or lat:
        return "ru" if cyr >= lat else "en"
    return None


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_PAGES = re.compile(r"(?:\b[PРСCSБ]\.|pp\.|стр\.|бб\.|б\.)\s*(\d+\s*[-–—]\s*\d+|\d+)", re.UNICODE)
_PAGE_COUNT = re.compile(r"(\d+)\s*(?:с\.|p\.|pp\.|б\.)", re.UNICODE)


def publication_list(lines: list[str]) -> list[Publication]:
    """Numbered entries of the approbation/publications section that look like citations."""
    pubs: list[Publication] = []
    for line in lines:
        if not _YEAR.search(line):
            continue
        years = _YEAR.findall(line)
        venue = None
        if "//" in line:
            venue = _squash(re.split(r"\s[–—-]\s|\.\s?[–—-]", line.split("//", 1)[1])[0])
        else:
            parts = re.split(r"\s[–—]\s", line)
            if len(parts) > 1:
                venue = _squash(parts[1])
        pages = _PAGES.search(line)
        lang = script_language(line.split("//")[0])
        pubs.append(Publication(len(pubs) + 1, line.strip(), int(years[-1]) if years else None, venue or None,
                                re.sub(r"\s", "", pages.group(1)).replace("–", "-").replace("—", "-") if pages else None,
                                lang))
    return pubs
