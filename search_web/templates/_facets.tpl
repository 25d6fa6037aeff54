<nav class="facets" aria-label="{{_('Filters')}}">
% for facet, heading in (("country", _("Country")), ("language", _("Language")), ("topic", _("Topic")), ("year", _("Year"))):
%   values = result["facets"].get(facet, [])
%   if values:
  <section class="facet">
    <h2>{{heading}}</h2>
    <ul>
%     for v in values[:30]:
      <li><a href="{{v['toggle_url']}}" class="{{'selected' if v['selected'] else ''}}" aria-pressed="{{'true' if v['selected'] else 'false'}}">{{v['label']}} <span class="count">{{v['count']}}</span></a></li>
%     end
    </ul>
  </section>
%   end
% end
</nav>
