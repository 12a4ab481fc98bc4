"""Runs QualCoder's own REFI-QDA project importer (src/qualcoder/refi.py) headless on a .qdpx and prints what it made.

Not part of `npm test` (it needs a QualCoder checkout): an audit tool. Usage:

    python3 tests/tools/qualcoderImport.py <QualCoder>/src/qualcoder/refi.py export.qdpx

PyQt6 and QualCoder's GUI helpers are stubbed; the importer itself runs unchanged against QualCoder's own SQLite
schema (the tables it writes, as QualCoder's __main__.py creates them). Prints JSON: codes, categories, cases with
their linked text, annotations (text notes), journals, codings per source, pictures.
"""

import builtins
import json
import shutil
import sqlite3
import sys
import tempfile
import types
from pathlib import Path

refi_path, qdpx = Path(sys.argv[1]), Path(sys.argv[2])
work = Path(tempfile.mkdtemp(prefix="qualcoder-"))

# A package holding the unchanged importer and stand-ins for the GUI modules it imports.
pkg = work / "qc"
(pkg / "GUI").mkdir(parents=True)
shutil.copy(refi_path, pkg / "refi.py")
(pkg / "__init__.py").write_text("")
(pkg / "GUI" / "__init__.py").write_text("")
(pkg / "GUI" / "ui_dialog_refi_export_endings.py").write_text("class Ui_Dialog_refi_export_line_endings: pass\n")
(pkg / "color_selector.py").write_text("colors = ['#999999'] * 120\ndef color_matcher(c):\n    return c\n")
(pkg / "helpers.py").write_text(
    "class Message:\n    def __init__(self, *a, **k): pass\n    def exec(self): return 0\n"
)


class Anything:
    """Any attribute, any call: the progress dialog and the Qt enums the importer touches."""

    def __init__(self, *a, **k):
        pass

    def __getattr__(self, name):
        return Anything()

    def __call__(self, *a, **k):
        return Anything()


qt = types.ModuleType("PyQt6")
widgets = types.ModuleType("PyQt6.QtWidgets")
core = types.ModuleType("PyQt6.QtCore")
widgets.QProgressDialog = Anything
widgets.QDialog = Anything
widgets.QFileDialog = type(
    "QFileDialog", (), {"getOpenFileName": staticmethod(lambda *a, **k: (str(qdpx), True)), "Option": Anything()}
)
core.Qt = Anything()
qt.QtWidgets, qt.QtCore = widgets, core
sys.modules.update({"PyQt6": qt, "PyQt6.QtWidgets": widgets, "PyQt6.QtCore": core})
builtins._ = lambda s: s
sys.path.insert(0, str(work))

SCHEMA = """
CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, owner text, date text, av_text_id integer, risid integer, unique(name));
CREATE TABLE code_image (imid integer primary key,id integer,x1 integer, y1 integer, width integer, height integer, cid integer, memo text, date text, owner text, important integer, pdf_page integer);
CREATE TABLE code_av (avid integer primary key,id integer,pos0 integer, pos1 integer, cid integer, memo text, date text, owner text, important integer);
CREATE TABLE annotation (anid integer primary key, fid integer,pos0 integer, pos1 integer, memo text, owner text, date text, unique(fid,pos0,pos1,owner));
CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, valuetype text);
CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer, date text, owner text, unique(name,attr_type,id));
CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer, owner text, date text, memo text);
CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text,date text, constraint ucm unique(name));
CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text, supercatid integer, unique(name));
CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer,seltext text, pos0 integer, pos1 integer, owner text, date text, memo text, avid integer, important integer, unique(cid,fid,pos0,pos1, owner));
CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text,date text, color text, supercid integer, unique(name));
CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text, unique(name));
CREATE TABLE project (databaseversion text, date text, memo text,about text, bookmarkfile integer, bookmarkpos integer, codername text, recently_used_codes text, avbookmarkfile integer, avbookmarkmsec integer, avbookmarktextpos integer);
"""

project = work / "project"
for d in ("images", "documents", "audio", "video"):
    (project / d).mkdir(parents=True)
conn = sqlite3.connect(":memory:")
conn.executescript(SCHEMA)
conn.execute("insert into project (databaseversion, memo) values ('v17', '')")


class App:
    def __init__(self):
        self.conn = conn
        self.project_path = str(project)
        self.settings = {"codername": "importer", "directory": str(work), "ai_enable": "False"}
        self.ai_models = None

    def write_config_ini(self, *a):
        pass


log = []


class Log:
    def append(self, s):
        log.append(str(s))


copied = work / "export.qdpx"
shutil.copy(qdpx, copied)
qdpx = copied
import contextlib  # noqa: E402

# The importer prints as it goes (e.g. that vlc is missing): to stderr, so stdout holds only the JSON.
with contextlib.redirect_stdout(sys.stderr):
    from qc.refi import RefiImport

    RefiImport(App(), Log(), "qdpx")

q = lambda sql: [list(r) for r in conn.execute(sql).fetchall()]  # noqa: E731
print(
    json.dumps(
        {
            "codes": q("select name, catid, supercid from code_name order by cid"),
            "categories": q("select name from code_cat order by catid"),
            "cases": q(
                "select cases.name, count(case_text.id) from cases left join case_text on case_text.caseid = cases.caseid "
                "group by cases.caseid order by cases.name"
            ),
            "caseText": q(
                "select cases.name, substr(source.fulltext, case_text.pos0 + 1, case_text.pos1 - case_text.pos0) "
                "from case_text join cases on cases.caseid = case_text.caseid join source on source.id = case_text.fid"
            ),
            "annotations": q(
                "select source.name, annotation.memo, substr(source.fulltext, annotation.pos0 + 1, annotation.pos1 - annotation.pos0) "
                "from annotation join source on source.id = annotation.fid"
            ),
            "journals": q("select name, jentry from journal order by jid"),
            "codings": q(
                "select code_name.name, code_text.seltext, code_text.memo from code_text join code_name on code_name.cid = code_text.cid"
            ),
            "uncodedCodings": q("select count(*) from code_text where cid is null")[0][0],
            "pictures": q("select name, mediapath from source where fulltext is null"),
            "pictureFiles": sorted(p.name for p in (project / "images").iterdir()),
            "log": log,
        },
        ensure_ascii=False,
    )
)
