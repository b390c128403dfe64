"""Editors' changes to an article (headline, byline, column, kind, curation flags): saved with history, and marked so
that re-parses and re-ingests keep them."""
from __future__ import annotations

from articles.models import Article
from articles.models.article import EDITABLE_BY_PARSER
from articles.services.public_view import article_personal_data_sync


def article_save_by_editor(*, article: Article, user, changed_fields: list[str]) -> Article:
    """Save an editor's change to an article; the parser fields they changed are kept by every later re-parse."""
    corrected = [name for name in EDITABLE_BY_PARSER if name in changed_fields and name not in article.edited_fields]
    if corrected:
        article.edited_fields = [*article.edited_fields, *corrected]
    if "topics" in changed_fields:
        article.topics_by_editor = True
    article._history_user = user  # django-simple-history: who made this change
    article.save()
    # Personal data is looked for again in the shown fields the editor changed; the public view follows the edit.
    article_personal_data_sync(article=article, fields=changed_fields)
    return article
