"""Tree clean-up before text extraction: size cut, social embeds out, layout tables and <br> fixed.

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
# What text extraction may see. trafilatura's pruning and its fallback extractors grow faster
# than the page (a 20 MB page took 73 s, 1 MB 1.2 s): past these budgets the rest of the
# document is cut. A news story is far smaller (the team corpus: 1,560 elements and a few KB
# of text per page on average), and an article over ~1 MiB of text cannot be published anyway.
MAX_ELEMENTS = 12_000
MAX_TEXT_CHARS = 1_000_000
# Text that is never article text does not count against the budget (inline app state, CSS).
_UNCOUNTED = frozenset({"script", "style", "noscript", "template"})
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def clean_tree(tree: HtmlElement) -> None:
    """Drop embeds, turn layout tables into divs and <br><br>-separated text into paragraphs."""
    drop_embeds(tree)
    unwrap_layout_tables(tree)
    split_br_paragraphs(tree)


def cut_tree(
    tree: HtmlElement,
    *,
    max_elements: int = MAX_ELEMENTS,
    max_chars: int = MAX_TEXT_CHARS,
    markup_chars: int | None = None,
) -> bool:
    """Keep the document only up to ``max_elements`` elements and ``max_chars`` of text.

    Everything after the cut point in document order is removed; a text or tail that crosses
    the character budget is shortened. One linear pass; True if anything was cut.
    ``markup_chars``, the length of the markup parsed, bounds the text from above (every text
    character comes from at least one markup character): with it, a page plainly inside both
    budgets is passed by an element count in C instead of the pass in Python.
    """
    small = markup_chars is not None and markup_chars <= max_chars
    if small and int(tree.xpath("count(//*)")) <= max_elements:
        return False
    chars = 0
    for elements, element in enumerate(tree.iter(), start=1):
        if elements > max_elements:
            _drop_following(element)
            if (parent := element.getparent()) is not None:
                parent.remove(element)
            return True
        if element.tag not in _UNCOUNTED and element.text:
            chars += len(element.text)
            if chars > max_chars:
                element.text = element.text[: len(element.text) - (chars - max_chars)]
                for child in list(element):
                    element.remove(child)
                element.tail = None
                _drop_following(element)
                return True
        if element.tail:
            chars += len(element.tail)
            if chars > max_chars:
                element.tail = element.tail[: len(element.tail) - (chars - max_chars)]
                _drop_following(element)
                return True
    return False


def _drop_following(element: HtmlElement) -> None:
    # Everything after ``element``'s own tail: later siblings here and after each ancestor.
    node = element
    while (parent := node.getparent()) is not None:
        # A slice delete stays in C: no Python proxy per removed sibling. Tails go with them.
        del parent[parent.index(node) + 1 :]
        if node is not element:
            node.tail = None
        node = parent


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
