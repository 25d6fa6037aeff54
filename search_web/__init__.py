"""The public site: faceted search over the published index snapshot, document pages, JSON API."""
