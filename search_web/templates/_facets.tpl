<nav class="facets" aria-label="{{_('Filters')}}">
% for facet, heading in (("country", _("Country")), ("region", _("Region")), ("language", _("Language")), ("topic", _("Topic")), ("type", _("Document type")), ("year", _("Year"))):
%   values = result["facets"].get(facet, [])
%   if values:
  <section class="facet">
    <h2>{{heading}}</h2>
    <ul>
%     for v in values[:30]:
      <li><a href="{{v['toggle_url']}}" class="{{'selected' if v['selected'] else ''}}" aria-pressed="{{'true' if v['selected'] else 'false'}}">{{v['label']}} <span class="count">{{v['count']}}</span></a></li>
%     end
    </ul>
%     if facet == "year" and defined('current'):
    <form class="date-range" action="/search" method="get">
%       for name, value in current.items():
%         if name not in ("from", "to", "page"):
%           for one in (value if isinstance(value, list) else [value]):
      <input type="hidden" name="{{name}}" value="{{one}}">
%           end
%         end
%       end
      <label>{{_('From')}} <input type="number" name="from" min="1900" max="2100" inputmode="numeric" value="{{current.get('from', '')}}"></label>
      <label>{{_('to')}} <input type="number" name="to" min="1900" max="2100" inputmode="numeric" value="{{current.get('to', '')}}"></label>
      <button type="submit">{{_('Apply')}}</button>
    </form>
%     end
%     if facet == "language" and any(r.get('versions') for r in result.get('results', [])):
    <p class="facet-note">{{_('Each language version is counted in its language; the other counts count a document in several languages once.')}}</p>
%     end
  </section>
%   end
% end
</nav>
