<li class="result">
  <h3 lang="{{r['language']}}" dir="{{dir_for(r['language'])}}"><a href="{{r.get('link', r['url'])}}">{{r['title']}}</a></h3>
  <p class="meta">{{r['country_label']}} · {{r['date'] or _('undated')}} · <span class="badge">{{r['language_label']}}</span>
% if r['status'] != 'ok':
  · <span class="status status-{{r['status']}}">{{status_label(r['status'])}}</span>
% end
  · <a href="{{r['file_url']}}">{{r['format'].upper()}}</a>
% if (r.get('match_page') or 1) > 1:
  · <a class="page-link" href="{{url.file(r['id'], page=r['match_page'])}}">{{_('page %(page)d') % {'page': r['match_page']} }}</a>
% end
  </p>
  <p class="snippet" lang="{{r['language']}}" dir="{{dir_for(r['language'])}}">{{!r['snippet']}}</p>
</li>
