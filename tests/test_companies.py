"""Never another company's notes: companies with no notes, excluded by the ticker filter or
misspelt get a reply naming them; the examples the empty chat offers are found. Fast, no model."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from ingest import CompanyDirectory, TickerResolver
from ragbot.answer import Answer
from ragbot.companies import (
    Spelling, check_companies, near_spelling, one_typo_from_familiar, unknown_name, unknown_symbol, unwritten_subject,
)
from ragbot.examples import companies_about, found_examples
from ragbot.routing import QueryRouter

RESOLVER = TickerResolver(CompanyDirectory.load())
HELD = {"BABA", "NVDA", "TCEHY"}  # the companies the notes are about
ROUTER = QueryRouter(RESOLVER)


def check(text: str, filtered: list[str] | None = None, history: list[dict] | None = None):
    return check_companies(ROUTER.route(text, history, filtered), filtered, RESOLVER, HELD)


def test_a_company_with_no_notes_gets_a_reply_naming_it():
    result = check("What are the main risks for SNPS?")
    assert not result.reply.found and result.reply.text == "No notes about Synopsys (SNPS)."
    assert result.reply.citations == [] and result.reply.tickers == ["SNPS"]


def test_the_filter_excluding_the_asked_company_is_said():
    result = check("What is Nvidia's data center revenue?", ["BABA"])
    assert not result.reply.found and result.reply.text.startswith("The ticker filter excludes Nvidia (NVDA)")
    assert check("What are the cloud risks?", ["BABA"]).reply is None  # names none: the filter decides
    assert check("What are Alibaba's cloud risks?", ["BABA"]) == type(check("x"))()  # names the filtered one


def test_a_question_partly_about_a_company_without_notes_answers_the_rest_with_a_notice():
    result = check("Compare Alibaba and Alphabet on cloud growth")
    assert result.reply is None and result.tickers == ["BABA"]
    assert result.notices == ("No notes about Alphabet (GOOGL).",)


def test_a_near_spelling_gets_did_you_mean():
    result = check("What are Alibba's cloud risks?")
    assert result.reply.text.startswith("Did you mean Alibaba?") and not result.reply.found
    assert near_spelling("how fast did tencnet grow", RESOLVER, HELD) == Spelling("tencnet", "Tencent")
    for ordinary in ("What drives metal prices and margins?", "Which companies face export controls?", "What is the weather in Shanghai?"):
        assert near_spelling(ordinary, RESOLVER, HELD) is None
    assert near_spelling("What are Alibba's risks?", RESOLVER, {"NVDA"}) is None  # only companies with notes


def test_a_near_spelling_corrects_the_words_as_typed():
    assert check("alibba sentiment score?").spelling == Spelling("alibba", "Alibaba")
    assert Spelling("alibba", "Alibaba").correct("Alibba's score, alibbas?") == "Alibaba's score, alibbas?"
    assert Spelling("sevrn trent", "Severn Trent").correct("how did sevrn  Trent score") == "how did Severn Trent score"


def test_a_near_spelling_is_certain_unless_it_is_an_english_word():
    assert Spelling("alibba", "Alibaba").certain and Spelling("sevrn trent", "Severn Trent").certain
    assert not Spelling("synopsis", "Synopsys").certain  # "a synopsis of the notes"
    assert Spelling("pilgrims", "Pilgrim's").certain and Spelling("pilgrims", "Pilgrim").certain  # the possessive, unmarked


def test_a_two_word_name_misspelt_is_suggested_whole():
    assert near_spelling("alibba group sentiment?", RESOLVER, HELD) == Spelling("alibba group", "Alibaba Group")
    assert near_spelling("what did the notes say about cloud growth", RESOLVER, HELD) is None


def test_one_typo_in_a_long_name_no_note_uses_is_a_near_spelling():
    no_note_uses = lambda word: False  # noqa: E731  (the notes' word index finds nothing)
    assert near_spelling("Nvidea export controls", RESOLVER, HELD) is None  # 83 by ratio: under _SPELLING
    assert near_spelling("Nvidea export controls", RESOLVER, HELD, no_note_uses).name.lower() == "nvidia"
    assert near_spelling("Nvidea export controls", RESOLVER, HELD, lambda word: True) is None  # a word the notes use is a word
    assert near_spelling("What are the risks to Nvdia?", RESOLVER, {"BABA"}, no_note_uses) is None  # only companies with notes


def test_another_companys_name_mistyped_beside_a_named_company_is_read_as_that_name():
    """ "tencnet sentiment since the alibaba deal" had been answered for Alibaba alone."""
    result = check_companies(ROUTER.route("tencnet sentiment since the alibaba deal, up or down?"), None, RESOLVER, HELD)
    assert result.reply is None and result.spelling == Spelling("tencnet", "Tencent") and result.spelling.certain
    plain = check_companies(ROUTER.route("synopsis of the alibaba cloud notes?"), None, RESOLVER, HELD)
    assert plain.spelling is None or not plain.spelling.certain  # an English word is answered as typed
    written = lambda word: word.lower() == "tencnet"  # noqa: E731 - the notes write the word as typed
    kept = check_companies(ROUTER.route("tencnet sentiment since the alibaba deal?"), None, RESOLVER, HELD, written)
    assert kept.spelling is None  # a word the notes write is no typo ("latin america" is no "American")
    words = {"alibaba", "exposure"}
    refused = check_companies(ROUTER.route("What is Zorblax's exposure to Alibaba and tencnet?"), None, RESOLVER, HELD,
                              lambda word: word.lower() in words)
    assert refused.reply is not None and "Zorblax" in refused.reply.text  # a typo beside keeps the refusal


def test_a_near_spelling_in_a_follow_up_still_gets_did_you_mean():
    history = [{"role": "user", "content": "What are Tencent's gaming trends?"}, {"role": "assistant", "content": "..."}]
    result = check("what are Alibba's cloud risks?", history=history)
    assert result.reply.text.startswith("Did you mean Alibaba?") and not result.reply.found


def test_follow_ups_keep_their_inherited_company():
    history = [{"role": "user", "content": "What are Alibaba's cloud risks?"}, {"role": "assistant", "content": "..."}]
    assert check("and its margins?", history=history).reply is None


def chunk(source: str, about: list[str], mentions: list[str]) -> Document:
    return Document(id=source, page_content="text", metadata={"source": source, "primary_tickers": about, "tickers": about + mentions})


def test_the_filter_lists_companies_notes_are_about_not_passing_mentions():
    chunks = [chunk("a.txt", ["BABA"], ["JD"]), chunk("b.txt", ["BABA"], []), chunk("c.txt", ["JD"], []), chunk("d.txt", [], ["NVDA"])]
    assert companies_about(chunks) == {"BABA": 2, "JD": 1}


def test_examples_are_only_questions_the_notes_answer():
    asked = []

    def ask(question: str) -> Answer:
        asked.append(question)
        return Answer("...", "growth" in question or "Nvidia" not in question)

    examples = found_examples(["BABA", "NVDA", "TCEHY"], RESOLVER.directory.name_of, ask, count=3)
    assert examples == [
        "What are the main risks for Alibaba Group?", "What is driving growth at Nvidia?", "What is driving growth at Tencent?",
    ]
    assert asked[1:3] == ["What's the sentiment on Nvidia?", "What is driving growth at Nvidia?"]
    assert found_examples(["NVDA"], RESOLVER.directory.name_of, lambda q: Answer("", False)) == []


def test_a_name_no_note_mentions_is_not_in_the_notes():
    """A capitalised word past the first that no note has and no company alias matches: the
    notes cannot answer for it. Words the notes have, company names and months pass."""
    words = {"alibaba", "cloud", "agentforce", "margin"}
    mentioned = lambda word: word.lower() in words  # noqa: E731 - the notes' word index
    assert unknown_name("What is Zorblax Corp's margin?", RESOLVER, mentioned) == "Zorblax"
    assert unknown_name("What did the Zorblax-US deal do to margin?", RESOLVER, mentioned) == "Zorblax-US"
    assert unknown_name("What did the US-Alibaba deal do to margin?", RESOLVER, mentioned) is None  # each part is known
    for known in ("What did Salesforce say about Agentforce?", "How fast did Alibaba Cloud grow in June?", "What is the margin?",
                  "What margin did Chipotle Mexican report?",  # "Mexican": a word of the named company's name
                  "In Q3, What did Alibaba say?", "Alibaba Group Inc: what are the risks?",  # a legal form "What did the CEO say about AI?",  # a stopword, acronyms
                  "What Are Zorblax's Cloud Risks?", "WHAT ARE ZORBLAX'S RISKS?"):  # capitals mark no name here
        assert unknown_name(known, RESOLVER, mentioned) is None
    held = ROUTER.route("What is Zorblax Corp's margin?")
    reply = check_companies(held, None, RESOLVER, HELD, mentioned).reply
    assert not reply.found and reply.text == "Zorblax is not in your notes: no note mentions it."
    assert check_companies(held, None, RESOLVER, HELD).reply is None  # without the word index: no check
    beside = check_companies(ROUTER.route("What did Alibaba say when Zorblax sued it?"), None, RESOLVER, HELD, mentioned)
    assert beside.reply is None and beside.notices == ("Zorblax is not in your notes: no note mentions it.",)  # said, then answered
    subject = check_companies(ROUTER.route("Score for Zorblax Corp in the Alibaba cloud note?"), None, RESOLVER, HELD, mentioned)
    assert not subject.reply.found  # where the question names what it asks about: not answered from Alibaba's note
    event = check_companies(ROUTER.route("Alibaba sentiment on the Zorblax stake sale news?"), None, RESOLVER, HELD, mentioned)
    assert event.reply is None and event.notices == ("Zorblax is not in your notes: no note mentions it.",)  # it describes the sale
    for asked in ("Alibaba sentiment on the Zorblax note?", "Alibaba's score on the Zorblax shares?",  # the note, the shares: Zorblax's
                  "Sentiment on Alibaba and on the Zorblax business?"):
        assert not check_companies(ROUTER.route(asked), None, RESOLVER, HELD, mentioned).reply.found


def test_a_symbol_in_capitals_no_note_writes_is_not_in_the_notes():
    """ "OCBC avg sentiment in 2026" had averaged every note: a word in capitals no company mention
    covers and no note writes names something the notes say nothing of. Finance abbreviations,
    titles, periods and the symbols the notes write pass."""
    words = {"alibaba", "cloud", "hbm"}
    mentioned = lambda word: word.lower() in words  # noqa: E731 - the notes' word index
    assert unknown_symbol("OCBC avg sentiment in 2026", RESOLVER, mentioned) == "OCBC"
    assert unknown_symbol("score for VRNX.DE vs Alibaba?", RESOLVER, mentioned) == "VRNX.DE"
    for known in ("What did the CEO say about ESG?", "BABA sentiment YTD?", "What was EPS in FY 2025?", "Is HBM a risk for Alibaba?",
                  "Q3 revenue for Alibaba?", "MTD average sentiment?", "sentiment for NOV 2026?", "WHAT IS OCBC'S SCORE?"):  # capitals mark nothing in a question typed in them
        assert unknown_symbol(known, RESOLVER, mentioned) is None
    reply = check_companies(ROUTER.route("OCBC avg sentiment in 2026"), None, RESOLVER, HELD, mentioned).reply
    assert not reply.found and reply.text == "OCBC is not in your notes: no note mentions it."
    for asked in ("digital share of OCBC lottery turnover?",  # content may name a company by a ticker its notes never write
                  "Acme sold two parks to a REIT and leased them back. score?",  # not what the question asks about
                  "ITC patent ruling - alibaba's ticker score?"):  # a named company's score
        assert check_companies(ROUTER.route(asked), None, RESOLVER, HELD, mentioned).reply is None


def test_a_word_where_the_question_names_its_subject_that_no_note_writes_is_not_in_the_notes():
    """Typed in lower case, a name is no capitalised word: where the question puts what it asks
    about (a possessive, the object ending it, the opening word of a short one), a word that is no
    English word, no finance abbreviation, and that no note writes names nothing the notes cover."""
    words = {"alibaba", "cloud", "risks", "margin", "sentiment", "ecom", "quidelortho"}
    begins = lambda start: any(w.startswith(start.lower()) for w in words)  # noqa: E731 - the notes' word index

    def subject(text: str) -> str | None:
        return unwritten_subject(ROUTER.route(text), begins, one_typo_from_familiar)

    for text in ("what are the risks for kone?", "risks for kone", "kone's risks?", "kone sentiment?", "sentiment on Kone",
                 "what was kone enterprises' margin?", "kone information services' title revenue?",  # (a company's name in the possessive, its apostrophe alone)
                 "kone corp q3 2025 attendance", "kone fy2025 net sales and fy26 guide",  # a terse question of up to seven words
                 "kone: number of negative notes?", "kone - better or worse since june?",  # set before a colon or dash, as a heading
                 "how many of the kone notes were negative?"):  # owning the notes asked about
        assert subject(text).lower() == "kone"
    assert subject("how many of the 7&i notes were negative?") == "7&i"  # joined by "&": a name, however short
    for text in ("what are the risks for margnis?",  # one typo from an English word: a typo, not a name
                 "what are the risks for alibaba?", "alibaba's cloud risks?",  # a company the notes are about
                 "whats the outlook for cloud", "risks for ecom", "outlook for capex",  # English, a word the notes write, an abbreviation
                 "bearish notes on quidel",  # the start of a word the notes write ("QuidelOrtho")
                 "lowest-scored note?", "whats ur view on it", "risks for ZORB",  # English parts, a contraction, a ticker
                 "how did the companies' margins do?", "what are the hyperscalers' capex plans?",  # plurals in the possessive
                 "were the proptech names' margins ok?", "how did financial services' margins do?",
                 "kone landed the big elevator contract - what did we score it?",  # opening a longer question: not where it names its subject
                 "latam revenue growth in q3 2025", "roic trend across my coverage names",  # five words or more: only before a legal form or period
                 "how many of the recent notes were negative?", "note: what are the cloud risks?",  # English words
                 "tldr: which notes turned negative?", "what are the risks for s&p?"):  # chat shorthand; short, "&" only owning notes
        assert subject(text) is None
    assert subject("what's stewart information services' title revenue?") == "stewart"  # a name's ending: no typo of "steward"
    assert subject("how has kone enterprises' margin held up?") == "kone"  # read at every word, not only the verb's
    assert subject("how did the fintech services' margins do?") is None  # "services" after one word: a sector
    reply = check_companies(ROUTER.route("risks for kone"), None, RESOLVER, HELD, begins=begins).reply
    assert not reply.found and reply.text == "kone is not in your notes: no note mentions it."


def test_a_company_declared_with_a_ticker_the_notes_never_score_has_no_notes():
    held = ROUTER.route("How are we scoring Norfolk Southern (NSCX)?")
    reply = check_companies(held, None, RESOLVER, HELD).reply
    assert not reply.found and reply.text == "No notes about Norfolk Southern (NSCX)."
    assert check_companies(ROUTER.route("What are Alibaba (BABA)'s risks?"), None, RESOLVER, HELD).reply is None
    acronym = ROUTER.route("Which notes discuss Annual Recurring Revenue (ARR) growth?")  # an acronym defined, no company
    assert check_companies(acronym, None, RESOLVER, HELD).reply is None


@pytest.mark.parametrize("text", ["and what about its margins?", "what are its risks?", "how did the company do in q3?"])
def test_a_question_pointing_back_to_a_company_none_names_asks_which(text):
    reply = check_companies(ROUTER.route(text), None, RESOLVER, HELD).reply
    assert reply is not None and not reply.found and reply.text.startswith("Which company do you mean?")


def test_a_question_pointing_back_to_a_named_or_earlier_company_is_answered_for_it():
    earlier = [{"role": "user", "content": "What are Alibaba's cloud risks?"}, {"role": "assistant", "content": "Export controls. [1]"}]
    for question in (ROUTER.route("and what about its margins?", earlier), ROUTER.route("What did Alibaba say about its cloud?"),
                     ROUTER.route("which companies raised their guidance?")):  # one it names, one before it, several asked across
        assert check_companies(question, None, RESOLVER, HELD).reply is None
    assert check_companies(ROUTER.route("and what about its margins?"), ["BABA"], RESOLVER, HELD).reply is None  # the filter names it
    typed = check_companies(ROUTER.route("alibba and its cloud risks"), None, RESOLVER, HELD)
    assert typed.spelling is not None and typed.spelling.name == "Alibaba"  # a misspelt name is read first
