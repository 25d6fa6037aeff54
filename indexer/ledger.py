"""Ids are forever: what each build carries over from the snapshot before it.

Every snapshot's report holds, besides its documents (each with ``added`` and ``updated``), the
``aliases`` (old id -> new id) and the ``withdrawn`` documents (id -> title, country, date, when).
A build starts from the live snapshot's report, so these survive every build, update and snapshot:

- a document keeps the ``added`` time of its first publication; ``updated`` moves when its file or
  manifest row changes;
- an id that disappears while a new id appears for the same file (same path, or same content: a file
  first published without a row and then given one, an id corrected in the manifest) becomes an
  alias of the new id, and the new id inherits its ``added``;
- an id that disappears without a successor is withdrawn, with the time the build noticed it.
"""


def carry(previous, current, now):
    """``(dates, aliases, withdrawn)``.

    ``previous``: the report of the snapshot the build starts from (``{}`` for none); ``current``:
    ``{id: {"file", "sha1", "row"}}`` for each document of the new snapshot (``row`` is the record's
    fingerprint, which changes with its file or row); ``now``: an ISO time. ``dates`` maps each
    current id to ``(added, updated)``."""
    old = {d["id"]: d for d in previous.get("documents", [])}
    aliases = dict(previous.get("aliases", {}))
    withdrawn = dict(previous.get("withdrawn", {}))
    new = [i for i in current if i not in old]
    by_file = {current[i]["file"]: i for i in new}
    by_content = {current[i]["sha1"]: i for i in new if current[i].get("sha1")}
    came_from = {}
    for gone in (i for i in old if i not in current):
        doc = old[gone]
        target = by_file.get(doc.get("file")) or by_content.get(doc.get("sha1"))
        if target and target not in came_from:
            came_from[target] = gone
            aliases[gone] = target
        else:
            withdrawn[gone] = {"id": gone, "title": doc.get("title", ""), "country": doc.get("country", ""),
                               "date": doc.get("date", ""), "added": doc.get("added", ""), "withdrawn": now}
    for doc_id in current:   # an id in use again is neither an alias nor withdrawn
        aliases.pop(doc_id, None)
        withdrawn.pop(doc_id, None)
    aliases = {old_id: _final(old_id, aliases) for old_id in aliases}
    dates = {}
    for doc_id, now_doc in current.items():
        before = old.get(doc_id) or old.get(came_from.get(doc_id), {})
        added = before.get("added") or now
        same = doc_id in old and before.get("row") == now_doc["row"]
        dates[doc_id] = (added, (before.get("updated") or added) if same else now)
    return dates, aliases, withdrawn


def _final(doc_id, aliases):
    """Where a chain of aliases ends (a -> b, b -> c: a -> c); a cycle stops where it began."""
    seen = {doc_id}
    while doc_id in aliases and aliases[doc_id] not in seen:
        doc_id = aliases[doc_id]
        seen.add(doc_id)
    return doc_id
