console.log(`tab\there`, `quote\`s`, `dollar \${not}`, `back\\slash`);
console.log(`\u0041\x42\u{1F600}`.length, `\u0041\x42`);
console.log(`a$b`, `$`, `{}`, `$ {x}`);
