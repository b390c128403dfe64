"""Reads to PostgreSQL replicas, writes and editors to the primary (`DATABASE_REPLICA_URLS`, docs/deployment.md).

A read goes to a replica only inside a public read request (`ReplicaReadMiddleware` opens that window for GET/HEAD
requests outside /admin/) and only until the request writes: once it writes, everything it reads comes from the
primary, so it sees its own writes whatever the replicas' lag. Commands, Celery tasks, editors' pages, every
transaction and every write use the primary.
"""
from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

_replica_reads: ContextVar[bool] = ContextVar("minsheng_replica_reads", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def allow_replica_reads(allowed: bool):
    """Open (or close) the window in which reads may go to a replica; returns the token to reset it with."""
    return _replica_reads.set(allowed)


def reset_replica_reads(token) -> None:
    _replica_reads.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        replicas = replica_aliases()
        if not replicas or not _replica_reads.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return random.choice(replicas)

    def db_for_write(self, model, **hints) -> str:
        _replica_reads.set(False)  # this request reads its own writes from now on
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every alias holds the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


def read_connection():
    """The connection a raw read statement (an aggregate written in SQL) uses: what the router gives the ORM's."""
    return connections[PrimaryReplicaRouter().db_for_read(None)]
