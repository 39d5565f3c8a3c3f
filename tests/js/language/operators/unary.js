console.log(+'3', +'', +'  42  ', +'0x1f', +'1e3', +'abc', +true, +null, +undefined, +[]);
console.log(-'3', -(-4), !0, !'', !!'x', !null, !NaN);
console.log(+[5], +[1, 2], +{}, -0 === 0);
