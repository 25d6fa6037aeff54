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
def cli(host, port, index_dir, corpus_dir, threads):
    """Serve the policy-document search site.

    The site reads the index snapshot that the indexer published last and picks up a newer one
    within a second, without a restart.

    \b
    Example:
        python -m search_web --port 8080 --index var/index/
    """
    import waitress
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    app = create_app({"search.index": index_dir, "search.corpus": corpus_dir})
    click.echo(f"Serving on http://{host}:{port}/ (index: {index_dir}); Ctrl-C stops.", err=True)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="search_web")
    except OSError as ex:
        raise click.ClickException(f"cannot listen on {host}:{port}: {ex.strerror or ex}; is the site already "
                                   "running? Choose another port with --port (make run PORT=8081)")
