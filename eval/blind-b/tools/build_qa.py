"""Write blind-b/qa.jsonl and check it against the notes (stdlib only)."""
import json, os, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
NOTES = os.path.join(ROOT, "notes")

UNH1, UNH3 = "unh-q1-2026-medical-costs.txt", "unh-q3-2026-guidance-cut.txt"
CAT4, CAT2, CAT3 = "cat-q4-2025-dealer-destock.txt", "cat-q2-2026-backlog.txt", "cat-q3-2026-power-gen.txt"
XOM1, XOM3 = "xom-q1-2026-permian.txt", "xom-q3-2026-refining.txt"
NKE4, NKE1 = "nke-q4-fy26-clearance.txt", "nke-q1-fy27-return-to-growth.txt"
JPM2, JPM3 = "jpm-q2-2026-nii.txt", "jpm-q3-2026-card-reserves.txt"
CRM2, CRM3 = "crm-q2-fy27-data-cloud.txt", "crm-q3-fy27-informatica.txt"
HLV2, HLV3 = "hlvm-q2-2026-orders.txt", "hlvm-q3-2026-provision.txt"
BWT2, BWT3 = "bwtr-q2-2026-margin.txt", "bwtr-q3-2026-office-loans.txt"
CRV1, CRV3 = "crvn-q1-2026-phase3.txt", "crvn-q3-2026-nda.txt"
KGS2, KGS3 = "kgsx-q2-2026-deployments.txt", "kgsx-q3-2026-tariffs.txt"
QLF2, QLF3 = "qlfr-q2-2026-arr.txt", "qlfr-q3-2026-payments.txt"

Q = []
def q(question, gold, kw, ticker, kind, **extra):
    d = {"id": "b%03d" % (len(Q) + 1), "question": question, "gold_notes": gold,
         "answer_keywords": kw, "ticker": ticker, "kind": kind}
    d.update(extra)
    Q.append(d)
    return d["id"]

def na(question, ticker, near_miss=None):
    extra = {"near_miss": near_miss} if near_miss else {}
    return q(question, [], [], ticker, "no_answer", **extra)

U = {"unknown_company": True}

# --- factual (well-known companies)
q("How much did Optum Health's revenue change in the first quarter of 2026?", [UNH1], ["4%", "$25.1 billion"], "UNH", "factual")
q("What size of tariff hit did Caterpillar flag for Q2 2026?", [CAT2], ["$400", "$500 million"], "CAT", "factual")
q("Roughly how many barrels a day is Exxon producing in Guyana as of Q1 2026?", [XOM1], ["690,000"], "XOM", "factual")
q("Where did JPMorgan take its full-year NII outlook after the second quarter of 2026?", [JPM2], ["$95 billion"], "JPM", "factual")
q("What was Salesforce's current RPO at the end of fiscal Q2 2027?", [CRM2], ["$30.4 billion"], "CRM", "factual")
q("How much inventory was Nike carrying at the end of fiscal Q4 2026?", [NKE4], ["$7.3 billion"], "NKE", "factual")
q("What did Exxon's Energy Products business earn in Q3 2026?", [XOM3], ["$1.9 billion"], "XOM", "factual")
q("Caterpillar's Q3 2026 EPS vs. the Street - what did it print and what was expected?", [CAT3], ["$5.42", "$4.95"], "CAT", "factual")

# --- factual, companies a typical alias table does not know (by name and by ticker)
q("What book-to-bill did Halvorsen Marine Systems post in Q2 2026?", [HLV2], ["1.29"], "HLVM", "factual", **U)
q("How big was HLVM's order backlog at the end of the third quarter of 2026?", [HLV3], ["$2.06 billion"], "HLVM", "factual", **U)
q("What net interest margin did Brightwater Bancorp earn in Q2 2026?", [BWT2], ["3.12%"], "BWTR", "factual", **U)
q("What price is BWTR paying for Lakeshore Community Bank?", [BWT3], ["$214 million"], "BWTR", "factual", **U)
q("How did CRV-214 do against placebo on proteinuria in Corvane Therapeutics' Phase 3 trial?", [CRV1], ["46%", "12%"], "CRVN", "factual", **U)
q("How much cash did CRVN have left at the end of Q3 2026?", [CRV3], ["$597 million"], "CRVN", "factual", **U)
q("What contracted backlog did Kestrel Grid Storage report for Q2 2026?", [KGS2], ["9.4 GWh", "$2.7 billion"], "KGSX", "factual", **U)
q("After the Q3 cut, what is KGSX guiding to for 2026 revenue?", [KGS3], ["$520", "$560 million"], "KGSX", "factual", **U)
q("What was Quillfeather Software's net revenue retention in the second quarter of 2026?", [QLF2], ["114%"], "QLFR", "factual", **U)
q("What share of QLFR's Q3 2026 revenue came from payments?", [QLF3], ["19%"], "QLFR", "factual", **U)

# --- misspelled company names
q("What was Caterpiller's backlog at the end of Q2 2026?", [CAT2], ["$38.2 billion"], "CAT", "factual", typo=True)
q("What medical care ratio did UnitedHelth report for Q3 2026?", [UNH3], ["89.1%"], "UNH", "factual", typo=True)
q("How much did Halvorson Marine set aside for the offshore wind contract overruns in Q3 2026?", [HLV3], ["$19 million"], "HLVM", "factual", typo=True, **U)

# --- risk
q("What's squeezing Kestrel Grid Storage's margins, and what could make it worse?", [KGS2, KGS3], ["tariff"], "KGSX", "risk", **U)
q("Beyond medical cost trends, what risks does the Q1 2026 UnitedHealth note flag?", [UNH1], ["rate notice", "Justice Department"], "UNH", "risk")
q("What is the downside scenario for Caterpillar's Lafayette capacity bet?", [CAT3], ["cancellations"], "CAT", "risk")
q("After the Phase 3 win, what could still go wrong for Corvane's CRV-214?", [CRV1], ["eGFR"], "CRVN", "risk", **U)
q("How does Wells Fargo's return to growth threaten JPMorgan, per the Q2 2026 note?", [JPM2], ["loan spreads"], "JPM", "risk")

# --- comparison across quarters
q("How did UnitedHealth's medical care ratio move between Q1 and Q3 2026?", [UNH1, UNH3], ["87.4%", "89.1%"], "UNH", "comparison")
q("Walk me through Caterpillar's backlog from Q4 2025 to Q3 2026.", [CAT4, CAT2, CAT3], ["$35.4 billion", "$38.2 billion", "$41.5 billion"], "CAT", "comparison")
q("Compare Nike's gross margin in fiscal Q4 2026 with fiscal Q1 2027.", [NKE4, NKE1], ["38.2%", "41.8%"], "NKE", "comparison")
q("How much did Exxon's Permian production grow between Q1 and Q3 2026?", [XOM1, XOM3], ["1.62 million", "1.71 million"], "XOM", "comparison")
q("Did Brightwater's NIM keep expanding from Q2 to Q3 2026?", [BWT2, BWT3], ["3.12%", "3.27%"], "BWTR", "comparison", **U)
q("Kestrel's gross margin: Q2 2026 versus Q3 2026?", [KGS2, KGS3], ["17.9%", "13.6%"], "KGSX", "comparison", **U)
q("How did JPMorgan's CET1 ratio change from Q2 to Q3 2026?", [JPM2, JPM3], ["15.4%", "15.6%"], "JPM", "comparison")

# --- sentiment
q("What was the overall sentiment on Halvorsen's Q3 2026 results?", [HLV3], ["mildly negative"], "HLVM", "sentiment", **U)
q("What sentiment score did the Q3 2026 Caterpillar note carry?", [CAT3], ["0.62"], "CAT", "sentiment")
q("How bullish was the note on Corvane's Phase 3 readout?", [CRV1], ["strongly positive"], "CRVN", "sentiment", **U)
q("What was the sentiment label on Nike after its fiscal Q4 2026 report?", [NKE4], ["neutral"], "NKE", "sentiment")

# --- general
q("What's the bull case for Exxon across these notes?", [XOM1, XOM3], ["Permian"], "XOM", "general")
q("Summarize the investment view on Quillfeather Software.", [QLF2, QLF3], ["QuillPay"], "QLFR", "general", **U)

# --- follow-ups
a = q("What did Salesforce report for Data Cloud and AI ARR in fiscal Q3 2027?", [CRM3], ["$2.3 billion"], "CRM", "factual")
q("And how much of that quarter's revenue came from Informatica?", [CRM3], ["$310 million"], "CRM", "follow_up", follows=a)
a = q("What net income did JPMorgan report for Q3 2026?", [JPM3], ["$14.6 billion"], "JPM", "factual")
q("How large was the reserve build that quarter, and where was it concentrated?", [JPM3], ["$1.1 billion", "card"], "JPM", "follow_up", follows=a)
a = q("How many clinics were on Quillfeather's platform at the end of Q2 2026?", [QLF2], ["11,800"], "QLFR", "factual", **U)
q("What full-year revenue guidance did they give alongside that?", [QLF2], ["$236", "$240 million"], "QLFR", "follow_up", follows=a, **U)

# --- near-miss unanswerable
na("What revenue did Optum Rx generate in Q1 2026?", "UNH", "segment_figure")
na("What were Caterpillar's Construction Industries sales in Q2 2026?", "CAT", "segment_figure")
na("How much revenue did Halvorsen's Deck Machinery segment bring in during Q3 2026?", "HLVM", "segment_figure")
na("What did Exxon's Chemical Products segment earn in Q3 2026?", "XOM", "segment_figure")
na("What medical cost ratio did Humana report for Q1 2026?", "HUM", "passing_company")
na("What is Wells Fargo's CET1 ratio?", "WFC", "passing_company")
na("How much revenue is Fluence Energy expecting this year?", "FLNC", "passing_company")
na("How fast did ServiceNow's subscription revenue grow last quarter?", "NOW", "passing_company")
na("What was Halvorsen's first SeaVolt contract worth?", "HLVM", "product_metric")
na("What's Agentforce's standalone annual recurring revenue?", "CRM", "product_metric")
na("How much revenue did the Vomero 18 franchise bring Nike in fiscal Q1 2027?", "NKE", "product_metric")
na("What round-trip efficiency does Kestrel's Halo long-duration system achieve?", "KGSX", "product_metric")
na("How much total payment volume does QuillPay process?", "QLFR", "product_metric")
na("When is UnitedHealth holding its investor day?", "UNH", "undated_event")
na("When will Caterpillar's Lafayette large-engine expansion be finished?", "CAT", "undated_event")
na("When is Brightwater's acquisition of Lakeshore Community Bank expected to close?", "BWTR", "undated_event")
na("What is the FDA action (PDUFA) date for Corvane's CRV-214?", "CRVN", "undated_event")
na("When will Halvorsen's shares start trading on Oslo Børs?", "HLVM", "undated_event")
na("What was Exxon's free cash flow in Q1 2026?", "XOM", "other_measure")
na("What efficiency ratio did Brightwater Bancorp report for Q3 2026?", "BWTR", "other_measure")
na("What return on tangible common equity did JPMorgan earn in Q3 2026?", "JPM", "other_measure")
na("What GAAP net loss did Kestrel Grid Storage report for Q3 2026?", "KGSX", "other_measure")
na("How much did Corvane spend on R&D in the third quarter of 2026?", "CRVN", "other_measure")

# --- plain unanswerable (company not covered)
na("What automotive gross margin did Tesla report for Q3 2026?", "TSLA")
na("What did Pfizer say about its obesity pipeline last quarter?", "PFE")

# ---------------------------------------------------------------- checks
texts = {f: open(os.path.join(NOTES, f), encoding="utf-8").read() for f in os.listdir(NOTES)}
ids = set()
for d in Q:
    assert d["id"] not in ids; ids.add(d["id"])
    if d["kind"] == "no_answer":
        assert d["gold_notes"] == [] and d["answer_keywords"] == []
        continue
    assert d["gold_notes"] and d["answer_keywords"], d
    for g in d["gold_notes"]:
        assert g in texts, g
    for k in d["answer_keywords"]:
        assert any(k in texts[g] for g in d["gold_notes"]), (d["id"], k)
    if d["kind"] == "follow_up":
        assert d["follows"] in ids and d["follows"] < d["id"]
    if d.get("unknown_company"):
        tk = d["ticker"]
        assert all(tk in texts[g].split("Ticker Sentiment", 1)[1] for g in d["gold_notes"]), d["id"]

with open(os.path.join(ROOT, "qa.jsonl"), "w", encoding="utf-8") as f:
    for d in Q:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")

print("questions:", len(Q))
print("by kind:", dict(collections.Counter(d["kind"] for d in Q)))
print("near_miss:", dict(collections.Counter(d["near_miss"] for d in Q if "near_miss" in d)))
print("unknown_company answerable:", sum(1 for d in Q if d.get("unknown_company") and d["kind"] != "no_answer"))
print("typo:", sum(1 for d in Q if d.get("typo")))
