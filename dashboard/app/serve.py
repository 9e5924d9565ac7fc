"""Open the dashboard: a Streamlit server showing the facts of a store as timelines, charts,
highlighted documents and a table, with filters in the sidebar and exports on every page.

Without --db it opens your own store (facts.duckdb in your user data folder) once it holds
articles, and until then the demo store (demo.duckdb beside it), into which the bundled sample
articles (data/samples) are ingested on start; the dashboard says when it shows the demo. The
samples never go into your own store. --demo opens the demo (at --db, if given, e.g. for tests).
The URL is printed once the port is chosen. Set STREAMLIT_SERVER_HEADLESS=true to keep a
browser from opening; other STREAMLIT_* variables override the bundled .streamlit/config.toml.

Sharing with a team: --password (or the FACT_TIMELINE_PASSWORD variable, which keeps it out of
the process list) asks for it before any page shows data; --read-only hides every control that
writes. Served beyond this machine without either, serve warns. Streamlit's look-up of the
machine's external address on the internet is switched off: the dashboard makes no network calls.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
import tomllib
from pathlib import Path

from dashboard.errors import UserError
from dashboard.paths import default_db_path, demo_db_path

MAIN_SCRIPT = Path(__file__).resolve().parent / "main.py"
CONFIG_FILE = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
DB_ENV = "FACT_TIMELINE_DB"  # how the server tells the app which store to open
DEMO_ENV = "FACT_TIMELINE_DEMO"  # set where that store is the demo of the bundled samples
PASSWORD_ENV = "FACT_TIMELINE_PASSWORD"  # the password the dashboard asks for (none: open)
READ_ONLY_ENV = "FACT_TIMELINE_READ_ONLY"  # "1": no control that writes (dashboard.app.editing)
FIRST_PORT = 8501


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=None,
                        help=f"port to listen on (default: the first free port from {FIRST_PORT})")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only; "
                             "0.0.0.0 shares the dashboard on the network)")
    parser.add_argument("--db", type=Path, default=None,
                        help=f"DuckDB fact store to show (default: {default_db_path()})")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo store with the bundled sample articles (at --db if given)")
    parser.add_argument("--no-sample", action="store_true",
                        help="never the demo: open your own store even while it is empty")
    parser.add_argument("--password", default=None,
                        help=f"ask every visitor for this password before showing anything (or set {PASSWORD_ENV}, "
                             "which other users of this machine cannot read in the process list)")
    parser.add_argument("--read-only", action="store_true",
                        help="hide every control that changes the store (adding, deleting, correcting)")


def choose_store(db: Path | None, demo: bool, no_sample: bool) -> tuple[Path, bool]:
    """(the store to open, whether it is the demo): ``--db`` as given; else your own store,
    or the demo while yours holds no articles (or with ``--demo``)."""
    if db is not None:
        return Path(db).expanduser().resolve(), demo
    own = default_db_path()
    if demo or (not no_sample and not _holds_documents(own)):
        return demo_db_path().resolve(), True
    return own.resolve(), False


def _holds_documents(db: Path) -> bool:
    if not db.is_file():
        return False
    from dashboard.store import FactStore

    try:
        return not FactStore(db).documents().empty
    except Exception:  # noqa: BLE001 - an unreadable store is the user's: open it and let the page say why
        return True


def run(args: argparse.Namespace) -> int:
    db, demo = choose_store(args.db, args.demo, args.no_sample)
    if db.exists() and db.is_dir():
        raise UserError(f"{db}: is a folder; --db wants a DuckDB file")
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{db}: cannot create its folder ({exc.strerror or exc})") from None
    if args.port is not None and not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: not a TCP port (1-65535)")
    if demo:
        from dashboard.app.samples import ingest_samples

        print(ingest_samples(db), flush=True)
        os.environ[DEMO_ENV] = "1"
    else:
        os.environ.pop(DEMO_ENV, None)
    port = args.port if args.port is not None else free_port(args.host, FIRST_PORT)
    password = share_settings(args.password, args.read_only)
    what = "demo store of the sample articles" if demo else "store"
    print(f"fact-timeline: dashboard at {url(args.host, port)} ({what}: {db})", flush=True)
    if warning := exposure_warning(args.host, bool(password), args.read_only):
        print(warning, file=sys.stderr, flush=True)
    os.environ[DB_ENV] = str(db)
    return start_streamlit(args.host, port)


def share_settings(password: str | None, read_only: bool, environ: dict | os._Environ = os.environ) -> str:
    """Hand the password (``--password``, else the variable) and read-only mode to the app,
    which runs in this process and reads them from the environment; returns the password."""
    password = password if password is not None else environ.get(PASSWORD_ENV, "")
    if password:
        environ[PASSWORD_ENV] = password
    else:
        environ.pop(PASSWORD_ENV, None)
    if read_only:
        environ[READ_ONLY_ENV] = "1"
    return password


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host`` (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def exposure_warning(host: str, password: bool, read_only: bool) -> str:
    """The stderr line for a dashboard others can reach with neither password nor read-only."""
    if is_loopback(host) or password or read_only:
        return ""
    return (f"fact-timeline: warning: --host {host} lets anyone on the network read every article and add, "
            f"replace or delete documents; pass --password (or set {PASSWORD_ENV}) or --read-only")


def url(host: str, port: int) -> str:
    """The address a browser on this machine opens (a wildcard host is reached via localhost)."""
    shown = "localhost" if host in ("0.0.0.0", "::", "") else host
    return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}"


def free_port(host: str, first: int, tries: int = 100) -> int:
    """The first port from ``first`` nobody listens on, so the printed URL is the real one."""
    for port in range(first, first + tries):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            try:
                sock.bind((host, port))
            except OSError:
                continue
            return port
    raise UserError(f"no free port in {first}-{first + tries - 1} on {host}; pass --port")


def config_flags(config_file: Path = CONFIG_FILE, environ: os._Environ | dict = os.environ) -> list[str]:
    """The bundled config.toml as ``--section.option value`` flags.

    Streamlit reads .streamlit/config.toml only from the current directory; passing it as flags
    makes the dashboard look and behave the same wherever it is started. An option whose
    STREAMLIT_* variable is set is left out, because a flag would override the variable.
    """
    if not config_file.is_file():
        return []
    flags: list[str] = []
    for section, options in tomllib.loads(config_file.read_text(encoding="utf-8")).items():
        for option, value in options.items():
            if env_var(section, option) in environ:
                continue
            text = str(value).lower() if isinstance(value, bool) else str(value)
            flags += [f"--{section}.{option}", text]
    return flags


def env_var(section: str, option: str) -> str:
    """Streamlit's variable for an option: server.maxUploadSize -> STREAMLIT_SERVER_MAX_UPLOAD_SIZE."""
    snake = "".join(f"_{c}" if c.isupper() else c for c in option).upper()
    return f"STREAMLIT_{section.upper()}_{snake}"


def offline_flags(host: str, environ: os._Environ | dict = os.environ) -> list[str]:
    """Flags keeping Streamlit off the internet at start.

    Headless on a wildcard address (0.0.0.0, ::) Streamlit's welcome banner calls
    ``net_util.get_external_ip``, an HTTP request to checkip.amazonaws.com, to print an
    "External URL"; it skips that when ``browser.serverAddress`` is set, so it is set to the
    address serve prints (STREAMLIT_BROWSER_SERVER_ADDRESS still wins).
    """
    if env_var("browser", "serverAddress") in environ:
        return []
    return ["--browser.serverAddress", url(host, 0).split("//", 1)[1].rsplit(":", 1)[0].strip("[]")]


def no_external_ip_lookup() -> None:
    """Tell Streamlit the external address is already known, as none.

    Besides the banner, Streamlit asks checkip.amazonaws.com when a browser connects from an
    origin other than the page's own (its cross-origin allow-list tries the external IP). The
    answer is cached in ``net_util._external_ip``; presetting it to the loopback address, which
    the allow-list holds anyway, means no request is ever made and nothing more is allowed.
    """
    from streamlit import net_util

    net_util._external_ip = "127.0.0.1"  # noqa: SLF001 - Streamlit has no option for this


def start_streamlit(host: str, port: int) -> int:
    """Run the Streamlit server in this process until it is stopped (Ctrl-C or SIGTERM)."""
    from streamlit.web import cli as streamlit_cli

    no_external_ip_lookup()
    argv = ["run", str(MAIN_SCRIPT), "--server.address", host, "--server.port", str(port), *offline_flags(host),
            *config_flags()]
    try:
        streamlit_cli.main(args=argv, prog_name="streamlit", standalone_mode=False)
    except SystemExit as exc:  # Streamlit exits on a taken port or a bad option
        code = exc.code if isinstance(exc.code, int) else 1
        if code:
            print(f"fact-timeline: error: the Streamlit server stopped (exit {code})", file=sys.stderr)
        return code
    return 0
