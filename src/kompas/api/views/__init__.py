# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""REST views, one module per resource: they only translate HTTP into the apps' functions."""
