// asyncChain: each iteration awaits through three async functions (top ->
// middle -> leaf, leaf twice), so one step is five awaits of promises that
// are already settled or settle in the same job drain: the cost of async
// function calls, await suspension and resumption, and the microtask queue.
async function leaf(x) {
  return (x * 2 + 1) % 1009;
}

async function middle(x) {
  const a = await leaf(x);
  const b = await leaf(a);
  return a + b;
}

async function top(x) {
  return (await middle(x)) % 1000;
}

async function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) acc = (acc + (await top(i))) % 1000003;
  return acc;
}
