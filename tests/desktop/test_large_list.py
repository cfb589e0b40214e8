"""A list of 100,000 joint activities opens and filters without reading every row: the store
counts the records, and only the pages of rows on screen are read. (Speed is measured by
python -m bench, not here.)"""

from __future__ import annotations

import shutil

import pytest

from db.queries import listing
from db.records.services import open_store
from desktop.desk import Desk
from desktop.drafts import Drafts
from desktop.settings import Options
from desktop.views.list_page import RecordListPage
from desktop.worker import wait_for_background_work
from tests.bulk import fill_bulk
from tests.desktop.conftest import TODAY

ACTIVITIES = 100_000


@pytest.fixture(scope="module")
def large_store_file(tmp_path_factory, empty_store_file):
    path = tmp_path_factory.mktemp("large") / "large.sqlite"
    shutil.copyfile(empty_store_file, path)
    fill_bulk(path, activities=ACTIVITIES, today=TODAY)
    return path


@pytest.fixture
def large_desk(large_store_file, clock):
    clock.move_to(TODAY)
    with open_store(large_store_file) as store:
        desk = Desk(store)
        yield desk
        wait_for_background_work()


def _shown_activities(qtbot, desk: Desk) -> RecordListPage:
    page = RecordListPage(desk, "activity", Drafts(desk.store.path), Options())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.model.refreshed, timeout=30_000):
        page.activate()
    return page


def test_a_100000_row_list_shows_and_filters_fetching_only_what_is_on_screen(qtbot, large_desk):
    page = _shown_activities(qtbot, large_desk)
    current = large_desk.read(listing.count, "activity", listing.ListFilter(), TODAY)
    assert page.model.rowCount() == current > 95_000
    qtbot.wait(50)  # let the view paint its visible rows
    assert 0 < page.model.rows_fetched <= 200, "only the pages on screen are read"
    assert page.model.index(0, 2).data()

    area = large_desk.read(listing.area_tree)[1]  # "Border management", with its sub-areas
    page.model.rows_fetched = 0
    with qtbot.waitSignal(page.model.refreshed, timeout=30_000):
        page.filters.area.setCurrentIndex(page.filters.area.findData(area.id))
    expected = large_desk.read(
        listing.count, "activity", listing.ListFilter(thematic_area_id=area.id), TODAY
    )
    assert page.model.rowCount() == expected
    assert 0 < expected < current
    qtbot.wait(50)
    assert page.model.rows_fetched <= 200

    page.table.scrollToBottom()
    qtbot.wait(50)
    assert page.model.rows_fetched <= 400, (
        "scrolling to the end reads the last page, not the ones between"
    )


def test_the_end_of_a_long_list_and_a_record_deep_in_it_stay_where_they_are(qtbot, large_desk):
    page = _shown_activities(qtbot, large_desk)
    whole = large_desk.read(listing.matching_ids, "activity", listing.ListFilter(), TODAY)
    last = page.model.rowCount() - 1
    page.table.scrollToBottom()
    assert page.model.id_at(last) == whole[-1]
    assert page.model.index(last, 2).data()  # the last row has its title

    deep = 54_321
    page._select_row(deep)
    assert page.current_id() == whole[deep]
    with qtbot.waitSignal(page.model.refreshed, timeout=30_000):
        page.model.refresh()  # as after a save: the list is read again
    assert page.table.currentIndex().row() == deep
    assert page.current_id() == whole[deep]
