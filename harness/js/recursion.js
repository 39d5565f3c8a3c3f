// recursion: naive doubly recursive Fibonacci; n is the argument (25).
function fib(k) {
  return k < 2 ? k : fib(k - 1) + fib(k - 2);
}
function bench(n) {
  return fib(n);
}
