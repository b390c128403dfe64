"""Template tags of the editors' admin: the review queue shown on the admin index."""
from django import template

from articles import review_queue

register = template.Library()


@register.inclusion_tag("admin/includes/_review_queue.html")
def review_queue_panel():
    return {"types": review_queue.type_counts(), "articles": review_queue.articles_to_review()}
