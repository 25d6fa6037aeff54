<!DOCTYPE html>
<html lang="{{hl}}" dir="{{dir_for(hl)}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · {{_('Policy Clearing House')}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="canonical" href="{{canonical}}">
<link rel="search" type="application/opensearchdescription+xml" title="{{_('Policy Clearing House')}}" href="/opensearch.xml">
% if defined('feed_url'):
<link rel="alternate" type="application/atom+xml" title="{{title}}" href="{{feed_url}}">
% end
</head>
<body>
<a class="skip" href="#main">{{_('Skip to the content')}}</a>
<header class="site">
  <a class="brand" href="{{url.home()}}">{{_('Policy Clearing House')}}</a>
  <form class="searchbox" action="/search" method="get" role="search">
    <label for="q" class="visually-hidden">{{_('Search documents')}}</label>
    <input id="q" name="q" type="search" value="{{q}}" placeholder="{{_('Search in any language')}}" autocomplete="off">
    <input type="hidden" name="hl" value="{{hl}}">
    <button type="submit">{{_('Search')}}</button>
  </form>
  <nav class="languages" aria-label="{{_('Interface language')}}">
    <ul>
% for code, name, link, current in languages:
      <li><a href="{{link}}" lang="{{code}}" hreflang="{{code}}" dir="{{dir_for(code)}}"{{!' aria-current="true"' if current else ''}}>{{name}}</a></li>
% end
    </ul>
  </nav>
</header>
<main id="main">
{{!base}}
</main>
<footer class="site"><a href="{{url.search()}}">{{_('All documents')}}</a></footer>
</body>
</html>
