function f() {
  continue;
}
