"""Candidate sentences and the evidence about them that needs no model: enumerations of risks
("First, ... Second, ...") found across the chunks of a note."""

from __future__ import annotations

from langchain_core.documents import Document

from ragbot.evidence import candidates, is_list_item

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


def passage(text: str, source: str = "n.txt", start: int = 0, id_: str = "p0") -> Document:
    return Document(id=id_, page_content=text, metadata={"source": source, "start": start, "title": ""})



def test_a_list_after_a_lead_in_is_one_enumeration_and_the_lead_in_is_marked():
    pool = candidates([passage(LEAD_IN_NOTE)])
    groups = [c.enumeration for c in pool]
    assert groups[0] is None and groups[-1] is None  # the news sentence and the verdict
    assert len(set(groups[1:5])) == 1 and groups[1] is not None
    assert [c.lead_in for c in pool] == [False, True, False, False, False, False]


def test_a_list_whose_first_item_has_no_ordinal_includes_that_item():
    pool = candidates([passage(FIRST_ITEM_NOTE)])
    assert len({c.enumeration for c in pool}) == 1 and pool[0].enumeration is not None
    assert not any(c.lead_in for c in pool)


def test_a_list_split_between_overlapping_chunks_is_one_enumeration():
    cut = LEAD_IN_NOTE.index("Second,")
    overlap = LEAD_IN_NOTE.index("First,")
    first, second = LEAD_IN_NOTE[:cut].rstrip(), LEAD_IN_NOTE[overlap:]
    pool = candidates([passage(first, id_="a"), passage(second, start=overlap, id_="b")])
    items = [c for c in pool if is_list_item(c.sentence.text) or c.lead_in]
    assert len(items) >= 4 and len({c.enumeration for c in items}) == 1


def test_ordinals_start_list_items_only_at_the_start_of_a_sentence():
    assert is_list_item("A third risk is valuation compression.")
    assert is_list_item("Finally, the buyback slowed.")
    assert not is_list_item("Revenue rose for a third quarter in a row.")
