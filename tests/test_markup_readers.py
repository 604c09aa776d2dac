"""Wiki, documentation and note-taking sources saved as text: DokuWiki pages, reStructuredText,
Joplin's raw notes, docs-platform template tags, Yandex Flavored Markdown, docling's Markdown of
a PDF, chats exported as JSON (mappings/extract/wikitext.py, restructuredtext.py, joplin.py,
plain.py, chat_export.py). Invented abstracts, written the way each tool keeps
them, each read by the extractor and mapped end to end."""
from __future__ import annotations

import json

import pytest

from dissertation_kg.mappings import abstract

from dissertation_kg.mappings.extract import chat_export, joplin, plain, restructuredtext, wikitext

DOKUWIKI = """====== Цифровые двойники насосных станций водоканала ======

{{tag>магистратура 7M07105 диссертации}}

~~NOTOC~~

^ Магистрант | Ли Вадим Сергеевич |
^ Образовательная программа | 7M07105 – Автоматизация и управление |
^ Научный руководитель | к.т.н., доцент А.Б. Сапаров |

===== Аннотация магистерской диссертации =====

==== Актуальность ====

Насосные станции городских водоканалов расходуют до трети электроэнергии **всего** хозяйства, а режимы их работы задаются //вручную//.

==== Цель и задачи ====

**Цель** – разработать цифровой двойник насосной станции для выбора режимов.

**Задачи:**

  - построить модель насосного агрегата по паспортным данным;
  - откалибровать модель по данным SCADA;
    * сравнить три метода калибровки;
  - оценить экономию электроэнергии.

==== Научная новизна ====

  * предложена модель износа рабочего колеса по вибрации;
  * получены оптимальные графики включения агрегатов.
"""


def test_a_dokuwiki_page_reads_as_rendered():
    page = wikitext.text(DOKUWIKI)
    lines = page.split("\n")
    assert "Магистрант: Ли Вадим Сергеевич" in lines  # a header cell and its value: a labelled line
    assert "Цель – разработать цифровой двойник насосной станции для выбора режимов." in lines
    assert lines[lines.index("Задачи:") + 2:lines.index("Задачи:") + 6] == [
        "1. построить модель насосного агрегата по паспортным данным;",
        "2. откалибровать модель по данным SCADA;",
        "– сравнить три метода калибровки;",
        "3. оценить экономию электроэнергии."]
    assert "• предложена модель износа рабочего колеса по вибрации;" in lines
    assert "расходуют до трети электроэнергии всего хозяйства, а режимы их работы задаются вручную." in page
    for gone in ("~~", "{{", "^", "**", "//", "• Цель"):
        assert gone not in page


def test_a_dokuwiki_master_thesis_maps_with_its_title_author_and_tasks():
    doc = abstract.parse_bytes(DOKUWIKI.encode(), "ru-pumps.txt")
    assert doc.meta.title == "Цифровые двойники насосных станций водоканала"
    assert doc.meta.author == "Ли Вадим Сергеевич"
    assert doc.meta.degree == "master"
    assert [i.text.split()[0] for i in doc.items["tasks"]] == ["построить", "откалибровать", "оценить"]


def test_a_mediawiki_page_is_no_dokuwiki():
    mediawiki = "== Аннотация ==\n* первый пункт\n* второй пункт\n== Методы ==\n'''Цель''' – текст."
    assert not wikitext.is_dokuwiki(mediawiki)
    assert "• первый пункт" in wikitext.text(mediawiki).split("\n")


RST = """.. meta::
   :description: PhD abstract, 8D07301 Architecture
   :keywords: adaptive reuse, industrial heritage

.. _sultanova-abstract:

=====================================================================
Adaptive reuse of Soviet industrial buildings in Karaganda
=====================================================================

:Author: Sultanova Dana Yerlanovna
:Programme: 8D07301 – Architecture
:University: A. Saginov Karaganda Technical University
:Supervisors: Doctor of Architecture, Professor K.M. Ibrayev

.. contents:: Sections
   :local:

Relevance
---------

Karaganda keeps more than forty disused plants of the 1930s–1970s, and their conversion has no
*design* guidance. [#]_

.. [#] Counted by the author in 2023.

Objectives
----------

#. to survey the surviving industrial buildings;
#. to classify them by structural system;
#. to propose conversion scenarios.

.. note::

   The survey covered buildings owned by the city.

.. include:: /etc/passwd

.. raw:: html

   <script>alert(1)</script>

.. code-block:: python

   print("not prose")
"""


def test_a_restructuredtext_source_reads_as_rendered():
    page = restructuredtext.text(RST)
    lines = page.split("\n")
    assert lines[0] == "Title: Adaptive reuse of Soviet industrial buildings in Karaganda"
    assert "Author: Sultanova Dana Yerlanovna" in lines
    # docutils reads "A. Saginov …" in a field as a list item labelled "A": the label stays
    assert "University: A. Saginov Karaganda Technical University" in lines
    assert ["1. to survey the surviving industrial buildings;", "2. to classify them by structural system;",
            "3. to propose conversion scenarios."] == [line for line in lines if line[:2] in ("1.", "2.", "3.")]
    assert "The survey covered buildings owned by the city." in lines  # a note's text, not its label
    assert any(line.startswith("Karaganda keeps more than forty disused plants") for line in lines)
    # settings, the generated contents, a footnote, code, raw HTML and an included file are no prose
    for gone in ("..", "meta", "Sections", "Counted by", "print(", "<script>", "root:", ":Author:", "#."):
        assert gone not in page


def test_a_restructuredtext_abstract_maps_with_its_title_author_and_objectives():
    doc = abstract.parse_bytes(RST.encode(), "en-reuse.txt")
    assert doc.meta.title == "Adaptive reuse of Soviet industrial buildings in Karaganda"
    assert doc.meta.author == "Sultanova Dana Yerlanovna"
    assert doc.meta.specialty_code == "8D07301"
    assert [i.text.split()[1] for i in doc.items["tasks"]] == ["survey", "classify", "propose"]


@pytest.mark.parametrize("text", [
    "Relevance\n=========\n\nA plain text with one underlined heading.\n",
    ":Author: one field\n\nNo other mark of the format.\n",
    "= AsciiDoc title\n:author: Someone\n:keywords: a, b\n\n== Section\n",
])
def test_a_text_with_one_mark_of_the_format_is_left_as_it_is(text):
    assert restructuredtext.text(text) == text


@pytest.mark.parametrize("text", [
    ".. note:: Written for the council.\n\n:Author: Sultanova Dana\n:Date: 2024\n\nThe work studies Karaganda.\n",
    ":Author: Sultanova Dana\n:Date: 2024\n\n#. to survey the buildings;\n#. to classify them.\n",
])
def test_two_marks_of_the_format_make_a_restructuredtext_source(text):
    # two fields are one mark; a directive or two auto-numbered items make the second
    assert restructuredtext.is_restructuredtext(text)


JOPLIN = """Қалалық орман-саябақ белдеуінің топырақ микробиотасы

![logo.png](:/0a1b2c3d4e5f60718293a4b5c6d7e8f9)

Нұрланова А.Қ.¹, Жомартов Б.С.²
¹ Әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан
² Қазақ ұлттық аграрлық зерттеу университеті, Алматы, Қазақстан

Авторлар: Нұрланова Айгерім Қайратқызы; Жомартов Бауыржан Серікұлы

### Аңдатпа

Мақалада қалалық орман-саябақ белдеуі топырағының микробиотасы зерттелді.

**Түйін сөздер:** топырақ, микробиота, орман-саябақ белдеуі.

id: 4f0e9d8c7b6a59483726150f4e3d2c1b
parent_id: 9a8b7c6d5e4f30211203f4e5d6c7b8a9
created_time: 2025-03-01T09:00:00.000Z
updated_time: 2025-03-02T10:00:00.000Z
is_conflict: 0
author: Нұрланова А.Қ.
source_application: net.cozic.joplin-desktop
markup_language: 1
is_shared: 0
type_: 1"""


def test_a_joplin_note_reads_as_joplin_shows_it():
    page = joplin.text(JOPLIN)
    assert page.startswith("# Қалалық орман-саябақ белдеуінің топырақ микробиотасы\n")
    for gone in ("parent_id", "type_:", "net.cozic", "(:/", "logo.png"):
        assert gone not in page
    assert "Түйін сөздер" in page


def test_a_joplin_article_maps_with_its_title_above_the_byline_and_affiliations():
    doc = abstract.parse_bytes(JOPLIN.encode(), "kk-soil.md")
    assert doc.meta.title == "Қалалық орман-саябақ белдеуінің топырақ микробиотасы"
    assert [a.name for a in doc.meta.authors] == ["Нұрланова Айгерім Қайратқызы", "Жомартов Бауыржан Серікұлы"]


def test_key_value_lines_at_the_end_are_joplin_only_with_its_properties():
    text = "Abstract\n\nSome text.\n\nid: 12\nauthor: A. B.\nsource: paper\n"
    assert not joplin.is_joplin(text) and joplin.text(text) == text


def test_a_joplin_block_is_six_of_its_properties_with_type():
    # (seed 251, joplin.py:35) six keys, type_ among them, make the block Joplin's; five do not
    six = "Title\n\nSome text.\n\nid: 1a\nparent_id: 2b\ncreated_time: 2025\nupdated_time: 2025\nis_todo: 0\ntype_: 1"
    assert joplin.is_joplin(six)
    assert not joplin.is_joplin(six.replace("is_todo: 0\n", ""))


GITBOOK = """---
description: >-
  PhD dissertation abstract, 8D01407 Pedagogy
---

# Project-based learning of physics in small rural schools

{% hint style="info" %}
**Tulegenova Aruzhan Maratovna** · PhD programme 8D01407 – Pedagogy · Abai Kazakh National Pedagogical University · Scientific adviser: Professor S.T. Nurpeisova
{% endhint %}

## Relevance

{% tabs %}
{% tab title="Foreign studies" %}
Project-based learning was described by W. Kilpatrick and developed by J. Dewey; its use in the
teaching of physics was studied in many countries.
{% endtab %}
{% endtabs %}

Small rural schools teach physics in mixed-age classes, often without a laboratory, and the
teachers of these schools are asked to teach several subjects at once. The state programme
for the development of education sets the aim of equal quality for rural and urban pupils.

## Aim

The aim of the research is to develop and test a model of project-based learning of physics
for small rural schools.

## Objectives

1. to analyse the experience of project-based learning in physics;
2. to develop a model of project-based learning for mixed-age classes;
3. to test the model in an experiment in rural schools.
"""


def test_template_tags_go_and_a_dotted_byline_becomes_the_title_page():
    page = plain.markdown_text(GITBOOK)
    lines = page.split("\n")
    assert "{%" not in page
    assert "Foreign studies" in lines  # a tab's title is printed as its label
    assert lines[lines.index("**Tulegenova Aruzhan Maratovna**") + 1] == "PhD programme 8D01407 – Pedagogy"
    doc = abstract.parse_bytes(GITBOOK.encode(), "en-physics.md")
    assert doc.meta.author == "Tulegenova Aruzhan Maratovna"
    assert doc.meta.title == "Project-based learning of physics in small rural schools"


def test_a_journal_line_with_middle_dots_stays_one_line():
    md = "# Title of the article here\n\nJournal of Things · https://doi.org/10.1/x · Published 2024\n"
    assert "Journal of Things · https://doi.org/10.1/x · Published 2024" in plain.markdown_text(md).split("\n")


ROAM = """# Аңдатпа – Әлиев Т.Б. (8D02202)

- Tags:: [[Диссертациялық кеңес]] [[Археология]]
- Type:: [[Аннотация]]
- Әлиев Талғат Бақытұлының «Ертіс бойындағы қола дәуірі қоныстары» тақырыбындағы диссертациясының
- ## Зерттеудің мақсаты
- Ертіс бойындағы қола дәуірі қоныстарының орналасу заңдылықтарын анықтау.
- ## Зерттеудің міндеттері
    - 1) қоныстардың картасын жасау;
    - 2) керамиканы жіктеу;
    - 3) радиокөміртекті күндерді талдау.
"""


def test_a_roam_export_indented_by_spaces_reads_as_the_outline():
    from dissertation_kg.mappings.extract import logseq
    page = logseq.text(ROAM)
    lines = page.split("\n")
    assert "Tags::" not in page and "Type::" not in page   # the page's attributes, written as blocks
    assert "## Зерттеудің міндеттері" in lines
    assert ["1) қоныстардың картасын жасау;", "2) керамиканы жіктеу;", "3) радиокөміртекті күндерді талдау."] == [
        x for x in lines if x[:2] in ("1)", "2)", "3)")]


def test_an_e_book_s_contents_without_page_numbers_is_no_part_of_the_text():
    from dissertation_kg.mappings import sections
    paragraphs = ["Table of Contents", "Магистрлік диссертацияның аңдатпасы", "Зерттеудің өзектілігі",
                  "Зерттеудің мақсаты", "Зерттеудің міндеттері", "Ғылыми жаңалығы",
                  "Оспанов Нұрсұлтан Ержанұлы", "Зерттеудің өзектілігі", "Қорғаныштық орман белдеулері маңызды."]
    assert sections.without_contents(paragraphs) == paragraphs[6:]


FORUM = """Skip to main content

Dashboard / My courses / Doctoral seminar / Abstracts for the public defence

Soil moisture retrieval from radar images over the steppes of Kostanay Region

by Daniyar Maratovich Akhmetov - Tuesday, 4 March 2025, 9:15 AM

Kostanay Regional University named after A. Baitursynov
ABSTRACT
of the dissertation for the degree of Doctor of Philosophy (PhD) in the educational programme 8D07301 – Geodesy
Relevance of the research topic
Soil moisture decides the spring wheat yield of the northern steppes, and radar images see it through clouds.
Aim of the research
To develop a method of soil moisture retrieval from Sentinel-1 radar images for the steppes of Kostanay Region.
Objectives
1. to collect field measurements of soil moisture;
2. to calibrate a water cloud model;
3. to map soil moisture over three seasons.
"""


def test_a_forum_post_s_subject_is_the_title_above_its_byline_and_university():
    doc = abstract.parse_bytes(FORUM.encode(), "en-radar.txt")
    assert doc.meta.title == "Soil moisture retrieval from radar images over the steppes of Kostanay Region"
    assert doc.meta.author == "Daniyar Maratovich Akhmetov"


YFM = """# Аннотация диссертации Ли В.С. (8D02101)

{% note info "Сведения о работе" %}

Автор – Ли Вадим Сергеевич.

{% endnote %}

## Научная новизна {#novelty}

1. Впервые описаны певческие школы Жетысу.
2. Определены признаки стиля.

{% cut "Положения, выносимые на защиту" %}

1. Певческая традиция Жетысу состоит из трёх школ.
2. Стиль школы задаётся её первым мастером.
3. Передача традиции идёт по двум каналам.

{% endcut %}

## Практическая значимость {#practice}

Материалы используются в курсе истории музыки.
"""


def test_a_yandex_cut_opens_the_section_its_title_names():
    page = plain.markdown_text(YFM)
    assert "{%" not in page and "{#" not in page
    assert "Положения, выносимые на защиту" in page.split("\n")
    doc = abstract.parse_bytes(YFM.encode(), "ru-music.md")
    assert [p.text.split()[0] for p in doc.items["provisions"]] == ["Певческая", "Стиль", "Передача"]
    assert len(doc.items["novelty"]) == 2


DOCLING = """<!-- image -->

## Caspian University

## ABSTRACT

| Doctoral candidate | Omarov Timur Serikovich |
|--------------------|-------------------------|
| Dissertation title | Liability of Online Platforms for Consumer Harm in the Law of Kazakhstan |
| Specialty          | 8D04201 – Law |

## Objectives of the research

- 1. to analyse the rules on the liability of intermediaries;
- 2. to compare them with the law of the European Union;
- 3. to propose amendments to the Civil Code.

## Scientific novelty

- GLYPH<c=183,font=/Symbol> For the first time the liability of platforms is studied as a whole.
- GLYPH<c=183,font=/Symbol> A model of shared liability is proposed.
"""


def test_docling_markdown_reads_as_the_pdf_it_came_from():
    page = plain.markdown_text(DOCLING)
    assert "GLYPH" not in page and "- 1." not in page
    # the form's first row, which the converter took for the table's header, is a field too
    assert "Doctoral candidate: Omarov Timur Serikovich" in page.split("\n")
    doc = abstract.parse_bytes(DOCLING.encode(), "en-law.md")
    assert doc.meta.title == "Liability of Online Platforms for Consumer Harm in the Law of Kazakhstan"
    assert [t.text.split()[:2] for t in doc.items["tasks"]] == [["to", "analyse"], ["to", "compare"], ["to", "propose"]]
    assert [n.text.split()[0] for n in doc.items["novelty"]] == ["For", "A"]


@pytest.mark.parametrize("marker, second", [("a)", "b)"), ("а)", "ә)"), ("(i)", "(ii)"), ("•", "•"), ("–", "–"), ("I.", "II.")])
def test_a_converters_bullet_before_the_documents_own_marker_is_dropped(marker, second):
    # marker (and docling) put a Markdown bullet before every paragraph the PDF numbered or bulleted
    md = f"## Objectives\n\n- {marker} to study the sands of the region;\n\n- {second} to design batches.\n"
    assert plain.markdown_text(md).split("\n")[2:5] == [f"{marker} to study the sands of the region;", "",
                                                         f"{second} to design batches."]
    # a bullet before a word is the author's list, and stays
    assert "- in the south;" in plain.markdown_text("Sites:\n\n- in the south;\n- in the north.\n")


def test_a_table_header_naming_its_columns_is_no_field():
    md = "| Field | Content |\n|---|---|\n| Author | Omarov Timur |\n| Title | Platforms and law |\n| Year | 2024 |\n"
    assert "Field: Content" not in plain.markdown_text(md)


def _slack(texts: list[str]) -> str:
    messages = [{"type": "message", "subtype": "channel_join", "ts": "1.0", "user": "U1",
                 "text": "<@U1> has joined the channel"}]
    messages += [{"type": "message", "ts": f"{n}.5", "user": "U1", "text": t,
                  "user_profile": {"real_name": "Timur Omarov"},
                  "blocks": [{"type": "rich_text", "elements": [{"type": "text", "text": t}]}]}
                 for n, t in enumerate(texts, 2)]
    return json.dumps(messages, indent=4).replace("/", "\\/")


SLACK_TEXTS = [
    "Good evening! Here is my abstract.\n\n*ABSTRACT of the diploma project*\n\nAstana IT University. "
    "Author: Omarov Timur Serikovich, group SE-2201. Supervisor: Sadykova A.S.\n\n"
    "Topic: “A Cost-Aware Scheduler for Batch Jobs in a Kubernetes Cluster”",
    "*Aim of the project*\n\nTo design a scheduler that cuts the cost of batch jobs. See "
    "<https://kubernetes.io/docs|the docs> &amp; the code.",
    "*Tasks of the project*\n\n1. to review schedulers;\n2. to build the scheduler;\n3. to test it.",
]


def test_a_slack_export_is_read_as_the_messages_pasted():
    page = chat_export.json_messages(_slack(SLACK_TEXTS))
    assert "has joined" not in page and "U1" not in page and "Timur Omarov" not in page
    assert page.count("Good evening!") == 1   # the blocks repeat the text: read once
    assert "**Aim of the project**" in page.split("\n") and "See the docs & the code." in page
    doc = abstract.parse_bytes(_slack(SLACK_TEXTS).encode(), "en-cloud.txt")
    assert doc.meta.author == "Omarov Timur Serikovich"
    assert doc.meta.title == "A Cost-Aware Scheduler for Batch Jobs in a Kubernetes Cluster"
    assert len(doc.items["tasks"]) == 3 and doc.text.count("Good evening!") == 1


def test_a_telegram_export_is_read_as_its_messages_with_their_bold_pieces():
    export = {"name": "Диссертация", "type": "personal_chat", "messages": [
        {"id": 1, "type": "service", "date": "2024-05-01T10:00:00", "action": "create_group"},
        {"id": 2, "type": "message", "date": "2024-05-01T10:01:00", "from": "Тимур",
         "text": [{"type": "bold", "text": "Цель исследования"}, "\nразработать планировщик задач."]},
        {"id": 3, "type": "message", "date": "2024-05-01T10:02:00", "from": "Тимур", "text": "Спасибо!"},
    ]}
    page = chat_export.json_messages(json.dumps(export, ensure_ascii=False))
    assert page.split("\n")[:2] == ["**Цель исследования**", "разработать планировщик задач."]
    assert "create_group" not in page and "Тимур" not in page and "Спасибо!" in page


def _teams(messages: list[tuple[str, str, str]]) -> str:
    # Teams' messages.json lists the newest message first
    listed = [{"id": str(n), "displayName": "Нургалиева Аружан", "originalarrivaltime": when, "messagetype": kind,
               "content": content, "from": "8:orgid:1", "properties": None}
              for n, (when, kind, content) in enumerate(sorted(messages, reverse=True))]
    return json.dumps({"userId": "8:orgid:1", "exportDate": "2025-04-02T10:41", "conversations": [
        {"id": "19:a@thread.v2", "displayName": "Магистратура", "properties": {}, "MessageList": listed}]},
        ensure_ascii=False, indent=1)


def test_a_teams_export_is_read_in_the_order_its_messages_were_written():
    page = chat_export.json_messages(_teams([
        ("2025-03-14T08:00:00.000Z", "RichText/Html",
         "<p><b>Цель исследования</b></p><p>Оценить заболеваемость бруцеллезом &laquo;в области&raquo;.</p>"),
        ("2025-03-14T08:05:00.000Z", "RichText/Html",
         "<p><b>Задачи исследования</b></p><ol><li>описать случаи;</li><li>оценить сроки диагностики.</li></ol>"),
        ("2025-03-14T08:06:00.000Z", "ThreadActivity/AddMember", "<addmember><target>8:orgid:2</target></addmember>"),
        ("2025-03-14T09:07:00.000Z", "Text", "Спасибо, можно отправлять."),
    ]))
    lines = [line for line in page.split("\n") if line]
    assert lines == ["Цель исследования", "Оценить заболеваемость бруцеллезом «в области».", "Задачи исследования",
                     "1. описать случаи;", "2. оценить сроки диагностики.", "Спасибо, можно отправлять."]


def test_conversations_whose_messages_lack_teams_times_and_types_are_no_teams_export():
    # another program's "conversations" (a record of dialogues, typed but not timed) is left to the
    # JSON reader whole
    record = json.dumps({"conversations": [{"MessageList": [
        {"messagetype": "Text", "content": "<p>Первая реплика</p>"},
        {"messagetype": "Text", "content": "<p>Вторая реплика</p>"}]}]}, ensure_ascii=False)
    assert chat_export.json_messages(record) == record


def test_json_that_is_no_chat_is_left_to_the_json_reader():
    record = json.dumps({"title": "A title", "messages": ["one", "two"]})
    assert chat_export.json_messages(record) == record


def _telegram_page(messages: list[tuple[str, str]]) -> str:
    # Telegram Desktop's messages.html: a date between messages is a service message; a message
    # after one from the same sender is "joined" (no name, no picture); times in a title
    body = ['<div class="message service" id="message-1"><div class="body details">14 March 2024</div></div>']
    for n, (sender, text) in enumerate(messages, start=10):
        head = ('<div class="pull_left userpic_wrap"><div class="userpic userpic6"><div class="initials">TU</div>'
                '</div></div>' if sender else "")
        name = f'<div class="from_name">\n{sender}\n</div>' if sender else ""
        body.append(f'<div class="message default clearfix{"" if sender else " joined"}" id="message{n}">{head}'
                    f'<div class="body"><div class="pull_right date details" title="14.03.2024 10:0{n % 10}:00 '
                    f'UTC+05:00">\n10:0{n % 10}\n</div>{name}<div class="text">\n{text}\n</div></div></div>')
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8"/>\n<title>Exported Data</title>\n</head>\n'
            '<body onload="CheckLocation();">\n<div class="page_wrap"><div class="page_header"><div class="content">'
            '<div class="text bold">\nPhD Defences\n</div></div></div>\n<div class="page_body chat_page">'
            '<div class="history">\n' + "\n".join(body) + "\n</div></div></div>\n</body>\n</html>\n")


def test_a_telegram_html_export_is_read_as_its_messages_in_order():
    page = _telegram_page([
        ("Turan University", "<strong>Aim of the research</strong><br>\nThe aim is to assess the venture market "
                             "&amp; its institutions."),
        ("", "<strong>Objectives of the research</strong><br>\n1. to build a database;<br>\n2. to estimate the "
             "effect of <a href=\"https://qaztech.vc\">QazTech Ventures</a>."),
    ])
    lines = [line for line in chat_export.telegram_html(page).split("\n") if line]
    assert lines == ["Aim of the research", "The aim is to assess the venture market & its institutions.",
                     "Objectives of the research", "1. to build a database;",
                     "2. to estimate the effect of QazTech Ventures."]
    # the sender, the times, the date between messages and the page's title are no text of it
    assert not any(w in line for line in lines for w in ("Turan", "10:0", "March", "PhD Defences"))


def test_a_task_lists_boxes_and_abbreviation_definitions_are_no_words_of_the_text():
    md = ("# Аннотация\n\n## Цель исследования\n\nВыявить закономерности формирования пегматитов ВКО.\n\n"
          "## Задачи исследования\n\n- [x] изучить геологическое строение тел;\n- [ ] определить минеральный состав;\n"
          "- [X] оценить температуру флюидов.\n\n## Научная новизна\n\n1. [x] Впервые установлен возраст "
          "минерализации.\n\n*[ВКО]: Восточно-Казахстанская область\n*[ЛА-ИСП-МС]: масс-спектрометрия с лазерной "
          "абляцией\n")
    doc = abstract.parse_bytes(md.encode(), "ru-mineralogy.md")
    assert [it.text for it in doc.items["tasks"]] == ["изучить геологическое строение тел",
                                                       "определить минеральный состав", "оценить температуру флюидов."]
    assert doc.items["novelty"][0].text.startswith("Впервые установлен")
    assert "Восточно-Казахстанская" not in doc.text and "*[" not in doc.text
    # a footnote written so opens with its number and stays
    noted = abstract.parse_bytes((md + "\n*[1]: Данные Комитета геологии за 2023 год.\n").encode(), "ru-m.md")
    assert "Данные Комитета геологии за 2023 год." in noted.text


FORUM_POST = """[size=150][b]Защита диссертации Ахметова Б.К. (8D07301 – Архитектура)[/b][/size]

[quote="Отдел докторантуры"]Аннотация размещается за 30 дней до защиты. Полный текст -- на сайте (c) университета.[/quote]

[center][b]Казахский национальный исследовательский технический университет имени К.И. Сатпаева[/b][/center]
[center][b]Ахметов Бауыржан Канатович[/b][/center]
[center][b]Энергоэффективные ограждающие конструкции жилых зданий в резко континентальном климате[/b][/center]
[center]АННОТАЦИЯ диссертации на соискание степени доктора философии (PhD) по образовательной программе 8D07301 – Архитектура[/center]

[size=120][b]Актуальность темы исследования[/b][/size]

Жилые здания [i]Астаны[/i] расходуют на отопление вдвое больше энергии, чем здания Скандинавии.

[b]Цель исследования[/b] – разработать конструктивные решения ограждений для климата Астаны.

[b]Задачи исследования:[/b]
[list=1]
[*]изучить теплозащиту стен жилых зданий;
[*]провести натурные замеры теплопотерь;
[*]разработать новые узлы ограждений.
[/list]

[b]Научная новизна:[/b]
[list]
[*]впервые получены данные о теплопотерях панельных домов;
[*]предложена методика расчёта мостиков холода.
[/list]

Полный текст: [url=https://satbayev.university/dissertations/akhmetov.pdf]на сайте университета[/url]
"""


def test_a_forum_posts_bbcode_reads_as_the_forum_shows_it():
    shown = plain.extract(FORUM_POST.encode(), "post.txt", "text/plain").text
    lines = [line for line in shown.split("\n") if line]
    assert "Ахметов Бауыржан Канатович" in lines
    assert "1. изучить теплозащиту стен жилых зданий;" in lines
    assert "• предложена методика расчёта мостиков холода." in lines
    assert "Полный текст: на сайте университета" in lines
    assert "Жилые здания Астаны расходуют на отопление вдвое больше энергии, чем здания Скандинавии." in lines
    # the editor's tags are gone, and what the author typed is as typed ("--", "(c)")
    assert "[" not in shown and "Полный текст -- на сайте (c) университета." in shown


def test_a_forum_posts_abstract_maps_with_its_title_author_and_lists():
    doc = abstract.parse_bytes(FORUM_POST.encode(), "ru-architecture-post.txt")
    assert doc.meta.title == "Энергоэффективные ограждающие конструкции жилых зданий в резко континентальном климате"
    assert [a.name for a in doc.meta.authors] == ["Ахметов Бауыржан Канатович"]
    assert [it.text for it in doc.items["tasks"]] == ["изучить теплозащиту стен жилых зданий",
                                                       "провести натурные замеры теплопотерь",
                                                       "разработать новые узлы ограждений."]
    assert len(doc.items["novelty"]) == 2


@pytest.mark.parametrize("text", [
    "Цель работы [1] – изучить [b] и [i] как буквы в формулах [2].",
    "A text with one [b]bold[/b] word and one [i]italic[/i] one.",
])
def test_a_text_with_a_bracket_or_two_is_no_forum_post(text):
    assert plain.extract(text.encode(), "t.txt", "text/plain").text.strip() == text


REVIEWED = """# Аннотация диссертации

## Объект и предмет исследования

Объект исследования – журналистика данных в {==казахстанских онлайн-медиа==}{>>Уточнить: только сетевые издания? – К.Т.<<}. Предмет – редакционные практики{++ последнего десятилетия++}.

## Задачи исследования

1. изучить {~~несколько~>четыре~~} редакции;
2. провести опрос журналистов{-- и редакторов--};
3. оценить понятность визуализаций.

## Структура

Работа состоит из введения, трех разделов, заключения,{-- глоссария,--} списка литературы.
"""


def test_a_reviewers_criticmarkup_reads_as_accepted():
    shown = plain.extract(REVIEWED.encode(), "reviewed.md", "text/markdown").text
    assert "Объект исследования – журналистика данных в казахстанских онлайн-медиа. Предмет – редакционные " \
           "практики последнего десятилетия." in shown
    assert "1. изучить четыре редакции;" in shown and "2. провести опрос журналистов;" in shown
    assert "заключения, списка литературы." in shown
    # the reviewer's comments and the marks are no words of the text
    assert not any(mark in shown for mark in ("Уточнить", "{", "}", "~>", "несколько", "глоссария", "редакторов"))
    doc = abstract.parse_bytes(REVIEWED.encode(), "ru-reviewed.md")
    assert [it.text for it in doc.items["tasks"]] == ["изучить четыре редакции", "провести опрос журналистов",
                                                       "оценить понятность визуализаций."]


@pytest.mark.parametrize("text", [
    "Шаблон {++ это ++} один знак, и он остаётся как есть.",
    "Код `a {-- b --}` и формула {x: x > 0}.",
])
def test_a_single_mark_or_braces_are_left_as_typed(text):
    assert plain.extract(text.encode(), "t.txt", "text/plain").text.strip() == text


def test_five_blocks_with_a_property_make_an_outline_four_do_not():
    # A page short enough to be a stub is still the outliner's; a Markdown note with a
    # four-item bullet list and a "key:: value" line is not.
    from dissertation_kg.mappings.extract import logseq
    blocks = ["- Type:: [[Аннотация]]", "- ## Зерттеудің мақсаты", "- Қоныстардың заңдылықтарын анықтау.",
              "- ## Зерттеудің нысаны", "- Ертіс бойындағы қоныстар."]
    assert logseq.is_outline("\n".join(blocks))
    assert "Type::" not in logseq.text("\n".join(blocks))
    assert not logseq.is_outline("\n".join(blocks[:4]))


_RG_HEAD = ["ResearchGate Logo", "Discover the world's scientific knowledge", "Join for free", "Login", "Home",
            "Earth Sciences", "Climatology", "Article", "Heat waves in the south-east of Kazakhstan, 1961–2022",
            "June 2024Hydrometeorology and Ecology 113(2):41-55", "DOI:10.54668/2789-6323-2024-113-2-41-55",
            "Authors:", "Aigerim Zhanabayeva", "Al-Farabi Kazakh National University", "Yerlan Tursynov", "Kazhydromet",
            "Download full-text PDF", "Read full-text", "Download citation", "Copy link Link copied",
            "Citations (0)", "References (5)", "Figures (4)", "Abstract and figures",
            "The article analyses heat waves at 18 stations of the south-east of Kazakhstan.",
            "Figures - uploaded by Aigerim Zhanabayeva", "Author content", "Content may be subject to copyright.",
            "Figure 1. Stations", "Discover the world's research", "25+ million members", "Join for free"]
_RG_TAIL = ["Citations (0)", "References (5)", "Perkins S.E. On the measurement of heat waves // J. Climate. 2013.",
            "Request full-text", "Recommended publications", "Discover more", "Article", "Other heat waves", "View",
            "Company", "About us", "© 2008-2025 ResearchGate GmbH. All rights reserved.", "Terms", "Privacy"]


def test_a_researchgate_page_reads_as_the_full_text_the_author_uploaded():
    full = ["UDC 551.583", "HEAT WAVES IN THE SOUTH-EAST OF KAZAKHSTAN, 1961–2022",
            "A.K. Zhanabayeva1*, E.M. Tursynov2", "1 Al-Farabi Kazakh National University, Almaty, Kazakhstan",
            "Abstract. " + " ".join(["The article analyses heat waves at eighteen stations of the region."] * 8),
            "Introduction", " ".join(["Heat waves have grown more frequent over the last decades in Central Asia."] * 6),
            "Conclusion", " ".join(["The number and duration of heat waves grew at every station of the region."] * 3)]
    page = "\n".join(_RG_HEAD + ["Public Full-text 1", "Content uploaded by Aigerim Zhanabayeva", "Author content",
                                 "Content may be subject to copyright."] + full + _RG_TAIL)
    assert plain.extract(page.encode(), "rg.txt", "text/plain").text.split("\n") == full


def test_a_researchgate_page_without_a_full_text_reads_as_its_record():
    page = "\n".join(_RG_HEAD + _RG_TAIL)
    assert plain.extract(page.encode(), "rg.txt", "text/plain").text.split("\n") == [
        "Heat waves in the south-east of Kazakhstan, 1961–2022", "June 2024Hydrometeorology and Ecology 113(2):41-55",
        "DOI:10.54668/2789-6323-2024-113-2-41-55", "Aigerim Zhanabayeva", "Al-Farabi Kazakh National University",
        "Yerlan Tursynov", "Kazhydromet", "", "Abstract",
        "The article analyses heat waves at 18 stations of the south-east of Kazakhstan."]
    # a text that names the site is no page of it
    text = "We found the papers on ResearchGate\nand read the full text of each.\n"
    assert plain.extract(text.encode(), "notes.txt", "text/plain").text == text


# The archive's toolbar as a browser saves a capture as text (lynx and w3m dumps differ only in
# spacing); the page's own lines follow it.
_WAYBACK_TOOLBAR = ["Wayback Machine", "https://www.enu.kz/ru/info/dissertacii/", "Go", "12 captures",
                    "03 Feb 2021 - 14 Sep 2024", "Jan\tFEB\tMar", "Previous capture\t03\tNext capture",
                    "2020\t2021\t2022", "success", "fail", "About this capture", "COLLECTED BY",
                    "Organization: Internet Archive", "The Internet Archive discovers and captures web pages through",
                    "many different web crawls.", "Collection: Wide Crawl Number 19", "TIMESTAMPS", "loading",
                    "The Wayback Machine - https://web.archive.org/web/20210203101112/https://www.enu.kz/ru/info/"]
_CAPTURED = ["Евразийский национальный университет имени Л.Н. Гумилева", "", "Ахметова Дана Ерлановна", "",
             "Стохастическое резервирование убытков", "", "АННОТАЦИЯ диссертации на соискание степени доктора "
             "философии (PhD)", "", "Актуальность темы. Резервы убытков определяют платежеспособность страховщика."]


def test_a_wayback_machine_capture_reads_as_the_page_it_captured():
    saved = "\n".join(_WAYBACK_TOOLBAR + [""] + _CAPTURED + [
        "", "FILE ARCHIVED ON 10:11:12 Feb 03, 2021 AND RETRIEVED FROM THE INTERNET ARCHIVE ON 08:00:01 Jun 11, 2024.",
        "JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.", "playback timings (ms):",
        "  captures_list: 0.61"])
    got = plain.extract(saved.encode(), "capture.txt", "text/plain").text
    assert got.strip().split("\n") == _CAPTURED
    assert "Internet Archive" not in got and "captures" not in got
    # the toolbar alone, without the archive's line for the capture, ends at its last note
    got = plain.extract("\n".join(_WAYBACK_TOOLBAR[:-1] + _CAPTURED).encode(), "c.txt", "text/plain").text
    assert got.strip().split("\n") == _CAPTURED
    # a text that cites a capture is no capture
    cited = ("Список источников: 12 captures of the site were read.\nСм. https://web.archive.org/web/20210203101112/"
             "https://www.enu.kz/ (дата обращения: 11.06.2024).\n")
    assert plain.extract(cited.encode(), "refs.txt", "text/plain").text == cited


@pytest.mark.parametrize("domain, minutes", [("vestnik.kaznu.kz", "9–13 минут"), ("www.enu.kz", "5-6 minutes"),
                                             ("journals.nauka-nanrk.kz", "8 мин.")])
def test_a_reader_mode_page_reads_without_the_domain_and_reading_time(domain, minutes):
    body = ["Жер асты суларының сапасын бағалау", "", "А.Т. Жұмабекова, Д.Е. Сапарбаев", "", minutes, "",
            "ӘОЖ 556.3", "", "Аңдатпа. Мақалада жер асты суларының сапасы бағаланады."]
    got = plain.extract("\n".join([domain, ""] + body).encode(), "reader.txt", "text/plain").text
    assert got.split("\n") == body[:4] + body[6:]
    # a text that opens with a site's name but has no reading time is left as it is
    kept = "\n".join([domain, "", *body[:4], *body[6:]])
    assert plain.extract(kept.encode(), "site.txt", "text/plain").text == kept
