"""MinHash/LSH band keys of a text, for finding the same story among stored articles by lookup, not by scanning.

A text's 4-gram shingles (the ones `samestory.similarity` compares) get a 128-permutation MinHash (datasketch); the
signature is cut into 32 bands of 4 values and each band becomes one 64-bit key. Two texts share at least one key
with probability 1 - (1 - J⁴)³², J their shingles' Jaccard similarity: ≈0.87 at J = 0.5, ≈0.99 at J = 0.6, 0.02 at
J = 0.2, under 0.001 for unrelated texts. Keys only propose candidates; `similarity` decides.
"""
from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from .samestory import MIN_CHARS, _normalise, _shingles_of

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 1  # fixed: keys stored in the database must be reproducible by every process


def _hash32(shingle: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=4).digest(), "little")


SCHEME = "affine32"  # pinned: a later default would change every stored key
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, scheme=SCHEME)


def story_bands(text: str) -> list[int]:
    """The LSH band keys of a text (signed 64-bit integers, one per band); none for a text too short to judge."""
    norm = _normalise(text)
    if len(norm) < MIN_CHARS:
        return []
    shingles = _shingles_of(norm)
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, permutations=_TEMPLATE.permutations, scheme=SCHEME
    )
    minhash.update_batch([shingle.encode() for shingle in shingles])
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys
