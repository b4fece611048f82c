# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.accounts (Dutch paths, as users see them)."""

from django.urls import path

from kompas.accounts.views import audit, auth, password, users

app_name = "accounts"
urlpatterns = [
    path("inloggen/", auth.login_view, name="login"),
    path("uitloggen/", auth.logout_view, name="logout"),
    path("tweestaps/", auth.two_factor, name="two_factor"),
    path("wachtwoord/", password.password_change, name="password_change"),
    path("gebruikers/", users.user_list, name="user_list"),
    path("gebruikers/nieuw/", users.user_create, name="user_create"),
    path("gebruikers/<id:user_id>/", users.user_detail, name="user_detail"),
    path("gebruikers/<id:user_id>/bewerken/", users.user_edit, name="user_edit"),
    path("gebruikers/<id:user_id>/verwijderen/", users.user_delete, name="user_delete"),
    path("gebruikers/<id:user_id>/wachtwoord-reset/", users.user_password_reset, name="user_password_reset"),
    path(
        "gebruikers/<id:user_id>/tweestaps-reset/", users.user_two_factor_reset, name="user_two_factor_reset"
    ),
    path("audit/", audit.audit_list, name="audit_list"),
    path("audit/export.csv", audit.audit_export, name="audit_export"),
]
