'use strict';
const settings = Object.freeze({ x: 1 });
settings.x = 2;
