const primes = [];
outer: for (let n = 2; primes.length < 15; n++) {
  for (const p of primes) {
    if (p * p > n) break;
    if (n % p === 0) continue outer;
  }
  primes.push(n);
}
console.log(primes);
