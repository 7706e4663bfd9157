"""Tree clean-up, date words and boilerplate lines: the fixes the benchmark corpus asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from newswire_fetcher.cleanup import clean_tree
from newswire_fetcher.dates import parse_page_date
from newswire_fetcher.datewords import english_date, is_date_line
from newswire_fetcher.evaluate import evaluate, f1, load_corpus, precision_recall
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
