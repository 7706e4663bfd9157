"""Blind precision audit: a seeded, stratified sample of extracted events as a judging sheet,
stable keys so judgements survive re-runs, and the tally of judgements against the sample.

The sample is drawn by hash rank: every event gets the rank ``sha1(seed, key)``; each article
keeps its lowest-ranked ``per_article`` events and each set the lowest-ranked ``quota`` of those.
An event whose judged fields do not change keeps its key and therefore its rank, so after a code
change the sample keeps every unchanged event that is still among the lowest ranks, and only new
or changed events need judging.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newswire_contracts import Actor, Event

FIELDS = ("type", "actor", "target", "date", "place")
LABELS = ("real", "background", *(f"{f}_ok" for f in FIELDS))
_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s+")
CONTEXT_CHARS = 600


class JudgementError(Exception):
    """The judgements file has a malformed line (the message names the line)."""


# ---------------------------------------------------------------------------------------------
# keys


def _actor_fields(actors: Sequence[Actor]) -> list[list[str | None]]:
    return sorted(
        ([a.name, a.country, a.sector] for a in actors), key=lambda x: [v or "" for v in x]
    )


def judged_fields(event: Event) -> dict[str, Any]:
    """What a judge looks at: a change here needs a new judgement (confidence, quantities and
    the mode do not)."""
    place = event.location
    return {
        "type": event.event_type,
        "actors": _actor_fields(event.actors),
        "targets": _actor_fields(event.targets),
        "date": [
            event.occurred.date.isoformat() if event.occurred.date else None,
            event.occurred.precision,
        ],
        "place": [place.name, place.country] if place else None,
        "flags": [event.modality.negated, event.modality.future, event.modality.hypothetical],
    }


def key_of(event: Event) -> str:
    """``<event id>-<hash of the judged fields>``: the event id is stable for the same article,
    type and evidence; the hash changes when anything a judge looked at changes."""
    blob = json.dumps(judged_fields(event), sort_keys=True, separators=(",", ":"))
    return f"{event.event_id[:16]}-{hashlib.sha1(blob.encode()).hexdigest()[:8]}"


def rank(seed: int, key: str) -> str:
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


PARTS = ("audit", "train")


def _part_line(part: object) -> str:
    if part == "audit":
        return (
            "- Articles: only the **audit half** (`newswire.measure.audit.part_of`), held out from"
            " all tuning and from the event filter's labels; the train half is analysed and"
            " labelled instead."
        )
    return "- Articles: every article of both sets (a sample drawn before the split)."


def part_of(article: str) -> str:
    """Which half of the corpora an article belongs to: ``audit`` (the blind precision audit
    samples only these) or ``train`` (events labelled to train the extractor's event filter).
    Fixed by the article id alone, so no article is ever both trained on and audited."""
    return "audit" if hashlib.sha1(f"part:{article}".encode()).digest()[0] < 128 else "train"


# ---------------------------------------------------------------------------------------------
# sampling


@dataclass(frozen=True)
class Candidate:
    """One extracted event with what the sheet needs of its article."""

    set_name: str
    article: str
    event: Event
    text: str
    published: str | None

    @property
    def key(self) -> str:
        return key_of(self.event)


def stratified_sample(
    candidates: Iterable[Candidate], *, seed: int, quotas: Mapping[str, int], per_article: int
) -> list[Candidate]:
    """At most ``per_article`` events per article, ``quotas[set]`` per set, by hash rank; a set
    that has fewer events than its quota leaves the rest to the other sets."""
    by_article: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_article[(c.set_name, c.article)].append(c)
    by_set: dict[str, list[Candidate]] = defaultdict(list)
    for (set_name, _), items in by_article.items():
        unique = {c.key: c for c in items}  # the same record twice is one item
        kept = sorted(unique.values(), key=lambda c: rank(seed, c.key))[:per_article]
        by_set[set_name].extend(kept)
    chosen: list[Candidate] = []
    for set_name, quota in quotas.items():
        pool = sorted(by_set.get(set_name, []), key=lambda c: rank(seed, c.key))
        chosen.extend(pool[:quota])
    # A set with too few events leaves its shortfall to the others (lowest ranks first).
    shortfall = sum(quotas.values()) - len(chosen)
    if shortfall > 0:
        taken = {id(c) for c in chosen}
        rest = [c for s in quotas for c in by_set.get(s, []) if id(c) not in taken]
        chosen.extend(sorted(rest, key=lambda c: rank(seed, c.key))[:shortfall])
    return chosen


# ---------------------------------------------------------------------------------------------
# the judging sheet


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence before ``text[start:end]`` and the one after it (plain punctuation split)."""
    bounds = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
    before_start = max((b for b in bounds if b < start - 1), default=0)
    after_end = min((b for b in bounds if b > end + 1), default=len(text))
    before = text[before_start:start].strip()[-CONTEXT_CHARS:]
    after = text[end:after_end].strip()[:CONTEXT_CHARS]
    return before, after


def _actor_words(actor: Actor) -> str:
    details = ", ".join(x for x in (actor.country, actor.sector) if x)
    shown = actor.name + (f" [{details}]" if details else " [no country]")
    return shown + (f" (written: {actor.text!r})" if actor.text != actor.name else "")


def describe(event: Event) -> dict[str, Any]:
    """The extracted fields in plain words."""
    occurred = event.occurred
    if occurred.date is None:
        when = "none"
    else:
        when = f"{occurred.date.isoformat()} ({occurred.precision} precision"
        when += f", from {occurred.text!r})" if occurred.text else ", no date words)"
    place = event.location
    where = (
        f"{place.name} [{place.country or 'no country'}] (written: {place.text!r})"
        if place
        else "none"
    )
    flags = [n for n, on in vars(event.modality).items() if on]
    reported = None
    if event.attribution is not None:
        speaker = event.attribution.speaker
        reported = (_actor_words(speaker) if speaker else "unnamed") + (
            f" ({event.attribution.cue})"
        )
    return {
        "type": event.event_type,
        "mode": event.mode,
        "trigger_word": event.evidence.trigger,
        "actors": [_actor_words(a) for a in event.actors] or ["none"],
        "targets": [_actor_words(a) for a in event.targets] or ["none"],
        "date": when,
        "place": where,
        "quantities": [q.text + (f" ({q.unit})" if q.unit else "") for q in event.quantities],
        "reported_by": reported,
        "flags": flags or ["asserted"],
    }


def sheet_item(candidate: Candidate) -> dict[str, Any]:
    """One line of the judging sheet: where, the text around the evidence, the fields."""
    evidence = candidate.event.evidence
    before, after = context(candidate.text, evidence.start, evidence.end)
    return {
        "key": candidate.key,
        "article": candidate.article,
        "published": candidate.published or "unknown",
        "title": None,
        "opening": " ".join(candidate.text.split()[:25]),
        "before": before,
        "sentence": evidence.text,
        "after": after,
        "also_reported_in": [m.text for m in candidate.event.mentions[:3]],
        "event": describe(candidate.event),
    }


def manifest_item(candidate: Candidate) -> dict[str, Any]:
    """What the tally needs of a sampled event (no text)."""
    m = candidate.event.modality
    return {
        "key": candidate.key,
        "set": candidate.set_name,
        "article": candidate.article,
        "type": candidate.event.event_type,
        "flagged": m.negated or m.hypothetical,
    }


# ---------------------------------------------------------------------------------------------
# judgements


def _flag(value: object, name: str, where: str, *, nullable: bool) -> bool | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool):
        return value
    if value in ("yes", "no"):
        return value == "yes"
    raise JudgementError(f"{where}: {name} must be true/false{'/null' if nullable else ''}")


def load_judgements(path: Path) -> dict[str, dict[str, Any]]:
    """Judgements by key; each line ``{"key", "article", "real", "background", "type_ok",
    "actor_ok", "target_ok", "date_ok", "place_ok", "reason"}``."""
    if not path.is_file():
        return {}
    out: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise JudgementError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("key"), str):
            raise JudgementError(f"{where}: needs a string 'key'")
        for name in LABELS:
            row[name] = _flag(row.get(name), name, where, nullable=name != "real")
        if row["key"] in out:
            raise JudgementError(f"{where}: key {row['key']} judged twice")
        out[row["key"]] = row
    return out


MAX_REASON = 160


def merge_judgements(
    old: Mapping[str, Mapping[str, Any]],
    new: Mapping[str, Mapping[str, Any]],
    sample: Mapping[str, Mapping[str, Any]],
    *,
    replace: bool = False,
) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """``old`` plus the ``new`` judgements of sampled keys: labels, the sample's article id and a
    one-line reason only (anything else a judge wrote is dropped). Raises on unknown keys."""
    unknown = [k for k in new if k not in sample]
    if unknown:
        raise JudgementError(f"{len(unknown)} keys not in the sample, e.g. {unknown[0]}")
    merged = {k: dict(v) for k, v in old.items()}
    counts = {"added": 0, "replaced": 0, "kept": 0}
    for key, row in new.items():
        if key in old and not replace:
            counts["kept"] += 1
            continue
        counts["replaced" if key in old else "added"] += 1
        clean: dict[str, Any] = {"key": key, "article": sample[key]["article"]}
        clean.update({name: row[name] for name in LABELS})
        clean["reason"] = " ".join(str(row.get("reason") or "").split())[:MAX_REASON]
        merged[key] = clean
    return merged, counts


# ---------------------------------------------------------------------------------------------
# tally


@dataclass(frozen=True)
class Share:
    """``hits`` of ``total`` with a 95 % Wilson interval."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def interval(self) -> tuple[float, float] | None:
        if not self.total:
            return None
        z, n, p = 1.96, self.total, self.hits / self.total
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, centre - half), min(1.0, centre + half)

    def __str__(self) -> str:
        if not self.total:
            return "n/a (0)"
        low, high = self.interval() or (0.0, 0.0)
        share = f"{100 * self.hits / self.total:.0f} % ({self.hits}/{self.total}"
        return f"{share}; 95 % CI {100 * low:.0f}–{100 * high:.0f})"


@dataclass
class Tally:
    """The audit's figures over the judged part of a sample."""

    sampled: int
    judged: int
    unjudged: list[str]
    real: Share
    real_or_background: Share
    over_real: dict[str, Share]
    over_all: dict[str, Share]
    all_right: Share
    real_unflagged: Share
    by_set: dict[str, Share] = field(default_factory=dict)
    by_type: dict[str, Share] = field(default_factory=dict)
    stale: int = 0


def tally(
    sample: Sequence[Mapping[str, Any]], judgements: Mapping[str, Mapping[str, Any]]
) -> Tally:
    """Join the sample (manifest items) with the judgements and count.

    - real: judged real, current events / judged items.
    - over_real[f]: ``f_ok`` true / real events with ``f_ok`` not null.
    - over_all[f]: real events with ``f_ok`` true / all judged items (a record counts only when
      it is a real current event and that field is right).
    - all_right: real events with no field false / all judged items.
    """
    judged = [(item, judgements[item["key"]]) for item in sample if item["key"] in judgements]
    unjudged = [item["key"] for item in sample if item["key"] not in judgements]
    n = len(judged)
    real = [(item, j) for item, j in judged if j["real"]]
    over_real, over_all = {}, {}
    for f in FIELDS:
        label = f"{f}_ok"
        applicable = [j for _, j in real if j[label] is not None]
        over_real[f] = Share(sum(1 for j in applicable if j[label]), len(applicable))
        over_all[f] = Share(sum(1 for _, j in real if j[label]), n)
    all_right = sum(1 for _, j in real if all(j[f"{f}_ok"] is not False for f in FIELDS))
    unflagged = [j for item, j in judged if not item.get("flagged")]
    sets = sorted({item["set"] for item, _ in judged})
    by_set = {
        s: Share(
            sum(1 for item, j in judged if item["set"] == s and j["real"]),
            sum(1 for item, _ in judged if item["set"] == s),
        )
        for s in sets
    }
    types = sorted({str(item.get("type")) for item, _ in judged})
    by_type = {
        t: Share(
            sum(1 for item, j in judged if str(item.get("type")) == t and j["real"]),
            sum(1 for item, _ in judged if str(item.get("type")) == t),
        )
        for t in types
    }
    keys = {item["key"] for item in sample}
    return Tally(
        sampled=len(sample),
        judged=n,
        unjudged=unjudged,
        real=Share(len(real), n),
        real_or_background=Share(sum(1 for _, j in judged if j["real"] or j["background"]), n),
        over_real=over_real,
        over_all=over_all,
        all_right=Share(all_right, n),
        real_unflagged=Share(sum(1 for j in unflagged if j["real"]), len(unflagged)),
        by_set=by_set,
        by_type=by_type,
        stale=sum(1 for k in judgements if k not in keys),
    )


GOALS = {"real": 0.80, "actor": 0.75, "date": 0.80}


def _goal(share: Share, goal: float) -> str:
    value = share.value
    if value is None:
        return "n/a"
    return f"≥ {100 * goal:.0f} %: " + ("met" if value >= goal else "**not met**")


def render(t: Tally, meta: Mapping[str, Any]) -> str:
    """The audit report in Markdown (figures only, no article text)."""
    articles, events = meta.get("articles", {}), meta.get("events", {})
    sets = ", ".join(
        f"{s} ({n} articles, {events.get(s, '?')} events)" for s, n in articles.items()
    )
    quotas = ", ".join(f"{s}: {n}" for s, n in meta.get("quotas", {}).items())
    lines = [
        "# Precision audit (blind judgements)",
        "",
        "Written by `uv run python bench/audit/tally.py --report docs/precision-audit.md`; "
        "how to sample, judge and tally: `bench/audit/README.md`; the judging guide: "
        "`bench/audit/GUIDE.md`; the judgements: `bench/audit/judgements.jsonl`. The other "
        "corpus measures of issue 8 (BBC non-politics over-coding, ConfliBERT CAMEO, main-event "
        "recall, the gate's figures) are in `docs/extractor-corpus-eval.md`.",
        "",
        f"- Sample drawn {meta.get('created', '?')} at commit `{meta.get('commit', '?')}`, "
        f"extractor `{meta.get('extractor', '?')}` (through the extractor service's entry).",
        f"- Sets run: {sets or '?'}. guardian-dev = `../shared/corpora/guardian-dev` (NGEC-2025 "
        "a3909e2a); bbc-politics = `../shared/corpora/bbc-news` train + dev, label 1, "
        "deduplicated (ConfliBERT 0b630014).",
        _part_line(meta.get("part")),
        f"- Sample: seed {meta.get('seed', '?')}, at most {meta.get('per_article', '?')} events "
        f"per article, by hash rank; quotas {quotas or '?'}.",
        f"- Sampled {t.sampled}, judged {t.judged}, unjudged {len(t.unjudged)}; judgements of "
        f"events no longer in the sample: {t.stale}.",
        "",
        "| figure | value | goal |",
        "|---|---|---|",
        f"| real, current events (of judged) | {t.real} | {_goal(t.real, GOALS['real'])} |",
        f"| real incl. retold background | {t.real_or_background} | |",
        f"| real, of records not flagged negated/hypothetical | {t.real_unflagged} | |",
    ]
    for f in FIELDS:
        goal = _goal(t.over_real[f], GOALS[f]) if f in GOALS else ""
        lines.append(f"| {f} right, of real events | {t.over_real[f]} | {goal} |")
    for f in FIELDS:
        lines.append(f"| real and {f} right, of all judged | {t.over_all[f]} | |")
    lines.append(f"| real with every field right, of all judged | {t.all_right} | |")
    lines += ["", "| set | real, current |", "|---|---|"]
    lines += [f"| {s} | {share} |" for s, share in t.by_set.items()]
    lines += ["", "| event type | real, current |", "|---|---|"]
    lines += [f"| {s} | {share} |" for s, share in t.by_type.items()]
    lines += [
        "",
        "## How to read it",
        "",
        "- Every emitted record is sampled as a user sees it, flagged ones included; `real` "
        "means a specific, asserted, political event that is current at publication "
        "(`GUIDE.md`), so records flagged negated or hypothetical are not real events.",
        "- *Of real events*: the field judged right among the real events where it applies. "
        "*Of all judged*: records that are real events **and** have that field right, over all "
        "judged records (what an analyst taking every record at face value gets).",
        "- *Every field right*: real events with no field judged wrong.",
        "- Intervals are 95 % Wilson score intervals.",
        "",
    ]
    if t.unjudged:
        lines += ["## Unjudged keys", "", *[f"- `{k}`" for k in t.unjudged], ""]
    return "\n".join(lines)
