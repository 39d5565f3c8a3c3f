for (const [i, v] of ['a', 'b'].entries()) console.log(i, v);
for (const k of ['a', 'b'].keys()) console.log(k);
for (const v of ['a', 'b'].values()) console.log(v);
