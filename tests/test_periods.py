"""Reporting periods and finance abbreviations: what makes "Q2 2025" find Q2's note, not Q3's,
and "capex" find "capital expenditure"."""

from __future__ import annotations

from datetime import date

import pytest

from ragbot.glossary import expand
from ragbot.periods import (
    ReportingPeriod,
    asks_latest,
    newest_quarter,
    period_fit,
    period_subject,
    periods,
    periods_by_company,
    relative_quarter,
    reporting_periods,
    shift_quarters,
    stated_periods,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cloud grew 26% in Q2 2025", {"quarter": {"2"}, "year": {"2025"}, "quarter_of_year": {"2/2025"}}),
        ("revenue in the second quarter", {"quarter": {"2"}}),
        ("In Q2 FY2026, data center revenue grew", {"quarter": {"2"}, "fiscal_year": {"2026"}, "quarter_of_year": {"2/2026"}}),
        ("guided for Q1 FY26", {"quarter": {"1"}, "fiscal_year": {"2026"}, "quarter_of_year": {"1/2026"}}),
        ("tariffs cost $800 million in the June quarter", {"month_quarter": {"june"}}),
        ("H1 margins and the second half", {"half": {"1", "2"}}),
        ("3Q results", {"quarter": {"3"}}),
    ],
)
def test_periods_are_read_in_their_usual_spellings(text, expected):
    assert periods(text) == expected


@pytest.mark.parametrize("text", ["revenue of $2025 million", "up 2025.5 points", "a 34% rise", "Q5 is not a quarter", "FYI"])
def test_figures_are_not_periods(text):
    assert periods(text) == {}


def test_a_sentence_naming_the_asked_quarter_fits_and_another_quarter_does_not():
    asked = periods("capex in Q2 2025")
    assert period_fit(asked, periods("capex rose to RMB 19.1 billion in Q2 2025"), {}) == 1.0
    assert period_fit(asked, periods("Q3 2025 capex fell to RMB 13.0 billion"), {}) < 0
    assert period_fit(asked, periods("Q3 2025 capex fell"), {}) < period_fit(asked, {}, {}) == 0.0


def test_a_sentence_without_a_period_takes_half_its_passages_verdict():
    asked = periods("margin in Q1")
    assert period_fit(asked, {}, periods("Tesla's Q1 results")) == 0.5
    assert period_fit(asked, {}, periods("Tesla's Q2 results")) == -0.5


def test_no_asked_period_means_no_preference():
    assert period_fit({}, periods("Q3 2025"), periods("Q3 2025")) == 0.0


@pytest.mark.parametrize(
    ("text", "added"),
    [("What was capex last year?", "capital expenditure"), ("capital expenditures rose", "capex"), ("Is FCF enough?", "free cash flow"),
     ("viasat adj ebitda?", "adjusted"), ("which of my names are getting hit by tariffs?", "companies")],  # (an analyst's "names")
)
def test_abbreviations_and_long_forms_are_expanded_both_ways(text, added):
    assert expand(text) == f"{text} ({added})"


@pytest.mark.parametrize(("text", "added"), [
    ("what are they guiding for fy26?", "fiscal 2026"), ("vail q3 25 revenue", "third quarter 2025"), ("3Q25 sales", "third quarter 2025"),
    ("1H 2025 sales", "first half 2025"), ("unf q3 fy25 operating income", "third quarter fiscal 2025"), ("h1 margin", "first half"),
    ("guidance for FY26.", "fiscal 2026"), ("Q3 revenue", "third quarter"), ("Q4\u201925 sales", "fourth quarter 2025"), ("FY26, FY27 revenue?", "fiscal 2026, fiscal 2027"),
])
def test_a_period_in_shorthand_is_spelt_out_as_notes_write_it(text, added):
    assert expand(text) == f"{text} ({added})"


@pytest.mark.parametrize("text", ["what are Alibaba's cloud risks?", "the evening session", "capex and capital expenditure", "the names of its brands",
                                  "fiscal 2025 revenue", "revenue in the third quarter of 2025", "a Q3X7 part", "Q3 2025 revenue"])
def test_text_without_a_missing_form_is_unchanged(text):
    assert expand(text) == text


@pytest.mark.parametrize(
    ("text", "step", "expected"),
    [("margin in Q1 2025?", 1, "margin in Q2 2025?"), ("Azure in Q4 FY25", 1, "Azure in Q1 FY26"),
     ("revenue in Q1 2026", -1, "revenue in Q4 2025"), ("fiscal Q2 2025", 1, "fiscal Q3 2025"), ("no quarter here", 1, "no quarter here")],
)
def test_quarters_shift_across_year_ends(text, step, expected):
    assert shift_quarters(text, step) == expected


@pytest.mark.parametrize(
    ("text", "step"),
    [("And in the following quarter?", 1), ("what about the next quarter", 1), ("and the prior quarter?", -1),
     ("did it keep up the quarter after?", 1), ("and the quarter before?", -1), ("last quarter's margin", 0)],
)
def test_relative_quarters_are_read(text, step):
    assert relative_quarter(text) == step


@pytest.mark.parametrize(
    ("text", "latest"),
    [("What's the current AWS backlog?", True), ("Azure's latest growth rate", True), ("What was capex in Q2?", False)],
)
def test_questions_asking_for_the_latest_figures_are_recognised(text, latest):
    assert asks_latest(text) is latest


def test_newest_quarter_orders_quarters_across_years():
    assert newest_quarter("Q4 2024 and Q1 2025") > newest_quarter("Q3 2024")
    assert newest_quarter("Q4 FY25") == newest_quarter("Q4 2025") and newest_quarter("no quarter") == 0


def test_a_comparison_asks_each_company_for_the_period_named_after_it():
    text = "How did Oracle's growth in fiscal Q2 2026 compare with Palantir's in Q3 2025?"
    named = [(text.index("Oracle"), "ORCL"), (text.index("Palantir"), "PLTR")]
    assert periods_by_company(text, named) == {
        "ORCL": {"quarter": {"2"}, "year": {"2026"}, "quarter_of_year": {"2/2026"}},
        "PLTR": {"quarter": {"3"}, "year": {"2025"}, "quarter_of_year": {"3/2025"}},
    }


def test_one_period_for_two_companies_is_not_split():
    text = "Compare Tesla and NIO margins in Q2 2025"
    assert periods_by_company(text, [(8, "TSLA"), (18, "NIO")]) == {}


@pytest.mark.parametrize(
    "question",
    [
        "How was the research on Acme's Q4 2025 results scored?",
        "What was the overall sentiment on Halvorsen's Q3 2026 results?",
        "What score did the note on Acme's Q4 2025 get?",  # a possessive alone: the company's quarter
        "How was the research on Acme's Q4 2025 scored?",
        "What was the sentiment on the fourth-quarter 2025 earnings?",
        "How bullish were we on the results for the third quarter of fiscal 2026?",
        "Was the note on Nvidia's fiscal 2025 positive?",
    ],
)
def test_a_period_naming_a_companys_report_is_what_a_note_is_about(question):
    assert period_subject(question) == 1.0


@pytest.mark.parametrize(
    "question",
    [
        "What was the sentiment on Tesla in Q3 2025?",
        "What was the sentiment on Tesla in Q3?",
        "How did Tesla sentiment change between Q1 and Q3?",
        "How did Nvidia notes average during the second quarter?",
        "Has sentiment on Apple improved since Q2 2025?",
        "How many negative notes did I write in 2025?",
        "Has sentiment on Acme improved since its Q3 2025 results?",  # a company's period bounding a window
    ],
)
def test_a_period_after_a_preposition_of_time_is_a_window_over_note_dates(question):
    assert period_subject(question) == -1.0


@pytest.mark.parametrize(
    "question",
    [
        "Has sentiment on BABA improved since June?",  # months and relative windows name no reporting period
        "What's the sentiment on Nvidia over the last 30 days?",
        "What score did the note on the Q1 export ban get?",  # a period naming an event: no cue either way
    ],
)
def test_without_a_cue_the_feature_is_zero_and_the_period_stays_a_window(question):
    assert period_subject(question) == 0.0


def test_the_feature_is_the_mean_over_the_periods_named():
    assert period_subject("Acme's Q4 2025 results against sentiment in Q1 2026") == 0.0


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Acme reported fourth-quarter revenue of $1.08 billion.", "2026-02-05", {"Q4 2025"}),  # the latest Q4 ended
        ("Acme reports fourth-quarter results in February.", "2025-12-15", {"Q4 2024"}),  # Q4 2025 has not ended
        ("revenue for the third quarter of fiscal 2026 fell", "2026-10-28", {"Q3 2026"}),
        ("Nvidia's Q3 FY26 data center revenue", None, {"Q3 2026"}),
        ("In its fiscal 2026 third quarter, margins rose", None, {"Q3 2026"}),
        ("Tariffs cost $800 million in the December quarter 2025", None, {"Q4 2025"}),
        ("full-year 2025 guidance and Q4 2025 revenue", None, {"fiscal 2025", "Q4 2025"}),
        ("In the fourth quarter, 2026 guidance was cut", "2026-01-29", {"Q4 2025"}),  # a comma ends the phrase
        ("Date: 2026-02-05\nIn 2025 revenue grew 4%.", "2026-02-05", set()),  # a bare year is no reporting period
    ],
)
def test_reporting_periods_a_text_states(text, anchor, expected):
    found = reporting_periods(text, date.fromisoformat(anchor) if anchor else None)
    assert {p.label for p in found} == expected


def test_a_reporting_period_ends_on_its_last_calendar_day():
    assert ReportingPeriod(2025, "quarter", 4).end == date(2025, 12, 31)
    assert ReportingPeriod(2026, "half", 1).end == date(2026, 6, 30)
    assert ReportingPeriod(2025, "year").end == date(2025, 12, 31)


def test_a_period_named_as_a_comparisons_base_is_not_the_one_a_sentence_reports():
    """ "Backlog climbed to $31.5 billion, up $2.7 billion from the end of the second quarter"
    reports on no second quarter: a question about Q3 had refused it as another period's."""
    assert stated_periods("Backlog climbed to $31.5 billion, up $2.7 billion from the end of the second quarter.") == {}
    assert stated_periods("Q3 2025 revenue rose 5% versus Q2 and compared with the prior Q1.") == {"quarter": {"3"}, "year": {"2025"}, "quarter_of_year": {"3/2025"}}
    assert stated_periods("Revenue rose in the second quarter.") == {"quarter": {"2"}}
    assert stated_periods("Shipments begin from Q3 2026 onward.") == {"quarter": {"3"}, "year": {"2026"}, "quarter_of_year": {"3/2026"}}  # a start, no base
    assert stated_periods("Margin rose to 12% versus the prior-year Q3.") == {}
