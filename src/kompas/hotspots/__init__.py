# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Hotspots: area hotspots and grid forecasts with their evaluation."""
