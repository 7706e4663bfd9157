"""MinHash sketches and the duplicate verdict: syndicated copies resemble, other stories do not."""

from __future__ import annotations

import pytest

from newswire_fetcher import minhash
from newswire_fetcher.dedup import Fingerprint, MemoryFingerprintIndex, find_original

WIRE = (
    "Farmers blocked the main motorway into the capital with hundreds of tractors on Tuesday, "
    "protesting against a government plan to phase out a diesel subsidy over two years. "
    "Police said traffic was diverted through villages to the north and that there were no "
    "arrests. The agriculture minister said she would meet union leaders on Thursday but "
    "ruled out dropping the plan, which the finance ministry says will save 1.2 billion a "
    "year. Union leaders said the protest would continue until the subsidy cut is withdrawn, "
    "and that farmers in three other regions were preparing similar blockades for the weekend."
)
COPY = (
    "By Staff Reporter\n\n" + WIRE.replace("on Tuesday", "on Tuesday,") + "\n\nReporting by "
    "the regional desk; editing by the night team."
)
OTHER = (
    "The central bank raised its main interest rate by a quarter of a percentage point on "
    "Wednesday, its third increase this year, saying inflation was still well above its target. "
    "The governor told reporters that further rises could not be ruled out if energy prices kept "
    "climbing, and that the bank expected growth to slow in the second half of the year. Retail "
    "lenders said they would pass the increase on to mortgage customers from next month."
)


def sketch(text: str) -> tuple[int, ...]:
    value = minhash.sketch(text)
    assert value is not None
    return value


def test_a_syndicated_copy_resembles_its_original() -> None:
    assert minhash.resemblance(sketch(WIRE), sketch(COPY)) >= 0.7


def test_different_stories_do_not() -> None:
    assert minhash.resemblance(sketch(WIRE), sketch(OTHER)) < 0.1


def test_identical_texts_resemble_fully() -> None:
    assert minhash.resemblance(sketch(WIRE), sketch(WIRE)) == 1.0


def test_whitespace_case_and_punctuation_do_not_matter() -> None:
    assert minhash.sketch(WIRE) == minhash.sketch("  " + WIRE.upper().replace(",", " ") + "\n")


def test_sketches_are_the_k_smallest_hashes() -> None:
    value = sketch(WIRE + " " + OTHER)
    assert len(value) == minhash.K
    assert list(value) == sorted(value)
    assert len(sketch("only five words here now")) == 2  # 2 distinct 4-shingles


def test_short_texts_get_no_sketch() -> None:
    assert minhash.sketch("Police said on Monday.", min_tokens=60) is None
    assert minhash.sketch(WIRE, min_tokens=60) is not None


@pytest.mark.parametrize("value", [0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1])
def test_signed_round_trip(value: int) -> None:
    signed = minhash.to_signed(value)
    assert -(1 << 63) <= signed < 1 << 63
    assert minhash.from_signed(signed) == value


def fp(article_id: str, text: str) -> Fingerprint:
    return Fingerprint(article_id, f"hash-{len(text)}-{text[:20]}", minhash.sketch(text))


def test_copies_point_at_the_first_original() -> None:
    original, copy, copy_of_copy = fp("a", WIRE), fp("b", COPY), fp("c", COPY + " Updated.")
    assert find_original(copy, [(original, None)], min_similarity=0.7) == "a"
    # Matching the copy still names the original, not the copy.
    assert find_original(copy_of_copy, [(copy, "a")], min_similarity=0.7) == "a"
    assert find_original(fp("d", OTHER), [(original, None)], min_similarity=0.7) is None


def test_exact_text_is_a_copy_even_when_short() -> None:
    short = Fingerprint("x", "same-hash", None)
    assert find_original(short, [(Fingerprint("y", "same-hash", None), None)], min_similarity=0.7)
    assert not find_original(short, [(Fingerprint("z", "other", None), None)], min_similarity=0.7)


async def test_memory_index_verdicts_are_sticky() -> None:
    index = MemoryFingerprintIndex()
    assert await index.register(fp("a", WIRE), min_similarity=0.7) is None
    assert await index.register(fp("b", COPY), min_similarity=0.7) == "a"
    # Redelivery of the original after its copy was seen: still the original.
    assert await index.register(fp("a", WIRE), min_similarity=0.7) is None
    assert await index.register(fp("b", COPY), min_similarity=0.7) == "a"
