"""Tree clean-up, date words and boilerplate lines: the fixes the benchmark corpus asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from newswire.measure.parse_eval import evaluate, f1, load_corpus, precision_recall
from newswire_fetcher.cleanup import clean_tree, cut_tree
from newswire_fetcher.dates import parse_page_date
from newswire_fetcher.datewords import english_date, is_date_line
from newswire_fetcher.parse import parse_html
from newswire_fetcher.text import strip_head

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
CORPUS = Path(__file__).parents[3] / "bench" / "fetcher" / "corpus"


def paragraphs_of(markup: str) -> list[str]:
    tree = lxml.html.document_fromstring(markup)
    clean_tree(tree)
    return [" ".join(p.text_content().split()) for p in tree.iter("p")]


def test_double_breaks_become_paragraphs() -> None:
    found = paragraphs_of(
        "<div>First <b>bold</b> line.<br><br>\n Second line.<br>\n<br><br>Third<br>\nstill third"
        "</div>"
    )
    assert found == ["First bold line.", "Second line.", "Third still third"]


def test_single_breaks_are_left_alone() -> None:
    tree = lxml.html.document_fromstring("<div>Line one<br>line two<br>line three</div>")
    clean_tree(tree)
    assert tree.find(".//p") is None


def test_layout_tables_become_divs_and_data_tables_stay() -> None:
    story = "x " * 300
    tree = lxml.html.document_fromstring(
        f"<table><tr><td><h1>Title</h1></td></tr></table>"
        f"<table id='layout'><tr><td>{story}</td></tr></table>"
        "<table id='data'><tr><th>Party</th><th>Seats</th></tr><tr><td>Greens</td><td>14</td>"
        "</tr></table>"
    )
    clean_tree(tree)
    assert [t.get("id") for t in tree.iter("table")] == ["data"]


def test_social_embeds_are_dropped() -> None:
    found = paragraphs_of(
        "<p>Story.</p><blockquote class='twitter-tweet'><p>Someone's post</p></blockquote>"
        "<blockquote><p>A real quoted letter stays.</p></blockquote>"
    )
    assert found == ["Story.", "A real quoted letter stays."]


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><head><title>t</title></head><body>{body}</body></html>"
    )


def _outline(tree: lxml.html.HtmlElement) -> str:
    return lxml.html.tostring(tree.body, encoding="unicode")


@pytest.mark.parametrize(
    ("body", "max_elements", "max_chars", "expected"),
    [
        # Under both budgets: untouched.
        ("<p>one</p><p>two</p>", 100, 100, "<body><p>one</p><p>two</p></body>"),
        # html, head, title, body, p = 5 elements: the second <p> and all after it go.
        ("<p>one</p>x<p>two</p>y<div><p>three</p></div>", 5, 100, "<body><p>one</p>x</body>"),
        # The element count is reached inside a nested block: its later siblings and every
        # later sibling of its ancestors go, with the ancestors' tails.
        (
            "<div><p>a</p><p>b</p><p>c</p></div>tail<p>d</p>",
            7,
            100,
            "<body><div><p>a</p><p>b</p></div></body>",
        ),
        # A text that crosses the character budget is shortened, its children dropped.
        ("<p>abcdef<b>g</b></p><p>hij</p>", 100, 1 + 4, "<body><p>abcd</p></body>"),
        # A tail that crosses it likewise ("t" of the title counts 1).
        ("<p>ab</p>cdefgh<p>ij</p>", 100, 1 + 2 + 3, "<body><p>ab</p>cde</body>"),
        # Script text does not count: it is never article text.
        (
            "<script>" + "x" * 50 + "</script><p>abc</p>",
            100,
            10,
            "<body><script>" + "x" * 50 + "</script><p>abc</p></body>",
        ),
    ],
)
def test_cut_tree_keeps_the_document_up_to_the_budgets(
    body: str, max_elements: int, max_chars: int, expected: str
) -> None:
    tree = _tree(body)
    cut = cut_tree(tree, max_elements=max_elements, max_chars=max_chars)
    assert _outline(tree) == expected
    assert cut == (expected != f"<body>{body}</body>")


def test_a_story_before_a_huge_link_list_survives_the_cut() -> None:
    story = "".join(
        f"<p>Paragraph {n} of the story about the bridge repairs in the northern districts, "
        "which the council approved after weeks of debate.</p>"
        for n in range(5)
    )
    cards = "".join(
        f"<div class='card'><a href='/s/{n}'>Other story {n}</a></div>" for n in range(20_000)
    )
    html = (
        "<html><head><title>Bridge</title>"
        '<meta property="article:published_time" content="2025-05-01T10:00:00+02:00"></head>'
        f"<body><article><h1>Bridge</h1>{story}</article><section>{cards}</section>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge",'
        ' "author": {"@type": "Person", "name": "Ann Lee"}}</script></body></html>'
    )
    article = parse_html(html, "https://news.example/a/bridge", fetched_at=NOW)
    assert article.text.count("Paragraph") == 5
    assert "Other story" not in article.text
    # Metadata is read from the whole page, before the cut: the JSON-LD at the very end counts.
    assert article.authors == ["Ann Lee"]


def test_text_beyond_the_budget_is_cut() -> None:
    sentence = "The council met again to discuss the bridge repairs in session {}. "
    story = "".join(f"<p>{sentence.format(n) * 10}</p>\n" for n in range(4000))
    html = f"<html><head><title>Long</title></head><body><article>{story}</article></body></html>"
    article = parse_html(html, "https://news.example/a/long", fetched_at=NOW)
    assert 500_000 < len(article.text) <= 1_000_000
    assert article.text.startswith(sentence.format(0))


@pytest.mark.parametrize(
    "line",
    [
        "Published 10 June 2025, 09:00",
        "Veröffentlicht am 18.05.2025, 19:30 Uhr",
        "Publié le 3 juin 2025 à 14h30",
        "Actualizado el 3 de junio de 2025",
        "Tuesday 3rd June 2025 10:00 BST",
        "2025-06-03",
    ],
)
def test_date_lines_are_recognised(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council met on 3 June 2025 to vote on the budget.",
        "Published by the ministry",
        "June is the wettest month",
    ],
)
def test_sentences_are_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Veröffentlicht am 18.05.2025, 19:30 Uhr", dt.datetime(2025, 5, 18, 19, 30)),
        ("Publié le 3 juin 2025 à 14h30", dt.datetime(2025, 6, 3, 14, 30)),
        ("3 de junio de 2025", dt.datetime(2025, 6, 3)),
        ("5. März 2025", dt.datetime(2025, 3, 5)),
        ("05.06.2025", dt.datetime(2025, 6, 5)),
    ],
)
def test_foreign_dates_are_read(text: str, expected: dt.datetime) -> None:
    assert parse_page_date(text, reference=NOW) == expected.replace(tzinfo=dt.UTC)


def test_english_date_keeps_english_and_numbers() -> None:
    assert english_date("Tuesday, 3 June 2025, 10:00 BST") == "3 June 2025, 10:00 BST"


def test_read_more_lines_and_pull_quotes_are_dropped() -> None:
    paragraphs = [
        "Police said the road would reopen on Monday, after repairs to the bridge.",
        "Read more: Weekend weather: showers and sunny spells",
        "“Police said the road would reopen on Monday”",
        "Lesen Sie auch: Die Brücke",
        "“A quote that says something new belongs to the story.”",
    ]
    kept, names = strip_head(paragraphs, None)
    assert kept == [paragraphs[0], paragraphs[4]]
    assert names == []


def test_shingle_scores() -> None:
    assert precision_recall("a b c d e", "a b c d e") == (1.0, 1.0)
    precision, recall = precision_recall("a b c d", "a b c d e f")
    assert (precision, recall) == (1.0, 1 / 3)
    assert f1(1.0, 0.5) == pytest.approx(2 / 3)
    assert precision_recall("", "") == (1.0, 1.0)


def test_corpus_meets_the_targets() -> None:
    pages = load_corpus(CORPUS)
    assert len(pages) >= 40
    summary = evaluate(pages)
    assert summary.text_f1 >= 0.96
    assert summary.date_accuracy >= 0.95
    assert summary.title_accuracy >= 0.95


def test_the_shortcut_for_small_pages_agrees_with_the_full_pass() -> None:
    body = "<p>one</p><p>two</p><div><p>three</p></div>"
    markup = f"<html><head><title>t</title></head><body>{body}</body></html>"
    for max_elements in (3, 5, 8, 100):
        full, quick = _tree(body), _tree(body)
        cut_full = cut_tree(full, max_elements=max_elements, max_chars=100)
        cut_quick = cut_tree(
            quick, max_elements=max_elements, max_chars=100, markup_chars=len(markup)
        )
        assert (cut_full, lxml.html.tostring(full)) == (cut_quick, lxml.html.tostring(quick)), (
            max_elements
        )
