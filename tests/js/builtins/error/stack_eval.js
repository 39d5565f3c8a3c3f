"use strict";
// Frames of code from strings, as V8 names them: eval code is
// "eval at CALLER (file:line:col), <anonymous>", its top level `eval`.
function frames(e) {
  const lines = e.stack.split("\n");
  const end = lines.findIndex((l) => l.trim().startsWith("at main ("));
  return lines.slice(0, end + 1).map((l) => l.replace(/[^ (]*\//g, "").replace(/<anonymous>:1:\d+\)$/, "<anonymous>:1:N)"));
}
function main() {
  try {
    eval("(function g() { throw new Error('in eval'); })()");
  } catch (e) {
    console.log(frames(e).join("\n"));
  }
  try {
    new Function("a", "return a.b.c")(undefined);
  } catch (e) {
    console.log(e.stack.split("\n")[0]);
  }
}
main();
