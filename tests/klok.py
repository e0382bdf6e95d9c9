"""Fixed moments for tests whose outcome depends on the date: pin the clock with
``@pytest.mark.time_machine(klok.KERSTAVOND, tick=False)`` (the time-machine plugin) or pass the date to the
service or selector. Each moment is a trap for date arithmetic. The whole suite also runs with the process
clock moved (``make test-datum``), which finds the tests that read today without saying so."""

from datetime import datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

KERSTAVOND = datetime(2027, 12, 24, 10, 0, tzinfo=AMSTERDAM)  # last working day before Christmas
OUDJAARSDAG = datetime(2027, 12, 31, 10, 0, tzinfo=AMSTERDAM)
SCHRIKKELDAG = datetime(2028, 2, 29, 10, 0, tzinfo=AMSTERDAM)
BEVRIJDINGSDAG = datetime(2027, 5, 5, 10, 0, tzinfo=AMSTERDAM)  # a holiday in lustrum years only
