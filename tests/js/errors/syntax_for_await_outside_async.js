console.log("never printed");
function f() {
  for await (const x of []) {}
}
