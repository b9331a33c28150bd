"""The near-duplicate index: every pair of word sequences whose difflib ratio reaches a threshold.

Contract: `similar_pairs(bodies, threshold)` returns exactly the pairs
`(a, b)` (keys in the order the bodies are sorted by length, then key) whose
`difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()` is at least
`threshold`, with that ratio. It is exact: the filters below only skip pairs
that provably cannot qualify, and difflib has the last word on the rest, so
lint reports the same findings as a comparison of every pair would.

Why not a library index. An all-pairs comparison in C (rapidfuzz `cdist`
with its LCS-based `Indel` score, an upper bound of difflib's ratio, and a
score cutoff) still costs every pair: about 20 s for 5,000 clauses on two
cores. MinHash/LSH (datasketch) is sub-quadratic but probabilistic: a pair
near the threshold can be missed, so findings would no longer be certain to
be the same. The bound used here is exact and costs little:

- difflib's ratio is 2M/(|x|+|y|), and its M matched words are at most the
  words the two have in common (as multisets; each word numbered by its
  occurrence, "the#1", "the#2", makes them sets). A pair qualifies only if
  lengths are within t/(2-t) of each other and x has at most
  m = |x| - ceil(t|x|/(2-t)) words that y lacks.
- Pigeonhole: split x's words into m + k groups; at most m groups hold a
  missing word, so y must contain every word of at least k groups. Each word
  has a bitset of the bodies holding it (Python integers: one AND tests
  thousands of bodies), a group's bodies are the AND of its words', and a
  bit-sliced counter keeps the bodies found in k groups. Groups mix rare and
  common words (round robin by frequency), so few unrelated bodies pass.
- Survivors are checked against the exact multiset bound (one AND and a
  popcount), then with difflib.

Prefix filtering (PPJoin) over the same sets works badly on text that
shares a vocabulary: it keeps any pair with one rare word in common.
The cost grows with the pairs that pass, so thresholds far below the
default 0.9 cost more.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)

# Groups beyond the m that may hold a missing word: a candidate must contain
# every word of this many groups. More groups are smaller and each filters
# less, but fewer bodies pass them all; eight measured best at 20,000 clauses
# (five and eight tie at 5,000; twelve is slower at both).
_SPARE_GROUPS = 8
_EPSILON = 1e-9
# Bodies whose bitsets are counted from one base position (see `similar_pairs`).
_BLOCK = 1024


def _bits(positions: Sequence[int], size: int) -> int:
    """An integer with the given bit positions set (a bytearray is far cheaper than shifting big integers)."""
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def _numbered(bodies: list[Sequence[str]]) -> tuple[list[list[int]], int]:
    """Each body as word ids, a word's n-th occurrence its own id, so multisets become sets."""
    occurrences: dict[str, list[int]] = {}  # word -> the ids of its 1st, 2nd, ... occurrence
    total = 0
    numbered = []
    for words in bodies:
        tokens: list[int] = []
        for word, count in Counter(words).items():
            known = occurrences.get(word)
            if known is None:
                known = occurrences[word] = []
            while len(known) < count:
                known.append(total)
                total += 1
            tokens += known[:count]
        numbered.append(tokens)
    return numbered, total


def _bag(bags: dict[int, int], tokens: list[list[int]], index: int, vocabulary: int) -> int:
    found = bags.get(index)
    if found is None:
        found = bags[index] = _bits(tokens[index], vocabulary)
    return found


def similar_pairs(bodies: Mapping[Key, Sequence[str]], threshold: float) -> dict[tuple[Key, Key], float]:
    """Pairs of keys whose word sequences have a difflib ratio >= threshold (see the module docstring)."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    keys = sorted((key for key, words in bodies.items() if words), key=lambda k: (len(bodies[k]), k))
    sequences = [bodies[key] for key in keys]
    tokens, vocabulary = _numbered(sequences)
    count = len(keys)
    postings: list[list[int]] = [[] for _ in range(vocabulary)]
    for index, mine in enumerate(tokens):
        for token in mine:
            postings[token].append(index)
    holders = [_bits(posting, count) for posting in postings]
    frequency = [len(posting) for posting in postings]
    bags: dict[int, int] = {}  # a body's words as a bitset, made when it first has a candidate
    lengths = [len(words) for words in sequences]
    widest = (2 - threshold) / threshold
    result: dict[tuple[Key, Key], float] = {}
    # A body's candidates are the bodies just after it (as long, up to `widest` times longer), so
    # its bitsets are read from its own position up. Bits are counted from the start of a block
    # of bodies: each AND then costs the width of the window, not the position in the corpus.
    base = -_BLOCK
    shifted: list[int] = []
    for index, mine in enumerate(tokens):
        if index - base >= _BLOCK:
            base = index
            shifted = [holder >> base for holder in holders]
        size = lengths[index]
        # Later bodies are at least as long; beyond `last` they are too long to qualify.
        last = bisect.bisect_right(lengths, size * widest + _EPSILON)
        if last <= index + 1:
            continue
        window = ((1 << (last - base)) - 1) ^ ((1 << (index + 1 - base)) - 1)
        missing = size - math.ceil(threshold * size / (2 - threshold) - _EPSILON)
        groups = min(missing + _SPARE_GROUPS, size)
        needed = groups - missing
        ordered = sorted(mine, key=frequency.__getitem__)
        # at_least[j]: the bodies holding every word of at least j groups so far.
        at_least = [0] * (needed + 1)
        for group in range(groups):
            found = window
            for token in ordered[group::groups]:
                found &= shifted[token]
                if not found:
                    break
            if not found:
                continue
            for level in range(needed, 1, -1):
                at_least[level] |= at_least[level - 1] & found
            at_least[1] |= found
        candidates = at_least[needed]
        bag = _bag(bags, tokens, index, vocabulary) if candidates else 0
        while candidates:
            lowest = candidates & -candidates
            candidates ^= lowest
            other = base + lowest.bit_length() - 1
            common = (bag & _bag(bags, tokens, other, vocabulary)).bit_count()
            if 2 * common < threshold * (size + lengths[other]) - _EPSILON:
                continue
            ratio = SequenceMatcher(None, sequences[index], sequences[other], autojunk=False).ratio()
            if ratio >= threshold:
                result[(keys[index], keys[other])] = ratio
    return result
