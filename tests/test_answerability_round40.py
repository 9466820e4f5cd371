"""Round 40: a name the question asks about that no ticker resolves restricts what may answer,
also when it is typed in lower case and made of English words ("caesars entertainment's net
leverage"), and also when the question asks no quantity of it; the rest of a company's name,
misspelt or shortened, is its name, not a segment; a capitalised English word names a product
only if the notes write it so."""

import pytest

from ingest.words import stems
from answering_helpers import passage, question
from ingest import CompanyDirectory, TickerResolver
from ingest.tickers import Company, initials, types_word
from ragbot.answering.answerability import (
    asked_for, capitals_of, segment_words, states_count, states_named_quantity, with_products_named,
)
from ragbot.answering.candidates import collect
from ragbot.answering.features import prior_features
from ragbot.glossary import expand, reads_as_shorthand
from ragbot.routing import QueryRouter, theme_of

PASSING = "Separately, Caesars Entertainment said its regional casino EBITDA fell 3% in the first quarter of 2025."
OTHER = "Net leverage stood at 2.4x adjusted EBITDA, and management guided third-quarter net sales of $410 million."


def test_words_the_sentences_write_only_capitalised_inside_a_sentence_are_names():
    assert capitals_of([PASSING, OTHER]).names == {"caesar", "entertain"}


@pytest.mark.parametrize("sentences", [
    ["Sales at the Retail segment grew 4%.", "Online and retail sales fell."],  # also written in lower case: a word
    ["Revenue rose 5% in the quarter."],  # a sentence's first word, capitalised as such
    ["Adjusted EBITDA rose 5%."],  # an abbreviation in capitals
])
def test_words_written_in_lower_case_or_first_or_in_capitals_are_no_names(sentences):
    assert not capitals_of(sentences).names & {"retail", "revenu", "ebitda"}


def test_a_name_typed_in_lower_case_is_one_when_the_notes_write_it_as_one():
    question = "what's caesars entertainment's net leverage?"
    assert asked_for(question, question).names == ()  # English words: nothing in the question says they name a company
    named = asked_for(question, question, capitals=capitals_of([PASSING, OTHER]))
    assert [set(n) for n in named.names] == [{"caesar"}]  # (the word of it no English one tells it apart)
    assert "leverag" in named.quantities  # "net leverage" is a quantity asked


def test_another_companys_figure_does_not_answer_for_a_name_and_its_passing_sentence_needs_the_quantity():
    question = "what's caesars entertainment's net leverage?"
    wants = asked_for(question, question, capitals=capitals_of([PASSING, OTHER]))
    assert not states_named_quantity(wants, frozenset(stems(OTHER)), frozenset())  # no word of the name
    assert not states_named_quantity(wants, frozenset(stems(PASSING)), frozenset())  # names it, states no leverage


def test_turnover_is_a_quantity_asked():
    question = "what was Tabcorp's wagering turnover in FY2025?"
    wants = asked_for(question, question)
    assert wants.kind == "figure" and "turnov" in wants.quantities


def test_a_name_asked_no_quantity_of_by_a_question_naming_no_known_company_is_answered_by_its_sentence_or_note():
    wants = asked_for("What risks does Velmarsh face?", "What risks does Velmarsh face?")
    other, own = frozenset(stems("Risks include higher tolls and weaker traffic.")), frozenset(stems("Velmarsh faces higher tolls."))
    assert not states_named_quantity(wants, other, frozenset(), unknown_subject=True)
    assert states_named_quantity(wants, own, frozenset(), unknown_subject=True)
    assert states_named_quantity(wants, other, frozenset({"velmarsh"}), unknown_subject=True)  # its note discusses it


RESOLVER = TickerResolver(CompanyDirectory.load())


@pytest.mark.parametrize(("typed", "word", "types"), [
    ("edu", "Education", True),  # shortened
    ("intl", "International", True),  # abbreviated by its letters
    ("vally", "Valley", True), ("carribean", "Caribbean", True),  # misspelt
    ("revenue", "Resources", False), ("sales", "Systems", False), ("eps", "Energy", False), ("growth", "Group", False),
    ("store", "Storage", False), ("deal", "Dental", False), ("holds", "Holdings", False),  # English words are themselves
])
def test_a_word_types_a_name_word_shortened_abbreviated_or_misspelt(typed, word, types):
    assert types_word(typed, word) is types


@pytest.mark.parametrize("typed", ["philip morris intl", "philip morris internatonal"])
def test_the_rest_of_a_name_shortened_or_misspelt_is_part_of_the_mention(typed):
    text = f"what did {typed} say about zyn volumes?"
    (mention,) = RESOLVER.mentions(text, case_sensitive_names=False)
    assert mention.ticker == "PM" and text[mention.start:mention.end] == typed


def test_a_short_form_of_the_companys_name_is_no_segment():
    assert segment_words("how much did amex pay delta in q3", RESOLVER) == ""
    assert segment_words("How fast is AWS growing?", RESOLVER) == "aw"  # a segment an alias names (stemmed)


def test_avg_is_the_average_the_notes_write():
    topic = expand("the company domestic avg ticket price q2 25?")
    wants = asked_for("cinemark domestic avg ticket price q2 25?", topic)
    assert wants.forms["avg"] == {"averag"}


def test_a_capitalised_english_word_names_a_product_only_if_the_notes_write_it_so():
    question = "Caterpillar's Q3 2026 EPS vs. the Street - what did it print?"
    topic = "the company's Q3 2026 EPS vs. the Street - what did it print?"
    consensus = capitals_of(["Adjusted EPS of $5.12 beat the consensus estimate of $4.80."])
    assert "street" in asked_for(question, topic).qualifiers  # nothing known of the notes: as typed
    assert "street" not in asked_for(question, topic, capitals=consensus).qualifiers
    megapack = "What did Megapack deployments reach?"
    assert "megapack" in asked_for(megapack, megapack, capitals=consensus).qualifiers  # no English word: a name


@pytest.mark.parametrize(("question", "qualifiers", "names"), [
    ("main risks to lottery corp's turnover?", {"lotteri"}, []),  # a legal form is no segment of the measure
    ("per the 10-k, the company lease fleet utilization at year-end 2024", set(), []),  # "per" opens no name
])
def test_legal_forms_and_function_words_name_nothing(question, qualifiers, names):
    wants = asked_for(question, question)
    assert wants.qualifiers == qualifiers and [set(n) for n in wants.names] == names


def test_a_misspelt_word_of_the_companys_name_is_no_segment():
    assert segment_words("what did philip morris internatonal say about zyn?", RESOLVER) == ""


def test_capitals_past_a_sentences_first_word_count_where_a_sentence_opens_with_a_name():
    capitals = capitals_of(["More Personal Computing was a mixed bag, with Windows OEM steady."])
    assert {"person", "comput", "window", "more"} <= capitals.inside  # ("More", a space before "Personal": the name's)
    question = "What revenue did Microsoft's More Personal Computing segment post?"
    topic = "What revenue did the company's More Personal Computing segment post?"
    assert {"person", "comput"} <= asked_for(question, topic, capitals=capitals).qualifiers


@pytest.mark.parametrize(("topic", "quantities", "qualifiers"), [
    ("the company fq3 rev and adj ebitda margin?", {"rev", "ebitda", "margin"}, {"adj"}),  # two measures: "rev" qualifies no margin
    ("the company q2 eps and npw growth", {"ep", "npw", "grow"}, set()),
    ("what could go wrong for rev group from here", set(), set()),  # no period or measure beside it: a name, not revenue
])
def test_desk_shorthand_for_quantities_asks_them_and_ends_a_qualifier(topic, quantities, qualifiers):
    wants = asked_for(topic, expand(topic))
    assert quantities <= wants.quantities and not (wants.quantities - quantities - {"nwp"}) and wants.qualifiers == qualifiers


def test_a_decimal_without_a_scale_is_no_count():
    assert not states_count("It launched the HydraCore 65, a 65-gallon heater priced at $2,199, with an energy factor of 4.1.")
    assert states_count("It wrote 26.1 million policies.") and states_count("It shipped 81,302 vehicles.")


def test_a_held_symbol_that_is_a_word_names_its_company_where_the_question_puts_its_subject():
    resolver = TickerResolver(CompanyDirectory.load())
    resolver.learn([Company("LUCK", "Lucky Strike Entertainment", ("Lucky Strike Entertainment",), (), False)], {"LUCK"}, words={"luck"})
    for text in ("luck fq4 operating income", "what's luck's fq4 revenue?", "luck q2 2025 revenue"):
        assert resolver.resolve(text, case_sensitive_names=False) == ["LUCK"], text
    for text in ("any luck with the q2 numbers?", "how much did luck play a part in 2025?"):
        assert resolver.resolve(text, case_sensitive_names=False) == [], text
    resolver.learn([Company("ALL", "Allstate", ("Allstate",), (), False)], {"ALL"}, words={"all"})
    assert resolver.resolve("all 2025 notes with a negative score", case_sensitive_names=False) == []  # a function word


def test_a_theme_asked_across_the_coverage_is_narrowed_by_no_qualifier():
    text = "who in our coverage is exposed to housing turnover, i.e. existing home sales and mortgage rates?"
    sentence = "Existing-home sales ran at a 4.01 million annual rate while the average 30-year mortgage rate eased to 6.35%."
    pool = collect([passage(sentence, primary_tickers=["ITIC"])])
    across = question(text, across_companies=True)
    assert [f.qualifier_match for f in prior_features(across, pool, RESOLVER)] == [1.0]
    assert [f.qualifier_match for f in prior_features(question(text), pool, RESOLVER)] != [1.0]  # one company's: narrowed


def test_a_name_joining_two_words_in_capitals_has_initials_for_each():
    assert initials("National CineMedia") == "NCM" and initials("Packaging Corporation of America") == "PCA"
    assert initials("McKesson Corporation") == "MC" and initials("PayPal Holdings") == "PH"  # a prefix or short word is no word


@pytest.mark.parametrize("text", ["What's the bear case on Alibaba right now?", "what could go wrong for alibaba from here"])
def test_a_question_asking_only_risks_in_other_words_is_read_as_asking_the_risks(text):
    routed = QueryRouter(RESOLVER).route(text)
    assert routed.asks_only_risks and theme_of(routed.topic, False, routed.asks_only_risks) == "What are the risks for the company?"


def test_a_number_spelt_out_right_before_what_the_question_counts_is_a_count():
    practices = asked_for("how many new practices did they open?", "how many new practices did they open?").counted
    assert states_count("The group opened four new veterinary practices in the UK and raised its dividend to 8.5p.", practices)
    beds = asked_for("how many climatecool beds has it sold?", "how many climatecool beds has it sold?").counted
    assert not states_count("It will cut its bed lineup from five series to three.", beds)  # spelt out, of something else
    stores = asked_for("how many new stores did it open?", "how many new stores did it open?").counted
    assert not states_count("The company named two new directors to its board.", stores)  # "new" says which, not what
    assert not states_count("Its platform is live in 12 states, up from six a year earlier.")  # places; "six a year" counts nothing
    assert not states_count("At $95 per lane, a typical store with a dozen lanes would generate $13,700 a year.")  # no count given


def test_a_product_named_after_its_company_in_several_words_asks_each_of_them():
    wants = asked_for("how much revenue has ncm reach exchange brought in?", "how much revenue has the company reach exchange brought in?")
    notes = ["National CineMedia launched NCM Reach Exchange, a programmatic marketplace for its preshow inventory."]
    narrowed = with_products_named(wants, "how much revenue has ncm reach exchange brought in?", [(21, 24, "NCMI")], notes)
    assert {"reach", "exchang"} <= narrowed.qualifiers  # "Adjusted OIBDA reached $9.8 million" states neither


def test_an_english_word_after_a_companys_name_is_not_taken_into_it():
    resolver = TickerResolver(CompanyDirectory.load())
    resolver.learn([Company("EXR", "Extra Space Storage", ("Extra Space Storage", "Extra Space"), (), False)], {"EXR"})
    (mention,) = resolver.mentions("what is extra space store count?", case_sensitive_names=False)
    assert "what is extra space store count?"[mention.start:mention.end] == "extra space"


def test_a_named_thing_beside_a_known_company_asking_no_quantity_only_qualifies():
    wants = asked_for("is chinese competition a risk for acme?", "is chinese competition a risk for the company?")
    rivals = frozenset(stems("Competition from China-based rivals intensified, a key risk."))
    assert states_named_quantity(wants, rivals, frozenset())  # the company is known: "chinese" does not gate
    assert not states_named_quantity(wants, rivals, frozenset(), unknown_subject=True)


@pytest.mark.parametrize(("term", "text", "reads"), [
    ("rev", "the company fq3 rev and adj ebitda margin?", True), ("rev", "ncm q2 total rev + adjusted oibda", True),
    ("rev", "how did rev group do in q3?", False), ("rev", "rev group and blue bird?", False),  # a name: the period is not beside it
    ("comps", "comps: sleep number vs national vision, latest qtr", True), ("comps", "which comps trade at 12x?", False),
])
def test_desk_shorthand_is_read_so_only_with_what_says_which(term, text, reads):
    assert reads_as_shorthand(term, text) is reads


@pytest.mark.parametrize("question", ["tesla robotaxi timeline?", "what's the timing of the buyback?"])
def test_a_timeline_or_timing_asks_a_time(question):
    assert asked_for(question, question).kind == "time"
