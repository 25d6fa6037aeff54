"""Command line: ``python -m search_web`` (or ``clearinghouse-web``) serves the site with waitress,
a production WSGI server. Thin: parse, create the app, serve."""
import logging

import click

from search_web.app import create_app

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--index", "index_dir", default="var/index/", show_default=True, type=click.Path(file_okay=False),
              help="Index directory (holds the snapshots that the indexer publishes).")
@click.option("--corpus", "corpus_dir", default="", type=click.Path(file_okay=False),
              help="Corpus directory for downloads [default: the one the live index was built from].")
# Two threads: a search holds the GIL, so more threads do not search faster, and each keeps its own
# searcher (about 200 MB more at 10,000 documents; 8 threads served fewer requests/s in make bench).
@click.option("--threads", default=2, show_default=True, type=click.IntRange(1, 256),
              help="Worker threads (each holds its own searcher); for more throughput run more processes (deploy/).")
@click.option("--admin-users", envvar="SEARCH_ADMIN_USERS", default="", type=click.Path(dir_okay=False),
              help="Staff accounts file (made by `python -m indexer admin-user`); /admin is off without it.")
@click.option("--admin-session-minutes", envvar="SEARCH_ADMIN_SESSION_MINUTES", default=60, show_default=True,
              type=click.IntRange(1, 24 * 60), help="How long a staff sign-in lasts.")
@click.option("--max-upload-mb", envvar="SEARCH_MAX_UPLOAD_MB", default=50, show_default=True,
              type=click.IntRange(1, 10_000), help="Largest file staff may upload through /admin.")
@click.option("--connection-limit", default=1000, show_default=True, type=click.IntRange(1, 100_000),
              help="Open connections served at once; slow clients beyond it wait to be accepted.")
@click.option("--channel-timeout", default=30, show_default=True, type=click.IntRange(1, 3600),
              help="Seconds a connection may stay silent before it is closed.")
def cli(host, port, index_dir, corpus_dir, threads, admin_users, admin_session_minutes, max_upload_mb,
        connection_limit, channel_timeout):
    """Serve the policy-document search site.

    The site reads the index snapshot that the indexer published last and picks up a newer one
    within a second, without a restart.

    \b
    Example:
        python -m search_web --port 8080 --index var/index/
    """
    import waitress
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    app = create_app({"search.index": index_dir, "search.corpus": corpus_dir, "search.threads": threads,
                      "search.admin_users": admin_users,
                      "search.admin_session_minutes": admin_session_minutes, "search.max_upload_mb": max_upload_mb})
    click.echo(f"Serving on http://{host}:{port}/ (index: {index_dir}); Ctrl-C stops.", err=True)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="search_web", server_name=host,
                       **connection_settings(connection_limit, channel_timeout))
    except OSError as ex:
        raise click.ClickException(f"cannot listen on {host}:{port}: {ex.strerror or ex}; is the site already "
                                   "running? Choose another port with --port (make run PORT=8081)")


def connection_settings(connection_limit, channel_timeout):
    """Waitress's limits, chosen rather than inherited. Connections are cheap to hold (waitress reads
    requests without a thread), so a few hundred clients trickling their headers no longer fill the
    default 100 slots and lock everyone else out; ``poll`` rather than ``select``, which cannot watch
    more than 1024 sockets. Behind nginx (see the README) slow clients never reach us at all."""
    return {"connection_limit": connection_limit, "channel_timeout": channel_timeout, "asyncore_use_poll": True,
            "cleanup_interval": min(30, channel_timeout), "max_request_header_size": 64 * 1024,
            "max_request_body_size": 1024 * 1024}
