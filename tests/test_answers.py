"""Answers over the real evaluation notes, with the real model and cross-encoder: every sentence
cited and traceable to its note, "not in your notes" when it is not, follow-ups, sentiment
aggregation, explicit tickers, and a custom ``Answerer`` plugged in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, make_settings
from ingest_helpers import note_text, write
from langchain_core.documents import Document

from ingest import split_sentences
from ragbot import Ragbot
from ragbot.answer import Answer, Answerer, Citation, is_about
from ragbot.periods import periods
from ragbot.routing import Question

pytestmark = pytest.mark.slow

RECORDS = [json.loads(line) for line in (REPO / "eval" / "qa.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
BY_ID = {r["id"]: r for r in RECORDS}
ANSWERABLE = [r for r in RECORDS if r["kind"] in ("factual", "risk") and r["gold_notes"]]
SAMPLE = ANSWERABLE[::4]  # a spread over companies and both kinds
MARKER = re.compile(r"\[(\d+)\]")
MARKERS = re.compile(r"(?:\s*\[\d+\])+")


def ids(records: list[dict]) -> list[str]:
    return [r["id"] for r in records]


def name(source: str) -> str:
    return Path(source).name


def turn(question: str, answer: Answer) -> list[dict]:
    """One earlier exchange as Gradio messages."""
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]


def first_chunk(bot: Ragbot, source: str) -> dict:
    return bot.index.collection.get(where={"$and": [{"source": source}, {"chunk_index": 0}]})["metadatas"][0]


def cites_only_notes_about(bot: Ragbot, citations: list[Citation], ticker: str) -> bool:
    """Every cited note is about ``ticker``, or at least names it."""
    return all(is_about(first_chunk(bot, c.source), [ticker]) or ticker in c.tickers for c in citations)


def assert_traceable(bot: Ragbot, citation: Citation) -> None:
    """The cited sentence lies in its passage, and at its offsets in the note."""
    assert citation.sentence.strip() and citation.sentence in citation.text
    assert citation.passage_start <= citation.start < citation.end <= citation.passage_start + len(citation.text)
    assert bot.note_text(citation.source)[citation.start : citation.end] == citation.sentence


def assert_well_cited(bot: Ragbot, answer: Answer) -> None:
    """Markers [1]..[N] without gaps, each resolving to its citation; every sentence of the
    answer is a cited sentence followed by its marker."""
    assert answer.found and answer.citations
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    assert {int(n) for n in MARKER.findall(answer.text)} == set(numbers)
    pieces = MARKERS.split(answer.text)
    assert pieces[-1] == "", "the answer must end with a marker"
    assert all(len(split_sentences(piece.strip())) == 1 for piece in pieces[:-1]), "a sentence without a marker"
    for citation in answer.citations:
        assert citation.sentence in answer.text
        assert_traceable(bot, citation)


def assert_not_found(answer: Answer) -> None:
    assert not answer.found and answer.citations == []
    assert "couldn't find" in answer.text and "notes" in answer.text
    assert not MARKER.search(answer.text)


# -- answerable questions -------------------------------------------------------------


@pytest.mark.parametrize("record", SAMPLE, ids=ids(SAMPLE))
def test_answers_cite_every_sentence_traceably(eval_bot, record):
    answer = eval_bot.ask(record["question"])
    assert_well_cited(eval_bot, answer)
    assert answer.tickers == [record["ticker"]]
    assert cites_only_notes_about(eval_bot, answer.citations, record["ticker"])


EXACT = [BY_ID[i] for i in ("q001", "q027", "q035", "q049", "q060")]


@pytest.mark.parametrize("record", EXACT, ids=ids(EXACT))
def test_exact_figure_questions_cite_the_gold_note_with_the_figure(eval_bot, record):
    answer = eval_bot.ask(record["question"])
    from_gold = [c.sentence.lower() for c in answer.citations if name(c.source) in record["gold_notes"]]
    assert from_gold, f"no gold note among {[c.source for c in answer.citations]}"
    assert any(k.lower() in s for k in record["answer_keywords"] for s in from_gold)


# The quarter confusers: each of these names a quarter whose figures only one note has, while
# another note about the same company has the same metric for another quarter.
NAMED_QUARTER = [
    r for r in RECORDS
    if r["kind"] == "factual" and len(r["gold_notes"]) == 1 and periods(r["question"]).keys() & {"quarter", "fiscal_year", "month_quarter"}
]


@pytest.mark.parametrize("record", NAMED_QUARTER, ids=ids(NAMED_QUARTER))
def test_a_question_naming_a_quarter_cites_that_quarters_note_first(eval_bot, record):
    answer = eval_bot.ask(record["question"])
    assert answer.found and name(answer.citations[0].source) == record["gold_notes"][0], answer.text


def test_question_across_companies_names_each_company_once_per_note(eval_bot):
    answer = eval_bot.ask("Which companies are exposed to tariffs?")
    assert answer.found and len(answer.citations) >= 2
    sources = [c.source for c in answer.citations]
    assert len(set(sources)) == len(sources)  # one sentence per note: breadth across companies
    for citation in answer.citations:
        before = answer.text.split(f"{citation.sentence} [{citation.n}]")[0]
        label = MARKER.split(before)[-1]  # the text since the previous marker
        assert label.endswith(": ") and all(t in label for t in first_chunk(eval_bot, citation.source)["primary_tickers"])


def test_question_asking_for_the_latest_figure_cites_the_newest_quarters_note_first(eval_bot):
    record = BY_ID["q052"]  # two AWS notes, Q2 and Q3 2025, both with a backlog figure
    answer = eval_bot.ask(record["question"])
    assert answer.found and name(answer.citations[0].source) == record["gold_notes"][0]
    assert all(name(c.source) in record["gold_notes"] for c in answer.citations), answer.text


def test_comparison_naming_a_quarter_for_each_company_cites_those_quarters_notes(holdout_bot):
    answer = holdout_bot.ask("How did Oracle's revenue growth in fiscal Q2 2026 compare with Palantir's in Q3 2025?")
    assert answer.found and {name(c.source) for c in answer.citations} == {"orcl-q2-capex.txt", "pltr-q3-government.txt"}, answer.text


def test_risk_question_quotes_a_notes_enumerated_risks_across_its_chunks(examples_bot):
    """baba-cloud-risks.txt lists "First, export controls ... Second, pricing pressure ... Third,
    capex ..." after a lead-in, over two chunks: the answer quotes the items, not the lead-in."""
    answer = examples_bot.ask("what are Alibaba's cloud risks?")
    quoted = [c.sentence for c in answer.citations if c.source == "baba-cloud-risks.txt"]
    assert sum(s.startswith(("First,", "Second,", "Third,", "Fourth,", "A fifth")) for s in quoted) >= 3, answer.text
    assert not any("deserve equal attention" in s for s in quoted)
    assert_well_cited(examples_bot, answer)


RISKS = "What are the main risks to Alibaba's cloud business?"


def test_ask_with_k_keeps_only_k_citations(eval_bot):
    assert len(eval_bot.ask(RISKS).citations) > 1
    assert len(eval_bot.ask(RISKS, k=1).citations) == 1


def test_ask_with_k_leaves_no_dangling_markers(eval_bot):
    answer = eval_bot.ask(RISKS, k=1)
    assert {int(n) for n in MARKER.findall(answer.text)} <= {c.n for c in answer.citations}


# -- not in the notes -----------------------------------------------------------------


def test_company_not_in_the_notes_gets_no_answer_and_no_citations(eval_bot):
    answer = eval_bot.ask("What did Coca-Cola say about pricing?")
    assert not answer.found and answer.citations == [] and not MARKER.search(answer.text)
    assert answer.text.startswith("No notes about") and "KO" in answer.text
    assert answer.tickers == ["KO"]
    assert answer.related == []  # no note is about KO, so nothing is even close


@pytest.mark.parametrize("question", ["Can you recommend a good pasta recipe?", "What's the weather going to be in Shanghai tomorrow?"])
def test_off_topic_question_gets_no_answer(eval_bot, question):
    answer = eval_bot.ask(question)
    assert_not_found(answer)
    assert answer.tickers == []
    assert all(isinstance(c, Citation) for c in answer.related)


def test_evidence_sharing_no_topic_word_with_the_question_is_not_an_answer(holdout_bot):
    """The cross-encoder alone rates "Uber One grew to 36 million members" close to "employees"."""
    assert not holdout_bot.ask("How many employees does Uber have?").found
    members = holdout_bot.ask("How many members does Uber One have?")
    assert members.found and any("members" in c.sentence for c in members.citations)


def test_unanswered_question_about_a_known_company_lists_possibly_related_passages(eval_bot):
    answer = eval_bot.ask("What is Nvidia's dividend policy?")
    assert_not_found(answer)
    assert answer.related and all(isinstance(c, Citation) for c in answer.related)
    assert [c.n for c in answer.related] == list(range(1, len(answer.related) + 1))
    assert len({(c.source, c.passage_start) for c in answer.related}) == len(answer.related)  # one per passage
    assert cites_only_notes_about(eval_bot, answer.related, "NVDA")
    for citation in answer.related:
        assert_traceable(eval_bot, citation)


def test_company_missing_from_the_alias_table_routes_to_its_notes(bot, notes_dir):
    """A note whose Ticker Sentiment lists an unknown ticker: its name and symbol route to it."""
    body = (
        "Zscaler reported fiscal Q3 2025 revenue of $678 million, up 23% year over year, and billings grew 25%.\n"
        "Zscaler's zero-trust platform keeps taking share from legacy firewall vendors. The main risk is "
        "federal spending scrutiny, which could delay large government deals."
    )
    write(notes_dir, "zs-q3.txt", note_text(body, tickers="ZS 0.35"))
    bot.ingest(notes_dir)
    for question in ("What's the sentiment on Zscaler?", "What's the sentiment on ZS?"):
        answer = bot.ask(question)
        assert answer.tickers == ["ZS"] and [c.source for c in answer.citations] == ["zs-q3.txt"]
        assert "ZS +0.35; note overall +0.30" in answer.text  # both scores, each named
    risks = bot.ask("What are Zscaler's main risks?")
    assert risks.found and {c.source for c in risks.citations} == {"zs-q3.txt"}


# -- follow-ups and explicit tickers --------------------------------------------------


def test_follow_up_inherits_the_company_of_the_previous_turn(eval_bot):
    first = "What are Alibaba's cloud risks?"
    answer = eval_bot.ask("and what about its margins?", history=turn(first, eval_bot.ask(first)))
    assert answer.tickers == ["BABA"]
    assert_well_cited(eval_bot, answer)
    assert cites_only_notes_about(eval_bot, answer.citations, "BABA")
    assert any("margin" in c.sentence.lower() for c in answer.citations)


FOLLOW_UPS = [BY_ID[i] for i in ("q003", "q028", "q050")]


@pytest.mark.parametrize("record", FOLLOW_UPS, ids=ids(FOLLOW_UPS))
def test_eval_follow_ups_answer_for_the_earlier_company(eval_bot, record):
    earlier = BY_ID[record["follows"]]
    answer = eval_bot.ask(record["question"], history=turn(earlier["question"], eval_bot.ask(earlier["question"])))
    assert answer.tickers == [record["ticker"]]
    assert_well_cited(eval_bot, answer)
    assert cites_only_notes_about(eval_bot, answer.citations, record["ticker"])


@pytest.mark.parametrize("with_citations", [False, True], ids=["text", "citations"])
def test_follow_up_stays_with_the_note_the_previous_answer_quoted(eval_bot, with_citations):
    """ "the deal" is the one the last answer was about: its note, not another JD note; known
    from the reply's citations when the history carries them, else from its text."""
    first = BY_ID["q009"]["question"]
    earlier = eval_bot.ask(first)
    history = turn(first, earlier)
    if with_citations:
        history[1]["citations"] = earlier.citations
    answer = eval_bot.ask(BY_ID["q010"]["question"], history=history)
    quoted = {c.source for c in earlier.citations}
    assert answer.found and {c.source for c in answer.citations} <= quoted, answer.text
    assert all(s.features.get("focus") == 1.0 for s in answer.trace.sentences if s.cited)


def test_follow_up_about_the_following_quarter_cites_that_quarters_note(eval_bot):
    first, follow_up = BY_ID["q031"], BY_ID["q032"]
    answer = eval_bot.ask(follow_up["question"], history=turn(first["question"], eval_bot.ask(first["question"])))
    assert answer.found and name(answer.citations[0].source) == follow_up["gold_notes"][0], answer.text


@pytest.mark.parametrize("ticker", ["NVDA", ["NVDA"]])
def test_a_filter_excluding_the_company_named_says_so_instead_of_answering_from_others(eval_bot, ticker):
    answer = eval_bot.ask("What are Alibaba's cloud risks?", ticker=ticker)
    assert not answer.found and answer.citations == []
    assert "filter excludes" in answer.text and "BABA" in answer.text


def test_a_filter_narrows_a_question_that_names_no_company(eval_bot):
    answer = eval_bot.ask("What are the main risks?", ticker="NVDA")
    assert answer.found and answer.tickers == ["NVDA"]
    assert_well_cited(eval_bot, answer)
    assert cites_only_notes_about(eval_bot, answer.citations, "NVDA")


# -- sentiment ------------------------------------------------------------------------


def expected_sentiment(bot: Ragbot, ticker: str) -> dict[str, float]:
    """Each note about ``ticker``: its Ticker Sentiment score for it, else its overall score."""
    expected = {}
    for chunk in bot.first_chunks([ticker]):
        meta = chunk.metadata
        if ticker in (meta.get("primary_tickers") or []):
            scores = json.loads(meta.get("ticker_scores") or "{}")
            expected[meta["source"]] = scores.get(ticker, meta.get("sentiment_score"))
    return expected


def stated_average(answer: Answer) -> tuple[int, float]:
    found = re.search(r"Across (\d+) notes?\b.*?averages ([+-]?\d+\.\d+)", answer.text)
    assert found, answer.text
    return int(found.group(1)), float(found.group(2))


def assert_sentiment_answer(bot: Ragbot, answer: Answer, ticker: str) -> None:
    expected = expected_sentiment(bot, ticker)
    assert answer.found and answer.tickers == [ticker]
    assert {c.source for c in answer.citations} == set(expected)
    assert all(ticker in c.tickers for c in answer.citations)
    assert all(c.score == pytest.approx(expected[c.source], abs=1e-4) for c in answer.citations)
    count, average = stated_average(answer)
    assert count == len(expected)
    assert average == pytest.approx(sum(expected.values()) / len(expected), abs=0.005 + 1e-9)
    dates = [c.date or "" for c in answer.citations]
    assert dates == sorted(dates, reverse=True)
    assert {int(n) for n in MARKER.findall(answer.text)} == {c.n for c in answer.citations}
    for citation in answer.citations:
        assert_traceable(bot, citation)


SENTIMENT = [r for r in RECORDS if r["kind"] == "sentiment"]


@pytest.mark.parametrize("record", SENTIMENT, ids=ids(SENTIMENT))
def test_sentiment_answer_averages_the_notes_about_the_company(eval_bot, record):
    answer = eval_bot.ask(record["question"])
    assert_sentiment_answer(eval_bot, answer, record["ticker"])
    assert {name(c.source) for c in answer.citations} == set(record["gold_notes"])


def test_a_filter_excluding_the_company_of_a_sentiment_question_says_so(eval_bot):
    answer = eval_bot.ask("What's the sentiment on Tesla in my notes?", ticker="NIO")
    assert not answer.found and answer.citations == []
    assert "filter excludes" in answer.text and "TSLA" in answer.text


def test_a_filter_answers_a_sentiment_question_that_names_no_company(eval_bot):
    answer = eval_bot.ask("What's the sentiment in my notes?", ticker="NIO")
    assert_sentiment_answer(eval_bot, answer, "NIO")


def dated_note(date: str, body: str, score: str, tickers: str = "") -> str:
    return note_text(f"Date: {date}\n{body}", score=score, tickers=tickers)


def test_sentiment_lists_notes_newest_first(tmp_path, embeddings):
    folder = tmp_path / "notes"
    write(folder, "a.txt", dated_note("2025-02-10", "Tesla cut Model Y prices in China as deliveries fell 13%.", "-0.40", "TSLA -0.50"))
    write(folder, "b.txt", dated_note("2025-07-23", "Tesla launched robotaxi rides in Austin with a safety monitor.", "0.20"))
    write(folder, "c.txt", dated_note("2025-04-22", "Tesla energy storage deployments hit a record 10.4 GWh.", "0.30", "TSLA 0.35"))
    write(folder, "d.txt", dated_note("2025-09-01", "Baidu expanded Apollo Go abroad; Tesla was mentioned once.", "0.60", "BIDU 0.60"))
    bot = Ragbot(make_settings(tmp_path / "store"))
    bot.ingest(folder)
    answer = bot.ask("What's the sentiment on Tesla in my notes?")
    assert_sentiment_answer(bot, answer, "TSLA")
    assert [(c.source, c.date) for c in answer.citations] == [("b.txt", "2025-07-23"), ("c.txt", "2025-04-22"), ("a.txt", "2025-02-10")]


# -- a custom answerer ----------------------------------------------------------------


class FirstPassageAnswerer(Answerer):
    """Answers with the first sentence of the best passage: the shape an LLM answerer would take."""

    def __init__(self):
        self.calls: list[tuple[Question, list[Document]]] = []

    def answer(self, question: Question, passages: list[Document]) -> Answer:
        self.calls.append((question, passages))
        best = passages[0]
        sentence = split_sentences(best.page_content, offset=best.metadata.get("start", 0))[0]
        citation = Citation.from_passage(1, best, sentence.start, sentence.end, best.metadata["score"])
        return Answer(f"{citation.sentence} [1]", True, [citation], question.tickers)


def test_custom_answerer_is_used_by_ask_with_the_same_retrieval(eval_bot):
    answerer = FirstPassageAnswerer()
    bot = Ragbot(eval_bot.settings, answerer=answerer)
    question = "What are Alibaba's cloud risks?"
    answer = bot.ask(question)
    (routed, passages), = answerer.calls
    assert routed.tickers == ["BABA"] and routed.text == question
    assert [p.id for p in passages] == [p.id for p in eval_bot.retriever.invoke(routed.search_text, tickers=["BABA"])]
    assert_well_cited(bot, answer)
    assert answer.citations[0].source == passages[0].metadata["source"]


def test_which_notes_back_an_answer_up_names_the_notes_it_cited(examples_bot):
    answer = examples_bot.ask("What was AWS growth?")
    history = [{"role": "user", "content": "What was AWS growth?"}, {"role": "assistant", "content": answer.text, "citations": answer.citations}]
    sources = examples_bot.ask("which notes back that up?", history=history)
    assert sources.found and [c.source for c in sources.citations] == list(dict.fromkeys(c.source for c in answer.citations))
    assert not examples_bot.ask("which notes back that up?").found  # nothing before it: nothing made up
