"""``export --password``: asked for hidden, read from a file or a variable, so it stays out of ``ps``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PasswordType, PdfReader

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library, TalkingPoint, Topic
from briefbook.library.books import new_book

_register()
SECRET = "Mật khẩu ສົມພອນ 7"


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        event = library.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        topic = library.add(Topic(title="Công ước Hà Nội"))
        library.add(TalkingPoint(topic_id=topic.id, text="Thái Lan đồng chủ trì.", status="cleared"))
        return path, new_book(library, event.id, title="Sổ tay", ceiling="Internal").id


def export(book, tmp_path: Path, *args: str, input: str | None = None, env: dict | None = None):
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(
        cli, ["--library", str(book[0]), "export", book[1], "-o", str(out), *args], input=input, env=env
    )
    return result, out


def opens_only_with(path: Path, password: str) -> bool:
    reader = PdfReader(path)
    return (
        reader.is_encrypted
        and reader.decrypt("wrong") == PasswordType.NOT_DECRYPTED
        and (PdfReader(path).decrypt(password) != PasswordType.NOT_DECRYPTED)
    )


@pytest.mark.parametrize("how", [["--password"], ["--password", "-"], ["--password", "-", "--no-printing"]])
def test_the_password_is_asked_for_hidden_and_twice(book, tmp_path: Path, how: list[str]) -> None:
    result, out = export(book, tmp_path, *how, input=f"{SECRET}\n{SECRET}\n")
    assert result.exit_code == 0, result.output
    assert "Password for the PDF" in result.output and "Type it again" in result.output
    assert SECRET not in result.output  # hidden as typed
    assert opens_only_with(out, SECRET)


def test_two_different_answers_are_asked_again(book, tmp_path: Path) -> None:
    result, out = export(book, tmp_path, "--password", input=f"{SECRET}\nother\n{SECRET}\n{SECRET}\n")
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert opens_only_with(out, SECRET)


def test_the_password_from_a_file_or_standard_input(book, tmp_path: Path) -> None:
    file = tmp_path / "pw.txt"
    file.write_text(f"{SECRET}\r\nsecond line ignored\n", "utf-8")
    result, out = export(book, tmp_path, "--password-file", str(file))
    assert result.exit_code == 0, result.output
    assert opens_only_with(out, SECRET)
    result, out = export(book, tmp_path, "--password-file", "-", input=f"{SECRET}\n")
    assert result.exit_code == 0, result.output
    assert opens_only_with(out, SECRET)
    file.write_text("\n", "utf-8")
    result, _ = export(book, tmp_path, "--password-file", str(file))
    assert result.exit_code == 1 and "The PDF password is empty" in result.output
    result, _ = export(book, tmp_path, "--password-file", str(tmp_path / "missing.txt"))
    assert (
        result.exit_code == 1
        and "No such file or directory" in result.output
        and "missing.txt" in result.output
    )


def test_the_password_from_an_environment_variable(book, tmp_path: Path) -> None:
    result, out = export(book, tmp_path, "--password-env", "BB_PW", env={"BB_PW": SECRET})
    assert result.exit_code == 0, result.output
    assert opens_only_with(out, SECRET)
    result, _ = export(book, tmp_path, "--password-env", "BB_NOT_SET")
    assert result.exit_code == 2 and "There is no environment variable BB_NOT_SET" in result.output


def test_one_way_at_a_time_and_the_old_way_still_works(book, tmp_path: Path) -> None:
    result, _ = export(book, tmp_path, "--password", "x", "--password-env", "BB_PW")
    assert (
        result.exit_code == 2 and "Give the password one way: --password or --password-env" in result.output
    )
    result, out = export(book, tmp_path, "--password", SECRET)
    assert result.exit_code == 0 and opens_only_with(out, SECRET)
    help_text = " ".join(CliRunner().invoke(cli, ["export", "--help"]).output.split())
    assert "can be seen by others on this computer" in help_text
