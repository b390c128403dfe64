"""URLs of the public programme pages (/policies/)."""
from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("", views.program_list, name="list"),
    path("<str:slug>/", views.program_detail, name="detail"),
]
