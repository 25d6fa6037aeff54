"""HTTP caching from the live snapshot: an answer changes only when a new snapshot is published, so
the snapshot's name is the ETag and its build time the ``Last-Modified``. A client or a proxy that
has the answer gets a 304 without a search being run.

Routes opt in with ``@cached(max_age)``; their errors and redirects carry no validators.
"""
import functools
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime

from bottle import HTTPResponse, response

from search_web.web_request import context, header

MAX_AGE = 300   # seconds a client or proxy may reuse an answer before asking again


def validators(ctx):
    """``(ETag, Last-Modified time or None)`` of the request's answer. The interface language is in
    the tag: the same URL answers in the language Accept-Language asks for."""
    tag = f'"{ctx.live.name}-{ctx.hl}"'
    return tag, built_at(ctx.live.report)


def built_at(report):
    try:
        when = datetime.fromisoformat(report.get("built_at", "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).replace(microsecond=0)


def not_modified(tag, modified):
    """Whether the client's copy is current: If-None-Match decides when sent (RFC 9110), else
    If-Modified-Since."""
    if_none_match = header("HTTP_IF_NONE_MATCH")
    if if_none_match:
        sent = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in sent or tag in sent
    since = header("HTTP_IF_MODIFIED_SINCE")
    if not since or modified is None:
        return False
    try:
        return modified <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def cached(max_age=MAX_AGE):
    """A route decorator: answer 304 when the client's copy is current, else add the validators and
    ``Cache-Control`` to the answer."""
    def decorator(callback):
        @functools.wraps(callback)
        def route(*args, **kwargs):
            tag, modified = validators(context())
            headers = {"ETag": tag, "Cache-Control": f"public, max-age={max_age}", "Vary": "Accept-Language"}
            if modified is not None:
                headers["Last-Modified"] = format_datetime(modified, usegmt=True)
            if not_modified(tag, modified):
                raise HTTPResponse(status=304, headers=headers)
            body = callback(*args, **kwargs)
            for name, value in headers.items():
                response.set_header(name, value)
            return body
        return route
    return decorator
