#!/usr/bin/env python3
"""Writes openpyxl-kpis.xlsx with openpyxl (pip install openpyxl): an officer's KPI sheet with a title row, the
table in A3:E5, the next quarter's column F filled beside it, and a total row whose formulas openpyxl saves
without results (it does not calculate); the sheet 'Clean' has the table without the total. Run from this folder; the workbook is committed.
"""
import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = 'KPI dashboard'
sheet['A1'] = "Children's services KPIs"
rows = [
    ['Indicator', '2024/25 Q1', '2024/25 Q2', '2024/25 Q3', '2024/25 Q4', '2025/26 Q1'],
    ['Children looked after', 412, 415, 420, 431, 440],
    ['Contacts', 1200, 1150, 1320, 1290, 1310],
]
for r, values in enumerate(rows, start=3):
    for c, value in enumerate(values, start=1):
        sheet.cell(row=r, column=c, value=value)
sheet['A7'] = 'Total contacts this year'
sheet['B7'] = '=SUM(B5:E5)'
# The same table without the total, on a second sheet.
clean = book.create_sheet('Clean')
for r, values in enumerate(rows, start=3):
    for c, value in enumerate(values, start=1):
        clean.cell(row=r, column=c, value=value)
book.save('openpyxl-kpis.xlsx')

# libreoffice-kpis.xlsx is this workbook opened and saved by LibreOffice, which calculates the total:
#   soffice --headless --convert-to xlsx --outdir out openpyxl-kpis.xlsx && mv out/openpyxl-kpis.xlsx libreoffice-kpis.xlsx
