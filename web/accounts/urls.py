from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("ingresar/", views.LoginView.as_view(), name="login"),
    path("salir/", views.LogoutView.as_view(), name="logout"),
]
