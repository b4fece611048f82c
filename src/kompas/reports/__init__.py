# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reports: the report builders (voortgang, themablad, veiligheidsbeeld, plan), their jobs and exports.

They draw with the presentation kit (:mod:`kompas.presentation`).
"""
