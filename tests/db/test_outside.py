"""The guard of files from outside: only regular files, read within their limits however they
lie, and every failure told as a sentence that names the file and the cause."""

from __future__ import annotations

import errno
import io
import os
import re
import threading
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from db.errors import FileRefused, StorageError
from db.schema.fields import Group, Parts, Text
from db.schema.kinds import KINDS
from db.store import outside
from db.store.outside import (
    LIMITS,
    GuardedZip,
    limit,
    open_outside,
    read_outside,
    reason_of,
    regular_file,
    written,
)
from tests import hostile

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev are POSIX's")
DOCS = Path(__file__).parents[2] / "docs" / "security.md"


def with_limit(monkeypatch, key: str, value: int) -> None:
    monkeypatch.setitem(outside.BY_KEY, key, replace(limit(key), value=value))


# -- regular files only ----------------------------------------------------------------------------
@POSIX
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (hostile.named_pipe, "is a named pipe, not a backup"),
        (hostile.link_to_zeros, "is a device, not a backup"),
        (hostile.link_to_device, "is a device, not a backup"),
        (hostile.folder_named_like_a_file, "is a folder, not a backup: choose a file in it"),
    ],
)
def test_only_a_regular_file_passes_and_the_refusal_says_what_it_is(tmp_path, make, words):
    path = make(tmp_path)
    with pytest.raises(FileRefused) as refused:
        regular_file(path, "a backup")
    assert isinstance(refused.value, StorageError)  # what restore expects
    assert str(refused.value).startswith(f"{path} {words}")


def test_a_link_to_a_regular_file_is_followed_and_a_missing_file_is_named(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert regular_file(link, "an exchange file") == link
    with pytest.raises(FileRefused, match=r"Cannot read .*gone\.json: there is no such file"):
        regular_file(tmp_path / "gone.json", "an exchange file")


@POSIX
def test_a_pipe_swapped_in_after_the_look_is_refused_without_waiting(tmp_path, monkeypatch):
    pipe = hostile.named_pipe(tmp_path)
    real_stat = os.stat
    monkeypatch.setattr(
        outside.os, "stat", lambda p, *a, **k: real_stat(__file__) if p == pipe else real_stat(p)
    )
    result: list[BaseException] = []

    def read() -> None:
        try:
            read_outside(pipe, "an exchange file", limit("exchange_bytes"))
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            result.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "opening the pipe waited for a writer"
    assert isinstance(result[0], FileRefused) and "is a named pipe" in str(result[0])


# -- bytes ------------------------------------------------------------------------------------------
def test_a_file_larger_than_its_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 2000)
    with_limit(monkeypatch, "exchange_bytes", 1000)
    monkeypatch.setattr(outside, "_Counted", None)  # reading would fail: it must not start
    with pytest.raises(FileRefused) as refused:
        read_outside(path, "an exchange file", limit("exchange_bytes"))
    assert (
        str(refused.value) == "big.json (2,000 bytes): an exchange file may be at most 1,000 bytes."
    )
    assert refused.value.limit == "exchange_bytes"


def test_a_file_that_grows_while_it_is_read_is_refused_at_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "growing.csv"
    path.write_bytes(b"a,b\n" * 100)
    with_limit(monkeypatch, "spreadsheet_bytes", 1000)
    with (
        pytest.raises(FileRefused, match="a spreadsheet may be at most 1,000 bytes"),
        open_outside(path, "a spreadsheet", limit("spreadsheet_bytes")) as stream,
    ):
        with path.open("ab") as more:
            more.write(b"c,d\n" * 1000)
        while stream.read(100):
            pass


def test_sizes_are_written_as_an_officer_reads_them():
    assert written(64 * outside.MB, "bytes") == "64 MB"
    assert written(outside.GB, "bytes") == "1 GB"
    assert written(1536 * 1024, "bytes") == "1.5 MB"
    assert written(512, "bytes") == "512 bytes"
    assert written(100_000, "rows") == "100,000"
    refusal = limit("spreadsheet_bytes").too_large("a.csv", 64 * outside.MB + 1)
    assert "(67,108,865 bytes)" in str(refusal)  # just past the limit: exactly how far


# -- failures in words ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.EROFS, "the disk or folder is read-only"),
        (errno.EACCES, "permission denied"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EISDIR, "it is a folder, not a file"),
        (errno.ENOENT, "there is no such file or folder"),
    ],
)
def test_an_os_error_is_told_in_plain_words(number, words):
    assert words in reason_of(OSError(number, os.strerror(number), "x"))


def test_an_os_error_without_words_keeps_the_systems(tmp_path):
    assert reason_of(OSError(errno.EPROTO, "Protocol error")) == "Protocol error"
    assert reason_of(OSError("something odd")) == "something odd"


def test_running_out_of_memory_while_reading_is_a_refusal_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_bytes(b"{}")

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(outside, "_Counted", no_memory)
    with pytest.raises(FileRefused, match=r"not enough memory to read .*big\.json"):
        read_outside(path, "an exchange file", limit("exchange_bytes"))


# -- zip containers ---------------------------------------------------------------------------------
def small_zip(**parts: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_declaring_more_parts_than_allowed_is_refused_before_its_directory_is_read(
    monkeypatch,
):
    data = small_zip(**{f"p{i}.xml": b"<a/>" for i in range(20)})
    assert outside.parts_declared(data) == 20
    with_limit(monkeypatch, "zip_parts", 10)
    monkeypatch.setattr(zipfile.ZipFile, "__init__", None)  # never reached
    with pytest.raises(FileRefused, match="a workbook may hold at most 10 parts"):
        GuardedZip(data, "book.xlsx")


def test_a_part_declared_larger_than_allowed_is_refused_before_it_is_unpacked(monkeypatch):
    data = small_zip(**{"xl/worksheets/sheet1.xml": b"<a/>" * 1000})
    with_limit(monkeypatch, "zip_part_bytes", 100)
    with pytest.raises(FileRefused) as refused:
        GuardedZip(data, "book.xlsx")
    assert str(refused.value) == (
        "book.xlsx, part xl/worksheets/sheet1.xml: each part of a workbook may unpack to at most "
        "100 bytes."
    )


def test_a_part_is_counted_while_it_unpacks(monkeypatch):
    archive = GuardedZip(small_zip(**{"a.xml": b"<a>" + b"x" * 5000 + b"</a>"}), "book.xlsx")
    with_limit(monkeypatch, "zip_part_bytes", 1000)  # as if the directory had lied
    with pytest.raises(FileRefused, match="part a.xml: each part of a workbook may unpack"):
        archive.read("a.xml")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_an_xml_part_declaring_a_document_type_is_refused(encoding):
    text = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'
    archive = GuardedZip(small_zip(**{"xl/sharedStrings.xml": text.encode(encoding)}), "b.xlsx")
    with pytest.raises(FileRefused, match="declares an XML document type"):
        archive.read("xl/sharedStrings.xml")
    assert GuardedZip(small_zip(**{"a.bin": text.encode()}), "b.xlsx").read("a.bin")


def test_a_document_type_cut_across_two_reads_is_still_found():
    text = b"<?xml version='1.0'?>" + b" " * (64 * 1024 - 25) + b"<!DOCTYPE a><a/>"
    archive = GuardedZip(small_zip(**{"a.xml": text}), "b.xlsx")
    with pytest.raises(FileRefused), archive.open("a.xml") as part:
        while part.read(1000):
            pass


# -- the documentation ------------------------------------------------------------------------------
def test_docs_security_lists_every_limit_as_declared():
    text = DOCS.read_text(encoding="utf-8")
    for one in LIMITS:
        shown = written(one.value, one.unit) + ("" if one.unit == "bytes" else f" {one.unit}")
        assert f"| `{one.key}` | {shown} | {one.applies_to} |" in text, one.key
    documented = re.findall(r"^\| `(\w+)` \|", text, flags=re.M)
    assert documented == [one.key for one in LIMITS]


def test_docs_security_lists_the_longest_text_of_every_field():
    lengths: dict[int, list[str]] = {}
    for kind in KINDS:
        for spec in kind.fields:
            if isinstance(spec, Text):
                lengths.setdefault(spec.max_length, []).append(f"{kind.key}.{spec.name}")
            elif isinstance(spec, Parts | Group):
                inside = "[]." if isinstance(spec, Parts) else "."
                for sub in spec.fields:
                    if isinstance(sub, Text):
                        lengths.setdefault(sub.max_length, []).append(
                            f"{kind.key}.{spec.name}{inside}{sub.name}"
                        )
    text = DOCS.read_text(encoding="utf-8")
    for most, fields in lengths.items():
        assert f"| {most:,} | {', '.join(fields)} |" in text, most
