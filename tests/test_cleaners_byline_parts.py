"""One part of a byline line, read alone (cleaners/byline_parts.py)."""

from __future__ import annotations

from cleaners.base import Verdict
from cleaners.byline_parts import byline_part, named_date
from cleaners.phrasebook import LineMatches, default_phrasebook


def _read(part: str, language: str | None = "en", head: bool = True) -> dict[str, object] | None:
    found = Verdict()
    if not byline_part(part, LineMatches(default_phrasebook()), language, head, found):
        return None
    return {h.field: h.value for h in found.harvest}


def test_a_phrase_a_date_and_a_reading_time_are_parts():
    assert _read("By Jane Doe") == {"authors": "Jane Doe"}
    assert _read("March 3, 2024") == {"published": "2024-03-03"}
    assert _read("5 min read") == {"reading_time_minutes": 5}


def test_a_byline_run_together_with_its_date_is_cut_before_the_date():
    assert _read("By Luke Kemp 11 February 2020") == {"authors": "Luke Kemp", "published": "2020-02-11"}


def test_a_dateline_run_together_with_its_update():
    read = _read("Pubblicato il 19 Febbraio 2020 Ultima modifica 20 Febbraio 2020", "it")
    assert read == {"published": "2020-02-19", "modified": "2020-02-20"}


def test_the_role_after_the_name_is_no_part_of_it():
    assert _read("By Nada Tawfik, BBC News, New York") == {"authors": "Nada Tawfik"}


def test_below_the_head_a_labelled_date_is_a_fact_of_the_article():
    assert _read("Deadline: 3 May 2024", head=False) is None
    assert _read("Deadline: 3 May 2024") is not None


def test_a_bare_name_beside_a_date_is_read_as_a_name_only_by_named_date():
    # (The lenient date parser reads the whole part as a date: the byline asks named_date first.)
    assert _read("Tina Klostermeier 15.12.2022", "de") == {"published": "2022-12-15"}
    found = Verdict()
    assert named_date("Tina Klostermeier 15.12.2022", LineMatches(default_phrasebook()), "de", found)
    assert {h.field: h.value for h in found.harvest} == {"published": "2022-12-15", "authors": "Tina Klostermeier"}


def test_prose_is_no_part():
    assert _read("The council met on Tuesday to discuss the budget.") is None


def test_a_byline_run_together_with_its_reading_time_is_cut_where_the_reading_time_opens():
    read = _read("Publicado el 14 de febrero de 2026 por María Fernanda Ruiz Tiempo de lectura: 5 minutos", "es")
    assert read == {"published": "2026-02-14", "authors": "María Fernanda Ruiz", "reading_time_minutes": 5}
