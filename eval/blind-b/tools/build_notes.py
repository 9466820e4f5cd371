"""Write blind-b notes in the seed-note layout (stdlib only)."""
import os
from notes_src import NOTES

FOOTER = "AI-powered research, real-time alerts, and portfolio analytics for institutional investors."
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notes")

def render(n):
    parts = ("\n" if n["lead_blank"] else "") + "\n".join(n["news"] + [n["analysis"], FOOTER])
    parts += "\n" + n["footer"] + "Overall Sentiment\n" + n["label"] + "\nSentiment Score\n" + n["score"] + "\nTicker Sentiment"
    for sym, lab, sc in n["tickers"]:
        parts += "\n" + sym + "\n" + lab + "\n" + sc
    return parts

os.makedirs(OUT, exist_ok=True)
for n in NOTES:
    with open(os.path.join(OUT, n["file"]), "w", encoding="utf-8") as f:
        f.write(render(n))
print(len(NOTES), "notes written")
