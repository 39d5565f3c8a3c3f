function ok(a, b) {}
function bad(a, a) {}
