#!/usr/bin/env python3
"""Writes officer-kpis.xlsx with openpyxl: a KPI sheet as an officer keeps it, for `dashboards init --from`.

A title row merged across the table, a blank row, a two-row heading (Indicator, Polarity, Target, RAG and
Commentary merged down over both rows; 2020/21 merged over its quarters Q1 to Q4, 2021/22 over Q1), section
label rows, a blank separator row, percentages formatted 0%, a number stored as text, a hidden column of
workings and a note below the table. Run from this folder: python3 make_officer.py (openpyxl 3.1).
"""
import openpyxl
from openpyxl.styles import Font

book = openpyxl.Workbook()
sheet = book.active
sheet.title = 'KPI dashboard'
sheet['A1'] = "Children's services performance: Quarter 1 2021/22"
sheet['A1'].font = Font(bold=True, size=14)
sheet.merge_cells('A1:K1')
for column, text in [('A', 'Indicator'), ('B', 'Polarity'), ('C', 'Target'), ('I', 'RAG'), ('J', 'Commentary'), ('K', 'Workings')]:
    sheet[f'{column}3'] = text
    sheet.merge_cells(f'{column}3:{column}4')
sheet['D3'] = '2020/21'
sheet.merge_cells('D3:G3')
sheet['H3'] = '2021/22'
for column, quarter in zip('DEFGH', ['Q1', 'Q2', 'Q3', 'Q4', 'Q1']):
    sheet[f'{column}4'] = quarter

PERCENT = '0%'
rows = [
    (5, ['Early help']),
    (6, ['Families supported by early help', 'Higher is better', 500, 410, 455, 470, 492, '515', 'Green', 'Above target for the first time since 2019.', 'x']),
    (7, ['Early help assessments completed within 45 days', 'High', 0.9, 0.84, 0.86, 0.88, 0.87, 0.91, 'Green', 'Recovered after the staffing gap in Q4.', 'y']),
    (9, ["Children's social care"]),
    (10, ['Re-referrals within 12 months', 'Low', 0.2, 0.22, 0.21, 0.23, 0.24, 0.25, 'Red', 'Rising: an audit of closed cases is under way.', 'z']),
    (11, ['Children in care', 'None', None, 612, 620, 631, 640, 652, None, None, None]),
    (13, ['Figures for 2021/22 Q1 are provisional.']),
]
for row, values in rows:
    for index, value in enumerate(values):
        if value is None:
            continue
        cell = sheet.cell(row=row, column=index + 1, value=value)
        if row in (7, 10) and index in (2, 3, 4, 5, 6, 7):
            cell.number_format = PERCENT
sheet.column_dimensions['K'].hidden = True
sheet.column_dimensions['A'].width = 48
book.save('officer-kpis.xlsx')

# A second book: a cover sheet beside the KPI sheet (so --sheet is needed), a reference code column, a Unit and a
# Source column, "Good is" for polarity, and quarter headings that name their own year under a merged year.
book = openpyxl.Workbook()
cover = book.active
cover.title = 'Cover'
cover['A1'] = 'Quarterly performance report'
sheet = book.create_sheet('KPIs')
for column, text in [('A', 'Ref'), ('B', 'Measure'), ('C', 'Unit'), ('D', 'Good is'), ('H', 'Notes'), ('I', 'Source')]:
    sheet[f'{column}1'] = text
    sheet.merge_cells(f'{column}1:{column}2')
sheet['E1'] = '2019/20'
sheet.merge_cells('E1:G1')
for column, quarter in zip('EFG', ['Q1 19/20', 'Q2 19/20', 'Q3 19/20']):
    sheet[f'{column}2'] = quarter
rows = [
    (3, ['EH1', 'Contacts', 'Number', 'Lower', 1520, 1490, 1402, 'Fewer repeat contacts.', 'Case system']),
    (4, ['EH2', 'Assessments on time (%)', '%', 'Higher', '88.5%', '90.1%', '91.0%', None, 'Case system']),
]
for row, values in rows:
    for index, value in enumerate(values):
        if value is not None:
            sheet.cell(row=row, column=index + 1, value=value)
book.save('officer-units.xlsx')

# A third book: the figures in an Excel Table named KPIs (Insert > Table), which grows as rows and quarters are
# added, with role columns; and on a second sheet a table with a filled cell just beside it.
from openpyxl.worksheet.table import Table

book = openpyxl.Workbook()
sheet = book.active
sheet.title = 'Data'
sheet['A1'] = 'KPIs as Power Query loads them'
for row, values in enumerate([
    ['Indicator', 'Polarity', 'Target', '2020/21 Q1', '2020/21 Q2', '2020/21 Q3'],
    ['Contacts', 'Low', 1500, 1520, 1490, 1402],
    ['Assessments on time', 'High', '90%', '88.5%', '90.1%', '91.0%'],
]):
    for column, value in enumerate(values):
        sheet.cell(row=row + 3, column=column + 1, value=value)
sheet.add_table(Table(displayName='KPIs', ref='A3:F5'))
draft = book.create_sheet('Draft')
for row in [['Indicator', '2020/21 Q1'], ['Contacts', 1520]]:
    draft.append(row)
draft['C2'] = 'typed beside the table'
draft.add_table(Table(displayName='DraftKPIs', ref='A1:B2'))
book.save('officer-table.xlsx')
