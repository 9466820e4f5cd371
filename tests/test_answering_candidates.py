"""Stage 3, candidates: which sentences of the retrieved passages can be cited, their
enumerations ("First, ... Second, ..."), and the drop of other companies' notes. Fast, no model."""

from __future__ import annotations

import copy

from answering_helpers import passage, question

from ingest import CompanyDirectory, TickerResolver
from ragbot.answering.candidates import about_asked, collect, is_list_item

LEAD_IN_NOTE = (
    "Cloud revenue grew 26% in the quarter on strong AI demand from enterprises. "
    "The bull case is well understood, but the risks deserve equal attention. "
    "First, export controls could throttle capacity growth just as demand peaks. "
    "Second, pricing pressure from a domestic price war may shrink margins. "
    "Third, capex implies depreciation that could exceed current cloud profits. "
    "We are mildly negative on the risk-reward until margins absorb the spending."
)
FIRST_ITEM_NOTE = (
    "The biggest structural risk is seat compression as AI agents replace service staff. "
    "A second risk is the pending acquisition, which adds integration work and debt. "
    "A third is competition from bundled agents in existing office licences."
)


def test_sentences_carry_their_offsets_in_the_note_and_their_passage_rank():
    pool = collect([passage("Short one. " + LEAD_IN_NOTE, start=100), passage(FIRST_ITEM_NOTE, source="b.txt")])
    first = pool[0]
    assert first.text.startswith("Cloud revenue") and first.sentence.start == 100 + len("Short one. ")
    assert {c.rank for c in pool if c.source == "b.txt"} == {1}


def test_short_sentences_and_headings_are_not_candidates():
    text = "# Alibaba cloud risks in the second quarter\nToo short here.\n" + FIRST_ITEM_NOTE
    texts = [c.text for c in collect([passage(text)])]
    assert not any(t.startswith("#") for t in texts) and "Too short here." not in texts
    assert "Too short here." in [c.text for c in collect([passage(text)], min_chars=10)]


def test_a_list_after_a_lead_in_is_one_enumeration_and_the_lead_in_is_marked():
    pool = collect([passage(LEAD_IN_NOTE)])
    groups = [c.enumeration for c in pool]
    assert groups[0] is None and groups[-1] is None  # the news sentence and the verdict
    assert len(set(groups[1:5])) == 1 and groups[1] is not None
    assert [c.lead_in for c in pool] == [False, True, False, False, False, False]


def test_a_list_whose_first_item_has_no_ordinal_includes_that_item():
    pool = collect([passage(FIRST_ITEM_NOTE)])
    assert len({c.enumeration for c in pool}) == 1 and pool[0].enumeration is not None
    assert not any(c.lead_in for c in pool)


def test_a_list_split_between_overlapping_chunks_is_one_enumeration():
    cut = LEAD_IN_NOTE.index("Second,")
    overlap = LEAD_IN_NOTE.index("First,")
    first, second = LEAD_IN_NOTE[:cut].rstrip(), LEAD_IN_NOTE[overlap:]
    pool = collect([passage(first, id_="a"), passage(second, start=overlap, id_="b")])
    items = [c for c in pool if is_list_item(c.text) or c.lead_in]
    assert len(items) >= 4 and len({c.enumeration for c in items}) == 1


def test_ordinals_start_list_items_only_at_the_start_of_a_sentence():
    assert is_list_item("A third risk is valuation compression.")
    assert is_list_item("Finally, the buyback slowed.")
    assert not is_list_item("Revenue rose for a third quarter in a row.")


def test_other_companies_notes_are_dropped_unless_the_sentence_names_an_asked_company():
    resolver = TickerResolver(CompanyDirectory.load())
    passages = [
        passage("Alibaba cloud revenue grew 26% on AI demand from enterprises.", "baba.txt", primary_tickers=["BABA"]),
        passage("Tencent cloud revenue grew faster than Alibaba cloud this quarter. "
                "Tencent games revenue rose on new titles at home.", "tcehy.txt", primary_tickers=["TCEHY"]),
    ]
    kept, dropped = about_asked(question("cloud revenue", ["BABA"]), collect(passages), resolver)
    assert [c.source for c in kept] == ["baba.txt", "tcehy.txt"]
    assert kept[1].text.startswith("Tencent cloud revenue grew faster than Alibaba")
    assert [d.candidate.text for d in dropped] == ["Tencent games revenue rose on new titles at home."]
    assert dropped[0].stage == "candidates"


def test_collecting_never_changes_what_chroma_returned():
    passages = [passage(LEAD_IN_NOTE, dense_score=0.6, primary_tickers=["BABA"])]
    before = copy.deepcopy([p.metadata for p in passages])
    collect(passages)
    assert [p.metadata for p in passages] == before
