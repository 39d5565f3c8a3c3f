const out = [];
for (let i = 0; i < 5; i++) {
  switch (i) {
    case 1: continue;
    case 3: break;
    default: out.push(i);
  }
  out.push('after' + i);
}
console.log(out);
