# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Views of kompas.accounts: login and second factor, user management and the audit trail."""
