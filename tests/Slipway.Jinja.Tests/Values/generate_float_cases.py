"""Generates FloatCases.tsv: Python's repr, %-formatting and format() of doubles, for exhaustive numeric checks.

Each line: bit pattern of the double as 16 hex digits <TAB> format (repr, a %-format, or a format() spec)
<TAB> Python's text. Seeded, so the file is stable. Run: python3 generate_float_cases.py > FloatCases.tsv
"""
import random
import struct
import sys

rng = random.Random(20240611)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


values = [0.0, -0.0, 1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
          123456.789, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1 / 3, 2 / 3, 100.0, 1e22, 1e23,
          0.3, 4.35, 0.045, 1234.5, 999.9999, 0.00001234, 99.95, 0.995]
for _ in range(400):
    kind = rng.random()
    if kind < 0.4:
        values.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
    elif kind < 0.7:
        values.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    else:
        values.append(rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20))

formats = ["repr", "%.2f", "%.0f", "%.3e", "%g", "%.10g", "%10.4f", "%-+12.3e", "%#.0f", "%G", "{:.3}", "{:.1%}",
           "{:,.2f}", "{:e}", "{:g}", "{:.15g}", "{:f}", "{:>12.5}", "{:.0e}", "{}", "{:10}"]

out = sys.stdout
for v in values:
    if v != v:
        continue  # NaN payloads print alike; covered elsewhere
    for f in formats:
        if f == "repr":
            text = repr(v)
        elif f.startswith("%"):
            text = f % v
        else:
            text = f.format(v)
        out.write("%016x\t%s\t%s\n" % (bits(v), f, text))
