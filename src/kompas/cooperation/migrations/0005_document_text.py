# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The text of catalogue PDFs: two fields, then the text of the PDFs stored before, read once.

The reading is copied here (not imported from kompas.cooperation.pdf_text) so the migration
keeps working when that module changes; it stores the same states. A file missing from the
storage is marked unreadable rather than stopping the migration.
"""

import io

from django.core.files.storage import default_storage
from django.db import migrations, models

LIMIT = 100_000


def _text(content: bytes) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return "", "onleesbaar"
    text = " ".join(" ".join(pages).split())
    if not text:
        return "", "geen_tekst"
    return (text[:LIMIT], "ingekort") if len(text) > LIMIT else (text, "volledig")


def extract_stored(apps, schema_editor):  # type: ignore[no-untyped-def]
    document = apps.get_model("cooperation", "Document")
    for found in document._base_manager.filter(content_type="application/pdf").iterator():
        try:
            with default_storage.open(found.stored_as, "rb") as handle:
                found.text, found.text_state = _text(handle.read())
        except OSError:
            found.text, found.text_state = "", "onleesbaar"
        found.save(update_fields=["text", "text_state"])


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0004_theme_projects")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="text",
            field=models.TextField(blank=True, editable=False, verbose_name="tekst uit de PDF"),
        ),
        migrations.AddField(
            model_name="document",
            name="text_state",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "geen PDF"),
                    ("volledig", "tekst doorzoekbaar"),
                    ("ingekort", "tekst doorzoekbaar tot 100.000 tekens"),
                    (
                        "geen_tekst",
                        "geen tekst in de PDF (gescand?); alleen titel en omschrijving doorzoekbaar",
                    ),
                    ("onleesbaar", "PDF niet leesbaar; alleen titel en omschrijving doorzoekbaar"),
                ],
                editable=False,
                max_length=20,
                verbose_name="doorzoekbaarheid",
            ),
        ),
        migrations.RunPython(extract_stored, migrations.RunPython.noop),
    ]
