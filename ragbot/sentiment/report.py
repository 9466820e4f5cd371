"""The per-ticker sentiment figures ``ragbot sentiment`` prints (table or JSON) and the page plots."""

from __future__ import annotations

from datetime import date

from ragbot.sentiment.catalog import NoteCatalog
from ragbot.sentiment.query import Period, Scored, Trend, summary, trend
from ragbot.windows import Window


def window_of(since: date | None, until: date | None) -> Window | None:
    return Window(since, until, "the given dates") if since or until else None


def ticker_trends(catalog: NoteCatalog, tickers: list[str], window: Window | None, period: Period | None) -> dict[str, Trend | None]:
    """Each ticker's trend over ``window`` (None for a ticker without notes there)."""
    return {t: trend(found, period) if (found := summary(catalog, t, window)) else None for t in tickers}


def note_json(item: Scored) -> dict:
    r = item.record
    return {"source": r.source, "title": r.title, "date": r.day.isoformat() if r.day else None, "date_source": r.date_source,
            "label": item.label, "score": round(item.score, 4), "overall_score": r.score}


def trend_json(found: Trend | None) -> dict:
    """``{"notes","average","first","last","change","period","periods":[{"period","average","notes"}],"items":[...]}``."""
    if found is None:
        return {"notes": 0, "average": None, "first": None, "last": None, "change": None, "period": None, "periods": [], "items": []}
    s = found.summary
    return {
        "notes": len(s.notes),
        "average": round(s.average, 4),
        "first": note_json(s.first),
        "last": note_json(s.last),
        "change": round(found.change, 4),
        "period": found.period,
        "periods": [{"period": p.period, "average": round(p.average, 4), "notes": len(p.notes)} for p in found.periods],
        "items": [note_json(n) for n in s.notes],
    }
