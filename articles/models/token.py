"""ApiToken: a named secret that lets a client write through the API (only its SHA-256 hash is stored)."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX_LENGTH = 8


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(is_active=True)


class ApiToken(models.Model):
    name = models.CharField("名称", max_length=100, help_text="谁在用这个令牌、做什么，如 “导入脚本（张三）”。")
    prefix = models.CharField(
        "前缀", max_length=PREFIX_LENGTH, unique=True, editable=False, help_text="密钥的前几个字符，用来辨认令牌。"
    )
    hash = models.CharField("SHA-256", max_length=64, editable=False, help_text="密钥的摘要；密钥本身不保存。")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True, editable=False)
    is_active = models.BooleanField("启用", default=True, help_text="取消勾选即吊销，令牌立即失效。")

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def new_secret(self) -> str:
        """Give this (unsaved or rotated) token a fresh secret; returns the secret, which is shown once and not kept."""
        while True:
            secret = secrets.token_urlsafe(32)
            if not ApiToken.objects.filter(prefix=secret[:PREFIX_LENGTH]).exists():
                break
        self.prefix, self.hash = secret[:PREFIX_LENGTH], _digest(secret)
        return secret

    @classmethod
    def issue(cls, *, name: str, created_by=None) -> tuple[ApiToken, str]:
        """A new active token and its secret."""
        token = cls(name=name, created_by=created_by)
        secret = token.new_secret()
        token.save()
        return token, secret

    @classmethod
    def authenticate(cls, secret: str) -> ApiToken | None:
        """The active token holding this secret (its last use is recorded), or None."""
        if not secret or len(secret) < PREFIX_LENGTH:
            return None
        token = cls.objects.active().filter(prefix=secret[:PREFIX_LENGTH]).first()
        if token is None or not hmac.compare_digest(token.hash, _digest(secret)):
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token
