console.log('before');
new RegExp('a', 'z');
