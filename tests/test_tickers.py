"""Resolving company names and symbols to canonical tickers, without false positives."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import make_settings

from ingest import CompanyDirectory, TickerResolver, learn_companies
from ingest.tickers import Company, abbreviates, acronyms, declared_companies, lower_words, with_later_names
from ragbot import Ragbot
from vectorstore.embeddings import bundled_words


@pytest.fixture(scope="module")
def resolver() -> TickerResolver:
    return TickerResolver(CompanyDirectory.load())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alibaba reported results.", ["BABA"]),
        ("Alibaba's cloud grew.", ["BABA"]),
        ("Alibaba\u2019s cloud grew.", ["BABA"]),
        ("Tencent Music lost subscribers.", ["TME"]),
        ("Tencent raised prices.", ["TCEHY"]),
        ("Tencent Music Entertainment and Tencent both reported.", ["TME", "TCEHY"]),
        ("JD.com posted revenue growth.", ["JD"]),
        ("Taobao and Tmall merchants", ["BABA"]),
    ],
)
def test_company_names_resolve_with_longest_name_winning(resolver, text, expected):
    assert resolver.resolve(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of BABA rose.", ["BABA"]),
        ("We like $BABA here.", ["BABA"]),
        ("lowercase $baba still counts", ["BABA"]),
        ("Alibaba Group (NYSE: BABA) fell.", ["BABA"]),
        ("NASDAQ:NVDA closed higher.", ["NVDA"]),
        ("Tencent's Hong Kong line 0700.HK rose.", ["TCEHY"]),
        ("The Hong Kong listing 9988.HK trades at a discount.", ["BABA"]),
        ("9618.hk and 9888.HK", ["JD", "BIDU"]),
    ],
)
def test_symbols_resolve_to_canonical_tickers(resolver, text, expected):
    assert resolver.resolve(text) == expected


def test_tickers_come_in_order_of_first_mention_without_repeats(resolver):
    text = "Nvidia beat. Alibaba's cloud and $NVDA chips; Alibaba again, then JD.com and NVDA."
    assert resolver.resolve(text) == ["NVDA", "BABA", "JD"]


def test_mentions_give_spans_of_the_names(resolver):
    text = "Analysts said Alibaba's margins and JD.com's lagged."
    assert [(text[m.start : m.end], m.ticker) for m in resolver.mentions(text)] == [
        ("Alibaba's", "BABA"),
        ("JD.com's", "JD"),
    ]



@pytest.mark.parametrize(("text", "after"), [("What about Ford Motor Co.?", "?"), ("Ford, Inc: notes?", ": notes?"), ("Dow Ford Corp is", " is"), ("Ford Co-founder", " Co-founder"), ("Ford Motor Works note", " note"), ("Ford International - score?", " - score?")])
def test_a_legal_form_after_a_name_is_part_of_the_mention(resolver, text, after):
    assert text[resolver.mentions(text, case_sensitive_names=False)[-1].end:] == after


@pytest.mark.parametrize(
    "text",
    [
        "AI demand is strong and IT budgets are ON track; NOW is the time to buy.",
        "Target price raised to $120 on better margins.",
        "an apple a day, a meta analysis, a block of shares, the target market, a visa queue",
        "GDP, CEO, CFO, YOY, EPS, USD and RMB figures",
        "Revenue was up 12% (ex-FX) in Q3 FY25.",
    ],
)
def test_common_words_are_not_companies(resolver, text):
    assert resolver.resolve(text) == []


def test_questions_resolve_names_in_any_case(resolver):
    question = "what did alibaba and tencent music say about jd.com?"
    assert resolver.resolve(question) == []
    assert resolver.resolve(question, case_sensitive_names=False) == ["BABA", "TME", "JD"]


def test_questions_in_lower_case_still_skip_ambiguous_words(resolver):
    assert resolver.resolve("is it now on target with ai?", case_sensitive_names=False) == []


@pytest.mark.parametrize(("question", "expected"), [
    ("how fast did visa's cross-border volume grow?", ["V"]), ("Target\u2019s margin?", ["TGT"]),
    ("what's the visa backlog?", []), ("is the price target's upside real?", []),
])
def test_a_name_kept_out_of_the_aliases_for_being_a_word_names_its_company_in_the_possessive(resolver, question, expected):
    assert resolver.resolve(question, case_sensitive_names=False) == expected
    assert resolver.resolve(question.replace("visa's", "Visa's")) == []  # notes: the word, as before


def test_canonical_maps_listings_and_keeps_unknown_symbols(resolver):
    directory = resolver.directory
    assert [directory.canonical(s) for s in ("0700.HK", "$baba", "9988.hk", "ZZZZ")] == ["TCEHY", "BABA", "BABA", "ZZZZ"]


def write_aliases(path: Path) -> Path:
    path.write_text(
        "ticker,name,aliases,symbols,ambiguous_symbol\n"
        "ACME,Acme Corp,Acme|Acme Corporation,ACM.HK,0\n"
        "BABA,Alibaba Group,Alibaba|Ali Cloud,9988.HK,0\n",
        encoding="utf-8",
    )
    return path


def test_user_alias_file_extends_the_bundled_table(tmp_path):
    resolver = TickerResolver(CompanyDirectory.load(write_aliases(tmp_path / "aliases.csv")))
    assert resolver.resolve("Acme Corporation and ACME rose; Ali Cloud and Tencent fell.") == ["ACME", "BABA", "TCEHY"]
    assert resolver.directory.canonical("ACM.HK") == "ACME"


def test_bundled_table_does_not_know_user_aliases(resolver):
    assert resolver.resolve("Acme Corporation and Ali Cloud") == []


def test_ragbot_uses_the_alias_file_from_settings(tmp_path):
    bot = Ragbot(make_settings(tmp_path / "store", aliases_file=write_aliases(tmp_path / "aliases.csv")))
    assert bot.resolver.resolve("Acme Corp guided higher") == ["ACME"]


ZSCALER = (
    "Zscaler reported fiscal Q3 revenue of $678 million, up 23% year over year. Zscaler's zero-trust "
    "platform keeps taking share from legacy firewall vendors. Revenue now grows faster than billings."
)
COSTCO = "Costco's comparable sales rose 6.8%. The revenue mix shifted now that members renew."


def test_companies_missing_from_the_table_are_learned_from_their_notes():
    directory = CompanyDirectory.load()
    learned = learn_companies([(["ZS"], ZSCALER), (["COST"], COSTCO)], directory)
    assert [(c.ticker, c.name, c.ambiguous_symbol) for c in learned] == [("ZS", "Zscaler", False)]


def test_a_name_ending_in_capitals_and_starting_as_a_known_company_is_learned_whole():
    """ "Coca-Cola FEMSA" is not Coca-Cola (KO): a proper name may end in a word in capitals,
    and typed with a space for the hyphen it still names its company. (Its short name "Coca-Cola"
    is the learned company's too, as a learned short name always was: in notes about it, it is.)"""
    notes = [(["KOFX"], "Coca-Cola FEMSA cut its Mexico outlook. In Mexico, Coca-Cola FEMSA's volumes fell."),
             (["KOFX"], "Coca-Cola FEMSA opened a plant in Brazil. Mexico demand stayed soft for Coca-Cola FEMSA.")]
    directory = CompanyDirectory.load()
    learned = learn_companies(notes, directory)
    assert [(c.ticker, c.name) for c in learned] == [("KOFX", "Coca-Cola FEMSA")]
    resolver = TickerResolver(directory)
    resolver.learn(learned)
    assert resolver.resolve("count of bearish notes on coca cola femsa", case_sensitive_names=False) == ["KOFX"]
    assert resolver.resolve("the coca cola company sentiment?", case_sensitive_names=False) == ["KO"]  # its own longer name
    assert resolver.resolve("t mobile churn", case_sensitive_names=False) == ["TMUS"]


@pytest.mark.parametrize("after", ["CEO", "EBITDA", "USA"])
def test_a_title_or_measure_in_capitals_after_a_name_is_no_part_of_it(after):
    notes = [(["GRBX"], f"General Robotix reported results. General Robotix {after} rose. General Robotix {after} held.")]
    assert [c.name for c in learn_companies(notes, CompanyDirectory.load())] == ["General Robotix"]


@pytest.mark.parametrize(("question", "expected"), [
    ("what's visa's cross-border volume?", ["V"]), ("mastercard vs visa's volume", ["MA", "V"]),
    ("price-target's upside", []), ("$400 target's upside?", []),
])
def test_an_owner_follows_a_contraction_or_vs_but_not_a_hyphen_or_a_number(resolver, question, expected):
    assert resolver.resolve(question, case_sensitive_names=False) == expected


def test_a_competitor_listed_beside_a_company_is_not_named_after_it():
    main = "Harrowgate Robotics won a pilot. Harrowgate Robotics shipped robots. Sorbotic lost the trial. Sorbotic shares fell."
    other = "Harrowgate Robotics raised its outlook. Harrowgate Robotics hired staff."
    learned = learn_companies([(["HRGT", "SORB"], main), (["HRGT"], other)], CompanyDirectory.load())
    assert {c.ticker: c.name for c in learned} == {"HRGT": "Harrowgate Robotics", "SORB": "Sorbotic"}


def test_a_name_in_capitals_its_ticker_does_not_abbreviate_is_learned_when_only_its_notes_use_it():
    kone = ["KONE reported lower new-equipment orders in China. The CEO cut costs by EUR 200 million.",
            "KONE won modernization contracts worth EUR 90 million. Service pricing held."]
    volvo = "Volvo delivered fewer trucks in Europe. The CEO expects EUR 1 billion of savings."
    learned = learn_companies([(["KNEBV"], kone[0]), (["KNEBV"], kone[1]), (["VOLV-B"], volvo)], CompanyDirectory.load())
    assert {c.ticker: c.name for c in learned}["KNEBV"] == "KONE"  # "EUR" and "CEO" are used about Volvo too


def test_a_learned_company_is_also_named_by_its_proper_first_word_unless_two_share_it():
    text = "Harrowgate Robotics won a pilot. Harrowgate Robotics grew. Harrowgate said costs rose."
    (learned,) = learn_companies([(["HRGT"], text)], CompanyDirectory.load())
    assert set(learned.aliases) == {"Harrowgate Robotics", "Harrowgate"}
    twins = declared_companies([("HRGT", "Harrowgate Robotics"), ("HRGF", "Harrowgate Freight")], lower_words(text), set())
    assert [c.aliases for c in twins] == [("Harrowgate Robotics",), ("Harrowgate Freight",)]


def test_a_short_form_starting_as_the_ticker_does_names_the_learned_company_too():
    """ "Implats" beside "Impala Platinum" (IMPX): two of its notes call it so, and it contracts the
    name. A unit one note names ("Zimplats") and a place starting as a ticker does but no
    contraction of its name ("Europe" for EURX, Euronav) are no short forms."""
    notes = [(["IMPX"], "Impala Platinum cut output. For Implats the leverage is large. Zimplats halted a smelter."),
             (["IMPX"], "Impala Platinum restored its dividend, a shift for Implats. Impala Platinum shares rose."),
             (["EURX"], "Euronav chartered two tankers. Europe demand rose for Euronav."),
             (["EURX"], "Euronav cut rates as Europe imports fell. Euronav shares fell.")]
    learned = {c.ticker: set(c.aliases) for c in learn_companies(notes, CompanyDirectory.load())}
    assert "Implats" in learned["IMPX"] and "Zimplats" not in learned["IMPX"]
    assert "Europe" not in learned["EURX"]
    resolver = TickerResolver(CompanyDirectory.load())
    resolver.learn(learn_companies(notes, CompanyDirectory.load()), set(), set(), set())
    assert resolver.resolve("implats sentiment in 2025?", case_sensitive_names=False) == ["IMPX"]


def test_a_later_word_of_the_name_the_ticker_abbreviates_is_a_short_form():
    """ "Pekao" of "Bank Pekao" (PEO.WA), written alone in two of its notes; not "Japan" of "East
    Japan Railway", which 9020.T does not abbreviate."""
    notes = [(["PEO.WA"], "Bank Pekao cut its margin outlook. Pekao branches shrank."),
             (["PEO.WA"], "Bank Pekao raised its dividend, and Pekao looks cheap."),
             (["9020.T"], "East Japan Railway raised fares. Japan travel rose."),
             (["9020.T"], "East Japan Railway opened a line as Japan tourism grew.")]
    notes += [(["LHC.JO"], "Life Healthcare cut costs. Healthcare demand held up."),
              (["LHC.JO"], "Life Healthcare grew beds, and Healthcare spending rose.")]
    learned = {c.ticker: set(c.aliases) for c in learn_companies(notes, CompanyDirectory.load())}
    assert "Pekao" in learned["PEO.WA"] and "Japan" not in learned["9020.T"]
    assert "Healthcare" not in learned["LHC.JO"]  # an English word names no company


def test_a_name_written_whole_beats_another_companys_symbol_with_a_legal_form_added():
    """ "CVS Group" (learned, CVSGX) is not CVS (CVS Health) + "Group", whichever the notes hold."""
    notes = [(["CVSGX"], "CVS Group opened clinics. CVS Group said vets were scarce."),
             (["CVSGX"], "CVS Group raised prices. Margins at CVS Group fell.")]
    for held in (set(), {"CVS", "CVSGX"}):
        resolver = TickerResolver(CompanyDirectory.load())
        resolver.learn(learn_companies(notes, CompanyDirectory.load()), held, set(), set())
        assert resolver.resolve("CVS Group raised prices.") == ["CVSGX"]
        assert resolver.resolve("CVS Health margins fell.") == ["CVS"]


def test_a_name_of_common_words_is_learned_when_the_notes_never_write_them_together_in_lower_case():
    notes = [(["GRBG"], "Garbage Haulers raised prices. Pennsylvania fined Garbage Haulers. Garbage volumes fell in Pennsylvania."),
             (["GRBG"], "Garbage Haulers cut costs. The garbage haulers union met in Pennsylvania. Garbage Haulers said so.")]
    assert [c.name for c in learn_companies(notes[:1], CompanyDirectory.load())] == ["Garbage Haulers"]  # "garbage" is a word
    assert "Garbage Haulers" not in [c.name for c in learn_companies(notes, CompanyDirectory.load())]  # "garbage haulers" is written as words


def test_a_name_whose_later_words_are_written_as_words_is_learned_by_its_first_two():
    notes = [(["MCWX"], "Mister Car Wash opened 12 sites. A car wash member pays monthly. Mister Car Wash said so."),
             (["MCWX"], "Mister Car Wash cut prices. Sun Belt demand held. Sun Belt traffic rose.")]
    assert [c.name for c in learn_companies(notes, CompanyDirectory.load())] == ["Mister Car Wash"]  # not "Sun Belt"


def test_a_date_line_names_no_company_and_a_name_spelt_by_the_ticker_may_lead_one_note():
    notes = [(["FAF"], "Date: 2025-10-23\nFirst American Fintech reported revenue up 14%. Fidelity National grew slower."),
             (["VRX"], "Date: 2025-12-08\nVail Resorts said pass sales fell. Competition rose."),
             (["VRX"], "Date: 2025-09-30\nVail Resorts guided lower. Vail skier visits fell.")]
    learned = {c.ticker: c.name for c in learn_companies(notes, CompanyDirectory.load())}
    assert learned == {"FAF": "First American Fintech", "VRX": "Vail Resorts"}  # once, leading, its initials spell FAF


def test_the_learned_name_is_the_one_the_most_notes_use_and_lead_with_then_the_most_used():
    notes = [(["LVSX"], "Lakeside Vegas Group grew. Marina Bay Towers was full. Marina Bay Towers set records."),
             (["LVSX"], "Lakeside Vegas Group cut debt. Marina Bay Towers was sold out.")]
    (learned,) = learn_companies(notes, CompanyDirectory.load())
    assert learned.name == "Lakeside Vegas Group"


def test_a_name_is_counted_with_its_full_form_and_a_sentence_opening_names_nothing():
    """"Velmora" and "Velmora Foods" are one name: counted together they outweigh "Brasilia", which
    the ticker shares a first letter with; the full name is the one every such note writes. "On
    May" and "In Brasilia" open sentences: a month and a place after a stopword."""
    notes = [(["BRVL3.SA"], "Velmora Foods said exports rose in Brasilia. Velmora's margin widened."),
             (["BRVL3.SA"], "On May 4, Velmora Foods cut debt. Velmora's plants ran full in Brasilia."),
             (["BRVL3.SA"], "In Brasilia, Velmora Foods won a permit. Velmora's shares rose.")]
    (learned,) = learn_companies(notes, CompanyDirectory.load())
    assert (learned.name, learned.aliases[:2]) == ("Velmora Foods", ("Velmora Foods", "Velmora"))


def test_a_longer_form_written_once_and_a_name_opening_with_a_word_stay_as_written():
    one = [(["MNRV3.SA"], "Velmora grew. Velmora cut costs. At the Velmora Investor Day, Velmora said more.")]
    assert [c.name for c in learn_companies(one, CompanyDirectory.load())] == ["Velmora"]  # not "Velmora Investor"
    under = [(["UAZ"], "Under Armoury raised prices. Under Armoury said sales rose."), (["UAZ"], "Under Armoury cut costs.")]
    assert [c.name for c in learn_companies(under, CompanyDirectory.load())] == ["Under Armoury"]  # "Under" is the name's


def test_two_tickers_sharing_a_base_and_a_ticker_that_is_another_ones_base_keep_their_own():
    rows = declared_companies([("FERV", "Ferrovia US"), ("FERV.MC", "Ferrovia"), ("XYZQ.A", "Xylo A"), ("XYZQ.B", "Xylo B")], set(), set())
    assert all(c.symbols == () for c in rows)
    assert CompanyDirectory(rows).symbol_to_ticker["FERV"] == "FERV"


def test_a_short_word_in_capitals_counts_whole_in_initials_and_a_groups_prefix_may_be_dropped():
    from ingest.tickers import initials, initials_forms, short_names

    assert initials("Lumen Grid Energy Solution") == "LGES" and initials("LG Energy Solution") == "LGES"
    assert initials_forms("HD Hyundai Heavy Industries") == {"HDHHI", "HHI"}
    assert "Hyundai Heavy Industries" in short_names("HD Hyundai Heavy Industries")
    assert "Energy Solution" not in short_names("LG Energy Solution")  # the rest opens with an English word


def test_words_naming_two_companies_name_the_one_the_notes_are_about():
    rows = [Company("HD", "Home Depot", ("Home Depot",), (), False),
            Company("329180.KS", "HD Hyundai Heavy Industries", ("HD Hyundai Heavy Industries", "HD", "HHI"), (), False)]
    resolver = TickerResolver(CompanyDirectory(rows))
    resolver.learn([], {"329180.KS"})
    assert resolver.resolve("what did HD report?", case_sensitive_names=False) == ["329180.KS"]
    assert resolver.resolve("what did Home Depot report?", case_sensitive_names=False) == ["HD"]


def test_initials_are_part_of_a_learned_name_and_the_name_without_them_names_it_too():
    notes = [(["DRHX"], "D.R. Hortonville cut prices. D.R. Hortonville said orders fell.")]
    (learned,) = learn_companies(notes, CompanyDirectory.load())
    assert learned.aliases[:3] == ("D.R. Hortonville", "DR Hortonville", "Hortonville")
    spaced = declared_companies([("AOSX", "A. O. Smithfield Corporation"), ("AOSY", "B. K. Smith")], set(), set())
    assert spaced[0].aliases == ("A. O. Smithfield Corporation", "A. O. Smithfield", "A.O. Smithfield", "AO Smithfield", "Smithfield")
    assert "Smith" not in spaced[1].aliases  # an English word is no name alone
    resolver = TickerResolver(CompanyDirectory.load())
    resolver.learn(spaced)
    assert resolver.resolve("how much did ao smithfield's china sales drop?", case_sensitive_names=False) == ["AOSX"]


def test_a_company_named_after_a_person_learns_the_whole_name_and_the_surname():
    notes = [(["AJGX"], "Arthur J. Gallaway beat estimates. Gallaway raised its target."), (["AJGX"], "Arthur J. Gallaway said Gallaway's margins held.")]
    (learned,) = learn_companies(notes, CompanyDirectory.load())
    assert learned.aliases[:2] == ("Arthur J. Gallaway", "Gallaway")


@pytest.mark.parametrize(("ticker", "name", "expected"), [
    ("SEDG", "SolarEdge", True), ("RUN", "Sunrun", True), ("RUN", "SolarEdge", False), ("LVMUY", "LVMH", True),
    ("REMYY", "Rémy Cointreau", True), ("PPRUY", "Kering", False), ("KNX", "Knight-Swift", False), ("CSV", "Carriage Services", True),
    ("X", "Texas", False), ("EY", "Enphix Energy", True),  # one or two letters must start the name
    ("KPTR.JO", "Kiptara Mining", True), ("EPI-A.ST", "Epiroc", True), ("COH.AX", "AUD", False),  # the symbol's root
    ("9020.T", "East Japan Railway", False),  # digits abbreviate nothing
])
def test_a_ticker_abbreviates_a_name_holding_its_letters_in_order_or_its_first_three(ticker, name, expected):
    assert abbreviates(ticker, name) is expected


def test_a_ticker_only_ever_scored_beside_a_lead_company_is_named_only_by_a_name_it_abbreviates():
    lead = "Enphix Energy beat. Sunnyrun and SolarEdgy cut prices. Enphix Energy held share. Sunnyrun and SolarEdgy fell."
    notes = [(["ENPX", "SEDY", "SNRN"], lead), (["ENPX", "SEDY", "SNRN"], lead)]
    learned = {c.ticker: c.name for c in learn_companies(notes, CompanyDirectory.load())}
    assert learned == {"ENPX": "Enphix Energy", "SEDY": "SolarEdgy", "SNRN": "Sunnyrun"}


def test_a_name_two_tickers_abbreviate_goes_to_the_one_leading_notes():
    notes = [(["ENPX", "EY"], "Enphix Energy beat. Enphix Energy grew."), (["ENPX", "EY"], "Enphix Energy cut.")]
    assert [(c.ticker, c.name) for c in learn_companies(notes, CompanyDirectory.load())] == [("ENPX", "Enphix Energy")]


def test_a_name_in_capitals_the_ticker_abbreviates_names_it():
    notes = [(["LVMX"], "LVMH raised prices. Chinese demand fell. LVMH said so."), (["LVMX"], "LVMH cut jobs. Chinese buyers left.")]
    assert [c.name for c in learn_companies(notes, CompanyDirectory.load())] == ["LVMH"]


def test_a_learned_ticker_that_is_also_a_word_is_not_a_bare_symbol():
    word = learn_companies([(["RENEW"], "Renewco is a utility. Renewco said members renew. Renewco grew.")], CompanyDirectory.load())
    assert word[0].ambiguous_symbol  # "renew" is written as a word in the notes


def test_resolver_finds_learned_companies_by_name_and_symbol():
    resolver = TickerResolver(CompanyDirectory.load())
    assert resolver.resolve("What are Zscaler's risks?", case_sensitive_names=False) == []
    resolver.learn(learn_companies([(["ZS"], ZSCALER)], resolver.directory))
    assert resolver.resolve("What are zscaler's risks?", case_sensitive_names=False) == ["ZS"]
    assert resolver.resolve("How did ZS do?") == ["ZS"]


def test_a_symbol_that_is_also_a_word_names_a_company_in_questions_unless_the_notes_write_it_as_a_word():
    resolver = TickerResolver(CompanyDirectory.load())
    resolver.learn([], held={"LI"}, acronyms=acronyms("ICE car sales fell. Li Auto (LI) and NYSE: SNOW rose.\nSNOW 0.42"))
    assert resolver.acronyms == {"ICE"}  # symbols in company context are no words
    assert resolver.resolve("What are the risks for SNOW?", case_sensitive_names=False) == ["SNOW"]  # not held: "no notes about"
    assert resolver.resolve("What was ICE's volume?", case_sensitive_names=False) == []  # the notes' word
    resolver.learn([], held={"ICE"})
    assert resolver.resolve("What was ICE's volume?", case_sensitive_names=False) == ["ICE"]  # ... unless they are about it
    assert resolver.resolve("How many cars did LI deliver?", case_sensitive_names=False) == ["LI"]  # two letters: held only
    assert resolver.resolve("Could AI agents hurt pricing?", case_sensitive_names=False) == []  # C3.ai not held
    assert resolver.resolve("SNOW fell in Beijing.") == []  # notes keep the strict rule
    assert resolver.resolve("WHAT IS THE COST OF CLOUD?", case_sensitive_names=False) == []  # typed in capitals
    assert resolver.resolve("COST vs WMT?", case_sensitive_names=False) == ["COST", "WMT"]  # symbols only


def test_a_ticker_typed_in_lower_case_names_its_company_unless_it_is_a_word():
    rows = [Company("NFLX", "Netflix", ("Netflix",), (), False), Company("ALL", "Allstate", ("Allstate",), (), True),
            Company("PGR", "Progressive", ("Progressive Corp",), (), False)]
    resolver = TickerResolver(CompanyDirectory(rows))
    question = "nflx vs pgr: which is rated higher across all notes?"
    assert resolver.resolve(question, case_sensitive_names=False) == []  # nothing learned from notes yet
    resolver.learn([], {"NFLX", "ALL"}, words={"all", "notes", "rated"})
    assert resolver.resolve(question, case_sensitive_names=False) == ["NFLX", "PGR"]  # "all" is a word; PGR has no notes: said so
    assert resolver.resolve(question) == []  # notes: a lower-case token is never a ticker
    assert resolver.extended([rows[2]]).resolve("nflx?", case_sensitive_names=False) == ["NFLX"]  # the copy keeps the words
    assert resolver.resolve("what are nflx's risks?", case_sensitive_names=False) == ["NFLX"]  # a possessive
    assert resolver.resolve("don't all notes say?", case_sensitive_names=False) == []  # a contraction is no symbol
    canyon = TickerResolver(CompanyDirectory([Company("LOPE", "Grand Canyon Education", ("Grand Canyon",), (), False),
                                              Company("EDU", "New Oriental", ("New Oriental",), (), False)]))
    canyon.learn([], {"LOPE"}, words={"score"})
    assert canyon.resolve("grand canyon edu score?", case_sensitive_names=False) == ["LOPE"]  # "edu" is part of the name


def test_a_word_joined_by_a_hyphen_to_the_next_is_no_next_word_of_a_name():
    crop = TickerResolver(CompanyDirectory([Company("BWCA", "Brindlewick Crop Assurance", ("Brindlewick",), (), False)]))
    crop.learn([], {"BWCA"})
    (mention,) = crop.mentions("brindlewick crop-hail premium", case_sensitive_names=False)
    assert "brindlewick crop-hail premium"[mention.start:mention.end] == "brindlewick"  # "crop-hail" is what is asked of it
    (mention,) = crop.mentions("brindlewick crop assurance premium", case_sensitive_names=False)
    assert mention.end == len("brindlewick crop assurance")


def test_the_bundled_word_list_holds_words_not_tickers():
    words = bundled_words()
    assert {"all", "key", "cat", "now", "cost"} <= words
    assert not {"nflx", "isrg", "pgr", "nvda", "tsla"} & words


def test_a_name_that_is_also_a_word_names_the_ticker_it_abbreviates_when_mostly_capitalised():
    travellers = "Travellers beat. Travellers raised rates, and Hartwell lagged. Travellers said Hartwell cut prices."
    notes = [(["TRVL"], travellers), (["TRVL"], "Travellers sold a unit."), (["AIRX"], "Airline X said premium travellers paid more.")]
    assert {c.ticker: c.name for c in learn_companies(notes, CompanyDirectory.load())}["TRVL"] == "Travellers"
    # written in lower case as often as a third of its capitalised uses, it stays a word
    notes.append((["AIRX"], "Business travellers flew less, and travellers booked late."))
    assert {c.ticker: c.name for c in learn_companies(notes, CompanyDirectory.load())}.get("TRVL") != "Travellers"


def test_a_held_company_is_named_by_its_initials_when_the_notes_write_them():
    from ingest.tickers import with_initials

    pca = Company("PCAX", "Paperboard Corporation", ("Paperboard Corporation",), (), False)
    texts = ["Paperboard Corporation of America cut prices. PCA's mills ran slow."]
    (named,) = with_initials([pca], {"PCAX"}, texts)
    assert "PCA" in named.aliases
    (unheld,) = with_initials([pca], set(), texts)
    assert "PCA" not in unheld.aliases
    oracle = Company("ORCX", "Orakel", ("Orakel",), (), False)  # a unit's name is no company's ("Orakel Cloud Infrastructure")
    (named,) = with_initials([oracle], {"ORCX"}, ["Orakel Cloud Infrastructure grew. OCI margins rose."])
    assert "OCI" not in named.aliases
    pmx = Company("PMX", "Pemberton Mills International", ("Pemberton Mills International",), (), False)
    (named,) = with_initials([pmx], {"PMX"}, ["Pemberton Mills International raised guidance."])
    assert "PMI" in named.aliases  # initials users type, though no note writes them
    (named,) = with_initials([pmx], {"PMX"}, ["Pemberton Mills International raised guidance.", "The PMI fell to 48 in May."])
    assert "PMI" not in named.aliases  # a note uses them in another sense


def test_a_company_its_notes_call_by_its_ticker_is_named_by_it_when_no_phrase_names_it():
    notes = [(["GTXR"], "GTXR raised rates. GTXR said demand held."), (["GTXR"], "GTXR cut capex.")]
    assert [(c.ticker, c.name) for c in learn_companies(notes, CompanyDirectory.load())] == [("GTXR", "GTXR")]


def test_a_name_two_learned_companies_share_names_neither():
    from ingest.tickers import without_shared_names

    bank = Company("HBNX", "Hunterton Bancshares", ("Hunterton Bancshares", "Hunterton"), (), False)
    yard = Company("HIIX", "Hunterton Ingalls", ("Hunterton Ingalls", "Hunterton"), (), False)
    assert [c.aliases for c in without_shared_names([bank, yard], Counter())] == [("Hunterton Bancshares",), ("Hunterton Ingalls",)]
    bank_led = without_shared_names([bank, yard], Counter({"HBNX": 4, "HIIX": 1}))  # more notes are about the bank
    assert [c.aliases for c in bank_led] == [("Hunterton Bancshares", "Hunterton"), ("Hunterton Ingalls",)]


def test_a_company_its_notes_call_by_its_ticker_takes_its_full_name_written_once_leading_a_note():
    notes = [(["IHGD"], "Intercon Hotels Grand picked Payco. IHGD said RevPAR rose."), (["IHGD"], "IHGD cut its RevPAR outlook. IHGD fell.")]
    assert [c.name for c in learn_companies(notes, CompanyDirectory.load())] == ["Intercon Hotels Grand"]


def test_a_ticker_listed_with_its_exchanges_suffix_is_named_whole_and_by_its_base():
    """Real feeds write "FER.MC", "BEEF3.SA", "373220.KS", "L.TO": users type them whole, or
    without the suffix when what is left is a symbol of three characters or more and no word."""
    rows = declared_companies([("FERV.MC", "Ferrovia Group"), ("BEEF3.SA", "Velmora Foods"), ("373220.KS", "Lumen Grid"),
                               ("L.TO", "Loblane Companies"), ("LOW.TO", "Lowmark Stores")], set(), set())
    resolver = TickerResolver(CompanyDirectory(rows))
    resolver.learn([], {c.ticker for c in rows}, words={"score", "sentiment", "market"})
    for text, ticker in (("FERV.MC score?", "FERV.MC"), ("ferv score?", "FERV.MC"), ("FERV sentiment", "FERV.MC"),
                         ("BEEF3 score", "BEEF3.SA"), ("373220.KS sentiment", "373220.KS"), ("what is L.TO's score?", "L.TO")):
        assert resolver.resolve(text, case_sensitive_names=False) == [ticker], text
    assert {c.ticker: c.symbols for c in rows}["LOW.TO"] == () and {c.ticker: c.symbols for c in rows}["L.TO"] == ()
    assert resolver.resolve("the U.S. market and D.R. Horton", case_sensitive_names=False) == []  # initials are no listing


def test_a_unit_the_notes_name_as_the_companys_own_names_it_too():
    notes = [(["TRTX"], "Trabon's Scanio unit won an order. Trabon shares rose."), (["TRTX"], "Trabon cut costs at Scanio.")]
    (learned,) = learn_companies(notes, CompanyDirectory.load())
    assert (learned.name, "Scanio" in learned.aliases) == ("Trabon", True)


def test_a_symbol_with_its_share_class_and_exchange_names_its_company():
    resolver = TickerResolver(CompanyDirectory.load())
    resolver.learn([Company("EPI-A.ST", "Epiroc", ("Epiroc",), (), False)], {"EPI-A.ST"})
    assert resolver.resolve("EPI-A.ST score in the strong krona note?") == ["EPI-A.ST"]
    assert resolver.resolve("COVID-19 hit sales") == []


def test_a_name_opening_the_only_note_scoring_its_ticker_alone_is_learned_when_the_ticker_abbreviates_it():
    alone = [(["MATX"], "Matthews Intl reported sales down 3%. Memorialization held up."),
             (["HBDX", "MATX"], "Halberd Home said prices rose. Memorialization slowed.")]
    learned = {c.ticker: c.name for c in learn_companies(alone, CompanyDirectory.load())}
    assert learned.get("MATX") == "Matthews Intl" and "HBDX" not in learned  # a note shared with another ticker leads for neither


def test_a_later_word_of_a_name_its_own_notes_write_alone_names_the_company():
    renner = Company("LREN3.SA", "Lojas Renner", ("Lojas Renner",), (), False)
    kesko = Company("KESKOB.HE", "Kesko Oyj", ("Kesko Oyj",), (), False)
    notes = [
        (["LREN3.SA"], "Lojas Renner beat estimates. Renner has cut markdowns, and Renner made its card unit profitable."),
        (["LREN3.SA"], "Renner risks a weaker consumer."),
        (["KESKOB.HE"], "Kesko Oyj cut guidance. Oyj is a legal form; Kesko said Oyj twice."),
    ]
    named = {c.ticker: c.aliases for c in with_later_names([renner, kesko], notes, set())}
    assert "Renner" in named["LREN3.SA"] and named["KESKOB.HE"] == ("Kesko Oyj",)  # (a legal form names nobody)
    elsewhere = [*notes, (["TSLA"], "Unlike Renner, Tesla cut prices.")]  # another note writes it: no name of one company
    assert with_later_names([renner], elsewhere, set())[0].aliases == ("Lojas Renner",)
    once = [(["LREN3.SA"], "Lojas Renner beat estimates, and Renner has cut markdowns.")]
    assert with_later_names([renner], once, set())[0].aliases == ("Lojas Renner",)  # once is no habit


@pytest.mark.parametrize(("company", "text"), [
    (Company("IAG.AX", "Insurance Australia Group", ("Insurance Australia Group",), (), False),
     "Insurance Australia Group said storms hit claims. Australia remains its main market, and Australia's rates rose."),  # a place
    (Company("JNJ", "Johnson & Johnson", ("Johnson & Johnson",), (), False), "Johnson & Johnson rose. Johnson & Johnson said more."),
    (Company("MRVX", "Marlow Veska", ("Marlow Veska",), (), False), "Marlow Veska grew. Veska said, and Veska added, that Nord Veska lagged."),
])
def test_a_place_a_repeated_word_or_a_word_of_another_name_is_no_later_name(company, text):
    assert with_later_names([company], [([company.ticker], text)], set())[0].aliases == company.aliases
