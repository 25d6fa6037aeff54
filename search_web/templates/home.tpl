% rebase('base.tpl', title=title, q='')
<section class="intro">
  <h1>{{_('Policy documents from governments and organisations')}}</h1>
  <p>{{_('%(documents)d documents in %(languages)d languages from %(countries)d countries and organisations, searchable in the language they were written in.') % {'documents': result['total'], 'languages': len(result['facets']['language']), 'countries': len(result['facets']['country'])} }}</p>
</section>
% include('_facets.tpl', result=result)
