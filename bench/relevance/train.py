"""Train, cross-validate and measure the article relevance model (seeded, reproducible).

    uv run python bench/relevance/train.py            # writes the model + metrics into the package

Training data (shipped model): the CC BY-SA records of ../shared/corpora/fjty-filter (classes
0-9) and a seeded sample of ../shared/corpora/ngec-synthetic stories (as class 0, codeable).
Measurement only (never trained on): ../shared/corpora/bbc-news (train + dev, deduplicated),
../shared/corpora/guardian-dev, and the team gold articles bench/extractor/gold/team.jsonl.
The figures go to newswire_extractor/relevance/data/relevance-metrics.json and into
docs/relevance-model.md by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from spacy.lang.en.stop_words import STOP_WORDS

from newswire_extractor.relevance.features import content_words, hashed_counts, text_words
from newswire_extractor.relevance.gate import MIN_WORDS, ArticleGate
from newswire_extractor.relevance.model import (
    METRICS_JSON,
    MODEL_JSON,
    MODEL_NPZ,
    RelevanceModel,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DATA = ROOT / "services/extractor/src/newswire_extractor/relevance/data"
NAME = "relevance-hashlr/1"
# FJTY classes (README of fjty-filter); 8 is only fisheries stories among the CC BY-SA records.
CLASSES = [
    "codeable",
    "sports",
    "culture",
    "business",
    "opinion",
    "crime",
    "accidents",
    "disaster",
    "other",
    "no-content",
]
# FJTY's word lists drop numbers and dates (named entities); raw text must lose them too.
EXTRA_STOP = str.split(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions monday tuesday "
    "wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december today yesterday tomorrow"
)
SOURCES = {
    "fjty-filter": "github.com/openeventdata/FJTY-Filter 32937407c798c14118d6956ce44c6ce48aa69fae",
    "ngec-synthetic": "github.com/ahalterman/NGEC 787a06ba8df063fec0b718a9c24b6088c938037b",
    "bbc-news": "github.com/eventdata/ConfliBERT 0b630014885b9597622082034cc5ab5471b57e5b",
    "guardian-dev": "github.com/ahalterman/NGEC-2025 a3909e2aa02969ccaaa915a9626a5316e1cac0f8",
}


def default_corpora() -> Path:
    """``../shared/corpora`` beside the repository (or beside a folder holding the checkout)."""
    for folder in ROOT.parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared" / "corpora"
    return ROOT.parent / "shared" / "corpora"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def training_set(
    corpora: Path, stop: frozenset[str], n_synthetic: int, seed: int
) -> tuple[list[list[str]], np.ndarray, dict[str, int]]:
    docs: list[list[str]] = []
    labels: list[int] = []
    fjty = read_jsonl(corpora / "fjty-filter/fjty_training_wordlists.jsonl")
    cc = [r for r in fjty if r["license_stated"]]  # CC BY-SA records only
    for record in cc:
        docs.append(content_words(record["words"].lower().split(), stop))
        labels.append(int(record["class"]))
    stories = read_jsonl(corpora / "ngec-synthetic/gpt_synthetic_events_2023-10-19_19.jsonl")
    random.Random(seed).shuffle(stories)
    for story in stories[:n_synthetic]:
        docs.append(content_words(text_words(story["text"]), stop))
        labels.append(0)
    counts = {"fjty-filter (CC BY-SA)": len(cc), "ngec-synthetic (sample)": n_synthetic}
    return docs, np.array(labels), counts


def vectorize(docs: list[list[str]], n_buckets: int, bigrams: bool) -> sp.csr_matrix:
    """Sublinear tf, L2-normalised: exactly what RelevanceModel.predict computes."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, lemmas in enumerate(docs):
        counts = hashed_counts(lemmas, n_buckets, bigrams=bigrams)
        if not counts:
            continue
        weights = np.array([1.0 + np.log(n) for n in counts.values()])
        weights /= np.linalg.norm(weights)
        rows += [i] * len(counts)
        cols += list(counts)
        vals += weights.tolist()
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), n_buckets))


def per_class(y: np.ndarray, pred: np.ndarray) -> dict[str, dict[str, float]]:
    labels = list(range(len(CLASSES)))
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    return {
        CLASSES[i]: {
            "precision": round(float(p[i]), 3),
            "recall": round(float(r[i]), 3),
            "f1": round(float(f[i]), 3),
            "support": int(s[i]),
        }
        for i in labels
    }


def binary(y: np.ndarray, score: np.ndarray, threshold: float) -> dict[str, float]:
    passed, codeable = score >= threshold, y == 0
    hits = int((passed & codeable).sum())
    return {
        "precision": round(hits / max(int(passed.sum()), 1), 3),
        "recall": round(hits / max(int(codeable.sum()), 1), 3),
        "support": int(codeable.sum()),
    }


def bbc_articles(corpora: Path) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    labels: list[int] = []
    seen: set[str] = set()
    for name in ("train.tsv", "dev.tsv"):
        with (corpora / "bbc-news" / name).open(encoding="utf-8", newline="") as handle:
            for line in handle:
                text, _, label = line.rstrip("\r\n").rpartition("\t")
                key = "".join(ch for ch in text.lower() if ch.isalnum())
                if key in seen:  # the README lists duplicates within and across the files
                    continue
                seen.add(key)
                texts.append(text)
                labels.append(int(label))
    return texts, np.array(labels)


def pass_rate(model: RelevanceModel, texts: list[str], threshold: float) -> dict[str, Any]:
    """Share passing the gate (short texts pass, as in ArticleGate) and the class mix."""
    passed = 0
    labels: dict[str, int] = {}
    for text in texts:
        prediction = model.predict(text)
        if prediction.words < MIN_WORDS or prediction.score >= threshold:
            passed += 1
        labels[prediction.label] = labels.get(prediction.label, 0) + 1
    return {"n": len(texts), "passed": round(passed / max(len(texts), 1), 3), "labels": labels}


def sweep(model: RelevanceModel, sets: dict[str, list[str]]) -> list[dict[str, float]]:
    scores = {name: np.array([model.predict(t).score for t in ts]) for name, ts in sets.items()}
    table = []
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        row = {"threshold": threshold}
        row |= {name: round(float((s >= threshold).mean()), 3) for name, s in scores.items()}
        table.append(row)
    return table


def timing(model: RelevanceModel, texts: list[str], rounds: int = 3) -> dict[str, float]:
    """Per-article time of the whole gate (language check + model), the best of ``rounds``
    runs per article so that other work on a shared machine inflates it less."""
    gate = ArticleGate(model=model)
    english = frozenset({"en"})
    per_article = []
    words = []
    for text in texts:
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            gate.check(text, languages=english, backend="rules")
            best = min(best, time.perf_counter() - started)
        per_article.append(best * 1000)
        words.append(len(text.split()))
    return {
        "articles": len(texts),
        "median_words": int(statistics.median(words)),
        "median_ms": round(statistics.median(per_article), 3),
        "p95_ms": round(float(np.percentile(per_article, 95)), 3),
        "max_ms": round(max(per_article), 3),
        "max_words": max(words),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--out", type=Path, default=PACKAGE_DATA)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--synthetic", type=int, default=500, help="NGEC stories to use")
    parser.add_argument("--buckets", type=int, default=2**18)
    parser.add_argument("--bigrams", action="store_true")
    parser.add_argument("--C", type=float, default=30.0, help="inverse L2 strength")
    parser.add_argument("--threshold", type=float, default=0.75)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not (args.corpora / "fjty-filter").is_dir():
        print(f"corpora not found at {args.corpora} (../shared/corpora beside the repo)")
        return 2

    stop = frozenset(STOP_WORDS) | frozenset(EXTRA_STOP)
    docs, y, counts = training_set(args.corpora, stop, args.synthetic, args.seed)
    hashed = vectorize(docs, args.buckets, args.bigrams)
    # Buckets no training text touches get weight 0 under L2 anyway: fit on the used ones only.
    used = np.unique(hashed.indices)
    x = hashed[:, used]
    n_fjty = counts["fjty-filter (CC BY-SA)"]
    print(f"training set: {counts}, {args.buckets} buckets, {len(used)} used")

    def classifier() -> LogisticRegression:
        return LogisticRegression(C=args.C, max_iter=1000, random_state=args.seed)

    folds = StratifiedKFold(args.folds, shuffle=True, random_state=args.seed)
    proba = cross_val_predict(classifier(), x, y, cv=folds, method="predict_proba")
    cv = {
        "folds": args.folds,
        "seed": args.seed,
        "per_class": per_class(y, proba.argmax(1)),
        "accuracy": round(float((proba.argmax(1) == y).mean()), 3),
        "codeable_at_threshold": binary(y, proba[:, 0], args.threshold),
        "codeable_at_threshold_fjty_only": binary(y[:n_fjty], proba[:n_fjty, 0], args.threshold),
    }
    print(json.dumps(cv, indent=1))

    final = classifier().fit(x, y)
    weights = final.coef_.T.astype(np.float16)
    meta = {
        "name": NAME,
        "classes": CLASSES,
        "threshold": args.threshold,
        "n_buckets": args.buckets,
        "bigrams": args.bigrams,
        "hash": "crc32(utf-8 term) mod n_buckets; term = crude lemma (or 'a b' bigram)",
        "features": "sublinear tf (1 + ln count), L2-normalised; newswire_extractor.relevance",
        "stop_words": sorted(stop),
        "training": {
            "records": counts,
            "sources": {k: SOURCES[k] for k in ("fjty-filter", "ngec-synthetic")},
            "seed": args.seed,
            "C": args.C,
            "script": "bench/relevance/train.py",
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / MODEL_JSON).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    np.savez_compressed(
        args.out / MODEL_NPZ,
        buckets=used.astype(np.int32),
        weights=weights,
        intercept=final.intercept_.astype(np.float32),
    )

    # Everything below measures the model as shipped: read back and scored by the runtime code.
    with np.load(args.out / MODEL_NPZ, allow_pickle=False) as npz:
        model = RelevanceModel(meta, {k: npz[k] for k in npz.files})
    check = [model.predict_lemmas(d).score for d in docs[:200]]
    drift = float(np.abs(np.array(check) - final.predict_proba(x[:200])[:, 0]).max())
    bbc, bbc_y = bbc_articles(args.corpora)
    politics = [t for t, label in zip(bbc, bbc_y, strict=True) if label == 1]
    other = [t for t, label in zip(bbc, bbc_y, strict=True) if label == 0]
    guardian = [r["text"] for r in read_jsonl(args.corpora / "guardian-dev/articles.jsonl")]
    team = read_jsonl(ROOT / "bench/extractor/gold/team.jsonl")
    team_eventful = [d["text"] for d in team if d.get("events")]
    team_eventless = [d["text"] for d in team if not d.get("events")]
    external = {
        "bbc_politics": pass_rate(model, politics, args.threshold),
        "bbc_other": pass_rate(model, other, args.threshold),
        "guardian_dev": pass_rate(model, guardian, args.threshold),
        "team_gold_with_events": pass_rate(model, team_eventful, args.threshold),
        "team_gold_without_events": pass_rate(model, team_eventless, args.threshold),
    }
    metrics = {
        "model": NAME,
        "threshold": args.threshold,
        "min_words": MIN_WORDS,
        "cross_validation": cv,
        "external": external,
        "threshold_sweep": sweep(
            model, {"bbc_politics": politics, "bbc_other": other, "guardian_dev": guardian}
        ),
        "float16_max_score_drift": round(drift, 5),
        "timing": {"guardian_dev": timing(model, guardian), "bbc": timing(model, bbc[:300])},
        "measurement_sources": {k: SOURCES[k] for k in ("bbc-news", "guardian-dev")},
    }
    (args.out / METRICS_JSON).write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in metrics.items() if k != "cross_validation"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
