"""Bytes to text: each legacy encoding the decoder must keep right, one small fixture each.

Every fixture is a sentence or two written for this file (no third-party text), encoded here.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from builder.corpus.decoding import decode, decode_bytes
from builder.errors import SourceError

X = Path("x.txt")

ENGLISH = ("Ministers said on Tuesday that the council’s plan — a £4.5m rescue of the old pier — "
           "“won’t be enough” for the town’s cafés.\r\nThe vote is due in March.\r\n")


def guess(text: str, encoding: str):
    return decode(text.encode(encoding), X)


# --- the reason for this decoder: English news in Windows-1252 -------------------------------------

def test_cp1252_english_with_typographic_punctuation() -> None:
    d = guess(ENGLISH, "cp1252")
    assert d.text == ENGLISH.replace("\r\n", "\n")
    assert d.encoding.startswith("cp1252 (detected") and d.confident


@pytest.mark.parametrize("text", [
    "Shares rose 3% to £41.20 after the results.",           # one pound sign (0xA3: Ł in cp1250, ú in cp850)
    "It wasn’t clear who would pay for the repairs.",       # one apostrophe (0x92: í in Mac Roman)
    "The firm said it had “no comment” on the report.",     # one pair of quotes (ô ö in cp852)
    "The talks — held in Paris — ended without a deal.",    # dashes (ó in Mac Roman)
])
def test_cp1252_one_typographic_character_is_enough(text: str) -> None:
    d = guess(text * 2, "cp1252")
    assert d.text == text * 2 and d.encoding.startswith("cp1252 (detected") and d.confident


def test_latin1_reads_as_cp1252_the_same_text() -> None:
    # ISO-8859-1 without 0x80-0x9F bytes is byte for byte Windows-1252 (WHATWG decodes it so)
    text = "Le café de la gare a fermé ses portes après trente-deux ans, à la surprise générale."
    d = guess(text, "latin-1")
    assert d.text == text and d.encoding.startswith("cp1252 (detected")


# --- the other Western encodings --------------------------------------------------------------------

def test_iso_8859_15_oe_and_euro() -> None:
    text = "Le chœur de l’œuvre coûte 12 € la place, et le billet pour la sœur du maître autant."
    text = text.replace("’", "'")  # ISO-8859-15 has no curly apostrophe
    d = guess(text, "iso8859_15")
    assert d.text == text and d.encoding.startswith("iso-8859-15 (detected")


def test_mac_roman_english() -> None:
    d = guess(ENGLISH.replace("\r\n", "\r"), "mac_roman")
    assert d.text == ENGLISH.replace("\r\n", "\n") and d.encoding.startswith("mac-roman (detected")


# --- Central European: here cp1250 IS right -----------------------------------------------------------

def test_cp1250_polish() -> None:
    text = "Wczoraj w Łodzi otwarto nową bibliotekę; źródła mówią, że ściany pomalują jesienią."
    d = guess(text, "cp1250")
    assert d.text == text and d.encoding.startswith("cp1250 (detected") and d.confident


def test_iso_8859_2_czech() -> None:
    # š ž ť sit at 0xB9 0xBE 0xBB in ISO-8859-2, where cp1250 has ą ľ »
    text = "Nejvyšší soud už v úterý rozhodl, že žaloba města byla oprávněná a stížnost zamítl."
    d = guess(text, "iso8859_2")
    assert d.text == text and d.encoding.startswith("iso-8859-2 (detected")


# --- Cyrillic and Greek ---------------------------------------------------------------------------------

RUSSIAN = "Вчера в Москве открылась новая библиотека, и первые читатели пришли уже утром."


@pytest.mark.parametrize("encoding, name", [("cp1251", "cp1251"), ("koi8_r", "koi8-r")])
def test_russian(encoding: str, name: str) -> None:
    d = guess(RUSSIAN, encoding)
    assert d.text == RUSSIAN and d.encoding.startswith(f"{name} (detected") and d.confident


def test_iso_8859_7_greek() -> None:
    text = "Η νέα βιβλιοθήκη της πόλης άνοιξε χθες και οι πρώτοι αναγνώστες ήρθαν νωρίς το πρωί."
    d = guess(text, "iso8859_7")
    assert d.text == text and d.encoding.startswith("iso-8859-7 (detected")


# --- CJK ---------------------------------------------------------------------------------------------------

JAPANESE = "昨日、市内に新しい図書館が開館し、朝から多くの利用者が訪れた。"
CHINESE = "昨天市里新建的图书馆正式开放，一大早就有很多读者前来借书。"
TRADITIONAL = "昨天市裡新建的圖書館正式開放，一大早就有很多讀者前來借書。"
KOREAN = "어제 시내에 새 도서관이 문을 열었고, 아침부터 많은 시민이 찾아왔다."


@pytest.mark.parametrize("text, encoding, name", [
    (JAPANESE, "shift_jis", "shift_jis"),
    (JAPANESE, "euc_jp", "euc-jp"),
    (CHINESE, "gbk", "gbk"),
    (CHINESE + "𠀀", "gb18030", "gb18030"),  # a character only GB18030's four-byte form has
    (TRADITIONAL, "big5", "big5"),
    (KOREAN, "euc_kr", "euc-kr"),
])
def test_cjk(text: str, encoding: str, name: str) -> None:
    d = guess(text * 2, encoding)
    assert d.text == text * 2 and d.encoding.startswith(f"{name} (detected")


# --- Unicode -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, name", [
    (ENGLISH.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "utf-8 (BOM)"),
    (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), "utf-16 (BOM)"),
    (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16 (BOM)"),  # NUL bytes, but not binary
])
def test_unicode(data: bytes, name: str) -> None:
    d = decode(data, X)
    assert d.text == ENGLISH.replace("\r\n", "\n") and d.encoding == name and d.confident


# --- an encoding we do not list: the detector's guess joins the candidates -----------------------------

def test_hebrew_cp1255_through_the_detector() -> None:
    text = "אתמול נפתחה בעיר ספרייה חדשה, וכבר בבוקר הגיעו אליה קוראים רבים מכל השכונות. " * 3
    d = guess(text, "cp1255")
    assert d.text == text and d.encoding.startswith("cp1255 (detected")


# --- confidence ------------------------------------------------------------------------------------------------

def test_two_plausible_readings_are_not_confident() -> None:
    # Slovak "I think so" in ISO-8859-2: 0xBE is ž there and ľ in cp1250, both Slovak letters
    d = decode("Myslím, že áno.".encode("iso8859_2"), X)
    assert d.text in ("Myslím, že áno.", "Myslím, ľe áno.")
    assert not d.confident and {d.encoding.split(" ")[0], d.alternative} == {"cp1250", "iso-8859-2"}


def test_long_text_is_confident() -> None:
    text = "Myslím, že áno. Nejvyšší soud už rozhodl, že žaloba byla oprávněná. " * 3
    d = decode(text.encode("iso8859_2"), X)
    assert d.text == text and d.confident and d.alternative is None


def test_decode_bytes_returns_text_name_and_confidence() -> None:
    assert decode_bytes(ENGLISH.encode("cp1252")) == (ENGLISH, "cp1252", True)


# --- unchanged behaviour -------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\x00\x01\x02binary\x00"], ids=["empty", "whitespace", "binary"])
def test_unusable_bytes_are_a_source_error(data: bytes) -> None:
    with pytest.raises(SourceError):
        decode(data, X)


def test_stray_control_characters_are_dropped_and_newlines_normalised() -> None:
    assert decode(b"a\x02b" + b" and more text" * 20, X).text == "ab" + " and more text" * 20
    assert decode(b"One\r\nTwo\rThree", X).text == "One\nTwo\nThree"


def test_an_uncertain_guess_says_so_in_the_name_the_page_shows() -> None:
    d = decode("Myslím, že áno.".encode("iso8859_2"), X)
    assert not d.confident and "uncertain" in d.encoding and str(d.alternative) in d.encoding


def test_the_build_summary_names_articles_whose_encoding_is_uncertain(tmp_path: Path) -> None:
    from builder.build import Settings, run
    from builder.summary import lines

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "slovak.txt").write_bytes("Myslím, že áno.\n\nToto je druhý odsek textu.\n".encode("iso8859_2"))
    (seeds / "plain.txt").write_text("Plain text.\n\nAnother paragraph here.\n", encoding="utf-8")
    summary = lines(run(Settings(seeds=seeds, docs=tmp_path / "docs"), write=False))
    assert any(line.startswith("encoding uncertain: slovak.txt") for line in summary), summary
