# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of kompas.casework that other apps may use: none.

Nothing of casework is read by another app. Its figures leave only as observations without any
person (:mod:`kompas.casework.publish`), which indicators and reports read like any other; its
objects are reached only through :mod:`kompas.casework.access` (ADR 0016).
"""
