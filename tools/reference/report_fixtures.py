#!/usr/bin/python3
"""Golden numbers for report.html's constant baseline, from real scikit-learn.

DummyClassifier(strategy="most_frequent") fitted on the seed's training rows of WineQT (train_test_split with
test_size=0.2, random_state=42, as `kindling train`) and scored on its test rows with the metrics Kindling reports
(labels = those present in y_true or y_pred, as scikit-learn and Kindling average by default; zero_division=0).

    /usr/bin/python3 tools/reference/report_fixtures.py > tools/reference/fixtures/report_baseline.json
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "data", "WineQT.csv")


def main():
    frame = pd.read_csv(DATA)
    classes, y = np.unique(frame["quality"].values, return_inverse=True)
    x = frame.drop(columns=["quality", "Id"]).values
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42)
    dummy = DummyClassifier(strategy="most_frequent").fit(x_train, y_train)
    pred = dummy.predict(x_test)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # balanced accuracy warns about a class without test rows
        out = {
            "description": "DummyClassifier(most_frequent) on the seed split of WineQT; default labels (unique_labels), zero_division=0",
            "class": str(classes[dummy.predict(x_test[:1])[0]]),
            "accuracy": accuracy_score(y_test, pred),
            "macro_f1": f1_score(y_test, pred, average="macro", zero_division=0),
            "balanced_accuracy": balanced_accuracy_score(y_test, pred),
        }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
