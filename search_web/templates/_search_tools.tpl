% if result['total'] and not result['results']:
  <p class="notice past-end">{{_('Page %(page)d is past the end of this search.') % {'page': result['page']} }}
    <a href="{{page_url(result['pages'])}}">{{_('Go to the last page (%(pages)d)') % {'pages': result['pages']} }}</a></p>
% end
% if result['total']:
  <p class="exports">{{_('Export these results:')}}
    <a href="{{export_url('csv')}}" download>CSV</a> · <a href="{{export_url('ris')}}" download>RIS</a> ·
    <a href="{{export_url('bib')}}" download>BibTeX</a> · <a href="{{export_url('json')}}" download>CSL-JSON</a></p>
  <details class="embed-snippet">
    <summary>{{_('Embed this search')}}</summary>
    <p>{{_('Paste this into your page to show this list, kept up to date:')}}</p>
    <textarea readonly rows="3" aria-label="{{_('Embed this search')}}">{{embed_snippet['iframe']}}</textarea>
    <p>{{_('Or read it as a feed:')}} <a href="{{embed_snippet['feed']}}">{{embed_snippet['feed']}}</a></p>
  </details>
% end
