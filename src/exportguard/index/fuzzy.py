"""Fuzzy token neighbours for candidate generation: a deletion neighbourhood (every token and
its one-character deletions, hashed into one sorted array) finds tokens within one edit
(Jon/John, Hikvison/Hikvision); consonant skeletons find vowel-less transliterations (mhmd)."""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import OSA

from exportguard.normalize.phonetics import skeleton

MIN_FUZZY_LEN = 3
MAX_FUZZY_LEN = 24


def _deletes(token: str) -> set[str]:
    out = {token}
    for i in range(len(token)):
        out.add(token[:i] + token[i + 1 :])
    return out


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def build_delete_keys(tokens: Iterable[tuple[int, str]]) -> array[int]:
    """Sorted ``hash << 32 | token id`` for every token's deletion neighbourhood."""
    packed: list[int] = []
    for tid, token in tokens:
        if MIN_FUZZY_LEN <= len(token) <= MAX_FUZZY_LEN and not token.isdigit():
            packed.extend((_hash(d) << 32) | tid for d in _deletes(token))
    packed.sort()
    return array("Q", packed)


def neighbours(
    keys: array[int], tokens: list[str], token: str, max_dist: int = 1
) -> Iterator[tuple[int, int]]:
    """(token id, edit distance) of indexed tokens within ``max_dist`` (≤1 found) of ``token``."""
    if not MIN_FUZZY_LEN <= len(token) <= MAX_FUZZY_LEN:
        return
    seen: set[int] = set()
    n = len(keys)
    for d in _deletes(token):
        h = _hash(d) << 32
        i = bisect_left(keys, h)
        while i < n and (keys[i] >> 32) == (h >> 32):
            tid = keys[i] & 0xFFFFFFFF
            i += 1
            if tid in seen:
                continue
            seen.add(tid)
            other = tokens[tid]
            if other == token:
                continue
            dist = OSA.distance(token, other, score_cutoff=max_dist)
            if dist <= max_dist:
                yield tid, dist


def skeleton_key(token: str) -> str | None:
    """The skeleton under which a token is indexed, or None when it is too short to help."""
    skel = skeleton(token)
    return skel if len(skel) >= 2 and len(token) >= 3 else None
