'use strict';
const sealed = Object.preventExtensions({ a: 1 });
sealed.c = 3;
