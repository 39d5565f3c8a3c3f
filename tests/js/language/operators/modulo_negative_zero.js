console.log(Object.is(-4 % 2, -0), Object.is(4 % -2, 0), -0 % 5);
console.log(Object.is(Math.round(-0.4), -0), 1 / (-0) , 1 / (0 * -1));
console.log([-0], { z: -0 }, -0 + '', String(-0), JSON.stringify(-0));
