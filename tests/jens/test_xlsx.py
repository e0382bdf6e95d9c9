import io

import openpyxl
from openpyxl import Workbook

from jens.xlsx import als_bytes


def test_tekst_die_met_is_begint_blijft_tekst():
    wb = Workbook()
    wb.active.append(['=HYPERLINK("http://x","klik")', 3])
    blad = openpyxl.load_workbook(io.BytesIO(als_bytes(wb))).active
    assert blad["A1"].data_type == "s"
    assert blad["A1"].value == '=HYPERLINK("http://x","klik")'
    assert blad["B1"].value == 3
