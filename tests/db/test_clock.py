"""The one clock: moved in one place, for this process and for the commands a test starts."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from db import clock as the_clock


def test_a_moved_clock_keeps_running_unless_told_to_stand_still(clock):
    clock.move_to(datetime(2031, 6, 30, 9, 0, tzinfo=UTC))
    first = the_clock.now()
    time.sleep(0.01)
    assert first < the_clock.now() < first + timedelta(seconds=5)
    clock.move_to(datetime(2019, 1, 1, 9, 0, tzinfo=UTC), running=False)
    time.sleep(0.01)
    assert the_clock.now() == datetime(2019, 1, 1, 9, 0, tzinfo=UTC)
    assert the_clock.utc_now() == datetime(2019, 1, 1, 9, 0)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Paris"])
def test_a_day_is_that_day_in_every_time_zone(zone):
    code = (
        "import time; time.tzset()\n"
        "from db import clock\n"
        "from datetime import date\n"
        "clock.move_to(date(2026, 11, 23))\n"
        "print(clock.today(), clock.local_now().date())\n"
    )
    env = {**os.environ, "TZ": zone}
    env.pop(the_clock.ENVIRONMENT_VARIABLE, None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["2026-11-23", "2026-11-23"], out.stderr


def test_a_command_started_by_a_test_reads_the_moved_clock(clock):
    clock.move_to(date(2031, 6, 30))
    code = "from db import clock; print(clock.today())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "2031-06-30", out.stderr


def test_a_clock_given_wrong_says_what_it_expects():
    env = {**os.environ, the_clock.ENVIRONMENT_VARIABLE: "next tuesday"}
    code = "import db.clock"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode != 0
    assert "PARTNERDESK_CLOCK must be an ISO date or date-time" in out.stderr
    assert "'next tuesday'" in out.stderr


def test_leaving_a_test_puts_the_clock_back(clock):
    clock.move_to(date(1999, 3, 1))
    assert the_clock.today() == date(1999, 3, 1)
    the_clock.follow_the_system()
    assert the_clock.today().year != 1999
