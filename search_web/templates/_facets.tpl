<nav class="facets" aria-label="Filters">
% for facet, heading in (("country", "Country"), ("language", "Language"), ("topic", "Topic"), ("year", "Year")):
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
