<li class="result">
  <h3 lang="{{r['language']}}" dir="{{dir_for(r['language'])}}"><a href="{{r.get('link', r['url'])}}">{{r['title']}}</a></h3>
  <p class="meta">{{r['country_label']}} · {{r['date'] or _('undated')}} · <span class="badge">{{r['language_label']}}</span>
% if r.get('type_label'):
  · <span class="type">{{r['type_label']}}</span>
% end
% if r['status'] != 'ok':
  · <span class="status status-{{r['status']}}">{{status_label(r['status'])}}</span>
% end
  · <a href="{{r['file_url']}}">{{r['format'].upper()}}</a>
% if (r.get('match_page') or 1) > 1:
  · <a class="page-link" href="{{url.file(r['id'], page=r['match_page'])}}">{{_('page %(page)d') % {'page': r['match_page']} }}</a>
% end
  </p>
% if r.get('also_in'):
  <p class="versions">{{_('Also in:')}} \\
%   for i, v in enumerate(r['also_in']):
{{' · ' if i else ''}}<a href="{{v['url']}}" lang="{{v['language']}}" dir="{{dir_for(v['language'])}}" hreflang="{{v['language']}}">{{v['label']}}</a>\\
%   end
</p>
% end
  <p class="snippet" lang="{{r['language']}}" dir="{{dir_for(r['language'])}}">{{!r['snippet']}}</p>
</li>
