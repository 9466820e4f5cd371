"""QueryRouter: which companies a question is about, its topic, its intent, and what a
follow-up carries over from earlier turns. Fast: the real alias table, no model."""

from __future__ import annotations

import pytest

ALIBABA_CLOUD = "What are Alibaba's cloud risks?"


def conversation(*user_turns: str) -> list[dict]:
    """Gradio-style messages: each user turn followed by an assistant reply naming no company."""
    messages = []
    for text in user_turns:
        messages += [{"role": "user", "content": text}, {"role": "assistant", "content": "Here is what your notes say. [1]"}]
    return messages


@pytest.mark.parametrize(
    "question",
    [
        ALIBABA_CLOUD,
        "how is alibaba doing?",
        "Is $BABA cheap here?",
        "What happened to BABA this quarter?",
        "Alibaba Group (NYSE: BABA) guidance?",
        "How did Taobao merchants react?",
    ],
)
def test_names_and_symbols_route_to_the_canonical_ticker(router, question):
    routed = router.route(question)
    assert routed.tickers == ["BABA"]
    assert routed.inherited == []


def test_company_mentions_are_taken_out_of_the_topic(router):
    routed = router.route(ALIBABA_CLOUD)
    assert "alibaba" not in routed.topic.lower() and "cloud risks" in routed.topic
    assert routed.search_text == ALIBABA_CLOUD


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Compare how Alibaba and JD.com approach instant commerce.", ["BABA", "JD"]),
        ("Compare how JD.com and Alibaba approach instant commerce.", ["JD", "BABA"]),
        ("How does $AMD's MI355X stack up against Nvidia's Blackwell?", ["AMD", "NVDA"]),
    ],
)
def test_two_companies_route_to_both_in_order_of_mention(router, question, expected):
    assert router.route(question).tickers == expected


@pytest.mark.parametrize("question", ["", "Which companies face export controls?", "What is a price war?"])
def test_questions_naming_no_company_have_no_tickers(router, question):
    routed = router.route(question)
    assert routed.tickers == [] and routed.inherited == []


@pytest.mark.parametrize(("explicit", "expected"), [(["NVDA"], ["NVDA"]), (["nvda"], ["NVDA"]), (["0700.HK"], ["TCEHY"])])
def test_explicit_tickers_override_detection_and_are_canonical(router, explicit, expected):
    routed = router.route(ALIBABA_CLOUD, tickers=explicit)
    assert routed.tickers == expected
    assert "cloud risks" in routed.topic  # the topic is still the question's


def test_explicit_tickers_override_inheritance(router):
    assert router.route("and what about its margins?", conversation(ALIBABA_CLOUD), ["JD"]).tickers == ["JD"]


def test_follow_up_inherits_the_tickers_of_the_previous_question(router):
    routed = router.route("and what about its margins?", conversation(ALIBABA_CLOUD))
    assert routed.tickers == ["BABA"]
    assert "tickers" in routed.inherited
    assert "margins" in routed.topic


def test_follow_up_inherits_from_the_latest_user_turn_naming_a_company(router):
    history = conversation("How fast is Nvidia growing?", ALIBABA_CLOUD, "thanks, and the capex?")
    assert router.route("and its margins?", history).tickers == ["BABA"]


def test_companies_named_only_by_the_assistant_are_not_inherited(router):
    history = [
        {"role": "user", "content": ALIBABA_CLOUD},
        {"role": "assistant", "content": "Export controls cut Alibaba off from Nvidia and AMD chips. [1]"},
    ]
    assert router.route("and its margins?", history).tickers == ["BABA"]


def test_non_text_messages_in_the_history_are_skipped(router):
    history = [{"role": "user", "content": {"path": "chart.png"}}, *conversation(ALIBABA_CLOUD)]
    history.append({"role": "user", "content": [{"type": "image"}]})
    assert router.route("and its margins?", history).tickers == ["BABA"]


@pytest.mark.parametrize("question", ["which companies face export controls?", "Who is absorbing tariff costs?"])
def test_cross_company_question_does_not_inherit_the_company(router, question):
    routed = router.route(question, conversation(ALIBABA_CLOUD))
    assert routed.tickers == []
    assert "tickers" not in routed.inherited


def test_new_company_without_a_topic_inherits_the_previous_topic(router):
    routed = router.route("what about JD?", conversation("what are Alibaba's cloud risks?"))
    assert routed.tickers == ["JD"]
    assert "cloud" in routed.search_text and "cloud" in routed.topic
    assert "topic" in routed.inherited and "tickers" not in routed.inherited
    assert "alibaba" not in routed.search_text.lower()  # the old company must not steer retrieval


def test_new_company_with_its_own_topic_keeps_it(router):
    routed = router.route("What is JD's logistics revenue?", conversation(ALIBABA_CLOUD))
    assert routed.tickers == ["JD"]
    assert routed.inherited == [] and "cloud" not in routed.search_text


def test_follow_up_about_its_market_share_inherits_the_company(router):
    assert router.route("and what about its market share?", conversation(ALIBABA_CLOUD)).tickers == ["BABA"]


@pytest.mark.parametrize(
    "question",
    [
        "What's the sentiment on Tesla in my notes?",
        "Are my notes bullish or bearish on NIO?",
        "Is the tone on PDD in my notes positive or negative?",
        "How do my notes feel about NIO?",
        "how are the notes feeling about NIO?",
        "how is nio stock viewed",
        "count of positive taiwan semiconductor manufacturing notes?",  # a long name counts as one word
        "nio score please", "pls nio score", "nio score?? thanks",  # courtesy words ask nothing
    ],
)
def test_sentiment_questions_have_sentiment_intent(router, question):
    routed = router.route(question)
    assert routed.intent == "sentiment" and len(routed.tickers) == 1


@pytest.mark.parametrize("question", [ALIBABA_CLOUD, "How many cars did NIO deliver in Q3?", "Who is running robotaxi services?"])
def test_factual_questions_have_facts_intent(router, question):
    assert router.route(question).intent == "facts"


def test_sentiment_follow_up_inherits_the_company(router):
    routed = router.route("and what's the overall sentiment?", conversation(ALIBABA_CLOUD))
    assert (routed.intent, routed.tickers) == ("sentiment", ["BABA"])


@pytest.mark.parametrize(
    ("question", "across"),
    [("Which companies face export controls?", True), ("Who is selling compute to OpenAI?", True),
     ("What are Alibaba's cloud risks?", False), ("Which Nvidia products are restricted?", False)],
)
def test_questions_naming_no_company_and_asking_across_them_are_marked(router, question, across):
    assert router.route(question).across_companies is across


@pytest.mark.parametrize("question", ["which notes talk about share buybacks?", "anything in my notes on weather hurting results?"])
def test_a_theme_asked_of_the_notes_is_asked_across_them_and_searched_by_its_theme(router, question):
    routed = router.route(question, conversation(ALIBABA_CLOUD))
    assert routed.across_companies and not routed.tickers
    assert "notes" not in routed.search_text and "notes" not in routed.topic  # retrieval reads the theme, not the framing


@pytest.mark.parametrize("question", ["which notes say that?", "which notes back that up?", "which note said the margin fell?"])
def test_which_notes_say_what_was_just_answered_continues_the_conversation(router, question):
    routed = router.route(question, conversation(ALIBABA_CLOUD))
    assert routed.tickers == ["BABA"] and not routed.across_companies


def test_follow_up_about_the_following_quarter_moves_the_earlier_quarter(router):
    routed = router.route("And in the following quarter?", conversation("What was Tesla's auto gross margin in Q4 2025?"))
    assert routed.tickers == ["TSLA"]
    assert "Q1 2026" in routed.search_text and "Q4" not in routed.search_text
    assert routed.text == "What was Tesla's auto gross margin in Q1 2026?"  # the last question, restated for that quarter


def test_follow_up_that_moves_the_quarter_does_not_stay_with_the_quoted_notes(router):
    history = [
        {"role": "user", "content": "What was Tesla's auto gross margin in Q1 2025?"},
        {"role": "assistant", "content": "Margin fell to 12.5%. [1]"},
    ]
    assert router.route("And in the following quarter?", history).previous_answer == ""
    assert router.route("and what drove it?", history).previous_answer == "Margin fell to 12.5%. [1]"


@pytest.mark.parametrize("follow_up", ["and q4 alone?", "and Q4 standalone?"])
def test_a_follow_up_narrowing_the_period_restates_the_last_question_for_it(router, follow_up):
    routed = router.route(follow_up, conversation("What was Tesla's auto gross margin in fiscal 2025?"))
    assert routed.tickers == ["TSLA"] and routed.inherited == ["tickers", "topic"]
    assert "q4" in routed.text.lower() and "gross margin" in routed.text


@pytest.mark.parametrize(("question", "only_risks"), [
    ("tesla downside risks from the q2 print", True),  # which risks, and which note: nothing else at risk
    ("key risks for tesla in 2025", True),
    ("key risks for tesla", False),  # no note or period for the cross-encoder to misread: read as asked
    ("What are Tesla's margin risks in Q2?", False),  # its margins are what is at risk
    ("what are the risks to tesla's robotaxi launch?", False),
])
def test_a_question_asking_only_a_companys_risks_is_read_as_asking_them(router, question, only_risks):
    routed = router.route(question)
    assert routed.asks_only_risks is only_risks and routed.topic.endswith("(risks)") is only_risks


@pytest.mark.parametrize(("question", "asks"), [
    ("which notes back that up?", True), ("what's the source for that?", True), ("where does that come from?", True),
    ("ok, which note says so?", True), ("sources?", True),
    ("which notes talk about share buybacks?", False), ("what is the source of Tesla's margin decline?", False),
])
def test_a_question_asking_where_the_last_answer_came_from_is_marked(router, question, asks):
    assert router.route(question, conversation(ALIBABA_CLOUD)).asks_sources is asks
