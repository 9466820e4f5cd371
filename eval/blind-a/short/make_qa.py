"""Writes qa.jsonl for the blind short set and checks keywords against gold notes (stdlib only)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
Q = []


def q(question, gold, kw, ticker, kind, **extra):
    d = {"id": "a%03d" % (len(Q) + 1), "question": question, "gold_notes": gold,
         "answer_keywords": kw, "ticker": ticker, "kind": kind}
    d.update(extra)
    Q.append(d)
    return d["id"]


def na(question, ticker, near, **extra):
    return q(question, [], [], ticker, "no_answer", near_miss=near, **extra)


M1, M2, M3 = "msft-fy26q1-azure.txt", "msft-fy26q2-capex.txt", "msft-fy26q3-ai.txt"
N3, N4 = "nvda-q3fy26-datacenter.txt", "nvda-q4fy26-guide.txt"
J3, J4 = "jpm-q3-2025.txt", "jpm-q4-2025.txt"
T3, T4 = "tsla-q3-2025-deliveries.txt", "tsla-q4-2025-margins.txt"
C1, C2 = "cost-q1fy26-sales.txt", "cost-q2fy26-membership.txt"
V1, V2, V3 = "vlts-q1-2026.txt", "vlts-q2-2026.txt", "vlts-q3-2026.txt"
R2, R3 = "rvbc-q2-2025.txt", "rvbc-q3-2025.txt"
H2, H3 = "hmfr-q2-2025.txt", "hmfr-q3-2025.txt"
K1, K2 = "crvn-phase2-data.txt", "crvn-q4-2025-financing.txt"
P1, P2 = "pash-q1-fy26.txt", "pash-q2-fy26.txt"
U = dict(unknown_company=True)

# ---- answerable: well-known companies
q("How much revenue did Microsoft book in fiscal Q1 2026?", [M1], ["$77.7 billion"], "MSFT", "factual")
q("Where did Microsoft's commercial remaining performance obligation stand at the end of fiscal Q1 2026?", [M1], ["$392 billion"], "MSFT", "factual")
a = q("What did Nvidia's data center business bring in during Q3 of fiscal 2026?", [N3], ["$51.2 billion"], "NVDA", "factual")
q("And what revenue did management guide to for the next quarter?", [N3], ["$65 billion"], "NVDA", "follow_up", follows=a)
q("Where did NVDA's gross margin land in Q4 FY2026?", [N4], ["75.0%"], "NVDA", "factual")
q("What was JPMorgan's CET1 ratio at the end of Q3 2025?", [J3], ["14.8%"], "JPM", "factual")
q("What NII is JPM guiding to for 2026, and what about expenses?", [J4], ["$95 billion", "$105 billion"], "JPM", "factual")
a = q("How many cars did Tesla deliver in Q3 2025?", [T3], ["497,100"], "TSLA", "factual")
q("What about energy storage deployments that quarter?", [T3], ["12.5 GWh"], "TSLA", "follow_up", follows=a)
q("What was Tesla's auto gross margin excluding regulatory credits in Q4 2025?", [T4], ["15.4%"], "TSLA", "factual")
q("How fast did Costco's digitally-enabled comps grow in fiscal Q1 2026?", [C1], ["20.5%"], "COST", "factual")
q("What membership renewal rates did Costco report for Q2 of fiscal 2026?", [C2], ["92.3%", "89.9%"], "COST", "factual")
q("How has Azure growth trended from fiscal Q1 to fiscal Q3 2026?", [M1, M2, M3], ["39%", "37%", "35%"], "MSFT", "comparison")
q("Compare JPMorgan's net interest income in Q3 2025 with Q4 2025.", [J3, J4], ["$24.1 billion", "$25.0 billion"], "JPM", "comparison")
q("Did Costco's membership fee income grow between the first and second quarters of fiscal 2026?", [C1, C2], ["$1.33 billion", "$1.36 billion"], "COST", "comparison")
q("What are the main risks flagged for Tesla after the Q3 2025 delivery beat?", [T3], ["BYD"], "TSLA", "risk")
q("What is the downside scenario for Microsoft shares if Azure keeps decelerating?", [M3], ["utility-like"], "MSFT", "risk")
q("What's driving Nvidia's networking upside?", [N3], ["NVLink", "Spectrum-X"], "NVDA", "general")
q("What is the sentiment of the research on Tesla's Q4 2025 results?", [T4], ["negative", "-0.41"], "TSLA", "sentiment")
q("How is MSFT viewed after the fiscal Q3 2026 report: bullish or bearish?", [M3], ["mildly negative"], "MSFT", "sentiment")

# ---- answerable: companies a typical alias table would not know
q("Walk me through how Vantor's gross margin moved over the first three quarters of 2026.", [V1, V2, V3], ["48.7%", "50.2%", "49.1%"], "VLTS", "comparison", **U)
q("Did Halvorsen's TCE rates improve from Q2 to Q3 2025?", [H2, H3], ["$23,400", "$25,900"], "HMFR", "comparison", **U)
q("How exposed is VLTS to China, and why is that a risk?", [V2], ["31%"], "VLTS", "risk", **U)
q("What's the concentration risk in Ridgeline Valley's loan book?", [R2], ["312%"], "RVBC", "risk", **U)
q("What could go wrong for Corvena's obesity pill as it moves toward registration?", [K1], ["36-week"], "CRVN", "risk", **U)
q("How does Halvorsen Marine set its dividend?", [H2], ["60%"], "HMFR", "general", **U)
q("How bullish was the research on Corvena's Phase 2 readout?", [K1], ["strongly positive", "0.77"], "CRVN", "sentiment", **U)
q("What's the sentiment on PASH after it cut guidance?", [P2], ["negative", "-0.36"], "PASH", "sentiment", **U)
q("What did VLTS report for Q2 2026 revenue?", [V2], ["$447 million"], "VLTS", "factual", **U)
q("How much is Ridgeline Valley paying for Cascade Prairie Bank?", [R3], ["$186 million"], "RVBC", "factual", **U)
q("RVBC net interest margin in Q3 2025?", [R3], ["3.52%"], "RVBC", "factual", **U)
q("How much cash did Corvena hold after its Phase 2 quarter, and how long is the runway?", [K1], ["$742 million", "2028"], "CRVN", "factual", **U)
q("What explains Pell & Ashby's organic sales decline in fiscal Q1 2026?", [P1], ["3.1%", "1.3%"], "PASH", "factual", **U)
a = q("What was Vantor Lithography's order backlog at the end of Q1 2026?", [V1], ["$1.31 billion"], "VLTS", "factual", **U)
q("And by the end of the second quarter?", [V2], ["$1.42 billion"], "VLTS", "follow_up", follows=a, **U)
a = q("What quarterly dividend did HMFR declare for Q3 2025?", [H3], ["$0.52"], "HMFR", "factual", **U)
q("What was its net debt at that point?", [H3], ["$612 million"], "HMFR", "follow_up", follows=a, **U)
q("How big is the buyback Vantor announced in Q3 2026?", [V3], ["$250 million"], "VLTS", "factual", **U)
q("What weight loss did CRV-214 show versus placebo?", [K1], ["14.2%", "2.1%"], "CRVN", "factual", **U)

# ---- typos (answerable)
q("What was Ridgeline Vally Bancorp's net interest margin in Q2 2025?", [R2], ["3.41%"], "RVBC", "factual", typo=True, **U)
q("What gross margin did Nvidea report for Q3 of fiscal 2026?", [N3], ["73.6%"], "NVDA", "factual", typo=True)
q("How much did Corvina Therapeutics raise in its Q4 2025 follow-on, and at what price?", [K2], ["$400 million", "$38.50"], "CRVN", "factual", typo=True, **U)

# ---- near-miss unanswerable
na("What revenue did Microsoft's More Personal Computing segment post in fiscal Q1 2026?", "MSFT", "segment_figure")
na("How much revenue came from Vantor's overlay and metrology segment in Q1 2026?", "VLTS", "segment_figure")
na("What were Nvidia's gaming revenues in Q4 fiscal 2026?", "NVDA", "segment_figure")
na("What did Halvorsen's feeder container business contribute to Q3 2025 revenue?", "HMFR", "segment_figure")
na("What organic growth did Pell & Ashby's meals segment post in fiscal Q1 2026?", "PASH", "segment_figure")
na("What gross margin is TSMC earning these days?", "TSM", "passing_company")
na("What was Wells Fargo's net interest income in Q3 2025?", "WFC", "passing_company")
na("How much did Zions Bancorporation lose on the alleged loan fraud?", "ZION", "passing_company")
na("What is BJ's Wholesale's market share in the Northeast?", "BJ", "passing_company")
na("How much revenue did Microsoft 365 Copilot generate in fiscal Q2 2026?", "MSFT", "product_metric")
na("How many Cybertrucks did Tesla deliver in Q3 2025?", "TSLA", "product_metric")
na("How fast did Lumrexa sales grow in Q4 2025?", "CRVN", "product_metric")
na("How many Argus-7 orders has Vantor booked so far?", "VLTS", "product_metric")
na("When is Nvidia's Rubin platform expected to start shipping?", "NVDA", "undated_event")
na("When will Corvena begin the Phase 3 trial of CRV-214?", "CRVN", "undated_event")
na("When is Ridgeline Valley's Cascade Prairie acquisition expected to close?", "RVBC", "undated_event")
na("When will Halvorsen take delivery of its dual-fuel newbuilds?", "HMFR", "undated_event")
na("What was Ridgeline Valley's efficiency ratio in Q3 2025?", "RVBC", "other_measure")
na("What dividend per share does Pell & Ashby pay?", "PASH", "other_measure")
na("What was Microsoft's free cash flow in fiscal Q2 2026?", "MSFT", "other_measure")
na("How much free cash flow did Tesla generate in Q4 2025?", "TSLA", "other_measure")
na("What return on tangible common equity did JPMorgan post in Q4 2025?", "JPM", "other_measure")

if __name__ == "__main__":
    notes = os.path.join(HERE, "notes")
    bad = 0
    for d in Q:
        for g in d["gold_notes"]:
            text = open(os.path.join(notes, g), encoding="utf-8").read()
        for k in d["answer_keywords"]:
            if not any(k in open(os.path.join(notes, g), encoding="utf-8").read() for g in d["gold_notes"]):
                print("MISSING", d["id"], k); bad += 1
        if d["kind"] == "follow_up":
            assert any(x["id"] == d["follows"] for x in Q)
    with open(os.path.join(HERE, "qa.jsonl"), "w", encoding="utf-8") as f:
        for d in Q:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(Q), "questions", Counter(d["kind"] for d in Q), Counter(d.get("near_miss") for d in Q if d.get("near_miss")))
    print("unknown answerable", sum(1 for d in Q if d.get("unknown_company") and d["kind"] != "no_answer"), "typo", sum(1 for d in Q if d.get("typo")), "bad", bad)
