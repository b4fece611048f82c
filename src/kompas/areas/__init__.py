# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Areas: gemeenten, wijken, buurten, regions and custom groups with CBS codes and boundaries."""
