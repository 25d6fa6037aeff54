% chosen = sum(1 for values in result['facets'].values() for v in values if v['selected'])
<details class="filters">
<summary>{{_('Filters (%(count)d)') % {'count': chosen} }}</summary>
<nav class="facets" aria-label="{{_('Filters')}}">
% for facet, heading in (("country", _("Country")), ("language", _("Language")), ("topic", _("Topic")), ("year", _("Year"))):
%   values, hidden = facets.get(facet, ([], 0))
%   if values:
  <section class="facet" id="facet-{{facet}}">
    <h2>{{heading}}</h2>
    <ul>
%     for v in values:
      <li><a href="{{v['toggle_url']}}"{{!' class="selected" aria-current="true"' if v['selected'] else ''}}>{{v['label']}} <span class="count">{{v['count']}}</span></a></li>
%     end
    </ul>
%     if hidden:
    <p class="more"><a href="{{more_url(facet)}}#facet-{{facet}}">{{ngettext('%(count)d more', '%(count)d more', hidden) % {'count': hidden} }}</a></p>
%     elif facet == more and len(values) > top:
    <p class="more"><a href="{{fewer_url}}#facet-{{facet}}">{{_('Show fewer')}}</a></p>
%     end
  </section>
%   end
% end
</nav>
</details>
<script src="/static/filters.js"></script>
