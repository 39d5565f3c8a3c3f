// httpHandler: the shape of a tiny request handler -- build a response
// object with a JSON body.
function bench(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = { status: 200, body: JSON.stringify({ id: i % 100, name: 'User' }) };
    total = (total + r.body.length) % 1000000;
  }
  return total;
}
