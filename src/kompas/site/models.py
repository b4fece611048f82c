# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Models of kompas.site (none: the site only composes the apps below it)."""
