const r = JSON.parse('{"a":1,"b":{"c":2,"d":[3,4]}}', (k, v) => (typeof v === 'number' ? v * 100 : v));
console.log(r);
const order = [];
JSON.parse('{"x":{"y":1},"z":[2]}', function (k, v) { order.push(k === '' ? '(root)' : k); return v; });
console.log(order);
const dropped = JSON.parse('{"keep":1,"drop":2}', (k, v) => (k === 'drop' ? undefined : v));
console.log(dropped);
