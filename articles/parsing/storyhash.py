"""MinHash/LSH band keys of a text, for finding the same story among stored articles by lookup, not by scanning.

A text's 4-gram shingles (the ones `samestory.similarity` compares) get a 128-permutation MinHash (datasketch 2.0's
"affine32" scheme, computed here with numpy: importing datasketch pulls in scipy, ~0.6 s of every process's start;
`tests/articles/test_storyhash.py` checks the values against datasketch's own); the
signature is cut into 32 bands of 4 values and each band becomes one 64-bit key. Two texts share at least one key
with probability 1 - (1 - J⁴)³², J their shingles' Jaccard similarity: ≈0.87 at J = 0.5, ≈0.99 at J = 0.6, 0.02 at
J = 0.2, under 0.001 for unrelated texts. Keys only propose candidates; `similarity` decides.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from .samestory import MIN_CHARS, _normalise, _shingles_of

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 1  # fixed: keys stored in the database must be reproducible by every process


def _hash32(shingle: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=4).digest(), "little")


SCHEME = "affine32"  # pinned: a later default would change every stored key
_U32 = np.uint32
_FMIX32 = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))  # MurmurHash3's 32-bit finalizer


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for SEED: h -> a·h + b mod 2³², `a` odd."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=_U32) * _U32(2) + _U32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=_U32)
    return a, b


def minhash_values(shingles) -> np.ndarray:
    """`MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, scheme="affine32")` updated with the shingles
    (UTF-8): its `hashvalues`, as datasketch 2.0 computes them on the CPU."""
    values = np.full(NUM_PERM, np.iinfo(_U32).max, dtype=_U32)
    hashes = np.array([_hash32(shingle.encode()) for shingle in shingles], dtype=_U32).reshape(-1, 1)
    if not len(hashes):
        return values
    s1, m1, s2, m2, s3 = _FMIX32
    hashes = hashes ^ (hashes >> s1)
    hashes = hashes * m1
    hashes = hashes ^ (hashes >> s2)
    hashes = hashes * m2
    hashes = hashes ^ (hashes >> s3)
    a, b = _permutations()
    return np.minimum(values, (hashes * a + b).min(axis=0))


def story_bands(text: str) -> list[int]:
    """The LSH band keys of a text (signed 64-bit integers, one per band); none for a text too short to judge."""
    norm = _normalise(text)
    if len(norm) < MIN_CHARS:
        return []
    values = np.asarray(minhash_values(_shingles_of(norm)), dtype=np.uint64)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys
