"""Tree clean-up before text extraction: social embeds out, layout tables and <br> runs fixed.

Changes the tree in place; parse_html calls it after the declared metadata has been read.
"""

from __future__ import annotations

import itertools

from lxml.html import HtmlElement

# Third-party embeds quote someone else's post; their text is not the story's.
_EMBEDS = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'bluesky-embed')"
    " or contains(@class, 'fb-xfbml') or contains(@class, 'reddit-embed')]"
)
LAYOUT_CELL_CHARS = 400
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def clean_tree(tree: HtmlElement) -> None:
    """Drop embeds, turn layout tables into divs and <br><br>-separated text into paragraphs."""
    drop_embeds(tree)
    unwrap_layout_tables(tree)
    split_br_paragraphs(tree)


def drop_embeds(tree: HtmlElement) -> None:
    for element in tree.xpath(_EMBEDS):
        element.drop_tree()


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Tables used for page layout (a headline or a long story in a cell) become divs.

    Text extractors keep data tables as rows of cells, which turns a whole story laid out in
    one cell into a single "| | …" line.
    """
    for table in list(tree.iter("table")):
        cells = list(table.iter("td", "th"))
        if table.find(".//h1") is not None or any(
            len(cell.text_content()) > LAYOUT_CELL_CHARS for cell in cells
        ):
            for element in table.iter(*_TABLE_PARTS):
                element.tag = "div"


def split_br_paragraphs(tree: HtmlElement) -> None:
    """Text separated by two or more <br> (blank text between them) becomes one <p> each."""
    for element in tree.xpath("//*[count(br) >= 2]"):
        children = list(element)
        if any(_blank_break(a) and b.tag == "br" for a, b in itertools.pairwise(children)):
            _split(element, children)


def _blank_break(element: HtmlElement) -> bool:
    return element.tag == "br" and not (element.tail or "").strip()


def _split(element: HtmlElement, children: list[HtmlElement]) -> None:
    current = element.makeelement("p", {})
    current.text = element.text
    paragraphs = [current]
    for index, child in enumerate(children):
        follows_break = index > 0 and _blank_break(children[index - 1])
        if child.tag == "br" and follows_break:
            current = element.makeelement("p", {})
            current.text = child.tail
            paragraphs.append(current)
        elif _blank_break(child) and index + 1 < len(children) and children[index + 1].tag == "br":
            continue  # the first break of a run; the next one starts the paragraph
        else:
            current.append(child)  # moves the child, with its tail
    element.text = None
    for child in list(element):
        element.remove(child)
    for paragraph in paragraphs:
        if (paragraph.text or "").strip() or len(paragraph):
            element.append(paragraph)
