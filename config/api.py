"""The one NinjaAPI (/api/v1/): a router per app, one JSON error shape, health check."""
from django.db import connection
from ninja import NinjaAPI, Schema

from articles.api import router as articles_router

api = NinjaAPI(
    title="民生 Minsheng API",
    version="1.0.0",
    description="Articles, programmes, figures, dates and regions extracted from regional newspapers' 民生 pages.",
    urls_namespace="api",
)
api.add_router("/articles", articles_router)


class HealthOut(Schema):
    status: str
    database: str


@api.get("/health", response={200: HealthOut, 503: HealthOut}, tags=["health"], summary="Service and database health")
def health(request):
    """Answers 200 when the database answers a query, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # the database is down or unreachable: report it, don't crash
        return 503, {"status": "unavailable", "database": "unreachable"}
    return 200, {"status": "ok", "database": "ok"}
