"""`manage.py ensure_admin`: make sure one superuser exists, without any fixed password.

From DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD / DJANGO_SUPERUSER_EMAIL when set; otherwise, if no
superuser exists yet, an `admin` account with a generated password that is printed once.
"""
from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a superuser from DJANGO_SUPERUSER_* variables, or with a generated password printed once."

    def handle(self, *args, **options):
        users = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if username and password:
            if not users.objects.filter(username=username).exists():
                users.objects.create_superuser(username, os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password)
                self.stdout.write(f"superuser {username!r} created from DJANGO_SUPERUSER_* variables")
            return
        if users.objects.filter(is_superuser=True).exists():
            return
        generated = secrets.token_urlsafe(12)
        users.objects.create_superuser("admin", "", generated)
        self.stdout.write(f"superuser 'admin' created with password {generated} (shown once; change it in /admin/)")
