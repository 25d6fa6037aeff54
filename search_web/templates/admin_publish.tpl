% rebase('base.tpl', title=title, q='')
<section class="admin">
% include('_admin_nav.tpl')
  <h1>{{title}}</h1>
  <p>{{_('Live snapshot: %(name)s') % {'name': snapshot} }}</p>
% if run is None:
  <p>{{_('Nothing has been published from here yet.')}}</p>
% elif run.running:
  <p class="progress" role="status">{{_('Publishing: %(done)d of %(total)d documents read') % {'done': run.done, 'total': run.total} }} {{run.current}}</p>
  <progress max="{{run.total or 1}}" value="{{run.done}}"></progress>
% else:
%   outcome = {0: _('Published.'), 1: _('Published, but the manifest has problems: see below and fix them.'), 2: _('Nothing was published.')}
  <p class="outcome outcome-{{run.status}}" role="status">{{outcome.get(run.status, outcome[2])}} ({{since(run.started)}}–{{since(run.finished)}} UTC, {{run.user}})</p>
%   if run.errors:
  <pre class="report">{{run.errors}}</pre>
%   end
  <pre class="report">{{run.output}}</pre>
% end
  <form method="post" action="{{hl_url('/admin/rollback')}}">
    <input type="hidden" name="csrf" value="{{session.csrf}}">
    <button type="submit" name="rollback" value="1">{{_('Roll back to the previous snapshot')}}</button>
  </form>
</section>
