"""The note parser: body kept, marketing boilerplate dropped, sentiment block read into metadata."""

from __future__ import annotations

import pytest
from conftest import EVAL_NOTES, EXAMPLES, SHARED_SEEDS
from ingest_helpers import FOOTER, note_text

from ingest import CompanyDirectory, NoteChunker, TickerResolver, parse_note
from ingest.loader import decode_note
from ingest.note import NoteFormatError

BODY = (
    "Alibaba's cloud revenue grew 26% in the quarter as AI demand stayed strong.\n"
    "We think the market still underestimates how sticky AI infrastructure customers are."
)
SEEDS = {  # file -> (label, score, a sentence from its second paragraph)
    "baba-cloud-2025q3.txt": ("strongly positive", 0.75, "Market framing of Alibaba as primarily a consumer play"),
    "baba-q4-ai-spend.txt": ("mildly positive", 0.22, "The market is rewarding Alibaba for signaling"),
}


@pytest.fixture(scope="module")
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


@pytest.fixture
def parse(resolver):
    return lambda text: parse_note(text, "note.txt", resolver)


def assert_no_boilerplate(text: str) -> None:
    for phrase in ("AI-powered research", "institutional investors", "Request", "Overall Sentiment"):
        assert phrase not in text


# -- the two real notes ---------------------------------------------------------------
@pytest.fixture(params=sorted(SEEDS))
def seed(request, resolver):
    path = SHARED_SEEDS / request.param
    if not path.is_file():
        pytest.skip(f"shared seed note {path} is not available in this checkout")
    return parse_note(decode_note(path.read_bytes()), request.param, resolver), SEEDS[request.param]


def test_seed_note_body_keeps_both_paragraphs_without_marketing(seed):
    note, (_, _, second_paragraph) = seed
    assert note.body.strip().startswith(("Cloud Intelligence revenue grew 36%", "Alibaba shares rose 7%"))
    assert second_paragraph in note.body
    assert_no_boilerplate(note.body)


def test_seed_note_sentiment_block_becomes_metadata(seed):
    note, (label, score, _) = seed
    assert (note.sentiment_label, note.sentiment_score) == (label, score)
    assert note.ticker_scores == {}  # the seed notes end with an empty Ticker Sentiment section
    assert note.problems == ()
    assert note.tickers[0] == "BABA"


def test_seed_note_chunks_carry_no_boilerplate(seed, resolver):
    note, _ = seed
    chunks = NoteChunker(resolver).split(note)
    assert chunks
    for chunk in chunks:
        assert_no_boilerplate(chunk.page_content)
        assert note.text[chunk.metadata["start"] : chunk.metadata["end"]] == chunk.page_content


def test_seed_note_starting_with_blank_line_gets_its_first_sentence_as_title(resolver):
    path = SHARED_SEEDS / "baba-q4-ai-spend.txt"
    if not path.is_file():
        pytest.skip(f"shared seed note {path} is not available in this checkout")
    note = parse_note(decode_note(path.read_bytes()), path.name, resolver)
    assert note.text.startswith("\n")
    assert note.title.startswith("Alibaba shares rose 7%")


# -- tricky variants ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("BABA 0.62", {"BABA": 0.62}),
        ("BABA: 0.62", {"BABA": 0.62}),
        ("$JD -0.10", {"JD": -0.10}),
        ("NVDA\t0.41", {"NVDA": 0.41}),
        ("TSLA (-0.35)", {"TSLA": -0.35}),
        ("BABA\n0.62", {"BABA": 0.62}),
        ("0700.HK 0.3", {"TCEHY": 0.3}),
        ("9988.HK: -0.2", {"BABA": -0.2}),
        ("BABA \u2014 mildly negative (-0.27)", {"BABA": -0.27}),
        ("BABA \u2013 0.62", {"BABA": 0.62}),
        ("BABA - 0.62", {"BABA": 0.62}),
        ("BABA 0.62\nJD: -0.10\n$NVDA 0.2\nTSLA (-0.35)", {"BABA": 0.62, "JD": -0.10, "NVDA": 0.2, "TSLA": -0.35}),
        ("BABA: 0.62 (strongly positive)\nJD: -0.10 (neutral)", {"BABA": 0.62, "JD": -0.10}),  # the label after the score
        # columns that name the company, the label before or after the score
        ("ACME | Acme Widgets Holdings, Inc. | 0.36 | mildly positive\nJD | JD.com | -0.10 | neutral", {"ACME": 0.36, "JD": -0.10}),
        ("ACME | Acme Widgets Holdings | mildly positive | 0.44", {"ACME": 0.44}),
        ("BABA\n0.62\nACME | Acme Widgets Co | 0.2", {"BABA": 0.62, "ACME": 0.2}),
        ("ASIANPAINT.NS: mildly negative (-0.41)\nBAJAJ-AUTO.NS 0.2", {"ASIANPAINT.NS": -0.41, "BAJAJ-AUTO.NS": 0.2}),  # long symbols
    ],
)
def test_ticker_sentiment_layouts_become_canonical_scores(parse, lines, expected):
    note = parse(note_text(BODY, tickers=lines))
    assert note.ticker_scores == expected
    assert note.problems == ()
    assert set(expected) <= set(note.tickers)
    assert note.primary_tickers == tuple(expected)


@pytest.mark.parametrize("demo", ["Request a Demo", "Request Demo", "Request a Demo\n", "\nRequest Demo\n\n"])
def test_marketing_footer_and_demo_line_are_cut_from_the_body(parse, demo):
    note = parse(note_text(BODY, demo=demo))
    assert note.body.rstrip() == BODY
    assert (note.sentiment_label, note.sentiment_score) == ("mildly positive", 0.3)


@pytest.mark.parametrize(
    "last_line",
    [
        "Institutional investors have been net sellers of Alibaba this quarter.",
        "Bottom line: we subscribe to the bull case on Alibaba.",
        "Real-time alerts from the exchange showed heavy volume.",
    ],
)
@pytest.mark.parametrize("with_block", [True, False])
def test_short_last_paragraph_echoing_marketing_words_is_kept(parse, last_line, with_block):
    body = f"{BODY}\n{last_line}"
    note = parse(note_text(body) if with_block else f"{body}\n")
    assert note.body.rstrip() == body


def test_every_bundled_note_loses_its_footer_and_keeps_its_last_paragraph(resolver):
    for path in [*EXAMPLES.rglob("*.txt"), *EXAMPLES.rglob("*.md"), *EVAL_NOTES.glob("*.txt")]:
        text = decode_note(path.read_bytes())
        note = parse_note(text, path.name, resolver)
        last_paragraph = text[: text.index(FOOTER)].rstrip().rsplit("\n", 1)[-1]
        assert note.body.rstrip().endswith(last_paragraph), path
        assert_no_boilerplate(note.body)
        assert note.sentiment_label and note.sentiment_score is not None and not note.problems, path


def test_windows_line_endings_parse_like_unix_ones(parse):
    note = parse(note_text(BODY, tickers="BABA 0.4").replace("\n", "\r\n"))
    assert note.body.rstrip() == BODY.replace("\n", "\r\n")
    assert (note.sentiment_label, note.sentiment_score, note.ticker_scores) == ("mildly positive", 0.3, {"BABA": 0.4})


def test_sentiment_label_may_follow_the_header_on_the_same_line(parse):
    text = f"{BODY}\n{FOOTER}\nOverall Sentiment: Mildly Negative\nSentiment Score: -0.4\nTicker Sentiment: BABA -0.4"
    note = parse(text)
    assert (note.sentiment_label, note.sentiment_score, note.ticker_scores) == ("mildly negative", -0.4, {"BABA": -0.4})


def test_unicode_minus_score_is_read_as_negative(parse):
    assert parse(note_text(BODY, score="\u22120.45")).sentiment_score == -0.45


def test_note_without_sentiment_block_is_valid(parse):
    note = parse(f"{BODY}\n{FOOTER}\nRequest a Demo\n")
    assert note.body.rstrip() == BODY
    assert (note.sentiment_label, note.sentiment_score, note.ticker_scores, note.problems) == (None, None, {}, ())
    assert note.tickers == ("BABA",)


def test_overall_sentiment_in_prose_does_not_end_the_body(parse):
    body = f"The overall sentiment among investors toward Alibaba improved after the print.\n{BODY}"
    note = parse(note_text(body, label="neutral", score="0.05"))
    assert note.body.rstrip() == body
    assert (note.sentiment_label, note.sentiment_score) == ("neutral", 0.05)


@pytest.mark.parametrize(
    ("score", "problem"), [("high", "'high' is not a number"), ("3.5", "3.5 is outside [-1, 1]")]
)
def test_malformed_sentiment_score_is_a_named_problem_not_a_failure(parse, score, problem):
    note = parse(note_text(BODY, score=score, tickers="BABA 0.2"))
    assert note.sentiment_score is None
    assert any(problem in p for p in note.problems)
    assert note.body.rstrip() == BODY
    assert (note.sentiment_label, note.ticker_scores) == ("mildly positive", {"BABA": 0.2})


def test_text_after_a_score_that_is_no_label_is_reported(parse):
    note = parse(note_text(BODY, tickers="BABA: 0.62 see the appendix for details"))
    assert note.ticker_scores == {"BABA": 0.62} and any("see the appendix" in p for p in note.problems)


def test_out_of_range_ticker_score_is_dropped_with_a_problem(parse):
    note = parse(note_text(BODY, tickers="BABA 1.7\nJD 0.1"))
    assert note.ticker_scores == {"JD": 0.1}
    assert any("BABA" in p and "1.7" in p for p in note.problems)


def test_missing_score_line_is_a_problem(parse):
    note = parse(f"{BODY}\nOverall Sentiment\nneutral\nTicker Sentiment\nBABA 0.1")
    assert note.sentiment_label == "neutral"
    assert note.problems == ("no Sentiment Score line",)


def test_empty_ticker_sentiment_section_is_fine(parse):
    note = parse(note_text(BODY, tickers="\n\n"))
    assert (note.ticker_scores, note.problems) == ({}, ())


def test_markdown_heading_is_the_title():
    note = parse_note(
        (EXAMPLES / "nvda-china-export.md").read_text(encoding="utf-8"),
        "nvda-china-export.md",
        TickerResolver(CompanyDirectory.load()),
    )
    assert note.title == "Nvidia: China export licences"
    assert note.ticker_scores == {"NVDA": -0.2}


def test_heading_after_blank_lines_is_the_title(parse):
    assert parse(note_text(f"\n\n## Alibaba: cloud re-accelerates\n{BODY}")).title == "Alibaba: cloud re-accelerates"


def test_long_first_sentence_title_is_truncated(parse):
    title = parse(note_text("Alibaba " + "grew fast and " * 30 + "then slowed.")).title
    assert len(title) == 120 and title.endswith("\u2026")


def test_date_line_sets_the_date_and_is_not_the_title(resolver):
    note = parse_note(note_text(f"Date: 2025-03-14\n{BODY}"), "note.txt", resolver, date="2020-01-01")
    assert note.date == "2025-03-14"
    assert note.title.startswith("Alibaba's cloud revenue grew 26%")


def test_date_falls_back_to_the_given_file_date(resolver):
    assert parse_note(note_text(BODY), "note.txt", resolver, date="2020-01-01").date == "2020-01-01"


@pytest.mark.parametrize("text", ["", "   \n\t\n", note_text("   ")])
def test_note_without_body_text_is_rejected(parse, text):
    with pytest.raises(NoteFormatError):
        parse(text)


@pytest.mark.parametrize(
    "tagline",
    [
        "Real-time coverage, earnings alerts and portfolio monitoring for professional investors.",
        "Institutional-grade research, screening and sentiment analytics in one workspace.",
    ],
)
def test_a_tagline_in_other_words_before_the_call_to_action_is_cut(parse, tagline):
    text = note_text(BODY).replace(FOOTER, tagline)
    assert tagline in text and FOOTER not in text
    assert parse(text).body.rstrip() == BODY


@pytest.mark.parametrize(
    "last_line",
    [
        "We see research coverage and data tools as the platform's moat for investors.",  # "we": the analyst's
        "Coverage of 12 research platforms for institutional investors grew.",  # a figure: analysis
    ],
)
def test_a_last_line_of_analysis_before_the_call_to_action_is_kept(parse, last_line):
    body = f"{BODY}\n{last_line}"
    assert parse(note_text(body).replace(FOOTER + "\n", "")).body.rstrip() == body
