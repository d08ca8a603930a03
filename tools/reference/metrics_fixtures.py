#!/usr/bin/env python3
"""Golden values for Kindling.Training.Metrics from real scikit-learn 1.2.

Run:  /usr/bin/python3 tools/reference/metrics_fixtures.py
Writes tools/reference/fixtures/metrics.json. Every number in it is computed here by scikit-learn;
the C# tests only read it. Each case is one (y_true, y_pred, probabilities) triple with the class
count C; every metric that takes labels is called with labels=range(C), which is what Kindling's
API means by "numClasses" (column j of the probability matrix is class j).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.utils.multiclass import unique_labels

assert sklearn.__version__.startswith("1.2"), sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "metrics.json")
rng = np.random.RandomState(20240501)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def plist(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def call(fn):
    """Value of fn() plus the UndefinedMetricWarning messages, or the error message."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            v = fn()
        except ValueError as e:
            return {"error": str(e)}
    out = {"value": plist(v) if np.ndim(v) else float(v)}
    undefined = [str(x.message) for x in w if issubclass(x.category, UndefinedMetricWarning)]
    if undefined:
        out["undefined_warnings"] = undefined
    return out


def case(name, y_true, y_pred, proba, C, note):
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    proba = np.asarray(proba, dtype=np.float64)
    labels = list(range(C))
    proba32 = proba.astype(np.float32)
    d = {
        "name": name, "note": note, "num_classes": C,
        "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
        "proba": plist(proba), "proba_float32": [float(v) for v in proba32.ravel()],
        "accuracy": call(lambda: M.accuracy_score(y_true, y_pred)),
        "accuracy_count": call(lambda: M.accuracy_score(y_true, y_pred, normalize=False)),
        "balanced_accuracy": call(lambda: M.balanced_accuracy_score(y_true, y_pred)),
        "balanced_accuracy_adjusted": call(lambda: M.balanced_accuracy_score(y_true, y_pred, adjusted=True)),
        "confusion_matrix": M.confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        "confusion_matrix_labels_rev": {
            "labels": labels[::-1][:max(2, C - 1)],
            "matrix": M.confusion_matrix(y_true, y_pred, labels=labels[::-1][:max(2, C - 1)]).tolist()},
        "log_loss_auto": call(lambda: M.log_loss(y_true, proba, labels=labels)),
        "log_loss_float32_auto": call(lambda: M.log_loss(y_true, proba32, labels=labels)),
        "log_loss_eps_1e-15": call(lambda: M.log_loss(y_true, proba, eps=1e-15, labels=labels)),
        "log_loss_sum": call(lambda: M.log_loss(y_true, proba, labels=labels, normalize=False)),
        "prfs": {},
        "top_k": {},
    }
    for zd in ["warn", 0, 1]:
        key = str(zd)
        per = {}
        for avg in [None, "micro", "macro", "weighted"] + (["binary"] if C == 2 else []):
            r = call(lambda: M.precision_recall_fscore_support(
                y_true, y_pred, labels=labels, average=avg, zero_division=zd)[:3])
            if "error" not in r and avg is None:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    p, rc, f, s = M.precision_recall_fscore_support(y_true, y_pred, labels=labels,
                                                                    zero_division=zd)
                r["value"] = {"precision": plist(p), "recall": plist(rc), "f1": plist(f),
                              "support": [int(v) for v in s]}
            per[avg or "none"] = r
        # f1_score/precision_score carry their own warn_for, so record them too.
        per["f1_macro"] = call(lambda: M.f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=zd))
        per["precision_macro"] = call(lambda: M.precision_score(y_true, y_pred, labels=labels, average="macro",
                                                                zero_division=zd))
        per["recall_weighted"] = call(lambda: M.recall_score(y_true, y_pred, labels=labels, average="weighted",
                                                             zero_division=zd))
        per["fbeta2_macro"] = call(lambda: M.fbeta_score(y_true, y_pred, beta=2.0, labels=labels, average="macro",
                                                         zero_division=zd))
        d["prfs"][key] = per
    score_for_sklearn = proba[:, 1] if C == 2 else proba
    for k in [1, 2, 3]:
        d["top_k"][str(k)] = call(lambda: M.top_k_accuracy_score(y_true, score_for_sklearn, k=k, labels=labels))
    if C == 2:
        d["roc_auc_binary"] = call(lambda: M.roc_auc_score(y_true, proba[:, 1]))
    else:
        d["roc_auc_ovr_macro"] = call(lambda: M.roc_auc_score(y_true, proba, multi_class="ovr", average="macro",
                                                              labels=labels))
        d["roc_auc_ovr_weighted"] = call(lambda: M.roc_auc_score(y_true, proba, multi_class="ovr",
                                                                 average="weighted", labels=labels))
    # scikit-learn's defaults (labels=None): averages over unique_labels(y_true, y_pred), as f1_score(average=...)
    # and classification_report compute them; a class in neither array is left out.
    present = [int(v) for v in unique_labels(y_true, y_pred)]
    d["default_labels"] = {"labels": present}
    for avg in [None, "macro", "weighted", "micro"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = M.precision_recall_fscore_support(y_true, y_pred, average=avg)
        d["default_labels"][avg or "none"] = (
            {"precision": plist(r[0]), "recall": plist(r[1]), "f1": plist(r[2]), "support": [int(v) for v in r[3]]}
            if avg is None else plist(r[:3]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d["default_labels"]["f1_macro"] = float(M.f1_score(y_true, y_pred, average="macro"))
    if C == 2:
        binary_curves(d, y_true, proba[:, 1])
    # One-vs-rest AUC of each class on its own (what the per-class report rows show).
    d["roc_auc_per_class"] = [call(lambda: M.roc_auc_score((y_true == c).astype(int), proba[:, c]))
                              for c in range(C)]
    return d


def binary_curves(d, y_true, score):
    """ROC and precision-recall curves of the positive class (column 1), average precision, and the F1-best
    threshold as `kindling train --threshold auto` defines it: the first maximum of F1 over
    precision_recall_curve's thresholds (increasing), the rule being score >= threshold."""
    fpr, tpr, roc_t = M.roc_curve(y_true, score)
    prec, rec, pr_t = M.precision_recall_curve(y_true, score)
    d["roc_curve"] = {"fpr": plist(fpr), "tpr": plist(tpr), "thresholds": plist(roc_t)}
    d["pr_curve"] = {"precision": plist(prec), "recall": plist(rec), "thresholds": plist(pr_t)}
    d["average_precision"] = call(lambda: M.average_precision_score(y_true, score))
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(prec + rec > 0, 2 * prec * rec / (prec + rec), 0.0)[:-1]
    best = int(np.argmax(f1))
    d["f1_best_threshold"] = {"threshold": float(pr_t[best]), "f1": float(f1[best]),
                              "f1_check": float(M.f1_score(y_true, (score >= pr_t[best]).astype(int)))}


cases = []

# 1. Plain multi-class: every class present in y_true and in y_pred.
n, C = 60, 5
y = np.concatenate([np.arange(C), rng.randint(0, C, n - C)])
logits = rng.randn(n, C) * 1.5
logits[np.arange(n), y] += 1.0
p = softmax(logits)
yp = p.argmax(1)
yp[:C] = np.arange(C)  # make sure every class is predicted at least once
cases.append(case("multiclass", y, yp, p, C, "5 classes, all present and predicted"))

# 2. A class that is in y_true but never predicted (precision 0/0 for it).
n, C = 40, 4
y = np.concatenate([[0, 1, 2, 3, 2], rng.randint(0, C, n - 5)])
logits = rng.randn(n, C)
p = softmax(logits)
yp = rng.randint(0, C, n)
yp[yp == 2] = 0
cases.append(case("never_predicted", y, yp, p, C, "class 2 is never predicted"))

# 3. A class predicted but absent from y_true (recall 0/0), and one absent from both (all 0/0).
n, C = 40, 5
y = rng.randint(0, 3, n)
y[:3] = [0, 1, 2]
yp = rng.randint(0, 4, n)
yp[:4] = [0, 1, 2, 3]
p = softmax(rng.randn(n, C))
cases.append(case("absent_from_true", y, yp, p, C,
                  "class 3 predicted but not in y_true; class 4 in neither (labels given)"))

# 4. Binary.
n, C = 50, 2
y = rng.randint(0, 2, n)
s = 1 / (1 + np.exp(-(rng.randn(n) + 1.2 * (2 * y - 1))))
p = np.stack([1 - s, s], axis=1)
yp = (s > 0.5).astype(np.int64)
cases.append(case("binary", y, yp, p, C, "binary, positive class 1"))

# 5. Ties in the scores (ROC tie handling, top-k tie order), a zero and unnormalised rows
#    (clipping and renormalisation in log_loss).
C = 3
y = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 0, 2])
p = np.array([[0.5, 0.25, 0.25], [0.25, 0.5, 0.25], [0.2, 0.4, 0.4], [0.4, 0.4, 0.2], [1 / 3, 1 / 3, 1 / 3],
              [0.0, 0.5, 0.5], [0.5, 0.5, 0.0], [0.25, 0.25, 0.5], [0.25, 0.5, 0.25], [0.2, 0.4, 0.4],
              [0.6, 0.2, 0.2], [0.2, 0.2, 0.6]])
yp = p.argmax(1)
cases.append(case("ties", y, yp, p, C, "tied scores; zeros in probabilities"))
unnorm = p * np.array([1.0, 2.0, 0.5, 1.0, 3.0, 1.0, 1.0, 0.9, 1.1, 1.0, 1.0, 1.0])[:, None]
d = case("unnormalised", y, yp, unnorm, C, "rows not summing to 1: log_loss renormalises, roc_auc refuses")
cases.append(d)

# 6. Binary where class 1 is never predicted (binary average zero_division).
y = np.array([0, 1, 0, 1, 1, 0, 0, 0])
yp = np.zeros_like(y)
s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.2, 0.45, 0.05])
cases.append(case("binary_never_positive", y, yp, np.stack([1 - s, s], 1), 2,
                  "binary, positive class never predicted"))

# Cases added later draw from their own generator, so the ones above (and the sums below) keep their values.
rng2 = np.random.RandomState(20261204)

# 7. Training classes absent from the test rows: six classes, 0 and 5 in neither y_true nor y_pred (as WineQT's
#    rare qualities in a small test split), 4 predicted but never true.
n, C = 45, 6
y = rng2.randint(1, 4, n)
p = softmax(rng2.randn(n, C) + 2.0 * np.eye(C)[y])
p[:, [0, 5]] *= 0.01
p /= p.sum(axis=1, keepdims=True)
yp = p.argmax(1)
yp[:2] = 4
cases.append(case("absent_from_test", y, yp, p, C, "classes 0 and 5 in neither y_true nor y_pred; 4 predicted only"))

# 8. Binary with tied scores across classes (ROC diagonal steps, average precision's step-wise sum, thresholds).
y = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1])
s = np.array([0.3, 0.7, 0.5, 0.5, 0.9, 0.1, 0.7, 0.3, 0.7, 0.2, 0.5, 0.3, 0.05, 0.95])
cases.append(case("binary_ties", y, (s > 0.5).astype(np.int64), np.stack([1 - s, s], 1), 2,
                  "binary, tied positive/negative scores"))

# 9. Binary, imbalanced (F1-best threshold far from 0.5).
n = 80
y = (rng2.rand(n) < 0.2).astype(np.int64)
s = 1 / (1 + np.exp(-(rng2.randn(n) * 1.3 + 1.5 * y - 1.2)))
cases.append(case("binary_imbalanced", y, (s > 0.5).astype(np.int64), np.stack([1 - s, s], 1), 2,
                  "binary, 20% positives"))

# NumPy's own summation order (pairwise), which every mean above goes through: lengths that hit
# the < 8 loop, the 8-accumulator block and the recursive split.
sums = []
for n in [5, 8, 13, 128, 129, 1000]:
    v = rng.randn(n) * 10.0 ** rng.randint(-3, 4, n)
    sums.append({"values": plist(v), "sum": float(np.sum(v))})

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases, "pairwise_sums": sums},
              f, indent=1)
print(f"wrote {OUT}: {len(cases)} cases")

# The seed's own training curve (PyTorch 1.13, 100 full-batch epochs), for the convergence tests,
# with the seed program's test accuracy after other epoch counts to judge the suggestion against.
import subprocess
import sys

SEED = "/work/shared/reference/seed_program.py"


def seed_run(epochs):
    out = subprocess.run([sys.executable, SEED, "--json", "--epochs", str(epochs)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


run = seed_run(100)
curve = {"source": "seed_program.py --json (torch %s)" % __import__("torch").__version__,
         "train_loss": run["train_loss"], "test_accuracy": run["test_accuracy"],
         "test_accuracy_by_epochs": {str(e): seed_run(e)["test_accuracy"] for e in [20, 40, 60, 80, 150]}}
curve["test_accuracy_by_epochs"]["100"] = run["test_accuracy"]
SEED_OUT = os.path.join(HERE, "fixtures", "metrics_seed_curve.json")
with open(SEED_OUT, "w") as f:
    json.dump(curve, f, indent=1)
print(f"wrote {SEED_OUT}")
