'use strict';
const o = { get ro() { return 1; } };
o.ro = 5;
