"""Template tags of the editors' admin: the review queue shown on the admin index."""
from django import template

from articles import review_queue

register = template.Library()


@register.inclusion_tag("admin/includes/_review_queue.html")
def review_queue_panel():
    return {"types": review_queue.type_counts(), "articles": review_queue.articles_to_review()}


@register.simple_tag
def field_label(record, name: str) -> str:
    """A history row's changed field by its verbose name (状态 for status), or its code name when it has none."""
    try:
        return str(record.instance_type._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - a field since removed from the model keeps its code name
        return name
