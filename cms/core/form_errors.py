"""One admin message for a form that was refused, naming each field as the form labels it."""

from django.utils.translation import gettext as _


def form_errors_message(form):
    """``The form has errors: Label: message; Label: message`` in the active language."""
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = (field.label or name) if field else ""  # no field: an error of the whole form
        text = " ".join(str(error) for error in errors)
        parts.append(f"{label}: {text}" if label else text)
    return _("The form has errors: %(errors)s") % {"errors": "; ".join(parts)}
