% rebase('base.tpl', title=title, q='')
<section class="admin">
% include('_admin_nav.tpl')
  <h1>{{title}}</h1>
  <p>{{_('Added as %(id)s (%(file)s). It is not on the site until you publish.') % {'id': doc_id, 'file': file} }}</p>
  <dl class="preview">
    <dt>{{_('Status')}}</dt><dd class="status status-{{preview.get('status', '')}}">{{status_label(preview.get('status', ''))}}</dd>
% if preview.get('error'):
    <dt>{{_('Why')}}</dt><dd>{{preview['error']}}</dd>
% end
    <dt>{{_('Format')}}</dt><dd>{{preview.get('format', '')}}{{(', %d p.' % preview['pages']) if preview.get('pages') else ''}}, {{preview.get('chars', 0)}} {{_('characters')}}</dd>
    <dt>{{_('Languages')}}</dt><dd>{{', '.join('%s %d%%' % (l['code'], round(l['share'] * 100)) for l in preview.get('languages', [])) or preview.get('language', '')}}</dd>
  </dl>
% if preview.get('preview'):
  <h2>{{_('Beginning of the text')}}</h2>
  <div class="preview-text" dir="auto">
%   for para in [p for p in preview['preview'].replace('\f', '\n\n').split('\n\n') if p.strip()][:6]:
    <p>{{para}}</p>
%   end
  </div>
% end
  <form method="post" action="{{hl_url('/admin/publish')}}">
    <input type="hidden" name="csrf" value="{{session.csrf}}">
    <button type="submit" name="publish" value="1">{{_('Publish the changes')}}</button>
  </form>
</section>
