"""Throughput of the rules backend on ~700-word articles, with the split of time per stage.

    uv run python bench/extractor/bench_extract.py [--rounds 5] [--parse-all] [--json]

The articles are the team gold set (bench/extractor/gold/team.jsonl); shorter ones are paired
(article + blank line + next article) so every timed text has 600-900 words. One process, one
thread: the figure is articles per second per core. Stages: tokenize (spaCy tokenizer and rule
sentences), select (lexicon pass), parse (spaCy pipeline on the selected sentences), annotate
(names and dates elsewhere, write-back), events (everything after: actors, quotes, places,
dates, events). --parse-all parses every sentence and --spacy-ner runs spaCy's NER model on the
parsed sentences instead of the rule-based names: both together are the old full-pipeline
baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from newswire.measure.extract_eval import load_team_gold
from newswire_extractor import RulesExtractor

GOLD = Path(__file__).resolve().parent / "gold" / "team.jsonl"
MIN_WORDS, MAX_WORDS = 600, 900


def corpus(path: Path) -> list[tuple[str, datetime | None]]:
    """~700-word texts: long articles as they are, short ones joined with the next one."""
    documents = [d for d in load_team_gold(path)]
    texts: list[tuple[str, datetime | None]] = []
    pending = ""
    for document in documents + documents:
        text = f"{pending}\n\n{document.text}" if pending else document.text
        words = len(text.split())
        if words < MIN_WORDS:
            pending = text
            continue
        pending = ""
        if words <= MAX_WORDS:
            texts.append((text, document.published_at))
        if len(texts) >= len(documents):
            break
    return texts


def run(rounds: int, parse_all: bool, spacy_ner: bool = False) -> dict[str, object]:
    extractor = RulesExtractor(spacy_ner=spacy_ner)
    extractor.load()
    analyzer = extractor.analyzer
    analyzer.parse_all = parse_all  # a switch for comparisons, on this process's analyzer
    texts = corpus(GOLD)
    for text, published in texts:  # warm up caches and the model
        extractor.extract(text, article_id="warm", published_at=published)
    rates, totals = [], []
    before = dict(vars(analyzer.times))
    for _ in range(rounds):
        started = time.perf_counter()
        for i, (text, published) in enumerate(texts):
            extractor.extract(text, article_id=str(i), published_at=published)
        elapsed = time.perf_counter() - started
        rates.append(len(texts) / elapsed)
        totals.append(elapsed)
    after = vars(analyzer.times)
    n = rounds * len(texts)
    stages = {
        k: (after[k] - before[k]) * 1000 / n for k in ("tokenize", "select", "parse", "annotate")
    }
    stages["events"] = sum(totals) * 1000 / n - sum(stages.values())
    return {
        "articles": len(texts),
        "mean_words": round(statistics.mean(len(t.split()) for t, _ in texts)),
        "rounds": rounds,
        "parse_all": parse_all,
        "spacy_ner": spacy_ner,
        "articles_per_second_median": round(statistics.median(rates), 2),
        "articles_per_second_best": round(max(rates), 2),
        "ms_per_article_by_stage": {k: round(v, 1) for k, v in stages.items()},
        "sentences_parsed": round(
            (after["parsed_sentences"] - before["parsed_sentences"])
            / max(1, after["sentences"] - before["sentences"]),
            3,
        ),
        "tokens_parsed": round(
            (after["parsed_tokens"] - before["parsed_tokens"])
            / max(1, after["tokens"] - before["tokens"]),
            3,
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--parse-all", action="store_true")
    parser.add_argument("--spacy-ner", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.rounds, args.parse_all, args.spacy_ner)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
