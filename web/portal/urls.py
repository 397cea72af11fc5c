"""Public URLs. Each page has twins: ``<page>.json`` (and ``.csv`` for listings, ``.pdf`` for fichas)."""

from django.urls import path, re_path

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.search_view, name="search"),
    path("programas/", views.search_view, name="programs"),
    re_path(r"^programas\.(?P<fmt>json|csv)$", views.search_view, name="search-twin"),
    path("programas/<slug:slug>/", views.ficha_view, name="ficha"),
    re_path(
        r"^programas/(?P<slug>[a-z0-9][a-z0-9-]*)\.(?P<fmt>json|pdf)$", views.ficha_view, name="ficha-twin"
    ),
    path("programas/<slug:slug>/<int:edition>/", views.ficha_view, name="ficha-edition"),
    re_path(
        r"^programas/(?P<slug>[a-z0-9][a-z0-9-]*)/(?P<edition>[0-9]{4})\.(?P<fmt>json|pdf)$",
        views.ficha_view,
        name="ficha-edition-twin",
    ),
    path("comparar/", views.compare_view, name="compare"),
    re_path(r"^comparar\.(?P<fmt>json|csv)$", views.compare_view, name="compare-twin"),
    path("panorama/", views.panorama_view, name="panorama"),
    re_path(r"^panorama\.(?P<fmt>json)$", views.panorama_view, name="panorama-twin"),
    path("ficha.css", views.ficha_css, name="ficha-css"),
    path("docs/", views.docs_view, name="docs"),
    re_path(r"^docs/sitio/(?P<path>.*)$", views.docs_site, name="docs-site"),  # also the bare /docs/sitio/
    re_path(r"^docs\.(?P<fmt>json)$", views.docs_view, name="docs-twin"),
]
