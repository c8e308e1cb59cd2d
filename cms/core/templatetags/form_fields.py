"""The site's public form fields, written once: a label, an optional hint, the control with
what was typed, and the error beside it, tied together with ``aria-describedby`` and
``aria-invalid``. The form's context supplies ``labels``, ``values`` and ``errors``; a
second form on the same page sets ``field_prefix`` so no id repeats."""

from django import template

register = template.Library()


def _field(context, name, kind, **options):
    prefix = context.get("field_prefix") or "field"
    values, errors = context.get("values") or {}, context.get("errors") or {}
    return {
        "kind": kind,
        "name": name,
        "id": f"{prefix}-{name}",
        "hint_id": f"{prefix}-hint-{name}",
        "error_id": f"{prefix}-error-{name}",
        "label": (context.get("labels") or {}).get(name, name),
        "value": values.get(name, options.pop("default", "")),
        "errors": errors.get(name),
        **options,
    }


@register.inclusion_tag("includes/form_field.html", takes_context=True)
def input_field(context, name, type="text", **options):
    return _field(context, name, "input", type=type, **options)


@register.inclusion_tag("includes/form_field.html", takes_context=True)
def textarea_field(context, name, rows=5, **options):
    return _field(context, name, "textarea", rows=rows, **options)


@register.inclusion_tag("includes/form_field.html", takes_context=True)
def select_field(context, name, choices, **options):
    """``choices``: ``(value, label)`` pairs, or objects with ``slug`` and ``name``."""
    pairs = [(choice.slug, choice.name) if hasattr(choice, "slug") else choice for choice in choices]
    return _field(context, name, "select", choices=pairs, **options)
