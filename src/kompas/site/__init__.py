# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Site: the top layer that puts the apps together (project commands, ``kompas`` CLI, project URLs)."""
