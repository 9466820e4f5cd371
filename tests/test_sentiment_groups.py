"""A group of companies a sentiment question names by what they do ("the uranium miners",
"Brazilian banks") is read as the companies whose notes write those words; a name the notes
never write is no group. Invented companies and wording."""

from __future__ import annotations

import pytest
from test_sentiment_rules import ask, notes

from ragbot.sentiment.catalog import word_family
from ragbot.sentiment.groups import read_group

GROUPS = notes(
    ("orex-mine.txt", "2026-03-02", "mildly positive", 0.40, {"OREX": 0.40}, "Orexa Fuel raised uranium output at its northern mine, and said the new shaft is on schedule."),
    ("orex-contract.txt", "2026-05-12", "mildly positive", 0.20, {"OREX": 0.20}, "Orexa Fuel signed a uranium supply contract with a European utility."),
    ("pitch-mill.txt", "2026-04-08", "mildly negative", -0.30, {"PTCH": -0.30}, "Pitchvale Energy delayed its uranium mill restart after a permit review."),
    ("banco-dividend.txt", "2026-06-03", "strongly positive", 0.60, {"BNCV": 0.60}, "Banco Verano, the Brazilian bank, raised its dividend after record profit."),
    ("lumo-customers.txt", "2026-06-20", "mildly positive", 0.30, {"LUMO": 0.30}, "Lumo, the digital bank in Brazil, added four million customers."),
    ("tinta-volumes.txt", "2026-07-01", "mildly negative", -0.40, {"TNTA": -0.40}, "Tintara Coatings cut its paint volume outlook as housing slowed."),
)


def test_a_word_family_shares_a_stem_of_five_letters_or_more():
    vocabulary = ("bank", "brazil", "brazilian", "mine", "miner")
    assert word_family("brazilian", vocabulary) == {"brazil", "brazilian"}
    assert word_family("miner", vocabulary) == {"miner"}  # "mine" is too short to be its kin


@pytest.mark.parametrize(
    ("words", "group"),
    [
        (["uranium", "miners"], ("OREX", "PTCH")),  # "miners", the last word, narrows nothing the notes write
        (["brazilian", "banks"], ("BNCV", "LUMO")),
        (["paint", "makers"], ()),  # one company is no group
        (["constellation", "brands"], ()),  # a word no note writes, before the last: a name
    ],
)
def test_a_group_is_the_companies_every_narrowing_word_describes(words, group):
    assert read_group(words, GROUPS) == group


def test_a_word_most_companies_notes_write_narrows_nothing():
    texts = {"AAA": "said its quarter was strong on uranium", "BBB": "said uranium was weak", "CCC": "said its quarter was flat", "DDD": "had a flat quarter"}
    most = notes(*[(f"{t}.txt", "2026-03-02", "neutral", 0.0, {t: 0.0}, f"{t} {text}.") for t, text in texts.items()])
    assert read_group(["quarter", "uranium"], most) == ("AAA", "BBB")  # "quarter": 3 of 4 companies


def test_a_word_for_companies_in_general_narrows_nothing():
    texts = {"AAA": "named a uranium unit head", "BBB": "named a uranium chief", "CCC": "cut costs", "DDD": "sold a mine"}
    named = notes(*[(f"{t}.txt", "2026-03-02", "neutral", 0.0, {t: 0.0}, f"{t} {text}.") for t, text in texts.items()])
    assert named.described_by("names") == {"AAA", "BBB"}
    assert read_group(["names"], named) == ()  # "which of my names is most bullish?"
    assert read_group(["uranium", "names"], named) == ("AAA", "BBB")


def test_a_group_asked_of_gets_its_pooled_average_and_says_how_it_was_read(router):
    answer = ask(router, "avg sentiment on the uranium miners in 2026?", GROUPS)
    assert answer.found and "their own scores average +0.10" in answer.text  # (0.40 + 0.20 - 0.30) / 3
    assert answer.notices == ["Read \u201curanium miners\u201d as the companies whose notes write those words: OREX, PTCH."]
    ranked = ask(router, "among the brazilian banks, who had the best average sentiment in 2026?", GROUPS)
    assert ranked.text.startswith("The most bullish company") and "BNCV" in ranked.text.split("[")[0]


def test_a_verb_form_says_nothing_companies_do():
    covered = notes(*[(f"{t}.txt", "2026-03-02", "neutral", 0.0, {t: 0.0}, f"{t} {text}.") for t, text in
                      {"AAA": "covered its uranium costs", "BBB": "covered a uranium short", "CCC": "cut costs", "DDD": "sold a mine"}.items()])
    assert covered.described_by("covered") == {"AAA", "BBB"}
    assert read_group(["covered", "companies"], covered) == ()  # "which of the covered companies ...": all of them


def test_a_word_family_finds_longer_and_shorter_kin_among_many_stems():
    vocabulary = tuple(sorted({"brazil", "brazilian", "braz", "brazen", "coat", "coating", *(f"w{i:05d}" for i in range(5000))}))
    assert word_family("brazil", vocabulary) == {"brazil", "brazilian"}  # not "braz" (4 letters) nor "brazen"
    assert word_family("coatings", vocabulary) == {"coating"} and word_family("zinc", vocabulary) == frozenset()
