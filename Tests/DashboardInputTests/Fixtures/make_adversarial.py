#!/usr/bin/env python3
"""Writes the adversarial workbook fixtures of DashboardInputTests (standard library only).

Run from this folder: python3 make_adversarial.py. The workbooks are committed; this is how they were made.
"""
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def cell(ref, value):
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{esc(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def rows(grid, first_row=1):
    """grid: list of rows, each a list of values (None for no cell), from column A."""
    out = ''
    for r, values in enumerate(grid, start=first_row):
        cells = ''.join(cell(f'{chr(65 + c)}{r}', v) for c, v in enumerate(values) if v is not None)
        out += f'<row r="{r}">{cells}</row>'
    return out


def book(path, sheet, body, shared=None):
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('xl/workbook.xml', f'<workbook {NS}><sheets><sheet name="{esc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    if shared is not None:
        z.writestr('xl/sharedStrings.xml', shared)
    z.writestr('xl/worksheets/sheet1.xml', f'<worksheet {NS}>{body}</worksheet>')
    z.close()


HEAD = ['Indicator', '2024/25 Q1', '2024/25 Q2', '2024/25 Q3', '2024/25 Q4']

# quarters.xlsx: a title row, the table in A3:E5, and the next quarter's column F filled beside it.
book('quarters.xlsx', 'KPI dashboard', '<dimension ref="A1:F5"/><sheetData>'
     + rows([["Children's services KPIs"]])
     + rows([HEAD + ['2025/26 Q1'],
             ['Children looked after', 412, 415, 420, 431, 440],
             ['Contacts', 1200, 1150, 1320, 1290, 1310]], first_row=3)
     + '</sheetData>')

# far.xlsx: about 2 KB declaring A1:XFD1048576, its only filled cell the very last one.
book('far.xlsx', 'Sheet1', '<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')

# uncalculated.xlsx: formulas saved without their results, as a program that does not calculate writes them.
book('uncalculated.xlsx', 'Sheet1', '<sheetData>'
     + rows([['Indicator', '2024/25 Q1', '2024/25 Q2'], ['Children looked after', 412, 415]])
     + '<row r="3"><c r="A3" t="inlineStr"><is><t>Contacts</t></is></c><c r="B3"><f>SUM(B1:B2)</f></c><c r="C3"><f>SUM(C1:C2)</f><v></v></c></row>'
     + '</sheetData>')

# duplicate.xlsx: the cell B2 written twice with different figures.
book('duplicate.xlsx', 'Sheet1', '<sheetData>'
     + rows([['Indicator', '2024/25 Q1', '2024/25 Q2']])
     + '<row r="2"><c r="A2" t="inlineStr"><is><t>Children looked after</t></is></c><c r="B2"><v>412</v></c><c r="B2"><v>999</v></c><c r="C2"><v>415</v></c></row>'
     + '</sheetData>')

# dashes.xlsx: typed en and em dashes as whole cells.
book('dashes.xlsx', 'Sheet1', '<sheetData>'
     + rows([['Indicator', '2024/25 Q1', '2024/25 Q2', '2024/25 Q3'],
             ['Children looked after', 412, '\u2013', 420],
             ['Contacts', '\u2014', 1150, 1320]])
     + '</sheetData>')

# strings-cut.xlsx: 1001 shared texts and then the table is cut off: too many entries, whatever follows.
book('strings-cut.xlsx', 'Sheet1', '<sheetData/>',
     shared=f'<sst {NS}>' + ''.join('<si><t>text %d</t></si>' % i for i in range(1001)) + '<si><t>cut')

# encrypted-info.xlsx: a compound file naming only its EncryptionInfo stream in the first directory sector.
with open('encrypted-info.xlsx', 'wb') as f:
    f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504) + 'EncryptionInfo'.encode('utf-16-le') + bytes(512))
