"""Duplicate detection: canonical URL, exact body hash, MinHash/LSH near duplicates.

A duplicate is the same story text (re-scrape, syndicated copy, light edit, machine
re-write or re-translation); the same event told in other words by another outlet or in
another language is not. Measured on the dev set (see tests/test_dev_text.py):
re-written/re-translated copies share ~0.4-0.8 of their content-word stems (MinHash estimate), different
stories of the same event <= ~0.25, so near duplicates are judged on the Jaccard
similarity of *sets of content-word stems* (stopwords out, Arabic clitics stripped,
stems cut to STEM_CHARS), estimated from a 128-value MinHash.

Pipeline position: dedup runs first, on the raw text (or a cheap selectolax text of the
HTML): the text is folded (streams.text.normalize.fold), obvious furniture is cut by the
same line rules as the cleaner (a "read also" block carries other stories), and only
tokens are kept, so whitespace/punctuation/diacritic changes do not matter.

URL rule: same canonical URL and similar body (>= URL_BODY_SIMILARITY, or same exact hash)
-> duplicate kind "url". Same canonical URL with a *different* body is an updated page:
not a duplicate (it is processed again; its events have deterministic ids, so subscribers
upsert), and `add` re-points the URL to the newer version.
"""
from __future__ import annotations

import base64
import hashlib
import re
import struct
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import numpy as np

from streams.text import boilerplate
from streams.text.clean import MIN_PARAGRAPH, MIN_STORY_CHARS
from streams.text.normalize import fold

NUM_PERM = 128
ROWS = 3                      # LSH rows per band; bands = NUM_PERM // ROWS (42)
STEM_CHARS = 5                # stems are cut to this many characters
MIN_FEATURES = 8              # fewer content stems: exact/URL matching only (MinHash too noisy)
MAX_TEXT_CHARS = 20_000       # only the beginning of a huge body is fingerprinted
URL_BODY_SIMILARITY = 0.5     # same URL: duplicate when the bodies are at least this similar
_SEED = 0x5EED_D1B0

_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640\u200c\u200d]+")  # words, with Arabic marks inside
TOKEN_CACHE_SIZE = 200_000
_TOKEN_CACHE: dict[str, tuple[str, tuple[int, ...]]] = {}
_AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid|"
    r"ref|ref_src|referrer|src|source|share|from|spm|at_\w+|xtor|ito|amp|outputtype|output|s)$",
    re.I,
)

_rng = np.random.RandomState(_SEED)
_A = (_rng.randint(1, 2**31, size=NUM_PERM, dtype=np.int64).astype(np.uint64) << np.uint64(32)) | \
    _rng.randint(1, 2**31, size=NUM_PERM, dtype=np.int64).astype(np.uint64) | np.uint64(1)
_B = (_rng.randint(0, 2**31, size=NUM_PERM, dtype=np.int64).astype(np.uint64) << np.uint64(32)) | \
    _rng.randint(0, 2**31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
BANDS = NUM_PERM // ROWS
_BAND_MIX = _rng.randint(1, 2**62, size=(ROWS + 1,), dtype=np.int64).astype(np.uint64) | np.uint64(1)
_BAND_IDX = np.arange(BANDS, dtype=np.uint64) * _BAND_MIX[ROWS]
_EMPTY_SIG = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
_V2_HEAD = struct.Struct("<BdI16sHi")   # version 2, ts, n, exact (16 raw bytes), id length, URL length (-1: None)


def canonical_url(url: str | None) -> str | None:
    """Scheme-less, www/m/amp-less, tracking-free, sorted-query, percent-decoded, no trailing slash."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()[:2000]
    if "//" not in url:
        url = "//" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    for pre in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(pre) and host.count(".") >= 2:
            host = host[len(pre):]
            break
    path = unquote(parts.path or "")
    segs = [s for s in path.split("/") if s and s.lower() not in ("amp", "amp.html")]
    path = "/".join(segs)
    for suf in (".amp", "/amp"):
        if path.lower().endswith(suf):
            path = path[: -len(suf)]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    q = urlencode(sorted(query))
    return f"{host}/{path}" + (f"?{q}" if q else "")


def _stem(tok: str) -> str:
    if "\u0600" <= tok[0] <= "\u06ff":
        for p in _AR_PREFIXES:
            if tok.startswith(p) and len(tok) - len(p) >= 3:
                tok = tok[len(p):]
                break
        else:
            if tok[0] in "وبلف" and len(tok) > 4:
                tok = tok[1:]
    return tok[:STEM_CHARS]


def _story_lines(text: str) -> str:
    """Raw text minus obvious furniture: lines the cleaner drops, and everything after a real
    'read also' heading once some story text precedes it (bounded: line rules only)."""
    out, kept, para = [], 0, False
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        v = boilerplate.classify(s)
        if v is not None:
            if v[0] == "cut" and kept >= MIN_STORY_CHARS and para:
                break
            continue
        out.append(s)
        kept += len(s)
        para = para or len(s) >= MIN_PARAGRAPH
    return "\n".join(out)


@dataclass(slots=True)
class Fingerprint:
    article_id: str
    url: str | None          # canonical URL
    exact: str               # blake2b-128 of the folded token stream (hex)
    sig: np.ndarray          # MinHash signature, NUM_PERM uint32
    n: int                   # number of distinct content stems
    ts: float                # event time (seconds), used by the age window

    def to_dict(self) -> dict:
        return {"v": 1, "id": self.article_id, "url": self.url, "exact": self.exact,
                "sig": base64.b64encode(self.sig.astype("<u4").tobytes()).decode("ascii"),
                "n": self.n, "ts": self.ts}

    @classmethod
    def from_dict(cls, d: dict) -> "Fingerprint":
        sig = np.frombuffer(base64.b64decode(d["sig"]), dtype="<u4").astype(np.uint32)
        return cls(d["id"], d.get("url"), d["exact"], sig, int(d["n"]), float(d["ts"]))

    def to_bytes(self) -> bytes:
        """The compact (v2) changelog value: ~570 bytes + id + URL, against ~830 of JSON (v1)."""
        aid = self.article_id.encode("utf-8", "surrogatepass")
        url = b"" if self.url is None else self.url.encode("utf-8", "surrogatepass")
        return b"".join((_V2_HEAD.pack(2, self.ts, self.n, bytes.fromhex(self.exact), len(aid),
                                       -1 if self.url is None else len(url)),
                         self.sig.astype("<u4").tobytes(), aid, url))

    @classmethod
    def from_bytes(cls, b: bytes) -> "Fingerprint":
        """Either changelog form: v2 (`to_bytes`) or v1 (JSON of `to_dict`, written before v2)."""
        if b[:1] == b"{":
            import orjson
            return cls.from_dict(orjson.loads(b))
        if b[:1] != b"\x02":
            raise ValueError(f"unknown fingerprint encoding {b[:1]!r}")
        _, ts, n, exact, id_len, url_len = _V2_HEAD.unpack_from(b)
        at = _V2_HEAD.size + NUM_PERM * 4
        sig = np.frombuffer(b, dtype="<u4", count=NUM_PERM, offset=_V2_HEAD.size).astype(np.uint32)
        aid = b[at:at + id_len].decode("utf-8", "surrogatepass")
        url = None if url_len < 0 else b[at + id_len:at + id_len + url_len].decode("utf-8", "surrogatepass")
        return cls(aid, url, exact.hex(), sig, n, ts)

    def similarity(self, other: "Fingerprint") -> float:
        return float(np.count_nonzero(self.sig == other.sig)) / NUM_PERM


def _token_info(tok: str) -> tuple[str, tuple[int, ...]]:
    """(folded words joined by spaces, crc32 of their content stems) of one whitespace chunk.

    Memoised on the raw chunk (news vocabulary repeats; fold(), the word regex and crc32
    are the slow parts), so a text costs one str.split() plus dict lookups.
    """
    info = _TOKEN_CACHE.get(tok)
    if info is None:
        words = _TOKEN.findall(fold(tok))
        stems = []
        stop = boilerplate.rules().stopwords
        for w in words:
            if len(w) >= 3 and w not in stop:
                st = _stem(w)
                if len(st) >= 3:
                    stems.append(zlib.crc32(st.encode("utf-8", "surrogatepass")))
        info = (" ".join(words), tuple(stems))
        if len(_TOKEN_CACHE) >= TOKEN_CACHE_SIZE:
            _TOKEN_CACHE.clear()
        _TOKEN_CACHE[tok] = info
    return info


def _features(text: str) -> tuple[str, set[int]]:
    """(folded token stream for the exact hash, set of content-stem hashes)."""
    get = _TOKEN_CACHE.get
    tokens = text.lower().split()
    infos = list(map(get, tokens))      # whole-list C loops: ~20 % less than a per-token Python loop
    if None in infos:
        infos = [info or _token_info(t) for info, t in zip(infos, tokens)]
    return " ".join(filter(None, [info[0] for info in infos])), set().union(*[info[1] for info in infos])


_local = threading.local()


def _minhash(feats: set[int]) -> np.ndarray:
    """min over features of the multiply-shift hashes ((a*x + b) mod 2^64) >> 32, per permutation.

    Computed in a reused (features x perms) buffer: fresh 300 KB temporaries cost mmap page
    faults on every call (~4x slower). `>> 32` is monotonic, so it is applied after the min.
    """
    n = len(feats)
    hv = np.fromiter(feats, dtype=np.uint64, count=n)
    buf = getattr(_local, "buf", None)
    if buf is None or buf.shape[0] < n:
        buf = _local.buf = np.empty((max(n, 512), NUM_PERM), dtype=np.uint64)
    w = buf[:n]
    np.multiply(hv[:, None], _A[None, :], out=w)
    np.add(w, _B[None, :], out=w)
    return (w.min(axis=0) >> np.uint64(32)).astype(np.uint32)


def fingerprint(article_id: str, url: str | None, text: str, ts: float) -> Fingerprint:
    """Fingerprint of a raw article body (never raises on str input)."""
    text = text if isinstance(text, str) else ""
    text = text[:MAX_TEXT_CHARS]
    story = _story_lines(text)
    stream, feats = _features(story)
    if not feats:  # everything looked like furniture: fall back to the whole text
        stream, feats = _features(text)
    exact = hashlib.blake2b(stream.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    sig = _minhash(feats) if feats else _EMPTY_SIG.copy()
    return Fingerprint(str(article_id), canonical_url(url), exact, sig, len(feats), float(ts or 0.0))


def _band_keys(sig: np.ndarray) -> list[int]:
    b = sig[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    h = _BAND_IDX.copy()
    for r in range(ROWS):
        h = h + b[:, r] * _BAND_MIX[r]
    return h.tolist()


def _band_keys_many(sigs: np.ndarray) -> np.ndarray:
    """`_band_keys` of every row of an (m x NUM_PERM) signature matrix at once: (m x BANDS)."""
    b = sigs[:, : BANDS * ROWS].astype(np.uint64).reshape(len(sigs), BANDS, ROWS)
    h = np.broadcast_to(_BAND_IDX, (len(sigs), BANDS)).copy()
    for r in range(ROWS):
        h += b[:, :, r] * _BAND_MIX[r]
    return h


@dataclass(frozen=True)
class Verdict:
    duplicate_of: str
    kind: str                 # "url" | "exact" | "near"
    similarity: float

    def to_dict(self) -> dict:
        return {"duplicate_of": self.duplicate_of, "kind": self.kind, "similarity": self.similarity}


class _BandIndex:
    """LSH band key -> article slots, compact: two sorted numpy runs plus a small recent dict.

    A Python dict entry per band key costs ~80 bytes (x42 bands per article); the sorted
    arrays cost 12. New keys go to `recent`; every MERGE_EVERY articles they are merged into
    the small run, and the small run into the big one (dropping dead slots) only when it
    reaches BIG_RATIO of the big run: rewriting ~50 MB of arrays costs ~0.3 s here, so it
    must be rare. Removal only marks a slot dead; queries subtract the dead set.
    """

    MERGE_EVERY = 2048
    BIG_RATIO = 0.25

    def __init__(self) -> None:
        self.runs = [(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int32)),   # big
                     (np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int32))]   # small
        self.recent: dict[int, list[int]] = {}
        self.recent_keys: list[int] = []      # the same entries as flat lists, for a fast merge
        self.recent_slots: list[int] = []     # one slot per article (BANDS keys each)
        self.dead: set[int] = set()

    def __len__(self) -> int:
        return sum(int(k.size) for k, _ in self.runs) + len(self.recent_keys)

    def add(self, slot: int, keys: list[int]) -> None:
        for k in keys:
            v = self.recent.get(k)
            if v is None:
                self.recent[k] = [slot]
            else:
                v.append(slot)
        self.recent_keys.extend(keys)
        self.recent_slots.append(slot)
        if len(self.recent_slots) >= self.MERGE_EVERY:
            self.merge()

    def add_many(self, slots: np.ndarray, keys: np.ndarray) -> None:
        """`add` of each slot (row of `keys`, BANDS keys each), everything then in one sorted run
        without the dead slots: a rebuild of 100 k articles is one argsort of 4.2 M keys instead
        of 4.2 M dict inserts."""
        self.merge()                                   # recent -> small run
        (bk, bs), (sk, ss) = self.runs
        nk = np.concatenate([bk, sk, np.ascontiguousarray(keys, dtype=np.uint64).reshape(-1)])
        ns = np.concatenate([bs, ss, np.repeat(np.asarray(slots, dtype=np.int32), keys.shape[1])])
        dead = np.fromiter(self.dead, dtype=np.int32, count=len(self.dead)) if self.dead else None
        alive = self._alive(ns, dead)
        if alive is not None:
            nk, ns = nk[alive], ns[alive]
        order = np.argsort(nk)      # slots under one key form a set: no need for a stable sort
        self.runs = [(nk[order], ns[order]), (np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int32))]
        self.dead = set()

    def remove(self, slot: int) -> None:
        self.dead.add(slot)

    def query(self, keys: list[int]) -> set[int]:
        out: set[int] = set()
        q = None
        for run_keys, run_slots in self.runs:
            if not run_keys.size:
                continue
            if q is None:
                q = np.asarray(keys, dtype=np.uint64)
            lo = np.searchsorted(run_keys, q, side="left")
            hi = np.searchsorted(run_keys, q, side="right")
            hit = hi > lo
            for a, b in zip(lo[hit].tolist(), hi[hit].tolist()):
                out.update(run_slots[a:b].tolist())
        for k in keys:
            v = self.recent.get(k)
            if v is not None:
                out.update(v)
        if self.dead and out:
            out -= self.dead
        return out

    def _alive(self, slots: np.ndarray, dead: np.ndarray | None) -> np.ndarray | None:
        if dead is None or not slots.size:
            return None
        return ~np.isin(slots, dead, kind="table")   # O(N) lookup table over the slot range

    def merge(self, full: bool = False) -> None:
        """recent -> small run; small -> big when it is large (or `full`), dropping dead slots."""
        dead = np.fromiter(self.dead, dtype=np.int32, count=len(self.dead)) if self.dead else None
        (bk, bs), (sk, ss) = self.runs
        if self.recent_slots:
            nk = np.array(self.recent_keys, dtype=np.uint64)
            ns = np.repeat(np.array(self.recent_slots, dtype=np.int32), BANDS)[: nk.size]
            order = np.argsort(nk, kind="stable")
            nk, ns = nk[order], ns[order]
            pos = np.searchsorted(sk, nk, side="right")
            sk, ss = np.insert(sk, pos, nk), np.insert(ss, pos, ns)
            self.recent, self.recent_keys, self.recent_slots = {}, [], []
        if full or sk.size >= self.BIG_RATIO * max(bk.size, self.MERGE_EVERY * BANDS * 4):
            alive = self._alive(bs, dead)
            if alive is not None:
                bk, bs = bk[alive], bs[alive]
            alive = self._alive(ss, dead)
            if alive is not None:
                sk, ss = sk[alive], ss[alive]
            pos = np.searchsorted(bk, sk, side="right")
            bk, bs = np.insert(bk, pos, sk), np.insert(bs, pos, ss)
            sk, ss = np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int32)
            self.dead = set()
        self.runs = [(bk, bs), (sk, ss)]


class _Entry(NamedTuple):
    slot: int                 # insertion sequence number (LSH value, age order)
    row: int                  # row of the signature matrix
    ts: float
    exact: str
    url: str | None
    n: int


class Deduper:
    """In-memory index of recent fingerprints, bounded by count (window) and event-time age.

    `check` never mutates; `add` indexes a fingerprint (call it for originals; adding a
    duplicate is harmless: `check` always answers with the earliest matching article).
    Near-duplicate candidates come from MinHash LSH (42 bands of 3 rows: a pair with
    Jaccard 0.4 becomes a candidate with p ~ 0.93, 0.5 with p ~ 0.996, 0.1 with p ~ 0.04)
    and are confirmed, all at once, on their full 128-value signatures (>= threshold).
    Signatures live in one uint32 matrix (512 bytes per article, rows reused).
    """

    def __init__(self, threshold: float = 0.35, num_perm: int = NUM_PERM, window: int = 100_000,
                 max_age_days: float = 30.0):
        if num_perm != NUM_PERM:
            raise ValueError(f"num_perm is fixed at {NUM_PERM} (fingerprints are computed with it)")
        if window < 1:
            raise ValueError("window must be >= 1")
        self.threshold = float(threshold)
        self.window = int(window)
        self.max_age = float(max_age_days) * 86400.0
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._by_slot: dict[int, tuple[str, int]] = {}     # slot -> (article id, signature row)
        self._exact: dict[str, str] = {}
        self._url: dict[str, str] = {}
        self._bands = _BandIndex()
        self._sigs = np.empty((min(1024, self.window + 1), NUM_PERM), dtype=np.uint32)
        self._free_rows: list[int] = []
        self._next_row = 0
        self._seq = 0
        self._max_ts = 0.0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def _similarity(self, fp: Fingerprint, e: _Entry) -> float:
        return float(np.count_nonzero(self._sigs[e.row] == fp.sig)) / NUM_PERM

    def check(self, fp: Fingerprint) -> Verdict | None:
        if fp.url and fp.url in self._url:
            other_id = self._url[fp.url]
            if other_id != fp.article_id:
                other = self._entries[other_id]
                sim = 1.0 if other.exact == fp.exact else self._similarity(fp, other)
                if sim >= URL_BODY_SIMILARITY:
                    return Verdict(self._earliest(other_id, fp), "url", round(sim, 4))
        other_id = self._exact.get(fp.exact) if fp.n else None   # no tokens: nothing to compare
        if other_id is not None and other_id != fp.article_id:
            return Verdict(other_id, "exact", 1.0)
        if fp.n < MIN_FEATURES:
            return None
        ids, rows = [], []
        by_slot = self._by_slot
        for slot in self._bands.query(_band_keys(fp.sig)):
            hit = by_slot.get(slot)
            if hit is None or hit[0] == fp.article_id:
                continue
            ids.append(hit[0])
            rows.append(hit[1])
        if not ids:
            return None
        sims = np.count_nonzero(self._sigs[rows] == fp.sig, axis=1) / NUM_PERM
        ok = np.flatnonzero(sims >= self.threshold)
        if ok.size == 0:
            return None
        # the earliest article (timestamp, then id) wins: not the first indexed, since the order
        # of indexing differs after a restart rebuilds the index from the table
        entries = self._entries
        best = min(ok.tolist(), key=lambda i: (entries[ids[i]].ts, ids[i]))
        return Verdict(ids[best], "near", round(float(sims[best]), 4))

    def _earliest(self, other_id: str, fp: Fingerprint) -> str:
        # a URL match may point at an updated version; the exact-body original wins if older
        first = self._exact.get(fp.exact)
        if first is not None and first in self._entries and self._entries[first].slot < self._entries[other_id].slot:
            return first
        return other_id

    def _alloc_row(self) -> int:
        if self._free_rows:
            return self._free_rows.pop()
        row = self._next_row
        if row >= self._sigs.shape[0]:
            cap = min(max(2 * self._sigs.shape[0], 1024), self.window + 1)
            if row >= cap:   # only when callers bypass eviction; grow anyway
                cap = row + 1
            grown = np.empty((cap, NUM_PERM), dtype=np.uint32)
            grown[: self._sigs.shape[0]] = self._sigs
            self._sigs = grown
        self._next_row += 1
        return row

    def add(self, fp: Fingerprint) -> list[str]:
        """Index fp; returns the ids evicted by the count or age window."""
        return self._add(fp, None)

    def add_many(self, fps) -> list[str]:
        """`add` of each fingerprint in order (the same entries, evictions and answers), with the
        LSH band keys computed and indexed for all of them at once: the window rebuilt after a
        restart costs ~10 µs per article instead of ~130."""
        fps = list(fps)
        need = min(self._next_row + len(fps), self.window + 1)
        if need > self._sigs.shape[0]:      # grow the signature matrix once, not by doubling
            grown = np.empty((need, NUM_PERM), dtype=np.uint32)
            grown[: self._sigs.shape[0]] = self._sigs
            self._sigs = grown
        pending: list[tuple[int, np.ndarray]] = []
        evicted: list[str] = []
        for fp in fps:
            evicted.extend(self._add(fp, pending))
        if pending:
            slots = np.fromiter((p[0] for p in pending), dtype=np.int64, count=len(pending))
            self._bands.add_many(slots, _band_keys_many(np.stack([p[1] for p in pending])))
        return evicted

    def _add(self, fp: Fingerprint, pending: list | None) -> list[str]:
        if fp.article_id in self._entries:
            self.remove(fp.article_id)
        self._seq += 1
        slot = self._seq
        row = self._alloc_row()
        self._sigs[row] = fp.sig
        self._entries[fp.article_id] = _Entry(slot, row, fp.ts, fp.exact, fp.url, fp.n)
        self._by_slot[slot] = (fp.article_id, row)
        if fp.n:    # an empty token stream hashes alike for every empty body: never index it
            self._exact.setdefault(fp.exact, fp.article_id)
        if fp.url:
            self._url[fp.url] = fp.article_id
        if fp.n >= MIN_FEATURES:
            if pending is None:
                self._bands.add(slot, _band_keys(fp.sig))
            else:
                pending.append((slot, fp.sig))
        if fp.ts > self._max_ts:
            self._max_ts = fp.ts
        evicted = []
        horizon = self._max_ts - self.max_age
        while self._entries:
            oldest_id, oldest = next(iter(self._entries.items()))
            if len(self._entries) > self.window or (oldest.ts and oldest.ts < horizon):
                self.remove(oldest_id)
                evicted.append(oldest_id)
            else:
                break
        return evicted

    def remove(self, article_id: str) -> None:
        e = self._entries.pop(article_id, None)
        if e is None:
            return
        del self._by_slot[e.slot]
        self._free_rows.append(e.row)
        if self._exact.get(e.exact) == article_id:
            del self._exact[e.exact]
        if e.url and self._url.get(e.url) == article_id:
            del self._url[e.url]
        if e.n >= MIN_FEATURES:
            self._bands.remove(e.slot)
