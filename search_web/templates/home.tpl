% rebase('base.tpl', title=title, q='')
<section class="intro">
  <h1>Policy documents from governments and organisations</h1>
  <p>{{result['total']}} documents in {{len(result['facets']['language'])}} languages from {{len(result['facets']['country'])}} countries and organisations, searchable in the language they were written in.</p>
</section>
% include('_facets.tpl', result=result)
