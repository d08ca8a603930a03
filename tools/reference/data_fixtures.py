#!/usr/bin/python3
"""Golden values for Kindling.Data from Debian's scikit-learn (1.2) and pandas.

Writes tools/reference/fixtures/data_wineqt.json, data_mixed.json, data_loader.json and data_infrequent.json
(or only those named on the command line). Floats are written with
repr (round-trip exact). Run: /usr/bin/python3 tools/reference/data_fixtures.py
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelEncoder, MinMaxScaler, OneHotEncoder, StandardScaler

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tools", "reference", "fixtures")
# Kindling's default missing tokens (CsvOptions.DefaultMissingTokens).
MISSING = ["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"]


def read(path):
    # round_trip: correctly rounded parsing, as .NET's double.Parse. pandas' default "high" parser is
    # off by an ulp on some values (WineQT's 0.9900700000000001 reads as 0.99007).
    return pd.read_csv(path, keep_default_na=False, na_values=MISSING, float_precision="round_trip")


def matrix(a):
    return [[float(v) for v in row] for row in np.asarray(a, dtype=np.float64)]


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def pipeline(num, cat, impute, scaler, add_indicator):
    fill = 0.0 if impute == "constant" else None
    num_steps = [("impute", SimpleImputer(strategy=impute, fill_value=fill))]
    if scaler == "standard":
        num_steps.append(("scale", StandardScaler()))
    elif scaler == "minmax":
        num_steps.append(("scale", MinMaxScaler()))
    parts = [("num", Pipeline(num_steps), num)]
    if add_indicator:
        parts.append(("ind", MissingIndicator(features="missing-only", error_on_new=False), num))
    if cat:
        cat_impute = SimpleImputer(strategy="constant", fill_value="missing_value") if impute == "constant" \
            else SimpleImputer(strategy="most_frequent")
        parts.append(("cat", Pipeline([("impute", cat_impute),
                                       ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False))]), cat))
    return ColumnTransformer(parts, sparse_threshold=0, verbose_feature_names_out=False)


def wineqt():
    df = read(os.path.join(ROOT, "data", "WineQT.csv"))
    features = [c for c in df.columns if c not in ("quality", "Id")]
    x = df[features].to_numpy(dtype=np.float64)
    le = LabelEncoder().fit(df["quality"])
    std = StandardScaler().fit(x)
    mm = MinMaxScaler().fit(x)
    train = 800  # the first 800 rows: fit on training rows only, transform all
    std_train = StandardScaler().fit(x[:train])
    return {
        "sklearn": sklearn.__version__,
        "features": features,
        "label_classes": floats(le.classes_),
        "label_codes": [int(v) for v in le.transform(df["quality"])],
        "standard": {"mean": floats(std.mean_), "var": floats(std.var_), "scale": floats(std.scale_),
                     "matrix": matrix(std.transform(x))},
        "minmax": {"data_min": floats(mm.data_min_), "data_max": floats(mm.data_max_),
                   "scale": floats(mm.scale_), "min": floats(mm.min_), "matrix": matrix(mm.transform(x))},
        "standard_first_800": {"train_rows": train, "mean": floats(std_train.mean_),
                               "scale": floats(std_train.scale_), "matrix": matrix(std_train.transform(x))},
    }


def mixed():
    data = os.path.join(ROOT, "tests", "Kindling.Data.Tests", "Data")
    train = read(os.path.join(data, "mixed.csv"))
    test = read(os.path.join(data, "mixed_test.csv"))
    num = ["age", "income", "score", "constant"]
    cat = ["color", "size"]
    for df in (train, test):
        for c in cat:
            df[c] = df[c].astype(object)
    out = {"sklearn": sklearn.__version__, "numeric": num, "categorical": cat}

    le = LabelEncoder().fit(train["label"])
    tricky = ["b", "B", "a", "A", "\u00e9", "Z", "10", "9", "b"]
    out["label"] = {"classes": [str(c) for c in le.classes_], "codes": [int(v) for v in le.transform(train["label"])],
                    "tricky": tricky, "tricky_classes": [str(c) for c in LabelEncoder().fit(tricky).classes_]}

    xn, tn = train[num].to_numpy(dtype=np.float64), test[num].to_numpy(dtype=np.float64)
    imputers = {}
    for strategy in ("mean", "median", "most_frequent", "constant"):
        imp = SimpleImputer(strategy=strategy, fill_value=0.0 if strategy == "constant" else None, add_indicator=True).fit(xn)
        imputers[strategy] = {"statistics": floats(imp.statistics_),
                              "indicator_features": [int(i) for i in imp.indicator_.features_],
                              "train": matrix(imp.transform(xn)), "test": matrix(imp.transform(tn))}
    out["imputer"] = imputers

    xc = SimpleImputer(strategy="most_frequent").fit(train[cat])
    ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(xc.transform(train[cat]))
    out["onehot"] = {"fill": [str(v) for v in xc.statistics_],
                     "categories": [[str(v) for v in c] for c in ohe.categories_],
                     "train": matrix(ohe.transform(xc.transform(train[cat]))),
                     "test": matrix(ohe.transform(xc.transform(test[cat])))}

    pipes = []
    for impute, scaler, indicator in [("mean", "standard", True), ("median", "minmax", False),
                                      ("most_frequent", "standard", True), ("constant", "none", True)]:
        ct = pipeline(num, cat, impute, scaler, indicator).fit(train)
        pipes.append({"impute": impute, "scaler": scaler, "add_indicator": indicator,
                      "feature_names": [str(n) for n in ct.get_feature_names_out()],
                      "train": matrix(ct.transform(train)), "test": matrix(ct.transform(test))})
    out["pipelines"] = pipes
    return out


def loader():
    """torch.utils.data.DataLoader orders (PyTorch 1.13), and sklearn split indices for DataSplit."""
    import math

    import torch
    from sklearn.model_selection import train_test_split
    from torch.utils.data import DataLoader, TensorDataset

    def epochs(n, batch, drop_last, use_generator):
        torch.manual_seed(42)
        g = torch.Generator().manual_seed(7) if use_generator else None
        ds = TensorDataset(torch.arange(n), torch.arange(n, dtype=torch.float32).reshape(n, 1) * 0.5)
        dl = DataLoader(ds, batch_size=batch, shuffle=True, drop_last=drop_last, generator=g)
        out = []
        for _ in range(3):
            out.append([b[0].tolist() for b in dl])
        after = torch.rand(1).item() if g is None else torch.rand(1, generator=g).item()
        return {"n": n, "batch": batch, "drop_last": drop_last, "generator": use_generator,
                "epochs": out, "rand_after": after}

    df = read(os.path.join(ROOT, "data", "WineQT.csv"))
    y = df["quality"].to_numpy()
    n = len(y)
    idx = np.arange(n)
    rest, test = train_test_split(idx, test_size=0.2, random_state=42, stratify=y)
    train, val = train_test_split(rest, test_size=math.ceil(0.1 * n), random_state=42, stratify=y[rest])
    rest_u, test_u = train_test_split(idx, test_size=0.25, random_state=3)
    train_u, val_u = train_test_split(rest_u, test_size=100, random_state=3)
    return {
        "torch": torch.__version__,
        "loaders": [epochs(914, 32, False, False), epochs(10, 4, True, False), epochs(10, 4, False, True),
                    epochs(12, 4, False, True)],
        "split_stratified": {"test_size": 0.2, "val_size": 0.1, "seed": 42, "train": train.tolist(),
                             "val": val.tolist(), "test": test.tolist()},
        "split_random": {"test_size": 0.25, "val_count": 100, "seed": 3, "train": train_u.tolist(),
                         "val": val_u.tolist(), "test": test_u.tolist()},
    }


def infrequent():
    # Skewed label counts with ties (b/c, f/g), so max_categories must break them as sklearn's stable argsort does.
    counts = {"a": 9, "b": 5, "c": 5, "d": 1, "e": 2, "f": 3, "g": 3, "h": 1, "zz": 7}
    train = [label for label, n in counts.items() for _ in range(n)]
    test = ["a", "b", "c", "d", "e", "f", "g", "h", "zz", "unseen"]
    x, t = np.array(train, dtype=object).reshape(-1, 1), np.array(test, dtype=object).reshape(-1, 1)
    cases = []
    for max_categories, min_frequency in ((None, None), (2, None), (3, None), (5, None), (9, None), (10, None),
                                          (None, 2), (None, 3), (None, 0.1), (None, 0.25), (4, 2), (6, 0.05), (None, 10)):
        enc = OneHotEncoder(max_categories=max_categories, min_frequency=min_frequency,
                            handle_unknown="infrequent_if_exist", sparse_output=False).fit(x)
        cases.append({"max_categories": max_categories, "min_frequency": min_frequency,
                      "names": [str(n) for n in enc.get_feature_names_out(["x"])],
                      "transform": matrix(enc.transform(t))})
    return {"sklearn": sklearn.__version__, "train": train, "test": test, "cases": cases}


def main():
    import sys
    os.makedirs(OUT, exist_ok=True)
    builds = (("data_wineqt.json", wineqt), ("data_mixed.json", mixed), ("data_loader.json", loader),
              ("data_infrequent.json", infrequent))
    only = sys.argv[1:]  # e.g. data_infrequent.json: write just that fixture
    for name, build in builds:
        if only and name not in only:
            continue
        path = os.path.join(OUT, name)
        with open(path, "w") as f:
            json.dump(build(), f, indent=None)
            f.write("\n")
        print(name, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
