"""Reporting periods and finance abbreviations: what makes "Q2 2025" find Q2's note, not Q3's,
and "capex" find "capital expenditure"."""

from __future__ import annotations

import pytest

from ragbot.glossary import expand
from ragbot.periods import (
    asks_latest,
    newest_quarter,
    period_fit,
    periods,
    periods_by_company,
    relative_quarter,
    shift_quarters,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cloud grew 26% in Q2 2025", {"quarter": {"2"}, "year": {"2025"}}),
        ("revenue in the second quarter", {"quarter": {"2"}}),
        ("In Q2 FY2026, data center revenue grew", {"quarter": {"2"}, "fiscal_year": {"2026"}}),
        ("guided for Q1 FY26", {"quarter": {"1"}, "fiscal_year": {"2026"}}),
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
    [("What was capex in Q2?", "capital expenditure"), ("capital expenditures rose", "capex"), ("Is FCF enough?", "free cash flow")],
)
def test_abbreviations_and_long_forms_are_expanded_both_ways(text, added):
    assert expand(text) == f"{text} ({added})"


@pytest.mark.parametrize("text", ["what are Alibaba's cloud risks?", "the evening session", "capex and capital expenditure"])
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
        "ORCL": {"quarter": {"2"}, "year": {"2026"}},
        "PLTR": {"quarter": {"3"}, "year": {"2025"}},
    }


def test_one_period_for_two_companies_is_not_split():
    text = "Compare Tesla and NIO margins in Q2 2025"
    assert periods_by_company(text, [(8, "TSLA"), (18, "NIO")]) == {}
