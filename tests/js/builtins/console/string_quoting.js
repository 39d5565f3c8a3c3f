console.log(['single', "it's", 'say "hi"', `both ' and "`, 'all \' " `']);
console.log({ s: 'x', t: "y'z" });
console.log(['line\nbreak', 'tab\there', 'back\\slash', 'nul\u0001']);
console.log('top level strings are raw: \'quoted\' "double"');
