function f() {
  let arguments = [];
}
