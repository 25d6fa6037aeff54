% rebase('base.tpl', title=title, q='')
<article class="document">
  <h1 lang="{{doc['language']}}" dir="{{dir_for(doc['language'])}}">{{doc['title']}}</h1>
  <dl class="meta">
    <dt>Country</dt><dd><a href="/search?country={{doc['country']}}">{{doc['country_label']}}</a></dd>
    <dt>Date</dt><dd>{{doc['date'] or 'undated'}}</dd>
    <dt>Languages</dt><dd>
% for lang in doc['languages_labelled']:
      <a href="/search?language={{lang['code']}}">{{lang['label']}}</a> ({{round(lang['share'] * 100)}}%)
% end
% if not doc['languages_labelled']:
      {{doc['language_label']}}
% end
    </dd>
    <dt>Topics</dt><dd>
% for slug, name in doc['topic_labels']:
      <a href="/search?topic={{slug}}">{{name}}</a>
% end
    </dd>
    <dt>File</dt><dd><a href="{{doc['file_url']}}">Download the original ({{doc['format'].upper()}}{{', %d pages' % doc['pages'] if doc['pages'] else ''}})</a></dd>
% if doc['source_url']:
    <dt>Source</dt><dd><a href="{{doc['source_url']}}" rel="nofollow noopener">{{doc['source_url']}}</a></dd>
% end
  </dl>
% if doc['status'] != 'ok':
  <p class="notice status-{{doc['status']}}">The text of this document could not be read ({{doc['status'].replace('_', ' ')}}): {{doc['error']}}. It is listed by its description only; the original file can still be downloaded.</p>
% end
% for note in doc['notes']:
  <p class="notice">{{note}}</p>
% end
% if searched:
  <p class="notice">Words matching “{{searched}}” are marked. <a href="{{doc['url']}}">Show without marks</a></p>
% end
% if doc['text']:
  <div class="text" lang="{{doc['language']}}" dir="auto">
%   for i, paragraphs in enumerate(pages, 1):
    <section class="page" aria-label="Page {{i}}">
%     for para in paragraphs:
      <p dir="auto">{{!para}}</p>
%     end
    </section>
%   end
  </div>
% end
% if more:
  <section class="more">
    <h2>More like this</h2>
    <ol class="hits">
%   for r in more:
%     include('_result.tpl', r=r)
%   end
    </ol>
  </section>
% end
</article>
