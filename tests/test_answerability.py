"""Answerability from what the question asks: the asked measure, the kind of answer and the
company that must be the sentence's subject; the gate that requires them. Fast, no model."""

from __future__ import annotations

from dataclasses import replace

import pytest
from answering_helpers import SharedWordsReranker, passage, question

from ingest import CompanyDirectory, TickerResolver
from ragbot.answering.answerability import (
    asked_for, figure_of_qualifier, measure_credit, states_count, states_kind, states_named_quantity, states_other_quantity, subject_fit,
    states_only_targets, states_total, withholds_asked,
)
from ragbot.answering.answerer import ExtractiveAnswerer
from ragbot.answering.candidates import collect
from ragbot.answering.features import Features, prior_features
from ragbot.answering.gate import Answerability
from ragbot.answering.scoring import Scorer
from ragbot.answering.settings import AnsweringSettings, FeatureWeights
from ingest.words import stems

RESOLVER = TickerResolver(CompanyDirectory.load())
TOTAL = "JD's revenue grew 14.9% in Q3 2025 to RMB 299.1 billion as trade-in comparisons got tougher."
NEIGHBOUR = "JD Retail's operating margin held at 5.9% in the quarter, its best level in years."
SEGMENT = "JD Retail's revenue rose 11% to RMB 250.6 billion in Q3 2025 on electronics demand."


def features_of(q, passages, resolver=RESOLVER) -> dict[str, Features]:
    pool = collect(passages)
    return {c.text: f for c, f in zip(pool, prior_features(q, pool, resolver))}


@pytest.mark.parametrize(("text", "kind"), [
    ("How much revenue did the segment post?", "figure"),
    ("What was the company's operating margin in Q2?", "figure"),
    ("How fast did cloud grow?", "figure"),
    ("When will the acquisition close?", "time"),
    ("Which quarter did cloud grow 26%?", "time"),
    ("What are the main risks?", "risk"),
    ("What did management say about pricing?", None),
    ("And when will it close?", "time"),
    ("Why was the note so negative when the customer pulled back?", None),  # "when": a conjunction here
    ("What did margins do when prices fell?", None),
])
def test_the_kind_of_answer_comes_from_the_question(text, kind):
    assert asked_for(text, text).kind == kind


def test_the_measure_is_the_questions_content_words_without_periods_or_question_words():
    wants = asked_for("What was JD Retail's revenue in Q3 2025?", "What was the company Retail's revenue in Q3 2025?")
    assert wants.measure == {"retail", "revenu"} and wants.quantities == {"revenu"}
    grow = asked_for("How fast did cloud revenue grow?", "How fast did cloud revenue grow?")
    assert grow.measure == {"cloud", "revenu", "grow"}  # "grew" and "growth" will match "grow"


@pytest.mark.parametrize(("kind", "sentence", "holds"), [
    ("figure", "Revenue rose 11% to RMB 250.6 billion.", True),
    ("figure", "Sales of the glasses more than tripled.", True),
    ("figure", "Revenue grew strongly on electronics demand.", False),
    # a year, a period's label, a day or a number in a name is no figure; an amount in any currency is
    ("figure", "Norvale trimmed its 2025 harvest guidance in Q3 and again on June 30.", False),
    ("figure", "The rival bid for the SR 400 express lanes and launched Lumix7.", False),
    ("figure", "H1 2025 order intake was CHF 5.71 billion.", True),
    ("figure", "The 12 plants were sold, and about 40 stores closed in 2024.", True),
    ("figure", "Q3 12% growth", True), ("figure", "It raised $5M.", True), ("figure", "Nearly 300 jobs were cut.", True),
    ("figure", "It costs EUR 450 per tonne.", True), ("figure", "9M 2025 revenue was in line.", False),
    ("figure", "Flat since Dec 12. Roughly 300 flew.", True),  # a sentence opening after a date the filter took out
    ("time", "Closing is unlikely before the first half of 2026.", True),
    ("time", "The line should start production by the end of the year.", True),
    ("time", "Deliveries begin in March.", True),
    ("time", "The company also announced a 10-for-1 stock split.", False),
    (None, "Anything at all.", True),
])
def test_a_sentence_holds_the_kind_asked(kind, sentence, holds):
    assert states_kind(kind, sentence) is holds


def test_a_quantity_the_sentence_replaces_with_another_gets_no_credit_from_the_passage():
    wants = asked_for("What was Retail's revenue?", "What was Retail's revenue?")
    context = stems(f"{TOTAL} {NEIGHBOUR}")
    assert measure_credit(wants, stems(NEIGHBOUR), context) == {"retail": 1.0, "revenu": 0.0}  # states a margin instead
    assert measure_credit(wants, stems("Retail posted a record RMB 250 billion."), context) == {"retail": 1.0, "revenu": 0.5}
    assert measure_credit(wants, stems(SEGMENT), context) == {"retail": 1.0, "revenu": 1.0}


def test_measure_match_prefers_the_sentence_stating_the_asked_segment():
    q = question("What was the company Retail's revenue in Q3 2025?", ["JD"], text="What was JD Retail's revenue in Q3 2025?")
    f = features_of(q, [passage(f"{TOTAL} {NEIGHBOUR} {SEGMENT}", primary_tickers=["JD"])])
    assert f[SEGMENT].measure_match == 1.0
    assert f[TOTAL].measure_match < 0.75 and f[NEIGHBOUR].measure_match < 0.75  # the total; a neighbouring measure
    assert all(0.0 <= x.measure_match <= 1.0 for x in f.values())
    assert features_of(question("what is the outlook"), [passage(TOTAL)])[TOTAL].measure_match == 0.0  # no outlook named
    assert features_of(question("what else"), [passage(TOTAL)])[TOTAL].measure_match == 1.0  # no measure asked


def test_answer_kind_fit_needs_a_time_for_when():
    dated = "JD expects the deal to close in the first half of 2026, after reviews."
    undated = "JD offered cash for the German retailer, its largest overseas deal."
    q = question("When will the deal close?")
    f = features_of(q, [passage(f"{dated} {undated}")])
    assert (f[dated].answer_kind_fit, f[undated].answer_kind_fit) == (1.0, 0.0)


def test_subject_match_tells_the_subject_from_a_neighbour_and_a_passing_mention():
    assert subject_fit(["NIO"], ["NIO"], "Vehicle margin recovered to 14.7% as costs fell.", RESOLVER) == 1.0
    assert subject_fit(["NIO"], ["NIO"], "NIO delivered a record 87,071 vehicles.", RESOLVER) == 1.0
    assert subject_fit(["NIO"], ["NIO"], "Li Auto and XPeng attack the same family-SUV segment.", RESOLVER) == 0.5
    assert subject_fit(["INTC"], ["AMD"], "Intel continues to lose desktop share to Ryzen.", RESOLVER) == 0.5
    assert subject_fit(["XPEV"], ["NIO"], "Competition is intense, with Li Auto and XPeng attacking.", RESOLVER) == 0.0
    assert subject_fit([], ["NIO"], "Anything.", RESOLVER) == 1.0  # no company asked


def test_the_features_have_weights_and_stay_in_range():
    q = question("What was the company's market share?", ["XPEV"], text="What was XPeng's market share?")
    f = features_of(q, [passage("Competition is intense, with Li Auto and XPeng attacking the same segment.", primary_tickers=["NIO"])])
    (only,) = f.values()
    assert (only.subject_match, only.answer_kind_fit) == (0.0, 0.0)
    assert {"subject_match", "measure_match", "answer_kind_fit"} <= set(FeatureWeights.model_fields)
    parts = Scorer(FeatureWeights()).contributions(only)
    assert parts["subject_match"] == 0.0 and parts["answer_kind_fit"] == 0.0


def test_answerability_names_what_a_sentence_lacks():
    base = Features(1, 1, 0, 1, 0, 0, 1, 0.5, subject_match=1.0, measure_match=1.0, answer_kind_fit=1.0)
    rule = Answerability(min_subject=1.0, min_measure=0.6, min_period=0.0)
    assert rule.misfit(Scorer(FeatureWeights()).score(None, base), "figure") is None
    changes = [({"subject_match": 0.0}, "company"), ({"measure_match": 0.5}, "measure"),
               ({"answer_kind_fit": 0.0}, "kind"), ({"period": -0.5}, "another period")]
    for change, word in changes:
        scored = Scorer(FeatureWeights()).score(None, Features(**{**base.__dict__, **change}))
        assert word in rule.misfit(scored, "figure")
    off = Answerability(0.0, 0.0, frozenset())
    lacking = {"subject_match": 0.0, "measure_match": 0.0, "answer_kind_fit": 0.0, "period": -1.0}
    assert off.misfit(Scorer(FeatureWeights()).score(None, Features(**{**base.__dict__, **lacking})), "figure") is None


def test_the_kind_of_answer_is_required_only_when_asked_and_among_the_required_kinds():
    no_time = Scorer(FeatureWeights()).score(None, Features(1, 1, 0, 1, 0, 0, 1, 0.5, answer_kind_fit=0.0))
    rule = Answerability(0.0, 0.0, frozenset({"time"}))
    assert "a time" in rule.misfit(no_time, "time")
    assert rule.misfit(no_time, "figure") is None  # figures not required by this rule
    assert rule.misfit(no_time, None) is None  # the question asks no kind of answer


STRICT = AnsweringSettings(min_subject_match=1.0, min_measure_match=0.6, required_answer_kinds=["figure", "time", "risk"])


def answerer(settings: AnsweringSettings = STRICT) -> ExtractiveAnswerer:
    return ExtractiveAnswerer(SharedWordsReranker(), resolver=RESOLVER, min_relevance=0.0, settings=settings)


def test_a_neighbouring_measure_is_not_found_and_the_trace_says_why():
    q = question("What was the company Retail's revenue in Q3 2025?", ["JD"], text="What was JD Retail's revenue in Q3 2025?")
    answer = answerer().answer(q, [passage(f"{TOTAL} {NEIGHBOUR}", primary_tickers=["JD"], about=["JD"])])
    assert not answer.found and answer.related  # "not in your notes", with the closest passages
    assert "measure" in answer.trace.gate.unanswered
    found = answerer().answer(q, [passage(f"{TOTAL} {NEIGHBOUR} {SEGMENT}", primary_tickers=["JD"], about=["JD"])])
    assert found.found and SEGMENT in [c.sentence for c in found.citations] and found.trace.gate.evidence == SEGMENT


def test_a_passing_mention_does_not_answer_for_its_company():
    q = question("What is the company's market share in SUVs?", ["XPEV"], text="What is XPeng's market share in SUVs?")
    text = "Competition in SUVs is intense, with Li Auto and XPeng gaining market share from 2025."
    answer = answerer().answer(q, [passage(text, "nio.txt", primary_tickers=["NIO"], about=["NIO", "XPEV"])])
    assert not answer.found and "subject" in answer.trace.gate.unanswered


def test_the_subject_and_measure_floors_are_off_by_default():
    q = question("How did the company's profit hold up in Q3 2025?", ["JD"], text="How did JD's profit hold up in Q3 2025?")
    answer = answerer(AnsweringSettings()).answer(q, [passage(f"{TOTAL} {NEIGHBOUR}", primary_tickers=["JD"], about=["JD"])])
    assert answer.found and answer.trace.gate.unanswered == ""
    assert not answerer().answer(q, [passage(f"{TOTAL} {NEIGHBOUR}", primary_tickers=["JD"], about=["JD"])]).found


def test_by_default_a_named_segment_a_period_and_a_time_must_be_stated():
    defaults = AnsweringSettings()
    assert (defaults.min_qualifier_match, defaults.min_period_fit, defaults.required_answer_kinds) == (1.0, 0.0, ["figure", "time"])
    q = question("What was the company Retail's revenue in Q3 2025?", ["JD"], text="What was JD Retail's revenue in Q3 2025?")
    assert not answerer(defaults).answer(q, [passage(TOTAL, primary_tickers=["JD"], about=["JD"])]).found


def test_comparison_words_are_not_the_measure_and_each_company_is_a_subject():
    """A comparison asks each company for the measure: "compare", "stack up", "higher" say how
    to answer, and a sentence about either company states its half."""
    wants = asked_for("How do Baidu and Alibaba compare on in-house AI chips?", "How do the company and the company compare on in-house AI chips?")
    assert wants.measure == {"hous", "ai", "chip"}
    assert asked_for("Whose gross margin was higher?", "Whose gross margin was higher?").measure == {"gross", "margin"}
    baidu = "Baidu designs its own Kunlun AI chips in-house for inference."
    for note, about in (("bidu.txt", ["BIDU"]), ("baba.txt", ["BABA"])):
        q = question("How do the company and the company compare on in-house AI chips?", ["BIDU", "BABA"],
                     text="How do Baidu and Alibaba compare on in-house AI chips?")
        (f,) = features_of(q, [passage(baidu, note, primary_tickers=about)]).values()
        assert f.measure_match == 1.0
        assert f.subject_match == 1.0  # about one of the asked companies (led by an asked one)


def test_a_risk_question_asks_for_its_category_not_its_name():
    """ "What are the risks to X" asks for sentences of the risk category about X: "risks" is
    not the measure; a sentence answers when it states a risk, hedge or adverse development."""
    wants = asked_for("What are the main risks to Alibaba's cloud business?", "What are the main risks to the company's cloud business?")
    assert (wants.measure, wants.kind) == ({"cloud"}, "risk")
    wrong = asked_for("What could go wrong with JD's food delivery push?", "What could go wrong with the company's food delivery push?")
    assert wrong.kind == "risk" and {"go", "wrong"}.isdisjoint(wrong.measure) and {"food", "deliv"} <= wrong.measure
    assert asked_for("What is the cloud margin?", "What is the cloud margin?").kind == "figure"  # not a category question
    assert states_kind("risk", "Price competition from Huawei Cloud could squeeze cloud margins.")
    assert states_kind("risk", "Export controls restrict access to the newest GPUs.")
    assert not states_kind("risk", "Cloud revenue grew 26% to RMB 39.8 billion on AI demand.")


def test_an_abbreviation_and_its_long_form_are_one_measure_word():
    """The glossary adds "capital expenditure" to a "capex" topic: either form states it."""
    wants = asked_for("What did they guide for capex?", "What did they guide for capex (capital expenditure)?")
    assert wants.measure == {"capex", "guid"} and wants.forms == {"capex": {"capit", "expenditur"}}
    long = "Management guided capital expenditure to about $70 billion next year."
    short = "The company raised its capex guidance to $70 billion."
    for sentence in (long, short):
        assert measure_credit(wants, stems(sentence), frozenset()) == {"capex": 1.0, "guid": 1.0}
    assert measure_credit(wants, stems("Capital returns rose."), frozenset())["capex"] == 0.0  # half the long form


def test_a_follow_up_asks_its_own_measure_or_else_the_one_it_continues():
    """A follow-up naming a quantity asks that one; one naming none ("and in the following
    quarter?") asks the previous turn's core measure and kind of answer."""
    earlier = "What was the company's auto gross margin ex regulatory credits in Q1 2025?"
    same = asked_for("And in the following quarter?", "And in the following quarter?", previous_topic=earlier)
    assert (same.measure, same.kind) == ({"auto", "gross", "margin"}, "figure")
    own = asked_for("How many cars did they deliver that quarter?", "How many cars did they deliver that quarter?",
                    previous_topic="What was the company's vehicle margin in Q3 2025?")
    assert own.measure == {"car", "deliv"} and own.kind == "figure"  # not the margin asked before
    # the gate requires only the kind a follow-up asks itself: the previous turn's is a guess
    follow = question("And in the following quarter?", previous_topic=earlier)
    assert answerer().asked_kind(follow) is None
    assert answerer().asked_kind(question("And when will it close?", previous_topic=earlier)) == "time"
    again = question(earlier, text="And Ford?", previous_topic=earlier)  # the previous question asked of another company
    assert answerer().asked_kind(again) == "figure"


def test_only_the_core_of_the_measure_must_be_in_the_sentence():
    """The asked quantity and its qualifiers must be in the sentence (half credit from the
    passage); the question's other words (its verbs: "bring in") may be in the passage."""
    wants = asked_for("How much net interest income did JPMorgan bring in?", "How much net interest income did the company bring in?")
    assert wants.quantities == {"incom"} and wants.qualifiers == {"net", "interest"}
    sentence = stems("Net interest income came in at $24.1 billion, up 3% year over year.")
    passage_words = sentence | stems("The bank brings in more from lending than trading.")
    assert measure_credit(wants, sentence, passage_words) == {"net": 1.0, "interest": 1.0, "incom": 1.0, "bring": 1.0}
    assert measure_credit(wants, sentence, sentence)["bring"] == 0.0  # nowhere in the passage
    assert measure_credit(wants, stems("Income rose 3%."), passage_words | {"net", "interest"})["net"] == 0.0  # the total


def test_a_quantity_question_is_measured_by_its_core_and_phrasing_no_note_uses_is_left_out():
    """A quantity is asked by its noun, not by a verb or adjective of the same stem; the
    quantity and its qualifiers are then the measure. Without a quantity, a word no candidate
    states ("approaching") is the question's phrasing and is left out."""
    assert asked_for("Is JPMorgan or Costco more expensive on forward earnings?", "Is it more expensive on forward earnings?").quantities == {"earn"}
    assert asked_for("And what gross margin did the car business earn?", "And what gross margin did the car business earn?").quantities == {"margin"}
    assert asked_for("Who is selling compute to OpenAI?", "Who is selling compute to OpenAI?").quantities == frozenset()
    valued = "The stock trades at about 52x forward earnings, a premium to every retail peer."
    f = features_of(question("Is the company or the company more expensive on forward earnings?"), [passage(valued)])
    assert f[valued].measure_match == 1.0  # "expensive": how the question is put
    both = "Both escalated spending on instant commerce, the 30-minute delivery of meals."
    f = features_of(question("Compare how the company and the company are approaching instant commerce."), [passage(both)])
    assert f[both].measure_match == 1.0  # "approaching": no candidate says it


def test_qualifiers_reach_past_and_and_generic_words():
    wants = asked_for("What was Tencent's fintech and business services revenue?", "What was the company's fintech and business services revenue?")
    assert wants.qualifiers == {"fintech", "servic"} and wants.quantities == {"revenu"}
    assert asked_for("What was the company's Mac revenue?", "What was the company's Mac revenue?").qualifiers == {"mac"}


def test_the_segment_an_alias_names_is_a_qualifier():
    wants = asked_for("What was AWS operating margin in Q3 2025?", "What was the company operating margin in Q3 2025?", RESOLVER)
    assert wants.quantities == {"margin"} and "aw" in wants.qualifiers  # "AWS": Amazon's segment
    spelt = asked_for("How much did JP Morgan Chase earn?", "How much did the company Chase earn?", RESOLVER)
    assert not {"jp", "morgan"} & spelt.qualifiers  # the company's name spelt another way names no segment
    rows = [replace(c, aliases=(*c.aliases, "PMI")) if c.ticker == "PM" else c for c in CompanyDirectory.load().companies.values()]
    resolver = TickerResolver(CompanyDirectory(rows))
    assert resolver.resolve("PMI 2025 adj EPS guidance range?", case_sensitive_names=False) == ["PM"]
    initialled = asked_for("PMI 2025 adj EPS guidance range?", "the company 2025 adj EPS guidance range?", resolver)
    assert "pmi" not in initialled.qualifiers  # nor by its initials


NAMED = AnsweringSettings(min_qualifier_match=1.0, required_answer_kinds=["time"], min_period_fit=0.0)


def test_qualifier_match_needs_the_asked_segment_in_the_sentence_or_its_passage():
    q = question("What was the company Retail's revenue in Q3 2025?", ["JD"], text="What was JD Retail's revenue in Q3 2025?")
    f = features_of(q, [passage(f"{TOTAL} {SEGMENT}", primary_tickers=["JD"])])
    assert (f[SEGMENT].qualifier_match, f[TOTAL].qualifier_match) == (1.0, 0.0)  # the total states revenue without Retail
    assert features_of(question("What was the revenue?"), [passage(TOTAL)])[TOTAL].qualifier_match == 1.0  # none asked


def test_a_sentence_without_a_figure_stands_in_its_whole_note_and_a_figure_in_its_own_passage():
    q = question("What are the main risks to auto margins?", text="What are the main risks to auto margins?")
    risks = "Risks are frequency normalization and rising repair severity from costlier vehicles."
    figure = "Repair severity rose 9% in the quarter on costlier parts."
    f = features_of(q, [passage("The insurer cut personal auto rates in 12 states."), passage(f"{risks} {figure}", start=400)])
    assert (f[risks].qualifier_match, f[figure].qualifier_match) == (1.0, 0.0)  # "auto" of the note's other chunk
    assert features_of(q, [passage(risks, source="b.txt"), passage("Auto rates fell.")])[risks].qualifier_match == 0.0  # another note's


@pytest.mark.parametrize(("text", "named"), [
    ("How fast did Megapack revenue grow?", {"megapack"}),
    ("What NII is the bank guiding to?", set()),  # an abbreviation the notes may spell out
    ("What did it post for revenue in the September 2026 quarter?", set()),  # a month is a period
    ("Which cloud providers design their own GPUs?", set()),
    ("How much has the export ban cost the company?", set()),  # "cost" a verb: "export ban" is its subject
])
def test_a_capitalised_word_names_a_product_unless_it_is_an_abbreviation_or_a_month(text, named):
    assert asked_for(text, text).qualifiers == named


def test_a_sentence_about_the_whole_company_does_not_answer_for_a_segment():
    q = question("What was the company Retail's revenue in Q3 2025?", ["JD"], text="What was JD Retail's revenue in Q3 2025?")
    refused = answerer(NAMED).answer(q, [passage(TOTAL, primary_tickers=["JD"], about=["JD"])])
    assert not refused.found and "segment or product" in refused.trace.gate.unanswered
    assert refused.text.endswith("the closest passages do not state the segment or product you asked about.")
    assert refused.related  # and they are listed as possibly related


def test_a_sentence_placed_in_another_period_does_not_answer():
    q = question("What was the company's revenue in 2019?", ["JD"], text="What was JD's revenue in 2019?")
    refused = answerer(NAMED).answer(q, [passage(TOTAL, primary_tickers=["JD"], about=["JD"])])
    assert not refused.found and "another period" in refused.trace.gate.unanswered
    q2025 = question("What was the company's revenue in Q3 2025?", ["JD"], text="What was JD's revenue in Q3 2025?")
    assert answerer(NAMED).answer(q2025, [passage(TOTAL, primary_tickers=["JD"], about=["JD"])]).found


def test_when_needs_a_sentence_with_a_time():
    q = question("When does the company's stock split take effect?", ["NFLX"], text="When does Netflix's stock split take effect?")
    undated = "The company also announced a 10-for-1 stock split alongside its results."
    dated = "The 10-for-1 stock split takes effect on November 17, after the close."
    refused = answerer(NAMED).answer(q, [passage(undated, primary_tickers=["NFLX"], about=["NFLX"])])
    assert not refused.found and "a time" in refused.trace.gate.unanswered
    assert refused.text == "I couldn't find this in your notes: the closest passages give no date or time for it."
    assert answerer(NAMED).answer(q, [passage(dated, primary_tickers=["NFLX"], about=["NFLX"])]).found


def test_an_answer_cites_only_sentences_that_meet_the_floors():
    q = question("What was the company Retail's revenue in Q3 2025?", ["JD"], text="What was JD Retail's revenue in Q3 2025?")
    answer = answerer(AnsweringSettings()).answer(q, [passage(f"{SEGMENT} {TOTAL}", primary_tickers=["JD"], about=["JD"])])
    assert [c.sentence for c in answer.citations] == [SEGMENT]  # not the company's total beside it
    (total,) = [s for s in answer.trace.sentences if s.sentence == TOTAL]
    assert total.dropped_by == "gate" and "segment or product" in total.reason


def test_a_comparison_asks_no_qualifier_of_every_sentence():
    azure = "Azure revenue grew 39% in the June quarter as AI demand outran capacity."
    q = question("How does the company's growth compare with the company's growth?", ["MSFT", "AMZN"],
                 text="How does Azure's growth compare with AWS growth?")
    f = features_of(q, [passage(azure, primary_tickers=["MSFT"])])
    assert f[azure].qualifier_match == 1.0  # "AWS" is Amazon's half of the question


@pytest.mark.parametrize(("question", "names"), [
    ("how much toll revenue does Velmarsh bring in?", [{"velmarsh"}]),  # the subject of a verb
    ("what share of the market does Brindle + Oake have?", [{"brindl", "oak"}]),  # names joined: one thing
    ("What price is it paying for Lakemoor Savings Bank?", [{"lakemoor"}]),  # after a preposition; its word no English one tells it apart
    ("what harvest volume is norvale guiding to?", [{"norval"}]),  # typed in lower case, no English word
    ("How fast did Lumix's revenue grow?", [{"lumix"}]),  # the possessive
    ("how many users did the Lumix\u2019s Orbit app reach?", [{"lumix"}]),  # a curly one, which ends the name
    ("How much has the China export ban cost the company?", []),  # a name only qualifying a noun
    ("how fast did visa's volume grow?", []),  # an English word
])
def test_the_names_a_question_asks_a_quantity_of(question, names):
    assert [set(n) for n in asked_for(question, question).names] == names


def test_a_name_a_note_mentions_once_is_answered_only_by_its_sentence_stating_the_quantity():
    wants = asked_for("how much toll revenue does Velmarsh bring in?", "how much toll revenue does Velmarsh bring in?")
    passing = frozenset(stems("Velmarsh, the other bidder for the express lanes, has yet to comment."))
    stating = frozenset(stems("Velmarsh's toll revenue rose 9% to $2.1 billion."))
    other = frozenset(stems("Toll revenue rose 14% to $612 million."))
    assert not states_named_quantity(wants, passing, frozenset()) and states_named_quantity(wants, stating, frozenset())
    assert not states_named_quantity(wants, other, frozenset())  # another company's toll revenue
    assert states_named_quantity(wants, other, frozenset({"velmarsh"}))  # a note discussing Velmarsh need not repeat it
    price = asked_for("What price is it paying for Lakemoor Savings Bank?", "What price is it paying for Lakemoor Savings Bank?")
    deal = frozenset(stems("It agreed to buy Lakemoor Savings Bank for $214 million in stock."))
    assert states_named_quantity(price, deal, frozenset(), figure=True) and not states_named_quantity(price, deal, frozenset())
    # a figure asked of it with no quantity named: the passing sentence must hold one
    getting = asked_for("how much is zenstar getting for its spectrum?", "how much is zenstar getting for its spectrum?")
    sale = frozenset(stems("Zenstar's decision to sell its spectrum licenses put a spotlight on spectrum values."))
    assert not states_named_quantity(getting, sale, frozenset()) and states_named_quantity(getting, sale, frozenset(), figure=True)


@pytest.mark.parametrize(("text", "kind"), [
    ("What revenue did Optum Rx generate in Q1 2026?", "figure"),  # the quantity noun after "what"
    ("What did the International segment bring in for revenue?", "figure"),
    ("What customers did it win?", None),  # "which ones", not how many
])
def test_a_quantity_asked_after_what_asks_a_figure(text, kind):
    assert asked_for(text, text).kind == kind


@pytest.mark.parametrize(("text", "named"), [
    ("What did the company's International segment bring in for revenue?", {"intern"}),
    ("how much did its wealth management business bring in?", {"wealth", "manag"}),
    ("how much did the commercial lines write in premiums?", {"commerci"}),
    ("how is the cloud business doing?", {"cloud"}),
    ("Who is running robotaxi businesses?", set()),  # no owner: any company's
    ("what is the business worth?", set()),
])
def test_the_words_between_an_owner_and_a_part_noun_name_the_asked_part_of_the_company(text, named):
    assert asked_for(text, text).parts == named


def test_the_asked_part_narrows_the_measure_only_where_the_notes_name_it():
    q = question("How much revenue did the company's retail segment bring in?", ["JD"], text="How much revenue did JD's retail segment bring in?")
    f = features_of(q, [passage(f"{TOTAL} {SEGMENT}", primary_tickers=["JD"])])
    assert (f[SEGMENT].qualifier_match, f[TOTAL].qualifier_match) == (1.0, 0.0)  # the notes name Retail
    car = question("How much revenue did the company's car business bring in?", ["JD"], text="How much revenue did JD's car business bring in?")
    assert features_of(car, [passage(TOTAL, primary_tickers=["JD"])])[TOTAL].qualifier_match == 1.0  # no note says "car"
    ads = "Global advertising revenue jumped 46%, unlike Amazon's ad business."
    ad = question("How much did their ad business grow?", ["JD"], text="How much did their ad business grow?")
    assert features_of(ad, [passage(ads, primary_tickers=["JD"])])[ads].qualifier_match == 1.0  # "ad" is "advertising"


def test_a_figure_answers_for_a_segment_only_in_a_clause_naming_it():
    wants = asked_for("What did the International segment bring in for revenue?", "What did the International segment bring in for revenue?")
    other = "Americas revenue per day rose 2%, while the International segment saw softer pricing."
    listed = "It reports three segments\u2014Propulsion, International and Aftermarket\u2014and Aftermarket revenue grew 22%."
    own = "International revenue fell 3% to $610 million, while the Americas grew."
    assert not figure_of_qualifier(other, wants.qualifiers) and not figure_of_qualifier(listed, wants.qualifiers)
    assert figure_of_qualifier(own, wants.qualifiers)
    assert figure_of_qualifier("International revenue was hurt by FX, and it fell 3% to $610 million.", wants.qualifiers)  # "it": International
    assert figure_of_qualifier("Revenue from Americas, Asia, and International rose 5%, 3% and 12% respectively.", wants.qualifiers)  # a list
    assert figure_of_qualifier("It rose 3% to $610 million.", wants.qualifiers)  # whose figure: left to its passage


def test_a_figure_of_another_quantity_does_not_answer_a_figure_question():
    wants = asked_for("How much revenue did the segment bring in?", "How much revenue did the segment bring in?")
    assert states_other_quantity(wants, stems("Order backlog reached $2.06 billion."))
    assert not states_other_quantity(wants, stems("Net sales rose 4% to $2.58 billion."))  # sales are revenue
    income = asked_for("What was JD's net income in Q3 2025?", "What was JD's net income in Q3 2025?")
    assert not states_other_quantity(income, stems("JD's net profit rose to RMB 12 billion in Q3 2025."))  # profit is income
    assert states_other_quantity(wants, stems("Earnings per share rose to $2.10."))
    assert not states_other_quantity(wants, stems("Shares rose 5% on a higher price target."))  # how put, not which
    growth = asked_for("What was cloud growth?", "What was cloud growth?")
    assert not states_other_quantity(growth, stems("Cloud revenue rose 26%."))  # growth of any quantity
    q = question("What was the company's profit in Q3 2025?", ["JD"], text="What was JD's profit in Q3 2025?")
    assert not answerer().answer(q, [passage(f"{TOTAL} {NEIGHBOUR}", primary_tickers=["JD"], about=["JD"])]).found


@pytest.mark.parametrize(("text", "kind"), [
    ("FCFS operating margin for Q2 2025?", "figure"),  # a noun phrase naming a quantity and a period
    ("acme adjusted ebitda margin q2 2025", "figure"),
    ("cloud margin", None),  # no period: how it moved may answer
    ("is acme's margin improving in 2025?", None),  # a verb opens it
    ('- "is acme\'s margin improving in 2025?"', None),  # ... whatever marks come before it
    ("Thoughts on acme's Q3 2025 margins?", None), ("Margin drivers in Q3 2025?", None),  # the quantity is a topic
    ("what % of revenue comes from digital?", "figure"),
    ("acme combined ratio q2 2025", "figure"),  # a ratio is a quantity
])
def test_a_terse_quantity_and_period_asks_a_figure(text, kind):
    assert asked_for(text, text).kind == kind


def test_how_a_quantity_is_measured_is_no_segment_a_clause_must_name():
    wants = asked_for("latin america segment operating income q2 2025", "latin america segment operating income q2 2025")
    other = "U.S. pawn segment pre-tax operating income rose to $142 million, while Latin America results were held back."
    assert not figure_of_qualifier(other, wants.qualifiers)  # the figure is the U.S. segment's


def test_another_name_of_the_asked_quantity_without_the_segment_is_the_companys_total():
    q = question("How much did the company's oncology unit contribute to sales?", ["PFE"],
                 text="How much did Pfizer's oncology unit contribute to sales?")
    total = "Pfizer reported revenue of $14.2 billion, up 6%."
    f = features_of(q, [passage(f"{total} Its oncology unit launched two drugs.", primary_tickers=["PFE"])])
    assert f[total].qualifier_match == 0.0  # revenue is sales: the total, not oncology's


@pytest.mark.parametrize(("sentence", "count"), [
    ("Xiaomi delivered 81,302 vehicles in Q2 2025.", True),
    ("Personal auto policies in force climbed 17% to 26.1 million.", True),
    ("About 40 stores closed in 2024.", True),
    ("It sells the platform at about $95 per checkout lane per month.", False),  # an amount of money
    ("It aims to use it on 30% of its projects by 2027.", False),  # a share
    ("Net leverage fell to 3.4x, and RMB 30.1 billion came from cloud.", False),
    ("It charges 450 euros per lane, 12 million yuan in all, to 30-35% of stores, its 3rd market.", False),
])
def test_a_count_is_a_number_that_is_no_amount_share_or_multiple(sentence, count):
    assert states_count(sentence) is count


@pytest.mark.parametrize(("sentence", "measure", "count"), [
    ("Its closing platform is now live in 12 states, up from six a year earlier.", "closings", False),  # where, not how many
    ("Elevator demand lags construction by 12 to 24 months.", "elevators", False),  # how long: a range of months
    ("It is rolling out the cocktail in 12 additional U.S. states.", "states", True),  # the asked noun itself
    ("It opened 12 new stores in the quarter.", "stores", True),
    ("It has 12 state-owned banks as clients.", "banks", True),  # "state-owned" describes the banks
])
def test_a_count_of_places_or_spans_of_time_counts_only_those(sentence, measure, count):
    assert states_count(sentence, stems(measure)) is count


def test_how_many_months_is_answered_by_a_count_of_months():
    wants = asked_for("how many months of backlog does it have?", "how many months of backlog does it have?")
    assert states_count("Backlog covers 14 months of revenue.", wants.counted)


def test_how_many_asks_a_count_unless_it_asks_how_many_of_or_times():
    assert asked_for("how many checkout lanes run on the platform?", "how many checkout lanes run on the platform?").count
    for text in ("how many of its stores are profitable?", "how many times did it raise guidance?", "what % of stores closed?",
                 "by how many cents did EPS beat?", "how much revenue and how many stores did it add?"):  # money; two figures asked
        assert not asked_for(text, text).count
    q = question("how many checkout lanes run on the platform?", text="how many checkout lanes run on the platform?")
    priced = "The platform sells at about $95 per checkout lane per month."
    assert features_of(q, [passage(priced)])[priced].answer_kind_fit == 0.0  # a price is no count of lanes


@pytest.mark.parametrize(("asked", "sentence", "withheld"), [
    ("How many Argus-7 orders has Vantor booked?", "Argus-7 shipped; management did not disclose Argus-7 orders or pricing.", True),
    ("What was the SeaVolt contract worth?", "SeaVolt won its first contract, though the company did not disclose its value.", True),
    ("How much revenue did Copilot make?", "Seat additions accelerated, but it again declined to disclose a revenue figure.", True),
    ("When will the plant open?", "The company gave no date for the plant opening.", True),
    ("What was revenue?", "Revenue rose 12% to $5 billion, though it did not break out cloud revenue.", False),  # a figure, then what was not
    ("What was revenue?", "The company did not give up share in the quarter.", False),  # no asked word withheld
    ("What is its market share?", "It did not give up share in grocery, holding 25% of the market.", False),  # "give up": no withholding
    ("How many orders did Acme book?", "Acme booked 40 orders but did not disclose their value.", False),  # a count first
    ("How much was the contract worth?", "It has not yet disclosed the contract value.", True),
])
def test_a_sentence_saying_the_asked_figure_was_not_disclosed_withholds_it(asked, sentence, withheld):
    assert withholds_asked(sentence, asked_for(asked, asked).measure) is withheld


def test_a_word_after_the_company_that_its_notes_write_as_one_name_is_the_product_asked():
    q = question("how many pets are enrolled in flex?", ["TRUP"], text="how many pets are enrolled in trupanion flex?", spans=[(30, 39, "TRUP")])
    total = "Trupanion reported enrolled pets up 3% to roughly 1.05 million."
    product = "Trupanion Flex pairs a higher deductible with lower premiums."
    notes = [passage(total, primary_tickers=["TRUP"]), passage(product, "b.txt", primary_tickers=["TRUP"])]
    assert features_of(q, notes)[total].qualifier_match == 0.0  # the company's total, not Trupanion Flex's
    plain = question("how many pets are enrolled?", ["TRUP"], text="how many pets are enrolled at trupanion?", spans=[(30, 39, "TRUP")])
    assert features_of(plain, notes)[total].qualifier_match == 1.0


def test_a_ratio_asked_of_a_quantity_is_not_given_by_that_quantity_alone():
    q = question("adjusted EBITDA margin in Q2?", ["TNL"])
    amount = "Adjusted EBITDA was $248 million in Q2."
    ratio = "The adjusted EBITDA margin widened to 22% in Q2."
    another = "Adjusted operating margin expanded 80 basis points to 29.6% in Q2."
    f = features_of(q, [passage(f"{amount} {ratio} {another}", primary_tickers=["TNL"])])
    assert (f[amount].answer_kind_fit, f[ratio].answer_kind_fit, f[another].answer_kind_fit) == (0.0, 1.0, 0.0)
    assert asked_for("operating margin in Q2?", "operating margin in Q2?").ratio == frozenset()  # "operating" is no quantity
    sales = question("what was the sales margin in Q2?", ["TNL"])
    stated = "The sales margin was 12% in Q2."
    assert features_of(sales, [passage(stated, primary_tickers=["TNL"])])[stated].answer_kind_fit == 1.0  # "sales" and "sell" are one word


@pytest.mark.parametrize(("sentence", "targets"), [
    ("Management reiterated its target for the app to account for 20% of total sales within three years.", True),
    ("It reiterated its goal of growing biologicals to roughly $1 billion in sales by 2029.", True),
    ("Revenue is $5 billion today, while management targets $8 billion by 2027.", False),  # a figure for now, then a target
    ("Subscription revenue accounted for 76% of total wash sales.", False),
    ("Versus its target of 20%, the app already accounts for 15% of sales.", False),  # the 15% follows no target word
])
def test_a_sentence_whose_every_figure_follows_a_target_word_states_only_targets(sentence, targets):
    assert states_only_targets(sentence) is targets


def test_a_target_does_not_say_how_things_stand_so_far():
    target = "Management reiterated its target for the app to account for 20% of total sales within three years."
    asked = {text: features_of(question(text, ["POOL"]), [passage(target, primary_tickers=["POOL"])])[target].answer_kind_fit
             for text in ("what % of sales currently goes through the app?", "what share of sales is the app targeted to reach?",
                          "what is the app's sales target right now?")}
    assert list(asked.values()) == [0.0, 1.0, 1.0]  # a target asked "right now" is answered by the target


def test_a_when_answer_is_a_time_said_of_the_asked_event():
    q = question("when does the company expect to close the sale-leaseback of its centers?", ["PFHL"])
    other = "The company refinanced its term loan, extending the maturity to 2031."
    event = "It expects to close the sale-leaseback of its centers in the first quarter of 2026."
    f = features_of(q, [passage(other, primary_tickers=["PFHL"]), passage(event, "b.txt", primary_tickers=["PFHL"])])
    assert (f[other].answer_kind_fit, f[event].answer_kind_fit) == (0.0, 1.0)  # another event's time


@pytest.mark.parametrize(("sentence", "total"), [
    ("Topgolf Callaway launched its Elyte driver family at $599 for the 2025 season.", False),
    ("It leads with a 65-gallon model at a list price of about $1,900.", False),
    ("The app is priced at $14 per student.", False),
    ("Elyte sales reached 5,000 units in the quarter.", True),  # a count of a thousand or more
    ("Revenue rose 12% to $4.5 million.", True), ("Revenue was $12,500 in its first month.", True),
    ("Revenue was 1.2 billion yuan.", True),
    ("Rounds cost $1.5\u20132.5 each.", False), ("Bays rent for $1,500\u20132,000 a year.", False),  # ranges of prices
    ("Total revenue was $850MM.", True), ("Revenue ($m): $850", True), ("Revenue reached $1.2T.", True),
    ("Revenue rose to \u20b91,200 cr.", True), ("It sells at $599 to thousands of golfers.", False),
])
def test_a_price_is_no_total_of_money(sentence, total):
    assert states_total(sentence) is total


def test_a_total_of_money_asked_is_not_answered_by_a_price():
    q = question("how much revenue has the Elyte driver generated so far?", ["MODG"])
    priced = "Topgolf Callaway launched its Elyte driver family at $599 for the 2025 season."
    f = features_of(q, [passage(priced, primary_tickers=["MODG"])])
    assert f[priced].answer_kind_fit == 0.0
    assert asked_for("how much revenue", "how much revenue").total
    assert not asked_for("what was revenue per available room?", "what was revenue per available room?").total  # a price may answer
    for per_unit in ("what were sales/sq ft?", "how much revenue does each store generate?"):
        assert not asked_for(per_unit, per_unit).total
    assert asked_for("how much revenue did the cloud unit bring in?", "how much revenue did the cloud unit bring in?").total
    assert asked_for("the fish fillet range - how much has it sold?", "the fish fillet range - how much has it sold?").total  # by the verb


@pytest.mark.parametrize(("text", "codes"), [
    ("how much revenue has precision7 generated so far?", {"precision7"}), ("how many copies has NBA 2K26 sold?", {"2k26"}),
    ("What is 2025E revenue?", set()), ("q3 fy25 revenue?", set()), ("CY24 capex?", set()), ("10y revenue growth?", set()),
])
def test_a_code_of_letters_and_digits_names_a_product_the_sentence_must_state(text, codes):
    assert asked_for(text, text).qualifiers == frozenset(codes)


def test_a_follow_up_keeps_the_code_it_continues():
    assert "a350" in asked_for("and in Q4?", "and in Q4?", previous_topic="what were a350 deliveries?").qualifiers


def test_an_abbreviation_whose_long_form_names_a_quantity_asks_that_quantity():
    wants = asked_for("What was the free cash flow in Q1 2026?", "What was the free cash flow in Q1 2026?")
    assert wants.kind == "figure" and wants.quantities == frozenset({"fcf"})
    q = question("What was the free cash flow in Q1 2026?", ["XOM"])
    operating = "Cash flow from operations was $12.4 billion in Q1 2026."
    free = "Free cash flow was $7.1 billion in Q1 2026."
    f = features_of(q, [passage(operating, primary_tickers=["XOM"]), passage(free, "b.txt", primary_tickers=["XOM"])])
    assert (f[operating].measure_match, f[operating].answer_kind_fit) == (0.0, 0.0)  # another cash flow
    assert (f[free].measure_match, f[free].answer_kind_fit) == (1.0, 1.0)


def test_a_name_opening_a_terse_question_is_what_a_quantity_is_asked_of():
    assert asked_for("greenbrier current backlog?", "greenbrier current backlog?").names == (frozenset({"greenbrier"}),)
    assert asked_for("Greenbrier current backlog?", "Greenbrier current backlog?").names == (frozenset({"greenbrier"}),)
    assert asked_for("Revenue for cloud?", "Revenue for cloud?").names == ()  # an English word opening it
    assert asked_for("Fcf in Q3 2025?", "Fcf in Q3 2025?").names == ()  # an abbreviation, capitalised as the first word


@pytest.mark.parametrize(("text", "qualifiers"), [
    ("revenue from the pfas panel so far?", {"pfas", "panel"}),
    ("revenue from the the company pfas panel so far?", {"pfas", "panel"}),  # the asked company stands as "the company"
    ("what % of revenue comes from digital billboards?", {"digit", "billboard"}),
    ("how much revenue did the segment bring in?", set()),
    ("revenue from continuing operations in Q3 2025?", set()), ("fy26 guidance from the investor day?", set()),  # how reported; an event
    ("premium segment revenue in Q3 2025?", {"premium", "segment"}),  # "premium" is a tier: only "premiums" are a quantity
])
def test_what_a_quantity_comes_from_narrows_it(text, qualifiers):
    assert asked_for(text, text).qualifiers == frozenset(qualifiers)


def test_a_terse_quantity_asked_so_far_asks_a_figure():
    assert asked_for("revenue from the pfas panel so far?", "revenue from the pfas panel so far?").kind == "figure"
    assert asked_for("auto receivables?", "auto receivables?").kind is None  # no period, nothing "so far": how it moved may answer
    assert asked_for("cloud growth already slowing?", "cloud growth already slowing?").kind is None  # how it moves
