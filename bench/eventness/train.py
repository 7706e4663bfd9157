"""Train, cross-validate and measure the event filter (seeded, reproducible).

    uv run python bench/eventness/train.py [--threshold T]   # model + metrics into the package
    uv run python bench/eventness/train.py --dry-run          # figures only

1. Runs the extractor service (filter off; NEWSWIRE_EXTRACTOR_* configure the rest) over the
   ngec-synthetic stories and team-written articles that have labels and over the TRAIN half of
   ../shared/corpora/
   guardian-dev and the BBC politics articles (``newswire.measure.audit.part_of``; the audit half
   is never read), and computes every emitted event's features with the extractor's own code
   (newswire_extractor.eventness.features).
2. TRAINS only on the labels of the synthetic stories (bench/eventness/synthetic.jsonl) and of
   the team-written articles (bench/eventness/team.jsonl; both joined by event id, each team
   label weighted --team-weight): guardian-dev and bbc-news may not go into a shipped model.
3. Article-grouped, stratified 5-fold cross-validation on them, repeated over seeds: the
   regularisation strength by mean AUC, then out-of-fold precision / recall / kept fraction per
   threshold (and the out-of-fold AUC of the team-written articles alone).
4. MEASURES the model fitted on all training labels on the real-news labels of the train half
   (bench/eventness/labels.jsonl): AUC and precision / recall / kept fraction per threshold, and
   events per article before and after.
5. Writes event-filter-model.json and event-filter-metrics.json into
   newswire_extractor/eventness/data; the shipped threshold is --threshold when given (the card
   says why), else the lowest at which the cross-validated precision reaches the target.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from newswire.measure.audit import part_of
from newswire.measure.corpora import (
    Document,
    load_documents,
    load_ngec,
    load_team,
    repo_root,
    shared_dir,
)
from newswire.measure.extraction import ServiceRunner
from newswire.measure.provenance import commit_of, now
from newswire_contracts import Event
from newswire_extractor.eventness import EventFilter, EventModel
from newswire_extractor.eventness.features import Features
from newswire_extractor.eventness.model import METRICS_JSON, MODEL_JSON
from newswire_extractor.rules.document import Article
from newswire_extractor.settings import ExtractorSettings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PACKAGE_DATA = ROOT / "services/extractor/src/newswire_extractor/eventness/data"
LABELS = HERE / "labels.jsonl"
SYNTHETIC = HERE / "synthetic.jsonl"
TEAM = HERE / "team.jsonl"
NAME = "eventness-lr/6"
MEASURE_SETS = ("guardian-dev", "bbc-politics")
NGEC = "ngec-synthetic"
TEAM_SET = "team-written"
TRAINING_SETS = (NGEC, TEAM_SET)
C_GRID = (0.1, 0.3, 1.0, 3.0)
SEEDS = (8, 9, 10, 11, 12)
FOLDS = 5
AUC_SLACK = 0.005  # C values this close on CV AUC are a tie: the real-news AUC breaks it
MIN_COUNT = 2  # a feature must occur in at least this many labelled events
# The trigger's part of speech and fine tag: in the synthetic and team stories a past-tense
# trigger (VBD) is news and a base form (VB) a plan, but in real reporting background is told in
# the past tense and 'did agree', 'would not accept' are events; without them the real-news AUC
# was 0.786 instead of 0.771 on 309 labels (the verb's tense, aspect and auxiliaries stay).
DROP = ("tag=", "pos=")
TARGET_PRECISION = 0.80
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.91, 0.05))
PLATEAU = 0.01  # precision within this of the best is the best (a higher threshold buys nothing)


class Recorder(EventFilter):
    """The filter switched off, remembering each event's features (keyed by event id)."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.found: dict[str, Features] = {}

    def __call__(self, article: Article, events: list[Event]) -> list[Event]:
        for event, features in zip(events, self.features(article, events), strict=True):
            self.found[event.event_id[:16]] = features
        return events


Events = dict[str, tuple[str, str, Features]]  # event id -> (set, article, features)


def read_labels(path: Path, *, training: bool) -> dict[str, dict[str, Any]]:
    """Labels by event id; training labels must be of a training set, measurement labels of
    the train half of the real news (never the audit half). A missing file has no labels."""
    labels: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return labels
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if training and row["article"].split(":")[0] not in TRAINING_SETS:
            raise SystemExit(f"error: {path}: {row['key']} is not of {', '.join(TRAINING_SETS)}")
        if not training and part_of(row["article"]) != "train":
            raise SystemExit(f"error: {path}: {row['key']} is of the audit half")
        labels[row["key"][:16]] = row
    return labels


def set_of(doc: Document) -> str:
    return doc.corpus if doc.corpus in (*TRAINING_SETS, "guardian-dev") else "bbc-politics"


def extract(docs: list[Document]) -> tuple[Events, dict[str, Any]]:
    """Every event's (set, article, features), and articles per set."""
    runner = ServiceRunner(ExtractorSettings(event_filter=False))
    recorder = Recorder()
    runner.service.extractor.event_filter = recorder  # type: ignore[attr-defined]
    events: Events = {}
    articles: Counter[str] = Counter()
    started = time.perf_counter()
    for doc in docs:
        recorder.found.clear()
        result = runner.run(doc)
        articles[set_of(doc)] += 1
        for event in result.events:
            key = event.event_id[:16]
            events[key] = (set_of(doc), doc.doc_id, recorder.found[key])
    runner.close()
    seconds = time.perf_counter() - started
    print(f"{len(docs)} articles, {len(events)} events in {seconds:.0f} s", file=sys.stderr)
    return events, {"articles": dict(articles), "seconds": round(seconds, 1)}


def extract_all(shared: Path, training: dict[str, dict[str, Any]]) -> tuple[Events, dict[str, Any]]:
    stories = {str(r["article"]) for r in training.values()}
    docs = [d for d in load_ngec(shared) if d.doc_id in stories]
    docs += load_team()  # all of them: the repository's own, and quick
    docs += [d for d in load_documents(shared, MEASURE_SETS) if part_of(d.doc_id) == "train"]
    return extract(docs)


def classifier(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=5000, solver="liblinear", random_state=8)


def out_of_fold(
    x: Any, y: np.ndarray, groups: np.ndarray, weight: np.ndarray, c: float, seed: int
) -> np.ndarray:
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    score = np.zeros(len(y))
    for train, test in folds.split(x, y, groups):
        fitted = classifier(c).fit(x[train], y[train], sample_weight=weight[train])
        score[test] = fitted.predict_proba(x[test])[:, 1]
    return score


def at_threshold(y: np.ndarray, score: np.ndarray, threshold: float) -> dict[str, float]:
    kept = score >= threshold
    true_kept = int((kept & (y == 1)).sum())
    return {
        "precision": true_kept / kept.sum() if kept.sum() else float("nan"),
        "recall": true_kept / (y == 1).sum(),
        "kept": float(kept.mean()),
    }


def choose_threshold(table: list[dict[str, float]]) -> float:
    """The lowest threshold whose CV precision reaches the target; if none does, the lowest
    whose precision is within PLATEAU of the best one (raising it further loses recall only)."""
    measured = [r for r in table if r["precision"] == r["precision"]]  # NaN: nothing kept
    reaching = [r for r in measured if r["precision"] >= TARGET_PRECISION]
    if reaching:
        return reaching[0]["threshold"]
    best = max(r["precision"] for r in measured)
    return next(r["threshold"] for r in measured if r["precision"] >= best - PLATEAU)


def cross_validate(
    x: Any,
    y: np.ndarray,
    groups: np.ndarray,
    weight: np.ndarray,
    real_auc: Callable[[float], float],
    chosen: float | None = None,
) -> dict[str, Any]:
    """``real_auc(c)``: the real-news AUC of the model fitted with C = c on all training labels,
    which picks among the values of C the cross-validation cannot tell apart; ``chosen``: a C
    given by hand (the card says why)."""
    by_c = {}
    for c in C_GRID:
        aucs = [roc_auc_score(y, out_of_fold(x, y, groups, weight, c, s)) for s in SEEDS]
        by_c[c] = statistics.mean(aucs)
        print(f"C={c}: CV AUC {by_c[c]:.3f}", file=sys.stderr)
    top = max(by_c.values())
    tied = {c: real_auc(c) for c, auc in by_c.items() if auc >= top - AUC_SLACK}
    best = chosen if chosen is not None else max(tied, key=lambda c: (tied[c], -c))
    scores = [out_of_fold(x, y, groups, weight, best, s) for s in SEEDS]
    aucs = [roc_auc_score(y, s) for s in scores]
    team = np.array([str(g).startswith(f"{TEAM_SET}:") for g in groups])
    team_aucs = [roc_auc_score(y[team], s[team]) for s in scores] if team.any() else []
    table = []
    for threshold in THRESHOLDS:
        rows = [at_threshold(y, s, threshold) for s in scores]
        table.append(
            {
                "threshold": float(threshold),
                **{k: round(statistics.mean(r[k] for r in rows), 3) for k in rows[0]},
                "precision_min": round(min(r["precision"] for r in rows), 3),
            }
        )
    threshold = choose_threshold(table)
    return {
        "c": best,
        "auc_by_c": {str(c): round(a, 3) for c, a in by_c.items()},
        "real_auc_of_tied_c": {str(c): round(a, 3) for c, a in tied.items()},
        "auc": round(statistics.mean(aucs), 3),
        "auc_range": [round(min(aucs), 3), round(max(aucs), 3)],
        "team_auc": round(statistics.mean(team_aucs), 3) if team_aucs else None,
        "base_rate": round(float(y.mean()), 3),
        "table": table,
        "threshold": threshold,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, help="shared dir (default: ../shared)")
    ap.add_argument("--synthetic", type=Path, default=SYNTHETIC, help="training labels")
    ap.add_argument("--team", type=Path, default=TEAM, help="training labels (team-written)")
    ap.add_argument(
        "--team-weight", type=float, default=1.0, help="weight of a team label (synthetic: 1)"
    )
    ap.add_argument("--labels", type=Path, default=LABELS, help="measurement labels")
    ap.add_argument("--out", type=Path, default=PACKAGE_DATA)
    ap.add_argument("--cache", type=Path, help="features of the extracted events (JSON), reused")
    ap.add_argument(
        "--drop", nargs="*", default=list(DROP), help=f"leave out features by prefix ({DROP})"
    )
    ap.add_argument("--threshold", type=float, help="ship this threshold instead of the CV one")
    ap.add_argument("--c", type=float, help="use this C (of the grid) instead of choosing it")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args(argv)
    synthetic = read_labels(args.synthetic, training=True) | read_labels(args.team, training=True)
    measured = read_labels(args.labels, training=False)
    if args.cache is not None and args.cache.is_file():
        cached = json.loads(args.cache.read_text(encoding="utf-8"))
        events: Events = {k: (s, a, f) for k, (s, a, f) in cached["events"].items()}
        run = cached["run"]
    else:
        events, run = extract_all(shared_dir(args.shared), synthetic)
        if args.cache is not None:
            args.cache.write_text(json.dumps({"events": events, "run": run}), encoding="utf-8")
    joined = [(k, events[k]) for k in synthetic if k in events]
    tested = [(k, events[k]) for k in measured if k in events]
    print(
        f"training: {len(joined)} of {len(synthetic)} labels match an event emitted now;"
        f" measurement: {len(tested)} of {len(measured)} real-news labels",
        file=sys.stderr,
    )
    counts: Counter[str] = Counter(f for _, (_, _, feats) in joined for f in feats)
    vocabulary = {
        f
        for f, n in counts.items()
        if n >= MIN_COUNT and not any(f.startswith(p) for p in args.drop)
    }
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform(
        [{f: v for f, v in feats.items() if f in vocabulary} for _, (_, _, feats) in joined]
    )
    y = np.array([int(synthetic[k]["real"]) for k, _ in joined])
    groups = np.array([article for _, (_, article, _) in joined])
    from_team = np.array([a.startswith(f"{TEAM_SET}:") for a in groups])
    weight = np.where(from_team, args.team_weight, 1.0)
    x_real = vectorizer.transform([feats for _, (_, _, feats) in tested])
    y_real = np.array([int(measured[k]["real"]) for k, _ in tested])

    def real_auc(c: float) -> float:
        fitted = classifier(c).fit(x, y, sample_weight=weight)
        return float(roc_auc_score(y_real, fitted.predict_proba(x_real)[:, 1]))

    cv = cross_validate(x, y, groups, weight, real_auc, args.c)
    if args.threshold is not None:  # the shipped threshold, chosen for a reason the card gives
        cv["target_threshold"] = cv["threshold"]
        cv["threshold"] = args.threshold
    final = classifier(cv["c"]).fit(x, y, sample_weight=weight)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), final.coef_[0], strict=True)
        if abs(w) >= 1e-5
    }
    meta = {
        "name": NAME,
        "threshold": cv["threshold"],
        "intercept": round(float(final.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
        "trained": {
            "commit": commit_of(repo_root()),
            "created": now(),
            "data": "ngec-synthetic stories (bench/eventness/synthetic.jsonl) and team-written"
            " articles (bench/eventness/team.jsonl)",
            "labels": len(joined),
            "team_labels": int(from_team.sum()),
            "team_weight": args.team_weight,
            "real": int(y.sum()),
            "articles": len(set(groups)),
            "c": cv["c"],
            "min_count": MIN_COUNT,
            "target_precision": TARGET_PRECISION,
        },
    }
    model = EventModel(meta)
    real_news = measure(model, tested, measured)
    per_article = before_after(model, events, run["articles"])
    top = sorted(weights.items(), key=lambda kv: kv[1])
    metrics = {
        "name": NAME,
        "labels": {
            "total": len(synthetic),
            "matched": len(joined),
            "real": int(y.sum()),
            "by_set": {
                name: {
                    "matched": int(mask.sum()),
                    "real": int(y[mask].sum()),
                    "articles": len(set(groups[mask])),
                }
                for name, mask in ((NGEC, ~from_team), (TEAM_SET, from_team))
            },
        },
        "cross_validation": cv,
        "real_news": real_news,
        "train_half_events": per_article,
        "most_negative": [[k, round(v, 3)] for k, v in top[:15]],
        "most_positive": [[k, round(v, 3)] for k, v in top[-15:][::-1]],
        "extraction_seconds": run["seconds"],
    }
    print(json.dumps(metrics, indent=1))
    if not args.dry_run:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / MODEL_JSON).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        (args.out / METRICS_JSON).write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return 0


def measure(
    model: EventModel, tested: list[tuple[str, tuple[str, str, Features]]], labels: dict[str, Any]
) -> dict[str, Any]:
    """The shipped model on the real-news labels of the train half (never trained on)."""
    y = np.array([int(labels[k]["real"]) for k, _ in tested])
    score = np.array([model.score(feats) for _, (_, _, feats) in tested])
    table = [
        {"threshold": float(t), **{k: round(v, 3) for k, v in at_threshold(y, score, t).items()}}
        for t in THRESHOLDS
    ]
    reaching = [r for r in table if r["precision"] >= TARGET_PRECISION]
    return {
        "labels": len(tested),
        "real": int(y.sum()),
        "articles": len({a for _, (_, a, _) in tested}),
        "base_rate": round(float(y.mean()), 3),
        "auc": round(float(roc_auc_score(y, score)), 3),
        "table": table,
        "target_threshold": reaching[0]["threshold"] if reaching else None,
    }


def before_after(model: EventModel, events: Events, articles: dict[str, int]) -> dict[str, Any]:
    """Events per article with the filter off and on, per set."""
    kept: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for set_name, _, feats in events.values():
        kept[set_name][0] += 1
        kept[set_name][1] += model.score(feats) >= model.threshold
    return {
        s: {
            "articles": articles.get(s, 0),
            "events_before": round(n / max(articles.get(s, 0), 1), 2),
            "events_after": round(k / max(articles.get(s, 0), 1), 2),
            "kept_fraction": round(k / n, 3) if n else None,
        }
        for s, (n, k) in sorted(kept.items())
    }


if __name__ == "__main__":
    sys.exit(main())
