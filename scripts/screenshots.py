"""Take the README's screenshots from the real application, on the sample partnerships.

    python scripts/screenshots.py docs/screenshots    (under a display, or QT_QPA_PLATFORM=offscreen)

Each shot is the main window as an officer sees it: the dashboard, a list with a record's details,
an editor, the briefing dialog with its preview, the coverage and portfolio pages and a
spreadsheet import; then the window in French, an agreement's history in the officer's words.
Then the window on a laptop's screen (1280×800): the joint activities with their partners, a
workshop's editor at its participant list, and the activities in French; then the same page in a
light and in a dark theme (late follow-ups in red, a record's details beside them).

    python scripts/screenshots.py docs/screenshots --themes    (only the two theme shots)
    python scripts/screenshots.py docs/screenshots --conflicts (only the Conflicts page)
    python scripts/screenshots.py docs/screenshots --team-server (connecting, a sync's report:
        starts a throwaway PostgreSQL as the tests do)
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db import clock  # noqa: E402
from db.exchange.sample import load_sample  # noqa: E402
from db.records.services import open_store  # noqa: E402
from desktop.app import make_application  # noqa: E402
from desktop.desk import Desk  # noqa: E402
from desktop.drafts import Drafts  # noqa: E402
from desktop.i18n import install_translators  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Options  # noqa: E402
from desktop.worker import wait_for_background_work  # noqa: E402

TODAY = date(2026, 11, 23)


def settle(app: QApplication, rounds: int = 10) -> None:
    for _ in range(rounds):
        wait_for_background_work()
        app.processEvents()


def sample_store():
    """(folder, store, desk): the sample partnerships as of TODAY in a temporary folder, which
    also holds the settings."""
    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    clock.move_to(TODAY)
    store = open_store(folder / "sample.sqlite")
    load_sample(store, today=TODAY)
    return folder, store, Desk(store)


def more_instruments(desk: Desk) -> None:
    """A few instruments beside the sample's three, as a real portfolio holds: a memorandum with
    a university never used, a letter of intent about to expire, an exchange of letters that
    expired, one under negotiation — so that the Portfolio page shows each kind of verdict."""
    from db.records import services

    store = desk.store

    def partner(name: str, acronym: str, kind: str, country: str) -> str:
        return services.save(
            store,
            "organization",
            {"name": name, "acronym": acronym, "kind": kind, "country": country},
        )

    from sqlalchemy import select

    from db.schema.models import Organization

    ours = desk.read(
        lambda s: s.execute(select(Organization.id).where(Organization.is_ours.is_(True))).scalar()
    )
    ucad = partner("Université Cheikh Anta Diop de Dakar", "UCAD", "academia", "SN")
    dgddi = partner(
        "Direction générale des douanes et droits indirects",
        "DGDDI",
        "national_administration",
        "FR",
    )
    eac = partner("East African Community", "EAC", "regional_body", "TZ")

    def agreement(reference: str, title: str, kind: str, party: str, **fields) -> None:
        signed = fields.pop("signed", "2016-04-12")
        services.save(
            store,
            "agreement",
            {
                "reference": reference,
                "title": title,
                "kind": kind,
                "status": fields.pop("status", "in_force"),
                "entry_into_force": fields.pop("entry_into_force", signed),
                "parties": [
                    {"organization_id": ours, "signed_on": signed},
                    {"organization_id": party, "signed_on": signed},
                ],
                **fields,
            },
        )

    agreement(
        "WCO/UCAD/MOU/2016",
        "Mémorandum d’entente sur la recherche et la formation douanières",
        "memorandum_of_understanding",
        ucad,
    )
    agreement(
        "WCO/DGDDI/LOI/2022",
        "Letter of intent on the exchange of risk-management data",
        "letter_of_intent",
        dgddi,
        signed="2022-02-01",
        expires_on="2027-02-01",
    )
    agreement(
        "WCO/EAC/EL/2015",
        "Exchange of letters on the 2015 awareness campaign",
        "exchange_of_letters",
        eac,
        signed="2015-03-02",
        expires_on="2020-03-02",
        status="expired",
    )
    agreement(
        "WCO/EAC/AC/draft",
        "Arrangement on cooperation in coordinated border management",
        "arrangement_on_cooperation",
        eac,
        status="under_negotiation",
        signed=None,
        entry_into_force=None,
    )


def portfolio(out: Path, app: QApplication, window: MainWindow, desk: Desk, folder: Path) -> None:
    """The Portfolio page with an agreement selected (its years in the chart), then the first
    page of the report for management, as the page writes it."""
    import subprocess

    from desktop.portfolio_report import ReportOptions, read_portfolio, render_portfolio_report

    more_instruments(desk)
    window.show_page("portfolio")
    settle(app, 20)
    page = window.portfolio
    page.table.selectRow(page.row_of(next(
        a.agreement_id for a in page.review.assessments if a.reference == "WCO/IOM/MOU/2018"
    )))  # fmt: skip
    settle(app, 20)
    window.grab().save(str(out / "portfolio.png"))

    review, by_year = read_portfolio(desk.store, TODAY)
    pdf = folder / "portfolio-review.pdf"
    render_portfolio_report(review, ReportOptions(prepared_by="Amina Diallo"), pdf, by_year=by_year)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(out / "portfolio-report")],
        check=True,
    )  # fmt: skip


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    install_translators(app, "en")  # as the window starts: English, with its plural forms
    folder, store, desk = sample_store()
    window = MainWindow(desk, Options(), Drafts(store.path))
    window.resize(1400, 860)
    window.show()
    settle(app)
    window.grab().save(str(out / "dashboard.png"))

    window.show_page("agreement")
    settle(app)
    page = window.list_pages["agreement"]
    page.splitter.setSizes([760, 640])
    row = next(
        r
        for r in range(page.model.rowCount())
        if "MOU/2018" in (page.model.index(r, 0).data() or "")
    )
    page.table.selectRow(row)
    settle(app)
    window.grab().save(str(out / "agreements.png"))

    page.edit_current()
    settle(app)
    window.grab().save(str(out / "agreement-editor.png"))

    window.show_page("activity")
    settle(app)
    activities = window.list_pages["activity"]
    activities.new_record()
    activities.editor.inputs["title"].widget.setText("Joint workshop")
    activities.editor.inputs["title"].changed.emit()
    activities.editor.inputs["start_on"].set("2027-03-10")
    activities.editor.inputs["end_on"].set("2027-03-08")
    activities.editor.inputs["participants_total"].set(20)
    activities.editor.inputs["participants_women"].set(12)
    activities.editor.inputs["participants_men"].set(11)
    activities.editor.inputs["country"].set("XK")
    activities.editor.save()  # refused: every problem is shown next to its field
    settle(app)
    window.grab().save(str(out / "activity-editor-problems.png"))
    activities.editor.discard()

    from db.queries import listing
    from desktop.dialogs.prepare_briefing import PrepareBriefingDialog

    [iom] = [i for i, name in desk.read(listing.options, "organization") if "(IOM)" in name]
    briefing = PrepareBriefingDialog(desk, iom, parent=window)
    briefing.resize(1200, 820)
    briefing.show()
    briefing.talking_points.setPlainText(
        "Thank IOM for co-hosting cohort 2 in Lusaka.\nAgree the dates of cohort 3 in Lomé."
    )
    briefing.refresh_preview()
    settle(app, 30)
    briefing.grab().save(str(out / "prepare-briefing.png"))
    briefing.close()

    window.show_page("coverage")
    settle(app, 20)
    window.grab().save(str(out / "coverage.png"))

    portfolio(out, app, window, desk, folder)

    from desktop.dialogs.import_spreadsheet import ImportSpreadsheetDialog

    partners = folder / "partenaires.csv"
    partners.write_bytes(
        (
            "name;acronym;kind;country;city\r\n"
            "Organisation mondiale des douanes;OMD;intergovernmental_organization;BE;Bruxelles\r\n"
            "Direction générale des douanes et droits indirects;DGDDI;national_administration;FR;"
            "Montreuil\r\n"
            "Université de Lomé;UL;academia;TG;Lomé\r\n"
            "Agence nationale des frontières;ANF;banana;CI;Abidjan\r\n"
        ).encode("latin-1")
    )
    importing = ImportSpreadsheetDialog(desk, "organization", partners, parent=window)
    importing.show()
    settle(app, 20)
    importing.import_all()  # refused: the one bad row is named with its column
    settle(app, 40)
    importing.grab().save(str(out / "import-spreadsheet.png"))
    importing.close()

    # The memorandum's next review moved by the officer, read in French in its history.
    desk.set_officer_name("Amina Diallo")
    memorandum_id = page.model.id_at(row)
    memorandum = desk.get("agreement", memorandum_id)
    desk.save("agreement", {**memorandum, "review_on": "2027-06-30"})
    install_translators(app, "fr")  # File → Language… → Français
    settle(app)
    window.open_record("agreement", memorandum_id)  # the window's pages are built anew
    settle(app, 20)
    history = window.list_pages["agreement"].detail.browser.verticalScrollBar()
    history.setValue(history.maximum())
    settle(app)
    window.grab().save(str(out / "agreement-history-fr.png"))
    install_translators(app, "en")
    settle(app)
    on_a_laptop(app, window, out)
    window.close()
    store.close()
    themes(out, app)
    conflicts(out, app)
    print(f"screenshots written to {out}")


def themes(out: Path, app: QApplication | None = None) -> None:
    """The follow-ups, late ones in red, with one's details: in the light palette of the style,
    then in the dark one a dark desktop gives (desktop.colours)."""
    from desktop.colours import dark_palette

    app = app or make_application()
    install_translators(app, "en")
    _folder, store, desk = sample_store()
    for name in ("light", "dark"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if name == "dark" else app.style().standardPalette())
        window = MainWindow(desk, Options(), Drafts(store.path))
        window.resize(1400, 860)
        window.show()
        window.show_page("follow_up")
        settle(app)
        page = window.list_pages["follow_up"]
        late = [c.key for c in page.model.spec.columns].index("late")
        row = next(r for r in range(page.model.rowCount()) if page.model.index(r, late).data())
        page.table.selectRow(row)
        settle(app, 20)
        window.grab().save(str(out / f"theme-{name}.png"))
        window.close()
    store.close()


def conflicts(out: Path, app: QApplication | None = None) -> None:
    """The Conflicts page after a sync: an agreement whose status and summary a mission's laptop
    changed offline while headquarters changed them too, both values side by side."""
    from sqlalchemy import select

    from db.exchange import bundles
    from db.records import services
    from db.schema.models import Agreement
    from db.store import identity

    app = app or make_application()
    install_translators(app, "en")
    folder, store, desk = sample_store()
    mission = open_store(folder / "mission.sqlite")
    services.set_officer_name(store, "Amina Diallo")
    services.set_officer_name(mission, "Joseph Phiri")

    def carry(source, target, name: str) -> None:
        with target.reading() as session:
            for_store = identity.store_id(session)
        bundles.write_bundle(source, folder / name, for_store=for_store)
        bundles.sync_in(target, folder / name)

    def edit(on, record_id: str, **fields) -> None:
        services.save(
            on, "agreement", {**services.get_exchange(on, "agreement", record_id), **fields}
        )

    carry(store, mission, "first.pdsync")
    carry(mission, store, "back.pdsync")
    with store.reading() as session:
        agreement = (
            session.execute(
                select(Agreement.id).where(Agreement.status == "in_force").order_by(Agreement.title)
            )
            .scalars()
            .first()
        )
    edit(store, agreement, status="terminated", summary="Terminated by exchange of letters.")
    edit(mission, agreement, status="superseded", summary="Replaced by the 2026 framework.")
    carry(mission, store, "to-hq.pdsync")
    mission.close()
    window = MainWindow(desk, Options(), Drafts(store.path))
    window.resize(1400, 860)
    window.show()
    window.show_page("conflicts")
    settle(app, 20)
    window.grab().save(str(out / "conflicts.png"))
    window.close()
    store.close()


def team_server(out: Path, app: QApplication | None = None) -> None:
    """File → Connect to a team server… as an officer fills it, then the report of the first
    sync with a real (throwaway) PostgreSQL server, where a mission's laptop had changed the
    status of an agreement headquarters changed too."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from db.records import services
    from db.schema.models import Agreement
    from db.server import setup
    from db.server.sync import sync_with_server
    from db.server.team_server import TeamServer
    from desktop.dialogs.connect_team_server import ConnectTeamServerDialog
    from desktop.sync_bundle_file import REPORT
    from tests import postgres

    app = app or make_application()
    install_translators(app, "en")
    folder, store, desk = sample_store()
    services.set_officer_name(store, "Amina Diallo")
    with postgres.running_cluster(postgres.find_binaries()) as cluster:
        url = cluster.url(cluster.create_database())
        with TeamServer(url) as server:
            setup.init_server(server)
            mission = open_store(folder / "mission.sqlite")
            services.set_officer_name(mission, "Joseph Phiri")
            sync_with_server(store, server)
            sync_with_server(mission, server)
            with store.reading() as session:
                agreement = session.execute(
                    select(Agreement.id)
                    .where(Agreement.status == "in_force")
                    .order_by(Agreement.title)
                ).scalar()
            for on, status in ((store, "terminated"), (mission, "superseded")):
                now = services.get_exchange(on, "agreement", agreement)
                services.save(on, "agreement", {**now, "status": status})
            sync_with_server(mission, server)
            mission.close()
        window = MainWindow(desk, Options(), Drafts(store.path))
        window.resize(1400, 860)
        window.show()
        dialog = ConnectTeamServerDialog(window.team_server, window)
        dialog.host.setText("db.partnerships.example.org")
        dialog.user.setText("amina.diallo")
        dialog.password.setText("a long enough password")
        dialog.show()
        settle(app)
        dialog.grab().save(str(out / "connect-team-server.png"))
        # The same dialog, connected for real (the throwaway server listens on a local socket).
        dialog.host.setText(url.query["host"])
        dialog.port.setValue(int(url.query["port"]))
        dialog.database.setText(url.database)
        dialog.user.setText(url.username)
        dialog.try_to_connect()
        while dialog.isVisible():
            settle(app, 1)
        window.on_sync_server()
        while window.findChild(QMessageBox, REPORT) is None:
            settle(app, 1)
        settle(app)
        box = window.findChild(QMessageBox, REPORT)
        box.grab().save(str(out / "team-server-sync-report.png"))
        box.close()
        window.team_server.timer.stop()
        window.close()
        wait_for_background_work()
    store.close()


def on_a_laptop(app: QApplication, window: MainWindow, out: Path) -> None:
    """The joint activities at 1280×800: the list with its partners, the editor of a workshop
    held at its participant list, and the list in French."""
    from db.queries import listing

    desk = window.desk
    window.showNormal()
    window.resize(1280, 800)
    window.open_list("activity", listing.ListFilter())
    settle(app, 20)
    page = window.list_pages["activity"]
    model = page.model
    title = [c.key for c in model.spec.columns].index("title")
    held = next(
        r for r in range(model.rowCount()) if "cohort 2" in (model.index(r, title).data() or "")
    )
    record_id = model.id_at(held)
    orgs = {name: i for i, name in desk.read(listing.options, "organization")}
    iom = next(i for name, i in orgs.items() if name.endswith("(IOM)"))
    zcbaf = next(i for name, i in orgs.items() if name.endswith("(ZCBAF)"))
    people = [
        ("Chanda Mwale", zcbaf, None, "ZM", "woman", "participant"),
        ("Tendai Moyo", None, "Zimbabwe Revenue Authority", "ZW", "man", "participant"),
        ("Grace Banda", None, "Malawi Revenue Authority", "MW", "woman", "participant"),
        ("Joseph Phiri", zcbaf, None, "ZM", "man", "speaker"),
        ("Amina Diallo", iom, None, "SN", "woman", "organizer"),
        ("Lucas Mendes", None, "Mozambique Border Police", "MZ", "man", "participant"),
    ]
    desk.save(
        "activity",
        {
            **desk.get("activity", record_id),
            "participants": [
                {
                    "name": name,
                    "organization_id": org,
                    "organization_name": free,
                    "country": country,
                    "sex": sex,
                    "role": role,
                    "attended": True,
                }
                for name, org, free, country, sex, role in people
            ],
        },
    )
    settle(app, 20)
    page.table.selectRow(model.row_of(record_id))
    settle(app, 20)
    window.grab().save(str(out / "activities.png"))

    page.edit_current()
    settle(app)
    sizes = page.splitter.sizes()
    page.splitter.setSizes([380, sum(sizes) - 380])  # the editor widened to enter participants
    settle(app)
    participants = page.editor.inputs["participants"].widget
    form = page.editor.scroll.widget()
    top = participants.mapTo(form, participants.rect().topLeft()).y()
    page.editor.scroll.verticalScrollBar().setValue(top - 40)  # from its label down
    settle(app)
    window.grab().save(str(out / "activity-editor.png"))
    page.editor.request_close()  # nothing changed: back to the record's view
    page.splitter.setSizes(sizes)

    install_translators(app, "fr")
    settle(app)
    window.open_record("activity", record_id)
    settle(app, 20)
    window.grab().save(str(out / "activities-fr.png"))


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    if "--themes" in sys.argv[2:]:
        target.mkdir(parents=True, exist_ok=True)
        themes(target)
    elif "--conflicts" in sys.argv[2:]:
        target.mkdir(parents=True, exist_ok=True)
        conflicts(target)
    elif "--team-server" in sys.argv[2:]:
        target.mkdir(parents=True, exist_ok=True)
        team_server(target)
    else:
        main(target)
