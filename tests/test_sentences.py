"""Sentence splitting with exact offsets (citations point back into the note with them)."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from ingest import CompanyDirectory, NoteLoader, TickerResolver, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue grew 3.5% to $6.13 billion. Margins fell.", ["Revenue grew 3.5% to $6.13 billion.", "Margins fell."]),
        ("U.S. export rules tightened. Nvidia said so.", ["U.S. export rules tightened.", "Nvidia said so."]),
        ("Peers, e.g. Tencent, grew. Alibaba Inc. said more.", ["Peers, e.g. Tencent, grew.", "Alibaba Inc. said more."]),
        ('He said "growth is strong." Then shares rose.', ['He said "growth is strong."', "Then shares rose."]),
        ("Q3 was weak. 2025 guidance is better!", ["Q3 was weak.", "2025 guidance is better!"]),
        ("Is it cheap? (It was a beat.) Done.", ["Is it cheap?", "(It was a beat.)", "Done."]),
        ("Capex rose vs. Tencent. Approx. 5% more.", ["Capex rose vs. Tencent.", "Approx. 5% more."]),
        ("Margins beat Tencent's. The gap widened.", ["Margins beat Tencent's.", "The gap widened."]),
        ("Analyst J. Smith upgraded 3M. Shares rose.", ["Analyst J. Smith upgraded 3M.", "Shares rose."]),
    ],
)
def test_sentences_end_at_stops_but_not_at_abbreviations_or_decimals(text, expected):
    assert texts(text) == expected


def test_line_breaks_always_end_a_sentence():
    assert texts("A heading without a stop\nFirst sentence. Second one\n\n  Third.") == [
        "A heading without a stop",
        "First sentence.",
        "Second one",
        "Third.",
    ]


def test_blank_text_has_no_sentences():
    assert split_sentences("  \n\n\t ") == []


def test_offsets_are_shifted_by_the_given_offset():
    [sentence] = split_sentences("Alibaba grew.", offset=40)
    assert (sentence.start, sentence.end) == (40, 53)


def test_offsets_point_at_every_sentence_of_every_example_note():
    notes = list(NoteLoader(TickerResolver(CompanyDirectory.load())).load(EXAMPLES))
    assert len(notes) == 15
    for note in notes:
        sentences = split_sentences(note.body)
        assert len(sentences) >= 4, note.source
        for sentence in sentences:
            assert note.text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
