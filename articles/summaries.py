"""Aggregates the public pages share (region counts, filter choices), cached under the archive's generation.

Every write path that changes what they count — ingest, re-parse, an editor's review of a record or edit of an
article, an editor's fix of a page date, a programme merge or edit — ends by calling `archive_changed()`, which
moves the generation on (after its transaction commits) so the next reader computes them afresh: never stale after
a correction, and computed once per change rather than once per request. The cache is Django's (Redis when
REDIS_URL is set, so every web node sees the same generation; local memory otherwise).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from config.db_router import allow_replica_reads, reset_replica_reads

GENERATION_KEY = "minsheng:archive-generation"
TIMEOUT = 24 * 3600  # a value no write invalidated is still recomputed daily

T = TypeVar("T")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:  # first use, or evicted: start from the clock, so no key cached before can be met again
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY, 0)
    return int(value)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there: the next generation() starts a fresh one
        pass


def archive_changed() -> None:
    """What the public sees has changed: cached aggregates are recomputed on next use. Moved on now (the writer's
    own next read sees its change) and again when the transaction commits (a reader who recomputed in between, from
    the rows before the commit, is not believed)."""
    _bump()
    transaction.on_commit(_bump)


def cached(name: str, compute: Callable[[], T]) -> T:
    """`compute()` once per archive generation (shared by every worker through the cache)."""
    key = f"minsheng:{name}:{generation()}"
    value = cache.get(key)
    if value is None:
        # From the primary: a replica still behind the write that moved the generation on would store stale
        # aggregates under the new generation, where they would stay until the next write.
        token = allow_replica_reads(False)
        try:
            value = compute()
            cache.set(key, value, timeout=TIMEOUT)
        finally:
            reset_replica_reads(token)
    return value


def peek(name: str):
    """The value `cached(name, …)` holds for this archive generation, or None when none is cached — never computed:
    for a caller that has a bounded way of its own and would rather not pay for the whole aggregate."""
    return cache.get(f"minsheng:{name}:{generation()}")
