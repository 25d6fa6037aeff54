<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Policy Clearing House{{': ' + q if q else ''}}</title>
  <id>{{self_url}}</id>
  <link rel="self" href="{{self_url}}"/>
  <link rel="alternate" type="text/html" href="{{html_url}}"/>
% for rel, href in paging:
  <link rel="{{rel}}" href="{{href}}"/>
% end
  <updated>{{updated}}</updated>
% for r in result['results']:
  <entry>
    <title>{{r['title']}}</title>
    <id>{{base}}{{r['url']}}</id>
    <link href="{{base}}{{r['url']}}"/>
    <published>{{r['added'] or atom_date(r['date'], updated)}}</published>
    <updated>{{r['updated'] or r['added'] or atom_date(r['date'], updated)}}</updated>
    <author><name>{{r['country_label']}}</name></author>
    <summary type="html">{{r['snippet']}}</summary>
  </entry>
% end
</feed>
