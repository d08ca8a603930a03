#!/usr/bin/python3
"""Golden values for Kindling.Training.Metrics.RegressionMetrics from real scikit-learn 1.2.

Run:  /usr/bin/python3 tools/reference/regression_metrics_fixtures.py
Writes tools/reference/fixtures/regression_metrics.json: for each (y_true, y_pred) case, r2_score,
mean_absolute_error, mean_squared_error (and its root), mean_absolute_percentage_error (with its
float64-eps floor on |y_true|), median_absolute_error and explained_variance_score, all with
scikit-learn's defaults (force_finite=True for R2 and explained variance).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M

assert sklearn.__version__.startswith("1.2"), sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "regression_metrics.json")
rng = np.random.RandomState(20261204)


def value(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = float(fn())
    return v if np.isfinite(v) else None  # JSON has no NaN: null


def case(name, y_true, y_pred, note):
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    return {
        "name": name, "note": note,
        "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
        "r2": value(lambda: M.r2_score(y_true, y_pred)),
        "mae": value(lambda: M.mean_absolute_error(y_true, y_pred)),
        "mse": value(lambda: M.mean_squared_error(y_true, y_pred)),
        "rmse": value(lambda: M.mean_squared_error(y_true, y_pred, squared=False)),
        "mape": value(lambda: M.mean_absolute_percentage_error(y_true, y_pred)),
        "median_ae": value(lambda: M.median_absolute_error(y_true, y_pred)),
        "explained_variance": value(lambda: M.explained_variance_score(y_true, y_pred)),
    }


def main():
    y = rng.normal(10, 3, 200)
    cases = [
        case("random_200", y, y + rng.normal(0, 1, 200), "noisy predictions of a normal target"),
        case("odd_count", [3.0, -0.5, 2.0, 7.0, 4.2], [2.5, 0.0, 2.0, 8.0, 3.9], "sklearn's doc example plus a row; odd n (median is the middle)"),
        case("even_count", [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0], "sklearn's doc example; even n (median averages the middle two)"),
        case("perfect", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], "exact predictions: R2 and explained variance 1"),
        case("constant_target_exact", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0], "zero denominator and zero numerator: 1.0"),
        case("constant_target_wrong", [2.0, 2.0, 2.0], [1.0, 2.0, 3.0], "zero denominator, non-zero numerator: 0.0 (force_finite)"),
        case("offset_only", [1.0, 2.0, 3.0, 4.0], [2.0, 3.0, 4.0, 5.0], "a constant offset: explained variance 1, R2 below"),
        case("zero_targets", [0.0, 1.0, 0.0, 2.0], [0.5, 1.0, -0.5, 1.0], "MAPE divides by max(|y|, eps): huge terms at y = 0"),
        case("negative_r2", [1.0, 2.0, 3.0], [3.0, 2.0, 1.0], "worse than the mean: R2 < 0"),
        case("single_row", [5.0], [4.0], "one row: R2 undefined (nan, null here), the rest defined"),
        case("large_scale", (rng.normal(0, 1, 50) * 1e6 + 3e7).tolist(), (rng.normal(0, 1, 50) * 1e6 + 3e7).tolist(), "big values, small relative spread"),
    ]
    with open(OUT, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: {len(cases)} cases")


if __name__ == "__main__":
    main()
