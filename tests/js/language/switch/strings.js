function method(m) {
  switch (m.toUpperCase()) {
    case 'GET':
    case 'HEAD': return 'read';
    case 'POST':
    case 'PUT':
    case 'PATCH': return 'write';
    case 'DELETE': return 'delete';
    default: return 'unknown';
  }
}
console.log(['get', 'Head', 'post', 'delete', 'trace'].map(method));
