% rebase('base.tpl', title=title, q=q)
<div class="layout">
% include('_facets.tpl', result=result)
<section class="results" aria-live="polite">
% for notice in result['notices']:
  <p class="notice">{{notice}}</p>
% end
% chips = [(f, v) for f, values in result['facets'].items() for v in values if v['selected']]
% if chips:
  <ul class="chips" aria-label="Selected filters">
%   for f, v in chips:
    <li><a href="{{v['toggle_url']}}" title="Remove this filter">{{v['label']}} <span aria-hidden="true">×</span><span class="visually-hidden">remove</span></a></li>
%   end
  </ul>
% end
  <p class="count">{{result['total']}} document{{'' if result['total'] == 1 else 's'}}{{' for “' + q + '”' if q else ''}}</p>
% if result['total']:
  <p class="sort">Sort:
%   for s in (('relevance',) if q else ()) + ('newest', 'oldest'):
%     if s == result['sort']:
    <strong>{{s}}</strong>
%     else:
    <a href="{{sort_url(s)}}">{{s}}</a>
%     end
%   end
  </p>
  <ol class="hits">
%   for r in result['results']:
%     include('_result.tpl', r=r)
%   end
  </ol>
%   if result['pages'] > 1:
  <nav class="pages" aria-label="Pages">
%     if result['page'] > 1:
    <a rel="prev" href="{{page_url(result['page'] - 1)}}">← Previous</a>
%     end
    <span>Page {{result['page']}} of {{result['pages']}}</span>
%     if result['page'] < result['pages']:
    <a rel="next" href="{{page_url(result['page'] + 1)}}">Next →</a>
%     end
  </nav>
%   end
% else:
  <p class="empty">No documents match.
%   if result['filters']:
    <a href="{{without_filters}}">Search without the filters</a>.
%   end
  </p>
% end
</section>
</div>
