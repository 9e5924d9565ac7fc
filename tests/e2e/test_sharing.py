"""A dashboard shared with a team, in headless Chromium against real `fact-timeline serve`
processes: one asking for a password (given as a flag, and as FACT_TIMELINE_PASSWORD), one
served --read-only."""

from contextlib import contextmanager
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from dashboard.app.access import WRONG
from dashboard.app.process import served
from dashboard.app.serve import PASSWORD_ENV
from dashboard.facts import Document
from dashboard.store import FactStore

from .shared import COUNT, IDLE, TIMEOUT_MS, go_to, open_page

PASSWORD = "team-Passw0rd: 7 Juli"
TITLE = "Gipfel in Ankara"
ARTICLES = [
    Document(doc_id="ankara", title=TITLE, source="https://example.org/ankara", dct=date(2026, 1, 12), lang="de",
             text="Der NATO-Gipfel in Ankara findet am 7. Juli 2026 statt.\nRutte sagte am Montag, die Vorbereitungen liefen.\n"),
    Document(doc_id="pixel", title="Quelle mit Bild", source="![x](http://evil/pixel.png)", dct=date(2026, 1, 13),
             lang="de", text="Die Minister treffen sich am 3. Februar 2026 in Brüssel.\n"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("e2e-sharing") / "facts.duckdb"
    assert FactStore(db).ingest(ARTICLES, workers=1).ok
    return db


@contextmanager
def environment(**values: str):
    """The variables for a server started inside the block (served copies os.environ); pytest's
    MonkeyPatch puts them back after it, as a module-scoped fixture needs."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            patch.setenv(name, value)
        yield


@pytest.fixture(scope="module", params=["flag", "variable"])
def locked(request, store):
    """Served with the password as ``--password`` or in FACT_TIMELINE_PASSWORD."""
    if request.param == "flag":
        with served(store, extra_args=["--no-sample", "--password", PASSWORD]) as running:
            yield running
    else:
        with environment(**{PASSWORD_ENV: PASSWORD}), served(store, extra_args=["--no-sample"]) as running:
            yield running


@pytest.fixture(scope="module")
def read_only(store):
    with environment(**{PASSWORD_ENV: ""}), served(store, extra_args=["--no-sample", "--read-only"]) as running:
        yield running


def password_form(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)
    expect(page.get_by_label("Password", exact=True)).to_be_visible()


def submit(page: Page, password: str) -> None:
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Open the dashboard").click()
    page.wait_for_timeout(150)
    page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)


def test_before_the_password_the_page_holds_nothing_of_the_store(page, locked):
    password_form(page, locked.url + "/documents?doc=ankara")
    body = page.locator("body").inner_text()
    assert TITLE not in body and "Ankara" not in body and not COUNT.search(body)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)


def test_a_wrong_password_is_refused(page, locked):
    password_form(page, locked.url)
    submit(page, PASSWORD[:-1])
    expect(page.get_by_text(WRONG)).to_be_visible()
    assert not COUNT.search(page.locator("body").inner_text())


def test_the_right_password_opens_every_page_for_the_session(page, locked):
    password_form(page, locked.url)
    submit(page, PASSWORD)
    expect(page.get_by_text(COUNT)).to_be_visible()
    go_to(page, "Documents")  # a page switch keeps the session: not asked again
    expect(page.get_by_label("Password", exact=True)).to_have_count(0)
    expect(page.get_by_text(COUNT)).to_be_visible()


def test_read_only_shows_no_control_that_writes(page, read_only):
    open_page(page, read_only.url)
    nav = page.locator('[data-testid="stSidebarNav"]')
    expect(nav.get_by_role("link", name="Documents")).to_be_visible()
    expect(nav.get_by_role("link", name="Add articles")).to_have_count(0)
    go_to(page, "Documents")
    for control in ("Correct or hide a fact", "Delete this document"):
        expect(page.get_by_text(control)).to_have_count(0)
    go_to(page, "Actors")
    expect(page.get_by_text("This dashboard is read-only")).to_be_visible()
    for label in ("Merge", "Rename", "Add alias", "Mark as not an actor", "Restore"):
        expect(page.get_by_role("button", name=label, exact=True)).to_have_count(0)


def test_the_add_address_does_not_open_the_add_page_when_read_only(page, read_only):
    page.goto(read_only.url + "/add")
    page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)
    expect(page.get_by_text(COUNT)).to_be_visible()
    expect(page.get_by_role("button", name="Store the files")).to_have_count(0)
    expect(page.locator('[data-testid="stFileUploaderDropzoneInput"]')).to_have_count(0)


def test_a_source_written_as_a_markdown_image_loads_no_image(page, read_only):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, read_only.url, "documents", doc="pixel")
    expect(page.get_by_text("![x](http://evil/pixel.png)")).to_be_visible()  # shown as the text it is
    assert not [url for url in requests if "evil" in url]
    assert page.locator('[data-testid="stMain"] img[src*="evil"]').count() == 0
