"""Which sentences an answer may cite: prose, never a note's ``Date:`` line, front matter,
headings or sentiment-block headers (issue 13: sentiment answers quoted ``Date: 2025-05-21``)."""

from __future__ import annotations

from conftest import EXAMPLES
from langchain_core.documents import Document

from ingest import CompanyDirectory, NoteChunker, NoteLoader, TickerResolver
from ingest.prose import is_metadata, prose_sentences
from ragbot.answering.candidates import collect
from ragbot.sentiment import NoteCatalog

FRONT_MATTER_NOTE = (
    "---\ntitle: Alibaba cloud risks in the second quarter of the year\ndate: 2025-05-21\n---\n"
    "# Alibaba cloud risks\nDate: 2025-05-21\n"
    "Alibaba said it will spend more than RMB 380 billion on cloud and AI infrastructure. "
    "Export controls have cut off its access to the most capable data center GPUs.\n"
    "Overall Sentiment\nmildly negative\nSentiment Score\n-0.24\n"
)


def texts(text: str, offset: int = 0) -> list[str]:
    return [s.text for s in prose_sentences(text, offset)]


def test_metadata_lines_and_the_sentiment_block_are_not_prose():
    assert texts(FRONT_MATTER_NOTE) == [
        "Alibaba said it will spend more than RMB 380 billion on cloud and AI infrastructure.",
        "Export controls have cut off its access to the most capable data center GPUs.",
    ]
    for line in ("Date: 2025-05-21", "published: Nov 3, 2025", "# Heading", "Overall Sentiment", "Sentiment Score: 0.2", "Ticker Sentiment"):
        assert is_metadata(line), line
    for line in ("Dated deals rose 5% in May.", "Sentiment scores across the sector improved as demand for chips grew."):
        assert not is_metadata(line), line


def test_front_matter_is_skipped_only_at_the_top_of_the_note():
    passage_in_the_middle = "---\nThe quarter was strong.\n---\nMargins rose."
    assert texts(passage_in_the_middle, offset=500) == ["---", "The quarter was strong.", "---", "Margins rose."]
    assert texts(passage_in_the_middle) == ["Margins rose."]


def test_offsets_of_prose_sentences_point_into_the_note():
    offset = 40
    for sentence in prose_sentences(FRONT_MATTER_NOTE[offset:], offset):
        assert FRONT_MATTER_NOTE[sentence.start : sentence.end] == sentence.text


def example_first_chunks():
    resolver = TickerResolver(CompanyDirectory.load())
    chunker = NoteChunker(resolver)
    return [chunker.split(note)[0] for note in NoteLoader(resolver).load(EXAMPLES)]


def test_sentiment_answers_cite_each_examples_first_prose_sentence_not_its_date_line():
    chunks = example_first_chunks()
    dated = [c for c in chunks if c.page_content.lstrip().lower().startswith("date:")]
    assert len(dated) >= 5  # most example notes open with a Date: line
    for record in NoteCatalog.from_passages(chunks).records:
        start, end = record.first_sentence
        text = record.passage.page_content
        quoted = text[start - record.passage.metadata["start"] : end - record.passage.metadata["start"]]
        assert len(quoted) > 30 and not is_metadata(quoted), (record.source, quoted)


def test_answer_candidates_never_include_metadata_lines():
    passage = example_first_chunks()[0]
    with_front_matter = Document(page_content=FRONT_MATTER_NOTE, metadata={"source": "a.md", "start": 0})
    candidates = [c.text for c in collect([passage, with_front_matter], min_chars=10)]
    assert candidates and not any(is_metadata(t) or t.startswith(("title:", "date:")) for t in candidates)
