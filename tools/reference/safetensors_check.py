#!/usr/bin/python3
"""safetensors in plain Python (json + struct + numpy), checked against Kindling.

Debian's PyTorch 1.13 has no `safetensors` package, so this script reads and writes the
published format itself (https://github.com/huggingface/safetensors#format):
8-byte little-endian u64 header length N, N bytes of UTF-8 JSON header padded with spaces
to a multiple of 8, then the data buffer that the tensors' data_offsets tile exactly.

Commands
  fixture OUT.json      write the Python-written fixture Kindling's tests read
                        (the file's bytes in base64 plus the expected values)
  dump FILE             print a file's metadata and tensors as JSON (Kindling's tests
                        write a file and compare this output with what they wrote)
  predict --model DIR --data CSV --expected PREDICTIONS
                        reproduce `kindling predict` with PyTorch from the run folder alone:
                        DIR/model.json gives the architecture (`architecture.layers`: Linear,
                        activation, Dropout) and the fitted preprocessing (imputation, scaling,
                        one-hot) that this script applies to the raw rows of CSV itself;
                        DIR/model.safetensors is loaded into that torch.nn.Sequential with
                        load_state_dict(strict=True). PREDICTIONS is the file
                        `kindling predict --model DIR --data CSV --proba --output PREDICTIONS`
                        wrote; the labels must agree exactly and the probabilities within
                        1e-5; exit status 1 on any mismatch. A regression run (model.json
                        version 2, "task": "regression") has one output unit: its value,
                        de-scaled with `target_scaling` (z * scale + mean, float64), must
                        equal the predicted number within 1e-5 of the target's scale.
"""
import argparse
import base64
import csv
import json
import os
import struct
import sys

import numpy as np

MAX_HEADER = 100_000_000
DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8"), "I64": np.dtype("<i8")}
# The reference writer orders dtypes by alignment: F32 < F64 < I64; it writes descending.
ALIGNMENT_RANK = {"F32": 0, "F64": 1, "I64": 2}
PROBA_TOLERANCE = 1e-5  # float32 forward passes in different summation orders


def serialize(tensors, metadata=None):
    """tensors: dict name -> torch.Tensor (contiguous, F32/F64/I64). Returns the file's bytes."""
    import torch  # imported only where needed: `dump` stays fast
    torch_dtypes = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}
    items = sorted(tensors.items(),
                   key=lambda kv: (-ALIGNMENT_RANK[torch_dtypes[kv[1].dtype]], kv[0].encode("utf-8")))
    header = {}
    if metadata is not None:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata)}
    chunks, offset = [], 0
    for name, t in items:
        dtype = torch_dtypes[t.dtype]
        data = t.contiguous().numpy().astype(DTYPES[dtype], copy=False).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def deserialize(blob):
    """Returns (metadata dict, dict name -> numpy array), validating as the spec requires."""
    if len(blob) < 8:
        raise ValueError("file shorter than the 8-byte header length")
    (n,) = struct.unpack("<Q", blob[:8])
    if n > MAX_HEADER or 8 + n > len(blob):
        raise ValueError(f"bad header length {n}")
    header_bytes = blob[8:8 + n]
    if not header_bytes.startswith(b"{"):
        raise ValueError("header does not start with '{'")

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key in header")
        return dict(pairs)

    header = json.loads(header_bytes.decode("utf-8"), object_pairs_hook=no_duplicates)
    metadata = header.pop("__metadata__", {})
    buffer = blob[8 + n:]
    entries = sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"]))
    covered, tensors = 0, {}
    for name, info in entries:
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        count = int(np.prod(info["shape"], dtype=np.int64)) if info["shape"] else 1
        if begin != covered or end < begin or end - begin != count * dtype.itemsize:
            raise ValueError(f"bad data_offsets for {name}")
        tensors[name] = np.frombuffer(buffer[begin:end], dtype=dtype).reshape(info["shape"])
        covered = end
    if covered != len(buffer):
        raise ValueError("data buffer not fully covered")
    return metadata, tensors


def to_json_values(array):
    """Flat row-major values; floats via repr (shortest round trip of the float64 value)."""
    flat = array.reshape(-1)
    if flat.dtype.kind == "f":
        return [repr(float(v)) for v in flat]
    return [str(int(v)) for v in flat]


def describe(metadata, tensors):
    return {
        "metadata": metadata,
        "tensors": {name: {"dtype": next(k for k, v in DTYPES.items() if v == a.dtype),
                           "shape": list(a.shape), "values": to_json_values(a)}
                    for name, a in tensors.items()},
    }


def fixture_tensors():
    import torch
    torch.manual_seed(0)
    # Deliberately not in the order the writer lays them out.
    return {
        "0.weight": torch.randn(3, 4),
        "scale": torch.randn(4, dtype=torch.float64),
        "0.bias": torch.randn(3),
        "steps": torch.tensor([1, -2, 2 ** 40, -(2 ** 62)], dtype=torch.int64),
        "2.weight": torch.randn(2, 3),
        "2.bias": torch.randn(2),
        "scalar": torch.tensor(3.5),
        "empty": torch.zeros(0, 3),
        "naïve": torch.tensor([1.0, 2.0], dtype=torch.float64),
        "specials": torch.tensor([-0.0, 1e-45, 3.4028234663852886e38, -1.5e-38]),
    }


def cmd_fixture(out):
    import torch
    tensors = fixture_tensors()
    metadata = {"source": "tools/reference/safetensors_check.py", "format": "pt"}
    blob = serialize(tensors, metadata)
    read_meta, read = deserialize(blob)  # self-check: this reader gets back what this writer wrote
    assert read_meta == metadata
    for name, t in tensors.items():
        assert np.array_equal(read[name], t.numpy()), name
    doc = describe(read_meta, read)
    doc["file_base64"] = base64.b64encode(blob).decode("ascii")
    doc["torch_version"] = torch.__version__
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


def cmd_dump(path):
    with open(path, "rb") as f:
        metadata, tensors = deserialize(f.read())
    json.dump(describe(metadata, tensors), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


# Kindling's CSV conventions (src/Kindling.Data/Csv): these cells, after trimming spaces, are missing
# values; the delimiter is sniffed among , ; TAB | from the header line.
MISSING_TOKENS = {"", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"}
DELIMITERS = ",;\t|"


def read_csv_rows(path):
    """Header and rows as lists of strings (the first line is the header)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        first = f.readline()
        delimiter = max(DELIMITERS, key=first.count)
        f.seek(0)
        rows = [r for r in csv.reader(f, delimiter=delimiter) if r]
    return rows[0], rows[1:]


def preprocess(pre, header, rows):
    """model.json's `preprocessing` applied to raw CSV rows, in float64 then cast to float32, as
    Kindling's Preprocessor does: numeric columns (impute NaN with the fitted statistic, then the
    standard scaler (x - mean) / scale or the min-max scaler x * scale + min), missing indicators,
    then each categorical column (missing -> its fill value) one-hot over the fitted categories
    (an unseen category -> all zeros)."""
    column = {name: j for j, name in enumerate(header)}
    for name in pre["NumericColumns"] + pre["CategoricalColumns"]:
        if name not in column:
            raise SystemExit(f"{name!r} (a feature column in model.json) is not in the data")
    scaler = pre["Options"]["Scaler"]
    features = []
    for row in rows:
        out, raw_numeric = [], []
        for j, name in enumerate(pre["NumericColumns"]):
            cell = row[column[name]].strip()
            x = float("nan") if cell in MISSING_TOKENS else float(cell)
            raw_numeric.append(x)
            if np.isnan(x):
                x = pre["ImputeStatistics"][j]
            if scaler == "Standard":
                x = (x - pre["ScalerA"][j]) / pre["ScalerScale"][j]
            elif scaler == "MinMax":
                x = x * pre["ScalerScale"][j] + pre["ScalerMin"][j]
            out.append(x)
        out.extend(1.0 if np.isnan(raw_numeric[j]) else 0.0 for j in pre["IndicatorFeatures"])
        for j, name in enumerate(pre["CategoricalColumns"]):
            cell = row[column[name]]
            label = pre["CategoricalFill"][j] if cell.strip() in MISSING_TOKENS else cell
            out.extend(1.0 if label == c else 0.0 for c in pre["Categories"][j])
        features.append(out)
    return np.array(features, dtype=np.float64).astype(np.float32)


def build_sequential(architecture, state):
    """The torch.nn.Sequential that model.json's `architecture.layers` describes (Linear, the
    activation, Dropout — eval mode, so the identity), with the safetensors state dict loaded."""
    import torch
    activations = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid,
                   "leaky_relu": torch.nn.LeakyReLU, "gelu": torch.nn.GELU}
    layers = []
    for i, layer in enumerate(architecture["layers"]):
        if layer["index"] != i:
            raise SystemExit(f"model.json: layer {i} has index {layer['index']}")
        kind = layer["type"]
        if kind == "Linear":
            layers.append(torch.nn.Linear(layer["in_features"], layer["out_features"]))
        elif kind == "Dropout":
            layers.append(torch.nn.Dropout(layer["p"]))
        else:
            layers.append(activations[kind.lower()]())
    model = torch.nn.Sequential(*layers)
    model.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in state.items()}, strict=True)
    return model.eval()


def pascal_keys(node):
    """model.json version 2 writes every key in snake_case; the data layer's blocks were PascalCase in version 1."""
    if isinstance(node, dict):
        return {"".join(p[:1].upper() + p[1:] for p in k.split("_") if p): pascal_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [pascal_keys(v) for v in node]
    return node


def check_regression(spec, z, expected_header, expected_rows):
    """A regression's predicted numbers: the model's output de-scaled as model.json's target_scaling says."""
    scaling = spec["target_scaling"]
    mean, scale = (scaling["mean"], scaling["scale"]) if scaling["method"] == "standard" else (0.0, 1.0)
    predicted = z.astype(np.float64).ravel() * scale + mean
    at = expected_header.index(spec["target"])
    expected = np.array([float(r[at]) for r in expected_rows], dtype=np.float64)
    worst = float(np.max(np.abs(expected - predicted))) if expected.size else 0.0
    tolerance = PROBA_TOLERANCE * scale
    print(f"predicted values: {len(expected)} rows, 0 differ (max |diff| = {worst:.3g}, tolerance {tolerance:.3g})" if worst <= tolerance
          else f"predicted values: {len(expected)} rows, max |diff| = {worst:.3g} (tolerance {tolerance:.3g})")
    return 1 if worst > tolerance else 0


def cmd_predict(args):
    """Reproduces `kindling predict --proba` from the run folder and the raw CSV alone."""
    import torch
    with open(os.path.join(args.model, "model.json"), encoding="utf-8") as f:
        spec = json.load(f)
    if spec["format_version"] >= 2:
        spec["preprocessing"] = pascal_keys(spec["preprocessing"])
        spec["labels"] = pascal_keys(spec["labels"])
    with open(os.path.join(args.model, "model.safetensors"), "rb") as f:
        _, state = deserialize(f.read())
    model = build_sequential(spec["architecture"], state)
    header, rows = read_csv_rows(args.data)
    features = preprocess(spec["preprocessing"], header, rows)
    if spec.get("task") == "regression":
        with torch.no_grad():
            z = model(torch.from_numpy(features)).numpy()
        expected_header, expected_rows = read_csv_rows(args.expected)
        if len(expected_rows) != len(rows):
            print(f"row count: {len(rows)} in the data, {len(expected_rows)} in {args.expected}")
            return 1
        return check_regression(spec, z, expected_header, expected_rows)
    with torch.no_grad():
        proba = torch.softmax(model(torch.from_numpy(features)), dim=-1).double().numpy()
    classes = spec["labels"]["Classes"]
    predicted = [classes[k] for k in proba.argmax(axis=1)]

    expected_header, expected_rows = read_csv_rows(args.expected)
    label_at = expected_header.index(spec["target"])
    proba_at = [expected_header.index(f"proba_{c}") for c in classes]
    failures = 0
    if len(expected_rows) != len(rows):
        print(f"row count: {len(rows)} in the data, {len(expected_rows)} in {args.expected}")
        return 1
    mismatches = sum(r[label_at] != p for r, p in zip(expected_rows, predicted))
    print(f"predicted labels: {len(rows)} rows, {mismatches} differ")
    failures += mismatches != 0
    expected = np.array([[float(r[j]) for j in proba_at] for r in expected_rows], dtype=np.float64)
    worst = float(np.max(np.abs(expected - proba))) if expected.size else 0.0
    print(f"probabilities: {proba.shape[0]} rows x {proba.shape[1]} classes, max |diff| = {worst:.3g} "
          f"(tolerance {PROBA_TOLERANCE})")
    failures += worst > PROBA_TOLERANCE
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fixture").add_argument("out")
    sub.add_parser("dump").add_argument("file")
    p = sub.add_parser("predict")
    p.add_argument("--model", required=True, help="a run folder written by `kindling train`")
    p.add_argument("--data", required=True, help="the raw CSV `kindling predict` was given")
    p.add_argument("--expected", required=True, help="its output: `kindling predict --proba --output FILE`")
    args = parser.parse_args()
    if args.command == "fixture":
        cmd_fixture(args.out)
    elif args.command == "dump":
        cmd_dump(args.file)
    else:
        sys.exit(cmd_predict(args))


if __name__ == "__main__":
    main()
