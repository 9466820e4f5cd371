"""Never another company's notes, end to end over a real store: a company missing from the alias
table whose name first appears past its note's first chunk, the ticker filter, a misspelling."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, make_settings
from ingest_helpers import note_text, write

from ragbot import Ragbot

# The first ~700 characters (the first chunk) never name the company: only its ticker block does.
OPENING = (
    "The contract manufacturer raised its revenue outlook after the third quarter, with its connectivity segment up "
    "43% on 800G switch programs for hyperscale customers. Adjusted operating margin reached a record 7.6%, and "
    "management guided next year's revenue to about $16 billion. Hardware platform solutions, where the company "
    "designs the switch as well as building it, now make up the majority of segment revenue, and that design content "
    "lifted margins above the range the stock was valued on two years ago. Component availability is a watch item, "
    "since memory and optics shortages could delay shipments late in the year. The balance sheet is clean after debt "
    "paydown, which leaves room for buybacks if the shares stall.\n"
)
LATER = (
    "The biggest risk for Celestica is concentration: a handful of hyperscalers account for most of the growth, and "
    "one program loss would show up immediately in the top line. A second risk for Celestica is the move to 1.6T "
    "switching, where white-box competitors will bid aggressively for the same designs.\n"
)

# The company's own first word ("Intuitive" of Intuitive Surgical) in the possessive only past the first chunk.
LATER_FIRST_NAME = "The risk is Intuitive's pricing: hospitals are pushing back on instrument costs per procedure.\n"


@pytest.fixture(scope="module")
def bot(tmp_path_factory, embeddings):
    root = tmp_path_factory.mktemp("companies")
    notes = root / "notes"
    for source in EXAMPLES.glob("*.*"):
        write(notes, source.name, source.read_text(encoding="utf-8"))
    write(notes, "cls-q3.txt", note_text(OPENING + LATER, tickers="CLS 0.45"))
    write(notes, "isrg-q3.txt", note_text(OPENING.replace("The contract manufacturer", "Intuitive Surgical") + LATER_FIRST_NAME, tickers="ISRG 0.30"))
    bot = Ragbot(make_settings(root / "store"))
    bot.ingest(notes)
    return bot


@pytest.mark.slow
def test_a_learned_company_is_named_anywhere_in_its_note_and_answers_only_from_its_notes(bot):
    assert bot.route("what are the main risks for Celestica?").tickers == ["CLS"]
    answer = bot.ask("What are the main risks for CLS?")
    assert answer.found and {c.source.rsplit("/", 1)[-1] for c in answer.citations} == {"cls-q3.txt"}
    assert bot.notes_about()[next(s for s in bot.notes_about() if s.endswith("cls-q3.txt"))] == ["CLS"]


@pytest.mark.slow
def test_a_held_company_is_named_by_its_first_word_its_notes_use_past_their_first_chunk(bot):
    assert bot.route("has sentiment on Intuitive improved since May?").tickers == ["ISRG"]


@pytest.mark.slow
def test_the_filter_and_no_notes_get_replies_naming_the_company(bot):
    excluded = bot.ask("What are the main risks for Celestica?", ticker=["BABA"])
    assert not excluded.found and excluded.citations == [] and "The ticker filter excludes" in excluded.text and "CLS" in excluded.text
    missing = bot.ask("What are the main risks for Synopsys?")
    assert not missing.found and missing.text == "No notes about Synopsys (SNPS)."


@pytest.mark.slow
@pytest.mark.parametrize("question", ["What are Alibaba's cloud risks?", "how many negative notes on alibaba?"])
def test_a_near_spelling_that_is_no_word_is_read_as_the_name_and_says_so(bot, question):
    exact = bot.ask(question)
    typo = bot.ask(question.replace("libaba", "libba"))
    assert typo.found and typo.text == exact.text and typo.citations == exact.citations
    assert typo.notices == ["Read \u201calibba\u201d as Alibaba: no company in your notes is spelt as typed.", *exact.notices]


@pytest.mark.slow
def test_a_near_spelling_that_is_an_english_word_gets_did_you_mean(bot):
    answer = bot.ask("What are the celestial risks?")
    assert not answer.found and answer.text.startswith("Did you mean Celestica?")


@pytest.mark.slow
def test_a_name_no_note_mentions_gets_not_in_your_notes(bot):
    unknown = bot.ask("What is Zorblax Corp's margin?")
    assert not unknown.found and unknown.citations == [] and unknown.text.startswith("Zorblax is not in your notes")
    assert bot.ask("What are the main risks for Celestica?").found  # a name the notes use answers


@pytest.mark.slow
@pytest.mark.parametrize("question", ["what are the risks for kone?", "kone sentiment?", "sentiment on kone"])
def test_a_name_typed_in_lower_case_that_no_note_writes_gets_not_in_your_notes(bot, question):
    answer = bot.ask(question)
    assert not answer.found and answer.citations == [] and answer.text == "kone is not in your notes: no note mentions it."


@pytest.mark.slow
def test_a_held_companys_symbol_typed_in_lower_case_names_it_even_when_the_model_knows_it_as_a_word(bot):
    """"baba" is in the bundled model's vocabulary (a name, not an English word): the notes are
    about BABA, so it names it, possessive too. "app" stays a word: no note is about AppLovin."""
    assert bot.route("tell me about baba").tickers == ["BABA"]
    assert bot.route("what are baba's cloud risks?").tickers == ["BABA"]
    assert bot.route("what does the app store charge?").tickers == []


@pytest.mark.slow
def test_the_word_index_finds_a_word_by_its_start(bot):
    lexical = bot.index.lexical
    assert lexical.mentions("celest", prefix=True) and not lexical.mentions("celest")
    assert not lexical.mentions("kone", prefix=True)
    assert bot.ask("what are the risks for celest?").found  # the start of a name the notes write: no refusal
