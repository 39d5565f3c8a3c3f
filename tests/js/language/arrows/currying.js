const curry3 = f => a => b => c => f(a, b, c);
const vol = curry3((l, w, h) => l * w * h);
console.log(vol(2)(3)(4));
const pipe = (...fns) => x => fns.reduce((v, f) => f(v), x);
console.log(pipe(x => x + 1, x => x * 3, String)(4));
