% rebase('base.tpl', title=title, q='')
<section class="error">
  <h1>{{title}}</h1>
  <p>{{message}}</p>
  <p><a href="/?hl={{hl}}">{{_('Go to the home page')}}</a></p>
</section>
