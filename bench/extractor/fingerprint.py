"""A digest of everything the rules extractor emits on a fixed set, to prove a change kept output.

    uv run python bench/extractor/fingerprint.py [--per-article] [--limit N]

The set: the team gold texts (bench/extractor/gold/team.jsonl) and the TRAIN half of
guardian-dev (``newswire.measure.audit.part_of``; the audit half is never run here). Every
event (its full JSON: id, type, actors, targets, date, place, quantities, modality, evidence,
mentions), quote and entity goes into one SHA-256. Run it on a branch and on its merge-base:
a speed-up must print the same digest. --per-article prints one digest per article too, to
find which article changed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path

from newswire.measure.audit import part_of
from newswire.measure.corpora import CorpusError, load_guardian, shared_dir
from newswire.measure.extract_eval import load_team_gold
from newswire_extractor import RulesExtractor

GOLD = Path(__file__).resolve().parent / "gold" / "team.jsonl"


def articles() -> Iterator[tuple[str, str, datetime | None]]:
    """(id, text, published) of the fixed set, in a fixed order."""
    for doc in load_team_gold(GOLD):
        yield doc.doc_id, doc.text, doc.published_at
    for g in load_guardian(shared_dir()):
        if part_of(g.doc_id) == "train":
            published = datetime.combine(g.published, time(12), tzinfo=UTC) if g.published else None
            yield g.doc_id, g.text, published


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-article", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    extractor = RulesExtractor()
    extractor.load()
    total = hashlib.sha256()
    counts = {"articles": 0, "events": 0, "quotes": 0, "entities": 0}
    try:
        for n, (doc_id, text, published) in enumerate(articles(), 1):
            if args.limit and n > args.limit:
                break
            result = extractor.extract(text, article_id=doc_id, published_at=published)
            digest = hashlib.sha256()
            for kind, records in (
                ("event", result.events),
                ("quote", result.quotes),
                ("entity", result.entities),
            ):
                for record in records:
                    digest.update(f"{kind}\t{record.model_dump_json()}\n".encode())
            total.update(f"{doc_id}\t{digest.hexdigest()}\n".encode())
            counts["articles"] += 1
            counts["events"] += len(result.events)
            counts["quotes"] += len(result.quotes)
            counts["entities"] += len(result.entities)
            if args.per_article:
                print(f"{doc_id}\t{len(result.events)}\t{digest.hexdigest()[:16]}")
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"digest={total.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
