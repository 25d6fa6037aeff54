"""``python -m search_web``: serve the site with waitress, a production WSGI server."""
import argparse
import logging
import sys

from search_web.app import create_app


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m search_web",
                                     description="Serve the policy-document search site.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8080, help="port (default: %(default)s)")
    parser.add_argument("--index", default="var/index/", help="index directory (default: %(default)s)")
    parser.add_argument("--corpus", default="", help="corpus directory for downloads "
                        "(default: the one the live index was built from)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default: %(default)s)")
    args = parser.parse_args(argv)
    import waitress
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    app = create_app({"search.index": args.index, "search.corpus": args.corpus})
    print(f"Serving on http://{args.host}:{args.port}/ (index: {args.index}); Ctrl-C stops.", file=sys.stderr)
    try:
        waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident="search_web")
    except OSError as ex:
        sys.exit(f"cannot listen on {args.host}:{args.port}: {ex.strerror or ex}; "
                 "is the site already running? Choose another port with --port (make run PORT=8081)")


if __name__ == "__main__":
    main()
