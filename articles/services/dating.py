"""The issue date of a page and its copy on each of its articles (`Article.issue_date`, what the lists sort and
filter on): one function keeps the copy current, called by ingest, re-parse and an editor's fix of the page date."""
from __future__ import annotations

from django.db import transaction

from articles.models import Article, Source


def articles_issue_date_sync(*, source: Source) -> int:
    """Copy the page's issue date onto every article of the page that does not carry it yet; returns how many
    articles changed (none when all agree, so calling it again is cheap)."""
    articles = Article.objects.filter(source=source)
    if source.published_on is None:
        stale = articles.filter(issue_date__isnull=False)
    else:
        stale = articles.exclude(issue_date=source.published_on)  # Django's exclude() keeps the NULL rows too
    changed = stale.update(issue_date=source.published_on)
    if changed:
        from articles.summaries import archive_changed

        archive_changed()
    return changed


def source_date_set_by_editor(*, source: Source, user, changed_fields: list[str]) -> Source:
    """Save an editor's change to a page; a changed issue date is marked as the editor's and reaches its articles
    in the same transaction."""
    with transaction.atomic():
        if "published_on" in changed_fields:
            source.published_basis = f"编辑指定（{user.get_username()}）"
        source.save()
        articles_issue_date_sync(source=source)
    return source
