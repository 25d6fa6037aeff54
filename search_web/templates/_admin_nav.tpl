<nav class="admin-nav" aria-label="{{_('Staff')}}">
  <a href="{{hl_url('/admin')}}">{{_('Staff')}}</a>
  <a href="{{hl_url('/admin/upload')}}">{{_('Add a document')}}</a>
  <a href="{{hl_url('/admin/publish')}}">{{_('Publication')}}</a>
  <form method="post" action="{{hl_url('/admin/logout')}}">
    <input type="hidden" name="csrf" value="{{session.csrf}}">
    <button type="submit">{{_('Sign out')}} ({{session.user}})</button>
  </form>
</nav>
% for notice in notices:
<p class="notice" role="status">{{notice}}</p>
% end
