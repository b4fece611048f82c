# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Background tasks of kompas.site: thin wrappers that take ids and call a function."""
