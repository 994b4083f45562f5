#!/usr/bin/env python3
"""Writes the spreadsheet fixtures of the XLSX and ODS readers' tests with writers that are not
ours: Python's openpyxl, LibreOffice (soffice --headless --convert-to) and, for the damaged
workbooks, Python's zipfile. The outputs are committed; the tests read only those.

    pip install openpyxl          # 3.1 (rich text written as inline strings)
    apt-get install libreoffice-calc-nogui
    python3 scripts/make_xlsx_fixtures.py

Writes:
  Examples/nordic-innovation-procurement.xlsx       openpyxl: the Nordic network of
      Graphs/nordic-innovation-procurement.yaml as an `edges` and a `nodes` sheet: integers,
      booleans and text as typed cells, dates as date-formatted cells (yyyy, yyyy-mm or
      yyyy-mm-dd, the YAML date's precision), lists joined with "; " as the CSV writer does.
  Tests/PartnerGraphFormatsTests/Fixtures/spreadsheets/
    openpyxl-types.xlsx       sheets `Actors` and `Ties` (named by --nodes-sheet/--edges-sheet):
                              numbers, booleans, dates of each precision and a date-time,
                              shared strings, inline rich-text strings, sparse rows and cells.
    openpyxl-1904.xlsx        one sheet `Sheet1` (no `edges` sheet) in the 1904 date system.
    openpyxl-formula.xlsx     a formula without a computed value (openpyxl never computes).
    openpyxl-bad-values.xlsx  a weight 'heavy' in C7, a since 'soon' in D3, a boolean weight.
    openpyxl-no-edges.xlsx    two sheets, neither named edges.
    libreoffice-types.xlsx    openpyxl-types.xlsx opened and saved by LibreOffice, with the
                              formulas of a `Ties` column computed and cached by LibreOffice.
    libreoffice-types.ods     the same workbook saved by LibreOffice as OpenDocument.
    libreoffice-edges.xlsx    a CSV edge table converted by LibreOffice: one sheet; and
    libreoffice-edges.ods     the same as OpenDocument (its TRUE and FALSE are booleans, which
                              the .ods of the xlsx keeps as the numbers of TRUE() and FALSE()).
    damaged-*.xlsx            not a ZIP, truncated, no workbook part, a missing sheet part,
                              malformed sheet XML, a part declaring 4 GB, a part larger than it
                              declares, a damaged deflate stream, a deflate stream that never ends.
"""
import datetime
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import yaml
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "PartnerGraphFormatsTests", "Fixtures", "spreadsheets")


def fixed(path):
    """Gives every ZIP entry one fixed time, so the committed files change only with content."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            info.date_time = (2024, 1, 1, 0, 0, 0)
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def save(book, path):
    book.properties.created = book.properties.modified = datetime.datetime(2024, 1, 1)
    book.save(path)
    fixed(path)
    print("wrote", os.path.relpath(path, ROOT))


# --- The Nordic network -------------------------------------------------------------------

def date_cell(ws, row, column, text):
    """A YAML partial date as a date-formatted cell of its precision."""
    parts = [int(p) for p in text.split("-")]
    cell = ws.cell(row=row, column=column, value=datetime.datetime(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1))
    cell.number_format = ["yyyy", "yyyy-mm", "yyyy-mm-dd"][len(parts) - 1]


def value_cell(ws, row, column, value):
    if isinstance(value, dict) and set(value) == {"date"}:
        date_cell(ws, row, column, value["date"])
    elif isinstance(value, list):
        ws.cell(row=row, column=column, value="; ".join(str(v) for v in value))
    else:
        ws.cell(row=row, column=column, value=value)


def nordic():
    with open(os.path.join(ROOT, "Graphs", "nordic-innovation-procurement.yaml"), encoding="utf-8") as f:
        g = yaml.safe_load(f)
    book = openpyxl.Workbook()
    nodes = book.active
    nodes.title = "nodes"
    edges = book.create_sheet("edges")

    known = ["id", "kind", "label", "originalName", "country"]
    extra = []
    for n in g["nodes"]:
        for k in n.get("attributes", {}):
            if k not in extra:
                extra.append(k)
    header = known + extra
    nodes.append(header)
    for r, n in enumerate(g["nodes"], start=2):
        for c, k in enumerate(known, start=1):
            if k in n:
                nodes.cell(row=r, column=c, value=n[k])
        for k, v in n.get("attributes", {}).items():
            value_cell(nodes, r, header.index(k) + 1, v)

    known = ["source", "target", "relation", "since", "until"]
    extra = []
    for e in g["edges"]:
        for k in e.get("attributes", {}):
            if k not in extra:
                extra.append(k)
    header = known + extra
    edges.append(header)
    for r, e in enumerate(g["edges"], start=2):
        edges.cell(row=r, column=1, value=e["from"])
        edges.cell(row=r, column=2, value=e["to"])
        edges.cell(row=r, column=3, value=e["relation"])
        for c, k in ((4, "since"), (5, "until")):
            if k in e:
                date_cell(edges, r, c, e[k])
        for k, v in e.get("attributes", {}).items():
            value_cell(edges, r, header.index(k) + 1, v)
    save(book, os.path.join(ROOT, "Examples", "nordic-innovation-procurement.xlsx"))


# --- Typed cells ----------------------------------------------------------------------------

def types_book():
    book = openpyxl.Workbook()
    actors = book.active
    actors.title = "Actors"
    actors.append(["id", "kind", "label", "country", "founded", "budget", "stateOwned", "opened", "note"])
    actors.append(["lup", "programme", "Leverandørutviklingsprogrammet", "Norway", 2010, 12.5, False, None, "shared"])
    actors.append(["dfo", "organisation", "DFØ", "Norway", 2016, 3, True, None, None])
    # Row 4 is left empty; row 5 is sparse: only A, B and F.
    actors["A5"] = "co-pi"
    actors["B5"] = "organisation"
    actors["F5"] = 0.25
    # Inline rich text (openpyxl writes CellRichText as an inline string with runs).
    actors["C5"] = CellRichText([TextBlock(InlineFont(b=True), "CO"), "-", TextBlock(InlineFont(i=True), "PI")])
    actors["I5"] = CellRichText(["ø/æ/å ", TextBlock(InlineFont(b=True), "Ø/Æ/Å")])
    # Dates: a day, a month, a year, and a date-time (its time is dropped).
    actors["H2"] = datetime.date(2010, 3, 1)
    actors["H3"] = datetime.datetime(2016, 1, 1)
    actors["H3"].number_format = "yyyy-mm"
    actors["H5"] = datetime.datetime(2022, 10, 27, 14, 30)
    actors["A6"] = "keino"
    actors["G6"] = True
    actors["H6"] = datetime.datetime(2018, 1, 1)
    actors["H6"].number_format = "yyyy"
    actors["E6"] = 2018

    ties = book.create_sheet("Ties")
    ties.append(["source", "target", "relation", "weight", "since", "until", "share", "confirmed", "delegates", "double"])
    ties.append(["dfo", "lup", "founded", 1, datetime.date(2010, 1, 1), None, 0.5, True, None])
    ties["E2"].number_format = "yyyy"
    ties.append(["lup", "co-pi", "partners-with", 2.5, "2022-10", datetime.date(2022, 10, 28), None, False, 6])
    ties["F3"].number_format = "d mmmm yyyy"
    # Row 4: sparse, written out of order (openpyxl sorts the cells of a row itself).
    ties["B4"] = "keino"
    ties["A4"] = "lup"
    ties["I4"] = 6
    # Formulas: openpyxl writes no cached value; LibreOffice computes and caches them.
    for r in (2, 3, 4):
        ties[f"J{r}"] = f"=D{r}*2" if r != 4 else "=I4*2"
    return book


def types():
    book = types_book()
    path = os.path.join(OUT, "openpyxl-types.xlsx")
    # The openpyxl fixture keeps no formula: openpyxl cannot compute one (see formula()).
    ws = book["Ties"]
    ws.delete_cols(10)
    save(book, path)


def libreoffice(source, target_ext, name):
    work = tempfile.mkdtemp()
    try:
        src = os.path.join(work, "in" + os.path.splitext(source)[1])
        shutil.copy(source, src)
        out = os.path.join(work, "out")
        filt = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods"}[target_ext]
        # CSV: comma-separated, quoted with ", UTF-8 (76), from line 1, English (1033),
        # quoted fields not forced to text, special numbers (dates, TRUE) detected.
        infilter = ["--infilter=CSV:44,34,76,1,,1033,false,true"] if src.endswith(".csv") else []
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(work, "profile")] + infilter
                       + ["--convert-to", filt, "--outdir", out, src], check=True, stdout=subprocess.DEVNULL)
        produced = os.path.join(out, "in." + target_ext)
        target = os.path.join(OUT, name)
        shutil.copy(produced, target)
        print("wrote", os.path.relpath(target, ROOT), "(LibreOffice)")
    finally:
        shutil.rmtree(work)


def libreoffice_files():
    work = tempfile.mkdtemp()
    try:
        source = os.path.join(work, "types.xlsx")
        types_book().save(source)
        libreoffice(source, "xlsx", "libreoffice-types.xlsx")
        libreoffice(source, "ods", "libreoffice-types.ods")
        csv = os.path.join(work, "edges.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("source,target,relation,weight,since,active\n"
                    "nho,lup,founded,1,2010-05-01,TRUE\n"
                    "dfo,lup,founded,2.5,2011-01-15,FALSE\n"
                    "Næringslivets Hovedorganisasjon,Forskningsrådet,partners-with,3,2012-12-31,TRUE\n")
        libreoffice(csv, "xlsx", "libreoffice-edges.xlsx")
        libreoffice(csv, "ods", "libreoffice-edges.ods")
    finally:
        shutil.rmtree(work)


def epoch1904():
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    ws = book.active
    ws.append(["source", "target", "since", "signed"])
    ws.append(["a", "b", datetime.date(2022, 10, 27), datetime.date(1904, 1, 1)])
    save(book, os.path.join(OUT, "openpyxl-1904.xlsx"))


def formula():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "edges"
    ws.append(["source", "target", "weight"])
    ws.append(["a", "b", 2])
    ws.append(["b", "c", "=C2*2"])
    save(book, os.path.join(OUT, "openpyxl-formula.xlsx"))


def bad_values():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "edges"
    ws.append(["source", "target", "weight", "since"])
    ws.append(["a", "b", 1, "2020"])
    ws.append(["b", "c", 2, "soon"])
    ws.append(["c", "d", True, None])
    ws.append(["d", "e", 3, None])
    ws.append(["e", "f", 4, None])
    ws.append(["f", "g", "heavy", None])
    save(book, os.path.join(OUT, "openpyxl-bad-values.xlsx"))


def no_edges():
    book = openpyxl.Workbook()
    book.active.title = "Ties"
    book["Ties"].append(["source", "target"])
    book.create_sheet("Actors").append(["id"])
    save(book, os.path.join(OUT, "openpyxl-no-edges.xlsx"))


# --- Damaged workbooks ------------------------------------------------------------------------

def small_book():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "edges"
    ws.append(["source", "target"])
    ws.append(["a", "b"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(data, change):
    """The workbook's entries, passed through change(name, bytes) -> bytes or None (left out)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                info.date_time = (2024, 1, 1, 0, 0, 0)
                z.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def patch_sizes(data, name, size):
    """Sets the uncompressed size that the central directory and local header give `name`."""
    data = bytearray(data)
    encoded = name.encode()
    i = data.find(b"PK\x01\x02" + b"")
    while i != -1:
        name_length = struct.unpack_from("<H", data, i + 28)[0]
        if bytes(data[i + 46:i + 46 + name_length]) == encoded:
            struct.pack_into("<I", data, i + 24, size)
            offset = struct.unpack_from("<I", data, i + 42)[0]
            struct.pack_into("<I", data, offset + 22, size)
        i = data.find(b"PK\x01\x02", i + 4)
    return bytes(data)


def damaged():
    good = small_book()
    sheet = "xl/worksheets/sheet1.xml"

    def write(name, data):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print("wrote", os.path.relpath(os.path.join(OUT, name), ROOT))

    write("damaged-not-a-zip.xlsx", b"source,target\na,b\n")
    write("damaged-truncated.xlsx", good[: len(good) // 2])
    write("damaged-no-workbook.xlsx", rewrite(good, lambda n, d: None if n == "xl/workbook.xml" else d))
    write("damaged-no-sheet-part.xlsx", rewrite(good, lambda n, d: None if n == sheet else d))
    write("damaged-malformed-sheet.xlsx", rewrite(good, lambda n, d: d[: len(d) * 2 // 3] if n == sheet else d))
    # A part whose headers declare 4 GB (the data is the real, small sheet).
    write("damaged-huge-part.xlsx", patch_sizes(rewrite(good, lambda n, d: d), sheet, 0xFFFFFFF0))
    # A part that unpacks to far more than it declares: 20 MB of spaces before the sheet's end
    # tag, declared as its real size before the padding.
    def padded(n, d):
        assert d.endswith(b"</worksheet>") or n != sheet
        return d.replace(b"</worksheet>", b" " * 20_000_000 + b"</worksheet>") if n == sheet else d
    bomb = rewrite(good, padded)
    write("damaged-larger-than-declared.xlsx", patch_sizes(bomb, sheet, len(zipfile.ZipFile(io.BytesIO(good)).read(sheet))))
    # Damaged compressed data: bytes in the middle of the sheet's deflate stream overwritten.
    data = bytearray(rewrite(good, lambda n, d: d))
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo(sheet)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 4, start + min(info.compress_size - 2, 40)):
        data[k] ^= 0x5A
    write("damaged-deflate.xlsx", bytes(data))
    # A deflate stream that never ends: the sheet's entry holds the start of a stored block
    # that claims 65,535 bytes, which the archive does not have, and declares 1,000,000 bytes
    # unpacked (more than the whole archive), so that only the end of the input stops it.
    stream = b"\x00\xff\xff\x00\x00" + b"<"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zipfile.ZipFile(io.BytesIO(good)).infolist():
            info.date_time = (2024, 1, 1, 0, 0, 0)
            content = zipfile.ZipFile(io.BytesIO(good)).read(info.filename)
            zout.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED if info.filename != sheet else zipfile.ZIP_STORED)
    data = bytearray(out.getvalue())
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo(sheet)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    # Mark the entry deflated and put the endless stream at the start of its data.
    i = bytes(data).find(b"PK\x01\x02")
    while i != -1:
        name_length = struct.unpack_from("<H", data, i + 28)[0]
        if bytes(data[i + 46:i + 46 + name_length]) == sheet.encode():
            struct.pack_into("<H", data, i + 10, 8)
            struct.pack_into("<I", data, i + 20, len(stream))
            struct.pack_into("<I", data, i + 24, 1_000_000)
        i = bytes(data).find(b"PK\x01\x02", i + 4)
    struct.pack_into("<H", data, info.header_offset + 8, 8)
    struct.pack_into("<I", data, info.header_offset + 18, len(stream))
    struct.pack_into("<I", data, info.header_offset + 22, 1_000_000)
    data[start:start + len(stream)] = stream
    write("damaged-endless-deflate.xlsx", bytes(data))


def main():
    os.makedirs(OUT, exist_ok=True)
    nordic()
    types()
    epoch1904()
    formula()
    bad_values()
    no_edges()
    damaged()
    if shutil.which("soffice"):
        libreoffice_files()
    else:
        print("soffice not found: the LibreOffice fixtures are left as they are", file=sys.stderr)


if __name__ == "__main__":
    main()
