"""General rules found by using blind sets Q and R as dev sets (seventeenth round), each pinned
over invented questions (none of the sets' wording or companies): a company typed in lower case
that no note writes, or a symbol whose score no note gives, is not in the notes; the score a
company got or was given, a note's score asked after describing it, notes said to be so negative
and a company better or worse since an event are sentiment; "#" counts; "co." and "who" rank
companies; a typo of a sentiment word is that word; a note ranked among all notes shows its
companies' own scores beside its overall one."""

from __future__ import annotations

import pytest
from test_sentiment import passage
from test_sentiment_rules import TODAY, ask, routed_kind
from test_sentiment_rules_l import TESLA

from ingest import CompanyDirectory, learn_companies
from ingest.words import is_english
from ragbot.routing import spelt_out
from ragbot.sentiment import NoteCatalog, parse_intent
from ragbot.sentiment.intent import unfamiliar_words

TWO = NoteCatalog.from_passages([
    passage("a1.txt", "2025-02-10", "mildly negative", -0.30, {"TSLA": -0.40, "F": 0.10}, "Tesla cut prices as Ford held them."),
    passage("a2.txt", "2025-05-10", "mildly positive", 0.40, {"F": 0.45}, "Ford raised its dividend."),
    passage("a3.txt", "2025-08-10", "neutral", 0.05, {"F": 0.02}, "Ford recalled pickups over a wiring fault."),
])


@pytest.mark.parametrize("question", ["zorblaxx sentiment score?", "avg sentiment on quellmorn lately?", "any sentiment on hyatt?"])
def test_a_lower_case_name_no_note_writes_is_not_in_the_notes(router, question):
    answer = ask(router, question, TESLA)
    assert not answer.found and "no note is about" in answer.text and not answer.citations


@pytest.mark.parametrize("question", ["overall sentiment score?", "gloomiest sentiment lately?", "avg sentimnet score?", "bulish sentiment overall?", "notes viewed bearishly?"])
def test_english_words_shorthand_and_typos_name_no_company(router, question):
    assert unfamiliar_words(router.route(question), lambda word: False) == []


def test_the_lexicon_knows_inflections_and_not_brand_names():
    assert is_english("gloomiest") and is_english("outages") and not is_english("hershey")


@pytest.mark.parametrize("question", ["whats XQZ's score in the Tesla recall note?", "XQZ ticker score in the recall note?", "Ford's ticker score in the Tesla recall note?"])
def test_a_symbol_whose_score_no_note_gives_is_not_in_the_notes(router, question):
    answer = ask(router, question, TESLA)
    assert not answer.found and "no note is about" in answer.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # the score a company got or was given, a note's score asked after describing it
        ("tesla - the note on the brake recall. what score did TSLA get?", "note"),
        ("What score did we give Tesla on the brake recall?", "note"),
        ("Tesla - the brake recall. what was the score on that one", "note"),
        ("tesla, the quarter the brake recall hit. score?", "note"),
        ("Tesla - the brake recall where deliveries slipped. Score?", "note"),
        ("brake recall note: what did Tesla get?", "note"),
        ("how did we score Tesla recalling its cars over brakes?", "note"),
        # ... in shorthand, or against another company
        ("TSLA - the brake recall, what'd we score it", "note"),
        ("what did we score tesla on the brake recall?", "note"),
        ("TSLA score when the brake recall hit?", "note"),
        ("tesla brake recall that hit deliveries - score pls", "note"),
        ("tesla and ford price cuts: score for each ticker?", "note"),
        ("tesla price cut w/ ford - is tesla scored above or below ford?", "note"),
        # notes so negative, either way since an event or a note, counts, periods
        ("why were the tesla notes so negative in 2025?", "summary"),
        ("tesla - better or worse since the recall?", "trend"),
        ("Tesla: change in score since the brake recall note?", "trend"),
        ("# of negative Tesla notes in 2025?", "distribution"),
        ("Tesla avg sentimnet 2025 vs 2026?", "trend"),
        ("tesla by quater for 2025 - avg per quarter pls", "trend"),
        ("tesla: this year's average vs last year's", "summary"),
        # a company asked to have been one way ("why was Acme so negative between May and July?")
        ("why was tesla so negative between march 2025 and june 2025", "summary"),
        ("Why has Tesla been negative in 2025? Which notes explain it?", "summary"),
        ("what made the tesla notes in 2025 so downbeat?", "summary"),
        ("tesla - change from the first note we have to the most recent one?", "trend"),
        ("has tesla sentiment improved since last november?", "trend"),
    ],
)
def test_scores_asked_in_other_words_are_sentiment_of_this_kind(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize("question", [
    "What credit score does Tesla need?", "Has Tesla's margin got better or worse since the recall?",
    "why was Tesla's free cash flow so negative between march 2025 and june 2025",
])
def test_a_measures_score_or_change_stays_facts(router, question):
    assert router.route(question).intent == "facts"


def test_the_score_given_a_company_on_an_event_is_that_notes(router):
    answer = ask(router, "What score did we give Tesla on the brake recall?", TESLA)
    assert answer.found and "-0.60" in answer.text and [c.source for c in answer.citations] == ["t2.txt"]


@pytest.mark.parametrize(("word", "spelt"), [("sentimnet", "sentiment"), ("Bulish", "Bullish"), ("negaitve", "negative"), ("relative", "relative"), ("avenge", "avenge")])
def test_a_word_one_typo_from_a_sentiment_word_is_that_word_unless_english(word, spelt):
    assert spelt_out(f"Tesla {word}?") == f"Tesla {spelt}?"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("which co. looked most bearish in 2025, by avg ticker sentiment per note?", "company"),
        ("who had the lowest avg sentiment in 2025?", "company"),
        ("single most negative note in 2025? which co and what score", "note"),
    ],
)
def test_co_and_who_rank_companies_unless_notes_are_what_the_superlative_qualifies(router, question, unit):
    assert parse_intent(router.route(question), TODAY).unit == unit


def test_a_note_ranked_among_all_notes_shows_its_companies_own_scores(router):
    answer = ask(router, "single most negative note in 2025? which co and what score", TWO)
    assert "note overall -0.30; TSLA -0.40, F +0.10" in answer.text


def test_a_hyphenated_name_typed_together_is_that_company(router):
    assert router.route("tmobile sentiment lately?").tickers == ["TMUS"]


def test_an_acronym_in_the_plural_is_no_unknown_company(router):
    from ragbot.companies import unknown_name

    assert unknown_name("did the state AGs probe tesla over its sales?", router.resolver, lambda word: False) is None
    assert unknown_name("did the state regulators and Zorblax probe tesla?", router.resolver, lambda word: False) == "Zorblax"


def test_a_change_since_an_events_note_counts_from_that_note(router):
    answer = ask(router, "Tesla: change in score since the brake recall note?", TESLA)
    assert answer.found and "from -0.60 (2025-03-12)" in answer.text


def test_how_we_scored_an_event_no_note_covers_is_not_in_the_notes(router):
    assert not ask(router, "how did we score Tesla buying a bakery chain?", TESLA).found


def test_a_name_whose_score_no_note_gives_is_not_in_the_notes(router):
    answer = ask(router, "what score did Vikingo get in the Tesla recall note", TESLA)
    assert not answer.found and "Vikingo" in answer.text
    assert ask(router, "what score did Tesla get in the recall note", TESLA).found


def test_months_in_shorthand_make_a_trailing_window(router):
    window = parse_intent(router.route("avg sentiment on tesla over the last 6 mos"), TODAY).window
    assert (window.start.isoformat(), window.end.isoformat()) == ("2026-05-30", "2026-11-30")


def test_a_lower_case_name_whose_score_no_note_gives_and_a_contraction(router):
    assert not ask(router, "what score did zorbco get in the tesla recall note?", TESLA).found
    assert unfamiliar_words(router.route("tesla when the tenant said it wasn't renewing: sentiment?"), lambda word: False) == []


def test_a_company_its_notes_call_by_its_ticker_is_not_named_after_a_measure_they_discuss():
    notes = [(["HTLX"], "HTLX said RevPAR fell. RevPAR in China dropped."), (["HTLX"], "HTLX cut its RevPAR outlook. RevPAR slid.")]
    assert [(c.ticker, c.name) for c in learn_companies(notes, CompanyDirectory.load())] == [("HTLX", "HTLX")]
    called = [(["CZRX"], "CZRX said Caesarion grew. Caesarion beat."), (["CZRX"], "CZRX cut costs at Caesarion.")]
    assert [c.name for c in learn_companies(called, CompanyDirectory.load())] == ["Caesarion"]  # starts as the ticker does


def test_two_years_compared_cover_both_by_year(router):
    intent = parse_intent(router.route("Compare Tesla's average score in 2025 with its 2026 average - trending up or down?"), TODAY)
    assert intent.kind == "trend" and intent.period == "year"
    assert (intent.window.start.isoformat(), intent.window.end.isoformat()) == ("2025-01-01", "2026-12-31")


def test_since_a_note_named_by_its_date_counts_from_that_note_to_the_latest(router):
    answer = ask(router, "has sentiment on tesla improved since the march 2025 note?", TESLA)
    assert answer.found and "from -0.60 (2025-03-12)" in answer.text and "+0.10 (2025-09-20)" in answer.text


def test_an_extreme_asked_with_its_score_last_is_still_the_extreme(router):
    assert parse_intent(router.route("What's the most upbeat note we have on Tesla, and its score?"), TODAY).kind == "extreme"


@pytest.mark.parametrize(("question", "kind"), [("tesla looks mixed - bull vs bear points?", "summary"), ("the tesla recall note reads mixed - good vs bad?", "note")])
def test_a_company_or_note_read_as_mixed_asks_its_sentiment_and_why(router, question, kind):
    routed = router.route(question)
    intent = parse_intent(routed, TODAY)
    assert routed.intent == "sentiment" and intent.kind == kind and intent.why and intent.direction is None


def test_results_said_to_be_mixed_stay_facts(router):
    assert router.route("Tesla's quarter was mixed - what drove margins?").intent == "facts"


def test_one_note_counted_one_way_is_said_in_the_singular(router):
    answer = ask(router, "why has tesla been negative in 2025?", TWO)
    assert answer.text.startswith("1 of the 1 note on TSLA dated 2025-01-01 to 2025-12-31 (100%) is negative")


@pytest.mark.parametrize(("text", "start"), [("since last november?", "2025-11-01"), ("since last march", "2026-03-01")])
def test_last_month_named_is_the_latest_before_this_month(text, start):
    from ragbot.windows import find_window

    assert find_window(text, TODAY).start.isoformat() == start


def test_a_capitalised_word_right_after_a_company_is_the_rest_of_its_name(router):
    from ragbot.companies import unknown_name

    assert unknown_name("the tesla Energy note - score on the battery recall?", router.resolver, lambda word: False) is None
