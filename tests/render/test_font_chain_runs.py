"""A text cut into runs of the font drawing each part: spaces between two runs of one
script font join them, however long the text (a Thai report pasted as one paragraph
is one run, made in time linear in its length: ``bench/export.py --cases thaipara-1000``)."""

from __future__ import annotations

from briefbook.render.font_chain import chain_for
from briefbook.render.template import load_template

THAI = "ประเทศไทยให้ความสำคัญกับความร่วมมือระหว่างประเทศ"


def _chain():
    t = load_template("formal-a4")
    return chain_for(t.body_font, t.thai_font)


def test_spaces_between_thai_join_one_thai_run_of_any_length() -> None:
    chain = _chain()
    text = " ".join([THAI] * 20_000)
    runs = chain.runs(text)
    assert len(runs) == 1
    index, run = runs[0]
    assert index > 0 and chain.fonts[index].script != "emoji"
    assert run == text


def test_a_latin_word_between_thai_keeps_its_own_run() -> None:
    chain = _chain()
    text = f"{THAI} {THAI} (Sihasak) {THAI}  {THAI}"
    runs = chain.runs(text)
    assert "".join(run for _i, run in runs) == text
    assert [run for _i, run in runs] == [f"{THAI} {THAI}", " (Sihasak) ", f"{THAI}  {THAI}"]
    assert runs[0][0] == runs[2][0] > 0 and runs[1][0] == 0
