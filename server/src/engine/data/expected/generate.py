#!/usr/bin/env python3
"""Cross-check data for the CSV loader: write fixtures/crosscheck.csv (5,000 rows, written by
Python's csv module: CRLF, minimal quoting) and expected/crosscheck.pandas.json, what pandas
read_csv makes of it (float_precision='round_trip', so floats are correctly rounded, as Plumb's
are). Per column: pandas dtype, missing count, and for numeric columns the count, the sequential
sum, an FNV-1a hash of every value's float64 bytes (missing as a fixed NaN) and the first values;
for text columns the distinct values in order of first appearance with their counts.

Run: /usr/bin/python3 server/src/engine/data/expected/generate.py
"""
import csv
import json
import math
import os
import random
import struct

import pandas

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, '..', 'fixtures', 'crosscheck.csv')
JSON = os.path.join(HERE, 'crosscheck.pandas.json')
ROWS = 5000
NAN_BYTES = struct.pack('<Q', 0x7FF8000000000000)


def rows():
    rng = random.Random(20240501)
    groups = ['north', 'south', 'east, coast', 'west "side"', 'centre\nville', 'Zürich']
    for i in range(ROWS):
        x_full = repr(rng.gauss(0, 1) * [1, 1000, 1e-4][i % 3]) if rng.random() > 0.03 else ''
        x_short = '%.2f' % rng.uniform(-100, 100) if rng.random() > 0.03 else rng.choice(['NA', 'N/A', 'null'])
        x_exp = '%.6e' % (rng.lognormvariate(0, 5)) if rng.random() > 0.05 else rng.choice(['nan', 'NaN', '', '#N/A'])
        x_int = str(rng.randint(-10**12, 10**12)) if rng.random() > 0.02 else 'None'
        x_long = repr(rng.random() * 10 ** rng.randint(-30, 30)) if rng.random() > 0.01 else ''
        group = rng.choice(groups) if rng.random() > 0.04 else ''
        flag = rng.choice(['True', 'False'])
        label = str(int(rng.random() < 0.3))
        yield [str(i), x_full, x_short, x_exp, x_int, x_long, group, flag, label]


def fnv(values):
    h = 0x811C9DC5
    for v in values:
        for b in (NAN_BYTES if math.isnan(v) else struct.pack('<d', v)):
            h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def main():
    with open(CSV, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'x_full', 'x_short', 'x_exp', 'x_int', 'x_long', 'group', 'flag', 'label'])
        w.writerows(rows())
    # 'None' joined pandas' default missing-value tokens in pandas 2.0; Debian's pandas 1.5 lacks it,
    # so it is passed here to give the same list as Plumb's (and current pandas') defaults.
    df = pandas.read_csv(CSV, float_precision='round_trip', na_values=['None'])
    out = {'rows': len(df), 'pandas': pandas.__version__, 'columns': {}}
    for name in df.columns:
        s = df[name]
        entry = {'dtype': str(s.dtype), 'missing': int(s.isna().sum())}
        if s.dtype.kind in 'fi':
            values = [float(v) for v in s]
            total = 0.0
            for v in values:
                if not math.isnan(v):
                    total += v
            entry.update(count=int(s.notna().sum()), sum=total, fnv=fnv(values), head=[None if math.isnan(v) else v for v in values[:10]])
        elif s.dtype.kind == 'b':
            entry.update(true=int(s.sum()))
        else:
            present = [v for v in s if isinstance(v, str)]
            distinct = list(dict.fromkeys(present))
            entry.update(categories=distinct, counts=[present.count(c) for c in distinct])
        out['columns'][name] = entry
    with open(JSON, 'w') as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print('wrote', CSV, 'and', JSON)


if __name__ == '__main__':
    main()
