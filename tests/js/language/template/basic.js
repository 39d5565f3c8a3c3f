const name = 'Kite';
const n = 3;
console.log(`hello ${name}`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`no subs`);
console.log(`${'nested ' + `inner ${n * 2}`}`);
console.log(`${[1, 2]} ${{}} ${null} ${undefined} ${true}`);
