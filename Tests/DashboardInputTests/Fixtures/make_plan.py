#!/usr/bin/env python3
"""Writes plan.xlsx with openpyxl (pip install openpyxl): an action plan in the shape of an Ofsted (ILACS) plan,
with a title row, the header in row 3 (Ref, Action, Action owner, Due by, Status, BRAG rating, Indicators), each
area for improvement as a heading row over its actions, due dates as date cells (and one as words); the sheet
'Summary' rates each area's activity and impact; the sheet 'Notes' is read by nothing. Illustrative rows, not a
council's. Run from this folder; the workbook is committed.
"""
import datetime
import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = 'Action plan'
sheet['A1'] = 'Ofsted (ILACS) improvement plan'
rows = [
    ['Ref', 'Action', 'Action owner', 'Due by', 'Status', 'BRAG rating', 'Indicators'],
    ['Area for improvement 1: Timeliness of assessments'],
    ['1.1', 'Review the assessment pathway', 'Head of service', datetime.date(2020, 9, 30), 'Workshops held', 'Amber', 'contacts'],
    ['1.2', 'Recruit two team managers', 'Service director', datetime.date(2020, 6, 30), 'Advertised', 'Red', ''],
    ['Area for improvement 2: Quality of supervision'],
    ['2.1', 'Audit supervision records', 'Principal social worker', 'To be agreed with the board', 'Complete', 'Blue', ''],
]
for r, values in enumerate(rows, start=3):
    for c, value in enumerate(values, start=1):
        cell = sheet.cell(row=r, column=c, value=value)
        if isinstance(value, datetime.date):
            cell.number_format = 'dd/mm/yyyy'
summary = book.create_sheet('Summary')
for r, values in enumerate([
    ['Area for improvement', 'Activity RAG', 'Impact RAG', 'How we will monitor and measure impact'],
    ['Area for improvement 1: Timeliness of assessments', 'Amber', 'Red', 'Assessments completed within 45 working days, monthly'],
    ['Area for improvement 2: quality of supervision', 'Blue', 'Amber', 'Quarterly audit of supervision'],
], start=1):
    for c, value in enumerate(values, start=1):
        summary.cell(row=r, column=c, value=value)
book.create_sheet('Notes')['A1'] = 'Drafted for the improvement board'
book.save('plan.xlsx')
