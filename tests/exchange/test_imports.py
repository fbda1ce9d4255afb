"""Imports: Word talking points, news articles as statements, contact lists; each twice, each hostile."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.errors import BriefBookError
from briefbook.exchange.articles import answer, propose_statements
from briefbook.exchange.contacts import propose_people
from briefbook.exchange.proposals import apply_proposal
from briefbook.exchange.word_points import propose_talking_points
from briefbook.library import Library, Organisation, Person, Statement, TalkingPoint, Topic
from tests.exchange.make_docs import talking_points_docx

_register()

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"  # shared/ sits beside the repository
ARTICLES = Path(__file__).parent / "articles"

# Hand counts: (file, statements, speakers in order)
HAND_COUNTS = [
    (
        "000_11dd02c75d774d0a.txt",
        ["Sihasak Phuangketkeow"] * 2 + ["Delphine Schantz"] + ["Lê Anh Tuấn"] * 3 + ["Việt Nam"],
    ),
    ("001_4feb2cef45e3370a.txt", ["Phạm Thu Hằng"] * 4),
    (
        "en_reuters.txt",
        ["Sihasak Phuangketkeow", "Delphine Schantz", "Delphine Schantz", "Le Anh Tuan", "Kim Sung-ho"],
    ),
    ("vi_quotes.txt", ["António Guterres", "Phạm Minh Chính", "Phạm Minh Chính", "Ghada Waly"]),
    ("en_page.html", ["Pham Thu Hang"] * 3),
]


def _article(name: str) -> Path:
    seeds = Path("/work/shared/seeds") if not SEEDS.is_dir() else SEEDS
    return seeds / name if name[0].isdigit() else ARTICLES / name


@pytest.mark.parametrize("name, speakers", HAND_COUNTS)
def test_statements_found_match_the_hand_count(library: Library, name: str, speakers: list[str]) -> None:
    path = _article(name)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    proposal = propose_statements(library, path)
    found = [i.record.speaker_name for i in proposal.items if isinstance(i.record, Statement)]
    assert found == speakers


def test_captions_and_bylines_are_not_statements(library: Library) -> None:
    proposal = propose_statements(library, ARTICLES / "vi_quotes.txt")
    texts = " ".join(i.record.text for i in proposal.items if isinstance(i.record, Statement))
    assert "Nhật Bắc" not in texts and "Minh Anh" not in texts
    html = propose_statements(library, ARTICLES / "en_page.html")
    assert not any("following the situation" in i.record.text for i in html.items if i.kind == "statement")
    assert "alert" not in " ".join(i.record.text for i in html.items if i.kind == "statement")


def test_speaker_matched_by_folded_name_and_new_person_proposed(library: Library, filled: dict) -> None:
    proposal = propose_statements(library, _article("000_11dd02c75d774d0a.txt"))
    statements = [i.record for i in proposal.items if isinstance(i.record, Statement)]
    assert statements[0].speaker_id == filled["thai"].id  # matched by the romanised name
    assert statements[3].speaker_id == filled["person"].id  # Lê Anh Tuấn, matched
    new = [i.record for i in proposal.items if isinstance(i.record, Person)]
    assert [(p.name, p.position) for p in new] == [
        ("Delphine Schantz", "đại diện UNOCD tại khu vực Đông Nam Á và Thái Bình Dương")
    ]


def test_year_asked_source_offered_then_import_twice_adds_nothing(library: Library) -> None:
    proposal = propose_statements(library, _article("000_11dd02c75d774d0a.txt"))
    assert "year" in proposal.questions and proposal.questions["source"] == "TTXVN"
    answer(proposal, year=2025, source="TTXVN, 17/12/2025")
    written = apply_proposal(library, proposal)
    assert written["added"] == 7 + 3  # 7 statements, 3 new people
    stored = library.list(Statement)
    assert {s.date for s in stored} == {"2025-12-17"} and {s.source for s in stored} == {"TTXVN, 17/12/2025"}
    again = propose_statements(library, _article("000_11dd02c75d774d0a.txt"))
    assert again.counts()["new"] == 0
    apply_proposal(library, again)
    assert library.count(Statement) == 7 and library.count(Person) == 3


def test_word_talking_points(library: Library, tmp_path: Path) -> None:
    existing = library.add(Topic(title="Online Scams"))
    path = talking_points_docx(tmp_path / "points.docx")
    proposal = propose_talking_points(library, path)
    topics = [i.record for i in proposal.items if isinstance(i.record, Topic)]
    assert [t.title for t in topics] == ["Công ước Hà Nội"]  # "Online scams" maps onto the existing topic
    points = [i.record for i in proposal.items if isinstance(i.record, TalkingPoint)]
    first = points[0].text
    assert "**hoan nghênh**" in first and "*Công ước*" in first and "[UNODC](https://www.unodc.org/)" in first
    assert points[1].text == (
        "Việt Nam đề nghị các nước:\n- phê chuẩn sớm;\n- chia sẻ thông tin \\*kịp thời\\*;\n"
        "  - kể cả bằng chứng điện tử."
    )
    assert [p.kind for p in points] == ["key_message", "key_message", "reactive", "press_line", "qa",
                                        "reactive", "key_message", "key_message"]  # fmt: skip
    qa = points[4]
    assert qa.question == "Will Viet Nam join the partnership?" and qa.text.startswith("Viet Nam is studying")
    assert points[3].topic_id == existing.id and points[3].language == "en"
    written = apply_proposal(library, proposal)
    assert written["added"] == 9
    again = propose_talking_points(library, path)
    assert again.counts() == {"new": 0, "existing": 8, "merge": 0, "dropped": 0}


def test_dropped_topic_drops_its_points(library: Library, tmp_path: Path) -> None:
    proposal = propose_talking_points(library, talking_points_docx(tmp_path / "p.docx"))
    proposal.items[0].accepted = False  # the new topic "Công ước Hà Nội"
    apply_proposal(library, proposal)
    assert library.count(Topic) == 1 and library.count(TalkingPoint) == 5
    assert any("was not imported" in m for m in proposal.messages)


def test_contacts_csv_mapping_merge_and_twice(library: Library, filled: dict, tmp_path: Path) -> None:
    org = library.add(Organisation(name="Bộ Ngoại giao Việt Nam", acronym="MOFA"))
    library.update(Person, filled["person"].id, organisation_id=org.id)
    path = tmp_path / "contacts.csv"
    path.write_text(
        "Họ và tên;Chức vụ;Cơ quan;Email;Sở thích\n"
        "Lê Anh Tuấn;Thứ trưởng;MOFA;tuan@example.vn;golf\n"
        "ສົມສັກ ພົມມະ;Director;Lao MOFA;;\n",
        encoding="utf-8",
    )
    proposal = propose_people(library, path)
    assert "Họ và tên → name" in proposal.messages[0] and "Cơ quan → organisation" in proposal.messages[0]
    assert "Sở thích" in proposal.messages[1]
    actions = {i.record.display_name: i.action for i in proposal.items}
    assert actions["Lê Anh Tuấn"] == "merge" and actions["ສົມສັກ ພົມມະ"] == "new"
    apply_proposal(library, proposal)
    tuan = library.get(Person, filled["person"].id)
    assert tuan.position == "Thứ trưởng Bộ Ngoại giao"  # never overwritten
    assert "Email: tuan@example.vn" in tuan.notes and "Sở thích: golf" in tuan.notes
    assert library.count(Person) == 3
    again = propose_people(library, path)
    assert again.counts()["new"] == 0 and again.counts()["merge"] == 0


def test_vcard_3_and_4(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Delphine Schantz\r\nN:Schantz;Delphine;;;\r\nORG:UNODC\r\n"
        "TITLE:Regional Representative\r\nEMAIL:d@example.org\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:สีหศักดิ์ พวงเกตุแก้ว\r\nORG:Thai MFA\r\nTITLE:Minister\r\n"
        "ADR:;;;Bangkok;;;Thailand\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    proposal = propose_people(library, path)
    people = [i.record for i in proposal.items if isinstance(i.record, Person)]
    assert [(p.name, p.position) for p in people] == [
        ("Delphine Schantz", "Regional Representative"),
        ("สีหศักดิ์ พวงเกตุแก้ว", "Minister"),
    ]
    assert "Email: d@example.org" in people[0].notes and people[1].country == "Thailand"
    apply_proposal(library, proposal)
    assert propose_people(library, path).counts()["new"] == 0


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("a.docx", b"not a zip", "not a Word document"),
        ("a.csv", b"x;y\n1;2\n", "no column of names"),
        ("a.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", "no contact cards"),
        ("a.txt", b"\x00\x01binary", "not a text"),
        ("a.pdf", b"%PDF", "CSV file or vCards"),
    ],
)
def test_broken_files_are_refused(library: Library, tmp_path: Path, name, data, message) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    kind = {"docx": "tp", "csv": "people", "vcf": "people", "txt": "st", "pdf": "people"}[name.split(".")[1]]
    with pytest.raises(BriefBookError, match=message):
        if kind == "tp":
            propose_talking_points(library, path)
        elif kind == "st":
            propose_statements(library, path)
        else:
            propose_people(library, path)


def test_sizes_are_bounded_while_reading(library: Library, tmp_path: Path, monkeypatch) -> None:
    from briefbook.exchange import article_text, docx_reader

    monkeypatch.setattr(article_text, "MAX_ARTICLE", 100)
    big = tmp_path / "big.txt"
    big.write_text("x" * 1000)
    with pytest.raises(BriefBookError, match="larger than"):
        propose_statements(library, big)
    with pytest.raises(BriefBookError, match="larger than"):
        propose_statements(library, Path("/dev/zero"))
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 1000)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b" " * 100_000)
    with pytest.raises(BriefBookError, match="unpacks to more than"):
        propose_talking_points(library, bomb)


def test_cli_import_dry_run_confirm_and_questions(library_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(
            cli, ["--library", str(library_path), *args], input=input, catch_exceptions=False
        )

    assert run("init").exit_code == 0
    seed = str(_article("001_4feb2cef45e3370a.txt"))
    dry = run("import", seed, "--as", "statements", "--dry-run")
    assert "5 new" in dry.output and "Nothing was written" in dry.output  # 4 statements, 1 person
    refused = run("import", seed, "--as", "statements", input="2025\n\nn\n")
    assert "Nothing was written" in refused.output
    with Library.open(library_path) as lib:
        assert lib.count(Statement) == 0
    done = run("import", seed, "--as", "statements", input="2025\nBộ Ngoại giao\ny\n")
    assert "Added 5" in done.output, done.output  # 4 statements and the spokesperson
    with Library.open(library_path) as lib:
        assert {s.date for s in lib.list(Statement)} == {"2025-11-06"}
        assert {s.source for s in lib.list(Statement)} == {"Bộ Ngoại giao"}
    twice = run("import", seed, "--as", "statements", "--year", "2025", "--source", "x", "--yes")
    assert "Nothing new to import" in twice.output
    bad = run("import", seed, "--as", "people", "--event", "x")
    assert bad.exit_code == 1 and "do not apply" in bad.output


def test_cli_pasted_article_from_standard_input(library_path: Path) -> None:
    runner = CliRunner()
    text = (ARTICLES / "vi_quotes.txt").read_text(encoding="utf-8")

    def run(*args: str):
        return runner.invoke(cli, ["--library", str(library_path), *args], input=text, catch_exceptions=False)

    assert run("init").exit_code == 0
    dry = run("import", "-", "--as", "statements", "--dry-run").output
    assert "pasted text: 7 new" in dry and "Nothing was written" in dry  # 4 statements, 3 people
    refused = run("import", "-", "--as", "statements")
    assert refused.exit_code == 1 and "--yes" in refused.output
    done = run("import", "-", "--as", "statements", "--yes", "--source", "VOV")
    assert done.exit_code == 0, done.output
    with Library.open(library_path) as lib:
        assert lib.count(Statement) == 4 and {s.date for s in lib.list(Statement)} == {"2025-10-25"}
