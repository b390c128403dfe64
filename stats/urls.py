"""URLs of the figures browser (/stats/) and its downloads."""
from django.urls import path

from stats import views

app_name = "stats"
urlpatterns = [
    path("", views.stats_index, name="index"),
    path("figures.<str:fmt>", views.stats_download, name="download"),
]
