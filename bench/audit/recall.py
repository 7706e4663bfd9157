"""Recall work on the development lists, and what a rule change adds on the train half.

    uv run python bench/audit/recall.py lists [--why]
        recall (type + actor country (+ date)) of main_events_dev.jsonl, split into the first 10
        articles (listed in session 1, tuned on since) and the 20 listed blind later, and of
        main_events_team_ledes.jsonl (team-written ledes); never the measure list.
    uv run python bench/audit/recall.py dump OUT.jsonl
        every event the rules emit before the event filter on the train-half guardian-dev and
        BBC politics articles and the team-written articles, with its filter score and any
        blind label (bench/eventness/labels.jsonl, train-half judgements.jsonl rows).
    uv run python bench/audit/recall.py diff BEFORE.jsonl AFTER.jsonl [--show N]
        events added and lost between two dumps (by event id, type and actor countries), with
        their labels and filter scores.

Corpus text is read from ../shared and printed only to the console; nothing is written into the
repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newswire.measure.audit import part_of
from newswire.measure.corpora import Document, load_bbc, load_guardian, load_team, shared_dir
from newswire.measure.extraction import article_of
from newswire.measure.mainevents import MainEvent, load_main_events, matches
from newswire_contracts import Event
from newswire_extractor.eventness import EventFilter
from newswire_extractor.rules import trace
from newswire_extractor.rules.document import Article
from newswire_extractor.rules.extractor import RulesExtractor

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench/audit/main_events_dev.jsonl"
LEDES = ROOT / "bench/audit/main_events_team_ledes.jsonl"
# The 10 articles of the first dev list (session 1): tuned on since, so reported apart.
OLD_DEV = frozenset(
    f"guardian-dev:G{n:03d}" for n in (39, 50, 123, 144, 189, 194, 195, 212, 219, 241)
)


class ScoringFilter(EventFilter):
    """The shipped filter, keeping every event and remembering each one's score."""

    def __init__(self) -> None:
        super().__init__()
        self.last: dict[str, float] = {}

    def __call__(self, article: Article, events: list[Event]) -> list[Event]:
        self.last = dict(
            zip((e.event_id for e in events), self.scores(article, events), strict=True)
        )
        return events


class Runner:
    def __init__(self) -> None:
        self.filter = ScoringFilter()
        self.extractor = RulesExtractor(event_filter=self.filter)
        self.extractor.load()

    def run(self, doc: Document) -> list[tuple[Event, float]]:
        art = article_of(doc)
        self.filter.last = {}
        out = self.extractor.extract(
            art.text,
            article_id=art.article_id,
            published_at=art.published_at,
            title=art.title,
            site_name=art.site_name,
            url=art.canonical_url,
        )
        return [(e, self.filter.last.get(e.event_id, 0.0)) for e in out.events]


def _why(item: MainEvent, scored: Sequence[tuple[Event, float]], drops: list[trace.Drop]) -> None:
    threshold = ScoringFilter().threshold
    for e, s in scored:
        if e.event_type == item.type:
            mark = "" if s >= threshold else f" FILTERED {s:.2f}"
            print(
                f"    event {e.event_type} {[a.country for a in e.actors]}>"
                f"{[a.country for a in e.targets]} {e.occurred.date} "
                f"'{e.evidence.trigger}'@{e.evidence.trigger_start}{mark}"
            )
    for d in drops:
        if d.event_type in (item.type, None):
            print(f"    {d.line()}")


def lists(why: bool) -> None:
    runner = Runner()
    threshold = runner.filter.threshold
    shared = shared_dir()
    docs = {d.doc_id: d for d in load_guardian(shared)}
    docs.update({d.doc_id: d for d in load_team()})
    groups = {
        "dev old 10": [i for i in load_main_events(DEV) if i.article in OLD_DEV],
        "dev new": [i for i in load_main_events(DEV) if i.article not in OLD_DEV],
        "team ledes": load_main_events(LEDES),
    }
    totals: dict[str, tuple[int, int]] = {}
    for name, items in groups.items():
        assert all(part_of(i.article) == "train" for i in items if i.article.startswith("guard"))
        found = 0
        listed = [i for i in items if i.type]
        for article in sorted({i.article for i in listed}):
            with trace.recording() as drops:
                scored = runner.run(docs[article])
            kept = [e for e, s in scored if s >= threshold]
            for item in (i for i in listed if i.article == article):
                if any(matches(item, e) for e in kept):
                    found += 1
                elif why and any(matches(item, e, dated=False) for e in kept):
                    print(
                        f"  date only [{name}] {item.article} {item.type} {item.date}: "
                        f"{[str(e.occurred.date) for e in kept if matches(item, e, dated=False)]}"
                    )
                elif why:
                    print(
                        f"  missed [{name}] {item.article} {item.type} "
                        f"{item.actor_country}>{item.target_country} {item.date} ({item.what})"
                    )
                    _why(item, scored, list(drops))
        totals[name] = (found, len(listed))
    for name, (found, n) in totals.items():
        print(f"{name}: {found}/{n} = {100 * found / n:.1f} %" if n else f"{name}: none listed")
    old, new = totals["dev old 10"], totals["dev new"]
    if new[1]:
        both = old[0] + new[0], old[1] + new[1]
        print(f"dev all: {both[0]}/{both[1]} = {100 * both[0] / both[1]:.1f} %")


def _labels() -> dict[str, bool]:
    out: dict[str, bool] = {}
    for path in (ROOT / "bench/eventness/labels.jsonl", ROOT / "bench/audit/judgements.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if part_of(row["article"]) == "train" or row["article"].startswith("team"):
                out[row["key"][:16]] = bool(row["real"])
    team = ROOT / "bench/eventness/team.jsonl"
    for line in team.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "key" in row and "real" in row:
            out[row["key"][:16]] = bool(row["real"])
    return out


def dump(out: Path) -> None:
    runner = Runner()
    shared = shared_dir()
    docs = [d for d in load_guardian(shared) if part_of(d.doc_id) == "train"]
    docs += [d for d in load_bbc(shared, label=1) if part_of(d.doc_id) == "train"]
    docs += load_team()
    labels = _labels()
    with out.open("w", encoding="utf-8") as fh:
        for n, doc in enumerate(docs, 1):
            started = time.perf_counter()
            scored = runner.run(doc)
            if time.perf_counter() - started > 20:
                print(f"slow: {doc.doc_id} {time.perf_counter() - started:.0f} s", file=sys.stderr)
            for e, s in scored:
                row: dict[str, Any] = {
                    "article": doc.doc_id,
                    "id": e.event_id[:16],
                    "type": e.event_type,
                    "actors": [f"{a.name}/{a.country}" for a in e.actors],
                    "targets": [f"{a.name}/{a.country}" for a in e.targets],
                    "date": str(e.occurred.date),
                    "trigger": e.evidence.trigger,
                    "score": round(s, 3),
                    "label": labels.get(e.event_id[:16]),
                    "sentence": e.evidence.text,
                }
                fh.write(json.dumps(row) + "\n")
            if n % 50 == 0:
                print(f"{n}/{len(docs)}", file=sys.stderr, flush=True)


def _read(path: Path) -> dict[tuple[str, str, str], dict[str, Any]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {(r["id"], r["type"], ",".join(sorted(r["actors"]))): r for r in rows}


def diff(before: Path, after: Path, show: int) -> None:
    a, b = _read(before), _read(after)
    threshold = ScoringFilter().threshold
    for name, keys, rows in (("added", b.keys() - a.keys(), b), ("lost", a.keys() - b.keys(), a)):
        picked = [rows[k] for k in sorted(keys)]
        kept = [r for r in picked if r["score"] >= threshold]
        tally = Counter(str(r["label"]) for r in kept)
        print(f"{name}: {len(picked)} ({len(kept)} pass the filter; labels of those {dict(tally)})")
        for r in picked[:show]:
            mark = "+" if r["score"] >= threshold else "-"
            print(
                f"  {mark}{r['score']:.2f} {r['label']} {r['article']} {r['type']} "
                f"{r['actors']}>{r['targets']} {r['date']} '{r['trigger']}': {r['sentence'][:220]}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("lists")
    p.add_argument("--why", action="store_true")
    p = sub.add_parser("dump")
    p.add_argument("out", type=Path)
    p = sub.add_parser("diff")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    if args.cmd == "lists":
        lists(args.why)
    elif args.cmd == "dump":
        dump(args.out)
    else:
        diff(args.before, args.after, args.show)


if __name__ == "__main__":
    main()
