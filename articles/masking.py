"""Personal data masked for the public: an article's text with its (non-rejected) personal-data spans starred."""
from __future__ import annotations

from articles.extract.pii import mask_personal_data
from articles.models import Article, RecordStatus


def public_text(article: Article) -> str:
    """The article text as the public may see it (same length, so every record's span still holds)."""
    items = [
        item
        for item in article.personal_data.all()
        if item.status != RecordStatus.REJECTED and 0 <= item.start < item.end <= len(article.text)
    ]
    return mask_personal_data(article.text, items) if items else article.text
