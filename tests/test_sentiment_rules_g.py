"""General rules found by using blind set G as a dev set (seventh round), each pinned over invented
notes, companies and questions (none of the set's wording or companies): a company is named by
the first word of its name too (a hyphenated one's first part; a declared one even when its ticker
spells its initials, or when a Markdown heading writes the word in lower case); a gloomy, bleak or
rosy note, the notes' takes and views, the research turning one way, and "avg" beside notes or
before "score" are sentiment; "what made" asks why; "over 2025 by quarter" groups, it names no
report; a note is matched by its file name's words, and may be named headline-style."""

from __future__ import annotations

from ingest import CompanyDirectory
from ingest.declarations import text_companies, ticker_declarations
from ingest.tickers import Company, with_first_names

# -- companies named by the first word of their name --------------------------------------------


def test_a_declared_ticker_spelling_its_initials_is_a_company_when_the_notes_score_it():
    text = "Pelham Harbor Lines (PHL) added two routes. The Food and Drug Administration (FDA) was not involved."
    assert ticker_declarations(text) == []  # alone, PHL reads as an acronym being defined
    assert ticker_declarations(text, frozenset({"PHL"})) == [("PHL", "Pelham Harbor Lines")]  # FDA still is one
    (company,) = text_companies([text], CompanyDirectory([]), frozenset({"PHL"}))
    assert set(company.aliases) == {"Pelham Harbor Lines", "Pelham"}


def test_a_lower_case_word_in_a_markdown_heading_still_leaves_a_proper_first_word():
    heading = "# Tesla: brindlecoe supply deal\nDate: 2026-01-05\nTesla signed a supply deal with Brindlecoe Optics (BRNO)."
    other = "Brindlecoe Optics (BRNO) raised prices. Shares fell."
    (company,) = text_companies([heading, other], CompanyDirectory.load())
    assert set(company.aliases) == {"Brindlecoe Optics", "Brindlecoe"}
    # the same word written in lower case in prose is a common word, not a name
    (company,) = text_companies([other, "the brindlecoe lens is cheap."], CompanyDirectory.load())
    assert company.aliases == ("Brindlecoe Optics",)


HYPHENATED = [
    Company("VSKM", "Varsk-McAllan", ("Varsk-McAllan",), (), False),
    Company("TRVT", "Trevant-Oak", ("Trevant-Oak",), (), False),
    Company("OKLM", "Oaklamp", ("Oaklamp",), (), False),
]


def test_a_held_company_is_named_by_its_names_first_part_when_the_notes_never_lower_case_it():
    texts = ["Varsk-McAllan (VSKM) cut output. Trevant-Oak rose.", "Oaklamp fell, and the trevant index rose."]
    rows = {c.ticker: c for c in with_first_names(HYPHENATED, {"VSKM", "TRVT", "OKLM"}, texts)}
    assert rows["VSKM"].aliases == ("Varsk-McAllan", "Varsk")
    assert rows["TRVT"].aliases == ("Trevant-Oak",)  # "trevant" is written in lower case
    assert rows["OKLM"].aliases == ("Oaklamp",)  # one word: nothing shorter
    unheld = {c.ticker: c for c in with_first_names(HYPHENATED, {"OKLM"}, texts)}
    assert unheld["VSKM"].aliases == ("Varsk-McAllan",)  # the notes are not about it
