const vals = [0, -0, NaN, '', null, undefined, false, '0', 'false', [], {}, ' ', 1, -1, Infinity];
console.log(vals.map(Boolean));
console.log(vals.map(v => !!v).filter(Boolean).length);
