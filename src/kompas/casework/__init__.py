# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework: partner signals, person-centred cases and youth groups (privacy-scoped)."""
