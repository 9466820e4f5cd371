"""'Which notes back that up?': the notes the last answer cited, read back from the conversation."""

from __future__ import annotations

from ragbot.answer import Citation
from ragbot.answering.composition import NO_SOURCES, sources_answer


def citation(n: int, source: str, sentence: str) -> Citation:
    return Citation(n=n, source=source, tickers=["AMZN"], sentiment_label="mildly positive", sentiment_score=0.3,
                    date="2025-05-02", text=sentence, start=0, end=len(sentence), score=1.0, sentence=sentence, passage_start=0)


def test_the_notes_the_last_answer_cited_each_once_in_order():
    cited = [citation(1, "amzn-aws.txt", "AWS grew 17%."), citation(2, "msft.txt", "Azure grew 31%."), citation(3, "amzn-aws.txt", "Margins rose.")]
    history = [{"role": "user", "content": "cloud growth?"}, {"role": "assistant", "content": "... [1][2][3]", "citations": cited}]
    answer = sources_answer(history)
    assert answer.found and [(c.n, c.source, c.sentence) for c in answer.citations] == [(1, "amzn-aws.txt", "AWS grew 17%."), (2, "msft.txt", "Azure grew 31%.")]
    assert "amzn-aws.txt (AMZN, 2025-05-02) [1]" in answer.text and "2 notes" in answer.text
    as_json = [{**history[0]}, {**history[1], "citations": [c.to_json() for c in cited]}]  # (the web page keeps them as JSON too)
    assert sources_answer(as_json).citations == answer.citations


def test_with_no_answer_before_it_nothing_is_made_up():
    for history in (None, [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Ask me about a company."}]):
        answer = sources_answer(history)
        assert not answer.found and answer.text == NO_SOURCES and not answer.citations
