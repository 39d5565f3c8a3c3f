'use strict';
function setIt() {
  undeclaredName = 5;
}
setIt();
