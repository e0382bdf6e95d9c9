"""Spreadsheets the system produces: text typed by people is always text, never a formula Excel runs."""

import io

from openpyxl import Workbook


def als_bytes(werkboek: Workbook) -> bytes:
    """The workbook as .xlsx bytes, with every string cell that openpyxl took for a formula (a name or note
    starting with "=") stored as plain text."""
    for blad in werkboek.worksheets:
        for rij in blad.iter_rows():
            for cel in rij:
                if cel.data_type == "f" and isinstance(cel.value, str):
                    cel.data_type = "s"
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()
