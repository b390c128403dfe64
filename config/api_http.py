"""HTTP manners of the API: the one JSON error shape, ETag/Last-Modified/304, Cache-Control and Link headers (CORS is
django-cors-headers', configured in settings)."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from config.db_router import read_connection

API_PREFIX = "/api/"


class ApiError(Exception):
    """A refusal the client can act on: answered as the JSON error shape (`param` names the parameter at fault)."""

    def __init__(self, status: int, message: str, param: str | None = None):
        super().__init__(message)
        self.status, self.message, self.param = status, message, param


def error_body(status: int, message: str, param: str | None = None) -> dict:
    error = {"status": status, "message": message}
    if param:
        error["param"] = param
    return {"error": error}


def error_response(status: int, message: str, param: str | None = None, headers: dict | None = None) -> JsonResponse:
    return JsonResponse(error_body(status, message, param), status=status, headers=headers, json_dumps_params={"ensure_ascii": False})


@cache
def _change_columns() -> list[tuple[str, str]]:
    """Tables whose newest timestamp moves whenever published data can change: ingest (sources), editors' admin
    actions (the admin log), re-parses (sources' parsed_at) and every history table (reviewed records, programmes, indicators)."""
    from django.contrib.admin.models import LogEntry

    from articles.models import Source

    columns = [
        (Source._meta.db_table, "ingested_at"),
        (Source._meta.db_table, "parsed_at"),
        (LogEntry._meta.db_table, "action_time"),
    ]
    for model in apps.get_models():
        if any(field.name == "history_date" for field in model._meta.concrete_fields):
            columns.append((model._meta.db_table, "history_date"))
    return columns


def data_last_modified() -> datetime | None:
    """When the data behind the API last changed (one query)."""
    parts = [f"SELECT MAX({column}) FROM {table}" for table, column in _change_columns()]
    with read_connection().cursor() as cursor:
        cursor.execute(f"SELECT MAX(t) FROM ({' UNION ALL '.join(parts)}) AS changes(t)")
        return cursor.fetchone()[0]


_UNKNOWN = object()


def conditional(request: HttpRequest, response: HttpResponse, *, etag: str | None = None, last_modified=_UNKNOWN) -> HttpResponse:
    """Add Last-Modified, ETag and Cache-Control; answer 304 when the client's copy is current (`last_modified`:
    the `data_last_modified()` the caller already has, if it has)."""
    if last_modified is _UNKNOWN:
        last_modified = data_last_modified()
    if etag:
        response["ETag"] = etag
    seconds = int(last_modified.timestamp()) if last_modified else None  # HTTP dates have whole seconds
    if seconds:
        response["Last-Modified"] = http_date(seconds)
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
    if request.method in ("GET", "HEAD"):
        not_modified = get_conditional_response(request, etag=etag, last_modified=seconds, response=response)
        if not_modified is not response:
            return not_modified
    return response


def absolute_urls(request: HttpRequest, data):
    """The answer with every `url` field that is a site path made absolute (as `next` links are), so a client can
    follow it as it is."""
    if isinstance(data, dict):
        return {
            key: request.build_absolute_uri(value) if key == "url" and isinstance(value, str) and value.startswith("/")
            else absolute_urls(request, value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [absolute_urls(request, item) for item in data]
    return data


def json_response(request: HttpRequest, data, *, status: int = 200, headers: dict | None = None) -> HttpResponse:
    """A JSON response with a strong ETag over its body, answering conditional GETs with 304."""
    body = json.dumps(absolute_urls(request, data), cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8")
    response = HttpResponse(body, status=status, content_type="application/json", headers=headers)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return conditional(request, response, etag=etag)


def link_header(links: dict[str, str | None]) -> str:
    """RFC 8288 Link header value: <url>; rel="next", …"""
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)


class ApiMiddleware:
    """For /api/ only: HEAD answered as GET without the body, NUL bytes refused, every 4xx in the JSON error shape."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "HEAD":
            return self._head(request)
        return self._json_error(self._checked(request) or self.get_response(request))

    def _head(self, request: HttpRequest) -> HttpResponse:
        """HEAD is GET without the body: the same status and headers (Content-Length included, when known)."""
        request.method = "GET"
        try:
            response = self._checked(request) or self.get_response(request)
            response = self._json_error(response)
        finally:
            request.method = "HEAD"
        if response.streaming:
            bodiless = HttpResponse(status=response.status_code, headers=dict(response.items()))
            response.close()  # the stream was never started: nothing is read from the database
            return bodiless
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
        return response

    @staticmethod
    def _checked(request: HttpRequest) -> HttpResponse | None:
        """PostgreSQL cannot store or compare text with NUL characters: refuse them, in the path or the query, before
        they reach a query (a path's NUL is named after the path parameter that holds it)."""
        if "\x00" in request.path_info:
            return error_response(400, "contains a NUL character", param=_path_parameter(request.path_info) or "path")
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return error_response(400, "contains a NUL character", param=key.replace("\x00", ""))
        return None

    @staticmethod
    def _json_error(response: HttpResponse) -> HttpResponse:
        """Django's own 4xx pages (unknown path, method not allowed, …) become the API's JSON error shape; a route
        that allows GET allows HEAD too."""
        if 400 <= response.status_code < 500 and not response.get("Content-Type", "").startswith("application/json"):
            headers = {"Allow": _with_head(response["Allow"])} if response.has_header("Allow") else None
            message = {404: "no such API resource", 405: "method not allowed"}.get(response.status_code, "bad request")
            return error_response(response.status_code, message, headers=headers)
        return response


def _with_head(allow: str) -> str:
    methods = [method.strip() for method in allow.split(",") if method.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.append("HEAD")
    return ", ".join(methods)


def _path_parameter(path: str) -> str | None:
    """The name of the URL parameter that holds a NUL character, when the path matches a route."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return next((name for name, value in match.kwargs.items() if "\x00" in str(value)), None)
