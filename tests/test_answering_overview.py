"""A question that asks what the notes say and nothing narrower ("tell me about Tesla", "Alibaba vs
JD", "what's new?") gets an overview: the opening sentences of the newest notes about them, each
cited. Fast tests on hand-made passages and the router; one slow test through the real bot."""

from __future__ import annotations

import pytest
from answering_helpers import SharedWordsReranker, passage, question

from ragbot.answering.overview import RULE, newest_about, openings
from ragbot.extractive import ExtractiveAnswerer
from ragbot.answering.candidates import collect


@pytest.mark.parametrize("text", [
    "tell me about Tesla", "tesla?", "any news on Tesla?", "what's the latest on Tesla", "how is Tesla doing?",
    "what do my notes say about Tesla?", "compare Tesla and Alibaba", "Tesla vs Alibaba",
    "what's new?", "latest news", "summarize my notes",  # of every note
])
def test_a_question_naming_companies_and_nothing_narrower_asks_for_an_overview(router, text):
    assert router.route(text).asks_overview


@pytest.mark.parametrize("text", [
    "what are Tesla's risks?", "compare Tesla and Alibaba on margins", "what's the latest on Tesla's robotaxi?",
    "tell me something", "what's the sentiment on Tesla?", "what's new in cloud?", "which companies are cutting prices?",
])
def test_a_topic_or_a_sentiment_question_asks_no_overview(router, text):
    assert not router.route(text).asks_overview


def test_a_follow_up_naming_a_company_after_a_topic_keeps_the_topic(router):
    history = [{"role": "user", "content": "what are Alibaba's cloud risks?"}, {"role": "assistant", "content": "Export controls. [1]"}]
    assert not router.route("what about Tencent?", history).asks_overview


def _first_chunk(source: str, date: str, about: list[str], text: str = "A sentence long enough to be cited here."):
    return passage(text, source, date=date, primary_tickers=about, tickers=about)


def test_the_newest_notes_about_every_asked_company_come_first_and_passing_mentions_not_at_all():
    chunks = [_first_chunk("old.txt", "2024-01-05", ["TSLA"]), _first_chunk("both.txt", "2023-06-01", ["TSLA", "BABA"]),
              _first_chunk("new.txt", "2025-03-01", ["TSLA"]), _first_chunk("passing.txt", "2025-09-01", ["BYDDY"])]
    assert [d.metadata["source"] for d in newest_about(chunks, ["TSLA", "BABA"])] == ["both.txt", "new.txt", "old.txt"]
    assert [d.metadata["source"] for d in newest_about(chunks, ["TSLA"])] == ["new.txt", "old.txt", "both.txt"]


def test_each_note_opens_before_any_note_says_more():
    two = "First sentence of the newer note is here. Second sentence of the newer note is here."
    pool = collect([passage(two, "new.txt"), passage("Only sentence of the older note is here.", "old.txt")])
    assert [c.text for c in openings(pool, 3)] == [
        "First sentence of the newer note is here.", "Only sentence of the older note is here.", "Second sentence of the newer note is here."]
    assert len(openings(pool, 2)) == 2


def test_an_overview_cites_the_openings_and_says_why_in_its_trace():
    passages = [passage("Tesla cut prices in China by 5%. Rivals launched cheaper models.", "t.txt", primary_tickers=["TSLA"]),
                passage("Tesla began robotaxi rides in Austin. The fleet is small.", "r.txt", primary_tickers=["TSLA"])]
    answer = ExtractiveAnswerer(SharedWordsReranker()).answer(question("tell me about the company", ["TSLA"]), passages)
    assert answer.found and [c.sentence for c in answer.citations][:2] == ["Tesla cut prices in China by 5%.", "Rivals launched cheaper models."]
    assert answer.trace.gate.rule == RULE and answer.trace.gate.value == 2


@pytest.mark.slow
def test_tell_me_about_a_company_quotes_its_newest_notes_openings(examples_bot):
    answer = examples_bot.ask("tell me about tesla")
    newest = newest_about(examples_bot.first_chunks(["TSLA"]), ["TSLA"])
    assert answer.found and answer.citations
    assert [c.source for c in answer.citations][:1] == [newest[0].metadata["source"]]
    assert all("TSLA" in c.tickers for c in answer.citations)
    assert examples_bot.ask("compare alibaba and jd").citations[0].source.endswith("baba-jd-ecommerce.txt")
    everything = examples_bot.ask("what's new?")
    assert everything.found and everything.citations[0].source == newest_about(examples_bot.first_chunks([]), [])[0].metadata["source"]
