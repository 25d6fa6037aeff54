% rebase('base.tpl', title=title, q='')
% uploading = action == '/admin/upload'
% date = doc.get('date', '')
<section class="admin">
% include('_admin_nav.tpl')
  <h1>{{title}}{{'' if uploading else ': ' + doc.get('id', '')}}</h1>
% if error:
  <p class="notice error" role="alert">{{error}}</p>
% end
  <form class="admin-form" method="post" action="{{hl_url(action)}}"{{!' enctype="multipart/form-data"' if uploading else ''}}>
    <input type="hidden" name="csrf" value="{{session.csrf}}">
% if uploading:
    <label for="file">{{_('File')}}</label>
    <input id="file" name="file" type="file" required>
% else:
    <label for="id">{{_('Id (changing it redirects the old address)')}}</label>
    <input id="id" name="id" value="{{doc.get('id', '')}}">
% end
    <label for="title">{{_('Title')}}</label>
    <input id="title" name="title" value="{{doc.get('title', '')}}" dir="auto">
    <label for="country">{{_('Country')}}</label>
    <select id="country" name="country" required>
      <option value="">—</option>
% for code, name in countries:
      <option value="{{code}}"{{!' selected' if code == doc.get('country') else ''}}>{{name}} ({{code}})</option>
% end
    </select>
    <fieldset><legend>{{_('Topics')}}</legend>
% chosen = (doc.get('topics') or '').split(';')
% for slug, label in topics:
      <label class="check"><input type="checkbox" name="topics" value="{{slug}}"{{!' checked' if slug in chosen else ''}}> {{label}}</label>
% end
    </fieldset>
    <fieldset><legend>{{_('Type')}}</legend>
      <label class="check"><input type="radio" name="type" value=""{{!' checked' if not doc.get('type') else ''}}> —</label>
% for slug, label in types:
      <label class="check"><input type="radio" name="type" value="{{slug}}"{{!' checked' if slug == doc.get('type') else ''}}> {{label}}</label>
% end
    </fieldset>
    <label for="date">{{_('Date')}}</label>
    <input id="date" name="date" type="date" value="{{date if len(date) == 10 else ''}}">
    <label for="date_partial">{{_('or only the year or month (YYYY or YYYY-MM)')}}</label>
    <input id="date_partial" name="date_partial" value="{{date if len(date) < 10 else ''}}">
    <label for="language">{{_('Language (ISO 639-1 code; empty: detected)')}}</label>
    <input id="language" name="language" value="{{doc.get('language', '')}}">
    <label for="source_url">{{_('Source address')}}</label>
    <input id="source_url" name="source_url" type="url" value="{{doc.get('source_url', '')}}">
    <label for="group">{{_('Group (the same for the language versions of one document)')}}</label>
    <input id="group" name="group" value="{{doc.get('group', '')}}">
    <button type="submit">{{_('Upload and check') if uploading else _('Save')}}</button>
  </form>
% if not uploading:
  <form class="admin-form withdraw" method="post" action="{{hl_url(action + '/withdraw')}}">
    <input type="hidden" name="csrf" value="{{session.csrf}}">
    <button type="submit" name="withdraw" value="1">{{_('Withdraw this document')}}</button>
  </form>
% end
</section>
