"""Root URLs: the public portal and the read-only API (``/api/``, OpenAPI docs at ``/api/docs``)."""

from api.api import api
from django.urls import include, path

urlpatterns = [
    path("api/", api.urls),
    path("gestion/", include("submissions.urls")),  # the monitoring cycle (docs/monitoring-cycle.md)
    path("cuentas/", include("accounts.urls")),
    path("", include("portal.urls")),
]
