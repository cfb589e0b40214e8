"""The local socket a second start finds the window by: one name per officer and store, however
the path is written; on Windows the second start lets the first take the foreground."""

from __future__ import annotations

import ctypes
import sys
import types

from desktop import running_window
from desktop.running_window import allow_foreground, socket_name


def test_one_name_per_store_however_its_path_is_written(tmp_path, monkeypatch):
    store = tmp_path / "partnerdesk.sqlite"
    (tmp_path / "sub").mkdir()
    assert socket_name(store) == socket_name(tmp_path / "sub" / ".." / "partnerdesk.sqlite")
    assert socket_name(store) != socket_name(tmp_path / "other.sqlite")
    mine = socket_name(store)
    monkeypatch.setattr(running_window, "os_user", lambda: "amina")
    assert socket_name(store) != mine  # another officer's window is not called
    assert len(mine) < 40  # Unix socket paths are short


def test_on_windows_the_second_start_lets_the_window_come_to_the_front(monkeypatch):
    allowed = []
    user32 = types.SimpleNamespace(AllowSetForegroundWindow=allowed.append)
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(user32=user32), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    allow_foreground(4242)
    assert allowed == [4242]
    monkeypatch.setattr(sys, "platform", "linux")
    allow_foreground(4243)  # no such rule elsewhere
    assert allowed == [4242]
