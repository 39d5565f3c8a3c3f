// Two function declarations of one name in a block (here a switch) are a
// SyntaxError in strict code (it once crashed the scope analysis).
switch (0) {
  case 1:
    function f() {}
  default:
    function f() {}
}
