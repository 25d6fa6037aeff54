% rebase('base.tpl', title=title, q='')
<section class="error gone">
  <h1>{{title}}</h1>
  <p><strong dir="auto">{{doc.get('title') or doc['id']}}</strong>{{' · ' + country_label if country_label else ''}}{{' · ' + doc['date'] if doc.get('date') else ''}}</p>
  <p>{{_('This document was withdrawn from the collection on %(date)s.') % {'date': when} }}</p>
  <p><a href="{{url.search()}}">{{_('Search the collection')}}</a></p>
</section>
