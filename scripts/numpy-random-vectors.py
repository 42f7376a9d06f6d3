#!/usr/bin/env python3
"""Prints test vectors for Sources/Sim/NumPyRandom.swift as JSON on stdout.

    python3 scripts/numpy-random-vectors.py > Tests/SimTests/Fixtures/numpy_random_vectors.json

Every number comes from NumPy itself (numpy.random.SeedSequence, PCG64, default_rng).
Integers are written as decimal strings (JSON numbers lose precision above 2**53) and
doubles as Python's shortest round-trip repr strings.

The script also re-derives every bounded-integer vector from the raw 64-bit PCG64 stream
with a plain-Python model of NumPy's algorithm (Lemire's method on 32-bit halves with the
has_uint32 buffer, or on 64-bit draws) and refuses to write a fixture the model does not
reproduce. The model counts rejected draws, so the fixture records how often the rejection
branch was taken and the script asserts that the rejection cases really reject.
"""
import json
import sys

import numpy as np

SEEDS = [0, 1, 123, 2**32 + 5, 2**64 - 1]
# Entropy longer than the pool of four words exercises SeedSequence's second mixing loop.
LONG_ENTROPY = 2**200 + 12345
BOUNDS = [1, 2, 7, 1087, 1000, 2**31 + 11, 2**32 - 1, 2**32, 2**32 + 3, 2**40 + 17]
DRAWS = 20
MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF


class Model:
    """NumPy's Generator.integers (int64, endpoint=False) on a raw PCG64 stream."""

    def __init__(self, seed):
        self.bitgen = np.random.PCG64(seed)
        self.has_uint32 = False
        self.uinteger = 0
        self.raw_draws = 0
        self.rejections = 0

    def next64(self):
        self.raw_draws += 1
        return int(self.bitgen.random_raw())

    def next32(self):
        if self.has_uint32:
            self.has_uint32 = False
            return self.uinteger
        x = self.next64()
        self.has_uint32 = True
        self.uinteger = x >> 32
        return x & MASK32

    def lemire(self, draw, rng, bits):
        mask = (1 << bits) - 1
        excl = rng + 1
        m = draw() * excl
        if (m & mask) < excl:
            threshold = (mask - rng) % excl
            while (m & mask) < threshold:
                self.rejections += 1
                m = draw() * excl
        return m >> bits

    def integers(self, low, high, size):
        rng = high - 1 - low
        out = []
        for _ in range(size):
            if rng == 0:
                v = 0
            elif rng == MASK32:
                v = self.next32()
            elif rng < MASK32:
                v = self.lemire(self.next32, rng, 32)
            elif rng == MASK64:
                v = self.next64()
            else:
                v = self.lemire(self.next64, rng, 64)
            out.append(low + v)
        return out

    def random(self, size):
        return [(self.next64() >> 11) * 2.0**-53 for _ in range(size)]


def strs(values):
    return [str(int(v)) for v in values]


def reprs(values):
    return [repr(float(v)) for v in values]


def integers_case(seed, low, high, size):
    values = np.random.default_rng(seed).integers(low, high, size=size)
    assert values.dtype == np.int64
    model = Model(seed)
    assert model.integers(low, high, size) == [int(v) for v in values], (seed, low, high)
    return {"low": str(low), "high": str(high), "values": strs(values),
            "raw_draws": model.raw_draws, "rejections": model.rejections}


def seed_entry(seed):
    words = np.random.SeedSequence(seed).generate_state(4, np.uint64)
    raw = np.random.PCG64(seed).random_raw(8)
    doubles = np.random.default_rng(seed).random(8)
    assert Model(seed).random(8) == [float(d) for d in doubles]
    return {
        "seed": str(seed),
        "generate_state_4_uint64": strs(words),
        "random_raw_8": strs(raw),
        "random_8": reprs(doubles),
        "integers": [integers_case(seed, 0, n, DRAWS) for n in BOUNDS],
    }


def sequence_entry(seed):
    """Calls of mixed sizes and kinds on one generator: the has_uint32 buffer carries over
    between calls, survives 64-bit draws and random(), and is untouched by empty ranges."""
    calls = [("integers", 0, 1000, 3), ("integers", 0, 1000, 5), ("integers", 0, 2**40 + 17, 2),
             ("integers", 0, 7, 1), ("random", None, None, 3), ("integers", 0, 1087, 5),
             ("integers", 5, 6, 4), ("integers", 0, 2**32, 3), ("integers", -5, 5, 7),
             ("scalar", 0, 1087, None), ("scalar", 3, 4, None), ("scalar", 0, 2**32, None),
             ("integers", 0, 2**31 + 1, 9), ("scalar", 0, 7, None),
             ("integers", 0, 1087, 11)]
    gen = np.random.default_rng(seed)
    model = Model(seed)
    out = []
    for kind, low, high, size in calls:
        if kind == "random":
            values = gen.random(size)
            assert model.random(size) == [float(v) for v in values]
            out.append({"kind": kind, "size": size, "values": reprs(values)})
        else:
            values = gen.integers(low, high) if kind == "scalar" else gen.integers(low, high, size=size)
            values = np.atleast_1d(values)
            assert model.integers(low, high, len(values)) == [int(v) for v in values], (kind, low, high)
            out.append({"kind": kind, "low": str(low), "high": str(high), "size": len(values),
                        "values": strs(values)})
    # The buffer really was carried: the model ends in the same state as NumPy.
    state = gen.bit_generator.state
    assert int(state["has_uint32"]) == int(model.has_uint32)
    if model.has_uint32:
        assert int(state["uinteger"]) == model.uinteger
    assert gen.bit_generator.state["state"] == model.bitgen.state["state"]
    return {"seed": str(seed), "calls": out,
            "final_has_uint32": int(gen.bit_generator.state["has_uint32"])}


def rejection_entries():
    cases = [
        # 32-bit Lemire: threshold = 2**32 mod (2**31 + 1) = 2**31 - 1, so about half reject.
        (123, 0, 2**31 + 1, 40),
        (7, 0, 3 * 2**30 + 1, 40),
        # 64-bit Lemire: threshold = 2**64 mod (2**62 + 1) = 2**62 - 3, a quarter reject.
        (123, 0, 2**62 + 1, 40),
        # Negative offsets; the full int64 range minus one stays on the 64-bit path.
        (5, -2**63, 2**63 - 1, 20),
        (5, -2**40, 2**31, 20),
    ]
    out = []
    for seed, low, high, size in cases:
        entry = integers_case(seed, low, high, size)
        entry["seed"] = str(seed)
        out.append(entry)
    for entry in out[:3]:
        assert entry["rejections"] >= 5, entry
    return out


def main():
    ss = np.random.SeedSequence(LONG_ENTROPY)
    long_words = []
    n = LONG_ENTROPY
    while n:
        long_words.append(n & MASK32)
        n >>= 32
    fixture = {
        "numpy_version": np.__version__,
        "generator": "numpy.random.default_rng(seed) = Generator(PCG64(SeedSequence(seed)))",
        "seeds": [seed_entry(s) for s in SEEDS],
        "long_entropy": {
            "entropy": str(LONG_ENTROPY),
            "entropy_words_uint32": strs(long_words),
            "generate_state_4_uint64": strs(ss.generate_state(4, np.uint64)),
            "generate_state_6_uint32": strs(ss.generate_state(6, np.uint32)),
        },
        "sequence": sequence_entry(123),
        "rejection": rejection_entries(),
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
