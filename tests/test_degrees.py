"""Every pattern that names a degree, each in a title-page phrase that holds only that pattern.

Written out by hand, one row per pattern of mappings/degrees.PATTERNS, so that dropping any one
pattern changes the degree its row reads (checked with scripts/mutation.py)."""
from __future__ import annotations

import pytest

from dissertation_kg.mappings import degrees

TITLE_PAGES = [
    ("Диссертация на соискание ученой степени кандидата исторических наук", "candidate"),
    ("тарих ғылымдарының кандидаты ғылыми дәрежесін алу үшін", "candidate"),
    ("Dissertation for the degree of Candidate of Historical Sciences", "candidate"),
    ("Автореферат диссертации на соискание ученой степени доктора экономических наук", "doctor"),
    ("экономика ғылымдарының докторы ғылыми дәрежесін алу үшін", "doctor"),
    ("Dissertation for the degree of Doctor of Economic Sciences", "doctor"),
    ("Dissertation submitted for the PhD degree in History", "phd"),
    ("Dissertation for the degree of Doctor of Philosophy in History", "phd"),
    ("Диссертация на соискание степени доктора философии по специальности «История»", "phd"),
    ("философия докторы дәрежесін алу үшін дайындалған диссертация", "phd"),
    ("Doctoral dissertation in International Relations", "phd"),
    ("Докторская диссертация по специальности «История»", "phd"),
    ("Thesis for the degree of Master of Arts in International Relations", "master-arts"),
    ("Диссертация на соискание степени магистра гуманитарных наук", "master-arts"),
    ("гуманитарлық ғылымдар магистрі дәрежесін алу үшін", "master-arts"),
    ("Thesis for the degree of Master of Science in Computer Science", "master-science"),
    ("Диссертация на соискание степени магистра технических наук", "master-science"),
    ("техника ғылымдарының магистрі дәрежесін алу үшін", "master-science"),
    ("Master's thesis in International Relations", "master"),
    ("Thesis for the degree of Master of Business Administration", "master"),
    ("Магистерская диссертация по специальности «Международные отношения»", "master"),
    ("Работа на соискание академической степени магистра", "master"),
    ("Магистрлік диссертация", "master"),
    ("магистр академиялық дәрежесін алу үшін", "master"),
    ("Bachelor's thesis in Economics", "bachelor"),
    ("Thesis for the degree of Bachelor of Education", "bachelor"),
    ("Graduation thesis in Economics", "bachelor"),
    ("Diploma project in Civil Engineering", "bachelor"),
    ("Бакалаврская работа по специальности «Экономика»", "bachelor"),
    ("Работа на соискание академической степени бакалавра", "bachelor"),
    ("Дипломный проект по специальности «Строительство»", "bachelor"),
    ("Выпускная квалификационная работа", "bachelor"),
    ("бакалавр академиялық дәрежесін алу үшін", "bachelor"),
    ("Дипломдық жұмыс", "bachelor"),
    ("Бітіру жұмысы", "bachelor"),
]


@pytest.mark.parametrize("text, degree", TITLE_PAGES)
def test_every_degree_pattern_names_its_degree(text, degree):
    assert degrees.degree(text) == degree


@pytest.mark.parametrize("page", [
    "Научный руководитель: доктор сельскохозяйственных наук С.К. Абенов",
    "Официальные оппоненты: доктор экономических наук А.А. Ахметов",
    "Ғылыми жетекшісі: техника ғылымдарының докторы Б.Б. Бекова",
    "Ведущая организация: доктор наук при институте",
])
def test_a_supervisors_or_opponents_degree_is_not_the_works(page):
    """The label's word with its ending, and no academic title after the degree to tell it."""
    assert degrees.degree("Автореферат\n" + page) is None


@pytest.mark.parametrize("page, code, degree", [
    # the degree line lost, a Soviet-style code: who guided the work tells the degree it seeks
    ("Научный консультант: доктор химических наук А.А. Ахметов\n"
     "Учёный секретарь совета, кандидат химических наук Б.Б. Бекова", "02.00.04", "doctor"),
    ("Научный руководитель: доктор химических наук А.А. Ахметов\n"
     "Официальные оппоненты: доктор химических наук В.В. Васильев", "02.00.04", "candidate"),
    ("Ғылыми жетекші: химия ғылымдарының докторы А.А. Ахметов", "02.00.04", "candidate"),
    # a PhD's consultants say nothing of that kind: the code's level does
    ("Научные консультанты: доктор химических наук А.А. Ахметов", "8D05301", "phd"),
])
def test_who_guided_an_autoreferat_tells_its_degree(page, code, degree):
    assert degrees.degree("Автореферат\n" + page, code) == degree


@pytest.mark.parametrize("line", [
    "доктор исторических наук, профессор Ахметов А.А.",
    "тарих ғылымдарының докторы, профессор Ахметов А.А.",
    "Doctor of Historical Sciences, Professor Akhmetov A.A.",
])
def test_a_degree_followed_by_an_academic_title_is_a_persons_not_the_works(line):
    """A supervisor's degree on the line after the label: the academic title after it tells it."""
    assert degrees.degree("Научный руководитель:\n" + line + "\nДиссертация на соискание степени доктора философии (PhD)") == "phd"
