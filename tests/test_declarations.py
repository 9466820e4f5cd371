"""Companies a note's text declares with their ticker ("Name (TICK)"): learned for that note,
for the other notes of the same ingest, and never from an acronym being defined. No model."""

from __future__ import annotations

import pytest
from ingest_helpers import note_text

from ingest import CompanyDirectory, TickerResolver, parse_note
from ingest.chunking import NoteChunker
from ingest.declarations import text_companies, ticker_declarations
from ingest.note import note_declarations, with_shared_declarations

DECLARING = (
    "Marrowby Kiln Works (MKWX) said third-quarter orders rose 12%. Marrowby also raised its "
    "dividend, while Caterpillar cut prices on rival kilns."
)
NAMING_ONLY = "Marrowby warned that gas costs will squeeze margins. Analysts at Caterpillar disagreed."


@pytest.fixture(scope="module")
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marrowby Kiln Works (MKWX) grew.", [("MKWX", "Marrowby Kiln Works")]),
        ("Shares of Marrowby Kiln Works (NASDAQ: MKWX) fell; shares rose.", [("MKWX", "Marrowby Kiln Works")]),
        ("For Marrowby Kiln Works (MKWX), for now, costs rose.", [("MKWX", "Marrowby Kiln Works")]),
        ("The Food and Drug Administration (FDA) approved it.", []),  # an acronym, not a company
        ("Earnings Per Share (EPS) rose.", []),
        ("Jane Doe (CEO) spoke.", []),  # a symbol that does not start the name is no declaration
        ("Date: 2025-10-29\nOld Dominion Freight Line (ODFL) said tons fell.", [("ODFL", "Old Dominion Freight Line")]),  # opens the note
        ("Tons fell, Old Dominion Freight Line (ODFL) said.", []),  # initials later on: an acronym's definition
        ("Letter to Shareholders\nMarrowby Kiln Works, Inc. (Nasdaq: MKWX) grew.", [("MKWX", "Marrowby Kiln Works, Inc.")]),
        # a symbol with its exchange's suffix is a listing, whatever letter starts it; a name may hold "+"
        ("K+S (SDF.DE) reported third-quarter revenue.", [("SDF.DE", "K+S")]),
        ("Yamaha Corporation (7951.T) cut its forecast.", [("7951.T", "Yamaha Corporation")]),
        ("Demand in the United States (U.S) stayed firm.", []),  # no symbol before the dot
        ("Gross Margin (N.A) was not disclosed.", []),
        ("Risk Factors (1.A) were expanded.", []),
    ],
)
def test_declarations_are_name_then_ticker_in_brackets(text, expected):
    assert ticker_declarations(text) == expected


def test_a_declared_company_is_named_by_its_full_name_and_its_proper_first_word(resolver):
    (company,) = text_companies([DECLARING], resolver.directory)
    assert company.ticker == "MKWX" and set(company.aliases) == {"Marrowby Kiln Works", "Marrowby"}
    assert text_companies(["Caterpillar (CAT) rose."], resolver.directory) == []  # known: the table's row stands


def test_a_note_without_ticker_lines_is_about_the_company_it_declares_and_names_most(resolver):
    note = parse_note(note_text(DECLARING), "mkwx.txt", resolver)
    assert note.ticker_scores == {} and note.primary_tickers == ("MKWX",)
    assert set(note.tickers) == {"MKWX", "CAT"}


def test_a_note_naming_a_company_another_note_declares_is_about_it(resolver):
    notes = [parse_note(note_text(DECLARING), "a.txt", resolver), parse_note(note_text(NAMING_ONLY), "b.txt", resolver)]
    assert notes[1].primary_tickers == ("CAT",)  # alone, it only knows the table's company
    shared, extended = with_shared_declarations(notes, resolver)
    assert shared[1].primary_tickers == ("MKWX",) and "MKWX" not in resolver.directory.companies
    chunks = NoteChunker(extended, 600, 0).split(shared[1])
    assert all("MKWX" in c.metadata["about"] for c in chunks)


def test_notes_without_declarations_are_left_as_they_are(resolver):
    notes = [parse_note(note_text(NAMING_ONLY), "b.txt", resolver)]
    assert with_shared_declarations(notes, resolver) == (notes, resolver)


def test_a_declared_company_is_named_by_a_hyphenated_first_word_but_not_by_a_short_adjective():
    from ingest.tickers import declared_companies

    pairs = [("TTWX", "Take-Two Interactive"), ("ODFX", "Old Dominion Freight Line"), ("DALX", "Delta Air Lines"), ("PAAX", "Pan American Silver")]
    rows = {c.ticker: c.aliases for c in declared_companies(pairs, set(), set())}
    assert "Take-Two" in rows["TTWX"] and "Take" not in rows["TTWX"]
    assert "Old" not in rows["ODFX"] and "Delta" in rows["DALX"] and "Pan" in rows["PAAX"]  # a short adjective names no company alone


def test_a_note_with_an_empty_block_is_about_a_company_only_other_notes_score(resolver):
    """No alias-table row and no declaration: "Velmora Foods" is learned from the notes that score
    VLMF, and the note whose Ticker Sentiment block is empty is about it too, in this batch and in
    a later one that parses it alone (the learned name is kept with the scoring notes' declarations)."""
    scored = [parse_note(note_text(f"Velmora Foods {verb} beef exports. Velmora's margin widened.", tickers="VLMF 0.4"), f"v{i}.txt", resolver)
              for i, verb in enumerate(("raised", "cut"))]
    unscored = parse_note(note_text("Velmora Foods opened a plant in Goias, its largest."), "plant.txt", resolver)
    assert unscored.primary_tickers == ()
    shared, _ = with_shared_declarations([*scored, unscored], resolver)
    assert shared[2].primary_tickers == ("VLMF",)
    kept = note_declarations(scored, resolver.directory)  # as stored with the scoring notes' rows
    alone, _ = with_shared_declarations([unscored], resolver, [*note_declarations([unscored], resolver.directory).values(), *kept.values()])
    assert alone[0].primary_tickers == ("VLMF",)


def test_a_note_naming_a_company_only_another_notes_front_matter_ties_to_a_listing_is_about_it(resolver):
    """A long note's front matter ("company: Quarnby Casings", "ticker: QRNB.MC") ties the name to
    the listing; a short note that only names "Quarnby Casings" is about that listing too, while a
    front matter naming two tickers declares nothing (which of them the name is cannot be told)."""
    report = "---\ncompany: Quarnby Casings\nticker: QRNB.MC\ntitle: Annual Report\n---\nWe grew casings volumes 3%."
    short = note_text("Quarnby Casings reported FY2037 revenue of EUR1.3 billion. Quarnby raised prices.")
    notes = [parse_note(report, "report.md", resolver), parse_note(short, "short.txt", resolver)]
    assert notes[1].primary_tickers == ()
    shared, _ = with_shared_declarations(notes, resolver)
    assert shared[1].primary_tickers == ("QRNB.MC",)
    two = report.replace("ticker: QRNB.MC", "tickers: [QRNB.MC, QRNC.MC]")
    shared, _ = with_shared_declarations([parse_note(two, "report.md", resolver), notes[1]], resolver)
    assert shared[1].primary_tickers == ()
