% rebase('base.tpl', title=title, q=q)
<script type="application/ld+json">{{!json_ld}}</script>
<article class="document">
% if back_url:
  <p class="back"><a href="{{back_url}}">{{_('Back to the results')}}</a></p>
% end
  <h1 lang="{{doc['language']}}" dir="{{dir_for(doc['language'])}}">{{doc['title']}}</h1>
  <dl class="meta">
    <dt>{{_('Country')}}</dt><dd><a href="{{url.search(country=doc['country'])}}">{{doc['country_label']}}</a></dd>
    <dt>{{_('Date')}}</dt><dd>{{doc['date'] or _('undated')}}</dd>
    <dt>{{_('Languages')}}</dt><dd>
% for lang in doc['languages_labelled']:
      <a href="{{url.search(language=lang['code'])}}">{{lang['label']}}</a> ({{round(lang['share'] * 100)}}%)
% end
% if not doc['languages_labelled']:
      {{doc['language_label']}}
% end
    </dd>
    <dt>{{_('Topics')}}</dt><dd>
% for slug, name in doc['topic_labels']:
      <a href="{{url.search(topic=slug)}}">{{name}}</a>
% end
% if doc['topics_automatic'] and doc['topic_labels']:
      <small class="automatic">({{_('assigned automatically from the glossary')}})</small>
% end
    </dd>
% if doc.get('type_label'):
    <dt>{{_('Document type')}}</dt><dd><a href="/search?type={{doc['type']}}&amp;hl={{hl}}">{{doc['type_label']}}</a>
%   if doc.get('type_automatic'):
      <small class="automatic">({{_('guessed from the title')}})</small>
%   end
    </dd>
% end
% if doc.get('also_in'):
    <dt>{{_('Language versions')}}</dt><dd class="versions">
%   for i, v in enumerate(doc['also_in']):
      {{' · ' if i else ''}}<a href="{{v['url']}}?hl={{hl}}" lang="{{v['language']}}" dir="{{dir_for(v['language'])}}" hreflang="{{v['language']}}">{{v['label']}}</a>
%   end
    </dd>
% end
    <dt>{{_('File')}}</dt><dd><a href="{{doc['file_url']}}">{{_('Download the original')}} ({{doc['format'].upper()}}{{', ' + ngettext('%(count)d page', '%(count)d pages', doc['pages']) % {'count': doc['pages']} if doc['pages'] else ''}})</a></dd>
    <dt>{{_('Cite')}}</dt><dd class="exports"><a href="{{url.doc_export(doc['id'], 'ris')}}" download>RIS</a> · <a href="{{url.doc_export(doc['id'], 'bib')}}" download>BibTeX</a> · <a href="{{url.doc_export(doc['id'], 'json')}}" download>CSL-JSON</a></dd>
% if doc['source_url']:
    <dt>{{_('Source')}}</dt><dd><a href="{{doc['source_url']}}" rel="nofollow noopener">{{doc['source_url']}}</a></dd>
% end
  </dl>
% for notice in notices:
  <p class="notice status-{{doc['status']}}">{{notice}}</p>
% end
% if doc['ocr']:
  <p class="notice ocr">{{_('Text recognised from a scan; it may contain errors.')}}</p>
% end
% if searched:
  <p class="notice">{{_('Words matching “%(query)s” are marked.') % {'query': searched} }} <a href="{{unmarked_url}}">{{_('Show without marks')}}</a></p>
% end
% if doc['text']:
  <div class="text" lang="{{doc['language']}}" dir="{{dir_for(doc['language'])}}">
%   if parts > 1:
  <p class="notice">{{_('Part %(part)d of %(parts)d of a long text.') % {'part': part, 'parts': parts} }}
%     if part > 1:
    <a rel="prev" href="{{part_url(part - 1)}}">{{_('Previous')}}</a>
%     end
%     if part < parts:
    <a rel="next" href="{{part_url(part + 1)}}">{{_('Next')}}</a>
%     end
  </p>
%   end
%   for i, paragraphs in enumerate(pages, first_page):
%     label = _('Page %(page)d') % {'page': i}
    <section class="page" id="page-{{i}}" aria-label="{{label}}">
%     if len(pages) > 1 or doc['pages'] > 1:
      <p class="page-number"><a href="{{url.file(doc['id'], page=i) if doc['format'] == 'pdf' else '#page-' + str(i)}}">{{label}}</a></p>
%     end
%     for para, code in paragraphs:
      <p lang="{{code}}" dir="{{dir_for(code)}}">{{!para}}</p>
%     end
    </section>
%   end
  </div>
% end
% if more:
  <section class="more">
    <h2>{{_('More like this')}}</h2>
    <ol class="hits">
%   for r in more:
%     include('_result.tpl', r=r)
%   end
    </ol>
  </section>
% end
</article>
