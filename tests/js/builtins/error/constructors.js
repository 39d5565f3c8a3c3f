const types = [Error, TypeError, RangeError, SyntaxError, ReferenceError, URIError, EvalError];
for (const T of types) {
  const e = new T('m');
  console.log(e.name, e.message, e instanceof Error, e instanceof T, Object.prototype.toString.call(e));
}
