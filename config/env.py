"""Typed readers for environment variables that refuse malformed values instead of guessing."""
from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_tuple(name: str, length: int) -> tuple[str, ...] | None:
    """A comma-separated value of exactly `length` items (SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https)."""
    items = env_list(name, [])
    if not items:
        return None
    if len(items) != length:
        raise ImproperlyConfigured(f"{name}={os.environ[name]!r} must be {length} comma-separated values.")
    return tuple(items)
