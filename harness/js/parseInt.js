// parseInt: decimal and hexadecimal parseInt, Number() and parseFloat on a
// fixed set of numeric strings (prepared before the loop).
function bench(n) {
  const dec = [];
  const hex = [];
  const flt = [];
  for (let k = 0; k < 64; k++) {
    dec.push(String((k * 7919) % 100000));
    hex.push(((k * 2654435761) % 65536).toString(16));
    flt.push(k + '.' + ((k * 37) % 100));
  }
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const j = i % 64;
    acc = (acc + parseInt(dec[j], 10) + parseInt(hex[j], 16)) % 1000000;
    acc = (acc + Number(dec[(j + 1) % 64]) + Math.floor(parseFloat(flt[j]))) % 1000000;
  }
  return acc;
}
