"""The cost of the scripts work (fallback fonts, shaping with a true text layer, ICU line
breaking) on the PDF renderer, against a minimal reportlab render of the same text.

    python bench/scripts.py [--meetings 50 200] [--paragraph-kb 20 100] [--runs 3]

Cases (documents built directly, so only rendering is timed):

- Thai-heavy: N meeting briefs, each a heading with a Thai name, three paragraphs
  half Thai, a table of counterparts in Thai, Lao and Khmer;
- mixed scripts: the same with Vietnamese paragraphs naming people in Thai, Lao,
  Khmer, Myanmar, Arabic and emoji;
- long paragraph: one paragraph of K kilobytes of Thai and Vietnamese.

Ours: ``render_pdf`` (contents, headers, banner, shaping through
``briefbook.render.pdf_shaping``, ICU word breaks). Floor: a minimal reportlab
render of the same text in a fresh interpreter that never imports our shaping:
``SimpleDocTemplate`` + ``Paragraph``, the same TTF files, the same font switch
per script run, reportlab's own HarfBuzz shaping (``shaping=1``) on the paragraphs
that need it, no contents, headers or word segmentation. Each step runs in a fresh
process; the median of ``--runs`` is shown, wall clock and CPU time (the machine is
shared: CPU time is the steadier comparison). Also: the segmenter's import and per-book
cost, and how many HarfBuzz shapings each word needed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THAI = "การประชุมนานาชาติว่าด้วยความร่วมมือต่อต้านการหลอกลวงทางออนไลน์ข้ามชาติ กระทรวงการต่างประเทศ"
THAI2 = "สีหศักดิ์ พวงเกตุแก้ว ปลัดกระทรวงการต่างประเทศ กล่าวเปิดการประชุม"
VI = "Việt Nam đánh giá cao việc tổ chức hội nghị và các sáng kiến quốc tế chống lừa đảo trực tuyến."
NAMES = [
    "สีหศักดิ์ พวงเกตุแก้ว",
    "ທ່ານ ສອນໄຊ ສີພັນດອນ",
    "ហ៊ុន ម៉ាណែត",
    "ဦးသန်းရွှေ",
    "محمد بن سلمان",
    "Lê Anh Tuấn 🙂",
]


def spec(case: str, size: int) -> dict:
    """The book as plain data (both processes build their own objects from it)."""
    if case == "paragraph":
        unit = f"{THAI} {VI} "
        text = unit * max(1, size * 1024 // len(unit.encode()))
        return {"sections": [{"heading": "Đoạn dài", "paragraphs": [text], "rows": []}]}
    sections = []
    for i in range(size):
        if case == "thai":
            paragraphs = [f"{THAI} {VI}", f"{THAI2} {THAI}", f"{VI} {THAI2}"]
            rows = [[NAMES[0], THAI2], [NAMES[1], "ລັດຖະມົນຕີ"], [NAMES[2], "នាយករដ្ឋមន្ត្រី"]]
            heading = f"{i + 1}. {NAMES[0]}"
        else:
            paragraphs = [
                f"{VI} Ông {NAMES[i % 6]} và {NAMES[(i + 1) % 6]} {VI}",
                VI,
                f"{VI} {NAMES[(i + 3) % 6]}",
            ]
            rows = [[n, VI[:40]] for n in NAMES]
            heading = f"{i + 1}. Gặp {NAMES[i % 6]}"
        sections.append({"heading": heading, "paragraphs": paragraphs, "rows": rows})
    return {"sections": sections}


def ours(data: dict, target: str) -> dict:
    from briefbook.document.model import Document, Heading, Metadata, Paragraph, Run, Table
    from briefbook.render import pdf_shaping, segment
    from briefbook.render.pdf import render_pdf
    from briefbook.render.template import load_template

    blocks = []
    for n, s in enumerate(data["sections"]):
        blocks.append(Heading(2, s["heading"], f"s{n}"))
        blocks += [Paragraph([Run(p)]) for p in s["paragraphs"]]
        if s["rows"]:
            rows = [[[Paragraph([Run(c)])] for c in row] for row in s["rows"]]
            blocks.append(Table(header=[], rows=rows, widths=[1, 2]))
    template = load_template("formal-a4")
    shapes = 0
    original = pdf_shaping.ShapingFont.shape

    def counting(self, text):
        nonlocal shapes
        if text not in self.bb_shapes:
            shapes += 1
        return original(self, text)

    pdf_shaping.ShapingFont.shape = counting
    start, cpu = time.perf_counter(), time.process_time()
    render_pdf(Document(Metadata(title="Bench", banner="PUBLIC"), blocks), template, target)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    info = segment.break_points.cache_info()
    return {"seconds": seconds, "cpu": cpu, "shapings": shapes, "segmented_words": info.misses}


def floor(data: dict, target: str) -> dict:
    """Minimal reportlab, same fonts and font switches, reportlab's own shaping."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from briefbook.render.font_chain import chain_for

    start, cpu = time.perf_counter(), time.process_time()  # like ours: fonts, markup, layout
    chain = chain_for("NotoSerif", "NotoSansThai")
    registered = set()

    def face(font) -> str:
        name = f"F-{font.family}"
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font.file("Regular")), subfontIndex=font.index))
            registered.add(name)
        return name

    def markup(text: str) -> tuple[str, bool]:
        if chain.all_primary(text):
            return text, False
        out = []
        for index, run in chain.runs(text):
            out.append(run if index <= 0 else f'<font face="{face(chain.fonts[index])}">{run}</font>')
        return "".join(out), True

    base = face(chain.fonts[0])
    plain = ParagraphStyle("p", fontName=base, fontSize=11, leading=14.85)
    shaped = ParagraphStyle("s", parent=plain, shaping=1)
    heading = ParagraphStyle("h", parent=plain, fontSize=13.5, leading=17)
    shaped_heading = ParagraphStyle("hs", parent=heading, shaping=1)

    def para(text: str, h: bool = False) -> Paragraph:
        m, complex_text = markup(text)
        style = (shaped_heading if complex_text else heading) if h else (shaped if complex_text else plain)
        return Paragraph(m, style)

    story = []
    for s in data["sections"]:
        story.append(para(s["heading"], True))
        story += [para(p) for p in s["paragraphs"]]
        if s["rows"]:
            story.append(Table([[para(c) for c in row] for row in s["rows"]], colWidths=[150, 300]))
    SimpleDocTemplate(target).build(story)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


def segmenter_cost() -> dict:
    start = time.perf_counter()
    from icu4py.breakers import LineBreaker

    imported = time.perf_counter() - start
    start = time.perf_counter()
    list(LineBreaker(THAI, "th").segments())
    first = time.perf_counter() - start
    return {"import_ms": imported * 1000, "first_break_ms": first * 1000}


def child(step: str, data_path: str, target: str) -> None:
    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    result = {"ours": ours, "floor": floor}[step](data, target)
    print(json.dumps(result))


def run(step: str, data_path: Path, target: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", step, str(data_path), str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, nargs="*", default=[50, 200])
    parser.add_argument("--paragraph-kb", type=int, nargs="*", default=[20, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    cases = [("thai", n) for n in args.meetings] + [("mixed", n) for n in args.meetings]
    cases += [("paragraph", k) for k in args.paragraph_kb]
    folder = Path(tempfile.mkdtemp(prefix="bench-scripts-"))
    print("| case | ours (s) | floor (s) | ratio | ours CPU | floor CPU | CPU ratio | shapings | ICU words |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for case, size in cases:
        data_path = folder / f"{case}-{size}.json"
        data_path.write_text(json.dumps(spec(case, size), ensure_ascii=False), encoding="utf-8")
        ours_runs = [run("ours", data_path, folder / "ours.pdf") for _ in range(args.runs)]
        floor_runs = [run("floor", data_path, folder / "floor.pdf") for _ in range(args.runs)]
        a = statistics.median(r["seconds"] for r in ours_runs)
        b = statistics.median(r["seconds"] for r in floor_runs)
        ca = statistics.median(r["cpu"] for r in ours_runs)
        cb = statistics.median(r["cpu"] for r in floor_runs)
        label = f"{case} {size} KB" if case == "paragraph" else f"{case} {size} meetings"
        print(
            f"| {label} | {a:.2f} | {b:.2f} | {a / b:.2f}× | {ca:.2f} | {cb:.2f} | {ca / cb:.2f}× "
            f"| {ours_runs[0]['shapings']} | {ours_runs[0]['segmented_words']} |"
        )
    cost = segmenter_cost()
    print(f"\nICU import {cost['import_ms']:.1f} ms; first break call {cost['first_break_ms']:.1f} ms")


if __name__ == "__main__":
    main()
