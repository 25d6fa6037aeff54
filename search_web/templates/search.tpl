% rebase('base.tpl', title=title, q=q)
<div class="layout">
% include('_facets.tpl', result=result)
<section class="results" aria-live="polite">
% for notice in result['notices']:
  <p class="notice">{{notice}}</p>
% end
% if result['suggestion']:
  <p class="suggestion">{{_('Did you mean')}} <a href="{{suggestion_url}}" lang="und">{{result['suggestion']}}</a>?</p>
% end
% expansion = result.get('expansion')
% translated = result.get('translation')
% if expansion or translated:
%   layers = [layer for layer in (expansion, translated) if layer]
  <p class="also-searched">{{_('Also searched:')}}
%   for i, (layer, term) in enumerate((layer, term) for layer in layers for term in layer['terms']):
{{', ' if i else ''}}<span lang="{{term['language']}}" dir="{{dir_for(term['language'])}}"{{!' class="dictionary"' if layer is translated else ''}}>{{term['text']}}</span>\\
%   end
{{' …' if any(layer['more_languages'] for layer in layers) else ''}}
    <a href="{{no_expansion_url}}">{{_('Search only for what I typed')}}</a></p>
% elif q and current.get('xl') == '0':
  <p class="also-searched"><a href="{{expansion_url}}">{{_('Also search with the same terms in other languages')}}</a></p>
% end
% chips = [(f, v) for f, values in result['facets'].items() for v in values if v['selected']]
% if chips:
  <ul class="chips" aria-label="{{_('Selected filters')}}">
%   for f, v in chips:
    <li><a href="{{v['toggle_url']}}" title="{{_('Remove this filter')}}">{{v['label']}} <span aria-hidden="true">×</span><span class="visually-hidden">{{_('remove')}}</span></a></li>
%   end
  </ul>
% end
% if result.get('recognised'):
  <ul class="recognised">
%   for named in result['recognised']:
    <li><a href="{{named['toggle_url']}}">{{_('Only %(name)s') % {'name': named['label']} }}</a></li>
%   end
  </ul>
% end
% found = ngettext('%(count)d document', '%(count)d documents', result['total']) % {'count': result['total']}
  <h1 class="count">{{found if not q else _('%(found)s for “%(query)s”') % {'found': found, 'query': q} }}</h1>
% include('_search_tools.tpl', result=result)
% if result['total']:
  <p class="sort">{{_('Sort:')}}
%   for s, label in ((('relevance', _('relevance')),) if q else ()) + (('newest', _('newest')), ('oldest', _('oldest')), ('added', _('recently added'))):
%     if s == result['sort']:
    <strong>{{label}}</strong>
%     else:
    <a href="{{sort_url(s)}}">{{label}}</a>
%     end
%   end
  </p>
  <ol class="hits">
%   for r in result['results']:
%     include('_result.tpl', r=r)
%   end
  </ol>
%   if result['pages'] > 1:
  <nav class="pages" aria-label="{{_('Pages')}}">
%     if result['page'] > 1:
    <a rel="prev" href="{{page_url(result['page'] - 1)}}">{{_('Previous')}}</a>
%     end
    <span>{{_('Page %(page)d of %(pages)d') % {'page': result['page'], 'pages': result['pages']} }}</span>
%     if result['page'] < result['pages']:
    <a rel="next" href="{{page_url(result['page'] + 1)}}">{{_('Next')}}</a>
%     end
  </nav>
%   end
% else:
  <p class="empty">{{_('No documents match.')}}
%   if result['filters'] or current.get('from') or current.get('to'):
    <a href="{{without_filters}}">{{_('Search without the filters')}}</a>
%   end
  </p>
%   if result.get('fewer_words'):
  <p class="fewer-words">{{_('With one word fewer:')}}</p>
  <ul class="fewer-words">
%     for fewer in result['fewer_words']:
    <li><a href="{{fewer['url']}}">{{fewer['q']}}</a> ({{ngettext('%(count)d document', '%(count)d documents', fewer['total']) % {'count': fewer['total']} }})</li>
%     end
  </ul>
%   end
% end
</section>
</div>
