"""A case's fingerprint for finding duplicate and near-duplicate submissions.

MinHash over character shingles (datasketch): two texts' fingerprints agree in about as many
places as their shingle sets overlap, so near-duplicates are found without comparing texts.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"
# Only shingles whose first character's code is a multiple of this are hashed: the choice
# depends on content alone, so two texts sample their shared shingles alike and the
# estimate holds, at a third of the cost.
_SAMPLE = 3
_NOISE = re.compile(r"[\s\W_]+")
_BATCH = 20_000  # shingle positions hashed at a time
_PIECE = 1 << 16  # characters cleaned of noise at a time


def fingerprint(text: str) -> bytes:
    """The MinHash signature of the text's character 5-grams (punctuation and spaces ignored).

    A long text is hashed `_BATCH` positions at a time: a signature is a minimum per
    permutation, the same whichever way its shingles are grouped, and a batch costs datasketch
    a matrix of 64 hash values a shingle.
    """
    import numpy as np
    from datasketch import MinHash

    # the noise removed a piece at a time (a character is noise or not whatever its neighbours):
    # re.sub lists every piece it keeps before joining them, a million for a long text
    plain = "".join(_NOISE.sub("", text[i : i + _PIECE]) for i in range(0, len(text), _PIECE)) or " "
    positions = max(1, len(plain) - SHINGLE + 1)
    minhash = MinHash(NUM_PERM, scheme=SCHEME, hashfunc=zlib.crc32, permutations=_permutations())  # crc32: fast, stable
    hashed = False
    for lo in range(0, positions, _BATCH):
        codes = np.frombuffer(plain[lo : min(positions, lo + _BATCH)].encode("utf-32-le"), dtype="<u4")
        shingles = {plain[i : i + SHINGLE] for i in (np.flatnonzero(codes % _SAMPLE == 0) + lo).tolist()}
        if shingles:
            minhash.update_batch([s.encode("utf-8") for s in shingles])
            hashed = True
    if not hashed:
        minhash.update_batch([plain[:SHINGLE].encode("utf-8")])
    return minhash.hashvalues.astype("<u8").tobytes()


@lru_cache(maxsize=1)
def _permutations():
    """The permutation parameters, drawn once a process rather than for every case."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def resemblance(a: bytes, b: bytes) -> float:
    """The share of places where two stored fingerprints agree: about the overlap of the two texts."""
    import numpy as np

    left, right = np.frombuffer(a, dtype="<u8"), np.frombuffer(b, dtype="<u8")
    return float(np.mean(left == right)) if len(left) == len(right) and len(left) else 0.0


def signature(blob: bytes):
    """A stored fingerprint back as a datasketch LeanMinHash."""
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(blob, dtype="<u8"), scheme=SCHEME)
