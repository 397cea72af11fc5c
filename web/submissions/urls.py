"""URLs of the monitoring cycle, all under ``/gestion/`` (namespace ``gestion``)."""

from cycles import views as cycle_views
from django.urls import path
from reviews import views as review_views

from submissions import views

app_name = "gestion"
urlpatterns = [
    path("", views.home, name="home"),
    path("ciclos/", cycle_views.cycles, name="cycles"),
    path("ciclos/<int:year>/", cycle_views.cycle_detail, name="cycle"),
    path("ciclos/inflactores/", cycle_views.inflators, name="inflators"),
    path("ciclos/<int:year>/publicar/", cycle_views.publish_confirm, name="publish_confirm"),
    path("reportes/<int:pk>/", views.report_detail, name="report"),
    path("reportes/<int:pk>/seccion/<str:name>/", views.section, name="section"),
    path("reportes/<int:pk>/seccion/<str:name>/agregar/", views.entry_add, name="entry_add"),
    path("reportes/<int:pk>/seccion/<str:name>/quitar/<str:key>/", views.entry_remove, name="entry_remove"),
    path("reportes/<int:pk>/enviar/", views.submit_confirm, name="submit_confirm"),
    path("reportes/<int:pk>/accion/<str:name>/", views.action, name="action"),
    path("reportes/<int:pk>/planilla.xlsx", views.excel_download, name="excel_download"),
    path("reportes/<int:pk>/planilla/", views.excel_upload, name="excel_upload"),
    path("reportes/<int:pk>/auditoria/", views.audit_log, name="audit"),
    path("reportes/<int:pk>/revision/", review_views.workspace, name="workspace"),
    path("reportes/<int:pk>/juicios/", review_views.judgements, name="judgements"),
    path("reportes/<int:pk>/hallazgos/<int:finding>/respuesta/", review_views.reply_view, name="reply"),
    path("reportes/<int:pk>/hallazgos/<int:finding>/veredicto/", review_views.verdict_view, name="verdict"),
    path("reportes/<int:pk>/vista-previa/", review_views.preview, name="preview"),
    path("reportes/<int:pk>/vista-previa.pdf", review_views.preview_pdf, name="preview_pdf"),
]
