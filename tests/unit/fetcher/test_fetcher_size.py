"""The fetcher's share of the size policy: an article too large to publish is refused, with why."""

from __future__ import annotations

import pytest

from newswire_contracts import ArticleFetchedV1, ArticleV1, article_id_for
from newswire_fetcher.service import check_size
from newswire_runtime import PermanentError

LIMIT = 64 * 1024
URL = "https://news.example/world/long"


def fetched(text: str) -> ArticleFetchedV1:
    article = ArticleV1(article_id=article_id_for(URL), url=URL, canonical_url=URL, text=text)
    return ArticleFetchedV1(article=article)


def test_an_article_within_the_limit_passes() -> None:
    check_size(fetched("word " * 10_000), LIMIT)


@pytest.mark.parametrize("text", ["x" * LIMIT, "é" * (LIMIT // 2), '"' * (LIMIT // 2)])
def test_an_article_over_the_limit_as_a_message_is_refused_with_the_reason(text: str) -> None:
    # Measured as serialized: two-byte characters and escaped quotes count what they cost.
    with pytest.raises(PermanentError, match=rf"over the {LIMIT}-byte limit") as caught:
        check_size(fetched(text), LIMIT)
    assert f"{len(text)} characters of text" in str(caught.value)


def test_room_is_kept_for_the_fields_set_after_the_check() -> None:
    message = fetched("x" * (LIMIT - 1024))
    size = len(message.model_dump_json().encode())
    assert size < LIMIT
    with pytest.raises(PermanentError):
        check_size(message, size + 100)  # fits now, but not with duplicate_of and ids added
