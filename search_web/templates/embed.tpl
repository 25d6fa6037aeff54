<!DOCTYPE html>
<html lang="{{hl}}" dir="{{dir_for(hl)}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · {{_('Policy Clearing House')}}</title>
<link rel="stylesheet" href="/static/embed.css">
<link rel="canonical" href="{{canonical}}">
</head>
<body class="embed">
<ol class="embed-hits">
% for r in result['results']:
  <li>
    <a href="{{r['link_absolute']}}" target="_blank" rel="noopener" lang="{{r['language']}}" dir="{{dir_for(r['language'])}}">{{r['title']}}</a>
    <span class="meta">{{r['country_label']}} · {{r['date'] or _('undated')}} · {{r['language_label']}}</span>
  </li>
% end
</ol>
% if not result['results']:
<p class="empty">{{_('No documents match.')}}</p>
% end
<p class="view-all"><a href="{{all_url}}" target="_blank" rel="noopener">{{_('View all %(count)d on %(site)s') % {'count': result['total'], 'site': _('Policy Clearing House')} }}</a></p>
</body>
</html>
