"""Sentiment and time questions over notes with known dates and scores: every query kind with
exact expected figures, answered from metadata and citing the notes used (no model needed)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from langchain_core.documents import Document

from ragbot.sentiment import NoteCatalog, SentimentAnswerer, Window, find_window, parse_intent

# (source, date, label, overall score, ticker scores, first chunk)
NOTES = [
    ("tsla-a.txt", "2025-02-10", "mildly negative", -0.40, {"TSLA": -0.50}, "Tesla cut Model Y prices in China as deliveries fell 13%."),
    ("tsla-b.txt", "2025-07-23", "mildly positive", 0.20, {}, "Tesla launched robotaxi rides in Austin with a safety monitor."),
    ("tsla-c.txt", "2025-04-22", "mildly positive", 0.30, {"TSLA": 0.35}, "Tesla energy storage deployments hit a record 10.4 GWh."),
    ("baba-1.txt", "2025-06-05", "neutral", 0.05, {"BABA": 0.10}, "Alibaba's Taobao merged with Ele.me to push instant commerce."),
    ("baba-2.txt", "2025-08-20", "neutral", 0.10, {"BABA": 0.30, "JD": -0.20}, "Alibaba and JD.com reported Singles Day sales as subsidies rose."),
    ("baba-3.txt", "2025-11-03", "mildly positive", 0.40, {"BABA": 0.45}, "Alibaba's cloud revenue grew 34% on AI demand."),
    ("nvda-1.txt", "2025-09-10", "mildly negative", -0.30, {"NVDA": -0.30}, "Nvidia took a charge after the export ban on H20 chips to China."),
    ("nvda-2.txt", "2025-10-01", "strongly positive", 0.55, {"NVDA": 0.60}, "Nvidia's data center revenue rose 56% on Blackwell demand."),
    ("nvda-3.txt", "2025-10-20", "mildly negative", -0.50, {"NVDA": -0.50}, "Nvidia lost share in China as local accelerators improved."),
]


def passage(source, day, label, score, scores, text, primary: list[str] | None = None) -> Document:
    """A note's first chunk as the catalog reads it; about ``primary`` (default: its scored tickers, else TSLA)."""
    primary = primary or list(scores) or ["TSLA"]
    meta = {"source": source, "title": text, "date": day, "date_source": "date_line", "sentiment_label": label,
            "sentiment_score": score, "chunk_index": 0, "start": 0, "end": len(text),
            "primary_tickers": primary, "tickers": primary}
    if scores:
        meta["ticker_scores"] = json.dumps(scores)
    return Document(id=source, page_content=text, metadata=meta)


CATALOG = NoteCatalog.from_passages([passage(*n) for n in NOTES])


def ask(router, question: str, today: str = "2025-11-30", window: Window | None = None):
    answerer = SentimentAnswerer(today=lambda: date.fromisoformat(today))
    return answerer.answer_catalog(router.route(question), CATALOG, window)


def cited(answer) -> list[str]:
    return [c.source for c in answer.citations]


def test_the_most_negative_note_on_a_company_and_its_score(router):
    answer = ask(router, "Which of my notes on Tesla is the most negative, and what was its score?")
    assert answer.found and cited(answer)[0] == "tsla-a.txt"
    assert "The most negative note on TSLA is tsla-a.txt" in answer.text and "TSLA -0.50" in answer.text
    assert set(cited(answer)) == {"tsla-a.txt", "tsla-b.txt", "tsla-c.txt"}  # the notes it was picked from


def test_the_note_on_an_event_gives_that_notes_scores(router):
    answer = ask(router, "What score did the note on the export ban get?")
    assert cited(answer) == ["nvda-1.txt"]
    assert "Sentiment Score -0.30" in answer.text and "NVDA -0.30" in answer.text


def test_two_tickers_inside_one_note_are_compared_never_merged(router):
    answer = ask(router, "In the note on Singles Day, how does BABA's ticker sentiment compare with JD's?")
    assert cited(answer) == ["baba-2.txt"]
    assert "BABA's ticker score (+0.30) is 0.50 higher than JD's (-0.20)" in answer.text
    assert "BABA, JD" not in answer.text


def test_trend_since_a_month_gives_per_period_averages_first_last_change_and_count(router):
    answer = ask(router, "Has sentiment on BABA improved since June?")
    assert cited(answer) == ["baba-1.txt", "baba-2.txt", "baba-3.txt"]
    text = answer.text
    assert "dated 2025-06-01 to 2025-11-30: 3 notes averaging +0.28 (mildly positive) by BABA's own score, +0.18 by the notes' overall scores" in text
    assert "2025-06 +0.10 (overall +0.05, 1 note) [1], 2025-08 +0.30 (overall +0.10, 1 note) [2], 2025-11 +0.45 (overall +0.40, 1 note) [3]" in text
    assert "by BABA's own score: from +0.10 (2025-06-05) [1] to +0.45 (2025-11-03) [3] it improved: a change of +0.35" in text
    assert "By the notes' overall scores: from +0.05 (2025-06-05) [1] to +0.40 (2025-11-03) [3] it improved: a change of +0.35" in text


def test_a_quarter_without_a_year_is_the_latest_one_begun(router):
    answer = ask(router, "What was the sentiment on Tesla in Q3?")
    assert "Across 1 note dated 2025-07-01 to 2025-09-30, sentiment on TSLA averages +0.20" in answer.text
    assert cited(answer) == ["tsla-b.txt"]


def test_relative_window_counts_from_today(router):
    answer = ask(router, "How has Nvidia sentiment moved over the last 30 days?", today="2025-10-25")
    assert "2 notes averaging +0.05" in answer.text and set(cited(answer)) == {"nvda-2.txt", "nvda-3.txt"}
    empty = ask(router, "What's the sentiment on Nvidia in the last 30 days?", today="2026-03-01")
    assert not empty.found and "Not in your notes" in empty.text and empty.citations == []


def test_distribution_counts_negative_notes(router):
    answer = ask(router, "How many negative notes on Nvidia do I have?")
    assert "2 of the 3 notes on NVDA (67%) are negative: nvda-1.txt -0.30, nvda-3.txt -0.50" in answer.text
    assert "1 positive, 0 neutral, 2 negative" in answer.text
    assert set(cited(answer)) == {"nvda-1.txt", "nvda-2.txt", "nvda-3.txt"}


def test_most_bullish_company_by_its_own_ticker_scores(router):
    answer = ask(router, "Which of my companies is most bullish?")
    assert "most bullish company in your notes is BABA, averaging +0.28" in answer.text
    assert "1. BABA +0.28 (overall +0.18, 3 notes)" in answer.text and "5. JD" not in answer.text
    assert "4. JD -0.20 (overall +0.10, 1 note)" in answer.text  # JD's own score in the Singles Day note first
    # the order on the notes' overall scores differs (JD's one note scores +0.10 overall), so it is stated too
    assert "By the notes' overall scores instead, most positive first: 1. BABA +0.18; 2. JD +0.10; 3. TSLA +0.03; 4. NVDA -0.08." in answer.text


def test_top_n_notes_in_this_month(router):
    answer = ask(router, "What were the top 2 most positive notes this month?", today="2025-10-25")
    assert "1. nvda-2.txt" in answer.text and "2. nvda-3.txt" in answer.text
    assert "note overall +0.55" in answer.text


def test_comparison_between_companies_keeps_each_average(router):
    answer = ask(router, "Compare sentiment on Tesla and Nvidia")
    assert "TSLA: +0.02 (neutral) averaged over 3 notes" in answer.text
    assert "NVDA: -0.07 (neutral) averaged over 3 notes" in answer.text
    assert "TSLA is 0.08 higher than NVDA" in answer.text


def test_company_without_notes_is_not_in_your_notes(router):
    answer = ask(router, "What's the sentiment on Coca-Cola?")
    assert not answer.found and "Not in your notes" in answer.text and "KO" in answer.text


def test_page_date_filter_narrows_the_answer(router):
    answer = ask(router, "What's the sentiment on Alibaba?", window=Window(date(2025, 8, 1), None, "filter"))
    assert cited(answer) == ["baba-3.txt", "baba-2.txt"] and "averages +0.38" in answer.text


def test_every_marker_points_to_a_citation(router):
    for question in ("Has sentiment on BABA improved since June?", "Which of my companies is most bullish?"):
        answer = ask(router, question)
        assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since June", "2025-06-01", "2025-11-30"),
        ("in Q3 2024", "2024-07-01", "2024-09-30"),
        ("over the last 30 days", "2025-10-31", "2025-11-30"),
        ("this month", "2025-11-01", "2025-11-30"),
        ("last quarter", "2025-07-01", "2025-09-30"),
        ("between March and May 2025", "2025-03-01", "2025-05-31"),
        ("in December", "2024-12-01", "2024-12-31"),
        ("in 2025", "2025-01-01", "2025-12-31"),
        ("year to date", "2025-01-01", "2025-11-30"),
    ],
)
def test_windows(text, start, end):
    window = find_window(f"sentiment on Tesla {text}?", date(2025, 11, 30))
    assert (window.start.isoformat(), window.end.isoformat()) == (start, end)


def test_intent_kinds(router):
    kinds = {
        "What's the sentiment on Tesla?": "summary",
        "Which of my notes on Apple is the most negative?": "extreme",
        "What score did the Singles Day note get?": "note",
        "Has sentiment on BABA improved since June?": "trend",
        "How many negative notes on Nvidia?": "distribution",
        "Is sentiment on Tesla more bullish than on Nvidia?": "extreme",
        "What's the sentiment on Tesla versus Nvidia?": "compare",
        "Show Tesla sentiment by quarter": "trend",
    }
    got = {q: parse_intent(router.route(q), date(2025, 11, 30)).kind for q in kinds}
    assert got == kinds


@pytest.mark.parametrize(
    "question",
    [
        "Which of my notes on Tesla is the most negative?",
        "How many negative notes do I have?",
        "What score did the note on the export ban get?",
        "Is Alibaba sentiment improving?",
    ],
)
def test_questions_about_scores_and_labels_route_as_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize("question", ["What was Nvidia's operating margin?", "Which companies had negative free cash flow?"])
def test_fact_questions_do_not_route_as_sentiment(router, question):
    assert router.route(question).intent == "facts"


def test_why_questions_get_the_figures_then_the_reasons_cited_after_them(router):
    """``explain`` (the extractive answerer in ``Ragbot``) quotes from the notes the figures used,
    each note that scores the way asked on its own (so each gives its reason), the furthest first."""
    from ragbot.answer import Answer, Citation

    asked = []

    def explain(question, sources):
        asked.append((question.topic, sources))
        doc = next(passage(*n) for n in NOTES if n[0] in sources)
        citation = Citation.from_passage(1, doc, 0, len(doc.page_content), 1.0)
        return Answer(f"{doc.page_content} [1]", True, [citation], ["NVDA"])

    answerer = SentimentAnswerer(today=lambda: date(2025, 11, 30), explain=explain)
    answer = answerer.answer_catalog(router.route("Why is sentiment on Nvidia negative?"), CATALOG)
    assert "sentiment on NVDA averages -0.07" in answer.text
    assert answer.text.endswith(
        "Reasons the notes give: Nvidia lost share in China as local accelerators improved. [4] "
        "Nvidia took a charge after the export ban on H20 chips to China. [5]"
    )
    assert [c.n for c in answer.citations] == [1, 2, 3, 4, 5] and [c.source for c in answer.citations[3:]] == ["nvda-3.txt", "nvda-1.txt"]
    assert [a[1] for a in asked] == [{"nvda-3.txt"}, {"nvda-1.txt"}] and "risks" in asked[0][0]  # the notes scoring it negative, -0.50 first


def test_a_company_outside_the_alias_table_is_not_in_your_notes_but_months_are_no_company(router):
    assert not ask(router, "What's the sentiment on Acme Widgets?").found
    answer = ask(router, "How many negative notes do I have from September?")
    assert answer.found and "2 of the 4 notes in your notes dated 2025-09-01 to 2025-11-30 (50%) are negative" in answer.text


def test_a_count_of_one_label(router):
    answer = ask(router, "How many mildly positive notes on Tesla do I have?")
    assert "2 of the 3 notes on TSLA (67%) are mildly positive: tsla-c.txt +0.35, tsla-b.txt +0.20" in answer.text


def test_companies_ranked_by_their_change_from_first_to_latest_note(router):
    answer = ask(router, "Which company's sentiment improved the most?")
    assert "Sentiment on TSLA improved the most: from -0.50 (2025-02-10)" in answer.text
    assert "a change of +0.70 by TSLA's own score (+0.60 by the notes' overall scores)" in answer.text
    assert "1. TSLA +0.70 (overall +0.60, 3 notes)" in answer.text and "2. BABA +0.35 (overall +0.35, 3 notes)" in answer.text
    assert "3. NVDA -0.20 (overall -0.20, 3 notes)" in answer.text


def test_the_note_from_a_day(router):
    answer = ask(router, "What was the sentiment score of the note from October 20?")
    assert cited(answer) == ["nvda-3.txt"] and "Sentiment Score -0.50" in answer.text


def test_a_window_between_quarters_is_grouped_by_quarter(router):
    answer = ask(router, "How did Tesla sentiment change between Q1 and Q3?")
    assert "By quarter: Q1 2025 -0.50 (overall -0.40, 1 note) [1], Q2 2025 +0.35 (overall +0.30, 1 note) [2], Q3 2025 +0.20 (overall +0.20, 1 note) [3]" in answer.text


def test_ranking_without_a_direction_ranks_most_positive_first(router):
    answer = ask(router, "Rank my companies by sentiment since the start of the year")
    assert "1. BABA +0.28 (overall +0.18, 3 notes)" in answer.text and "4. JD -0.20 (overall +0.10, 1 note)" in answer.text


def test_an_extreme_among_one_notes_tickers_reads_that_note(router):
    answer = ask(router, "Which ticker had the lowest score in the Singles Day note?")
    assert cited(answer) == ["baba-2.txt"] and "BABA +0.30, JD -0.20" in answer.text


def test_which_period_was_most_negative_compares_the_periods(router):
    answer = ask(router, "Which month had the most negative sentiment on Nvidia?")
    assert "By month: 2025-09 -0.30 (overall -0.30, 1 note) [1], 2025-10 +0.05 (overall +0.03, 2 notes: +0.60 [2], -0.50 [3])" in answer.text
    assert "Highest month: 2025-10 at +0.05 [2][3]; lowest: 2025-09 at -0.30 [1]." in answer.text


def test_figures_round_halves_away_from_zero_and_never_print_minus_zero():
    from ragbot.sentiment.compose import signed

    assert [signed(v) for v in (0.125, -0.125, 0.1 + 0.15 / 2 - 0.075, -0.001, 0.0)] == ["+0.13", "-0.13", "+0.10", "0.00", "0.00"]


def test_the_note_named_by_most_topic_words_wins_and_its_period_is_no_window(router):
    assert cited(ask(router, "What score did the note on Nvidia's share loss in China get?")) == ["nvda-3.txt"]
    assert cited(ask(router, "What score did the note on the Q1 export ban get?")) == ["nvda-1.txt"]  # dated September


def test_counts_give_the_average_and_the_split_by_sign(router):
    answer = ask(router, "How many bearish Tesla notes do I have?")
    assert "Of 3 notes on TSLA, averaging +0.02: by label 2 positive, 0 neutral, 1 negative" in answer.text
    assert "by score 2 above zero, 0 at zero, 1 below zero" in answer.text


@pytest.mark.parametrize(
    "question",
    ["How did Nvidia notes average in Q2?", "Why were we negative on PDD this year?", "Has our view on Apple improved this year?"],
)
def test_averages_stances_and_changing_views_route_as_sentiment(router, question):
    assert router.route(question).intent == "sentiment"


@pytest.mark.parametrize(
    "question",
    [
        "In the Singles Day note, did JD or Alibaba fare worse?",
        "How big was the gap between Alibaba and JD in the Singles Day note?",
        "Which came out ahead in that Singles Day piece, JD or Alibaba?",
    ],
)
def test_two_companies_side_by_side_in_one_note_compare_their_ticker_scores(router, question):
    """Asked without a sentiment word, a comparison of two companies' standing inside one note
    is still a comparison of that note's per-ticker scores."""
    assert router.route(question).intent == "sentiment"
    answer = ask(router, question)
    assert cited(answer) == ["baba-2.txt"]
    assert "0.50" in answer.text and "+0.30" in answer.text and "-0.20" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "In the Singles Day note, what did Alibaba say about JD's subsidies?",  # content, not standing
        "Did Alibaba do better than JD on cloud revenue?",  # no one note named
        "In the Singles Day note, did Alibaba fare worse?",  # one company: nothing side by side
    ],
)
def test_content_questions_about_one_note_stay_facts(router, question):
    assert router.route(question).intent == "facts"
