"""What a rules change does to the blind-labelled events: run the extractor (event filter off)
over every labelled article, keep each emitted event with its label and every drop the trace
reports; compared with an earlier run, count per drop reason the labelled events removed.

    uv run python bench/discourse/labelled.py --out /tmp/discourse/base.json
    (change the rules)
    uv run python bench/discourse/labelled.py --out /tmp/discourse/new.json \
        --compare /tmp/discourse/base.json

Labels: the train half of guardian-dev and BBC politics (bench/eventness/labels.jsonl; the audit
half is never read) and the team-written articles of bench/eventness/team/ (their judgements:
--team-judged, default bench/eventness/team.jsonl; a glob such as
'/tmp/newswire-team/judged-*.jsonl' works too). A label joins an event by the first 16
hex digits of its key (the event id). The comparison prints, per stage/reason of the new run's
drop at the removed event's trigger, how many removed events were judged not real (false) and
real (real). The output files hold sentences of corpus articles: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newswire.measure.audit import part_of
from newswire.measure.corpora import Document, load_documents, load_team, repo_root, shared_dir

ROOT = repo_root() or Path.cwd()
SETS = ("guardian-dev", "bbc-politics")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, help="shared dir (default: ../shared)")
    ap.add_argument("--team-judged", default=str(ROOT / "bench/eventness/team.jsonl"))
    ap.add_argument("--out", type=Path, required=True, help="this run (JSON)")
    ap.add_argument("--compare", type=Path, help="an earlier run to compare with")
    ap.add_argument("--from-run", action="store_true", help="reuse --out, do not extract")
    ap.add_argument("--show", action="store_true", help="list every removed labelled event")
    args = ap.parse_args(argv)
    if args.from_run:
        now = json.loads(args.out.read_text())
    else:
        now = extract(args)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
    print(summary(now))
    if args.compare:
        compare(json.loads(args.compare.read_text()), now, show=args.show)
    return 0


def labels(pattern: str) -> dict[str, dict[str, Any]]:
    lines = (ROOT / "bench/eventness/labels.jsonl").read_text().splitlines()
    for path in sorted(Path(pattern).parent.glob(Path(pattern).name)):
        lines += path.read_text().splitlines()
    found: dict[str, dict[str, Any]] = {}
    for line in filter(str.strip, lines):
        row = json.loads(line)
        found.setdefault(row["key"][:16], {"real": row["real"], "reason": row.get("reason")})
    return found


def documents(shared: Path | None) -> list[Document]:
    docs = [d for d in load_documents(shared_dir(shared), SETS) if part_of(d.doc_id) == "train"]
    return docs + load_team(None)


class Scorer:
    """The event filter switched off, remembering each event's score (by event id): the
    events scored at or above the shipped threshold are the ones that ship."""

    def __init__(self) -> None:
        from newswire_extractor.eventness import EventFilter

        self.filter = EventFilter(enabled=False)
        self.threshold = self.filter.model.threshold
        self.found: dict[str, float] = {}

    def load(self) -> None:
        self.filter.load()

    def __call__(self, article: Any, events: list[Any]) -> list[Any]:
        for event, score in zip(events, self.filter.scores(article, events), strict=True):
            self.found[event.event_id[:16]] = score
        return events


def extract(args: argparse.Namespace) -> dict[str, Any]:
    from newswire.measure.extraction import ServiceRunner
    from newswire_extractor.rules import trace
    from newswire_extractor.settings import ExtractorSettings

    judged = labels(args.team_judged)
    runner = ServiceRunner(ExtractorSettings(event_filter=False))
    scorer = Scorer()
    runner.service.extractor.event_filter = scorer  # type: ignore[attr-defined]
    events: list[dict[str, Any]] = []
    drops: dict[str, list[dict[str, Any]]] = {}
    for doc in documents(args.shared):
        with trace.recording() as dropped:
            result = runner.run(doc)
        article = f"{doc.corpus}:{doc.doc_id}"
        drops[article] = [
            {"stage": d.stage, "reason": d.reason, "type": d.event_type, "start": d.start}
            for d in dropped
        ]
        for e in result.events:
            events.append(
                {
                    "id": e.event_id[:16],
                    "article": article,
                    "type": e.event_type,
                    "trigger": e.evidence.trigger,
                    "start": e.evidence.trigger_start,
                    "sentence": e.evidence.text,
                    "date": str(e.occurred.date) if e.occurred.date else None,
                    "precision": e.occurred.precision,
                    "published": str(doc.published) if doc.published else None,
                    "label": judged.get(e.event_id[:16]),
                    "score": scorer.found.get(e.event_id[:16]),
                }
            )
    runner.close()
    return {"events": events, "drops": drops, "threshold": scorer.threshold}


def summary(run: dict[str, Any]) -> str:
    events = run["events"]
    labelled = [e for e in events if e["label"]]
    real = sum(e["label"]["real"] for e in labelled)
    line = (
        f"{len(events)} events, {len(labelled)} labelled: {real} real, {len(labelled) - real} not"
        f" ({real / max(1, len(labelled)):.3f} real)"
    )
    threshold = run.get("threshold")
    if threshold is None:
        return line
    shipped = [e for e in labelled if (e.get("score") or 0.0) >= threshold]
    real = sum(e["label"]["real"] for e in shipped)
    return line + (
        f"\nat the filter's threshold {threshold:.2f}: {len(shipped)} labelled: {real} real,"
        f" {len(shipped) - real} not ({real / max(1, len(shipped)):.3f} real)"
    )


def compare(before: dict[str, Any], now: dict[str, Any], *, show: bool) -> None:
    kept = {e["id"] for e in now["events"]}
    threshold = before.get("threshold")
    tally: Counter[tuple[str, str]] = Counter()
    shipped: Counter[tuple[str, str]] = Counter()  # of those, scored to ship by the filter
    for e in before["events"]:
        if not e["label"] or e["id"] in kept:
            continue
        drop = next(
            (d for d in now["drops"].get(e["article"], []) if d["start"] == e["start"]), None
        )
        why = f"{drop['stage']}/{drop['reason']}" if drop else "(changed)"
        verdict = "real" if e["label"]["real"] else "false"
        tally[why, verdict] += 1
        if threshold is not None and (e.get("score") or 0.0) >= threshold:
            shipped[why, verdict] += 1
        if show:
            print(f"  {verdict:5} {why} {e['type']} '{e['trigger']}': {e['sentence'][:160]}")
            print(f"        judge: {e['label']['reason']}")
    for why in sorted({w for w, _ in tally}):
        line = f"{why}: removes {tally[why, 'false']} false, {tally[why, 'real']} real"
        if threshold is not None:
            past = shipped[why, "false"], shipped[why, "real"]
            line += f" (past the filter: {past[0]} false, {past[1]} real)"
        print(line)
    new = [e for e in now["events"] if e["label"] is None]
    print(f"unlabelled events now: {len(new)}")


if __name__ == "__main__":
    sys.exit(main())
