% rebase('base.tpl', title=title, q='')
<section class="admin">
  <h1>{{title}}</h1>
% if error:
  <p class="notice error" role="alert">{{error}}</p>
% end
  <form class="admin-form" method="post" action="/admin/login?hl={{hl}}">
    <input type="hidden" name="token" value="{{token}}">
    <label for="name">{{_('Name')}}</label>
    <input id="name" name="name" autocomplete="username" required>
    <label for="password">{{_('Password')}}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">{{_('Sign in')}}</button>
  </form>
</section>
