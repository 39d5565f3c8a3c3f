// regexReplace: an HTML-escaping pass (one global character-class regex
// with a replacer function) and a {{name}} templating pass (a global regex
// with a capture group and a replacer reading the model), over short
// user-generated strings.
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
function render(template, model) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key) =>
    key in model ? escapeHtml(String(model[key])) : '');
}
const TEMPLATES = [
  '<li class="user">{{name}} &lt;{{email}}&gt; joined {{ days }} days ago</li>',
  '<p>{{greeting}}, {{name}}! You have {{count}} new messages.</p>',
  '<a href="/u/{{id}}" title="{{title}}">{{name}}</a>',
  '<div>{{missing}} plain text with no markup at all, just words</div>',
];
const MODELS = [
  { name: 'Ada <admin>', email: 'ada@example.com', days: 3, greeting: 'Hi', count: 12, id: 7,
    title: 'Tom & "Jerry"' },
  { name: "O'Brien", email: 'ob@example.org', days: 120, greeting: 'Hello', count: 0, id: 42,
    title: 'a < b > c' },
  { name: 'plain', email: 'p@example.net', days: 1, greeting: 'Hey', count: 5, id: 1,
    title: 'none' },
];
function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const out = render(TEMPLATES[i % TEMPLATES.length], MODELS[i % MODELS.length]);
    acc = (acc + out.length + out.charCodeAt(i % out.length)) % 1000000;
  }
  return acc;
}
