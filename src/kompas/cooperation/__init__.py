# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Cooperation: Platform IVZ projects from intake to evaluation."""
