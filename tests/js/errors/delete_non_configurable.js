'use strict';
const o = {};
Object.defineProperty(o, 'x', { value: 1 });
delete o.x;
