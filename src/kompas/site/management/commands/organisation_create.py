# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas organisation create CODE --name NAME --kind SOORT [--cbs-code GM0153]``.

Creating an organisation is an act of the operator of the installation: no role inside an
organisation may create another one (see docs/admin-guide.md). Every problem with the input is
collected and reported on one line before anything is written.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import OrganisationKind
from kompas.accounts.organisations import create_organisation
from kompas.accounts.queries import gemeente_by_cbs_code, organisation_by_code
from kompas.commandbase import TranslatedCommand
from kompas.site.management.commands._refusal import refuse
from kompas.sources.bundled import known_gemeente_codes

# "partner" is the word of the onboarding brief for a partner with no kind of its own in Kompas
# (a sports club, a school board): it is stored as "other"; the named partner kinds stay as they are.
KINDS: dict[str, OrganisationKind] = {kind.value: kind for kind in OrganisationKind} | {
    "partner": OrganisationKind.OTHER
}


class Command(TranslatedCommand):
    """Create one organisation after checking its code, kind and CBS code."""

    help_text = gettext_lazy(
        "Maakt een organisatie aan (gemeente, regio, politie, veiligheidshuis, RIEC of partner)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the code, name, kind and CBS code."""
        parser.add_argument("code", help=_("Korte code, bijvoorbeeld enschede (kleine letters, cijfers, -)."))
        parser.add_argument("--name", required=True, help=_("Naam, bijvoorbeeld Gemeente Enschede."))
        parser.add_argument(
            "--kind",
            required=True,
            help=_("Soort: %(kinds)s (partner wordt opgeslagen als overig).") % {"kinds": ", ".join(KINDS)},
        )
        parser.add_argument("--cbs-code", default="", help=_("CBS-gemeentecode, alleen voor een gemeente."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Check everything, then create the organisation and say so."""
        code, cbs_code = options["code"], options["cbs_code"].strip().upper()
        problems = _problems(code, options["kind"], cbs_code)
        if problems:
            refuse(self.stderr, problems)
        try:
            organisation = create_organisation(
                actor=None, code=code, name=options["name"], kind=KINDS[options["kind"]], cbs_code=cbs_code
            )
        except ValidationError as error:
            refuse(self.stderr, error.messages)
        self.stdout.write(
            self.style.SUCCESS(
                _("Organisatie %(code)s aangemaakt: %(name)s (%(kind)s).")
                % {
                    "code": organisation.code,
                    "name": organisation.name,
                    "kind": organisation.get_kind_display(),
                }
            )
        )
        if organisation.kind == OrganisationKind.GEMEENTE:
            self.stdout.write(_("Volgende stap: kompas setup %(code)s") % {"code": organisation.code})


def _problems(code: str, kind: str, cbs_code: str) -> list[str]:
    """Return what is wrong with the input in Dutch, in the order of the arguments."""
    problems = []
    if organisation_by_code(code) is not None:
        problems.append(_("Er bestaat al een organisatie met code %(code)s.") % {"code": code})
    if kind not in KINDS:
        problems.append(
            _("Onbekende soort %(kind)s; kies uit %(kinds)s.") % {"kind": kind, "kinds": ", ".join(KINDS)}
        )
    if cbs_code and KINDS.get(kind) == OrganisationKind.GEMEENTE:
        if cbs_code not in known_gemeente_codes():
            problems.append(
                _(
                    "Onbekende CBS-code %(cbs)s: die gemeente staat niet in de meegeleverde "
                    "CBS-gebiedsindelingen en bevolkingscijfers."
                )
                % {"cbs": cbs_code}
            )
        elif (other := gemeente_by_cbs_code(cbs_code)) is not None:
            problems.append(
                _("Gemeente %(cbs)s bestaat al als organisatie %(code)s.")
                % {"cbs": cbs_code, "code": other.code}
            )
    return problems
