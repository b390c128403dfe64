"""Django database backend: the stock PostgreSQL backend, with the embedded server started on demand."""
from django.conf import settings
from django.db.backends.postgresql import base

from config.embedded_postgres import ensure_server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        # Always create the project's database (not the test one: Django creates that itself).
        params["host"] = ensure_server(settings.EMBEDDED_PGDATA, settings.EMBEDDED_PGDATABASE)
        params.pop("port", None)
        return params
