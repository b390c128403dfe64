"""Root URLconf: public pages, the admin and the JSON API."""
from django.contrib import admin
from django.urls import include, path

from articles import views as article_views
from articles.feeds import ArticleFeed, ProgramFeed
from config.api import api
from policies import views as policy_views

urlpatterns = [
    path("", article_views.home, name="home"),
    path("articles/", include("articles.urls")),
    path("policies/", include("policies.urls")),
    path("qa/", policy_views.qa_list, name="qa"),
    path("stats/", include("stats.urls")),
    path("regions/", article_views.region_list, name="regions"),
    path("regions/<str:code>/", article_views.region_detail, name="region"),
    path("search/", article_views.search, name="search"),
    path("feeds/articles.atom", ArticleFeed(), name="feed-articles"),
    path("feeds/programs.atom", ProgramFeed(), name="feed-programs"),
    # Permanent addresses of records: each redirects to its sentence in its article page.
    path("figures/<int:pk>/", article_views.record_permalink, {"kind": "figure"}, name="figure"),
    path("dates/<int:pk>/", article_views.record_permalink, {"kind": "date"}, name="date"),
    path("qa/<int:pk>/", article_views.record_permalink, {"kind": "qa"}, name="qa-pair"),
    path("documents/<int:pk>/", article_views.record_permalink, {"kind": "document"}, name="document"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

admin.site.site_header = "民生 · 编辑后台"
admin.site.site_title = "民生编辑后台"
admin.site.index_title = "内容管理"
# The review page's record tables need the width (they fit 1366 px without it); the index and breadcrumbs navigate.
admin.site.enable_nav_sidebar = False
