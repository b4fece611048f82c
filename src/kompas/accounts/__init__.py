# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Accounts: organisations (the tenant boundary), users, roles, two-factor login and audit."""
