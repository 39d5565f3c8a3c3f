const s = 'text';
console.log(s?.length, s?.toUpperCase?.(), (5)?.toFixed(1), true?.toString());
