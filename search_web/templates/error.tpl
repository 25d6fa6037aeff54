% rebase('base.tpl', title=title, q='')
<section class="error">
  <h1>{{title}}</h1>
  <p>{{message}}</p>
  <p><a href="/">Go to the home page</a> or search above.</p>
</section>
