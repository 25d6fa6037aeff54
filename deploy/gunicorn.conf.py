"""gunicorn for the search site as deployed: one process per core, behind nginx (deploy/nginx.conf).

    gunicorn --config deploy/gunicorn.conf.py "search_web.app:create_app({'search.index': '/srv/clearinghouse/index'})"

Processes rather than threads: a search is Python work that holds the GIL, so waitress's threads share
one core; each worker here opens the live snapshot once and follows new ones like ``make run`` does.
The workers share their search results through ``INDEX/cache/`` (search_web/result_cache.py), so the
index directory must be writable by the user gunicorn runs as (else each worker keeps its own results).
"""
import multiprocessing

bind = "127.0.0.1:8000"            # nginx is the only client
workers = multiprocessing.cpu_count()
worker_class = "sync"              # nginx buffers slow clients, so a worker is never stuck on one
timeout = 60
graceful_timeout = 10
max_requests = 20000               # a worker is replaced now and then, so no slow growth lasts
max_requests_jitter = 2000
accesslog = None
errorlog = "-"
