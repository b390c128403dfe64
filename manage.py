#!/usr/bin/env python
"""Django's command-line utility for Minsheng."""
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    from config.database import database_problem
    from config.embedded_postgres import EmbeddedDatabaseError

    try:
        execute_from_command_line(sys.argv)
    except EmbeddedDatabaseError as error:
        print(f"minsheng: {error}", file=sys.stderr)
        sys.exit(1)
    except OperationalError:
        problem = database_problem()  # a database that cannot be reached at all: say what to set, not a traceback
        if problem is None:
            raise
        print(f"minsheng: {problem}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:  # Ctrl-C during `make run`'s set-up: bin/serve says what it stops, no traceback
        sys.exit(130)


if __name__ == "__main__":
    main()
