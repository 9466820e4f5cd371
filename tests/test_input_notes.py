"""Every piece of a note that is dropped is reported; junk passages are left out; chunking
stays linear in the note's size (issue 8)."""

from __future__ import annotations

import cProfile
import pstats

import pytest
from conftest import make_settings
from ingest_helpers import FOOTER, chunks, note_text, write

from ingest import CompanyDirectory, NoteChunker, TickerResolver, parse_note
from ingest.chunking import is_degenerate
from ingest.sentiment import parse_sentiment_block
from ragbot import Ragbot

BODY = "Alibaba's cloud revenue grew 26% in the quarter as AI demand stayed strong."
PROSE = (
    "Tencent's games revenue grew 24% as new titles drew players back. Advertising rose on better targeting, "
    "while fintech margins held steady despite fee cuts. Management raised the buyback and kept capital "
    "spending flat, arguing that AI training demand is better served by renting capacity. "
)


@pytest.fixture(scope="module")
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


def block(score: str = "0.30", tickers: str = "BABA 0.40", after: str = "") -> str:
    return f"Overall Sentiment\nmildly positive\nSentiment Score\n{score}\nTicker Sentiment\n{tickers}\n{after}"


# -- every dropped piece of the sentiment block is a warning ---------------------------
@pytest.mark.parametrize(
    ("text", "scores", "problem"),
    [
        (block(tickers="TCEHY NaN\nBABA 0.40"), {"BABA": 0.40}, "Ticker Sentiment TCEHY 'NaN' is not a number"),
        (block(tickers="BABA 1e309\nJD 0.10"), {"JD": 0.10}, "Ticker Sentiment BABA '1e309' is not a finite number"),
        (block(tickers="BABA -inf"), {}, "Ticker Sentiment BABA '-inf' is not a finite number"),
        (block(tickers="BABA 2.5e0"), {}, "Ticker Sentiment BABA 2.5 is outside [-1, 1]"),
        (block(score=""), {"BABA": 0.40}, "Sentiment Score is empty"),
        (
            block(after="Disclaimer: this is not investment advice."),
            {"BABA": 0.40},
            "text in Ticker Sentiment that is not a ticker and its score was dropped: "
            "'Disclaimer this is not investment advice.'",
        ),
        (block(tickers="TCEHY BABA 0.40"), {"BABA": 0.40}, "dropped: 'TCEHY'"),  # no longer steals BABA's score
    ],
)
def test_each_unreadable_part_of_the_sentiment_block_is_reported(text, scores, problem):
    parsed = parse_sentiment_block(text)
    assert parsed.ticker_scores == scores
    assert any(problem in p for p in parsed.problems), parsed.problems


def test_text_after_the_score_or_label_is_reported_not_silently_dropped():
    after_score = parse_sentiment_block("Overall Sentiment\npositive\nSentiment Score\n0.2\nThanks for reading our notes")
    assert after_score.score == 0.2
    assert after_score.problems == ("text after the Sentiment Score was dropped: 'Thanks for reading our notes'",)
    after_label = parse_sentiment_block("Overall Sentiment\npositive\nCall us for more\nSentiment Score\n0.2")
    assert after_label.label == "positive"
    assert after_label.problems == ("text after the sentiment label was dropped: 'Call us for more'",)


@pytest.mark.parametrize("date_line, problems", [
    ("Date: 2025-13-45", ("'Date: 2025-13-45' is not a full date and was ignored",)),  # month 13, day 45
    ("Date: 2025-11-03", ()),
])
def test_a_date_line_stating_no_date_is_reported_not_silently_dropped(date_line, problems):
    text = note_text(f"{date_line}\nAlibaba's cloud revenue grew 26% in the quarter.", tickers="BABA 0.40")
    parsed = parse_note(text, "n.txt", TickerResolver(CompanyDirectory.load()), date="2025-01-01")
    assert parsed.problems == problems
    assert parsed.date == ("2025-01-01" if problems else "2025-11-03")  # the file's date stands in


def test_well_formed_blocks_have_no_problems():
    for text in (block(), "Overall Sentiment: positive\nSentiment Score: 0.2\nTicker Sentiment: $BABA (0.41), JD: -0.10"):
        assert parse_sentiment_block(text).problems == ()


def test_the_note_carries_the_block_problems(resolver):
    note = parse_note(f"{BODY}\n{FOOTER}\nRequest a Demo{block(tickers='TCEHY NaN')}", "n.txt", resolver)
    assert note.problems == ("Ticker Sentiment TCEHY 'NaN' is not a number",)


# -- degenerate passages --------------------------------------------------------------
@pytest.mark.parametrize(
    "junk", ["alibaba " * 100, "alibaba" * 100, "buy sell " * 90, "N/A | " * 120, "-" * 700, "Alibaba revenue grew. " * 32]
)
def test_one_word_or_phrase_repeated_is_degenerate(junk):
    assert is_degenerate(junk[:700])


def test_prose_and_short_passages_are_not_degenerate():
    assert not is_degenerate(PROSE)
    assert not is_degenerate("Revenue, revenue, revenue!")  # too short to judge
    assert not is_degenerate(" ".join(str(i) for i in range(200)))  # a table of different figures


def test_degenerate_passages_are_left_out_and_counted(resolver):
    note = parse_note(note_text(PROSE + "\n" + "alibaba " * 400 + "\n" + PROSE), "mixed.txt", resolver)
    chunked = NoteChunker(resolver).chunk(note)
    assert chunked.dropped >= 4
    assert all("alibaba alibaba alibaba" not in d.page_content for d in chunked.documents)
    assert [d.metadata["chunk_index"] for d in chunked.documents] == list(range(len(chunked.documents)))
    assert chunked.problems == (
        f"{chunked.dropped} of {chunked.dropped + len(chunked.documents)} passages repeat the same few words "
        "over and over and were not indexed",
    )


def test_a_run_without_spaces_is_split_into_chunks_of_the_chunk_size(resolver):
    blob = "QWxpYmFiYSBjbG91ZCByZXZlbnVl" * 200  # 5,600 characters, no separator at all
    note = parse_note(note_text(PROSE + "\n" + blob), "blob.txt", resolver)
    documents = NoteChunker(resolver, chunk_size=700, chunk_overlap=100).split(note)
    assert max(len(d.page_content) for d in documents) <= 700
    for d in documents:
        assert note.text[d.metadata["start"] : d.metadata["end"]] == d.page_content


# -- chunking is linear in the note's size ---------------------------------------------
def calls_to_chunk(resolver, repeats: int) -> tuple[int, int]:
    """(Python function calls, chunks) to chunk a single-line note of ``repeats`` paragraphs."""
    note = parse_note(note_text((PROSE.replace("\n", " ") + " ") * repeats), "big.txt", resolver)
    profile = cProfile.Profile()
    documents = profile.runcall(NoteChunker(resolver).split, note)
    return pstats.Stats(profile).total_calls, len(documents)


def test_chunking_work_grows_linearly_with_the_note(resolver):
    """Counted calls, not time: 8x the text takes under 9x the calls (quadratic would be 64x)."""
    small_calls, small_chunks = calls_to_chunk(resolver, 50)
    big_calls, big_chunks = calls_to_chunk(resolver, 400)
    assert 7 * small_chunks <= big_chunks <= 9 * small_chunks
    assert big_calls < 9 * small_calls


# -- through the store: junk never outranks the real note --------------------------------
@pytest.fixture(scope="module")
def junk_store(tmp_path_factory, embeddings):
    folder = tmp_path_factory.mktemp("junk-notes")
    write(folder, "zorblax-real.txt", note_text(
        "Zorblax Holdings said its payments arm grew 31% in the quarter as merchants moved checkout onto Zorblax. "
        "Margins widened on lower processing costs.", tickers="BABA 0.30"))
    write(folder, "zorblax-junk.txt", "zorblax " * 62_500)  # 500 KB of one word
    write(folder, "zorblax-mixed.txt", note_text(PROSE + "\n" + "Zorblax zorblax " * 5000 + "\n" + PROSE))
    write(folder, "late-nul.txt", ("Zorblax payments grew. " * 500).encode() + b"\x00 zorblax")
    bot = Ragbot(make_settings(tmp_path_factory.mktemp("junk-store")))
    return bot, bot.ingest(folder)


@pytest.mark.slow
def test_junk_is_reported_and_never_stored(junk_store):
    bot, report = junk_store
    failed = {f.path: f.error for f in report.failed}
    assert failed["zorblax-junk.txt"].startswith("nothing to index: every passage repeats")
    assert failed["late-nul.txt"].startswith("binary file, not text (NUL byte at offset 11500)")
    [warning] = report.warnings
    assert warning.path == "zorblax-mixed.txt" and "were not indexed" in warning.error
    assert sorted(report.added) == ["zorblax-mixed.txt", "zorblax-real.txt"]
    stored = [text for text, _ in chunks(bot)]
    assert not any(is_degenerate(text) or "\x00" in text for text in stored)


@pytest.mark.slow
@pytest.mark.parametrize("query", ["zorblax", "Zorblax", "zorblax zorblax zorblax", "what about Zorblax payments?"])
def test_a_note_of_one_repeated_word_never_outranks_the_real_note(junk_store, query):
    bot, _ = junk_store
    hits = bot.search(query, k=5)
    assert hits[0].source == "zorblax-real.txt"
    assert not any("zorblax zorblax" in h.text.lower() for h in hits)
    lexical = bot.index.lexical.search(query, k=5)
    assert lexical[0][0].metadata["source"] == "zorblax-real.txt"
    answer = bot.ask(query)
    assert {c.source for c in answer.citations} <= {"zorblax-real.txt"}


@pytest.mark.parametrize(
    "lines",
    ["CRVN\nstrongly positive\n0.77\nNVO\nmildly negative\n-0.12", "CRVN Somewhat-Bullish 0.77\nNVO Neutral -0.12"],
)
def test_a_per_ticker_label_between_ticker_and_score_is_read(lines):
    parsed = parse_sentiment_block(f"Overall Sentiment\nstrongly positive\nSentiment Score\n0.77\nTicker Sentiment\n{lines}")
    assert parsed.ticker_scores == {"CRVN": 0.77, "NVO": -0.12}
    assert parsed.problems == ()


def test_three_words_before_a_number_are_not_a_label():
    parsed = parse_sentiment_block("Overall Sentiment\npositive\nSentiment Score\n0.2\nTicker Sentiment\nBABA up a lot 0.4")
    assert parsed.ticker_scores == {}
    assert parsed.problems
