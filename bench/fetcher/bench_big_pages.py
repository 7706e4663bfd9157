"""How parse_html's time grows with page size, on synthetic pages of 1, 5, 10 and 20 MB.

    uv run python bench/fetcher/bench_big_pages.py [--sizes 1 5 10 20] [--shapes text links block]
        [--timeout 300]

Three page shapes, all generated here (no corpus text): ``text`` is one story of ever more
paragraphs, ``links`` a flat list of link cards with no story (the worst case for trafilatura's
pruning and fallback extractors), ``block`` one giant paragraph. Each parse runs in a fresh
child process with a timeout, so one runaway size does not stall the rest; the table reports
seconds, seconds per MB, and how many characters of text came out.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import time
from typing import Any

SENTENCE = (
    "the council said on monday that a new bridge would be built across the river before "
    "winter storms arrive officials warned residents about flooding in low districts while "
    "ministers promised funds for repairs and traders hoped the crossings would reopen soon"
)
WORDS = SENTENCE.split()
HEAD = (
    "<!DOCTYPE html><html lang='en'><head><title>Big page</title>"
    "<meta property='article:published_time' content='2025-05-01T10:00:00+02:00'></head>"
    "<body><header><nav><a href='/'>Home</a></nav></header><article><h1>Big page</h1>"
)
TAIL = "</article><footer><p>Footer</p></footer></body></html>"


def page(megabytes: float, shape: str) -> str:
    """A synthetic page of about ``megabytes`` MB (10**6 characters per MB)."""
    rng = random.Random(7)
    target = int(megabytes * 1_000_000)
    parts = [HEAD]
    size = len(HEAD)
    if shape == "block":
        parts.append("<p>")
    index = 0
    while size < target:
        words = " ".join(rng.choice(WORDS) for _ in range(60 if shape != "links" else 8))
        if shape == "text":
            part = f"<p>{words.capitalize()} {index}.</p>\n"
        elif shape == "links":
            part = f"<div class='card'><a href='/story/{index}'>{words}</a></div>\n"
        else:
            part = f"{words} {index}. "
        parts.append(part)
        size += len(part)
        index += 1
    if shape == "block":
        parts.append("</p>")
    parts.append(TAIL)
    return "".join(parts)


def _parse(html: str, queue: Any) -> None:
    from newswire_fetcher.parse import ParseError, parse_html

    started = time.perf_counter()
    try:
        chars = len(parse_html(html, "https://news.example/world/big-page").text)
    except ParseError:
        chars = 0
    queue.put((time.perf_counter() - started, chars))


def measure(megabytes: float, shape: str, timeout: float) -> dict[str, object]:
    html = page(megabytes, shape)
    queue: Any = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(target=_parse, args=(html, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return {"shape": shape, "mb": megabytes, "seconds": None, "text_chars": None}
    seconds, chars = queue.get()
    return {"shape": shape, "mb": megabytes, "seconds": round(seconds, 2), "text_chars": chars}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--shapes", nargs="+", default=["text", "links", "block"])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per parse")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [measure(mb, shape, args.timeout) for shape in args.shapes for mb in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'shape':6} {'MB':>5} {'seconds':>9} {'s/MB':>7} {'text chars':>11}")
    for row in rows:
        seconds = row["seconds"]
        if seconds is None:
            print(f"{row['shape']:6} {row['mb']:>5} {'> ' + str(args.timeout):>9}")
            continue
        per_mb = float(seconds) / float(row["mb"])  # type: ignore[arg-type]
        print(
            f"{row['shape']:6} {row['mb']:>5} {seconds:>9} {per_mb:>7.2f} {row['text_chars']:>11}"
        )


if __name__ == "__main__":
    main()
