# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""API: the REST API (Django REST framework, OpenAPI via drf-spectacular)."""
