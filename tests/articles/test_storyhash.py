"""The story band keys are datasketch's MinHash (affine32) computed with numpy: the same values as datasketch's own
on real text, so keys stored before and after stay comparable — and the module no longer imports datasketch."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from articles.parsing.samestory import _normalise, _shingles_of
from articles.parsing.storyhash import NUM_PERM, SCHEME, SEED, _hash32, minhash_values

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES = sorted(ROOT.glob("fixtures/pages/*.txt")) + sorted((ROOT / "tests" / "data" / "real").glob("*.txt"))


def _paragraphs() -> list[str]:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in PAGES]
    return [part for text in texts for part in text.split("\n\n") if len(_normalise(part)) >= 4]


def test_its_values_are_datasketchs_on_every_paragraph_of_the_real_pages():
    datasketch = pytest.importorskip("datasketch")
    paragraphs = _paragraphs()
    assert len(paragraphs) > 200
    for paragraph in paragraphs:
        shingles = _shingles_of(_normalise(paragraph))
        reference = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, scheme=SCHEME)
        reference.update_batch([shingle.encode() for shingle in shingles])
        assert np.array_equal(minhash_values(shingles), reference.hashvalues)


def test_no_shingles_leave_every_value_at_its_maximum():
    assert (minhash_values([]) == np.iinfo(np.uint32).max).all()


def test_computing_band_keys_does_not_import_datasketch():
    code = "import sys; from articles.parsing.storyhash import story_bands; story_bands('就业' * 20); " \
           "print('datasketch' in sys.modules, 'scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
