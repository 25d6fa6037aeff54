% rebase('base.tpl', title=title, q='')
<section class="error">
  <h1>{{title}}</h1>
  <p>{{message}}</p>
  <p><a href="{{url.home()}}">{{_('Go to the home page')}}</a></p>
</section>
