"""Fetcher parse benchmark: accuracy against the gold corpus and pages per second per core.

    uv run python bench/fetcher/bench_parse.py [--rounds 5] [--corpus DIR] [--json]

Text F1 uses 4-token shingles; dates are right when the calendar day in the page's own zone
matches (and, where the gold has a time, when it is within a minute). Speed is measured in this
single process, so pages/s is per core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
from dataclasses import asdict
from pathlib import Path

import trafilatura
from htmldate import find_date

from newswire.measure.parse_eval import (
    FETCHED_AT,
    Page,
    evaluate,
    f1,
    load_corpus,
    measure_speed,
    precision_recall,
)

CORPUS = Path(__file__).resolve().parent / "corpus"


def baseline(pages: list[Page]) -> tuple[float, float]:
    """Text F1 of trafilatura.extract and day accuracy of htmldate.find_date, each alone."""
    scores, days = [], []
    for page in pages:
        text = trafilatura.extract(page.html, url=page.url) or ""
        scores.append(f1(*precision_recall(text, str(page.gold["text"]))))
        found = find_date(
            page.html.decode("utf-8"), original_date=True, max_date=FETCHED_AT.date().isoformat()
        )
        expected = dt.datetime.fromisoformat(str(page.gold["published_at"])).date().isoformat()
        days.append(found == expected)
    return sum(scores) / len(scores), sum(days) / len(days)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--baseline", action="store_true", help="also score the libraries alone")
    args = parser.parse_args()

    pages = load_corpus(args.corpus)
    summary = evaluate(pages)
    speed = measure_speed(pages, rounds=args.rounds)
    if args.json:
        print(json.dumps({"summary": asdict(summary), "speed": asdict(speed)}, indent=2))
        return
    print(f"corpus: {len(pages)} pages in {args.corpus}")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"text F1 (mean per page):     {summary.text_f1:.4f}")
    print(f"text F1 (of mean P/R):       {summary.text_f1_of_means:.4f}  "
          f"(P {summary.text_precision:.4f}, R {summary.text_recall:.4f})")  # fmt: skip
    print(f"title accuracy:              {summary.title_accuracy:.4f}")
    print(f"date accuracy (day):         {summary.date_accuracy:.4f}")
    print(f"day as published (no conv.): {summary.published_day_accuracy:.4f}")
    print(f"date+time accuracy (minute): {summary.time_accuracy:.4f}")
    print(f"author accuracy:             {summary.author_accuracy:.4f}")
    print(f"language accuracy:           {summary.language_accuracy:.4f}")
    print(f"speed: {speed.pages_per_second:.1f} pages/s on one core "
          f"({speed.pages} parses in {speed.seconds:.2f} s)")  # fmt: skip
    print("where the time goes (share of parse_html, cumulative):")
    for stage, share in sorted(speed.stages.items(), key=lambda kv: -kv[1]):
        print(f"  {share:6.1%}  {stage}")
    if args.baseline:
        text_f1, day_accuracy = baseline(pages)
        print(f"baseline trafilatura.extract alone: text F1 {text_f1:.4f}")
        print(f"baseline htmldate.find_date alone:  date accuracy {day_accuracy:.4f}")
    misses = [s for s in summary.scores if s.f1 < 0.96 or s.notes or s.error]
    if misses:
        print("pages below target or with metadata misses:")
        for s in misses:
            detail = s.error or "; ".join(s.notes)
            print(f"  {s.name:28} {s.template:15} F1 {s.f1:.3f}  {detail}")


if __name__ == "__main__":
    main()
