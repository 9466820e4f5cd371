"""General rules found by using blind set AA as a dev set (round twenty-six), each pinned over
invented questions (none of the set's wording or companies): accents do not count in a company's
name ("telefonica" is Telefónica); a name's leading "The" and a trailing "Companies"/"Cos" are left
off its short name ("Cooper" for The Cooper Companies); what a just-described event scored ("...
how'd we score that?", "what score did that get?", "what number did Ford get?"), how far one way
the notes went when something happened, and a company scored with a label when something
happened, ask the note about it; a swing from one stance to another is a trend whose reasons point
the way it went; a move of the sentiment itself ("the drop in Acme sentiment") names no event; a
company since an event, "up or down", is its trend; "whose" names no note."""

from __future__ import annotations

import pytest
from test_sentiment_rules import TODAY, notes, routed_kind

from ingest import CompanyDirectory, TickerResolver
from ingest.tickers import Company, fold_accents, short_names
from ragbot.sentiment.intent import parse_intent


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # what the event just described scored
        ("Tesla: a union takes a stake and pushes for a board seat. What sentiment score did that get?", "note"),
        ("tesla going after a battery startup - how'd we score that?", "note"),
        ("in the note where ford cut prices, what number did tesla get?", "note"),
        # how far one way the notes went when something happened, or a label given then
        ("how negative did we go on tesla after hackers got into its app", "note"),
        ("Why was Tesla scored strongly positive when the robotaxi launched?", "note"),
        # ... but with nothing happening, the company's sentiment
        ("how bullish were we on tesla?", "summary"),
        # a swing from one stance to another, and a company since an event either way
        ("why did tesla swing from a bullish read to deeply negative?", "trend"),
        ("tesla since the brake recall: up or down, and by how much", "trend"),
        # two companies' averages set against each other
        ("Tesla vs Ford: whose average sentiment was higher across 2025?", "compare"),
    ],
)
def test_each_wording_asks_its_kind_of_sentiment_query(router, question, kind):
    assert routed_kind(router, question) == ("sentiment", kind)


@pytest.mark.parametrize(
    "question",
    [
        "what number did Tesla report for deliveries?",
        "tesla's revenue since the recall: up or down?",
        "how did Tesla score on the safety test?",
        "why was Tesla's bond rated negative by the agency?",
    ],
)
def test_a_measure_asked_either_way_stays_facts(router, question):
    assert routed_kind(router, question) == ("facts", None)


def test_the_move_of_the_sentiment_itself_names_no_event(router):
    intent = parse_intent(router.route("whats behind the drop in tesla sentiment in the latest note"), TODAY)
    assert (intent.kind, intent.pick, intent.about, intent.why) == ("note", "newest", "", True)


def test_a_swing_asked_why_points_its_reasons_the_way_it_went(router):
    intent = parse_intent(router.route("why did tesla swing from a bullish read to deeply negative?"), TODAY)
    assert (intent.kind, intent.direction) == ("trend", "negative")


def test_an_event_just_described_picks_its_note(router):
    catalog = notes(
        ("a.txt", "2025-03-10", "mildly negative", -0.30, {"TSLA": -0.30}, "Tesla recalled sedans over a brake fault."),
        ("b.txt", "2025-06-10", "mildly positive", 0.40, {"TSLA": 0.40}, "Tesla bought a battery startup for $2 billion."),
    )
    from test_sentiment_rules import ask

    answer = ask(router, "tesla buying a battery startup - how'd we score that?", catalog)
    assert answer.found and [c.source for c in answer.citations] == ["b.txt"] and "+0.40" in answer.text


@pytest.mark.parametrize(("typed", "said"), [("telefonica guidance", "telefonica"), ("Telefónica's guidance", "Telefónica's")])
def test_accents_do_not_count_in_a_companys_name(typed, said):
    for alias in ("Telefonica", "Telefónica"):
        resolver = TickerResolver(CompanyDirectory([Company("TFX", alias, (alias,), (), False)]))
        [mention] = resolver.mentions(typed, case_sensitive_names=False)
        assert (mention.ticker, typed[mention.start:mention.end]) == ("TFX", said)


def test_folding_accents_keeps_every_character_in_place():
    text = "Nestlé, São Paulo, Ørsted and the ﬁnal €5"
    folded = fold_accents(text)
    assert folded == "Nestle, Sao Paulo, Ørsted and the ﬁnal €5" and len(folded) == len(text)


def test_a_names_article_and_companies_are_left_off_its_short_name():
    assert short_names("The Cooper Companies") == ("The Cooper Companies", "Cooper Companies", "Cooper")
    resolver = TickerResolver(CompanyDirectory([Company("CPX", "The Cooper Companies", short_names("The Cooper Companies"), (), False)]))
    text = "Cooper Cos: an activist took a stake"
    [mention] = resolver.mentions(text, case_sensitive_names=False)
    assert text[mention.start:mention.end] == "Cooper Cos"
