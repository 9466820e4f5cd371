"""Writes qa.jsonl for the blind long-document set and checks keywords (stdlib only)."""
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
Q = []


def q(question, gold, kw, ticker, kind, where="table", **extra):
    d = {"id": "l%03d" % (len(Q) + 1), "question": question, "gold_notes": gold,
         "answer_keywords": kw, "ticker": ticker, "kind": kind}
    if kind != "no_answer":
        d["source"] = where  # table = pipe-table row, list = one-figure-per-line list, prose
    d.update(extra)
    Q.append(d)
    return d["id"]


K = "kestrel-grid-ar2024-mdna.md"
M = "marrowfield-pharma-ar2024-financial-review.md"
O = "olvane-semi-ar2024-business-results.md"
B = "brightwater-utilities-ar2024-operations.md"
T = "tessaly-logistics-ar2024-mdna.md"
N = "northcairn-insurance-ar2024-review.md"
V = "verrin-electric-ar2024-mdna.md"

# Kestrel Grid Technologies
q("What was Kestrel Grid Technologies' FY2024 research and development expense?", [K], ["268"], "KGRD", "factual")
q("How much net income did Kestrel Grid report for FY2023?", [K], ["557"], "KGRD", "factual")
q("What operating margin did Kestrel's Transformers segment earn in fiscal 2024?", [K], ["19.8%"], "KGRD", "factual")
q("How large was KGRD's backlog at the end of 2024?", [K], ["$14.6 billion"], "KGRD", "factual", where="list")
q("What free cash flow did Kestrel Grid generate in 2024?", [K], ["$872 million"], "KGRD", "factual", where="list")
a = q("What revenue did Kestrel's Grid Software & Services segment post in FY2023?", [K], ["805"], "KGRD", "factual")
q("And how much did that segment bring in the following year?", [K], ["927"], "KGRD", "follow_up", follows=a)
q("When does Kestrel expect its new South Carolina transformer plant to start production?", [K], ["second half of 2026"], "KGRD", "factual", where="prose")
q("What supply-chain risk does Kestrel Grid highlight for its transformers?", [K], ["grain-oriented electrical steel"], "KGRD", "risk", where="prose")

# Verrin Electric (same industry as Kestrel)
q("What was Verrin Electric's FY2024 research and development expense?", [V], ["173"], "VRNE", "factual")
q("How much did Verrin's EV Charging segment lose at the operating line in FY2024?", [V], ["-96"], "VRNE", "factual")
q("What were Verrin Electric's restructuring and impairment charges in 2024?", [V], ["128"], "VRNE", "factual")
q("How many meters did Verrin ship in 2024?", [V], ["4.7 million"], "VRNE", "factual", where="list")
q("What did Verrin's board decide to do about the EV Charging business?", [V], ["strategic review"], "VRNE", "general", where="prose")
q("Compare research and development spending at Kestrel Grid and Verrin Electric in FY2024.", [K, V], ["268", "173"], None, "comparison")

# Marrowfield Pharmaceuticals
q("How much did Marrowfield Pharmaceuticals spend on R&D in FY2024?", [M], ["2,931"], "MRWF", "factual")
q("What were Tavrelimab's sales in 2024?", [M], ["4,118"], "MRWF", "factual")
q("What did Cardovex sell in FY2023, before generic entry?", [M], ["1,688"], "MRWF", "factual")
q("How much product revenue did Marrowfield generate in Japan in 2024?", [M], ["$688 million"], "MRWF", "factual", where="list")
q("What was MRWF's net debt to EBITDA at year-end 2024?", [M], ["1.6x"], "MRWF", "factual", where="list")
q("Which pipeline program did Marrowfield discontinue in 2024?", [M], ["MRW-230"], "MRWF", "general", where="prose")
q("What revenue growth is Marrowfield guiding to for 2025?", [M], ["high single-digit"], "MRWF", "factual", where="prose")

# Olvane Semiconductor
q("What automotive revenue did Olvane Semiconductor report for FY2024?", [O], ["2,318"], "OLVN", "factual")
q("What was Olvane's fiscal 2024 gross margin?", [O], ["51.0%"], "OLVN", "factual", where="list")
q("How much stock did Olvane buy back in FY2023?", [O], ["740"], "OLVN", "factual")
q("What dividend per share did OLVN declare for fiscal 2024?", [O], ["$2.48"], "OLVN", "factual", where="list")
q("How many days of inventory was Olvane carrying at the end of fiscal 2024?", [O], ["301"], "OLVN", "factual", where="list")
q("What restructuring charges did Olvane book in fiscal 2024 and what were they for?", [O], ["41", "Scotland"], "OLVN", "factual")
q("Why did Olvane's industrial revenue fall in FY2024 and by how much?", [O], ["1,602", "1,991"], "OLVN", "comparison")

# Brightwater Utilities
q("What weighted average return on equity was Brightwater Utilities authorized in its 2024 rate cases?", [B], ["9.72%"], "BWTR", "factual", where="list")
q("What revenue did Brightwater's Regulated Businesses segment generate in FY2024?", [B], ["1,967"], "BWTR", "factual")
q("What were BWTR's diluted earnings per share in 2024?", [B], ["2.71"], "BWTR", "factual")
q("How much did Brightwater invest in treatment and water quality, including PFAS, in 2024?", [B], ["$298 million"], "BWTR", "factual", where="list")
q("How big is Brightwater's five-year capital plan?", [B], ["$7.3 billion"], "BWTR", "factual", where="prose")
q("What are the main environmental compliance risks for Brightwater Utilities?", [B], ["PFAS"], "BWTR", "risk", where="prose")

# Tessaly Logistics
q("What was Tessaly Logistics' net revenue in FY2024?", [T], ["2,476"], "TSLY", "factual")
q("How much net revenue did Tessaly's Contract Logistics segment produce in 2024?", [T], ["968"], "TSLY", "factual")
q("What was Truckload Brokerage's income from operations at Tessaly in FY2024?", [T], ["158"], "TSLY", "factual")
q("What net revenue margin did TSLY report for 2024?", [T], ["33.4%"], "TSLY", "factual", where="list")
q("How much did Tessaly spend on share repurchases in 2024?", [T], ["$240 million"], "TSLY", "factual", where="list")
q("Where was the cross-border broker Tessaly acquired in the third quarter based?", [T], ["Laredo"], "TSLY", "factual", where="prose")

# Northcairn Insurance Group
q("What combined ratio did Northcairn Insurance Group report for 2024?", [N], ["89.9%"], "NCIG", "factual", where="list")
q("What was the International Specialty combined ratio at Northcairn in FY2024?", [N], ["86.1%"], "NCIG", "factual")
q("What was NCIG's book value per share at the end of FY2024?", [N], ["71.40"], "NCIG", "factual")
q("How much gross premium did Northcairn's Reinsurance segment write in FY2023?", [N], ["1,133"], "NCIG", "factual")
q("How much net investment income did Northcairn earn in 2024?", [N], ["$1,042 million"], "NCIG", "factual", where="list")
q("What is the main reserving risk Northcairn flags for its casualty book?", [N], ["social inflation"], "NCIG", "risk", where="prose")

# no_answer: figures not in the documents
q("How many employees did Kestrel Grid Technologies have at the end of 2024?", [], [], "KGRD", "no_answer", near_miss="other_measure")
q("What were Nephrasol's sales in China in 2024?", [], [], "MRWF", "no_answer", near_miss="segment_figure")
q("What was Olvane Semiconductor's free cash flow in fiscal 2024?", [], [], "OLVN", "no_answer", near_miss="other_measure")
q("What were Northcairn's net catastrophe losses in FY2023?", [], [], "NCIG", "no_answer", near_miss="other_measure")
q("What gross margin did Verrin's EV Charging segment earn in FY2024?", [], [], "VRNE", "no_answer", near_miss="segment_figure")

if __name__ == "__main__":
    bad = 0
    for d in Q:
        texts = [open(os.path.join(HERE, "notes", g), encoding="utf-8").read() for g in d["gold_notes"]]
        for k in d["answer_keywords"]:
            n = sum(t.count(k) for t in texts)
            if n == 0:
                print("MISSING", d["id"], k); bad += 1
            elif n > 1 and d["kind"] != "comparison":
                print("note: keyword occurs %d times" % n, d["id"], k)
    with open(os.path.join(HERE, "qa.jsonl"), "w", encoding="utf-8") as f:
        for d in Q:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(Q), "questions", Counter(d["kind"] for d in Q), Counter(d.get("source") for d in Q), "bad", bad)
