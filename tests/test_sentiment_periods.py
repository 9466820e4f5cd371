"""Sentiment questions naming a reporting period: "Tesla's Q4 2025 results" is the note about
those results (written weeks after the quarter), "sentiment on Tesla in Q4 2025" a window over
the notes' dates. Fast tests over metadata, then end to end over notes in tests/data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import make_settings
from test_sentiment import passage

from ragbot import Ragbot
from ragbot.answering.trace import explain
from ragbot.sentiment import NoteCatalog, SentimentAnswerer, parse_intent

NOTES = Path(__file__).parent / "data" / "reporting-periods"
TODAY = date(2026, 3, 1)
# (source, date, label, overall score, ticker scores, first chunk)
TESLA = [
    ("tsla-q3.txt", "2025-10-23", "mildly positive", 0.25, {"TSLA": 0.30}, "Tesla's third-quarter 2025 deliveries hit a record 497,000 vehicles."),
    ("tsla-robotaxi.txt", "2025-12-10", "neutral", 0.05, {"TSLA": 0.10}, "Tesla widened its robotaxi service in Austin to the airport."),
    ("tsla-q4.txt", "2026-01-29", "mildly negative", -0.30, {"TSLA": -0.40, "BYD": 0.20}, "Tesla's fourth-quarter profit fell 61% as BYD took share in Europe."),
]
CATALOG = NoteCatalog.from_passages([passage(*n) for n in TESLA])


def ask(router, question: str, catalog: NoteCatalog = CATALOG):
    return SentimentAnswerer(today=lambda: TODAY).answer_catalog(router.route(question), catalog)


def cited(answer) -> list[str]:
    return [c.source for c in answer.citations]


@pytest.mark.parametrize(
    "question",
    [
        "How was the research on Tesla's Q4 2025 results scored?",
        "What was the overall sentiment on Tesla's Q4 2025 results?",
        "What score did the note on Tesla's Q4 2025 get?",
        "How was the research on Tesla's Q4 2025 scored?",
    ],
)
def test_a_reporting_period_picks_the_note_discussing_it_not_notes_dated_in_it(router, question):
    assert router.route(question).intent == "sentiment"
    intent = parse_intent(router.route(question), TODAY)
    assert (intent.kind, intent.window, [p.label for p in intent.reporting]) == ("note", None, ["Q4 2025"])
    answer = ask(router, question)
    assert cited(answer) == ["tsla-q4.txt"]  # dated 2026-01-29, after the quarter it discusses
    assert "Sentiment Score -0.30" in answer.text and "Its Ticker Sentiment: TSLA -0.40, BYD +0.20 [1]" in answer.text


def test_a_period_as_a_window_keeps_counting_the_notes_dated_in_it(router):
    intent = parse_intent(router.route("What was the sentiment on Tesla in Q4 2025?"), TODAY)
    assert intent.kind == "summary" and intent.reporting == () and intent.window.describe() == "2025-10-01 to 2025-12-31"
    answer = ask(router, "What was the sentiment on Tesla in Q4 2025?")
    assert set(cited(answer)) == {"tsla-q3.txt", "tsla-robotaxi.txt"} and "averages +0.20" in answer.text


def test_a_period_no_note_discusses_is_not_in_the_notes_never_another_periods_note(router):
    answer = ask(router, "What was the sentiment on Tesla's Q2 2025 results?")
    assert not answer.found and answer.citations == []
    assert answer.text == "Not in your notes: no note on TSLA discusses Q2 2025."


def test_counts_and_extremes_run_over_the_notes_discussing_the_period(router):
    margins = ("tsla-q4-margins.txt", "2026-02-12", "strongly negative", -0.55, {"TSLA": -0.60}, "Tesla's Q4 2025 automotive gross margin fell to 15.4%.")
    catalog = NoteCatalog.from_passages([passage(*n) for n in [*TESLA, margins]])
    count = ask(router, "How many negative notes on Tesla's Q4 2025 results do I have?", catalog)
    assert "2 of the 2 notes on TSLA discussing Q4 2025 (100%) are negative" in count.text
    assert set(cited(count)) == {"tsla-q4.txt", "tsla-q4-margins.txt"}
    lowest = ask(router, "Which note on Tesla's Q4 2025 results was the most negative?", catalog)
    assert cited(lowest)[0] == "tsla-q4-margins.txt" and "The most negative note on TSLA discussing Q4 2025 is tsla-q4-margins.txt" in lowest.text


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("What was the sentiment on Nvidia's fiscal 2025 results?", "nvda-fy25.txt"),
        ("How was the research on Nvidia's Q3 FY2026 results scored?", "nvda-q3-fy26.txt"),
        ("What score did the note on Nvidia's fiscal Q3 2026 get?", "nvda-q3-fy26.txt"),
    ],
)
def test_fiscal_periods_find_the_note_stating_them(router, question, source):
    nvidia = [
        ("nvda-fy25.txt", "2025-02-26", "mildly positive", 0.40, {"NVDA": 0.45}, "Nvidia's fiscal 2025 revenue doubled to $130.5 billion."),
        ("nvda-q3-fy26.txt", "2025-11-19", "strongly positive", 0.60, {"NVDA": 0.65}, "Nvidia's revenue for the third quarter of fiscal 2026 rose 62%."),
        ("nvda-china.txt", "2025-08-12", "mildly negative", -0.20, {"NVDA": -0.25}, "Nvidia agreed to pay 15% of its China chip sales to the US."),
    ]
    answer = ask(router, question, NoteCatalog.from_passages([passage(*n) for n in nvidia]))
    assert cited(answer) == [source]


def test_the_note_reporting_a_quarter_wins_over_a_later_one_comparing_with_it(router):
    """Both state Q3 2025 and were written after it; only one states it in its first sentence."""
    q4 = ("tsla-q4-vs-q3.txt", "2026-01-29", "mildly negative", -0.30, {"TSLA": -0.40},
          "Tesla's fourth-quarter profit fell 61%. Margins were 17.9% against 18.0% in the third quarter.")
    later = passage(*q4)
    later.metadata["title"] = "Tesla: fourth-quarter profit falls"
    catalog = NoteCatalog.from_passages([later, *(passage(*n) for n in TESLA)])
    assert cited(ask(router, "How was the research on Tesla's Q3 2025 results scored?", catalog)) == ["tsla-q3.txt"]


def test_a_company_period_bounding_a_window_stays_a_window(router):
    intent = parse_intent(router.route("Has sentiment on Tesla improved since its Q3 2025 results?"), TODAY)
    assert intent.period_subject == -1.0 and intent.reporting == () and intent.window is not None


def test_explain_shows_the_feature_and_how_the_period_was_read(router):
    subject = ask(router, "How was the research on Tesla's Q4 2025 results scored?").trace
    assert subject.details["period_subject"].startswith("+1.00") and subject.details["reporting periods"] == "Q4 2025"
    assert "period_subject: +1.00 in [-1, 1]: periods read as the subject of a note" in explain(subject)
    window = ask(router, "What was the sentiment on Tesla in Q4 2025?").trace
    assert window.to_json()["details"]["period_subject"].startswith("-1.00") and window.details["reporting periods"] == "-"


# -- end to end: real ingest, embeddings and retrieval over tests/data/reporting-periods ---------


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embeddings) -> Ragbot:
    """Two companies' results notes, each dated weeks after the quarter it discusses."""
    bot = Ragbot(make_settings(tmp_path_factory.mktemp("reporting-periods")))
    assert len(bot.ingest(NOTES).added) == 5
    bot.settings.today = date(2026, 11, 30)
    return bot


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "source", "figures"),
    [
        ("How was the research on Acme Robotics' Q4 2025 results scored?", "acme-q4-2025-results.txt", ["Sentiment Score -0.35", "ACME -0.45, AMZN +0.15"]),
        ("What score did the note on Acme Robotics' Q4 2025 get?", "acme-q4-2025-results.txt", ["Sentiment Score -0.35"]),
        ("How was the research on Acme Robotics' Q4 2025 scored?", "acme-q4-2025-results.txt", ["Sentiment Score -0.35"]),
        ("What was the overall sentiment on Halvorsen Marine's Q3 2026 results?", "halvorsen-q3-2026-results.txt", ["Sentiment Score -0.60", "HALV -0.65"]),
        ("What was the sentiment on Halvorsen Marine's fiscal Q3 2026?", "halvorsen-q3-2026-results.txt", ["Sentiment Score -0.60"]),
    ],
)
def test_the_note_about_a_quarters_results_end_to_end(bot, question, source, figures):
    answer = bot.ask(question)
    assert answer.found and cited(answer) == [source]
    assert all(f in answer.text for f in figures)


@pytest.mark.slow
def test_the_results_note_wins_over_a_preview_dated_inside_the_quarter(bot):
    """The preview names "Q4 2025" too, but it was written before the quarter ended."""
    answer = bot.ask("What was the sentiment on Acme Robotics' Q4 results?")
    assert cited(answer) == ["acme-q4-2025-results.txt"]


@pytest.mark.slow
def test_a_later_note_comparing_with_the_quarter_loses_to_the_note_reporting_it(bot):
    """The Q4 note says "from 41.5% in the third quarter": it states Q3 2025, but not as its subject."""
    answer = bot.ask("How was the research on Acme Robotics' Q3 2025 results scored?")
    assert cited(answer) == ["acme-q3-2025-results.txt"] and "Sentiment Score +0.20" in answer.text


@pytest.mark.slow
def test_windows_and_missing_periods_end_to_end(bot):
    window = bot.ask("What was the sentiment on Halvorsen Marine in Q3 2026?")
    assert cited(window) == ["halvorsen-q2-2026-results.txt"] and "averages +0.30" in window.text
    missing = bot.ask("What was the sentiment on Acme Robotics' Q2 2025 results?")
    assert not missing.found and missing.citations == [] and "no note on ACME discusses Q2 2025" in missing.text
