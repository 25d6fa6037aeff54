% rebase('base.tpl', title=title, q='')
<section class="intro">
  <h1>{{_('Policy documents from governments and organisations')}}</h1>
  <p>{{_('%(documents)d documents in %(languages)d languages from %(countries)d countries and organisations, searchable in the language they were written in.') % {'documents': result['total'], 'languages': len([v for v in result['facets']['language'] if v['value'] != 'und']), 'countries': len(result['facets']['country'])} }}</p>
</section>
% include('_facets.tpl', result=result)
% if result['results']:
<section class="latest">
  <h2>{{_('Recently added')}}</h2>
  <ol class="hits">
%   for r in result['results'][:5]:
    <li class="result"><a href="{{r['link']}}" lang="{{r['language']}}" dir="{{dir_for(r['language'])}}">{{r['title']}}</a>
      <span class="meta">{{r['country_label']}} · {{_('added %(date)s') % {'date': (r.get('added') or '')[:10]} }}</span></li>
%   end
  </ol>
  <p><a href="{{latest_url}}">{{_('All documents, most recently added first')}}</a></p>
</section>
% end
