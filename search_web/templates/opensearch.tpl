<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Policy Clearing House</ShortName>
  <Description>Search policy documents in any language</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="{{base}}/search?q={searchTerms}&amp;page={startPage?}"/>
  <Url type="application/atom+xml" template="{{base}}/feed?q={searchTerms}"/>
  <Url type="application/json" template="{{base}}/api/v1/search?q={searchTerms}&amp;page={startPage?}"/>
</OpenSearchDescription>
