% rebase('base.tpl', title=title, q='')
<section class="admin">
% include('_admin_nav.tpl')
  <h1>{{title}}</h1>
  <p>{{_('Live snapshot: %(name)s') % {'name': snapshot} }}</p>
  <div class="admin-actions">
    <form method="post" action="{{hl_url('/admin/publish')}}">
      <input type="hidden" name="csrf" value="{{session.csrf}}">
      <button type="submit" name="publish" value="1">{{_('Publish the changes')}}</button>
    </form>
    <form method="post" action="{{hl_url('/admin/rollback')}}">
      <input type="hidden" name="csrf" value="{{session.csrf}}">
      <button type="submit" name="rollback" value="1">{{_('Roll back to the previous snapshot')}}</button>
    </form>
  </div>
% if run is not None:
  <p><a href="{{hl_url('/admin/publish')}}">{{_('Last publication') if not run.running else _('A publication is running')}}</a></p>
% end
% reasons = {'failed': _('unreadable'), 'needs_ocr': _('scanned, needs OCR'), 'empty': _('empty'), 'near-empty': _('almost no text'), 'no topic': _('no topic'), 'unknown language': _('unknown language'), 'duplicate': _('same file as'), 'problem': _('manifest problem')}
  <h2>{{_('Needs attention')}} ({{len(attention)}})</h2>
% if attention:
  <table class="admin-table attention">
    <tr><th>{{_('Document')}}</th><th>{{_('Why')}}</th><th>{{_('Details')}}</th></tr>
%   for doc, reason, detail in attention:
    <tr>
%     if doc:
      <td><a href="{{hl_url('/admin/doc/' + doc['id'])}}">{{doc['id']}}</a></td>
%     else:
      <td></td>
%     end
      <td>{{reasons.get(reason, reason)}}</td><td>{{detail}}</td>
    </tr>
%   end
  </table>
% else:
  <p>{{_('Nothing needs attention.')}}</p>
% end
  <h2>{{_('Documents')}} ({{len(report.get('documents', []))}})</h2>
  <table class="admin-table documents">
    <tr><th>{{_('Document')}}</th><th>{{_('Title')}}</th><th>{{_('Country')}}</th><th>{{_('Added')}}</th><th>{{_('Status')}}</th></tr>
% for doc in sorted(report.get('documents', []), key=lambda d: d.get('added', ''), reverse=True):
    <tr>
      <td><a href="{{hl_url('/admin/doc/' + doc['id'])}}">{{doc['id']}}</a></td>
      <td dir="auto">{{doc['title']}}</td><td>{{doc['country']}}</td><td>{{(doc.get('added') or '')[:10]}}</td>
      <td>{{status_label(doc['status'])}}</td>
    </tr>
% end
  </table>
</section>
