# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Policy: the integral safety plan (IVP) with themes, goals, targets, budget and capacity."""
