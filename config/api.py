"""The one NinjaAPI (/api/v1/): a router per app, one JSON error shape for every 4xx, health check."""
from django.db import connection
from django.http import Http404, JsonResponse
from ninja import Field, NinjaAPI, Schema, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from articles.api import router as articles_router
from articles.filters import InvalidFilter
from config.api_conventions import refuse_unknown_parameters
from config.api_http import ApiError, error_response
from policies.api import router as policies_router
from stats.api import router as stats_router


class MinshengAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document gives each parameter its example as OpenAPI 3.1 wants it: `example` (ninja
    copies the JSON Schema list into `examples`, which OpenAPI reserves for a map of Example objects)."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        for methods in schema["paths"].values():
            for operation in methods.values():
                for parameter in operation.get("parameters", []):
                    examples = parameter.pop("examples", None)
                    if isinstance(examples, list) and examples:
                        parameter.setdefault("example", examples[0])
        return schema


api = MinshengAPI(
    title="民生 Minsheng API",
    version="1.0.0",
    description=(
        "Articles, programmes, figures, dates and regions extracted from regional newspapers' 民生 pages. "
        "Read-only except `POST /sources` (token). Lists share one convention: the site's filters (each list says "
        "which apply to it), `sort`, `limit`/`offset`, `count`, `next` and a `Link: rel=\"next\"` header, `fields=` "
        "and `facets=`. A parameter an endpoint does not declare — unknown, or a filter of another list — is a 422 "
        "naming it. Every 4xx answers `{\"error\": {\"status\", \"message\", \"param\"}}`; answers carry ETag and "
        "Last-Modified, and every GET route answers HEAD."
    ),
    urls_namespace="api",
    # Swagger UI would otherwise show a badge loaded from validator.swagger.io on any host but localhost: an outside
    # request that the Content-Security-Policy refuses, for a document that is checked in tests anyway.
    docs=Swagger(settings={"validatorUrl": "none"}),
)
api.add_decorator(refuse_unknown_parameters, mode="view")  # every operation: an undeclared query parameter is a 422
api.add_router("", articles_router)
api.add_router("", policies_router)
api.add_router("", stats_router)


def _param(loc: list) -> str | None:
    """The parameter an error is about: the last named step of its location after the container (query, form…)."""
    steps = loc[1:] if loc and loc[0] in ("query", "path", "body", "form", "file", "header", "cookie") else loc
    names = [str(step) for step in steps if isinstance(step, str) and step not in ("filters", "controls", "params")]
    return names[-1] if names else None


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    first = exc.errors[0] if exc.errors else {}
    message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
    param = _param(list(first.get("loc", [])))
    if param is None and "date_from" in message:
        param = "date_from"
    return error_response(422, message, param)


@api.exception_handler(InvalidFilter)
def on_invalid_filter(request, exc: InvalidFilter):
    return error_response(422, exc.message, exc.param)


@api.exception_handler(ApiError)
def on_api_error(request, exc: ApiError):
    return error_response(exc.status, exc.message, exc.param)


@api.exception_handler(Http404)
def on_not_found(request, exc: Http404):
    return error_response(404, "not found")


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc: AuthenticationError):
    message = "a valid API token is required: Authorization: Bearer <secret>"
    return error_response(401, message, headers={"WWW-Authenticate": 'Bearer realm="minsheng"'})


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return error_response(exc.status_code, exc.message)


NO_STORE = {"Cache-Control": "no-store"}


class HealthOut(Schema):
    """Whether the service and its database answer."""

    status: str = Field(..., description="ok or unavailable", examples=["ok"])
    database: str = Field(..., description="ok or unreachable", examples=["ok"])


@api.get("/health", response={200: HealthOut, 503: HealthOut}, tags=["health"], summary="Service and database health")
def health(request):
    """Answers 200 when the database answers a query, 503 otherwise (never cached)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # the database is down or unreachable: report it, don't crash
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503, headers=NO_STORE)
    return JsonResponse({"status": "ok", "database": "ok"}, headers=NO_STORE)
