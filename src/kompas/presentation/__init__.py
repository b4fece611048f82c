# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The presentation kit: charts, maps, Dutch number formats, XLSX and PDF, the document frame, suppression.

Every page, report and export draws its figures with these modules. They know nothing of plans,
areas or measures: what they need of those, callers pass in. They import only the kernel.
"""
