"""Events the rules backend emits on BBC non-politics articles, with and without the gate.

    uv run python bench/relevance/offtopic.py [--sample 200]

A seeded sample of ../shared/corpora/bbc-news label-0 articles (train + dev, deduplicated) goes
through RulesExtractor twice: gate on (the default) and gate off. Prints events per article, the
share of articles with any event, and the seconds taken. Measurement only: nothing is written.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from newswire_extractor import RulesExtractor
from newswire_extractor.relevance import ArticleGate

sys.path.insert(0, str(Path(__file__).parent))
from train import bbc_articles, default_corpora


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    texts, labels = bbc_articles(args.corpora)
    other = [t for t, label in zip(texts, labels, strict=True) if label == 0]
    sample = random.Random(args.seed).sample(other, min(args.sample, len(other)))
    for enabled in (True, False):
        extractor = RulesExtractor(gate=ArticleGate(enabled=enabled))
        extractor.load()
        started = time.perf_counter()
        events = with_event = 0
        for text in sample:
            result = extractor.extract(text, article_id="bbc", published_at=None)
            events += len(result.events)
            with_event += bool(result.events)
        seconds = time.perf_counter() - started
        print(
            f"gate {'on ' if enabled else 'off'}: {len(sample)} BBC non-politics articles, "
            f"{events / len(sample):.3f} events/article, {with_event / len(sample):.1%} with "
            f"any event, {seconds:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
