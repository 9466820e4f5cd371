"""The web page's HTML helpers: escaping, citation markers, highlighting, reports."""

from __future__ import annotations

import pytest

from ingest import LoadFailure
from ragbot.answer import Answer, Citation
from ragbot.reports import IngestReport
from ragbot.web import render

NOTE = "Intro line. Cloud <b>grew</b> 20% & margins rose. Capex <script>alert(1)</script> jumped. Outro."


def citation(n: int = 1, sentence: str = "Cloud <b>grew</b> 20% & margins rose.", source: str = "baba-<x>.txt", **extra) -> Citation:
    """A citation of ``sentence`` in ``NOTE``, its passage being the two middle sentences."""
    passage_start = NOTE.index("Cloud")
    text = NOTE[passage_start : NOTE.index(" Outro")]
    start = NOTE.find(sentence)
    fields = dict(
        n=n, source=source, tickers=["BABA"], sentiment_label="mildly negative", sentiment_score=-0.24, date="2025-05-01",
        text=text, start=start, end=start + len(sentence), score=1.0, sentence=sentence, passage_start=passage_start,
    )
    return Citation(**{**fields, **extra})


def test_pieces_cut_after_each_marker_run():
    text = "A rose 5% [1]. B fell [2][3] C said [x] so [4]"
    assert render.pieces(text) == ["A rose 5% [1].", "B fell [2][3]", "C said [x] so [4]"]
    assert render.pieces("I couldn't find this in your notes.") == ["I couldn't find this in your notes."]


def test_markers_become_links_and_text_is_escaped():
    answer = Answer('Capex <img src=x onerror="alert(1)"> jumped [1]. Odd [7] stays [2]', True, [citation(1), citation(2)])
    html = render.answer_html(answer, turn=3)
    assert '<a class="rb-cite" href="#cite-3-1"' in html and 'href="#cite-3-2"' in html
    assert "[7]" in html and "#cite-3-7" not in html
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert 'title="baba-&lt;x&gt;.txt"' in html


def test_not_found_answers_are_boxed_with_related_passages():
    related = citation(1, sentence="Capex <script>alert(1)</script> jumped.")
    html = render.answer_html(Answer("I couldn't find this in your notes.", False, [], [], [related]), turn=0)
    assert 'class="rb-notfound"' in html and "Not found in your notes" in html and "Possibly related" in html
    assert "<script>" not in html and "Capex &lt;script&gt;alert(1)&lt;/script&gt; jumped." in html
    assert 'href="#cite-0-1"' in html
    assert "Possibly related" not in render.answer_html(Answer("Nothing.", False), turn=0)


def test_user_questions_are_escaped():
    assert render.user_html("<script>x</script>") == '<p class="rb-question">&lt;script&gt;x&lt;/script&gt;</p>'


def test_highlight_marks_the_sentence_inside_the_passage():
    c = citation()
    html = render.note_html(c, NOTE)
    assert '<mark>Cloud &lt;b&gt;grew&lt;/b&gt; 20% &amp; margins rose.</mark>' in html
    assert html.index('<span class="rb-passage-hl">') < html.index("<mark>") < html.index("jumped.</span>")
    assert "<script>" not in html and "<b>" not in html


@pytest.mark.parametrize("outer, inner", [((-5, 999), (3, 1)), ((4, 2), (0, 50)), ((0, 3), (9, 12))])
def test_highlight_survives_bad_offsets(outer, inner):
    html = render.highlight("abcdefghij", outer, inner)
    assert html.replace('<span class="rb-passage-hl">', "").replace("</span>", "").replace("<mark>", "").replace("</mark>", "") == "abcdefghij"


def test_note_viewer_finds_the_sentence_when_the_note_moved():
    c = citation()
    moved = "New first paragraph.\n" + NOTE
    assert "<mark>Cloud &lt;b&gt;grew&lt;/b&gt; 20% &amp; margins rose.</mark>" in render.note_html(c, moved)
    assert "no longer in it" in render.note_html(c, "A different note.")


def test_cards_show_meta_badge_and_marked_passage():
    html = render.sources_html(Answer("x [1]", True, [citation(1, sentiment_label=None, sentiment_score=0.6)]), turn=2, active=1)
    assert 'data-cite="2-1"' in html and "rb-active" in html
    assert '<span class="rb-ticker">BABA</span>' in html and "rb-badge rb-positive" in html and "2025-05-01" in html
    assert "<mark>Cloud &lt;b&gt;grew&lt;/b&gt; 20% &amp; margins rose.</mark>" in html
    assert "baba-&lt;x&gt;.txt" in html


def test_related_passages_get_their_own_panel_title():
    assert "Possibly related" in render.sources_html(Answer("No.", False, related=[citation()]))
    assert "Ask a question" in render.sources_html(None)


@pytest.mark.parametrize(
    "label, score, tone",
    [("mildly negative", None, "negative"), ("strongly positive", -1.0, "positive"), ("neutral", 0.9, "neutral"),
     (None, 0.5, "positive"), (None, -0.2, "negative"), (None, 0.1, "neutral"), (None, None, "neutral")],
)
def test_sentiment_tone(label, score, tone):
    assert render.sentiment_tone(label, score) == tone


def test_cite_keys_round_trip_and_reject_junk():
    assert render.parse_cite_key(render.cite_key(4, 2)) == (4, 2)
    for junk in ("", "1", "a-1", "1-2-3", "1-2<script>", None):
        assert render.parse_cite_key(junk) is None


def test_report_lists_outcomes_and_escaped_failures():
    report = IngestReport(added=["a.txt"], unchanged=["b.txt", "c.txt"], failed=[LoadFailure("<bad>.txt", "binary <file>")])
    html = render.report_html(report)
    assert '<div class="rb-count rb-count-added"><b>1</b><span>added</span></div>' in html
    assert '<b>2</b><span>unchanged</span>' in html and '<b>1</b><span>failed</span>' in html
    assert "&lt;bad&gt;.txt" in html and "binary &lt;file&gt;" in html and "<bad>" not in html


def test_a_paged_citation_shows_its_page_on_the_card_and_in_the_note():
    assert '<span class="rb-page">p. 12</span>' in render.card_html([citation(page=12)], turn=0)
    assert '<span class="rb-page">p. 12</span>' in render.note_html(citation(page=12), NOTE)
    assert "rb-page" not in render.card_html([citation()], turn=0)  # plain-text notes have no pages


def test_two_markers_on_one_passage_share_a_card_and_the_panel_counts_sources_and_notes():
    second = "Capex <script>alert(1)</script> jumped."
    other = citation(3, source="nvda.txt")
    html = render.sources_html(Answer("a [1] b [2] c [3]", True, [citation(1), citation(2, sentence=second), other]), turn=0, active=2)
    assert html.count('role="button"') == 2
    assert "3 sources from 2 notes \u00b7 2 passages" in html
    first_card = html[html.index('data-cites="0-1 0-2"') : html.index('data-cites="0-3"')]
    assert '<div class="rb-card rb-active" data-cites="0-1 0-2" data-cite="0-2"' in html  # [2] is active: its card reopens it
    assert '<span class="rb-num">[1]</span><span class="rb-num">[2]</span>' in first_card
    assert first_card.count("<mark>") == 2 and "<mark>Capex &lt;script&gt;alert(1)&lt;/script&gt; jumped.</mark>" in first_card
    assert "1 source from 1 note<" in render.sources_html(Answer("a [1]", True, [citation(1)]))


def test_a_passages_date_line_is_neither_shown_on_its_card_nor_highlighted_in_the_note():
    note = "Date: 2025-05-21\nAlibaba said cloud revenue grew 26% on AI demand. Margins rose."
    sentence = "Margins rose."
    c = citation(text=note, passage_start=0, start=note.index(sentence), end=len(note), sentence=sentence)
    card = render.sources_html(Answer("x [1]", True, [c]))
    assert "Date:" not in card and "Alibaba said cloud revenue" in card
    viewer = render.note_html(c, note)
    assert viewer.index("Date: 2025-05-21") < viewer.index('<span class="rb-passage-hl">Alibaba said')
