from django.urls import path

from . import views

urlpatterns = [
    path("two-factor/setup/", views.setup, name="two-factor-setup"),
    path("two-factor/verify/", views.verify, name="two-factor-verify"),
    path("two-factor/recovery-codes/", views.renew_recovery_codes, name="two-factor-recovery-codes"),
]
