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
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Worker threads.")
@click.option("--admin-users", envvar="SEARCH_ADMIN_USERS", default="", type=click.Path(dir_okay=False),
              help="Staff accounts file (made by `python -m indexer admin-user`); /admin is off without it.")
@click.option("--admin-session-minutes", envvar="SEARCH_ADMIN_SESSION_MINUTES", default=60, show_default=True,
              type=click.IntRange(1, 24 * 60), help="How long a staff sign-in lasts.")
@click.option("--max-upload-mb", envvar="SEARCH_MAX_UPLOAD_MB", default=50, show_default=True,
              type=click.IntRange(1, 10_000), help="Largest file staff may upload through /admin.")
def cli(host, port, index_dir, corpus_dir, threads, admin_users, admin_session_minutes, max_upload_mb):
    """Serve the policy-document search site.

    The site reads the index snapshot that the indexer published last and picks up a newer one
    within a second, without a restart.

    \b
    Example:
        python -m search_web --port 8080 --index var/index/
    """
    import waitress
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    app = create_app({"search.index": index_dir, "search.corpus": corpus_dir, "search.admin_users": admin_users,
                      "search.admin_session_minutes": admin_session_minutes, "search.max_upload_mb": max_upload_mb})
    click.echo(f"Serving on http://{host}:{port}/ (index: {index_dir}); Ctrl-C stops.", err=True)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="search_web")
    except OSError as ex:
        raise click.ClickException(f"cannot listen on {host}:{port}: {ex.strerror or ex}; is the site already "
                                   "running? Choose another port with --port (make run PORT=8081)")
