"""HTML and saved web pages -> article text, via ``trafilatura`` (Apache-2.0).

trafilatura drops navigation, cookie banners, scripts and site footers, and gives the page
title and publication date. It also drops the research site's sentiment block (it is not
article text), so that block is first read from the page's full text (``lxml``, BSD-3-Clause)
and appended after the article, where every note keeps it.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError, XMLSyntaxError

from ingest.readers.base import Extracted, ReaderLimits, UnreadableDocument
from ingest.sentiment import BLOCK_START

# Elements that start a new line in a browser's rendering of the page.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
    "tr", "ul",
}
_INVISIBLE = ("script", "style", "noscript", "template", "head")
_SECTION = re.compile(r"^(overall|sentiment\s+score|ticker)\b", re.IGNORECASE)  # the block's three headers
_VALUE = re.compile(r"^[\s$A-Za-z0-9.:()\u2212+-]{1,40}$")  # "mildly positive", "0.22"
_TICKER_LINE = re.compile(r"^([\s$:,;()\[\]|=]*(\$?[A-Z0-9][A-Z0-9.\-]{0,11}|[-+\u2212]?\d*\.?\d+))+[\s)\]]*$")
MIN_ARTICLE_WORDS = 8  # less is a menu or a link trafilatura fell back to, not an article (a sentence: 8-20)
BLOCK_LINES = 40  # at most this many lines are read as the sentiment block (a few dozen tickers)


def page_lines(root: lxml.html.HtmlElement) -> list[str]:
    """The page's visible text, one line per block element (what a reader copies from it)."""
    for element in root.iter(*_INVISIBLE):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return [line for line in lines if line]


def sentiment_block(lines: list[str]) -> str:
    """The sentiment block of a page: from its last "Overall Sentiment" header, its headers and
    their values (one short value for the label and the score, ticker lines for Ticker
    Sentiment), stopping at the first line that is none of these (the site's footer)."""
    starts = [i for i, line in enumerate(lines) if BLOCK_START.search(line)]
    if not starts:
        return ""
    block: list[str] = []
    section, values = "", 0
    for line in lines[starts[-1] : starts[-1] + BLOCK_LINES]:
        header = BLOCK_START.search(line) if not block else None
        line = line[header.start() :] if header else line  # "Request a DemoOverall Sentiment"
        heading = _SECTION.match(line)
        if heading and not _TICKER_LINE.match(line):
            section, values = heading.group(1).split()[0].lower(), int(bool(re.search(r":\s*\S", line)))
        elif section == "ticker" and _TICKER_LINE.match(line):
            pass
        elif section in ("overall", "sentiment") and values == 0 and _VALUE.match(line):
            values += 1
        else:
            break
        block.append(line)
    return "\n".join(block)


def read_html(data: bytes, limits: ReaderLimits) -> Extracted:
    """The article text with the sentiment block after it; the page title as the title."""
    try:  # trafilatura's loader detects the encoding (a declared charset, else a guess)
        root, page = trafilatura.load_html(data), trafilatura.load_html(data)
    except (ParserError, XMLSyntaxError, ValueError) as error:
        raise UnreadableDocument(f"not readable HTML ({error})") from error
    if root is None:
        raise UnreadableDocument("not readable HTML")
    document = trafilatura.bare_extraction(
        root, include_tables=True, include_comments=False, with_metadata=True, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    article = (document.text or "").strip() if document else ""
    if len(article.split()) < MIN_ARTICLE_WORDS:
        raise UnreadableDocument("no article text in the page")
    block = "" if BLOCK_START.search(article) else sentiment_block(page_lines(page))
    text = f"{article}\n{block}" if block else article
    return Extracted(text=text, title=(document.title or None), date=(document.date or None))
