"""Synthetic research notes in the real note format, deterministic from a seed.

Each note has a news paragraph with figures, a long analysis paragraph, the marketing footer
and the sentiment block, about 2,000-3,000 characters in all, for one of ~40 real companies
(names from ``ingest/data/companies.csv``). Note ``i`` depends only on ``(seed, i)``, so a
set of 300 notes is the first 300 of a set of 5,000.

    .venv/bin/python benchmarks/synthetic.py --notes 30 --out /tmp/notes
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COMPANIES_CSV = Path(__file__).resolve().parents[1] / "ingest" / "data" / "companies.csv"
FOOTER = "AI-powered research, real-time alerts, and portfolio analytics for institutional investors."

# sector -> (segments, products, sector-specific risks)
SECTORS = {
    "semis": (["data center", "gaming GPU", "AI accelerator", "networking", "PC processor", "automotive chip"],
              ["next-generation accelerators", "custom silicon", "high-bandwidth memory", "2nm wafers"],
              ["export controls on advanced chips", "tight advanced packaging capacity", "customer concentration in hyperscalers"]),
    "software": (["cloud", "productivity software", "AI services", "database", "security"],
                 ["AI copilots", "managed inference", "subscription bundles", "cloud credits"],
                 ["slower enterprise IT budgets", "seat-based pricing pressure from AI agents", "rising depreciation from data centers"]),
    "internet": (["online advertising", "search", "short video", "online games", "AI cloud"],
                 ["AI search answers", "ad-targeting models", "mini-games", "large language models"],
                 ["antitrust scrutiny", "a price war in AI model pricing", "weaker advertiser budgets"]),
    "ecommerce": (["marketplace", "logistics", "instant commerce", "cross-border", "grocery delivery"],
                  ["same-hour delivery", "merchant subsidies", "membership programs", "overseas fulfilment"],
                  ["a subsidy-driven price war", "the end of the de minimis exemption", "heavy merchant incentives"]),
    "ev": (["vehicle deliveries", "vehicle margin", "energy storage", "autonomous driving", "battery"],
           ["a refreshed SUV lineup", "robotaxi pilots", "battery swap stations", "driver-assistance software"],
           ["a domestic EV price war", "battery raw material costs", "trade-in subsidy expiry"]),
    "hardware": (["smartphone", "services", "wearables", "PC", "smart home"],
                 ["on-device AI features", "a foldable handset", "premium subscriptions", "a new chip design"],
                 ["component cost inflation", "app store regulation", "a lengthening upgrade cycle"]),
    "consumer": (["same-store sales", "membership fee", "China store", "digital order", "beverage volume"],
                 ["a value menu", "loyalty app upgrades", "store remodels", "private-label ranges"],
                 ["weaker low-income consumer spending", "coffee and cocoa input costs", "boycotts in key markets"]),
    "pharma": (["GLP-1 franchise", "oncology", "vaccines", "immunology"],
               ["an oral obesity pill", "a late-stage cancer readout", "new manufacturing capacity"],
               ["drug pricing negotiations", "patent expirations", "compounded-drug competition"]),
    "banks": (["net interest income", "investment banking fee", "trading revenue", "wealth management"],
              ["deal advisory mandates", "private credit funds", "deposit pricing"],
              ["credit card charge-offs", "commercial real estate losses", "capital rule changes"]),
    "payments": (["cross-border volume", "payment volume", "value-added services"],
                 ["tokenised cards", "agentic commerce tools", "real-time payments"],
                 ["interchange fee litigation", "softer travel spending", "stablecoin competition"]),
    "energy": (["upstream production", "refining margin", "LNG", "chemicals"],
               ["Permian output", "a Guyana expansion", "carbon capture projects"],
               ["lower crude prices", "OPEC+ supply increases", "refinery outages"]),
    "media": (["streaming subscriber", "ad-supported tier", "live sports", "theme park"],
              ["live events", "a password-sharing crackdown", "price increases"],
              ["content cost inflation", "a foreign tax dispute", "sports rights bidding wars"]),
}
TICKERS = {
    "semis": "NVDA AMD INTC AVGO QCOM MU TSM ASML", "software": "MSFT ORCL CRM ADBE",
    "internet": "GOOGL META BIDU TCEHY", "ecommerce": "AMZN BABA JD PDD MPNGY", "ev": "TSLA NIO XPEV LI BYDDY",
    "hardware": "AAPL XIACY", "consumer": "WMT COST MCD SBUX NKE KO", "pharma": "LLY PFE", "banks": "JPM GS",
    "payments": "V MA", "energy": "XOM CVX", "media": "NFLX DIS",
}
CHINA = {"BIDU", "TCEHY", "BABA", "JD", "PDD", "MPNGY", "NIO", "XPEV", "LI", "BYDDY", "XIACY"}
GENERAL_RISKS = ["tariffs", "currency swings", "higher interest rates", "regulatory fines", "a slowing macro backdrop"]
CATALYSTS = ["an investor day", "a larger buyback", "a margin guidance raise", "AI monetisation milestones",
             "a new product launch", "an index inclusion", "a cost-cutting program", "price increases"]
EXECUTIVES = ["the chief executive", "the CFO", "management", "the company's president", "the head of the unit"]
LABELS = [(0.5, "strongly positive"), (0.15, "mildly positive"), (-0.15, "neutral"), (-0.5, "mildly negative"), (-2, "strongly negative")]
TICKER_LINE = ["{t} {s:.2f}", "{t}: {s:.2f}", "${t} {s:.2f}", "{t}\t{s:.2f}", "{t} ({s:.2f})", "{t}\n{s:.2f}"]


@dataclass(frozen=True)
class Company:
    ticker: str
    name: str
    sector: str

    @property
    def currency(self) -> str:
        return "RMB " if self.ticker in CHINA else "$"


@lru_cache(maxsize=1)
def companies() -> list[Company]:
    """The ~40 companies notes are about, named as in ``companies.csv`` (first alias)."""
    with COMPANIES_CSV.open(encoding="utf-8") as f:
        names = {row["ticker"]: row["aliases"].split("|")[0] or row["name"] for row in csv.DictReader(f)}
    return [Company(t, names[t], sector) for sector, tickers in TICKERS.items() for t in tickers.split()]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def label_for(score: float) -> str:
    return next(label for floor, label in LABELS if score >= floor)


class NoteWriter:
    """Writes one note from a seeded ``random.Random``."""

    def __init__(self, rng: random.Random, company: Company):
        self.r = rng
        self.c = company
        self.peer = rng.choice([p for p in companies() if p.sector == company.sector and p != company])
        segments, products, risks = SECTORS[company.sector]
        self.segment, self.segment2 = rng.sample(segments, 2)
        self.product = rng.choice(products)
        self.risk, self.risk2 = rng.sample(risks + GENERAL_RISKS, 2)
        self.catalyst = rng.choice(CATALYSTS)
        year = rng.choice([2024, 2025])
        self.quarter = rng.choice([f"Q{rng.randint(1, 4)} {year}", f"the {rng.choice(['March', 'June', 'September', 'December'])} quarter",
                                   f"Q{rng.randint(1, 4)} FY{year % 100 + 1}"])
        self.score = round(rng.uniform(-0.9, 0.9), 2)

    def pct(self, low: float = 1, high: float = 45) -> str:
        return f"{self.r.uniform(low, high):.1f}%"

    def money(self, low: float = 0.5, high: float = 90) -> str:
        return f"{self.c.currency}{self.r.uniform(low, high):.1f} billion"

    def news(self) -> str:
        r, c = self.r, self.c
        up = r.choice(["rose", "grew", "climbed", "jumped", "fell", "declined"])
        sentences = [
            f"{c.name} reported revenue of {self.money(5, 120)} for {self.quarter}, {r.choice(['up', 'down'])} {self.pct(1, 30)} year over year, "
            f"as {self.segment} revenue {up} {self.pct()} to {self.money()}.",
            f"Operating margin {r.choice(['expanded', 'narrowed', 'held near'])} {self.pct(5, 40)} against {self.pct(5, 40)} a year earlier, "
            f"{r.choice(['beating', 'missing', 'roughly matching'])} consensus by {r.randint(1, 9)} cents a share.",
            f"Management guided next-quarter revenue to {self.money(5, 120)}, {r.choice(['above', 'below', 'in line with'])} the Street's {self.money(5, 120)}.",
            f"{cap(r.choice(EXECUTIVES))} said demand for {self.product} {r.choice(['remains ahead of supply', 'is stabilising', 'slowed late in the period', 'accelerated through the quarter'])}.",
            f"The company {r.choice(['bought back', 'returned', 'committed'])} {self.money(0.2, 15)} to shareholders and its shares "
            f"{r.choice(['rose', 'fell', 'slipped', 'surged'])} {self.pct(0.5, 12)} in after-hours trading.",
            f"{cap(self.segment2)} revenue was {self.money(0.3, 40)}, and {r.randint(2, 60)} million customers now use {self.product}.",
        ]
        return " ".join([sentences[0], *r.sample(sentences[1:], r.randint(1, 3))])

    def analysis_pool(self) -> list[str]:
        r, c, p = self.r, self.c, self.peer
        return [
            f"The {self.segment} print matters more than the headline, because it is where {c.name} earns its incremental margin and where investors anchor the multiple.",
            f"We think the street still underestimates how quickly {self.product} can scale once pricing settles, which argues for estimates rising {self.pct(2, 15)} over the next year.",
            f"The main risk is {self.risk}: a prolonged episode could take {self.pct(1, 8)} off earnings and push the recovery out by two or three quarters.",
            f"{cap(self.risk2)} is a secondary concern, though management's hedging and pricing actions should blunt most of the impact.",
            f"{p.name} faces a similar setup, but its exposure to {self.segment2} is smaller, which makes the comparison less direct than headlines suggest.",
            f"At {r.randint(9, 45)}x forward earnings the shares trade {r.choice(['at a discount to', 'in line with', 'at a premium to'])} their five-year average, so the valuation leaves {r.choice(['little', 'some', 'ample'])} room for disappointment.",
            f"Free cash flow of {self.money(0.5, 40)} over the trailing year gives {c.name} room to keep investing through the cycle while funding buybacks.",
            f"The catalyst we are watching is {self.catalyst}, which could reset expectations for {self.segment2} within {r.choice(['six months', 'a year', 'two quarters'])}.",
            f"Capital spending of {self.money(0.5, 30)} this year is heavy, and depreciation will weigh on reported margins before the returns show up.",
            f"Channel checks point to {r.choice(['firm', 'patchy', 'improving', 'softening'])} demand in {r.choice(['North America', 'Europe', 'China', 'Southeast Asia', 'Latin America'])}, consistent with the guidance.",
            f"Competition is intensifying as rivals copy {self.product}, so sustaining share will depend on execution rather than on a structural moat.",
            f"Gross margin guidance of {self.pct(20, 75)} implies mix is shifting toward higher-value {self.segment} offerings, which is the right direction.",
            f"Inventory days {r.choice(['fell', 'rose', 'were flat'])} sequentially, a sign that {r.choice(['supply and demand are balanced', 'the channel is still digesting stock', 'restocking has begun'])}.",
            f"Investors should watch the {self.segment2} disclosure next quarter, since a miss there would undermine the bull case faster than any macro headline.",
            f"Operating expenses grew {self.pct(1, 20)}, slower than revenue, so the operating leverage story remains intact for now.",
            f"The balance sheet carries {self.money(1, 60)} of net cash, which limits downside if {self.risk} escalates.",
            f"Consensus expects earnings per share to grow {self.pct(3, 30)} next year, and our estimate sits {r.choice(['slightly above', 'below', 'in line with'])} that figure.",
            f"Relative to {p.name} ({p.ticker}), {c.name} has the stronger position in {self.segment}, but the gap has narrowed since last year.",
            f"Pricing discipline has held so far, yet any sign of discounting in {self.segment} would be an early warning for margins.",
            f"Management's tone on the call was {r.choice(['confident', 'cautious', 'defensive', 'upbeat'])}, and the Q&A focused on {self.segment2} and on {self.risk}.",
            f"A re-rating would need proof that {self.product} can earn returns above the cost of capital, which we expect to see by {r.choice(['mid-2026', 'year-end', 'the next fiscal year'])}.",
            f"Regulators remain a wildcard, although recent rulings have been {r.choice(['benign', 'mixed', 'harsher than expected'])} for the sector.",
        ]

    def analysis(self, chars: int) -> str:
        label = label_for(self.score)
        pool = self.analysis_pool()
        self.r.shuffle(pool)
        closing = f"Overall, we are {label} on {self.c.name} after the {self.quarter} print, with {self.risk} the swing factor."
        sentences: list[str] = []
        while pool and sum(len(s) + 1 for s in sentences) < chars:
            sentences.append(pool.pop())
        return " ".join([*sentences, closing])

    def sentiment_block(self) -> str:
        r = self.r
        lines = [r.choice(["Request a DemoOverall Sentiment", "Request DemoOverall Sentiment"]), label_for(self.score),
                 "Sentiment Score", f"{self.score:.2f}", "Ticker Sentiment"]
        if r.random() > 0.1:
            tickers = [self.c.ticker] + ([self.peer.ticker] if r.random() < 0.2 else [])
            layout = r.choice(TICKER_LINE)
            for t in tickers:
                lines.append(layout.format(t=t, s=max(-1.0, min(1.0, self.score + r.uniform(-0.2, 0.2)))))
        return "\n".join(lines)

    def note(self) -> str:
        news = self.news()
        analysis = self.analysis(self.r.randint(1700, 2300) - len(news))
        text = "\n".join([news, analysis, FOOTER, self.sentiment_block()])
        text = ("\n" if self.r.random() < 0.05 else "") + text
        return text + ("\n" if self.r.random() < 0.8 else "")


def note(seed: int, i: int) -> tuple[str, str]:
    """The ``i``-th note of set ``seed``: (file name, text)."""
    rng = random.Random(f"{seed}:{i}")
    company = rng.choice(companies())
    return f"{company.ticker.lower()}-{i:05d}.txt", NoteWriter(rng, company).note()


def write_notes(folder: Path, n: int, seed: int = 0, note: Callable[[int, int], tuple[str, str]] = note) -> Path:
    """Write notes ``0..n-1`` (``note(seed, i)``: file name and text) into ``folder`` (created)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        name, text = note(seed, i)
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:  # keep mtimes (the note date) stable
            path.write_text(text, encoding="utf-8")
    return folder


def questions(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` varied (kind, question) pairs in the notes' vocabulary: company-specific and general."""
    rng = random.Random(f"questions:{seed}")
    out = []
    for i in range(n):
        c = rng.choice(companies())
        w = NoteWriter(rng, c)
        by_kind = {
            "company": [f"What did {c.name} report for {w.segment} revenue?", f"What are the main risks for {c.name}?",
                        f"How did {c.name}'s operating margin change in {w.quarter}?", f"What guidance did {c.name} give for next quarter?",
                        f"Is {c.name} exposed to {w.risk}?", f"What catalysts could move {c.name} shares?",
                        f"How much free cash flow does {c.name} generate?", f"What is the valuation of {c.name} on forward earnings?"],
            "general": [f"Which companies are exposed to {w.risk}?", f"Who benefits from {w.product}?",
                        f"Where is demand for {w.segment} accelerating?", "Which companies raised guidance above the Street?",
                        f"Which companies have heavy capital spending on {w.segment2}?"],
            "comparison": [f"How does {c.name} compare with {w.peer.name} in {w.segment}?"],
            "sentiment": [f"What is the sentiment on {c.name}?"],
        }
        kind = rng.choices(list(by_kind), weights=[60, 25, 10, 5])[0]
        out.append((kind, rng.choice(by_kind[kind])))
    return out


def main(kind: str = "synthetic", write: Callable[[Path, int, int], Path] = write_notes) -> None:
    parser = argparse.ArgumentParser(description=f"Write N {kind} research notes (deterministic from --seed).")
    parser.add_argument("--notes", type=int, default=30, help="how many notes (default 30)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="set seed (default 0)")
    args = parser.parse_args()
    write(args.out, args.notes, args.seed)
    print(f"wrote {args.notes} notes to {args.out}")


if __name__ == "__main__":
    main()
