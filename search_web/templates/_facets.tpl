% chosen = sum(1 for values in result['facets'].values() for v in values if v['selected'])
<details class="filters">
<summary>{{_('Filters (%(count)d)') % {'count': chosen} }}</summary>
<nav class="facets" aria-label="{{_('Filters')}}">
% for facet, heading in (("country", _("Country")), ("region", _("Region")), ("language", _("Language")), ("topic", _("Topic")), ("type", _("Document type")), ("year", _("Year"))):
%   values, hidden = facets.get(facet, ([], 0))
%   if values:
  <section class="facet" id="facet-{{facet}}">
    <h2>{{heading}}</h2>
    <ul>
%     for v in values:
      <li><a href="{{v['toggle_url']}}"{{!' class="selected" aria-current="true"' if v['selected'] else ''}}>{{v['label']}} <span class="count">{{v['count']}}</span></a></li>
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
      <input type="hidden" name="hl" value="{{hl}}">
      <label>{{_('From')}} <input type="number" name="from" min="1900" max="2100" inputmode="numeric" value="{{current.get('from', '')}}"></label>
      <label>{{_('to')}} <input type="number" name="to" min="1900" max="2100" inputmode="numeric" value="{{current.get('to', '')}}"></label>
      <button type="submit">{{_('Apply')}}</button>
    </form>
%     end
%     if facet == "language" and any(r.get('versions') for r in result.get('results', [])):
    <p class="facet-note">{{_('Each language version is counted in its language; the other counts count a document in several languages once.')}}</p>
%     end
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
