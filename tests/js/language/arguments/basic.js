function f() {
  return [arguments.length, arguments[0], arguments[2], typeof arguments];
}
console.log(f('a', 'b', 'c'), f());
