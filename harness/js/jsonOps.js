// jsonOps: JSON.stringify then JSON.parse of a small nested object.
function bench(n) {
  const o = { users: [{ id: 1 }, { id: 2 }] };
  let c = 0;
  for (let i = 0; i < n; i++) {
    const p = JSON.parse(JSON.stringify(o));
    c = (c + p.users.length) % 1000000;
  }
  return c;
}
