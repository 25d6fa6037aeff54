"""One kind of error answer for the whole site: a :class:`Problem` raised anywhere in a route becomes
a JSON error for programs or a page for people, with the same status."""


class Problem(Exception):
    """An answer other than the one asked for. ``title`` and ``message`` are interface strings (they
    are translated when shown); ``api_message`` is the JSON ``error`` (default: ``message``);
    ``template``/``values`` name another page than the error page; ``extra`` adds JSON fields."""

    def __init__(self, status, title, message, *, api_message=None, headers=None, template="error.tpl",
                 values=None, extra=None, translate=True):
        super().__init__(api_message or message)
        self.status, self.title, self.message = status, title, message
        self.api_message = api_message or message
        self.headers = dict(headers or {})
        self.template, self.values, self.extra = template, dict(values or {}), dict(extra or {})
        self.translate = translate


def not_found(message="There is no page at this address.", api_message="not found", **kwargs):
    return Problem(404, "Not found", message, api_message=api_message, **kwargs)
