"""Site middleware: requests whose path or query string carries control characters, and admin searches too long
to run, get the site's 400 page."""
from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from config.api_http import API_PREFIX

# NUL cannot reach PostgreSQL (psycopg refuses it in text); no reader types any other C0 control or DEL either.
# Tab, line feed and carriage return stay allowed in query values (pasted text); never in a path.
_PATH_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_VALUE_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character_param(request: HttpRequest) -> str | None:
    """What carries a control character: "path", a query parameter's name, or None when the request is clean."""
    if _PATH_CONTROLS.search(request.path):
        return "path"
    for key, values in request.GET.lists():
        if _PATH_CONTROLS.search(key) or any(_VALUE_CONTROLS.search(value) for value in values):
            return _PATH_CONTROLS.sub("", key) or "?"
    return None


# The admin ANDs each word of its search box as an OR over the model's search fields: the query plan grows with the
# square of the words (200 words: a second; 2,000: minutes). Editors type a few words or paste a sentence.
ADMIN_SEARCH_MAX_WORDS = 20
ADMIN_SEARCH_MAX_CHARS = 200


def oversized_admin_search(request: HttpRequest) -> str | None:
    """Why an admin search (a changelist's `q`, an autocomplete's `term`) cannot be run (too many words or
    characters), or None when it can."""
    if not request.path.startswith("/admin/"):
        return None
    query = request.GET.get("term" if request.path.startswith("/admin/autocomplete/") else "q", "")
    if len(query) > ADMIN_SEARCH_MAX_CHARS:
        return f"搜索词过长（{len(query)} 个字符，最多 {ADMIN_SEARCH_MAX_CHARS} 个）"
    words = len(query.split())
    if words > ADMIN_SEARCH_MAX_WORDS:
        return f"搜索词过多（{words} 个词，最多 {ADMIN_SEARCH_MAX_WORDS} 个）"
    return None


class ControlCharacterMiddleware:
    """Outside /api/ (the API answers in its own JSON shape): a path or query value with NUL or another control
    character is answered 400 with the site's styled page before any view or query sees it; so is an admin search
    with more words or characters than a search box takes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX) and (param := control_character_param(request)):
            where = "网址" if param == "path" else f"参数 {param}"
            return render(request, "400.html", {"reason": f"{where}中含有不可见的控制字符（如 %00）"}, status=400)
        if reason := oversized_admin_search(request):
            return render(request, "400.html", {"reason": reason}, status=400)
        return self.get_response(request)


class ReplicaReadMiddleware:
    """Public reads (GET/HEAD outside /admin/) may read from a replica (config/db_router.py); everything else —
    editors' pages, logins, uploads — and whatever a request reads after it writes, from the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from config.db_router import allow_replica_reads, reset_replica_reads

        public_read = request.method in ("GET", "HEAD") and not request.path.startswith("/admin/")
        token = allow_replica_reads(public_read)
        try:
            return self.get_response(request)
        finally:
            reset_replica_reads(token)
