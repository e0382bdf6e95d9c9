"""What every form page of the project shares."""


class FoutenBijVeldMixin:
    """Points each field with an error to its message and help text (``aria-describedby``) and marks it
    ``aria-invalid``, for screen readers. The message's id is the field's id plus ``fout_achtervoegsel``, as the
    form's template writes it (``templates/jens/_veld.html``: ``_fout``)."""

    fout_achtervoegsel = "_fout"

    def markeer_fouten(self) -> None:
        for naam in self.errors:
            if naam in self.fields:
                ids = [f"{self[naam].auto_id}{self.fout_achtervoegsel}"]
                if self.fields[naam].help_text:
                    ids.append(f"{self[naam].auto_id}_helptext")
                self.fields[naam].widget.attrs["aria-describedby"] = " ".join(ids)
                self.fields[naam].widget.attrs["aria-invalid"] = "true"
