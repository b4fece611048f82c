# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One page per plan object (its values and full history) and its create, edit and delete forms.

Every part of the plan (goal, target, action, …) uses the same views; the URL names the part.
A second editor working from an older version gets the conflict, sees what changed in between,
and keeps their own input in the form.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.policy import edit, history
from kompas.policy.forms import CapacityForm, PartForm, form_class
from kompas.policy.models import CapacityPlan, Plan, Sourced, Theme
from kompas.policy.parts import PARTS, Part, plan_of
from kompas.policy.views import can_edit

CODE_LETTERS = {"theme": "T", "goal": "G", "action": "A", "responsibility": "R", "cost": "C"}


def _to_detail(noun: str, object_id: int) -> HttpResponse:
    return HttpResponseRedirect(reverse(f"policy:{noun}_detail", kwargs={f"{noun}_id": object_id}))


def _get(part: Part, object_id: int) -> Sourced:
    """Return the part object in the active organisation's scope; 404 for any other."""
    obj = part.model._default_manager.filter(pk=object_id).first()
    if obj is None:
        raise Http404
    return obj


def _theme_of(obj: Sourced) -> Theme | None:
    return obj if isinstance(obj, Theme) else getattr(obj, "theme", None)


def _form(part: Part, obj: Sourced, data: Any = None) -> PartForm | CapacityForm:
    if isinstance(obj, CapacityPlan):
        return CapacityForm(data, capacity=obj, initial=CapacityForm.initial_for(obj))
    theme = None if isinstance(obj, Theme) else _theme_of(obj)
    return form_class(part)(
        data, instance=obj, initial={"version": obj.version}, plan=plan_of(obj), theme=theme
    )


def _page(request: HttpRequest, obj: Sourced, template: str, **extra: Any) -> HttpResponse:
    plan = plan_of(obj)
    context = {
        "obj": obj,
        "part": PARTS[extra.pop("noun")],
        "plan": plan,
        "theme": _theme_of(obj),
        "history": history.history(obj, plan.organisation_id),
        "can_edit": can_edit(request),
        **extra,
    }
    status = 400 if getattr(extra.get("form"), "errors", None) else 200
    return render(request, template, context, status=status)


@requires(Permission.VIEW_DASHBOARD)
def part_detail(request: HttpRequest, noun: str, **ids: int) -> HttpResponse:
    """Show one plan object: its values, its source lines and its full edit history."""
    obj = _get(PARTS[noun], ids[f"{noun}_id"])
    form = _form(PARTS[noun], obj)
    return _page(request, obj, "policy/part_detail.html", noun=noun, fields=_values(form, obj))


def _values(form: PartForm | CapacityForm, obj: Sourced) -> list[tuple[object, Any]]:
    """Return (label, shown value) for the object's editable fields, in form order."""
    if isinstance(obj, CapacityPlan):
        return [
            (field.label, form.initial.get(name)) for name, field in form.fields.items() if name != "version"
        ]
    shown: list[tuple[object, Any]] = []
    for name, field in form.fields.items():
        if name == "version":
            continue
        value = getattr(obj, name)
        if hasattr(value, "all"):
            value = ", ".join(getattr(item, "code", str(item)) for item in value.all())
        elif hasattr(obj, f"get_{name}_display"):
            value = getattr(obj, f"get_{name}_display")()
        shown.append((field.label, value))
    return shown


@requires(Permission.EDIT_POLICY)
@require_http_methods(["GET", "POST"])
def part_edit(request: HttpRequest, noun: str, **ids: int) -> HttpResponse:
    """Change a plan object; on a conflict show what changed since and keep the user's input."""
    obj = _get(PARTS[noun], ids[f"{noun}_id"])
    form = _form(PARTS[noun], obj, request.POST or None)
    conflict: list[history.HistoryEntry] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = edit.update(
                actor=current_user(request),
                obj=obj,
                values=form.values(),
                version=form.cleaned_data["version"],
            )
        except edit.StaleEditError as stale:
            form, conflict = _conflict(noun, stale, request.POST)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Wijzigingen opgeslagen."))
            return _to_detail(noun, saved.pk)
    return _page(request, obj, "policy/part_form.html", noun=noun, form=form, conflict=conflict)


def _conflict(noun: str, stale: edit.StaleEditError, data: Any) -> tuple[PartForm | CapacityForm, list[Any]]:
    """Return the form with the user's input at the current version, and the changes in between."""
    resubmit = data.copy()
    resubmit["version"] = stale.current.version
    form = _form(PARTS[noun], stale.current, resubmit)
    form.is_valid()
    form.add_error(
        None,
        _(
            "Iemand anders heeft dit intussen gewijzigd (zie hieronder wat er veranderde). Uw invoer "
            "staat nog in het formulier: controleer die en sla opnieuw op om de wijziging van de ander "
            "te overschrijven."
        ),
    )
    changes = history.entries(type(stale.current), stale.changes, plan_of(stale.current).organisation_id)
    return form, changes


def _add_errors(form: PartForm | CapacityForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _parent(part: Part, ids: dict[str, int]) -> Plan | Theme:
    model = Theme if part.parent == "theme" else Plan
    parent = model.objects.filter(pk=ids[f"{part.parent}_id"]).first()
    if parent is None:
        raise Http404
    return parent


def _suggested_code(part: Part, parent: Plan | Theme) -> dict[str, Any]:
    letter = CODE_LETTERS.get(part.noun)
    if letter is None:
        return {}
    siblings = part.model._default_manager.filter(**{part.parent: parent}).count()
    prefix = f"{parent.code}." if isinstance(parent, Theme) else ""
    return {"code": f"{prefix}{letter}{siblings + 1}", "number": siblings + 1}


@requires(Permission.EDIT_POLICY)
@require_http_methods(["GET", "POST"])
def part_create(request: HttpRequest, noun: str, **ids: int) -> HttpResponse:
    """Add a plan object under its theme or plan."""
    part = PARTS[noun]
    parent = _parent(part, ids)
    plan = parent if isinstance(parent, Plan) else parent.plan
    theme = parent if isinstance(parent, Theme) else None
    initial = {"version": 0, **_suggested_code(part, parent)}
    form = form_class(part)(request.POST or None, initial=initial, plan=plan, theme=theme)
    if request.method == "POST" and form.is_valid():
        try:
            created = edit.create(actor=current_user(request), part=part, parent=parent, values=form.values())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Toegevoegd."))
            return _to_detail(noun, created.pk)
    context = {"part": part, "form": form, "plan": plan, "theme": theme, "parent": parent, "obj": None}
    return render(request, "policy/part_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_POLICY)
@require_POST
def part_delete(request: HttpRequest, noun: str, **ids: int) -> HttpResponse:
    """Remove a plan object after confirmation on its page; a stale version is refused."""
    part = PARTS[noun]
    obj = _get(part, ids[f"{noun}_id"])
    plan, theme = plan_of(obj), _theme_of(obj)
    try:
        version = int(request.POST.get("version", ""))
        edit.delete(actor=current_user(request), obj=obj, version=version)
    except (ValueError, edit.StaleEditError):
        messages.error(
            request, _("Niet verwijderd: iemand anders heeft dit intussen gewijzigd. Bekijk de wijziging.")
        )
        return _to_detail(noun, obj.pk)
    messages.success(request, _("Verwijderd."))
    if theme is not None and not isinstance(obj, Theme):
        return redirect("policy:theme_detail", theme_id=theme.pk)
    return redirect("policy:plan_detail", plan_id=plan.pk)
